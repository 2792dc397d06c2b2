//! The engine's calls as bytes, for an engine that runs in another WebAssembly module
//! (`search-web`) than the page that asks (the widget): one encoding, defined here, for
//! both sides.
//!
//! Each message starts with [`WIRE_VERSION`]; the two modules are built together, so a
//! different version means a page that mixes two builds, which is said, not misread.

use serde::{de::DeserializeOwned, Serialize};

use crate::query::{Outcome, Request};

/// The layout of requests and outcomes; bumped with any change to their types.
pub const WIRE_VERSION: u8 = 1;

/// Why a message could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WireError(pub String);

impl std::fmt::Display for WireError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

fn encode<T: Serialize>(value: &T) -> Vec<u8> {
    let mut bytes = vec![WIRE_VERSION];
    // Serializing these plain types into a vector cannot fail.
    bytes.extend(postcard::to_allocvec(value).unwrap_or_default());
    bytes
}

fn decode<T: DeserializeOwned>(bytes: &[u8], what: &str) -> Result<T, WireError> {
    match bytes.split_first() {
        Some((&WIRE_VERSION, rest)) => postcard::from_bytes(rest).map_err(|error| {
            WireError(format!(
                "the search engine's {what} cannot be read: {error}"
            ))
        }),
        Some((version, _)) => Err(WireError(format!(
            "the search engine speaks version {version}, this page {WIRE_VERSION}: reload the page"
        ))),
        None => Err(WireError(format!("the search engine's {what} is empty"))),
    }
}

pub fn encode_request(request: &Request) -> Vec<u8> {
    encode(request)
}

pub fn decode_request(bytes: &[u8]) -> Result<Request, WireError> {
    decode(bytes, "request")
}

pub fn encode_outcome(outcome: &Outcome) -> Vec<u8> {
    encode(outcome)
}

pub fn decode_outcome(bytes: &[u8]) -> Result<Outcome, WireError> {
    decode(bytes, "answer")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::{Excerpt, Filters, Hit, Results};

    #[test]
    fn requests_and_outcomes_cross_unchanged() {
        let request = Request {
            text: "sync error".into(),
            filters: Filters {
                product: Some(3),
                kind: None,
                cloud: Some(1),
            },
            limit: 10,
            plain: false,
        };
        assert_eq!(decode_request(&encode_request(&request)), Ok(request));
        let done = Outcome::Done(Results {
            hits: vec![Hit {
                key: "a".into(),
                title: "Sync".into(),
                product: 3,
                excerpt: Excerpt {
                    text: "sync fails".into(),
                    marks: vec![0..4, 5..10],
                },
                target: Some("step-2".into()),
                score: 1.5,
            }],
            total: 1,
            suggestion: Some("sync".into()),
            ..Results::default()
        });
        assert_eq!(decode_outcome(&encode_outcome(&done)), Ok(done));
        let need = Outcome::Need(vec![u64::MAX, 7]);
        assert_eq!(decode_outcome(&encode_outcome(&need)), Ok(need));
    }

    #[test]
    fn another_version_or_garbage_is_said() {
        let mut bytes = encode_outcome(&Outcome::Need(vec![1]));
        bytes[0] = WIRE_VERSION + 1;
        assert!(decode_outcome(&bytes)
            .unwrap_err()
            .0
            .contains("reload the page"));
        assert!(decode_outcome(&[]).is_err());
        assert!(decode_outcome(&[WIRE_VERSION, 0xff, 0xff]).is_err());
    }
}
