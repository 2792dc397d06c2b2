//! Analysed documents merged into posting lists: terms interned, synonym groups added
//! where their phrases occur, BM25F impacts computed and quantised.

use crate::build::analyze::AnalyzedDoc;
use crate::document::{Config, Field};
use crate::hash::FxMap;
use crate::postings::{Posting, MAX_POSITIONS};
use crate::synonyms::Synonyms;

/// BM25 saturation and length normalisation.
const K1: f32 = 1.2;
const B: f32 = 0.75;

/// A term's postings before impacts are known.
#[derive(Debug, Default)]
pub(crate) struct TermList {
    pub text: String,
    /// The word most documents write for the term, when it differs from it.
    pub display: String,
    votes: u32,
    pub postings: Vec<Posting>,
    /// Σ field weight × occurrences, one per posting.
    pub weights: Vec<f32>,
}

/// A synonym phrase by term ids (`None` where a stop word was) and its group's term.
struct Phrase {
    terms: Vec<Option<u32>>,
    group: u32,
}

/// The phrases by their first term.
#[derive(Default)]
struct Phrases {
    by_first: FxMap<u32, Vec<Phrase>>,
    /// Which terms start a phrase, by id: most positions are ruled out without hashing.
    starts: Vec<bool>,
}

#[derive(Default)]
pub(crate) struct Merged {
    pub terms: Vec<TermList>,
    /// Each document's BM25F length.
    pub lengths: Vec<f32>,
}

impl Merged {
    fn intern(&mut self, ids: &mut FxMap<Box<str>, u32>, text: &str) -> u32 {
        if let Some(&id) = ids.get(text) {
            return id;
        }
        let id = self.terms.len() as u32;
        ids.insert(text.into(), id);
        self.terms.push(TermList {
            text: text.to_owned(),
            ..TermList::default()
        });
        id
    }

    /// Adds one document's terms; `global` is scratch for its term ids.
    fn add(
        &mut self,
        ids: &mut FxMap<Box<str>, u32>,
        doc: &AnalyzedDoc,
        number: u32,
        class: u8,
        global: &mut Vec<u32>,
    ) {
        global.clear();
        for term in &doc.terms {
            let id = self.intern(ids, doc.text(term.text));
            global.push(id);
            let Some(list) = self.terms.get_mut(id as usize) else {
                continue;
            };
            // A majority vote over documents (Boyer-Moore): the word most documents
            // write for the term, without counting every spelling.
            let surface = doc.text(term.surface);
            if list.display == surface {
                list.votes += 1;
            } else if list.votes == 0 {
                list.display.clear();
                list.display.push_str(surface);
                list.votes = 1;
            } else {
                list.votes -= 1;
            }
            list.postings.push(Posting {
                doc: number,
                impact: 0,
                class,
                positions: term.positions,
                position_count: term.position_count,
            });
            list.weights.push(term.weight);
        }
        self.lengths.push(doc.length);
    }

    /// Adds the synonym groups whose phrases occur in `doc`.
    fn add_synonyms(
        &mut self,
        doc: &AnalyzedDoc,
        number: u32,
        class: u8,
        phrases: &Phrases,
        global: &[u32],
        config: &Config,
    ) {
        let mut found: Vec<(u32, f32, Vec<u32>)> = Vec::new();
        for (at, &slot) in doc.sequence.iter().enumerate() {
            let Some(&first) = global.get(slot as usize) else {
                continue;
            };
            if !phrases.starts.get(first as usize).copied().unwrap_or(false) {
                continue;
            }
            let Some(candidates) = phrases.by_first.get(&first) else {
                continue;
            };
            for phrase in candidates {
                let matches = phrase
                    .terms
                    .iter()
                    .enumerate()
                    .all(|(offset, want)| match want {
                        None => true,
                        Some(want) => {
                            doc.sequence
                                .get(at + offset)
                                .and_then(|&s| global.get(s as usize))
                                == Some(want)
                        }
                    });
                if !matches {
                    continue;
                }
                let position = at as u32;
                let field = field_at(&doc.fields, position);
                match found.iter_mut().find(|(group, ..)| *group == phrase.group) {
                    Some((_, weight, positions)) => {
                        *weight += config.weight(field);
                        positions.push(position);
                    }
                    None => found.push((phrase.group, config.weight(field), vec![position])),
                }
            }
        }
        for (group, weight, positions) in found {
            let Some(list) = self.terms.get_mut(group as usize) else {
                continue;
            };
            let mut posting = Posting {
                doc: number,
                class,
                ..Posting::default()
            };
            for (slot, position) in posting
                .positions
                .iter_mut()
                .zip(positions.iter().take(MAX_POSITIONS))
            {
                *slot = *position;
                posting.position_count += 1;
            }
            list.postings.push(posting);
            list.weights.push(weight);
        }
    }

