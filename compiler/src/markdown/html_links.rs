//! The converter's handling of links, images, placeholders and raw HTML.

use std::ops::Range;

use selfhelp_bundle::{Block, Inline};

use super::{tidy, Converter, Frame, Span};
use crate::diagnostics::{codes, Diagnostic};
use crate::{html, links};

impl Converter<'_> {
    pub(super) fn close_span(&mut self, kind: Span, content: Vec<Inline>, span: Range<usize>) {
        match kind {
            Span::Paragraph => {
                let content = tidy(content);
                if !content.is_empty() {
                    self.block(Block::Paragraph(content), span, Vec::new());
                }
            }
            Span::Heading(level) => {
                let content = tidy(content);
                self.block(Block::Heading { level, content }, span, Vec::new());
            }
            Span::Strong => self.inline(Inline::Strong(content)),
            Span::Emphasis => self.inline(Inline::Emphasis(content)),
            Span::Strikethrough => self.inline(Inline::Strikethrough(content)),
            Span::Placeholder { name } => self.inline(Inline::Placeholder {
                name,
                default: content,
            }),
            Span::Link { href } => self.close_link(href, content, span),
            Span::Image { href } => {
                let content = if content.is_empty() {
                    vec![Inline::Text(href.clone())]
                } else {
                    content
                };
                self.close_link(href, content, span)
            }
        }
    }

    fn close_link(&mut self, href: String, content: Vec<Inline>, span: Range<usize>) {
        match links::classify(&href) {
            Ok(kind) => self.inline(Inline::Link {
                kind,
                href,
                content,
            }),
            Err(refused) => {
                self.diagnostics.push(
                    Diagnostic::error(
                        codes::UNSAFE_LINK,
                        format!("link with an unsafe `{}` target", refused.scheme),
                        self.source,
                        span,
                        "this link could run code in the reader's browser",
                    )
                    .with_help(
                        "link to an https:// page instead; the text is kept without the link",
                    ),
                );
                content.into_iter().for_each(|inline| self.inline(inline));
            }
        }
    }

    /// An HTML block. Leading comments and `<br>`s are dropped silently; if markdown text
    /// or a placeholder follows them (CommonMark swallows it into the block up to the next
    /// blank line), that rest is read again as markdown. Other HTML is dropped with a warning.
    pub(super) fn close_html(&mut self, depth: u8) {
        let Some(Frame::Html { text, span }) = self.stack.pop() else {
            return;
        };
        let skip = html::silent_prefix_len(&text);
        let rest = text.get(skip..).unwrap_or("");
        if rest.is_empty() {
            return;
        }
        let rest_is_markdown = !rest.starts_with('<') || html::placeholder_open(rest).is_some();
        if depth == 0 && rest_is_markdown {
            let start = span.start + skip;
            if rest.starts_with('<') {
                // A placeholder: prefix a character that cannot start an HTML block;
                // `inline` drops it again.
                let sub = format!("\u{1}{rest}");
                self.run(&sub, start.saturating_sub(1), depth + 1);
            } else {
                self.run(rest, start, depth + 1);
            }
            return;
        }
        let start = span.start + skip;
        self.raw_html_warning(start.min(span.end)..span.end);
    }

    pub(super) fn inline_html(&mut self, html: &str, span: Range<usize>) {
        if html::is_line_break(html) {
            self.inline(Inline::LineBreak);
        } else if let Some(name) = html::placeholder_open(html) {
            let frame = self.span_frame(Span::Placeholder { name }, span);
            self.stack.push(frame);
        } else if html::placeholder_close(html).is_some() {
            if matches!(
                self.stack.last(),
                Some(Frame::Inline {
                    kind: Span::Placeholder { .. },
                    ..
                })
            ) {
                self.close_top();
            }
        } else if !html::is_silent(html) {
            self.raw_html_warning(span);
        }
    }

    fn raw_html_warning(&mut self, span: Range<usize>) {
        let end = span.end;
        // Label the first line only: HTML blocks can be long.
        let first_line_end = self
            .source
            .text
            .get(span.clone())
            .and_then(|t| t.trim_end().find('\n'))
            .map_or(end, |i| span.start + i);
        self.diagnostics.push(
            Diagnostic::warning(
                codes::RAW_HTML,
                "raw HTML is not supported and was dropped",
                self.source,
                span.start..first_line_end,
                "dropped",
            )
            .with_help("use markdown instead of HTML"),
        );
    }
}
