//! The index files, as postcard types: a root, then immutable files named by id.
//!
//! ```text
//! Root        version, counts, products and their doc runs, facet classes, the first
//!             term of each vocabulary shard, the directories, the synonym phrases
//! Vocabulary  a sorted range of terms: df, display form, the head of each posting
//!             list (its best documents, with positions) and where its tail lives
//! Tails       the rest of long posting lists, by document, split into parts
//! Directory   the ids of a run of record files
//! Records     display data of a run of documents: key, title, stored passages
//! ```
//! A query reads the root, then the vocabulary shards of its words, then the tail parts
//! it must see to count and rank exactly, then the directories and records of its hits.
//! Postings are packed byte strings (see `postings`), everything else plain postcard.

use serde::{Deserialize, Serialize};

/// The version of this format; a root of another version is refused.
pub const INDEX_VERSION: u32 = 1;

/// A file's id as eight fixed bytes: ids are hashes, which a varint would make ten.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Id(pub u64);

impl Serialize for Id {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.to_le_bytes().serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Id {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Id, D::Error> {
        <[u8; 8]>::deserialize(deserializer).map(|bytes| Id(u64::from_le_bytes(bytes)))
    }
}

/// The file every search starts from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Root {
    pub version: u32,
    /// Built without field weights or synonyms, for plain BM25.
    pub plain: bool,
    pub docs: u32,
    pub products: Vec<String>,
    /// `(first document, product)` for each run of documents of one product.
    pub product_runs: Vec<(u32, u32)>,
    /// `(kind, clouds)` of each facet class; postings name a document's class.
    pub classes: Vec<(u8, u8)>,
    /// Where each vocabulary shard starts (a prefix of its first term that sorts after
    /// every term of the shard before), and the shard.
    pub vocabulary: Vec<(String, Id)>,
    /// Record files hold `records_per_file` documents; a directory names
    /// `files_per_directory` record files.
    pub records_per_file: u32,
    pub files_per_directory: u32,
    pub directories: Vec<Id>,
    /// Synonym phrases, each as its terms, and the term standing for its group.
    pub synonyms: Vec<(Vec<String>, String)>,
}

/// Any file but the root.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum File {
    Vocabulary(Vocabulary),
    Tails(Tails),
    Directory(Vec<Id>),
    Records(Records),
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Vocabulary {
    pub terms: Vec<Entry>,
    /// The tail files its entries refer to, by index.
    pub files: Vec<Id>,
}

/// One term.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// Bytes shared with the previous term of the shard, then the rest.
    pub shared: u8,
    pub rest: String,
    /// The most common word the term stands for, when it is not the term itself (a
    /// stem): what "did you mean" shows.
    pub display: String,
    pub df: u32,
    /// The head: its best documents (by impact), in document order, with positions.
    pub head: Vec<u8>,
    pub tail: Vec<TailPart>,
}

/// Where a part of a tail lives and which documents it spans.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct TailPart {
    /// Index into the shard's `files`.
    pub file: u32,
    /// Index into that file's `parts`.
    pub part: u32,
    pub first_doc: u32,
    pub last_doc: u32,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Tails {
    pub parts: Vec<Vec<u8>>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Records {
    pub first_doc: u32,
    pub records: Vec<Record>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Record {
    pub key: String,
    pub title: String,
    /// The passages an excerpt may come from, best fields first, each cut short.
    pub passages: Vec<Stored>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Stored {
    /// A [`crate::Field`] as its index, for the excerpt's choice of passage.
    pub field: u8,
    pub text: String,
    pub target: Option<String>,
}

/// The files a root's payload (`root = true`) or another file's payload names, for tools
/// that walk a whole index (`selfhelp inspect`, tests). A payload that does not decode
/// names nothing.
pub fn named_files(payload: &[u8], root: bool) -> Vec<u64> {
    if root {
        return match postcard::from_bytes::<Root>(payload) {
            Ok(root) => root
                .vocabulary
                .iter()
                .map(|(_, id)| id.0)
                .chain(root.directories.iter().map(|id| id.0))
                .collect(),
            Err(_) => Vec::new(),
        };
    }
    match postcard::from_bytes::<File>(payload) {
        Ok(File::Vocabulary(vocabulary)) => vocabulary.files.iter().map(|id| id.0).collect(),
        Ok(File::Directory(ids)) => ids.iter().map(|id| id.0).collect(),
        Ok(File::Tails(_) | File::Records(_)) | Err(_) => Vec::new(),
    }
}
