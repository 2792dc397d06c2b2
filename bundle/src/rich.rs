//! Typed rich text: what the widget renders as elements, never as HTML strings.

use serde::{Deserialize, Serialize};

/// A block of rich text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Block {
    Paragraph(Vec<Inline>),
    Heading {
        level: u8,
        content: Vec<Inline>,
    },
    List {
        /// `Some(first number)` for an ordered list.
        start: Option<u64>,
        items: Vec<Vec<Block>>,
    },
    CodeBlock {
        language: String,
        code: String,
    },
    Quote(Vec<Block>),
    Rule,
}

/// Inline rich text inside a block.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Inline {
    Text(String),
    Strong(Vec<Inline>),
    Emphasis(Vec<Inline>),
    Strikethrough(Vec<Inline>),
    Code(String),
    Link {
        kind: LinkKind,
        /// The target as the author wrote it (already checked to be safe).
        href: String,
        content: Vec<Inline>,
    },
    LineBreak,
    /// A value the host page may fill in, shown as its default text until then.
    Placeholder {
        name: String,
        default: Vec<Inline>,
    },
}

/// What a link points at; the widget renders each kind differently.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum LinkKind {
    /// `http:` or `https:`: opens in a new tab.
    Web,
    /// `mailto:`.
    Email,
    /// `#heading` inside the same article.
    Anchor,
    /// A path relative to the site.
    Relative,
    /// A portal link (`data-blade:` and friends) that only a host page can follow.
    Portal,
}

impl Inline {
    /// The plain text of inline content, for labels and announcements.
    pub fn plain_text(content: &[Inline]) -> String {
        let mut out = String::new();
        for inline in content {
            inline.push_plain(&mut out);
        }
        out
    }

    fn push_plain(&self, out: &mut String) {
        match self {
            Inline::Text(text) | Inline::Code(text) => out.push_str(text),
            Inline::Strong(c) | Inline::Emphasis(c) | Inline::Strikethrough(c) => {
                c.iter().for_each(|i| i.push_plain(out))
            }
            Inline::Link { content, .. } => content.iter().for_each(|i| i.push_plain(out)),
            Inline::Placeholder { default, .. } => default.iter().for_each(|i| i.push_plain(out)),
            Inline::LineBreak => out.push(' '),
        }
    }
}

impl Block {
    /// The plain text of blocks, paragraphs separated by a space.
    pub fn plain_text(blocks: &[Block]) -> String {
        let mut parts = Vec::new();
        for block in blocks {
            match block {
                Block::Paragraph(c) | Block::Heading { content: c, .. } => {
                    parts.push(Inline::plain_text(c))
                }
                Block::List { items, .. } => {
                    parts.extend(items.iter().map(|item| Block::plain_text(item)))
                }
                Block::CodeBlock { code, .. } => parts.push(code.clone()),
                Block::Quote(inner) => parts.push(Block::plain_text(inner)),
                Block::Rule => {}
            }
        }
        parts.retain(|p| !p.is_empty());
        parts.join(" ")
    }
}
