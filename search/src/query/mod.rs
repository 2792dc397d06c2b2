//! The query engine: a root, the files fetched so far, and searches that say which
//! files they still need.

mod edit;
mod error;
mod excerpt;
mod lookup;
mod matching;
mod plan;
mod postings;
mod results;
mod sort;

use crate::analysis::Analyzer;
use crate::format::{file_name, File, FileClass, Records, Root, Tails, INDEX_VERSION};
use crate::hash::FxMap;
use crate::postings::decode;
use lookup::{Expansion, Shard};
use matching::Step;
use plan::Word;

pub use error::IndexError;
pub use results::{
    Excerpt, FacetCounts, Filters, Hit, Outcome, Request, Results, TYPEAHEAD_RESULTS,
};

/// Hits a search returns at most, whatever it asks.
const MAX_LIMIT: usize = 100;
/// What a hit's score gains, at most, when its title has every word of the query: BM25F
/// sums words field by field, so a long article that mentions them all in its body can
/// outscore the one whose title is the query. Measured with `cargo xtask bench --search`
/// (MRR@10 0.718 → 0.732, real queries 0.511 → 0.528); 0.6 helped titles more and real
/// queries less.
const TITLE_COVER_BOOST: f32 = 0.3;

/// A file as the engine keeps it.
#[derive(Debug)]
pub(crate) enum Loaded {
    Vocabulary(Shard),
    Tails(Tails),
    Records(Records),
}

/// A search index in the making: the root, and whatever files were inserted.
#[derive(Debug)]
pub struct Searcher {
    root: Root,
    files: FxMap<u64, Loaded>,
}

impl Searcher {
    /// Opens an index from its root's payload; refuses another [`INDEX_VERSION`].
    pub fn open(root_payload: &[u8]) -> Result<Searcher, IndexError> {
        let damaged = || IndexError::Damaged {
            file: None,
            what: "its root".to_string(),
        };
        let (found, _) = postcard::take_from_bytes::<u32>(root_payload).map_err(|_| damaged())?;
        if found != INDEX_VERSION {
            return Err(IndexError::Version {
                found,
                expected: INDEX_VERSION,
            });
        }
        let root: Root = postcard::from_bytes(root_payload).map_err(|_| damaged())?;
        Ok(Searcher {
            root,
            files: FxMap::default(),
        })
    }

    /// Adds a fetched file. A payload that cannot be read is an error, and leaves the
    /// searcher as it was.
    pub fn insert(&mut self, file: u64, payload: &[u8]) -> Result<(), IndexError> {
        let decoded: File =
            postcard::from_bytes(payload).map_err(|_| IndexError::damaged(file, "its contents"))?;
        let loaded = match decoded {
            File::Vocabulary(vocabulary) => {
                Loaded::Vocabulary(shard(file, vocabulary, self.root.tails)?)
            }
            File::Tails(tails) => Loaded::Tails(checked_tails(file, tails)?),
            File::Records(records) => Loaded::Records(records),
        };
        self.files.insert(file, loaded);
        Ok(())
    }

    /// Searches with the files inserted so far: the results, or the files to fetch.
    pub fn search(&self, request: &Request) -> Outcome {
        match self.run(request) {
            Ok(outcome) => outcome,
            // Files are checked as they are inserted; what is left is files that do not
            // fit together (a reference out of range): no results rather than a panic.
            Err(_) => Outcome::Done(Results::default()),
        }
    }

    /// As [`Searcher::search`], but says when a file turned out to be damaged.
    pub fn try_search(&self, request: &Request) -> Result<Outcome, IndexError> {
        self.run(request)
    }

