//! The bundle's wire format: magic bytes, a version header, then the postcard payload.
//!
//! postcard was chosen by measurement (TOOLCHAIN.md): decoding it adds under 2 KB gzip of
//! wasm where serde_json adds about 15 KB. JSON stays available for people and tools.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::article::Bundle;
use crate::{FORMAT_VERSION, MIN_COMPATIBLE_VERSION, MIN_READABLE_VERSION};

/// First bytes of every bundle file.
pub const MAGIC: &[u8; 8] = b"SELFHELP";

/// Read before the payload, so a reader can refuse a bundle whose layout it cannot know.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Header {
    pub format_version: u32,
    pub min_compatible_version: u32,
    /// The tool that wrote the bundle, e.g. `selfhelp 0.1.0`.
    pub generator: String,
}

/// Why a bundle could not be read.
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
                "the bundle has format version {format_version} and needs a reader of version \
                 {min_compatible_version} or newer; this one reads version {FORMAT_VERSION}: \
                 update the widget"
            ),
            BundleError::TooOld { format_version } => write!(
                f,
                "the bundle has format version {format_version}, older than the oldest this \
                 reader supports ({MIN_READABLE_VERSION}): rebuild the content"
            ),
            BundleError::Corrupt(why) => write!(f, "the bundle is damaged: {why}"),
            BundleError::Encode(why) => write!(f, "the bundle could not be encoded: {why}"),
        }
    }
}

impl std::error::Error for BundleError {}

/// Encodes a bundle with the current header.
pub fn encode(bundle: &Bundle, generator: &str) -> Result<Vec<u8>, BundleError> {
    let header = Header {
        format_version: FORMAT_VERSION,
        min_compatible_version: MIN_COMPATIBLE_VERSION,
        generator: generator.to_string(),
    };
    encode_with_header(&header, bundle)
}

/// Encodes with an explicit header; for tests of version handling.
#[doc(hidden)]
pub fn encode_with_header(header: &Header, bundle: &Bundle) -> Result<Vec<u8>, BundleError> {
    let encode_error = |e: postcard::Error| BundleError::Encode(e.to_string());
    let mut out = MAGIC.to_vec();
    out.extend(postcard::to_allocvec(header).map_err(encode_error)?);
    out.extend(postcard::to_allocvec(bundle).map_err(encode_error)?);
    Ok(out)
}

/// Reads a bundle, refusing one this reader is not compatible with.
pub fn decode(bytes: &[u8]) -> Result<(Header, Bundle), BundleError> {
    let rest = bytes
        .strip_prefix(MAGIC.as_slice())
        .ok_or(BundleError::NotABundle)?;
    let (header, payload): (Header, &[u8]) =
        postcard::take_from_bytes(rest).map_err(|e| BundleError::Corrupt(e.to_string()))?;
    if header.min_compatible_version > FORMAT_VERSION {
        return Err(BundleError::TooNew {
            format_version: header.format_version,
            min_compatible_version: header.min_compatible_version,
        });
    }
    if header.format_version < MIN_READABLE_VERSION {
        return Err(BundleError::TooOld {
            format_version: header.format_version,
        });
    }
    let bundle = postcard::from_bytes(payload).map_err(|e| BundleError::Corrupt(e.to_string()))?;
    Ok((header, bundle))
}