    /// Turns weights into quantised impacts.
    fn score(&mut self) {
        let docs = self.lengths.len() as f32;
        let average = (self.lengths.iter().sum::<f32>() / docs.max(1.0)).max(1.0);
        // K1 × the length normalisation of each document, computed once.
        let norms: Vec<f32> = self
            .lengths
            .iter()
            .map(|length| K1 * (1.0 - B + B * length / average))
            .collect();
        let idf = |df: usize| {
            let df = df as f32;
            (1.0 + (docs - df + 0.5) / (df + 0.5)).ln()
        };
        let impact = |weight: f32, doc: u32| {
            let norm = norms.get(doc as usize).copied().unwrap_or(K1);
            weight * (K1 + 1.0) / (weight + norm)
        };
        let mut max: f32 = 0.0;
        for list in &self.terms {
            let idf = idf(list.postings.len());
            for (posting, &weight) in list.postings.iter().zip(&list.weights) {
                max = max.max(idf * impact(weight, posting.doc));
            }
        }
        let scale = 255.0 / max.max(f32::MIN_POSITIVE);
        for list in &mut self.terms {
            let idf = idf(list.postings.len()) * scale;
            for (posting, &weight) in list.postings.iter_mut().zip(&list.weights) {
                posting.impact = (idf * impact(weight, posting.doc)).ceil().clamp(1.0, 255.0) as u8;
            }
            list.weights = Vec::new();
        }
    }
}

fn field_at(fields: &[(u32, Field)], position: u32) -> Field {
    let index = fields.partition_point(|(start, _)| *start <= position);
    fields
        .get(index.wrapping_sub(1))
        .map_or(Field::Body, |(_, field)| *field)
}

/// Merges documents in order; `classes` gives each document's facet class.
pub(crate) fn merge(
    docs: &mut [AnalyzedDoc],
    classes: &[u8],
    synonyms: &Synonyms,
    config: &Config,
) -> Merged {
    let mut merged = Merged::default();
    let mut ids: FxMap<Box<str>, u32> = FxMap::default();
    let mut phrases = Phrases::default();
    if !config.plain {
        for (terms, group) in synonyms.phrases() {
            let group = merged.intern(&mut ids, &group);
            let terms: Vec<Option<u32>> = terms
                .iter()
                .map(|term| (!term.is_empty()).then(|| merged.intern(&mut ids, term)))
                .collect();
            if let Some(Some(first)) = terms.first() {
                phrases
                    .by_first
                    .entry(*first)
                    .or_default()
                    .push(Phrase { terms, group });
            }
        }
    }
    phrases.starts = vec![false; merged.terms.len()];
    for &first in phrases.by_first.keys() {
        if let Some(slot) = phrases.starts.get_mut(first as usize) {
            *slot = true;
        }
    }
    let mut global = Vec::new();
    for (number, doc) in docs.iter_mut().enumerate() {
        let class = classes.get(number).copied().unwrap_or(0);
        merged.add(&mut ids, doc, number as u32, class, &mut global);
        if !phrases.by_first.is_empty() {
            merged.add_synonyms(doc, number as u32, class, &phrases, &global, config);
        }
        // What records need stays; the rest goes now, to keep the peak low.
        doc.terms = Vec::new();
        doc.sequence = Vec::new();
        doc.arena = String::new();
    }
    merged.score();
    merged
}
