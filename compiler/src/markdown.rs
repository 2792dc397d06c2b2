//! Markdown to typed rich text: pulldown-cmark events folded into `Block`s with byte spans.

use std::ops::Range;
use std::sync::Arc;

use pulldown_cmark::{Options, Parser};
use selfhelp_bundle::{Block, Inline};

use crate::diagnostics::Diagnostic;
use crate::source::SourceFile;

mod anchors;
mod events;
mod flatten;
mod html_links;
mod inlines;
mod prepass;
mod raw_html;
mod regions;
mod repair;
mod tables;
mod xml;

use inlines::{push_inline, push_paragraph, tidy};

/// A top-level block with where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceBlock {
    pub block: Block,
    pub span: Range<usize>,
    /// For a list: the span of each item, in order; empty otherwise.
    pub item_spans: Vec<Range<usize>>,
}

/// Parses `range` of the source into top-level blocks. Never panics.
pub fn parse(
    source: &Arc<SourceFile>,
    range: Range<usize>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<SourceBlock> {
    parse_counted(source, range, diagnostics).0
}

/// [`parse`], also returning how many pieces of content were dropped without a
/// diagnostic. It should always be 0: every block ends up in the output or in a warning.
pub fn parse_counted(
    source: &Arc<SourceFile>,
    range: Range<usize>,
    diagnostics: &mut Vec<Diagnostic>,
) -> (Vec<SourceBlock>, usize) {
    let range = source.clamp_range(range);
    let text = source.text.get(range.clone()).unwrap_or("");
    let mut converter = Converter {
        source,
        diagnostics,
        stack: vec![Frame::container(Container::Root, 0..0)],
        out: Vec::new(),
        silent_drops: 0,
        anchors: Vec::new(),
        flattening: Default::default(),
    };
    converter.run_pieces(text, range.start);
    let drops = converter.silent_drops;
    converter.check_anchors();
    (converter.finish(), drops)
}

/// Parses text that has no place in a source file (form hints), dropping its diagnostics.
pub fn parse_detached(text: &str) -> Vec<Block> {
    let source = Arc::new(SourceFile::new("", text));
    let mut ignored = Vec::new();
    parse(&source, 0..text.len(), &mut ignored)
        .into_iter()
        .map(|b| b.block)
        .collect()
}

fn options() -> Options {
    Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TABLES
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Container {
    Root,
    Quote,
    Item,
}

#[derive(Debug)]
enum Span {
    Paragraph,
    Heading(u8),
    Strong,
    Emphasis,
    Strikethrough,
    Link {
        href: String,
    },
    Image {
        href: String,
    },
    Placeholder {
        name: String,
    },
    /// A table cell; closing it adds the content to the table's last row.
    Cell,
    /// An allowed inline HTML tag, closed by its closing tag or its paragraph's end.
    Tag {
        name: String,
        kind: crate::html::TagKind,
    },
}

#[derive(Debug)]
enum Frame {
    Container {
        kind: Container,
        blocks: Vec<Block>,
        /// Inline content of a tight list item, not wrapped in a paragraph event.
        loose: Vec<Inline>,
        span: Range<usize>,
    },
    List {
        start: Option<u64>,
        items: Vec<Vec<Block>>,
        item_spans: Vec<Range<usize>>,
        span: Range<usize>,
    },
    Inline {
        kind: Span,
        content: Vec<Inline>,
        span: Range<usize>,
    },
    Code {
        language: String,
        code: String,
        span: Range<usize>,
    },
    Html {
        text: String,
        span: Range<usize>,
    },
    /// A table; the first row is the header.
    Table {
        rows: Vec<Vec<Vec<Inline>>>,
        span: Range<usize>,
    },
}

impl Frame {
    fn container(kind: Container, span: Range<usize>) -> Self {
        Frame::Container {
            kind,
            blocks: Vec::new(),
            loose: Vec::new(),
            span,
        }
    }
}

struct Converter<'a> {
    source: &'a Arc<SourceFile>,
    diagnostics: &'a mut Vec<Diagnostic>,
    stack: Vec<Frame>,
    out: Vec<SourceBlock>,
    /// Content dropped without a diagnostic (see [`parse_counted`]).
    silent_drops: usize,
    /// `#anchor` links with their spans, checked against the headings at the end.
    anchors: Vec<(String, Range<usize>)>,
    /// Levels nested too deep, being flattened.
    flattening: flatten::Flattening,
}

impl Converter<'_> {
    /// Feeds the events of `text`, whose byte 0 is at `base` in the source.
    fn run(&mut self, text: &str, base: usize, depth: u8) {
        for (event, range) in Parser::new_ext(text, options()).into_offset_iter() {
            let span = range.start + base..range.end + base;
            self.event(event, span, depth);
        }
    }

    fn finish(mut self) -> Vec<SourceBlock> {
        // Unwind anything left open (pulldown-cmark closes everything, but stay safe).
        while self.stack.len() > 1 {
            self.close_top();
        }
        self.flush_loose();
        self.out
    }

    /// Pops the top frame and hands what it built to its parent.
    fn close_top(&mut self) {
        if self.stack.len() <= 1 {
            return;
        }
        let Some(frame) = self.stack.pop() else {
            return;
        };
        match frame {
            Frame::Inline {
                kind,
                content,
                span,
            } => self.close_span(kind, content, span),
            Frame::Container {
                kind,
                mut blocks,
                loose,
                span,
            } => {
                let loose = self.repair(loose, &span);
                push_paragraph(&mut blocks, loose);
                match kind {
                    Container::Item => {
                        if let Some(Frame::List { items, .. }) = self.stack.last_mut() {
                            items.push(blocks);
                        }
                    }
                    Container::Quote => self.block(Block::Quote(blocks), span, Vec::new()),
                    Container::Root => {}
                }
            }
            Frame::List {
                start,
                items,
                item_spans,
                span,
            } => self.block(Block::List { start, items }, span, item_spans),
            Frame::Code {
                language,
                code,
                span,
            } => {
                // A code block holds plain text: placeholders show their default there.
                let code = crate::html::split_placeholders(&code)
                    .into_iter()
                    .map(|(_, text)| text)
                    .collect();
                self.block(Block::CodeBlock { language, code }, span, Vec::new())
            }
            Frame::Html { .. } => {}
            Frame::Table { rows, span } => self.close_table(rows, span),
        }
    }

    fn inline(&mut self, inline: Inline) {
        let inline = match inline {
            Inline::Text(text) if text.contains('\u{1}') => Inline::Text(text.replace('\u{1}', "")),
            other => other,
        };
        match self.stack.last_mut() {
            Some(Frame::Inline { content, .. }) => push_inline(content, inline),
            Some(Frame::Container { loose, .. }) => push_inline(loose, inline),
            Some(Frame::Code { code, .. }) => code.push_str(&Inline::plain_text(&[inline])),
            Some(Frame::List { .. } | Frame::Html { .. } | Frame::Table { .. }) | None => {
                if !Inline::plain_text(&[inline]).trim().is_empty() {
                    self.silent_drops += 1
                }
            }
        }
    }

    /// Text from the parser: appended to the text before it when there is one (the
    /// parser cuts a paragraph at every line end and special character), so most of it
    /// is never a string of its own.
    fn text(&mut self, text: pulldown_cmark::CowStr<'_>) {
        let content = match self.stack.last_mut() {
            Some(Frame::Inline { content, .. }) => content,
            Some(Frame::Container { loose, .. }) => loose,
            _ => return self.inline(Inline::Text(text.into_string())),
        };
        match content.last_mut() {
            Some(Inline::Text(last)) if !text.contains('\u{1}') => last.push_str(&text),
            _ => self.inline(Inline::Text(text.into_string())),
        }
    }

    fn flush_loose(&mut self) {
        let Some(Frame::Container { loose, span, .. }) = self.stack.last_mut() else {
            return;
        };
        let (loose, span) = (std::mem::take(loose), span.clone());
        let loose = self.repair(loose, &span);
        if let Some(Frame::Container { blocks, .. }) = self.stack.last_mut() {
            push_paragraph(blocks, loose);
        }
    }

    fn block(&mut self, block: Block, span: Range<usize>, item_spans: Vec<Range<usize>>) {
        self.flush_loose();
        match self.stack.last_mut() {
            Some(Frame::Container {
                kind: Container::Root,
                ..
            }) => self.out.push(SourceBlock {
                block,
                span,
                item_spans,
            }),
            Some(Frame::Container { blocks, .. }) => blocks.push(block),
            // A block inside inline content cannot happen in CommonMark; keep its text.
            Some(Frame::Inline { content, .. }) => {
                push_inline(content, Inline::Text(Block::plain_text(&[block])))
            }
            _ => self.silent_drops += 1,
        }
    }
}

#[cfg(test)]
mod tests;
