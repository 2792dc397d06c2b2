//! Offline search for selfhelp: text analysis, the sharded index, its builder and the engine.
//!
//! One implementation for both sides: the compiler builds the index natively
//! ([`analyze`] each document, in parallel if it likes, then [`build`]), and the widget
//! queries it in the browser ([`Searcher`]), so a word is the same term at build time and
//! at query time. See `format` for the files and how a query finds what it needs.

pub mod analysis;
mod build;
mod document;
mod driver;
mod format;
mod hash;
mod postings;
mod query;
mod synonyms;
pub mod wire;

pub use build::{analyze, build, AnalyzedDoc, IndexFiles};
pub use document::{Config, Document, Facets, Field, Passage};
pub use driver::{search_with, Driven, MemoryStore};
pub use format::{index_files, named_files, FileClass, INDEX_VERSION};
pub use query::{
    Excerpt, FacetCounts, Filters, Hit, IndexError, Outcome, Request, Results, Searcher,
    TYPEAHEAD_RESULTS,
};
pub use synonyms::{SynonymError, Synonyms};
