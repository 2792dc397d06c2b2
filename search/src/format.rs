//! The index files, as postcard types: a root, then immutable files named from it.
//!
//! ```text
//! Root        version, counts, the product of each run of documents, facet classes,
//!             the first term of each vocabulary shard, the synonym phrases, the seed
//! Vocabulary  a sorted range of terms: df, display form, the head of each posting
//!             list (its best documents, with positions) and where its tail lives
//! Tails       the rest of long posting lists, by document, split into parts
//! Records     display data of a run of documents: key, title, stored passages
//! ```
//! A query reads the root, then the vocabulary shards of its words, then the tail parts
//! it must see to count and rank exactly, then the records of its hits. Postings are
//! packed byte strings (see `postings`), everything else plain postcard.
//!
//! Every file but the root is named by [`file_name`] from the root's seed, its class and
//! its number, so no file lists the names of others: the root does not carry an id per
//! shard, and a hit's record file is fetched without a directory in between. The seed is
//! a digest of every file's bytes, so a name still never stands for two contents.

use serde::{Deserialize, Serialize};

/// The version of this format; a root of another version is refused.
pub const INDEX_VERSION: u32 = 3;

/// What a file holds, as [`file_name`] numbers it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileClass {
    Vocabulary = 1,
    Tails = 2,
    Records = 3,
}

/// The name (id) of file `number` of `class` in the index whose root has `seed`.
///
/// splitmix64's finaliser over the three: names look random, so sites and caches may
/// treat them as the hashes they replace.
pub fn file_name(seed: Id, class: FileClass, number: u32) -> u64 {
    let mut x = seed.0 ^ ((class as u64) << 56) ^ u64::from(number);
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

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
    /// `(first document, product)` for each run of documents of one product. Products are
    /// numbers: the site's catalogue names them, so the root does not carry the names
    /// (format 3; 1.1 KB gzip of a corpus root, fetched by every first query). Stored as
    /// differences from the run before (small numbers, mostly one byte each): a third
    /// of what is left of the root.
    #[serde(with = "runs")]
    pub product_runs: Vec<(u32, u32)>,
    /// `(kind, clouds)` of each facet class; postings name a document's class.
    pub classes: Vec<(u8, u8)>,
    /// Names every other file (see [`file_name`]).
    pub seed: Id,
    /// Where each vocabulary shard starts (a prefix of its first term that sorts after
    /// every term of the shard before); shard `n` is vocabulary file `n`.
    pub vocabulary: Vec<String>,
    /// Tail files, numbered from 0.
    pub tails: u32,
    /// Record file `n` holds documents from `n × records_per_file`.
    pub records_per_file: u32,
    /// Synonym phrases, each as its terms, and the term standing for its group.
    pub synonyms: Vec<(Vec<String>, String)>,
}

/// `(first document, product)` runs as differences from the run before, in wrapping
/// arithmetic so that any runs read back as written (a site's are in order, so its
/// differences are small).
mod runs {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(runs: &[(u32, u32)], serializer: S) -> Result<S::Ok, S::Error> {
        let mut previous = (0u32, 0u32);
        let deltas: Vec<(u32, u32)> = runs
            .iter()
            .map(|&(doc, product)| {
                let delta = (
                    doc.wrapping_sub(previous.0),
                    product.wrapping_sub(previous.1),
                );
                previous = (doc, product);
                delta
            })
            .collect();
        deltas.serialize(serializer)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Vec<(u32, u32)>, D::Error> {
        let mut previous = (0u32, 0u32);
        let runs = Vec::<(u32, u32)>::deserialize(deserializer)?
            .into_iter()
            .map(|(doc, product)| {
                previous = (
                    previous.0.wrapping_add(doc),
                    previous.1.wrapping_add(product),
                );
                previous
            })
            .collect();
        Ok(runs)
    }
}

/// Any file but the root.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum File {
    Vocabulary(Vocabulary),
    Tails(Tails),
    Records(Records),
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Vocabulary {
    pub terms: Vec<Entry>,
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
    /// The tail file's number (below the root's `tails`).
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

impl Root {
    /// Record files: enough for every document.
    pub fn record_files(&self) -> u32 {
        self.docs.div_ceil(self.records_per_file.max(1))
    }

    /// The name of vocabulary shard `index`, if there is one.
    pub fn shard_name(&self, index: usize) -> Option<u64> {
        let number = u32::try_from(index).ok()?;
        (index < self.vocabulary.len()).then(|| file_name(self.seed, FileClass::Vocabulary, number))
    }
}

/// Every file a root's payload names, with its class, in class and number order; none
/// for a payload that does not decode.
pub fn index_files(root_payload: &[u8]) -> Vec<(u64, FileClass)> {
    let Ok(root) = postcard::from_bytes::<Root>(root_payload) else {
        return Vec::new();
    };
    let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    let classes = [
        (FileClass::Vocabulary, count(root.vocabulary.len())),
        (FileClass::Tails, root.tails),
        (FileClass::Records, root.record_files()),
    ];
    classes
        .into_iter()
        .flat_map(|(class, files)| (0..files).map(move |n| (file_name(root.seed, class, n), class)))
        .collect()
}

/// The files a root's payload (`root = true`) or another file's payload names, for tools
/// that walk a whole index (`selfhelp inspect`, tests): the root names every file, other
/// files none.
pub fn named_files(payload: &[u8], root: bool) -> Vec<u64> {
    match root {
        true => index_files(payload).into_iter().map(|(id, _)| id).collect(),
        false => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn root(product_runs: Vec<(u32, u32)>) -> Root {
        Root {
            version: INDEX_VERSION,
            plain: false,
            docs: 100_000,
            product_runs,
            classes: Vec::new(),
            seed: Id(7),
            vocabulary: Vec::new(),
            tails: 0,
            records_per_file: 32,
            synonyms: Vec::new(),
        }
    }

    #[test]
    fn product_runs_read_back_as_written_in_fewer_bytes() {
        let in_order: Vec<(u32, u32)> = (0..200).map(|n| (n * 90 + 50_000, n)).collect();
        let stored = postcard::to_allocvec(&root(in_order.clone())).unwrap();
        let plain = postcard::to_allocvec(&in_order).unwrap();
        assert!(
            stored.len() < plain.len() * 3 / 4,
            "{} vs {}",
            stored.len(),
            plain.len()
        );
        assert_eq!(
            postcard::from_bytes::<Root>(&stored).unwrap(),
            root(in_order)
        );
        // Runs out of order (a caller's products need not ascend) still read back.
        let any = vec![(0, 5), (3, 0), (2, u32::MAX), (u32::MAX, 1)];
        let stored = postcard::to_allocvec(&root(any.clone())).unwrap();
        assert_eq!(postcard::from_bytes::<Root>(&stored).unwrap(), root(any));
    }
}
