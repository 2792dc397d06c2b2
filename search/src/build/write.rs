//! Posting lists and records cut into files: tails first (shards name them), then
//! vocabulary shards, then records and their directories.

use serde::Serialize;

use crate::build::merge::TermList;
use crate::document::Config;
use crate::format::{Entry, File, Id, Record, Records, TailPart, Tails, Vocabulary};
use crate::postings::{encode, Posting};

/// Hands a file to the compiler and gets its id.
pub(crate) type Store<'s> = &'s mut dyn FnMut(&[u8]) -> u64;

pub(crate) fn payload<T: Serialize>(value: &T) -> Vec<u8> {
    // Serialising these types into a vector cannot fail: no maps, no unsized data.
    postcard::to_allocvec(value).unwrap_or_default()
}

fn store_file(store: Store, file: &File) -> u64 {
    store(&payload(file))
}

/// A term ready for its shard: its head packed, its tail parts placed.
struct Placed {
    text: String,
    display: String,
    df: u32,
    head: Vec<u8>,
    /// `(tail file id, part, first doc, last doc)`.
    tail: Vec<(u64, u32, u32, u32)>,
}

/// Splits a list into its head (best `head_size` documents, with positions) and its
/// tail (the rest, by document, without positions).
fn split(mut postings: Vec<Posting>, head_size: usize) -> (Vec<Posting>, Vec<Posting>) {
    if postings.len() <= head_size {
        return (postings, Vec::new());
    }
    postings.sort_unstable_by(|a, b| b.impact.cmp(&a.impact).then(a.doc.cmp(&b.doc)));
    let mut tail = postings.split_off(head_size);
    postings.sort_unstable_by_key(|p| p.doc);
    tail.sort_unstable_by_key(|p| p.doc);
    for posting in &mut tail {
        posting.position_count = 0;
    }
    (postings, tail)
}

/// Packs every tail into tail files, in term order, and every head.
fn place(terms: Vec<TermList>, config: &Config, store: Store) -> Vec<Placed> {
    let mut placed = Vec::with_capacity(terms.len());
    let mut file = Tails::default();
    let mut file_bytes = 0;
    // Parts waiting for the id of the file being filled: (term, part).
    let mut waiting: Vec<(usize, usize)> = Vec::new();
    for list in terms {
        if list.postings.is_empty() {
            continue;
        }
        let df = list.postings.len() as u32;
        let (head, tail) = split(list.postings, config.head_size);
        let mut term = Placed {
            text: list.text,
            display: list.display,
            df,
            head: encode(&head, true),
            tail: Vec::new(),
        };
        for chunk in tail.chunks(config.tail_part.max(1)) {
            let bytes = encode(chunk, false);
            if file_bytes + bytes.len() > config.tail_bytes && !file.parts.is_empty() {
                flush(
                    &mut file,
                    &mut file_bytes,
                    &mut waiting,
                    &mut placed,
                    &mut term,
                    store,
                );
            }
            let (first, last) = (
                chunk.first().map_or(0, |p| p.doc),
                chunk.last().map_or(0, |p| p.doc),
            );
            waiting.push((placed.len(), term.tail.len()));
            term.tail.push((0, file.parts.len() as u32, first, last));
            file_bytes += bytes.len();
            file.parts.push(bytes);
        }
        placed.push(term);
    }
    if !file.parts.is_empty() {
        let id = store_file(store, &File::Tails(std::mem::take(&mut file)));
        for (term, part) in waiting.drain(..) {
            if let Some(slot) = placed.get_mut(term).and_then(|t| t.tail.get_mut(part)) {
                slot.0 = id;
            }
        }
    }
    placed
}

/// Stores the tail file being filled and gives its id to the parts waiting for it,
/// including those of `current`, the term not yet in `placed`.
fn flush(
    file: &mut Tails,
    bytes: &mut usize,
    waiting: &mut Vec<(usize, usize)>,
    placed: &mut [Placed],
    current: &mut Placed,
    store: Store,
) {
    let id = store_file(store, &File::Tails(std::mem::take(file)));
    *bytes = 0;
    let current_index = placed.len();
    for (term, part) in waiting.drain(..) {
        let slot = if term == current_index {
            current.tail.get_mut(part)
        } else {
            placed.get_mut(term).and_then(|t| t.tail.get_mut(part))
        };
        if let Some(slot) = slot {
            slot.0 = id;
        }
    }
}

