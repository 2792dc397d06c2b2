//! Finding a query word's terms in the vocabulary: exactly, as a prefix of the word
//! being typed, and with typos.
//!
//! Typos are searched inside the shard that holds the word's own place in sorted order
//! and, for a word the index does not have, the neighbouring shard on the side its place
//! is nearer, so no query downloads the whole vocabulary: a known word costs nothing
//! beyond the shard the exact lookup fetches anyway, an unknown one a shard more. The
//! price: a typo that moves the word further (mostly in its first letters,
//! `cnnection`) is not corrected.

use crate::format::{Root, Vocabulary};
use crate::query::edit;
use crate::query::plan::Word;
use crate::query::sort::sort_by_key;

/// Completions of the word being typed, and typo corrections, kept per word.
const MAX_COMPLETIONS: usize = 8;
const MAX_CORRECTIONS: usize = 3;
/// Letters a typo is assumed to leave alone when it is looked for across a shard's
/// boundary.
const TYPO_FREE_LETTERS: usize = 2;
/// Shards a prefix may span.
const MAX_PREFIX_SHARDS: usize = 2;

/// A vocabulary shard with its terms written out.
#[derive(Debug)]
pub(crate) struct Shard {
    pub texts: Vec<String>,
    pub vocabulary: Vocabulary,
}

/// A term a word may match, and how much a match counts.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Alternative {
    pub shard: u64,
    pub entry: usize,
    pub weight: f32,
}

/// What a word matched: the alternatives, and corrections for "did you mean".
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Expansion {
    pub alternatives: Vec<Alternative>,
    /// Whether the word is a term of the index as it is.
    pub exact: bool,
    /// `(display word, df)` of likely corrections, best first.
    pub corrections: Vec<(String, u32)>,
    /// The terms of the alternatives, to mark them in excerpts.
    pub terms: Vec<String>,
    /// The shard next to the word's own whose terms its typos may be, for a word
    /// neither found nor completed; the search fetches it in a second round.
    pub neighbour: Option<u64>,
}

/// The index of the shard whose range holds `term`.
pub(crate) fn shard_index(root: &Root, term: &str) -> usize {
    root.vocabulary
        .partition_point(|first| first.as_str() <= term)
        .saturating_sub(1)
}

/// The shards a word needs: its own, and for the word being typed the ones its prefix
/// runs into.
pub(crate) fn shards_for(root: &Root, word: &Word, out: &mut Vec<u64>) {
    let mut push = |index: usize| {
        if let Some(id) = root.shard_name(index) {
            if !out.contains(&id) {
                out.push(id);
            }
        }
    };
    push(shard_index(root, &word.term));
    if word.prefix && word.surface.len() >= 2 {
        let first = shard_index(root, &word.surface);
        push(first);
        for next in first + 1..first + MAX_PREFIX_SHARDS {
            match root.vocabulary.get(next) {
                Some(start) if start.starts_with(word.surface.as_str()) => push(next),
                _ => break,
            }
        }
    }
}

/// Looks a word up in the loaded shards; `expand` allows prefixes and typos.
pub(crate) fn expand<'s>(
    root: &Root,
    word: &Word,
    expand: bool,
    shard: &dyn Fn(u64) -> Option<&'s Shard>,
) -> Expansion {
    let mut ids = Vec::new();
    shards_for(root, word, &mut ids);
    let mut out = Expansion::default();
    let own_index = shard_index(root, &word.term);
    let own = root.shard_name(own_index);
    let mut own_df: u32 = 0;
    if let Some((id, loaded)) = own.and_then(|id| shard(id).map(|s| (id, s))) {
        if let Ok(entry) = loaded.texts.binary_search(&word.term) {
            out.exact = true;
            own_df = loaded.vocabulary.terms.get(entry).map_or(0, |e| e.df);
            out.alternatives.push(Alternative {
                shard: id,
                entry,
                weight: 1.0,
            });
            out.terms.push(word.term.clone());
        }
    }
    if !expand {
        return out;
    }
    if word.prefix && word.surface.len() >= 2 {
        let mut found: Vec<(u32, u64, usize)> = Vec::new();
        for &id in &ids {
            let Some(loaded) = shard(id) else { continue };
            completions(loaded, &word.surface, &word.term, &mut |entry, df| {
                let duplicate = out
                    .alternatives
                    .iter()
                    .any(|a| a.shard == id && a.entry == entry);
                if !duplicate && !found.iter().any(|&(_, s, e)| s == id && e == entry) {
                    found.push((df, id, entry));
                }
            });
        }
        sort_by_key(&mut found, |&(df, ..)| std::cmp::Reverse(df));
        let weight = if out.exact { 0.5 } else { 0.8 };
        for &(_, id, entry) in found.iter().take(MAX_COMPLETIONS) {
            out.alternatives.push(Alternative {
                shard: id,
                entry,
                weight,
            });
            if let Some(text) = shard(id).and_then(|s| s.texts.get(entry)) {
                out.terms.push(text.clone());
            }
        }
    }
    let edits = edit::allowed(word.surface.len());
    if edits > 0 && !word.term.starts_with('=') {
        let mut found: Vec<(usize, u32, u64, usize)> = Vec::new();
        if let Some((id, loaded)) = own.and_then(|id| shard(id).map(|s| (id, s))) {
            near(loaded, id, word, edits, &mut found);
            // One edit away in its own shard is most likely what was meant.
            if out.alternatives.is_empty() && !found.iter().any(|&(distance, ..)| distance == 1) {
                out.neighbour = neighbour(root, own_index, word, loaded);
            }
        }
        if let Some((id, loaded)) = out.neighbour.and_then(|id| shard(id).map(|s| (id, s))) {
            near(loaded, id, word, edits, &mut found);
        }
        sort_by_key(&mut found, |&(distance, df, ..)| {
            (distance, std::cmp::Reverse(df))
        });
        found.truncate(MAX_CORRECTIONS);
        let use_them = !out.exact && out.alternatives.is_empty();
        for &(distance, df, id, entry) in &found {
            let Some(loaded) = shard(id) else { continue };
            if use_them {
                let weight = if distance == 1 { 0.6 } else { 0.4 };
                out.alternatives.push(Alternative {
                    shard: id,
                    entry,
                    weight,
                });
                out.terms
                    .push(loaded.texts.get(entry).cloned().unwrap_or_default());
            }
            // Worth suggesting when it is far more common than what was typed.
            if df >= 3 && df > own_df.saturating_mul(4) {
                out.corrections.push((display(loaded, entry), df));
            }
        }
    }
    out
}

