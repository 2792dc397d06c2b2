//! Posting lists and records cut into files: tails first (shards name them by number),
//! then vocabulary shards, then records. Files are numbered by class in the order they
//! are made; the builder names them (`format::file_name`).

use serde::Serialize;

use crate::build::merge::TermList;
use crate::document::Config;
use crate::format::{Entry, File, Record, Records, TailPart, Tails, Vocabulary};
use crate::postings::{encode, Posting};

pub(crate) fn payload<T: Serialize>(value: &T) -> Vec<u8> {
    // Serialising these types into a vector cannot fail: no maps, no unsized data.
    postcard::to_allocvec(value).unwrap_or_default()
}

/// A term ready for its shard: its head packed, its tail parts placed.
struct Placed {
    text: String,
    display: String,
    df: u32,
    head: Vec<u8>,
    tail: Vec<TailPart>,
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

/// Packs every tail into tail files (pushed onto `tails`, so a file's number is where it
/// lands), in term order, and every head.
fn place(terms: Vec<TermList>, config: &Config, tails: &mut Vec<Vec<u8>>) -> Vec<Placed> {
    let mut placed = Vec::with_capacity(terms.len());
    let mut file = Tails::default();
    let mut file_bytes = 0;
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
                tails.push(payload(&File::Tails(std::mem::take(&mut file))));
                file_bytes = 0;
            }
            term.tail.push(TailPart {
                // The file being filled is the next one pushed.
                file: tails.len() as u32,
                part: file.parts.len() as u32,
                first_doc: chunk.first().map_or(0, |p| p.doc),
                last_doc: chunk.last().map_or(0, |p| p.doc),
            });
            file_bytes += bytes.len();
            file.parts.push(bytes);
        }
        placed.push(term);
    }
    if !file.parts.is_empty() {
        tails.push(payload(&File::Tails(file)));
    }
    placed
}

/// The vocabulary shards and tail files: where each shard starts, each shard's payload
/// and each tail file's.
pub(crate) struct Written {
    pub firsts: Vec<String>,
    pub shards: Vec<Vec<u8>>,
    pub tails: Vec<Vec<u8>>,
}

/// Writes the tail files, then the vocabulary shards that refer to them.
pub(crate) fn vocabulary(mut terms: Vec<TermList>, config: &Config) -> Written {
    terms.sort_unstable_by(|a, b| a.text.cmp(&b.text));
    let mut tails = Vec::new();
    let placed = place(terms, config, &mut tails);
    let mut firsts = Vec::new();
    let mut shards = Vec::new();
    let mut shard = Vocabulary::default();
    let mut first = String::new();
    let mut previous = String::new();
    let mut bytes = 0;
    for term in placed {
        let size =
            term.text.len() + term.display.len() + term.head.len() + 8 + 12 * term.tail.len();
        if bytes + size > config.vocabulary_bytes && !shard.terms.is_empty() {
            shards.push(payload(&File::Vocabulary(std::mem::take(&mut shard))));
            firsts.push(std::mem::take(&mut first));
            bytes = 0;
        }
        if shard.terms.is_empty() {
            first = separator(&previous, &term.text).to_owned();
            previous.clear();
        }
        let shared = common_prefix(&previous, &term.text).min(255);
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
            tail: term.tail,
        });
        bytes += size;
        previous = term.text;
    }
    if !shard.terms.is_empty() {
        shards.push(payload(&File::Vocabulary(shard)));
        firsts.push(first);
    }
    Written {
        firsts,
        shards,
        tails,
    }
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

/// Writes record files of `records_per_file` documents each: file `n` starts at document
/// `n × records_per_file`.
pub(crate) fn records(records: Vec<Record>, config: &Config) -> Vec<Vec<u8>> {
    let per_file = config.records_per_file.max(1) as usize;
    let mut files = Vec::new();
    let mut records = records.into_iter().peekable();
    let mut first_doc = 0u32;
    while records.peek().is_some() {
        let chunk: Vec<Record> = records.by_ref().take(per_file).collect();
        let count = chunk.len() as u32;
        files.push(payload(&File::Records(Records {
            first_doc,
            records: chunk,
        })));
        first_doc += count;
    }
    files
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
