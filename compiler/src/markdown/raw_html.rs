//! Raw HTML in markdown: `<br>`, placeholders, allowed inline tags as typed inlines,
//! `<pre>` as code, pseudo-tags as text, and everything else dropped with a warning.

use std::ops::Range;

use selfhelp_bundle::{Block, Inline};

use super::{Converter, Frame, Span};
use crate::diagnostics::{codes, Diagnostic};
use crate::html::{self, TagKind};

/// Tags whose text starts on a new line when the tag is dropped.
const BLOCK_TAGS: [&str; 17] = [
    "p",
    "div",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "tr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "blockquote",
];

impl Converter<'_> {
    /// An HTML block. Leading comments and `<br>`s are dropped silently. `<pre>` becomes
    /// code; `<script>`-like blocks are dropped whole with a warning. Anything else is read
    /// again as one line of inline content (CommonMark swallows markdown and placeholders
    /// into HTML blocks up to the next blank line), so its tags go through
    /// [`inline_html`](Self::inline_html) and its text is kept.
    pub(super) fn close_html(&mut self, depth: u8) {
        let Some(Frame::Html { text, span }) = self.stack.pop() else {
            return;
        };
        let skip = html::silent_prefix_len(&text);
        let rest = text.get(skip..).unwrap_or("");
        if rest.is_empty() {
            return;
        }
        let start = span.start + skip;
        let first = rest.split(|c: char| c == '>' || c.is_whitespace()).next();
        let tag = first.and_then(|t| html::parse_tag(&format!("{t}>")));
        if tag.as_ref().is_some_and(|t| t.name == "pre") {
            let code = html::pre_text(rest);
            self.block(
                Block::CodeBlock {
                    language: String::new(),
                    code,
                },
                span,
                Vec::new(),
            );
            return;
        }
        if depth > 0
            || tag
                .as_ref()
                .is_some_and(|t| t.kind == TagKind::DropWithContent)
        {
            self.raw_html_warning(start.min(span.end)..span.end, true);
            return;
        }
        // One line, same length, so offsets stay true; `\u{1}` stops it being an HTML
        // block again and `inline` drops it.
        let flat: String = rest
            .chars()
            .map(|c| if c == '\n' || c == '\r' { ' ' } else { c })
            .collect();
        let sub = format!("\u{1}{flat}");
        self.run(&sub, start.saturating_sub(1), depth + 1);
    }

    pub(super) fn inline_html(&mut self, raw: &str, span: Range<usize>) {
        if html::is_line_break(raw) {
            self.inline(Inline::LineBreak);
        } else if let Some(name) = html::placeholder_open(raw) {
            if self.inline_depth() >= super::flatten::MAX_INLINE_DEPTH {
                return self.report_flattening(&span);
            }
            let frame = self.span_frame(Span::Placeholder { name }, span);
            self.stack.push(frame);
        } else if html::placeholder_close(raw).is_some() {
            if matches!(
                self.stack.last(),
                Some(Frame::Inline {
                    kind: Span::Placeholder { .. },
                    ..
                })
            ) {
                self.close_top();
            }
        } else if let Some(tag) = html::parse_tag(raw) {
            self.tag(tag, raw, span);
        } else if !html::is_silent(raw) {
            self.raw_html_warning(span, false);
        }
    }

    fn tag(&mut self, tag: html::Tag, raw: &str, span: Range<usize>) {
        if tag.kind == TagKind::Pseudo {
            self.inline(Inline::Text(raw.to_string()));
            return;
        }
        if tag.closing {
            let open_here = |frame: &Frame| matches!(frame, Frame::Inline { kind: Span::Tag { name, .. }, .. } if *name == tag.name);
            // Close the matching open tag, and anything opened inside it (kept as it is).
            if let Some(depth) = self.stack.iter().rposition(open_here) {
                if !self
                    .stack
                    .iter()
                    .skip(depth)
                    .any(|f| !matches!(f, Frame::Inline { .. }))
                {
                    while self.stack.len() > depth {
                        self.close_top();
                    }
                }
            }
            return;
        }
        match tag.kind {
            TagKind::Drop => {
                self.raw_html_warning(span.clone(), false);
                // Keep the text's shape: a dropped block or list item starts a new line.
                if BLOCK_TAGS.contains(&tag.name.as_str()) {
                    self.inline(Inline::LineBreak);
                    if tag.name == "li" {
                        self.inline(Inline::Text("• ".into()));
                    }
                }
            }
            TagKind::DropWithContent => self.raw_html_warning(span.clone(), true),
            _ => {}
        }
        if raw.trim_end().ends_with("/>") || matches!(tag.kind, TagKind::Drop) {
            return;
        }
        if self.inline_depth() >= super::flatten::MAX_INLINE_DEPTH {
            return self.report_flattening(&span);
        }
        let frame = self.span_frame(
            Span::Tag {
                name: tag.name,
                kind: tag.kind,
            },
            span,
        );
        self.stack.push(frame);
    }

    /// An allowed tag closed (or its paragraph ended): its typed inline.
    pub(super) fn close_tag(&mut self, kind: TagKind, content: Vec<Inline>, span: Range<usize>) {
        let inline = match kind {
            TagKind::Strong => Inline::Strong(content),
            TagKind::Emphasis => Inline::Emphasis(content),
            TagKind::Strikethrough => Inline::Strikethrough(content),
            TagKind::Code => Inline::Code(Inline::plain_text(&content)),
            TagKind::Link(href) => return self.close_link(href, content, span),
            // Warned when opened.
            TagKind::DropWithContent => return,
            TagKind::Plain | TagKind::Drop | TagKind::Pseudo => {
                return content.into_iter().for_each(|inline| self.inline(inline))
            }
        };
        self.inline(inline);
    }

    pub(super) fn raw_html_warning(&mut self, span: Range<usize>, with_content: bool) {
        let end = span.end;
        // Label the first line only: HTML blocks can be long.
        let first_line_end = self.source.text.get(span.clone()).map_or(end, |t| {
            let t = t.trim_end();
            span.start + t.find('\n').unwrap_or(t.len())
        });
        let (label, help) = match with_content {
            true => (
                "dropped with its content",
                "scripts, styles and frames never reach the page",
            ),
            false => ("dropped; its text is kept", "use markdown instead of HTML"),
        };
        self.diagnostics.push(
            Diagnostic::warning(
                codes::RAW_HTML,
                "raw HTML is not supported and was dropped",
                self.source,
                span.start..first_line_end,
                label,
            )
            .with_help(help),
        );
    }
}
