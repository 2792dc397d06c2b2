//! The converter's handling of inline spans when they close: links, images, placeholders.

use std::ops::Range;

use selfhelp_bundle::{Block, Inline};

use super::{tidy, Converter, Span};
use crate::diagnostics::{codes, Diagnostic};
use crate::links;

impl Converter<'_> {
    pub(super) fn close_span(&mut self, kind: Span, content: Vec<Inline>, span: Range<usize>) {
        match kind {
            Span::Paragraph => {
                let content = self.repair(tidy(content), &span);
                if !content.is_empty() {
                    self.block(Block::Paragraph(content), span, Vec::new());
                }
            }
            Span::Heading(level) => {
                let content = self.repair(tidy(content), &span);
                self.block(Block::Heading { level, content }, span, Vec::new());
            }
            Span::Strong => self.inline(Inline::Strong(content)),
            Span::Emphasis => self.inline(Inline::Emphasis(content)),
            Span::Strikethrough => self.inline(Inline::Strikethrough(content)),
            Span::Placeholder { name } => self.inline(Inline::Placeholder {
                name,
                default: content,
            }),
            Span::Cell => {
                let content = self.repair(content, &span);
                self.close_cell(content)
            }
            Span::Tag { kind, .. } => self.close_tag(kind, content, span),
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

    pub(super) fn close_link(&mut self, href: String, content: Vec<Inline>, span: Range<usize>) {
        // A target the host fills in (`href="<!--$Link-->…<!--/$Link-->"`): a placeholder
        // named after it, showing the link text until then.
        let placeholder = href
            .contains("<!--")
            .then(|| crate::html::split_placeholders(&href))
            .into_iter()
            .flatten()
            .find_map(|(name, _)| name);
        if let Some(name) = placeholder {
            self.inline(Inline::Placeholder {
                name,
                default: content,
            });
            return;
        }
        match links::classify(&href) {
            Ok(kind) => {
                if kind == selfhelp_bundle::LinkKind::Anchor {
                    self.anchors.push((href.clone(), span));
                }
                self.inline(Inline::Link {
                    kind,
                    href,
                    content,
                })
            }
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
}
