//! Typed rich text: what the widget renders as elements, never as HTML strings.

use std::collections::BTreeMap;

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
        #[serde(deserialize_with = "crate::depth::nested")]
        items: Vec<Vec<Block>>,
    },
    CodeBlock {
        language: String,
        code: String,
    },
    Quote(#[serde(deserialize_with = "crate::depth::nested")] Vec<Block>),
    Rule,
    /// A table; every row has as many cells as the header.
    Table {
        header: Vec<Vec<Inline>>,
        rows: Vec<Vec<Vec<Inline>>>,
    },
    /// A named region of a template (`<!--issueDescription-->` … `<!--/issueDescription-->`)
    /// that a host may show, replace or style on its own.
    Region {
        name: String,
        #[serde(deserialize_with = "crate::depth::nested")]
        content: Vec<Block>,
    },
    /// A diagnostic the host runs (`<Insight>`). The rare large blocks are boxed so that
    /// every `Block` stays small: an article holds many, and they move a lot.
    Insight(Box<Insight>),
    /// A video to watch elsewhere (never embedded).
    Video(Video),
    /// Several videos shown together.
    VideoGroup(Vec<Video>),
    /// A search of the Azure knowledge base that a host page runs.
    AzureKb(Box<AzureKb>),
    /// A resource metric chart that a host page draws.
    Metric(Box<Metric>),
}

/// A diagnostic the host runs (`<Insight>`), with the texts shown while it runs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Insight {
    pub symptom_id: String,
    pub execution_text: String,
    pub timeout_text: String,
    pub no_result_text: String,
    /// Any other fields (`maxInsightCount`, `failedText`, …), name as written.
    pub attributes: BTreeMap<String, String>,
}

/// A search of the Azure knowledge base that a host page runs (`<azureKB>`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AzureKb {
    pub client: String,
    pub attributes: BTreeMap<String, String>,
}

/// A resource metric chart that a host page draws (`<metric>`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Metric {
    pub title: String,
    pub name: String,
    pub aggregation_type: String,
    pub time_span_duration: String,
    pub attributes: BTreeMap<String, String>,
}

/// A video link with its title.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Video {
    pub src: String,
    pub title: String,
}

/// Inline rich text inside a block.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Inline {
    Text(String),
    Strong(#[serde(deserialize_with = "crate::depth::nested")] Vec<Inline>),
    Emphasis(#[serde(deserialize_with = "crate::depth::nested")] Vec<Inline>),
    Strikethrough(#[serde(deserialize_with = "crate::depth::nested")] Vec<Inline>),
    Code(String),
    Link {
        kind: LinkKind,
        /// The target as the author wrote it (already checked to be safe).
        href: String,
        #[serde(deserialize_with = "crate::depth::nested")]
        content: Vec<Inline>,
    },
    LineBreak,
    /// A value the host page may fill in, shown as its default text until then.
    Placeholder {
        name: String,
        #[serde(deserialize_with = "crate::depth::nested")]
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
                Block::Quote(inner) | Block::Region { content: inner, .. } => {
                    parts.push(Block::plain_text(inner))
                }
                Block::Rule => {}
                Block::Table { header, rows } => {
                    for row in std::iter::once(header).chain(rows) {
                        parts.extend(row.iter().map(|cell| Inline::plain_text(cell)));
                    }
                }
                Block::Insight(insight) => parts.push(insight.execution_text.clone()),
                Block::Video(video) => parts.push(video.title.clone()),
                Block::VideoGroup(videos) => parts.extend(videos.iter().map(|v| v.title.clone())),
                Block::AzureKb(_) => {}
                Block::Metric(metric) => parts.push(metric.title.clone()),
            }
        }
        parts.retain(|p| !p.is_empty());
        parts.join(" ")
    }
}
