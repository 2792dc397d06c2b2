//! The query set, generated from the corpus at run time with a fixed seed: what visitors
//! type (titles' key words, cut short while typing, mistyped), each with its article.
//!
//! Nothing of the corpus is stored: the same seed over the same corpus gives the same
//! queries. Codes are in `codes.rs`, symptoms and sentences in `phrasing.rs`.

use std::collections::HashSet;

use selfhelp_search::Document;

use super::corpus::{Corpus, Rng};
use super::{codes, phrasing};

/// Queries per generated category: enough for a mean to mean something, few enough for
/// Pagefind's page-per-query cold runs to take minutes.
pub const PER_CATEGORY: usize = 50;
const SEED: u64 = 0x5e1f_4e1b_2026_0001;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Category {
    Title,
    Partial,
    Typo,
    Code,
    Symptom,
    Sentence,
    Real,
}

impl Category {
    pub const ALL: [Category; 7] = [
        Category::Title,
        Category::Partial,
        Category::Typo,
        Category::Code,
        Category::Symptom,
        Category::Sentence,
        Category::Real,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Category::Title => "title key words",
            Category::Partial => "partial words",
            Category::Typo => "typos",
            Category::Code => "error codes",
            Category::Symptom => "symptoms",
            Category::Sentence => "sentences",
            Category::Real => "real queries",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Query {
    pub category: Category,
    pub text: String,
    /// Keys of the articles that answer it.
    pub expected: Vec<String>,
}

impl Query {
    /// Up to four words: what the 60 KB first-query budget is for.
    pub fn short(&self) -> bool {
        self.text.split_whitespace().count() <= 4
    }
}

/// Every generated category, [`PER_CATEGORY`] queries each where the corpus has them.
pub fn generate(docs: &[Document]) -> Vec<Query> {
    let corpus = Corpus::new(docs);
    let mut rng = Rng(SEED);
    // By key before the shuffle: the sample stays the same articles when the library's
    // order changes (documents go in catalogue order, which follows product names).
    let mut order: Vec<usize> = (0..docs.len()).collect();
    order.sort_by(|&a, &b| docs[a].key.cmp(&docs[b].key));
    rng.shuffle(&mut order);
    let mut out: Vec<Query> = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    let mut push = |out: &mut Vec<Query>, query: Query| {
        if !query.text.trim().is_empty() && seen.insert(query.text.clone()) {
            out.push(query);
        }
    };
    type Make = fn(&Corpus, usize, &mut Rng) -> Option<Query>;
    let makers: [Make; 5] = [
        title_words,
        partial,
        typo,
        phrasing::symptom,
        phrasing::sentence,
    ];
    for make in makers {
        let mut made = 0;
        // Each category starts at its own place in the shuffled order, so the categories
        // are drawn from different articles.
        let start = rng.below(order.len());
        for &doc in order.iter().cycle().skip(start).take(order.len()) {
            if made == PER_CATEGORY {
                break;
            }
            if let Some(query) = make(&corpus, doc, &mut rng) {
                let before = out.len();
                push(&mut out, query);
                made += out.len() - before;
            }
        }
    }
    for query in codes::queries(&corpus, &mut rng, PER_CATEGORY) {
        push(&mut out, query);
    }
    out
}

/// Two to four of the title's key words.
fn title_query(corpus: &Corpus, doc: usize, rng: &mut Rng) -> Option<(Vec<String>, Vec<String>)> {
    let expected = corpus.same_title(doc)?;
    let n = 2 + rng.below(3);
    let words = corpus.key_words(&corpus.docs[doc].title, n);
    (words.len() >= 2).then_some((words, expected))
}

fn title_words(corpus: &Corpus, doc: usize, rng: &mut Rng) -> Option<Query> {
    let (words, expected) = title_query(corpus, doc, rng)?;
    Some(Query {
        category: Category::Title,
        text: words.join(" "),
        expected,
    })
}

/// Key words with the last one cut short, as while typing (at least three letters kept,
/// at least two missing).
fn partial(corpus: &Corpus, doc: usize, rng: &mut Rng) -> Option<Query> {
    let (mut words, expected) = title_query(corpus, doc, rng)?;
    let last = words.last_mut()?;
    let letters: Vec<char> = last.chars().collect();
    if letters.len() < 5 {
        return None;
    }
    let keep = 3 + rng.below(letters.len() - 4);
    *last = letters[..keep].iter().collect();
    Some(Query {
        category: Category::Partial,
        text: words.join(" "),
        expected,
    })
}

/// Key words with one of them mistyped: one edit in a word of five to seven letters, two
/// in a longer one, never the first letter (people seldom get that one wrong), and never
/// into another word of the corpus.
fn typo(corpus: &Corpus, doc: usize, rng: &mut Rng) -> Option<Query> {
    let (mut words, expected) = title_query(corpus, doc, rng)?;
    let long: Vec<usize> = (0..words.len())
        .filter(|&i| words[i].chars().count() >= 5 && words[i].is_ascii())
        .collect();
    let &which = rng.pick(&long)?;
    let edits = if words[which].len() >= 8 { 2 } else { 1 };
    let mut word: Vec<u8> = words[which].clone().into_bytes();
    for _ in 0..edits {
        edit(&mut word, rng);
    }
    let word = String::from_utf8(word).ok()?;
    if corpus.df(&word) > 0 || word == words[which] {
        return None;
    }
    words[which] = word;
    Some(Query {
        category: Category::Typo,
        text: words.join(" "),
        expected,
    })
}

/// One typing slip past the first letter: a letter swapped with the next, dropped,
/// doubled, or replaced by a neighbour on the keyboard.
fn edit(word: &mut Vec<u8>, rng: &mut Rng) {
    const ROWS: [&[u8]; 3] = [b"qwertyuiop", b"asdfghjkl", b"zxcvbnm"];
    let at = 1 + rng.below(word.len().saturating_sub(1).max(1));
    let at = at.min(word.len() - 1);
    match rng.below(4) {
        0 if at + 1 < word.len() => word.swap(at, at + 1),
        1 => {
            word.remove(at);
        }
        2 => word.insert(at, word[at]),
        _ => {
            let near = ROWS.iter().find_map(|row| {
                let i = row.iter().position(|&c| c == word[at])?;
                let j = if i + 1 < row.len() && (i == 0 || rng.below(2) == 0) {
                    i + 1
                } else {
                    i - 1
                };
                row.get(j).copied()
            });
            word[at] = near.unwrap_or(b'e');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_slips_past_the_first_letter() {
        let (mut one, mut two) = (Rng(7), Rng(7));
        for _ in 0..200 {
            let (mut a, mut b) = (b"storage".to_vec(), b"storage".to_vec());
            edit(&mut a, &mut one);
            edit(&mut b, &mut two);
            assert_eq!(a, b);
            assert_eq!(a[0], b's');
            assert_ne!(a, b"storage");
        }
    }
}
