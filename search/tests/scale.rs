//! A generated library of a few thousand articles: every file stays small, searches
//! fetch part of the index, and random queries never fail.

mod common;

use std::io::Write;

use common::{doc, index, Index};
use selfhelp_search::analysis::Tokenizer;
use selfhelp_search::{search_with, Field, Request, Searcher};

/// A small deterministic generator (xorshift), so failures reproduce.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// Skewed towards small numbers, like word frequencies.
    fn zipf(&mut self, n: usize) -> usize {
        let a = self.below(n) + 1;
        self.below(a)
    }
}

fn word(n: usize) -> String {
    const SYLLABLES: [&str; 16] = [
        "ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "ba", "de", "fi", "go", "hu", "ja", "po",
        "ze",
    ];
    let mut out = String::new();
    let mut n = n + 16;
    while n > 0 {
        out.push_str(SYLLABLES[n % 16]);
        n /= 16;
    }
    out
}

fn library(docs: usize) -> Index {
    index(library_docs(docs))
}

fn library_docs(docs: usize) -> Vec<selfhelp_search::Document> {
    let mut random = Random(0x5eed);
    (0..docs)
        .map(|n| {
            let mut text = |words: usize| {
                (0..words)
                    .map(|_| word(random.zipf(20_000)))
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            let title = text(6);
            let description = text(20);
            let body = format!("{} error 0x8007{:04x} {}", text(120), n % 500, text(60));
            let mut article = doc(
                &format!("article-{n:05}"),
                &title,
                &[(Field::Description, &description), (Field::Body, &body)],
            );
            article.facets.product = (n / 200) as u32;
            article
        })
        .collect()
}

fn gzip(bytes: &[u8]) -> usize {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap().len()
}

#[test]
fn every_file_is_small_and_a_search_fetches_little() {
    let library = library(3000);
    let largest = library
        .store
        .files
        .values()
        .map(|file| gzip(file))
        .max()
        .unwrap();
    assert!(largest < 64 * 1024, "largest file {largest} bytes gzip");
    assert!(gzip(&library.root) < 16 * 1024);
    // Random words make a far denser vocabulary than articles: 749 files index 12,197 real ones.
    assert!(
        library.store.files.len() < 3000 / 4,
        "{} files",
        library.store.files.len()
    );
    let total: usize = library.store.files.values().map(|file| gzip(file)).sum();
    for text in [
        word(0),
        format!("{} {}", word(1), word(2)),
        format!("{} {} {} {}", word(3), word(40), word(7), word(900)),
    ] {
        let request = Request {
            text,
            limit: 10,
            ..Request::default()
        };
        let mut searcher = Searcher::open(&library.root).unwrap();
        let driven = search_with(&mut searcher, &request, &library.store.files).unwrap();
        assert!(!driven.results.hits.is_empty(), "{:?}", request.text);
        let fetched: usize = driven
            .rounds
            .iter()
            .flatten()
            .map(|id| gzip(&library.store.files[id]))
            .sum();
        assert!(
            fetched < total / 10,
            "{:?} fetched {fetched} of {total}",
            request.text
        );
    }
}

/// Files are named from the root: it names exactly the files built, each class apart, a
/// search fetches no file it does not name, and a change to one document renames every
/// file (a name never stands for two contents, so hosts may cache them forever).
#[test]
fn the_root_names_every_file_and_a_change_renames_them() {
    let library = library(600);
    let named = selfhelp_search::index_files(&library.root);
    let mut names: Vec<u64> = named.iter().map(|(id, _)| *id).collect();
    let mut built: Vec<u64> = library.store.files.keys().copied().collect();
    names.sort_unstable();
    built.sort_unstable();
    assert_eq!(names, built);
    for class in [
        selfhelp_search::FileClass::Vocabulary,
        selfhelp_search::FileClass::Tails,
        selfhelp_search::FileClass::Records,
    ] {
        assert!(named.iter().any(|(_, c)| *c == class), "no {class:?} file");
    }
    let request = Request {
        text: format!("{} {}", word(1), word(2)),
        limit: 10,
        ..Request::default()
    };
    let mut searcher = Searcher::open(&library.root).unwrap();
    let driven = search_with(&mut searcher, &request, &library.store.files).unwrap();
    assert!(driven.rounds.iter().flatten().all(|id| names.contains(id)));
    // Tails and records by number: a hit's record comes without a round of its own for
    // a directory (root, shards, tails, records at most).
    assert!(driven.rounds.len() <= 3, "{} rounds", driven.rounds.len());

    let mut changed = library_docs(600);
    changed[599].title.push_str(" changed");
    let other = index(changed);
    let renamed: Vec<u64> = other.store.files.keys().copied().collect();
    assert!(built.iter().all(|id| !renamed.contains(id)));
    let same = index(library_docs(600));
    let mut again: Vec<u64> = same.store.files.keys().copied().collect();
    again.sort_unstable();
    assert_eq!(again, built, "the same documents, the same names");
}

#[test]
fn error_codes_are_found_among_thousands() {
    let library = library(2000);
    let results = library.search("0x80070123");
    assert_eq!(results.total, 4, "documents 0x123 apart by 500");
    assert!(results.hits.iter().all(|hit| [
        "article-00291",
        "article-00791",
        "article-01291",
        "article-01791"
    ]
    .contains(&hit.key.as_str())));
}

fn random_query(random: &mut Random) -> String {
    const PIECES: [&str; 14] = [
        "ka", "lomi", " ", "  ", "-", "0x", "é", "\u{301}", "'", "日本", "\u{0}", "AADSTS",
        "Set-Az", "...",
    ];
    let pieces = random.below(40);
    let mut text: String = (0..pieces)
        .map(|_| PIECES[random.below(PIECES.len())])
        .collect();
    if random.below(10) == 0 {
        text = text.repeat(100);
    }
    if random.below(5) == 0 {
        let bytes: Vec<u8> = (0..random.below(60)).map(|_| random.next() as u8).collect();
        text.push_str(&String::from_utf8_lossy(&bytes));
    }
    text
}

#[test]
fn random_queries_always_finish() {
    let library = library(1500);
    let mut random = Random(42);
    let mut searcher = Searcher::open(&library.root).unwrap();
    for _ in 0..300 {
        let text = random_query(&mut random);
        let limit = random.below(30);
        let request = Request {
            text: text.clone(),
            limit,
            plain: random.below(4) == 0,
            ..Request::default()
        };
        let driven = search_with(&mut searcher, &request, &library.store.files)
            .unwrap_or_else(|e| panic!("{text:?}: {e}"));
        assert!(driven.results.hits.len() <= limit);
        assert!(
            driven.rounds.len() <= 6,
            "{text:?} took {} rounds",
            driven.rounds.len()
        );
        for hit in &driven.results.hits {
            for mark in &hit.excerpt.marks {
                assert!(
                    hit.excerpt.text.get(mark.clone()).is_some(),
                    "{text:?}: mark {mark:?}"
                );
            }
        }
    }
}

#[test]
fn random_text_tokenizes_within_its_bounds() {
    let mut random = Random(7);
    let mut tokenizer = Tokenizer::default();
    for _ in 0..2000 {
        let text = random_query(&mut random);
        tokenizer.run(&text, 0, &mut |token| {
            assert!(
                text.get(token.span.clone()).is_some(),
                "{text:?}: {:?}",
                token.span
            );
            assert!(!token.text.is_empty());
        });
    }
}
