//! Text analysis, the one both sides run: folding, tokens, stop words and stems.
//!
//! The index builder and the query engine call the same [`Analyzer`], so a word is
//! always the same term at build time and at query time.

mod normalize;
mod stem;
mod tokenize;

use std::ops::Range;

pub use normalize::normalize;
pub use stem::stem;
pub use tokenize::{tokens, Kind, Token, Tokenizer};

use crate::hash::FxMap;

/// Words too common to tell articles apart, sorted. They are neither indexed nor
/// required by a query, but they still take a position, so phrases keep their shape.
const STOP_WORDS: [&str; 113] = [
    "a", "about", "after", "again", "all", "also", "am", "an", "and", "any", "are", "arent", "as",
    "at", "be", "because", "been", "being", "both", "but", "by", "can", "cant", "could", "did",
    "didnt", "do", "does", "doesnt", "doing", "dont", "each", "etc", "for", "from", "had", "has",
    "have", "having", "he", "her", "here", "him", "his", "how", "i", "if", "im", "in", "into",
    "is", "isnt", "it", "its", "ive", "just", "may", "me", "might", "more", "most", "must", "my",
    "no", "nor", "not", "of", "on", "once", "only", "or", "other", "our", "out", "over", "shall",
    "should", "so", "some", "such", "than", "that", "the", "their", "them", "then", "there",
    "these", "they", "this", "those", "to", "too", "very", "was", "wasnt", "we", "were", "what",
    "when", "where", "which", "while", "who", "whom", "why", "will", "with", "would", "you",
    "your", "youre", "yours",
];

/// Each stop word packed big-endian into a `u64`: sorted like the words, and searched
/// without comparing strings.
const STOP_KEYS: [u64; 113] = {
    let mut keys = [0; 113];
    let mut index = 0;
    while index < STOP_WORDS.len() {
        keys[index] = pack(STOP_WORDS[index]);
        index += 1;
    }
    keys
};

const fn pack(word: &str) -> u64 {
    let bytes = word.as_bytes();
    let mut key = 0u64;
    let mut index = 0;
    while index < 8 {
        key <<= 8;
        if index < bytes.len() {
            key |= bytes[index] as u64;
        }
        index += 1;
    }
    key
}

/// Whether a folded word is a stop word.
pub fn is_stop_word(word: &str) -> bool {
    word.len() <= 8 && STOP_KEYS.binary_search(&pack(word)).is_ok()
}

/// One term of analysed text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term<'a> {
    /// What the index stores: a stem for words and parts, the folded text for wholes.
    pub text: &'a str,
    /// The analyzer's number for `text`, stable until [`Analyzer::trim`] empties it.
    pub id: u32,
    /// The folded word before stemming.
    pub surface: &'a str,
    pub kind: Kind,
    pub position: u32,
    pub span: Range<usize>,
}

/// A tokenizer with a cache of terms, one per thread of analysis: each distinct word is
/// stemmed and checked against the stop words once.
#[derive(Debug, Default)]
pub struct Analyzer {
    tokenizer: Tokenizer,
    cache: Cache,
}

#[derive(Debug, Default)]
struct Cache {
    /// Folded word → term id, or [`STOP`].
    words: FxMap<Box<str>, u32>,
    /// Term text → term id.
    ids: FxMap<Box<str>, u32>,
    texts: Vec<Box<str>>,
}

const STOP: u32 = u32::MAX;

/// Terms kept before [`Analyzer::trim`] empties the cache, to bound memory.
const CACHE_LIMIT: usize = 300_000;

impl Cache {
    fn id(&mut self, text: &str) -> u32 {
        if let Some(&id) = self.ids.get(text) {
            return id;
        }
        let id = self.texts.len() as u32;
        self.texts.push(text.into());
        self.ids.insert(text.into(), id);
        id
    }

    fn word(&mut self, surface: &str) -> u32 {
        if let Some(&id) = self.words.get(surface) {
            return id;
        }
        let id = if is_stop_word(surface) {
            STOP
        } else {
            self.id(&stem(surface))
        };
        self.words.insert(surface.into(), id);
        id
    }
}

impl Analyzer {
    /// Calls `emit` for each term of `text`, positions from `position`; returns the next.
    pub fn run(&mut self, text: &str, position: u32, emit: &mut dyn FnMut(Term)) -> u32 {
        let cache = &mut self.cache;
        self.tokenizer.run(text, position, &mut |token| {
            let id = match token.kind {
                Kind::Whole | Kind::Compound => cache.id(token.text),
                Kind::Word | Kind::Part => cache.word(token.text),
            };
            let Some(text) = cache.texts.get(id as usize) else {
                return;
            };
            let Token {
                text: surface,
                kind,
                position,
                span,
            } = token;
            emit(Term {
                text,
                id,
                surface,
                kind,
                position,
                span,
            });
        })
    }

    /// Empties the cache if it grew past its limit; term ids change when it does.
    pub fn trim(&mut self) {
        if self.cache.texts.len() > CACHE_LIMIT {
            self.cache = Cache::default();
        }
    }

    /// How many term ids are in use: ids are below this.
    pub fn ids(&self) -> usize {
        self.cache.texts.len()
    }

    /// Every term of `text`, owned: for tests and the query side.
    pub fn terms(&mut self, text: &str) -> Vec<(String, Kind, u32)> {
        let mut out = Vec::new();
        self.run(text, 0, &mut |term| {
            out.push((term.text.to_owned(), term.kind, term.position))
        });
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stop_word_table_is_sorted() {
        assert!(STOP_WORDS.windows(2).all(|pair| pair[0] < pair[1]));
        assert!(STOP_KEYS.windows(2).all(|pair| pair[0] < pair[1]));
        for word in STOP_WORDS {
            assert!(is_stop_word(word), "{word}");
        }
        for word in ["vm", "thee", "abouts", "", "whomever", "yourselves"] {
            assert!(!is_stop_word(word), "{word}");
        }
    }

    #[test]
    fn terms_are_stems_without_stop_words() {
        let terms = Analyzer::default().terms("The connections are failing for Set-AzVM");
        let expected = [
            ("connect", Kind::Word, 1),
            ("fail", Kind::Word, 3),
            ("setazvm", Kind::Whole, 5),
            ("set", Kind::Part, 5),
            ("azvm", Kind::Part, 6),
        ];
        assert_eq!(terms, expected.map(|(t, k, p)| (t.to_string(), k, p)));
    }

    #[test]
    fn build_and_query_agree_on_code_tokens() {
        let mut analyzer = Analyzer::default();
        let doc = analyzer.terms("Sign-in fails with AADSTS50076.");
        let query = analyzer.terms("aadsts50076");
        assert!(query
            .iter()
            .all(|(term, ..)| doc.iter().any(|(d, ..)| d == term)));
    }
}