/// Pushes `(distance, df, shard, entry)` for each term of `loaded` within `edits` of
/// the word.
fn near(
    loaded: &Shard,
    id: u64,
    word: &Word,
    edits: usize,
    found: &mut Vec<(usize, u32, u64, usize)>,
) {
    for (entry, text) in loaded.texts.iter().enumerate() {
        if text.starts_with('=') || *text == word.term {
            continue;
        }
        // A misspelling may stem far from the word it means (`authenticatoin` keeps its
        // ending), so the typed word is also compared with the word the term was seen as.
        let shown = loaded
            .vocabulary
            .terms
            .get(entry)
            .map_or("", |e| e.display.as_str());
        let by_stem = edit::distance(&word.term, text, edits);
        let by_word = if shown.is_empty() {
            None
        } else {
            edit::distance(&word.surface, shown, edits)
        };
        if let Some(distance) = by_stem.into_iter().chain(by_word).min() {
            let df = loaded.vocabulary.terms.get(entry).map_or(0, |e| e.df);
            found.push((distance, df, id, entry));
        }
    }
}

/// For a word its own shard (number `index`) does not have, the shard next to it that a typo
/// after its first letters may have moved it from: the boundary between the two shards
/// falls among words that start as it does, or the word it means cannot be across it.
/// Where both sides qualify, the side of the word's place that is nearer.
fn neighbour(root: &Root, index: usize, word: &Word, own: &Shard) -> Option<u64> {
    let kept = word.term.get(..TYPO_FREE_LETTERS)?;
    let starts_alike = |shard: usize| {
        root.vocabulary
            .get(shard)
            .is_some_and(|first| first.starts_with(kept))
    };
    let before = (index > 0 && starts_alike(index)).then(|| index - 1);
    let after = starts_alike(index + 1).then_some(index + 1);
    let place = own
        .texts
        .partition_point(|text| text.as_str() < word.term.as_str());
    let side = match (before, after) {
        (Some(before), Some(_)) if place * 2 < own.texts.len() => before,
        (Some(_), Some(after)) => after,
        (one, other) => one.or(other)?,
    };
    root.shard_name(side)
}

/// The word to show for an entry: its display form, or the term itself.
pub(crate) fn display(shard: &Shard, entry: usize) -> String {
    match shard.vocabulary.terms.get(entry) {
        Some(e) if !e.display.is_empty() => e.display.clone(),
        _ => shard.texts.get(entry).cloned().unwrap_or_default(),
    }
}

/// Calls `found(entry, df)` for each term the typed `surface` may be the start of: terms
/// starting with it or with its stem, and stems the typed word already runs past by up
/// to three letters (`authenti` is on its way to `authent`).
fn completions(shard: &Shard, surface: &str, stem: &str, found: &mut dyn FnMut(usize, u32)) {
    let df = |entry: usize| shard.vocabulary.terms.get(entry).map_or(0, |e| e.df);
    for start in [surface, stem] {
        if start.len() < 2 {
            continue;
        }
        let first = shard.texts.partition_point(|text| text.as_str() < start);
        for (offset, text) in shard.texts.iter().skip(first).enumerate().take(10_000) {
            if !text.starts_with(start) {
                break;
            }
            found(first + offset, df(first + offset));
        }
    }
    let shortest = surface.len().saturating_sub(3).max(3);
    for len in shortest..surface.len() {
        let Some(stem) = surface.get(..len) else {
            continue;
        };
        if let Ok(entry) = shard.texts.binary_search_by(|text| text.as_str().cmp(stem)) {
            found(entry, df(entry));
        }
    }
}
