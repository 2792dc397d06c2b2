//! Nesting caps: lists, quotes, regions and inline spans deeper than the widget can
//! render safely are flattened into their deepest allowed level, with one warning.
//!
//! Content that compiles must render: a browser's WebAssembly stack is small, and
//! rendering (and decoding) nested content recurses. Markdown allows any depth, so the
//! converter stops opening new levels past [`MAX_BLOCK_DEPTH`] and [`MAX_INLINE_DEPTH`];
//! what those levels held stays in the text, each flattened item a paragraph of its own.

use std::ops::Range;

use pulldown_cmark::{Tag, TagEnd};

use super::{Container, Converter, Frame};
use crate::diagnostics::{codes, Diagnostic};

/// Lists and quotes inside one another.
pub const MAX_BLOCK_DEPTH: usize = selfhelp_bundle::depth::MAX_CONTENT_DEPTH;
/// Emphasis, links and inline HTML spans inside one another.
pub const MAX_INLINE_DEPTH: usize = selfhelp_bundle::depth::MAX_CONTENT_DEPTH;
/// Template regions inside one another.
pub const MAX_REGION_DEPTH: usize = 8;

/// Where the converter is skipping levels: how many opened and not yet closed.
#[derive(Debug, Default)]
pub(super) struct Flattening {
    blocks: usize,
    inlines: usize,
    reported: bool,
}

fn is_block_level(tag: &Tag<'_>) -> bool {
    matches!(tag, Tag::List(_) | Tag::Item | Tag::BlockQuote(_))
}

fn ends_block_level(end: &TagEnd) -> bool {
    matches!(end, TagEnd::List(_) | TagEnd::Item | TagEnd::BlockQuote(_))
}

fn is_inline_level(tag: &Tag<'_>) -> bool {
    matches!(
        tag,
        Tag::Emphasis | Tag::Strong | Tag::Strikethrough | Tag::Link { .. } | Tag::Image { .. }
    )
}

fn ends_inline_level(end: &TagEnd) -> bool {
    matches!(
        end,
        TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough | TagEnd::Link | TagEnd::Image
    )
}

impl Converter<'_> {
    fn block_depth(&self) -> usize {
        self.stack
            .iter()
            .filter(|f| {
                matches!(
                    f,
                    Frame::List { .. }
                        | Frame::Container {
                            kind: Container::Quote,
                            ..
                        }
                )
            })
            .count()
    }

    pub(super) fn inline_depth(&self) -> usize {
        self.stack
            .iter()
            .filter(|f| matches!(f, Frame::Inline { .. }))
            .count()
    }

    /// Whether the start of `tag` is skipped (its content flows into the level above).
    pub(super) fn flattens_start(&mut self, tag: &Tag<'_>, span: &Range<usize>) -> bool {
        if is_block_level(tag) {
            let opens_level = matches!(tag, Tag::List(_) | Tag::BlockQuote(_));
            if self.flattening.blocks > 0 || (opens_level && self.block_depth() >= MAX_BLOCK_DEPTH)
            {
                self.flattening.blocks += 1;
                // Each flattened item (or quote) starts a paragraph of its own.
                self.flush_loose();
                self.report_flattening(span);
                return true;
            }
        }
        if is_inline_level(tag)
            && (self.flattening.inlines > 0 || self.inline_depth() >= MAX_INLINE_DEPTH)
        {
            self.flattening.inlines += 1;
            self.report_flattening(span);
            return true;
        }
        false
    }

    /// Whether `end` closes a level that was skipped.
    pub(super) fn flattens_end(&mut self, end: &TagEnd) -> bool {
        if self.flattening.blocks > 0 && ends_block_level(end) {
            self.flattening.blocks -= 1;
            self.flush_loose();
            return true;
        }
        if self.flattening.inlines > 0 && ends_inline_level(end) {
            self.flattening.inlines -= 1;
            return true;
        }
        false
    }

    /// SH0109, once per file.
    pub(super) fn report_flattening(&mut self, span: &Range<usize>) {
        if self.flattening.reported {
            return;
        }
        self.flattening.reported = true;
        let line_end = self
            .source
            .text
            .get(span.clone())
            .and_then(|t| t.find('\n'))
            .map_or(span.end, |i| span.start + i);
        self.diagnostics.push(
            Diagnostic::warning(
                codes::NESTING_FLATTENED,
                format!(
                    "content is nested more than {MAX_BLOCK_DEPTH} levels deep; the deeper \
                     levels are flattened"
                ),
                self.source,
                span.start..line_end,
                "nested too deep from here",
            )
            .with_help("the text is kept; lists and quotes this deep are hard to follow anyway"),
        );
    }
}
