//! Feeds the pre-pass's pieces to the converter: markdown parsed piece by piece, typed
//! blocks put between, and template regions wrapped around what they enclose.

use std::ops::Range;

use selfhelp_bundle::{Block, Inline};

use super::prepass::{self, Piece};
use super::{Converter, SourceBlock};
use crate::diagnostics::{codes, Diagnostic, Label};
use crate::links;

/// An open region: its name, the span of its opening comment, and where its blocks start.
struct Open {
    name: String,
    span: Range<usize>,
    first: usize,
}

impl Converter<'_> {
    /// Parses `text` (at `base` in the source) through the pre-pass.
    pub(super) fn run_pieces(&mut self, text: &str, base: usize) {
        let mut open: Vec<Open> = Vec::new();
        // Regions opened past the nesting cap: not wrapped, their closing comments eaten.
        let mut flattened: Vec<String> = Vec::new();
        for piece in prepass::split(text, base) {
            match piece {
                Piece::Markdown(range) => {
                    let sub = self.source.text.get(range.clone()).unwrap_or("");
                    self.run(sub, range.start, 0);
                    self.finish_piece();
                }
                Piece::Block(Ok(block), span) => {
                    let block = self.checked(block, &span);
                    self.block(block, span, Vec::new());
                }
                Piece::Block(Err(reason), span) => self.unreadable_block(reason, span),
                Piece::Heading(level, line, title) => self.unspaced_heading(level, line, title),
                Piece::RegionOpen(name, span) if open.len() >= super::flatten::MAX_REGION_DEPTH => {
                    self.report_flattening(&span);
                    flattened.push(name);
                }
                Piece::RegionOpen(name, span) => open.push(Open {
                    name,
                    span,
                    first: self.out.len(),
                }),
                Piece::RegionClose(name, _) if flattened.last() == Some(&name) => {
                    flattened.pop();
                }
                Piece::RegionClose(name, span) => {
                    let Some(depth) = open.iter().rposition(|o| o.name == name) else {
                        self.nesting(
                            &span,
                            format!("`<!--/{name}-->` closes a region that is not open"),
                            None,
                        );
                        continue;
                    };
                    // Regions opened inside this one and never closed end here too.
                    while open.len() > depth + 1 {
                        if let Some(inner) = open.pop() {
                            let message = format!(
                                "region `{}` is not closed before `{name}` ends",
                                inner.name
                            );
                            self.nesting(&inner.span, message, Some(&span));
                            self.wrap(inner, span.end);
                        }
                    }
                    if let Some(region) = open.pop() {
                        self.wrap(region, span.end);
                    }
                }
            }
        }
        for region in open.into_iter().rev() {
            // Its content stays where it is, so section headings inside are still seen.
            let message = format!("region `{}` is never closed", region.name);
            self.nesting(&region.span, message, None);
        }
    }

    /// `#Title`: the title parsed as inline markdown, made a heading, and reported.
    fn unspaced_heading(&mut self, level: u8, line: Range<usize>, title: Range<usize>) {
        let text = self.source.text.get(title.clone()).unwrap_or("");
        // `\u{1}` keeps the title a paragraph whatever it starts with; `inline` drops it.
        let sub = format!("\u{1}{text}");
        let before = self.out.len();
        self.run(&sub, title.start.saturating_sub(1), 1);
        self.finish_piece();
        let content = match self.out.pop() {
            Some(SourceBlock {
                block: Block::Paragraph(content),
                ..
            }) if self.out.len() == before => content,
            Some(other) => {
                self.out.push(other);
                return;
            }
            None => return,
        };
        let hashes = "#".repeat(usize::from(level));
        self.diagnostics.push(
            Diagnostic::warning(
                codes::HEADING_REPAIRED,
                "a heading without a space after its `#` was read as a heading",
                self.source,
                line.start..title.start,
                "no space after this",
            )
            .with_help(format!("write `{hashes} {}`", text.trim())),
        );
        self.block(Block::Heading { level, content }, line, Vec::new());
    }

    /// Closes anything a piece left open, so the next piece starts at the root.
    fn finish_piece(&mut self) {
        while self.stack.len() > 1 {
            self.close_top();
        }
        self.flush_loose();
    }

    /// Moves the top-level blocks since the region opened into one `Block::Region`.
    fn wrap(&mut self, region: Open, end: usize) {
        let first = region.first.min(self.out.len());
        let content: Vec<Block> = self.out.drain(first..).map(|b| b.block).collect();
        self.out.push(SourceBlock {
            block: Block::Region {
                name: region.name,
                content,
            },
            span: region.span.start..end.max(region.span.end),
            item_spans: Vec::new(),
        });
    }

    fn nesting(&mut self, span: &Range<usize>, message: String, other: Option<&Range<usize>>) {
        let mut diagnostic = Diagnostic::warning(
            codes::BAD_REGION,
            message,
            self.source,
            span.clone(),
            "here",
        )
        .with_help("pair every `<!--name-->` with a `<!--/name-->`; the content is kept");
        if let Some(other) = other {
            diagnostic = diagnostic.with_secondary(Label::new(
                self.source,
                other.clone(),
                "the outer region ends here",
            ));
        }
        self.diagnostics.push(diagnostic);
    }

    fn unreadable_block(&mut self, reason: String, span: Range<usize>) {
        let first_line = self
            .source
            .text
            .get(span.clone())
            .and_then(|t| t.find('\n'))
            .map_or(span.end, |i| span.start + i);
        self.diagnostics.push(
            Diagnostic::warning(
                codes::BAD_CUSTOM_BLOCK,
                format!("{reason}; its text is kept as a paragraph"),
                self.source,
                span.start..first_line,
                "this block",
            )
            .with_help("give the block the fields it needs, or delete it"),
        );
        // The texts it holds (a title, a message) still say something to the reader.
        let text = super::xml::text(self.source.text.get(span.clone()).unwrap_or(""));
        if !text.is_empty() {
            self.block(Block::Paragraph(vec![Inline::Text(text)]), span, Vec::new());
        }
    }

    /// Video targets go through the same link check as markdown links.
    fn checked(&mut self, block: Block, span: &Range<usize>) -> Block {
        let safe = |src: &str| links::classify(src).is_ok();
        match block {
            Block::Video(video) if !safe(&video.src) => {
                self.unsafe_video(span);
                Block::Paragraph(vec![Inline::Text(video.title)])
            }
            Block::VideoGroup(videos) if videos.iter().any(|v| !safe(&v.src)) => {
                self.unsafe_video(span);
                Block::VideoGroup(videos.into_iter().filter(|v| safe(&v.src)).collect())
            }
            other => other,
        }
    }

    fn unsafe_video(&mut self, span: &Range<usize>) {
        self.diagnostics.push(
            Diagnostic::error(
                codes::UNSAFE_LINK,
                "video with an unsafe target",
                self.source,
                span.clone(),
                "this video's `<src>` could run code in the reader's browser",
            )
            .with_help("link to an https:// page instead"),
        );
    }
}