/// Writes the vocabulary shards; returns the first term and id of each.
pub(crate) fn vocabulary(
    mut terms: Vec<TermList>,
    config: &Config,
    store: Store,
) -> Vec<(String, Id)> {
    terms.sort_unstable_by(|a, b| a.text.cmp(&b.text));
    let placed = place(terms, config, store);
    let mut shards = Vec::new();
    let mut shard = Vocabulary::default();
    let mut first = String::new();
    let mut previous = String::new();
    let mut bytes = 0;
    for term in placed {
        let size =
            term.text.len() + term.display.len() + term.head.len() + 8 + 12 * term.tail.len();
        if bytes + size > config.vocabulary_bytes && !shard.terms.is_empty() {
            let id = store_file(store, &File::Vocabulary(std::mem::take(&mut shard)));
            shards.push((std::mem::take(&mut first), Id(id)));
            bytes = 0;
        }
        if shard.terms.is_empty() {
            first = separator(&previous, &term.text).to_owned();
            previous.clear();
        }
        let shared = common_prefix(&previous, &term.text).min(255);
        let tail = term
            .tail
            .iter()
            .map(|&(id, part, first_doc, last_doc)| {
                let file = match shard.files.iter().position(|known| known.0 == id) {
                    Some(index) => index,
                    None => {
                        shard.files.push(Id(id));
                        shard.files.len() - 1
                    }
                };
                TailPart {
                    file: file as u32,
                    part,
                    first_doc,
                    last_doc,
                }
            })
            .collect();
        let display = if term.display == term.text {
            String::new()
        } else {
            term.display
        };
        shard.terms.push(Entry {
            shared: shared as u8,
            rest: term.text[shared..].to_owned(),
            display,
            df: term.df,
            head: term.head,
            tail,
        });
        bytes += size;
        previous = term.text;
    }
    if !shard.terms.is_empty() {
        shards.push((first, Id(store_file(store, &File::Vocabulary(shard)))));
    }
    shards
}

/// The shortest start of `next` that sorts after `last`: where a shard starts, as the
/// root says it (a term between two shards may go to either; it is in neither).
fn separator<'a>(last: &str, next: &'a str) -> &'a str {
    let mut end = (common_prefix(last, next) + 1).min(next.len());
    while !next.is_char_boundary(end) {
        end += 1;
    }
    next.get(..end).unwrap_or(next)
}

/// Bytes two strings share at their start, on a character boundary.
fn common_prefix(a: &str, b: &str) -> usize {
    let mut shared = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
    while !b.is_char_boundary(shared) {
        shared -= 1;
    }
    shared
}

/// Writes record files of `records_per_file` documents and the directories naming them.
pub(crate) fn records(records: Vec<Record>, config: &Config, store: Store) -> Vec<Id> {
    let per_file = config.records_per_file.max(1) as usize;
    let mut files = Vec::new();
    let mut records = records.into_iter().peekable();
    let mut first_doc = 0u32;
    while records.peek().is_some() {
        let chunk: Vec<Record> = records.by_ref().take(per_file).collect();
        let count = chunk.len() as u32;
        files.push(Id(store_file(
            store,
            &File::Records(Records {
                first_doc,
                records: chunk,
            }),
        )));
        first_doc += count;
    }
    files
        .chunks(config.files_per_directory.max(1) as usize)
        .map(|ids| Id(store_file(store, &File::Directory(ids.to_vec()))))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heads_keep_the_best_documents() {
        let postings: Vec<Posting> = (0..10)
            .map(|doc| Posting {
                doc,
                impact: (doc * 7 % 10) as u8 + 1,
                ..Posting::default()
            })
            .collect();
        let (head, tail) = split(postings, 3);
        assert_eq!(head.iter().map(|p| p.doc).collect::<Vec<_>>(), [1, 4, 7]);
        assert!(head
            .iter()
            .all(|h| tail.iter().all(|t| t.impact <= h.impact)));
        assert!(tail.windows(2).all(|w| w[0].doc < w[1].doc));
        assert_eq!(tail.len(), 7);
    }

    #[test]
    fn shards_start_at_the_shortest_separator() {
        assert_eq!(separator("", "apple"), "a");
        assert_eq!(separator("azure", "backup"), "b");
        assert_eq!(separator("connect", "connection"), "connecti");
        assert_eq!(separator("caf", "caf\u{e9}"), "caf\u{e9}");
        assert!(separator("connect", "connection") > "connect");
    }

    #[test]
    fn prefixes_end_on_character_boundaries() {
        assert_eq!(common_prefix("caf\u{e9}", "caf\u{e8}"), 3);
        assert_eq!(common_prefix("connect", "connection"), 7);
    }
}
