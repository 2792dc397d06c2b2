//! Which documents match, how they rank, and how many there are of each facet.
//!
//! Documents must have every required word (any of its alternatives). To count and rank
//! exactly without fetching every long list whole, the engine first completes the
//! shortest word (its heads and tails), then fetches of the other words only the tail
//! parts that span those candidates. When no document has every word, or a query of
//! three words or more finds fewer than a page, it fetches the rest and keeps the
//! documents with the most words (from three words on, also those missing one), more
//! words ranking first. Words in more than half of the library, or in more than
//! [`COMMON_DF`] documents, do not restrict (they would cost their whole tail for
//! little); they and code tokens as written only add to the score, from their heads.

use crate::format::Root;
use crate::hash::FxMap;
use crate::query::lookup::Expansion;
use crate::query::plan::Plan;
use crate::query::postings::{gather, WordDocs};
use crate::query::sort::{sort_by, sort_by_key};
use crate::query::{FacetCounts, Filters, IndexError, Loaded};

/// What a code token as written adds, relative to a word.
const BONUS_WEIGHT: f32 = 0.5;
/// Boosts for query words that stand next to each other in a document, or near.
const PHRASE_BOOST: f32 = 0.6;
const NEAR_BOOST: f32 = 0.25;
const NEAR: u32 = 4;
/// A word in more documents than this does not restrict either, however large the
/// library: restricting by it costs its whole tail (four tail parts and more), so without
/// a bound a first query would cost more as the library grows. Measured with `cargo
/// xtask bench --search --quick` on the corpus: 4,096 leaves every relevance figure as
/// it was (MRR@10 0.737, MRR@6 0.807 against 0.808) and takes the 10-result first query
/// from +11.0% to +9.7% between 1,000 articles and all; 3,072 and 2,048 lose relevance.
const COMMON_DF: u64 = 4_096;
/// Product numbers counted; a larger one can only come from a damaged index.
const MAX_PRODUCTS: usize = 1 << 16;

#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Scored {
    pub doc: u32,
    pub score: f32,
    /// Required words it has: more words rank first, whatever the score.
    pub words: usize,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Matched {
    pub top: Vec<Scored>,
    pub total: usize,
    pub facets: FacetCounts,
}

pub(crate) enum Step {
    Need(Vec<u64>),
    Matched(Matched),
}

/// The product of a document, from the runs of the root.
pub(crate) fn product_of(root: &Root, doc: u32) -> u32 {
    let index = root
        .product_runs
        .partition_point(|(first, _)| *first <= doc);
    root.product_runs
        .get(index.wrapping_sub(1))
        .map_or(0, |(_, product)| *product)
}

pub(crate) fn evaluate(
    root: &Root,
    files: &FxMap<u64, Loaded>,
    plan: &Plan,
    expansions: &[Expansion],
    bonus: &[Expansion],
    filters: &Filters,
    limit: usize,
) -> Result<Step, IndexError> {
    let common = |expansion: &Expansion, words: &WordDocs| {
        root.docs >= 20
            && words.df > u64::from(root.docs / 2).min(COMMON_DF)
            && !expansion.alternatives.is_empty()
    };
    let mut required: Vec<(usize, WordDocs)> = Vec::new();
    let mut optional: Vec<(usize, WordDocs)> = Vec::new();
    for (index, expansion) in expansions.iter().enumerate() {
        let words = gather(root, files, expansion, true)?;
        if common(expansion, &words) {
            optional.push((index, gather(root, files, expansion, false)?));
        } else {
            required.push((index, words));
        }
    }
    if required.iter().all(|(index, _)| {
        expansions
            .get(*index)
            .is_some_and(|e| e.alternatives.is_empty())
    }) {
        // Nothing restricts: the common words restrict after all, from their heads.
        required.append(&mut optional);
    }
    if required.is_empty() {
        return Ok(Step::Matched(Matched::default()));
    }
    let mut need = Vec::new();
    // The complete word with the fewest documents bounds the candidates.
    let pivot = required
        .iter()
        .filter(|(_, w)| w.complete())
        .min_by_key(|(_, w)| w.docs.len());
    let Some((pivot_index, pivot)) = pivot else {
        if let Some((_, shortest)) = required.iter().min_by_key(|(_, w)| w.df) {
            shortest.missing(None, &mut need);
        }
        return Ok(Step::Need(need));
    };
    let candidates: Vec<u32> = pivot.docs.iter().map(|m| m.doc).collect();
    for (index, words) in &required {
        if index != pivot_index {
            words.missing(Some(&candidates), &mut need);
        }
    }
    if !need.is_empty() {
        return Ok(Step::Need(need));
    }
    let mut matches: Vec<(u32, usize)> = candidates
        .iter()
        .filter(|&&doc| required.iter().all(|(_, w)| w.contains(doc)))
        .map(|&doc| (doc, required.len()))
        .collect();
    // Too few with every word: relax (a sentence seldom has all its words in one
    // article), ranking those with more words first.
    let few = matches.is_empty() || (matches.len() < limit && required.len() >= 3);
    if few && required.len() > 1 {
        for (_, words) in &required {
            words.missing(None, &mut need);
        }
        if !need.is_empty() {
            return Ok(Step::Need(need));
        }
        matches = most_words(&required);
    }
    let bonus: Vec<WordDocs> = bonus
        .iter()
        .map(|b| gather(root, files, b, false))
        .collect::<Result<_, _>>()?;
    let mut scored = Vec::with_capacity(matches.len());
    let mut counts = Counter::new(root, filters);
    for (doc, words) in matches {
        let Some(class) = required
            .iter()
            .find_map(|(_, w)| w.get(doc))
            .map(|m| m.class)
        else {
            continue;
        };
        if !counts.add(doc, class) {
            continue;
        }
        let mut score: f32 = required
            .iter()
            .chain(&optional)
            .filter_map(|(_, w)| w.get(doc))
            .map(|m| m.score)
            .sum();
        score += BONUS_WEIGHT
            * bonus
                .iter()
                .filter_map(|b| b.get(doc))
                .map(|m| m.score)
                .sum::<f32>();
        score *= proximity(plan, &required, &optional, doc);
        scored.push(Scored { doc, score, words });
    }
    sort_by(&mut scored, |a, b| {
        (a.words, a.score, std::cmp::Reverse(a.doc)) > (b.words, b.score, std::cmp::Reverse(b.doc))
    });
    let total = scored.len();
    scored.truncate(limit);
    let top = scored;
    Ok(Step::Matched(Matched {
        top,
        total,
        facets: counts.finish(),
    }))
}

