//! One document analysed on its own, so the compiler can analyse in parallel.

use std::cell::RefCell;

use crate::analysis::{Analyzer, Kind};
use crate::document::{Config, Document, Facets, Field};
use crate::format::Stored;
use crate::postings::MAX_POSITIONS;

/// Positions left between passages, so no phrase runs from one into the next.
const PASSAGE_GAP: u32 = 8;

/// A document's terms, ready to be merged into the index by [`crate::build`].
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AnalyzedDoc {
    pub(crate) key: String,
    pub(crate) title: String,
    pub(crate) facets: Facets,
    /// The text of every term and surface word, one allocation per document.
    pub(crate) arena: String,
    pub(crate) terms: Vec<DocTerm>,
    /// Σ field weight × words: the document's length for BM25F.
    pub(crate) length: f32,
    /// The word or part at each position, as an index into `terms` (`u32::MAX` where
    /// there is none): what synonym phrases are matched against.
    pub(crate) sequence: Vec<u32>,
    /// `(first position, field)` of each passage.
    pub(crate) fields: Vec<(u32, Field)>,
    pub(crate) stored: Vec<Stored>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct DocTerm {
    /// Byte range of the term in the arena.
    pub text: (u32, u32),
    /// The first word seen for it, when that is not the term itself (else empty).
    pub surface: (u32, u32),
    /// Σ field weight × occurrences.
    pub weight: f32,
    pub positions: [u32; MAX_POSITIONS],
    pub position_count: u8,
}

impl AnalyzedDoc {
    /// Sets the document's facets after analysis: the compiler knows a document's
    /// product only once the whole catalogue is planned.
    pub fn set_facets(&mut self, facets: Facets) {
        self.facets = facets;
    }

    pub(crate) fn text(&self, range: (u32, u32)) -> &str {
        self.arena
            .get(range.0 as usize..range.1 as usize)
            .unwrap_or("")
    }
}

/// What a worker thread keeps between documents.
#[derive(Default)]
struct Worker {
    analyzer: Analyzer,
    /// Per analyzer term id: the document it was last seen in, and its slot there.
    slots: Vec<(u32, u32)>,
    generation: u32,
}

thread_local! {
    static WORKER: RefCell<Worker> = RefCell::default();
}

/// Analyses one document; callable from any thread.
pub fn analyze(doc: Document, config: &Config) -> AnalyzedDoc {
    WORKER.with(|cell| match cell.try_borrow_mut() {
        Ok(mut worker) => worker.analyze(doc, config),
        // Only reachable if analysis re-entered itself; do it with fresh state.
        Err(_) => Worker::default().analyze(doc, config),
    })
}

impl Worker {
    fn analyze(&mut self, doc: Document, config: &Config) -> AnalyzedDoc {
        let Document {
            key,
            title,
            facets,
            passages,
        } = doc;
        let mut out = AnalyzedDoc {
            key,
            facets,
            ..AnalyzedDoc::default()
        };
        self.analyzer.trim();
        self.generation = self.generation.wrapping_add(1);
        if self.generation == 0 {
            self.slots.clear();
            self.generation = 1;
        }
        let generation = self.generation;
        let mut position = 0;
        let title_passage = (Field::Title, title.as_str());
        let all = std::iter::once(title_passage)
            .chain(passages.iter().map(|p| (p.field, p.text.as_str())));
        for (field, text) in all {
            let weight = config.weight(field);
            out.fields.push((position, field));
            let AnalyzedDoc {
                arena,
                terms,
                sequence,
                length,
                ..
            } = &mut out;
            let slots = &mut self.slots;
            position = self.analyzer.run(text, position, &mut |term| {
                let id = term.id as usize;
                if slots.len() <= id {
                    slots.resize(id + 1, (0, 0));
                }
                let slot = match slots[id] {
                    (seen, slot) if seen == generation => slot,
                    _ => {
                        let slot = terms.len() as u32;
                        slots[id] = (generation, slot);
                        let text = push(arena, term.text);
                        let surface = if term.surface == term.text {
                            (0, 0)
                        } else {
                            push(arena, term.surface)
                        };
                        terms.push(DocTerm {
                            text,
                            surface,
                            ..DocTerm::default()
                        });
                        slot
                    }
                };
                let Some(doc_term) = terms.get_mut(slot as usize) else {
                    return;
                };
                doc_term.weight += weight;
                if usize::from(doc_term.position_count) < MAX_POSITIONS {
                    doc_term.positions[usize::from(doc_term.position_count)] = term.position;
                    doc_term.position_count += 1;
                }
                if matches!(term.kind, Kind::Word | Kind::Part) {
                    *length += weight;
                    let at = term.position as usize;
                    if sequence.len() <= at {
                        sequence.resize(at + 1, u32::MAX);
                    }
                    sequence[at] = slot;
                }
            }) + PASSAGE_GAP;
        }
        out.stored = stored_passages(&title, passages, config);
        out.title = title;
        out
    }
}

/// Appends `text` to the arena; returns its range.
fn push(arena: &mut String, text: &str) -> (u32, u32) {
    let start = arena.len() as u32;
    arena.push_str(text);
    (start, arena.len() as u32)
}

/// The passages a record keeps for excerpts: the best fields first, each cut at a word
/// boundary, until the budget is spent.
fn stored_passages(
    title: &str,
    passages: Vec<crate::document::Passage>,
    config: &Config,
) -> Vec<Stored> {
    let mut ranked: Vec<_> = passages
        .into_iter()
        .filter(|p| !p.text.trim().is_empty() && p.text.trim() != title)
        .collect();
    ranked.sort_by_key(|passage| passage.field.excerpt_rank());
    let mut left = config.excerpt_budget;
    let mut out: Vec<Stored> = Vec::new();
    for passage in ranked {
        if left < 40 {
            break;
        }
        let text = cut(passage.text.trim(), config.excerpt_length.min(left));
        if out.iter().any(|stored| stored.text == text) {
            continue;
        }
        left -= text.len();
        out.push(Stored {
            field: passage.field.index() as u8,
            text: text.to_owned(),
            target: passage.target,
        });
    }
    out
}

/// `text` cut to at most `limit` bytes, at the last space before it if there is one.
pub(crate) fn cut(text: &str, limit: usize) -> &str {
    if text.len() <= limit {
        return text;
    }
    let mut end = limit;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = &text[..end];
    match head.rfind(' ') {
        Some(space) if space > limit / 2 => &head[..space],
        _ => head,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Passage;

    fn doc() -> Document {
        let passage = |field, text: &str| Passage {
            field,
            text: text.to_string(),
            target: None,
        };
        Document {
            key: "a".into(),
            title: "Disk full".into(),
            facets: Facets::default(),
            passages: vec![
                passage(Field::Body, "The disk is full. Disk cleanup."),
                passage(Field::Cause, "Logs grow"),
            ],
        }
    }

    #[test]
    fn terms_weights_and_positions() {
        let analyzed = analyze(doc(), &Config::default());
        let find = |text: &str| {
            analyzed
                .terms
                .iter()
                .find(|t| analyzed.text(t.text) == text)
                .unwrap()
        };
        let disk = find("disk");
        assert_eq!(disk.weight, 6.0 + 1.0 + 1.0);
        assert_eq!(
            disk.positions[..usize::from(disk.position_count)],
            [0, 11, 14]
        );
        assert_eq!(analyzed.text(find("grow").surface), "");
        assert_eq!(analyzed.text(find("log").surface), "logs");
        assert_eq!(
            analyzed.fields,
            [(0, Field::Title), (10, Field::Body), (24, Field::Cause)]
        );
        // Causes come before the body in the stored passages.
        assert_eq!(analyzed.stored[0].text, "Logs grow");
    }

    #[test]
    fn cuts_at_word_boundaries() {
        assert_eq!(cut("hello wonderful world", 17), "hello wonderful");
        assert_eq!(cut("ééé", 3), "é");
        assert_eq!(cut("short", 10), "short");
    }
}
