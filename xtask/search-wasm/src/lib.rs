//! Bench only: the search engine exported to JavaScript, so queries are timed in wasm.
//!
//! The page plays the widget's rounds itself (search, fetch what it needs, insert, search
//! again), so the timed call is the engine alone. File ids cross as hex strings: the
//! bench's server names the files so, and no `BigInt` is needed on the page.

use selfhelp_search::{Outcome, Request, Searcher};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
pub struct Engine {
    searcher: Searcher,
}

#[wasm_bindgen]
impl Engine {
    /// Opens an index from its root's payload.
    #[wasm_bindgen(constructor)]
    pub fn new(root: &[u8]) -> Result<Engine, JsError> {
        let searcher = Searcher::open(root).map_err(|e| JsError::new(&e.to_string()))?;
        Ok(Engine { searcher })
    }

    /// Adds a fetched file, named by its id in hex.
    pub fn insert(&mut self, id: &str, payload: &[u8]) -> Result<(), JsError> {
        let id = u64::from_str_radix(id, 16).map_err(|e| JsError::new(&e.to_string()))?;
        self.searcher
            .insert(id, payload)
            .map_err(|e| JsError::new(&e.to_string()))
    }

    /// `need <id> <id>...` while files are missing; then `done`, and each hit's key on
    /// a line of its own, best first.
    pub fn search(&self, text: &str, limit: usize, plain: bool) -> String {
        let request = Request {
            text: text.to_string(),
            limit,
            plain,
            ..Request::default()
        };
        match self.searcher.search(&request) {
            Outcome::Need(ids) => {
                let ids: Vec<String> = ids.iter().map(|id| format!("{id:016x}")).collect();
                format!("need {}", ids.join(" "))
            }
            Outcome::Done(results) => {
                let mut out = String::from("done");
                for hit in &results.hits {
                    out.push('\n');
                    out.push_str(&hit.key);
                }
                out
            }
        }
    }
}
