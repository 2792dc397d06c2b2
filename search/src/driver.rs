//! Running searches natively against files in memory, for tests and the benchmark: an
//! in-memory store for [`crate::build`], and a driver that plays the widget's rounds.

use std::collections::HashMap;

use crate::build::IndexFiles;
use crate::query::{IndexError, Outcome, Request, Results, Searcher};

/// Rounds a search may take before the driver gives up (a real one takes at most five).
const MAX_ROUNDS: usize = 12;

/// Files by name, as [`crate::build`] made them.
#[derive(Debug, Default, Clone)]
pub struct MemoryStore {
    pub files: HashMap<u64, Vec<u8>>,
}

impl MemoryStore {
    /// FNV-1a: the digest tests and the benchmark build with (a site hashes its files
    /// its own way).
    pub fn digest(payload: &[u8]) -> u64 {
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        for &byte in payload {
            hash = (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3);
        }
        hash
    }

    /// Keeps a built index's files; returns its root's payload beside them.
    pub fn keep(index: IndexFiles) -> (Vec<u8>, MemoryStore) {
        let files = index.files.into_iter().collect();
        (index.root, MemoryStore { files })
    }
}

/// A finished search and the files each round fetched.
#[derive(Debug, Clone, PartialEq)]
pub struct Driven {
    pub results: Results,
    pub rounds: Vec<Vec<u64>>,
}

/// Searches, inserting the files each round needs from `files`.
pub fn search_with(
    searcher: &mut Searcher,
    request: &Request,
    files: &HashMap<u64, Vec<u8>>,
) -> Result<Driven, IndexError> {
    let mut rounds = Vec::new();
    for _ in 0..MAX_ROUNDS {
        match searcher.try_search(request)? {
            Outcome::Done(results) => return Ok(Driven { results, rounds }),
            Outcome::Need(needed) => {
                for &id in &needed {
                    let payload = files.get(&id).ok_or(IndexError::Missing(id))?;
                    searcher.insert(id, payload)?;
                }
                rounds.push(needed);
            }
        }
    }
    Err(IndexError::Damaged {
        file: None,
        what: format!("a search that still needed files after {MAX_ROUNDS} rounds"),
    })
}
