//! The converter's reaction to each pulldown-cmark event: frames opened and closed.

use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, Event, LinkType, Tag, TagEnd};
use selfhelp_bundle::{Block, Inline};

use super::{Container, Converter, Frame, Span};

impl Converter<'_> {
    pub(super) fn event(&mut self, event: Event<'_>, span: Range<usize>, depth: u8) {
        match event {
            Event::Start(tag) => self.start(tag, span),
            Event::End(end) => self.end(end, depth),
            Event::Text(text) => match self.stack.last_mut() {
                Some(Frame::Code { code, .. }) => code.push_str(&text),
                Some(Frame::Html { text: html, .. }) => html.push_str(&text),
                _ => self.text(text),
            },
            // Placeholders in code spans stay placeholders (with code as their default).
            Event::Code(code) => {
                for (name, text) in crate::html::split_placeholders(&code) {
                    self.inline(match name {
                        Some(name) => Inline::Placeholder {
                            name,
                            default: vec![Inline::Code(text)],
                        },
                        None => Inline::Code(text),
                    });
                }
            }
            Event::Html(text) => match self.stack.last_mut() {
                Some(Frame::Html { text: html, .. }) => html.push_str(&text),
                _ => self.inline_html(&text, span),
            },
            Event::InlineHtml(text) => self.inline_html(&text, span),
            Event::SoftBreak => self.text(" ".into()),
            Event::HardBreak => self.inline(Inline::LineBreak),
            Event::Rule => self.block(Block::Rule, span, Vec::new()),
            Event::InlineMath(text) | Event::DisplayMath(text) => {
                self.inline(Inline::Code(text.into_string()))
            }
            Event::FootnoteReference(_) | Event::TaskListMarker(_) => {}
        }
    }

    fn start(&mut self, tag: Tag<'_>, span: Range<usize>) {
        if self.flattens_start(&tag, &span) {
            return;
        }
        let frame = match tag {
            Tag::Paragraph => self.span_frame(Span::Paragraph, span),
            Tag::Heading { level, .. } => self.span_frame(Span::Heading(level as u8), span),
            Tag::BlockQuote(_) => Frame::container(Container::Quote, span),
            Tag::CodeBlock(kind) => Frame::Code {
                language: match kind {
                    CodeBlockKind::Fenced(info) => {
                        info.split_whitespace().next().unwrap_or("").to_string()
                    }
                    CodeBlockKind::Indented => String::new(),
                },
                code: String::new(),
                span,
            },
            Tag::HtmlBlock => Frame::Html {
                text: String::new(),
                span,
            },
            Tag::List(start) => Frame::List {
                start,
                items: Vec::new(),
                item_spans: Vec::new(),
                span,
            },
            Tag::Item => {
                if let Some(Frame::List { item_spans, .. }) = self.stack.last_mut() {
                    item_spans.push(span.clone());
                }
                Frame::container(Container::Item, span)
            }
            Tag::Emphasis => self.span_frame(Span::Emphasis, span),
            Tag::Strong => self.span_frame(Span::Strong, span),
            Tag::Strikethrough => self.span_frame(Span::Strikethrough, span),
            Tag::Link {
                link_type,
                dest_url,
                ..
            } => {
                let href = match link_type {
                    LinkType::Email => format!("mailto:{dest_url}"),
                    _ => dest_url.trim().to_string(),
                };
                self.span_frame(Span::Link { href }, span)
            }
            Tag::Table(_) => Frame::Table {
                rows: Vec::new(),
                span,
            },
            Tag::TableHead | Tag::TableRow => {
                if let Some(Frame::Table { rows, .. }) = self.stack.last_mut() {
                    rows.push(Vec::new());
                }
                return;
            }
            Tag::TableCell => self.span_frame(Span::Cell, span),
            Tag::Image { dest_url, .. } => self.span_frame(
                Span::Image {
                    href: dest_url.trim().to_string(),
                },
                span,
            ),
            // Not enabled in `options()`; their content flows into the enclosing frame.
            _ => return,
        };
        if !matches!(frame, Frame::Inline { .. }) {
            self.flush_loose();
        }
        self.stack.push(frame);
    }

    pub(super) fn span_frame(&self, kind: Span, span: Range<usize>) -> Frame {
        Frame::Inline {
            kind,
            content: Vec::new(),
            span,
        }
    }

    fn end(&mut self, end: TagEnd, depth: u8) {
        if self.flattens_end(&end) {
            return;
        }
        let closes = |frame: &Frame| match (frame, &end) {
            (Frame::Inline { kind, .. }, _) => matches!(
                (kind, &end),
                (Span::Paragraph, TagEnd::Paragraph)
                    | (Span::Heading(_), TagEnd::Heading(_))
                    | (Span::Strong, TagEnd::Strong)
                    | (Span::Emphasis, TagEnd::Emphasis)
                    | (Span::Strikethrough, TagEnd::Strikethrough)
                    | (Span::Link { .. }, TagEnd::Link)
                    | (Span::Image { .. }, TagEnd::Image)
                    | (Span::Cell, TagEnd::TableCell)
            ),
            (Frame::Container { kind, .. }, _) => matches!(
                (kind, &end),
                (Container::Quote, TagEnd::BlockQuote(_)) | (Container::Item, TagEnd::Item)
            ),
            (Frame::List { .. }, TagEnd::List(_)) => true,
            (Frame::Code { .. }, TagEnd::CodeBlock) => true,
            (Frame::Html { .. }, TagEnd::HtmlBlock) => true,
            (Frame::Table { .. }, TagEnd::Table) => true,
            _ => false,
        };
        // Only close when a matching frame is open; unclosed placeholders inside it close too.
        if !self.stack.iter().skip(1).any(closes) {
            return;
        }
        while let Some(top) = self.stack.last() {
            let done = closes(top);
            if done && matches!(top, Frame::Html { .. }) {
                self.close_html(depth);
                return;
            }
            self.close_top();
            if done {
                return;
            }
        }
    }
}
