//! The selfhelp bundle: the typed, versioned decision trees the compiler writes and the widget plays.
//!
//! This crate is the only contract between build time and the browser. It holds serde
//! types, the binary codec with its version gate, the layout of a built site (`site`),
//! and small pure functions over the types (tree walking, lookup buckets). It never
//! depends on a markdown parser or on a UI framework.

mod article;
mod codec;
pub mod depth;
mod form;
mod meta;
mod rich;
pub mod site;
mod tree;
pub mod visibility;

pub use article::{Article, ArticleBody, Bundle, DataArticle, DataField, DataKind};
pub use codec::{
    decode_file, decode_payload, encode_file, encode_with_header, read_header, BundleError,
    FileKind, Header, MAGIC,
};
pub use form::{ChoiceOption, ControlType, Field, Form, FormSettings, Validation};
pub use meta::{Cloud, Metadata, SelfHelpType};
pub use rich::{AzureKb, Block, Inline, Insight, LinkKind, Metric, Video};
pub use site::{
    bucket_of, clouds_mask, fingerprint, CatalogPage, Chunk, ChunkArticle, Count, Entry, FileId,
    Group, Kind, Listing, Located, Lookup, Product, Products, Related, ENTRY_FILE,
};
pub use tree::{Choice, DecisionTree, Node, NodeId, NodeKind};

/// Version of the bundle format this crate writes.
///
/// Bump it on every change to the serialized types; bump [`MIN_COMPATIBLE_VERSION`] too
/// when a reader of the previous version could no longer read the new bundles.
pub const FORMAT_VERSION: u32 = 5;

/// Oldest reader version that can read what this crate writes.
pub const MIN_COMPATIBLE_VERSION: u32 = 5;

/// Oldest format this crate can still read. Every format so far changed the layout of the
/// payload (version 4 split the single bundle into a site of entry, catalogue, lookup and
/// chunk files; version 5 moved the products out of the entry, wrote lookups by id
/// fingerprint and file ids in 8 bytes), so only the current one is readable.
pub const MIN_READABLE_VERSION: u32 = 5;
