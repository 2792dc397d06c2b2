//! The search engine for the browser, as its own module: the widget loads it only when
//! a visitor searches, so a visit that only browses or plays never downloads it.
//!
//! A thin shell over [`selfhelp_search::Searcher`]: requests and answers cross as bytes
//! in the encoding of [`selfhelp_search::wire`], file ids as 16 hex digits (a u64 does
//! not fit a JavaScript number).

use selfhelp_search::wire::{decode_request, encode_outcome};
use selfhelp_search::Searcher;
use wasm_bindgen::prelude::*;

/// An open index.
#[wasm_bindgen]
pub struct Engine {
    searcher: Searcher,
}

#[wasm_bindgen]
impl Engine {
    /// Opens an index from its root's payload; refuses another index version with a
    /// message for people.
    #[wasm_bindgen(constructor)]
    pub fn new(root: &[u8]) -> Result<Engine, String> {
        Searcher::open(root)
            .map(|searcher| Engine { searcher })
            .map_err(|error| error.to_string())
    }

    /// Adds a file the engine asked for (`id`: 16 hex digits).
    pub fn insert(&mut self, id: &str, payload: &[u8]) -> Result<(), String> {
        let id = u64::from_str_radix(id, 16).map_err(|_| format!("not a file id: {id}"))?;
        self.searcher
            .insert(id, payload)
            .map_err(|error| error.to_string())
    }

    /// An encoded [`selfhelp_search::Request`] in, an encoded
    /// [`selfhelp_search::Outcome`] out: the files still needed, or the results.
    pub fn search(&self, request: &[u8]) -> Result<Vec<u8>, String> {
        let request = decode_request(request).map_err(|error| error.to_string())?;
        let outcome = self
            .searcher
            .try_search(&request)
            .map_err(|error| error.to_string())?;
        Ok(encode_outcome(&outcome))
    }

    /// Bench only: `need <id> <id>...` while files are missing, then `done` and each
    /// hit's key on a line of its own, best first; `plain` is the bench's plain BM25.
    #[cfg(feature = "bench")]
    pub fn search_keys(&self, text: &str, limit: usize, plain: bool) -> Result<String, String> {
        use selfhelp_search::{Outcome, Request};
        let request = Request {
            text: text.to_string(),
            limit,
            plain,
            ..Request::default()
        };
        let outcome = self
            .searcher
            .try_search(&request)
            .map_err(|error| error.to_string())?;
        Ok(match outcome {
            Outcome::Need(ids) => {
                let ids: Vec<String> = ids.iter().map(|id| format!("{id:016x}")).collect();
                format!("need {}", ids.join(" "))
            }
            Outcome::Done(results) => {
                let keys = results.hits.iter().map(|hit| hit.key.as_str());
                std::iter::once("done")
                    .chain(keys)
                    .collect::<Vec<_>>()
                    .join("\n")
            }
        })
    }
}
