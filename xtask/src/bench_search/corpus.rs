//! What the query generators read of the corpus: words as typed, document frequencies,
//! articles grouped by title, and a seeded random number generator.

use std::collections::{HashMap, HashSet};

use selfhelp_search::analysis::is_stop_word;
use selfhelp_search::Document;

/// A title shared by more articles than this names no one article.
pub const MAX_SAME_TITLE: usize = 3;
/// Words that are rare in titles yet nobody types to find one (`Sync failed due to`,
/// `when it becomes`): left out of key words along with the engine's stop words.
const FILLER: &[&str] = &[
    "able", "across", "becomes", "due", "get", "getting", "got", "let", "like", "make", "need",
    "needs", "one", "please", "still", "sure", "try", "trying", "two", "unable", "use", "used",
    "using", "via", "want", "wants", "way", "within", "without",
];

/// splitmix64: tiny, and the same on every machine.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 for none).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        items.get(self.below(items.len()))
    }

    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            items.swap(i, self.below(i + 1));
        }
    }
}

/// Lowercase words of letters and digits, as a visitor would type them.
/// Apostrophes are dropped, not split at: `can't` is typed `cant`, never `can t`.
pub fn words(text: &str) -> Vec<String> {
    let text: String = text.chars().filter(|c| !matches!(c, '\'' | '’')).collect();
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// A passage's first sentence, trimmed.
pub fn first_sentence(text: &str) -> String {
    let end = text
        .find(". ")
        .or_else(|| text.find('\n'))
        .unwrap_or(text.len());
    text.get(..end).unwrap_or(text).trim().to_string()
}

/// What the generators share: document frequencies and articles grouped by title.
pub struct Corpus<'d> {
    pub docs: &'d [Document],
    df: HashMap<String, u32>,
    titles: HashMap<String, Vec<usize>>,
    /// Articles each first sentence of a passage is found in.
    sentences: HashMap<String, u32>,
}

impl<'d> Corpus<'d> {
    pub fn new(docs: &'d [Document]) -> Corpus<'d> {
        let mut df: HashMap<String, u32> = HashMap::new();
        let mut titles: HashMap<String, Vec<usize>> = HashMap::new();
        let mut sentences: HashMap<String, u32> = HashMap::new();
        for (index, doc) in docs.iter().enumerate() {
            let firsts: HashSet<String> = doc
                .passages
                .iter()
                .map(|p| first_sentence(&p.text))
                .collect();
            for sentence in firsts {
                *sentences.entry(sentence).or_default() += 1;
            }
            let mut seen = HashSet::new();
            let passages = doc.passages.iter().map(|p| p.text.as_str());
            for text in std::iter::once(doc.title.as_str()).chain(passages) {
                seen.extend(words(text));
            }
            for word in seen {
                *df.entry(word).or_default() += 1;
            }
            titles
                .entry(words(&doc.title).join(" "))
                .or_default()
                .push(index);
        }
        Corpus {
            docs,
            df,
            titles,
            sentences,
        }
    }

    pub fn df(&self, word: &str) -> u32 {
        self.df.get(word).copied().unwrap_or(0)
    }

    /// The keys of the articles titled as `doc` is, if few enough are.
    pub fn same_title(&self, doc: usize) -> Option<Vec<String>> {
        let title = words(&self.docs.get(doc)?.title).join(" ");
        let group = self.titles.get(&title)?;
        (group.len() <= MAX_SAME_TITLE)
            .then(|| group.iter().map(|&i| self.docs[i].key.clone()).collect())
    }

    /// Up to `n` of a text's words that tell articles apart best (rarest first), in the
    /// text's order: stop words, bare numbers under three digits and two-letter words
    /// other than acronyms (`AD`, `VM`, not `de` of `de-provisioning`) left out.
    pub fn key_words(&self, text: &str, n: usize) -> Vec<String> {
        let mut candidates: Vec<(usize, String)> = Vec::new();
        let text: String = text.chars().filter(|c| !matches!(c, '\'' | '’')).collect();
        let typed = text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty());
        for (position, original) in typed.enumerate() {
            let word = original.to_lowercase();
            let number = word.chars().all(|c| c.is_ascii_digit());
            let acronym = original.chars().all(|c| c.is_uppercase());
            let keep = if number {
                word.len() >= 3
            } else {
                word.chars().count() >= 3 || (word.chars().count() == 2 && acronym)
            };
            if !keep || is_stop_word(&word) || FILLER.contains(&word.as_str()) {
                continue;
            }
            if !candidates.iter().any(|(_, known)| *known == word) {
                candidates.push((position, word));
            }
        }
        candidates.sort_by_key(|(position, word)| (self.df(word), *position));
        candidates.truncate(n);
        candidates.sort_by_key(|(position, _)| *position);
        candidates.into_iter().map(|(_, word)| word).collect()
    }

    /// Whether a sentence says something of its own: found in few articles (not
    /// boilerplate such as "Scoping questions to capture more details"), with two words
    /// or more found in under 1% of them.
    pub fn specific(&self, sentence: &str) -> bool {
        let common = self.sentences.get(sentence).copied().unwrap_or(0) > MAX_SAME_TITLE as u32;
        let rare = self
            .key_words(sentence, 8)
            .iter()
            .filter(|w| (self.df(w) as usize) * 100 < self.docs.len())
            .count();
        !common && rare >= 2
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(key: &str, title: &str) -> Document {
        Document {
            key: key.to_string(),
            title: title.to_string(),
            ..Document::default()
        }
    }

    #[test]
    fn key_words_are_the_rare_ones_in_title_order() {
        let docs = [
            doc("a", "Backup fails due to a vault lock"),
            doc("b", "Backup fails"),
            doc("c", "Backup of the AD forest fails"),
        ];
        let corpus = Corpus::new(&docs);
        assert_eq!(corpus.key_words(&docs[0].title, 2), ["vault", "lock"]);
        assert_eq!(corpus.key_words(&docs[2].title, 2), ["ad", "forest"]);
        assert_eq!(corpus.same_title(1), Some(vec!["b".to_string()]));
    }
}