/// The documents with the most of the required words, when none has them all.
fn most_words(required: &[(usize, WordDocs)]) -> Vec<(u32, usize)> {
    let mut all: Vec<u32> = required
        .iter()
        .flat_map(|(_, w)| w.docs.iter().map(|m| m.doc))
        .collect();
    sort_by_key(&mut all, |&doc| doc);
    let mut counted: Vec<(u32, usize)> = Vec::new();
    for doc in all {
        match counted.last_mut() {
            Some((last, count)) if *last == doc => *count += 1,
            _ => counted.push((doc, 1)),
        }
    }
    // A sentence rarely has all its words in one article: from three words on, those
    // that miss one more still match (and rank below).
    let best = counted.iter().map(|&(_, count)| count).max().unwrap_or(0);
    let least = if best >= 3 { best - 1 } else { best };
    counted.retain(|&(_, count)| count >= least);
    counted
}

/// 1, plus boosts for pairs of neighbouring query words found side by side or near.
fn proximity(
    plan: &Plan,
    required: &[(usize, WordDocs)],
    optional: &[(usize, WordDocs)],
    doc: u32,
) -> f32 {
    let mut words: Vec<(u32, &[u32])> = required
        .iter()
        .chain(optional)
        .filter_map(|(index, w)| Some((plan.words.get(*index)?.position, w.get(doc)?.positions())))
        .collect();
    if words.len() < 2 {
        return 1.0;
    }
    sort_by_key(&mut words, |(position, _)| *position);
    let pairs = (words.len() - 1) as f32;
    let mut boost = 0.0;
    for pair in words.windows(2) {
        let [(first_at, first), (second_at, second)] = pair else {
            continue;
        };
        let gap = second_at.saturating_sub(*first_at);
        let distances = first
            .iter()
            .flat_map(|&p| second.iter().map(move |&q| (p, q)));
        let mut best = 0.0f32;
        for (p, q) in distances {
            if q == p + gap {
                best = best.max(PHRASE_BOOST);
            } else if p.abs_diff(q) <= gap + NEAR {
                best = best.max(NEAR_BOOST);
            }
        }
        boost += best;
    }
    1.0 + boost / pairs
}

/// Facet counts over every match: each facet counted with the other facets' filters
/// applied but not its own, so a visitor sees what choosing another value would give.
struct Counter<'r> {
    root: &'r Root,
    filters: &'r Filters,
    /// By product number: products are few and numbered from 0.
    products: Vec<u32>,
    kinds: [u32; 256],
    clouds: [u32; 8],
}

impl<'r> Counter<'r> {
    fn new(root: &'r Root, filters: &'r Filters) -> Self {
        Counter {
            root,
            filters,
            products: Vec::new(),
            kinds: [0; 256],
            clouds: [0; 8],
        }
    }

    /// Counts a match; returns whether it passes every filter.
    fn add(&mut self, doc: u32, class: u8) -> bool {
        let (kind, clouds) = self
            .root
            .classes
            .get(usize::from(class))
            .copied()
            .unwrap_or((0, 0));
        let product = product_of(self.root, doc);
        let product_ok = self.filters.product.is_none_or(|p| p == product);
        let kind_ok = self.filters.kind.is_none_or(|k| k == kind);
        let cloud_ok = self.filters.cloud.is_none_or(|c| c & clouds != 0);
        if kind_ok && cloud_ok {
            let index = product as usize;
            if index < MAX_PRODUCTS {
                if self.products.len() <= index {
                    self.products.resize(index + 1, 0);
                }
                self.products[index] += 1;
            }
        }
        if product_ok && cloud_ok {
            self.kinds[usize::from(kind)] += 1;
        }
        if product_ok && kind_ok {
            for (bit, count) in self.clouds.iter_mut().enumerate() {
                if clouds & (1 << bit) != 0 {
                    *count += 1;
                }
            }
        }
        product_ok && kind_ok && cloud_ok
    }

    fn finish(self) -> FacetCounts {
        let mut products: Vec<(u32, u32)> = (0..)
            .zip(self.products)
            .filter(|&(_, count)| count > 0)
            .collect();
        sort_by_key(&mut products, |&(product, count)| {
            (std::cmp::Reverse(count), product)
        });
        let kinds = (0..=255u8)
            .zip(self.kinds)
            .filter(|(_, n)| *n > 0)
            .collect();
        let clouds = (0..8u8)
            .map(|bit| 1u8 << bit)
            .zip(self.clouds)
            .filter(|(_, n)| *n > 0)
            .collect();
        FacetCounts {
            products,
            kinds,
            clouds,
        }
    }
}
