//! What a search asks and what it answers.

use std::ops::Range;

use serde::{Deserialize, Serialize};

/// Results a search box lists as the visitor types: the widget asks for this many, and
/// `cargo xtask bench --search` measures a first query's bytes at it.
pub const TYPEAHEAD_RESULTS: usize = 6;

/// A query.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Request {
    pub text: String,
    pub filters: Filters,
    pub limit: usize,
    /// Plain BM25: no prefixes, typos or synonyms.
    pub plain: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Filters {
    pub product: Option<u32>,
    pub kind: Option<u8>,
    /// A cloud bit: documents in that cloud.
    pub cloud: Option<u8>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Outcome {
    /// Fetch these files, [`Searcher::insert`] them, and search again.
    Need(Vec<u64>),
    Done(Results),
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Results {
    pub hits: Vec<Hit>,
    /// Documents matching, with the filters.
    pub total: usize,
    pub facets: FacetCounts,
    /// A query with likely typos corrected, when little or nothing matched as typed.
    pub suggestion: Option<String>,
}

/// Counts of matching documents by facet value, each with the other facets' filters
/// applied but not its own.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct FacetCounts {
    /// `(product, documents)`, most documents first.
    pub products: Vec<(u32, u32)>,
    pub kinds: Vec<(u8, u32)>,
    /// `(cloud bit, documents)`.
    pub clouds: Vec<(u8, u32)>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Hit {
    pub key: String,
    pub title: String,
    pub product: u32,
    pub excerpt: Excerpt,
    /// The best-matching passage's target, to open the article there.
    pub target: Option<String>,
    pub score: f32,
}

/// Text with the byte ranges of matched words, to render as elements (never as HTML).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Excerpt {
    pub text: String,
    pub marks: Vec<Range<usize>>,
}
