//! The wire format of every site file: magic bytes, a version header naming the file's
//! kind, then the postcard payload.
//!
//! postcard was chosen by measurement (TOOLCHAIN.md): decoding it adds under 2 KB gzip of
//! wasm where serde_json adds about 15 KB. JSON stays available for people and tools.

use std::fmt;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::{FORMAT_VERSION, MIN_COMPATIBLE_VERSION, MIN_READABLE_VERSION};

/// First bytes of every site file.
pub const MAGIC: &[u8; 8] = b"SELFHELP";

/// What a site file holds. New kinds go at the end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum FileKind {
    /// The entry (`bundle.bin`): versions, build id, the catalogue's top level.
    Entry,
    /// Articles, grouped so that one fetch opens one article and its neighbours.
    Chunk,
    /// A page of the browse catalogue.
    Catalog,
    /// Article ids to the chunks that hold them, one bucket of ids per file.
    Lookup,
    /// The search index's root (`selfhelp-search`).
    SearchRoot,
    /// A shard of the search index.
    SearchShard,
    /// The catalogue's top level: the products and services, for the start page.
    Products,
}

impl FileKind {
    /// The folder of the site that holds files of this kind; empty for the entry.
    pub fn dir(self) -> &'static str {
        match self {
            FileKind::Entry => "",
            FileKind::Chunk => "chunks",
            FileKind::Catalog | FileKind::Products => "catalog",
            FileKind::Lookup => "lookup",
            FileKind::SearchRoot | FileKind::SearchShard => "search",
        }
    }

    /// A name for people: "chunk", "search shard".
    pub fn describe(self) -> &'static str {
        match self {
            FileKind::Entry => "entry",
            FileKind::Chunk => "chunk",
            FileKind::Catalog => "catalogue page",
            FileKind::Lookup => "lookup",
            FileKind::SearchRoot => "search root",
            FileKind::SearchShard => "search shard",
            FileKind::Products => "product list",
        }
    }
}

/// Read before the payload, so a reader can refuse a file whose layout it cannot know.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Header {
    pub format_version: u32,
    pub min_compatible_version: u32,
    /// The tool that wrote the file, e.g. `selfhelp 0.1.0`.
    pub generator: String,
    pub kind: FileKind,
}

impl Header {
    /// The header this crate writes.
    pub fn current(kind: FileKind, generator: &str) -> Header {
        Header {
            format_version: FORMAT_VERSION,
            min_compatible_version: MIN_COMPATIBLE_VERSION,
            generator: generator.to_string(),
            kind,
        }
    }
}

/// Why a file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BundleError {
    NotABundle,
    /// Written by a newer compiler in a format this reader cannot read.
    TooNew {
        format_version: u32,
        min_compatible_version: u32,
    },
    /// Written in a format older than this reader still reads.
    TooOld {
        format_version: u32,
    },
    /// A file of another kind where this one was expected (a misnamed or mixed-up file).
    WrongKind {
        expected: FileKind,
        found: FileKind,
    },
    Corrupt(String),
    Encode(String),
}

impl fmt::Display for BundleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BundleError::NotABundle => write!(f, "this file is not a selfhelp bundle"),
            BundleError::TooNew {
                format_version,
                min_compatible_version,
            } => write!(
                f,
                "the content has format version {format_version} and needs a reader of version \
                 {min_compatible_version} or newer; this one reads version {FORMAT_VERSION}: \
                 update the widget"
            ),
            BundleError::TooOld { format_version } => write!(
                f,
                "the content has format version {format_version}, older than the oldest this \
                 reader supports ({MIN_READABLE_VERSION}): rebuild the content"
            ),
            BundleError::WrongKind { expected, found } => write!(
                f,
                "expected a {} but found a {}",
                expected.describe(),
                found.describe()
            ),
            BundleError::Corrupt(why) => write!(f, "the content is damaged: {why}"),
            BundleError::Encode(why) => write!(f, "the content could not be encoded: {why}"),
        }
    }
}

impl std::error::Error for BundleError {}

fn encode_error(error: postcard::Error) -> BundleError {
    BundleError::Encode(error.to_string())
}

fn corrupt(error: postcard::Error) -> BundleError {
    BundleError::Corrupt(error.to_string())
}

/// Encodes `value` as a file of `kind` with the current header.
pub fn encode_file<T: Serialize>(
    kind: FileKind,
    value: &T,
    generator: &str,
) -> Result<Vec<u8>, BundleError> {
    let payload = postcard::to_allocvec(value).map_err(encode_error)?;
    encode_with_header(&Header::current(kind, generator), &payload)
}

/// Wraps an already encoded payload; also for tests of version handling.
pub fn encode_with_header(header: &Header, payload: &[u8]) -> Result<Vec<u8>, BundleError> {
    let mut out = MAGIC.to_vec();
    out.extend(postcard::to_allocvec(header).map_err(encode_error)?);
    out.extend_from_slice(payload);
    Ok(out)
}

/// Reads and checks the header, returning it with the payload that follows.
pub fn read_header(bytes: &[u8]) -> Result<(Header, &[u8]), BundleError> {
    let rest = bytes
        .strip_prefix(MAGIC.as_slice())
        .ok_or(BundleError::NotABundle)?;
    // The version fields come first and never change place, so a reader can refuse a
    // newer file even when the rest of its header has grown.
    let (format_version, after): (u32, &[u8]) = postcard::take_from_bytes(rest).map_err(corrupt)?;
    let (min_compatible_version, _): (u32, &[u8]) =
        postcard::take_from_bytes(after).map_err(corrupt)?;
    if min_compatible_version > FORMAT_VERSION {
        return Err(BundleError::TooNew {
            format_version,
            min_compatible_version,
        });
    }
    if format_version < MIN_READABLE_VERSION {
        return Err(BundleError::TooOld { format_version });
    }
    let (header, payload): (Header, &[u8]) = postcard::take_from_bytes(rest).map_err(corrupt)?;
    Ok((header, payload))
}

/// Reads a file that must be of `kind`, refusing one this reader is not compatible with.
pub fn decode_file<T: DeserializeOwned>(
    kind: FileKind,
    bytes: &[u8],
) -> Result<(Header, T), BundleError> {
    let (header, payload) = read_header(bytes)?;
    if header.kind != kind {
        return Err(BundleError::WrongKind {
            expected: kind,
            found: header.kind,
        });
    }
    let value = decode_payload(payload)?;
    Ok((header, value))
}

/// Decodes a payload read by [`read_header`]; nesting beyond what the compiler writes is
/// refused as damage (see [`crate::depth`]), so no file can exhaust the reader's stack.
pub fn decode_payload<T: DeserializeOwned>(payload: &[u8]) -> Result<T, BundleError> {
    crate::depth::reset();
    postcard::from_bytes(payload).map_err(corrupt)
}
