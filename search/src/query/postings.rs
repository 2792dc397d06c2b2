//! A word's documents gathered from the heads and tail parts loaded so far.

use crate::format::{file_name, FileClass, Root};
use crate::hash::FxMap;
use crate::postings::{decode, Posting, MAX_POSITIONS};
use crate::query::lookup::Expansion;
use crate::query::sort::sort_by_key;
use crate::query::{IndexError, Loaded};

/// Alternatives of one word whose tails are fetched; the rest count from heads only.
const TAIL_ALTERNATIVES: usize = 3;

/// What a word scores in one document.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub(crate) struct DocMatch {
    pub doc: u32,
    pub score: f32,
    pub class: u8,
    pub positions: [u32; MAX_POSITIONS],
    pub position_count: u8,
}

impl DocMatch {
    pub fn positions(&self) -> &[u32] {
        &self.positions[..usize::from(self.position_count).min(MAX_POSITIONS)]
    }
}

/// A tail part a word may need.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Part {
    pub file: u64,
    pub first: u32,
    pub last: u32,
    pub loaded: bool,
}

/// A word's documents, sorted by document (a sorted vector rather than a map: one
/// hash table type less in the wasm, and lookups are binary searches).
#[derive(Debug, Default)]
pub(crate) struct WordDocs {
    pub docs: Vec<DocMatch>,
    pub parts: Vec<Part>,
    /// Σ df of its alternatives: how long its lists are.
    pub df: u64,
}

impl WordDocs {
    pub fn complete(&self) -> bool {
        self.parts.iter().all(|part| part.loaded)
    }

    /// Files of the parts not loaded yet that span a document of `docs` (sorted), or
    /// all of them.
    pub fn missing(&self, docs: Option<&[u32]>, out: &mut Vec<u64>) {
        for part in self.parts.iter().filter(|part| !part.loaded) {
            let wanted = match docs {
                None => true,
                Some(docs) => docs
                    .get(docs.partition_point(|&d| d < part.first))
                    .is_some_and(|&d| d <= part.last),
            };
            if wanted && !out.contains(&part.file) {
                out.push(part.file);
            }
        }
    }

    pub fn get(&self, doc: u32) -> Option<&DocMatch> {
        let index = self.docs.binary_search_by_key(&doc, |m| m.doc).ok()?;
        self.docs.get(index)
    }

    pub fn contains(&self, doc: u32) -> bool {
        self.get(doc).is_some()
    }

    fn add(&mut self, posting: &Posting, weight: f32) {
        let score = weight * f32::from(posting.impact);
        let Posting {
            doc,
            class,
            positions,
            position_count,
            ..
        } = *posting;
        self.docs.push(DocMatch {
            doc,
            score,
            class,
            positions,
            position_count,
        });
    }

    /// Sorts by document and keeps one match per document: the best score, and
    /// positions from the best alternative that has them.
    fn settle(&mut self) {
        sort_by_key(&mut self.docs, |m| {
            (m.doc, std::cmp::Reverse(m.position_count > 0))
        });
        let mut settled: Vec<DocMatch> = Vec::with_capacity(self.docs.len());
        for found in self.docs.drain(..) {
            match settled.last_mut() {
                Some(last) if last.doc == found.doc => {
                    let better = found.score > last.score;
                    if better {
                        last.score = found.score;
                    }
                    if found.position_count > 0 && (better || last.position_count == 0) {
                        last.positions = found.positions;
                        last.position_count = found.position_count;
                    }
                }
                _ => settled.push(found),
            }
        }
        self.docs = settled;
    }
}

/// Gathers a word's documents; `tails` is false for words counted from heads only.
pub(crate) fn gather(
    root: &Root,
    files: &FxMap<u64, Loaded>,
    expansion: &Expansion,
    tails: bool,
) -> Result<WordDocs, IndexError> {
    let mut out = WordDocs::default();
    let mut scratch = Vec::new();
    let mut by_df: Vec<(u32, usize)> = Vec::new();
    for (index, alternative) in expansion.alternatives.iter().enumerate() {
        let Some(Loaded::Vocabulary(shard)) = files.get(&alternative.shard) else {
            continue;
        };
        let Some(entry) = shard.vocabulary.terms.get(alternative.entry) else {
            continue;
        };
        by_df.push((entry.df, index));
    }
    sort_by_key(&mut by_df, |&(df, _)| std::cmp::Reverse(df));
    for (rank, &(df, index)) in by_df.iter().enumerate() {
        let Some(alternative) = expansion.alternatives.get(index) else {
            continue;
        };
        let Some(Loaded::Vocabulary(shard)) = files.get(&alternative.shard) else {
            continue;
        };
        let Some(entry) = shard.vocabulary.terms.get(alternative.entry) else {
            continue;
        };
        out.df += u64::from(df);
        scratch.clear();
        decode(&entry.head, true, &mut scratch)
            .map_err(|_| IndexError::damaged(alternative.shard, "a posting list"))?;
        for posting in &scratch {
            out.add(posting, alternative.weight);
        }
        if !tails || rank >= TAIL_ALTERNATIVES {
            continue;
        }
        for part in &entry.tail {
            if part.file >= root.tails {
                return Err(IndexError::damaged(alternative.shard, "a tail reference"));
            }
            let file = file_name(root.seed, FileClass::Tails, part.file);
            let loaded = match files.get(&file) {
                Some(Loaded::Tails(tails)) => {
                    let bytes = tails
                        .parts
                        .get(part.part as usize)
                        .ok_or(IndexError::damaged(file, "a tail part"))?;
                    scratch.clear();
                    decode(bytes, false, &mut scratch)
                        .map_err(|_| IndexError::damaged(file, "a tail part"))?;
                    for posting in &scratch {
                        out.add(posting, alternative.weight);
                    }
                    true
                }
                Some(_) => return Err(IndexError::damaged(file, "a file of the wrong kind")),
                None => false,
            };
            out.parts.push(Part {
                file,
                first: part.first_doc,
                last: part.last_doc,
                loaded,
            });
        }
    }
    out.settle();
    Ok(out)
}