    fn run(&self, request: &Request) -> Result<Outcome, IndexError> {
        let root = &self.root;
        let expand = !request.plain && !root.plain;
        let plan = plan::plan(&request.text, &root.synonyms, expand);
        let bonus_words: Vec<Word> = plan
            .bonus
            .iter()
            .map(|term| Word {
                surface: term.clone(),
                term: term.clone(),
                prefix: false,
                synonyms: Vec::new(),
                position: 0,
            })
            .collect();
        let mut need = Vec::new();
        for word in plan.words.iter().chain(&bonus_words) {
            lookup::shards_for(root, word, &mut need);
        }
        need.retain(|id| !self.files.contains_key(id));
        if !need.is_empty() {
            return Ok(Outcome::Need(need));
        }
        let shard = |id: u64| match self.files.get(&id) {
            Some(Loaded::Vocabulary(shard)) => Some(shard),
            _ => None,
        };
        let expansions: Vec<Expansion> = plan
            .words
            .iter()
            .map(|word| lookup::expand(root, word, expand, &shard))
            .collect();
        // A word neither found nor completed may be a typo of a word in the next shard.
        let mut neighbours: Vec<u64> = expansions
            .iter()
            .filter_map(|expansion| expansion.neighbour)
            .filter(|id| !self.files.contains_key(id))
            .collect();
        if !neighbours.is_empty() {
            sort::sort_by_key(&mut neighbours, |&id| id);
            neighbours.dedup();
            return Ok(Outcome::Need(neighbours));
        }
        let bonus: Vec<Expansion> = bonus_words
            .iter()
            .map(|word| lookup::expand(root, word, false, &shard))
            .collect();
        let limit = request.limit.min(MAX_LIMIT);
        let matched = match matching::evaluate(
            root,
            &self.files,
            &plan,
            &expansions,
            &bonus,
            &request.filters,
            limit,
        )? {
            Step::Need(files) => return Ok(Outcome::Need(files)),
            Step::Matched(matched) => matched,
        };
        let mut marks: Vec<(String, usize)> = Vec::new();
        for (index, (word, expansion)) in plan.words.iter().zip(&expansions).enumerate() {
            marks.extend(
                expansion
                    .terms
                    .iter()
                    .chain(&word.synonyms)
                    .map(|term| (term.clone(), index)),
            );
        }
        marks.extend(
            plan.bonus
                .iter()
                .enumerate()
                .map(|(index, term)| (term.clone(), plan.words.len() + index)),
        );
        let mut ranked: Vec<(usize, usize, Hit)> = Vec::with_capacity(matched.top.len());
        let mut analyzer = Analyzer::default();
        for scored in &matched.top {
            let record = match self.record(scored.doc)? {
                Ok(record) => record,
                Err(file) => {
                    need.push(file);
                    continue;
                }
            };
            let (excerpt, target) = excerpt::excerpt(&mut analyzer, record, &marks);
            let product = matching::product_of(root, scored.doc);
            let cover = match expand {
                true => {
                    excerpt::title_cover(&mut analyzer, &record.title, &marks, plan.words.len())
                }
                false => 0.0,
            };
            let hit = Hit {
                key: record.key.clone(),
                title: record.title.clone(),
                product,
                excerpt,
                target,
                score: scored.score * (1.0 + TITLE_COVER_BOOST * cover),
            };
            ranked.push((scored.words, ranked.len(), hit));
        }
        if !need.is_empty() {
            sort::sort_by_key(&mut need, |&id| id);
            need.dedup();
            return Ok(Outcome::Need(need));
        }
        // Among the hits, a title that has the query's words tells more than the body;
        // more words still rank first, and equals keep the engine's order.
        sort::sort_by(&mut ranked, |(words_a, rank_a, a), (words_b, rank_b, b)| {
            (words_a, a.score, std::cmp::Reverse(rank_a))
                > (words_b, b.score, std::cmp::Reverse(rank_b))
        });
        let hits: Vec<Hit> = ranked.into_iter().map(|(_, _, hit)| hit).collect();
        let suggestion = suggest(&plan.words, &expansions, matched.total);
        Ok(Outcome::Done(Results {
            hits,
            total: matched.total,
            facets: matched.facets,
            suggestion,
        }))
    }

    /// A document's record, or the file to fetch first.
    fn record(&self, doc: u32) -> Result<Result<&crate::format::Record, u64>, IndexError> {
        let root = &self.root;
        let number = doc / root.records_per_file.max(1);
        if number >= root.record_files() {
            return Err(IndexError::Damaged {
                file: None,
                what: "a document beyond its records".to_string(),
            });
        }
        let file = file_name(root.seed, FileClass::Records, number);
        let records = match self.files.get(&file) {
            Some(Loaded::Records(records)) => records,
            Some(_) => return Err(IndexError::damaged(file, "a file of the wrong kind")),
            None => return Ok(Err(file)),
        };
        let index = doc
            .checked_sub(records.first_doc)
            .ok_or(IndexError::damaged(file, "a record"))?;
        records
            .records
            .get(index as usize)
            .map(Ok)
            .ok_or(IndexError::damaged(file, "a record"))
    }
}

/// A vocabulary shard with its front-coded terms written out and its heads checked, so
/// damage shows here and not halfway through a search.
fn shard(
    file: u64,
    vocabulary: crate::format::Vocabulary,
    tails: u32,
) -> Result<Shard, IndexError> {
    let mut texts: Vec<String> = Vec::with_capacity(vocabulary.terms.len());
    let mut scratch = Vec::new();
    for entry in &vocabulary.terms {
        let previous = texts.last().map_or("", String::as_str);
        let shared = previous
            .get(..usize::from(entry.shared))
            .ok_or(IndexError::damaged(file, "a term"))?;
        texts.push(format!("{shared}{}", entry.rest));
        scratch.clear();
        decode(&entry.head, true, &mut scratch)
            .map_err(|_| IndexError::damaged(file, "a posting list"))?;
        if entry.tail.iter().any(|part| part.file >= tails) {
            return Err(IndexError::damaged(file, "a tail reference"));
        }
    }
    if texts.windows(2).any(|pair| pair[0] >= pair[1]) {
        return Err(IndexError::damaged(file, "the order of its terms"));
    }
    Ok(Shard { texts, vocabulary })
}

fn checked_tails(file: u64, tails: Tails) -> Result<Tails, IndexError> {
    let mut scratch = Vec::new();
    for part in &tails.parts {
        scratch.clear();
        decode(part, false, &mut scratch).map_err(|_| IndexError::damaged(file, "a tail part"))?;
    }
    Ok(tails)
}

/// "Did you mean": the query with each word that has a far more common near spelling
/// replaced by it, when the query found little, or found only through corrections.
fn suggest(words: &[Word], expansions: &[Expansion], total: usize) -> Option<String> {
    let corrected_only = expansions
        .iter()
        .any(|e| !e.exact && !e.corrections.is_empty());
    if total >= 3 && !corrected_only {
        return None;
    }
    let mut changed = false;
    let text: Vec<&str> = words
        .iter()
        .zip(expansions)
        .map(|(word, expansion)| match expansion.corrections.first() {
            Some((display, _)) if !expansion.exact || total < 3 => {
                changed = true;
                display.as_str()
            }
            _ => word.surface.as_str(),
        })
        .collect();
    changed.then(|| text.join(" "))
}
