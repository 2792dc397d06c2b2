//! The library site: a small entry, then files named by a hash of their bytes, fetched
//! only when a page needs them.
//!
//! ```text
//! bundle.bin               the entry: build id, lookup buckets, where the rest starts
//! catalog/<id>.bin         the products and services; a product's groups and listings
//! lookup/<id>.bin          article id → chunk, for the ids of one bucket
//! chunks/<id>.bin          whole articles, neighbours in the catalogue together
//! search/<id>.bin          the search index (selfhelp-search)
//! ```
//! Every file but the entry is immutable: a host caches it forever and revalidates only
//! the entry, which is written last, so a visitor holding an older entry still finds
//! every file it names until the build after next.

use serde::{Deserialize, Serialize};

use crate::article::Article;
use crate::codec::FileKind;
use crate::meta::Cloud;

/// The name of the entry file at the root of a site.
pub const ENTRY_FILE: &str = "bundle.bin";

/// A file of the site, named by the first 64 bits of a hash of its bytes. Written as 8
/// bytes in site files (a varint of a hash takes 10) and as its 16 hex digits, the
/// file's name, in JSON.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FileId(pub u64);

impl Serialize for FileId {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if serializer.is_human_readable() {
            serializer.collect_str(&format_args!("{:016x}", self.0))
        } else {
            self.0.to_le_bytes().serialize(serializer)
        }
    }
}

impl<'de> Deserialize<'de> for FileId {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        if deserializer.is_human_readable() {
            let hex = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
            u64::from_str_radix(&hex, 16)
                .map(FileId)
                .map_err(|_| serde::de::Error::custom("a file id is 16 hex digits"))
        } else {
            <[u8; 8]>::deserialize(deserializer).map(|bytes| FileId(u64::from_le_bytes(bytes)))
        }
    }
}

impl FileId {
    /// Its path relative to the site's root, e.g. `chunks/00a1b2c3d4e5f607.bin`.
    pub fn path(self, kind: FileKind) -> String {
        format!("{}/{:016x}.bin", kind.dir(), self.0)
    }
}

/// The entry: what every visit reads first, and the only file that is revalidated.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Entry {
    /// Names this build; the same content always gives the same id.
    pub build_id: String,
    /// Articles published, data articles included.
    pub articles: u32,
    /// Buckets of article ids: an id's bucket is [`bucket_of`]`(id, lookup.len())`.
    pub lookup: Vec<FileId>,
    /// The top level of the browse catalogue ([`Products`]): apart, so that a visit
    /// that goes straight to an article does not fetch it.
    pub products: FileId,
    /// The search index's root, when the site has one.
    pub search: Option<FileId>,
}

/// The products and services, in display order.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Products {
    pub products: Vec<Product>,
}

/// A product or service, with how many articles of each kind and cloud it has.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Product {
    /// Stable across builds; the browse address uses it.
    pub key: String,
    pub name: String,
    pub counts: Vec<Count>,
    /// Its [`CatalogPage`].
    pub page: FileId,
}

/// How many articles share one kind and one set of clouds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Count {
    pub kind: Kind,
    /// A mask of [`cloud_bit`]s.
    pub clouds: u8,
    pub articles: u32,
}

/// The kinds of article a visitor can play.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Kind {
    /// A decision tree: causes to confirm or rule out, steps to try.
    Troubleshooter,
    /// A problem-scoping form whose answers go to support.
    Questionnaire,
}

/// A product's page: its groups (topics), each listing articles or naming its own page.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct CatalogPage {
    pub key: String,
    pub name: String,
    pub groups: Vec<Group>,
    /// The chunks the listings point into.
    pub chunks: Vec<FileId>,
}

/// A topic of a product: a resource type, a support topic, or all its articles.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Group {
    pub key: String,
    pub name: String,
    pub counts: Vec<Count>,
    /// The articles, or nothing when they are on `page`.
    pub articles: Vec<Listing>,
    /// A [`CatalogPage`] with this one group, for groups too large to list inline.
    pub page: Option<FileId>,
}

/// One article in a listing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Listing {
    pub id: String,
    pub title: String,
    /// Empty when it would only repeat the title.
    pub description: String,
    pub kind: Kind,
    pub clouds: u8,
    /// Index into the page's `chunks`.
    pub chunk: u32,
}

/// One bucket of article ids and the chunks that hold them. Ids are kept as their
/// [`fingerprint`]s (8 bytes, where an id takes about 40): a fingerprint that matches an
/// id never published leads to a chunk without it, which the reader then says.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Lookup {
    /// The chunks this bucket's articles are in.
    pub chunks: Vec<FileId>,
    /// Sorted by fingerprint; no two alike (the compiler refuses a site where two would be).
    pub articles: Vec<Located>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Located {
    /// The id's [`fingerprint`], written as 8 bytes like a [`FileId`].
    pub fingerprint: FileId,
    /// Index into the lookup's `chunks`.
    pub chunk: u32,
}

/// Whole articles.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Chunk {
    pub articles: Vec<ChunkArticle>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChunkArticle {
    pub article: Article,
    pub related: Related,
}

/// What the build worked out across articles for one of them.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Related {
    /// The scoping form offered when the problem is not solved: a form that shares a
    /// support topic with the article.
    pub scoping_form: Option<String>,
}

impl Chunk {
    pub fn article(&self, id: &str) -> Option<&ChunkArticle> {
        self.articles
            .iter()
            .find(|a| a.article.meta.article_id == id)
    }
}

impl Lookup {
    /// The chunk that holds `id`, if the bucket names one for its fingerprint.
    pub fn chunk_of(&self, id: &str) -> Option<FileId> {
        let fingerprint = FileId(fingerprint(id));
        self.articles
            .binary_search_by(|located| located.fingerprint.cmp(&fingerprint))
            .ok()
            .and_then(|index| self.articles.get(index))
            .and_then(|located| self.chunks.get(located.chunk as usize).copied())
    }
}

/// An article id's 64-bit FNV-1a hash: its lookup bucket and its entry in the bucket.
/// Both the compiler and the widget call this, so they always agree.
pub fn fingerprint(id: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in id.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

/// The lookup bucket of an article id among `buckets`.
pub fn bucket_of(id: &str, buckets: usize) -> usize {
    match buckets {
        0 => 0,
        n => (fingerprint(id) % n as u64) as usize,
    }
}

/// Every cloud bit: the clouds an article that names none applies to.
pub const ALL_CLOUDS: u8 = 0b0111_1111;

/// The bit of a cloud in a clouds mask; clouds this version does not know share one.
pub fn cloud_bit(cloud: &Cloud) -> u8 {
    match cloud {
        Cloud::Public => 1,
        Cloud::UsGovernment => 1 << 1,
        Cloud::China => 1 << 2,
        Cloud::Germany => 1 << 3,
        Cloud::UsNat => 1 << 4,
        Cloud::UsSec => 1 << 5,
        Cloud::Other(_) => 1 << 6,
    }
}

/// The mask of an article's clouds; one that names none applies to all.
pub fn clouds_mask(clouds: &[Cloud]) -> u8 {
    match clouds.iter().fold(0, |mask, cloud| mask | cloud_bit(cloud)) {
        0 => ALL_CLOUDS,
        mask => mask,
    }
}

/// How many of `counts` pass a filter on kind and cloud bit.
pub fn count_matching(counts: &[Count], kind: Option<Kind>, cloud: Option<u8>) -> u32 {
    counts
        .iter()
        .filter(|c| kind.is_none_or(|k| k == c.kind))
        .filter(|c| cloud.is_none_or(|bit| c.clouds & bit != 0))
        .map(|c| c.articles)
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buckets_are_stable_and_in_range() {
        // Pinned: the compiler and every widget ever shipped must agree on these.
        assert_eq!(bucket_of("dcb1cb39-ac8b-4542-9575-9f52ff11cecf", 64), 38);
        // FNV-1a of "a" is the published test vector 0xaf63dc4c8601ec8c.
        assert_eq!(bucket_of("a", 1 << 20), 0xaf63dc4c8601ec8c % (1 << 20));
        assert_eq!(bucket_of("", 7), bucket_of("", 7));
        assert_eq!(bucket_of("anything", 0), 0);
        for id in ["a", "b", "ünï", "x".repeat(1000).as_str()] {
            assert!(bucket_of(id, 13) < 13);
        }
    }

    #[test]
    fn lookup_finds_by_id() {
        let mut articles: Vec<Located> = ["a", "c", "e"]
            .iter()
            .enumerate()
            .map(|(n, id)| Located {
                fingerprint: FileId(fingerprint(id)),
                chunk: n as u32,
            })
            .collect();
        articles.sort_by_key(|a| a.fingerprint);
        let lookup = Lookup {
            chunks: vec![FileId(10), FileId(11), FileId(12)],
            articles,
        };
        assert_eq!(lookup.chunk_of("c"), Some(FileId(11)));
        assert_eq!(lookup.chunk_of("e"), Some(FileId(12)));
        assert_eq!(lookup.chunk_of("d"), None);
    }

    #[test]
    fn file_ids_take_eight_bytes() {
        let bytes = postcard::to_allocvec(&FileId(u64::MAX)).unwrap();
        assert_eq!(bytes.len(), 8);
        assert_eq!(
            postcard::from_bytes::<FileId>(&bytes).unwrap(),
            FileId(u64::MAX)
        );
        let json = serde_json::to_string(&FileId(0xab)).unwrap();
        assert_eq!(json, "\"00000000000000ab\"");
        assert_eq!(serde_json::from_str::<FileId>(&json).unwrap(), FileId(0xab));
    }

    #[test]
    fn clouds_and_counts() {
        assert_eq!(clouds_mask(&[]), ALL_CLOUDS);
        assert_eq!(clouds_mask(&[Cloud::Public, Cloud::China]), 0b101);
        let counts = [
            Count {
                kind: Kind::Troubleshooter,
                clouds: 0b001,
                articles: 3,
            },
            Count {
                kind: Kind::Questionnaire,
                clouds: 0b101,
                articles: 2,
            },
        ];
        assert_eq!(count_matching(&counts, None, None), 5);
        assert_eq!(count_matching(&counts, Some(Kind::Questionnaire), None), 2);
        assert_eq!(count_matching(&counts, None, Some(0b100)), 2);
        assert_eq!(
            count_matching(&counts, Some(Kind::Troubleshooter), Some(0b100)),
            0
        );
        assert_eq!(
            FileId(0xab).path(FileKind::Chunk),
            "chunks/00000000000000ab.bin"
        );
    }
}
