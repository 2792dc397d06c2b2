//! Readable names for products and groups, from metadata keys and the words of their
//! articles' titles.
//!
//! Keys are written for machines (`microsoft.dbforpostgresql`, `virtualnetworkgateways`):
//! run-together words in lower case. The titles of the same articles spell those words
//! out (`Azure Database for PostgreSQL`), so a key is split into the longest words the
//! titles use, each written as the titles write it: `DB for PostgreSQL`.

use std::collections::HashMap;

/// The words of a set of titles, each with its most frequent spelling.
#[derive(Debug, Default)]
pub struct Vocabulary {
    /// Lower-case word → (spelling → count).
    words: HashMap<String, HashMap<String, u32>>,
}

/// Small words written in lower case inside a name.
const MINOR_WORDS: &[&str] = &[
    "a", "an", "and", "for", "in", "of", "on", "or", "the", "to", "with",
];

/// Segments longer than this are not split into words.
const SPLIT_MAX: usize = 64;

/// Words no longer than this that the titles never spell out are read as acronyms.
const ACRONYM_MAX: usize = 3;

impl Vocabulary {
    pub fn from_titles<'a>(titles: impl IntoIterator<Item = &'a str>) -> Vocabulary {
        let mut vocabulary = Vocabulary::default();
        for title in titles {
            for word in title.split(|c: char| !c.is_alphanumeric()) {
                if word.chars().count() < 2 {
                    continue;
                }
                *vocabulary
                    .words
                    .entry(word.to_lowercase())
                    .or_default()
                    .entry(word.to_string())
                    .or_default() += 1;
            }
        }
        vocabulary
    }

    /// A readable name for a key: `microsoft.` dropped, run-together words split, each
    /// word spelled as these titles spell it. A long run of letters these titles leave
    /// unsplit (`machinelearningservices` under titles that only say "quota") is split
    /// with the words of the whole `library`, when they spell it out entirely; these
    /// titles' spellings still come first.
    pub fn name_within(&self, key: &str, library: &Vocabulary) -> String {
        let near = Words {
            near: self,
            far: None,
        };
        let both = Words {
            near: self,
            far: Some(library),
        };
        let key = strip_namespace(key);
        let is_run = |piece: &String| piece.chars().count() >= RUN_MIN && !near.knows(piece);
        let mut words: Vec<String> = Vec::new();
        for segment in segments(key) {
            let pieces = near.split(&segment);
            if !pieces.iter().any(is_run) {
                words.extend(pieces);
                continue;
            }
            // Each run alone, keeping the pieces these titles know (`power bi` +
            // `dedicated`); where a run does not split, the whole segment
            // (`appplatform` is `app platform`, not `appplat form`).
            let mut resolved = true;
            let mut split: Vec<String> = Vec::new();
            for piece in pieces {
                match is_run(&piece).then(|| both.split(&piece)) {
                    Some(parts) if spells_out(&both, &parts) => split.extend(parts),
                    Some(_) => {
                        resolved = false;
                        split.push(piece);
                    }
                    None => split.push(piece),
                }
            }
            match (!resolved).then(|| both.split(&segment)) {
                Some(whole) if spells_out(&both, &whole) => words.extend(whole),
                _ => words.extend(split),
            }
        }
        both.spell_all(key, &words)
    }
}

/// Whether `parts` are all words the titles use (or one of them with an ending), with at
/// most one shorter than three letters: an acronym the titles write in capitals (`DB`),
/// or a small word between two others (`hana on azure`). A library has many short words
/// and acronyms, and a split through two of them reads worse than none (`Health CA Re`).
fn spells_out(words: &Words, parts: &[String]) -> bool {
    let last = parts.len().saturating_sub(1);
    let mut short = 0;
    parts.iter().enumerate().all(|(index, part)| {
        let known = words.knows(part) || words.stem_spelling(part).is_some();
        if part.chars().count() >= 3 {
            return known;
        }
        short += 1;
        let minor = index != 0 && index != last && MINOR_WORDS.contains(&part.as_str());
        known && short <= 1 && (words.is_acronym(part) || minor)
    })
}

/// The words a key is split and spelled with: its own articles' titles, then maybe the
/// library's.
struct Words<'a> {
    near: &'a Vocabulary,
    far: Option<&'a Vocabulary>,
}

/// An unknown piece this long is a run of words the titles did not spell out.
const RUN_MIN: usize = 5;

impl Words<'_> {
    fn knows(&self, word: &str) -> bool {
        self.near.words.contains_key(word)
            || self.far.is_some_and(|far| far.words.contains_key(word))
    }

    /// The titles' favourite spelling of a lower-case word.
    fn spelling(&self, word: &str) -> Option<&str> {
        favourite(self.near, word).or_else(|| self.far.and_then(|far| favourite(far, word)))
    }

    /// Whether the titles write `word` in capitals (`BI`, `DB`).
    fn is_acronym(&self, word: &str) -> bool {
        self.spelling(word)
            .is_some_and(|s| s.chars().all(char::is_uppercase))
    }

    /// The words spelled and joined; the key itself when there are none.
    fn spell_all(&self, key: &str, words: &[String]) -> String {
        let named: Vec<String> = words
            .iter()
            .enumerate()
            .map(|(index, word)| self.spell(word, index == 0))
            .collect();
        match named.join(" ") {
            name if name.is_empty() => key.to_string(),
            name => name,
        }
    }

    /// Splits a lower-case run of letters into known words, preferring long ones; the
    /// letters between known words stay together as one word.
    fn split(&self, segment: &str) -> Vec<String> {
        let chars: Vec<char> = segment.chars().collect();
        let n = chars.len();
        // The search is quadratic; keys are short, and a long one is left whole.
        if n > SPLIT_MAX {
            return vec![segment.to_string()];
        }
        // best[i]: (score, start of the last piece) for chars[..i].
        let mut best: Vec<(i64, usize)> = vec![(i64::MIN, 0); n + 1];
        best[0] = (0, 0);
        for end in 1..=n {
            for start in 0..end {
                if best[start].0 == i64::MIN {
                    continue;
                }
                let piece: String = chars[start..end].iter().collect();
                let len = (end - start) as i64;
                let score = if len == 2 && self.knows(&piece) && !self.is_acronym(&piece) {
                    // Two known letters inside a run of unknown ones are chance (`on` in
                    // `authorization`), unless the titles write them as an acronym (`BI`):
                    // worth a split only between two longer words.
                    -3
                } else if len >= 2 && self.knows(&piece) {
                    len * len
                } else {
                    // Unknown letters cost a little per letter and a lot per piece, so
                    // they gather into one piece rather than many.
                    -len - 8
                };
                let total = best[start].0 + score;
                if total > best[end].0 {
                    best[end] = (total, start);
                }
            }
        }
        let mut pieces = Vec::new();
        let mut end = n;
        while end > 0 {
            let start = best[end].1;
            pieces.push(chars[start..end].iter().collect::<String>());
            end = start;
        }
        pieces.reverse();
        let known = |piece: &str| piece.chars().count() >= 2 && self.knows(piece);
        attach_endings(merge_unknown(pieces, known), known)
    }

    /// `word` as a known word of two letters or more plus one of [`ENDINGS`], spelled as
    /// the titles spell that word (`apis` → `APIs`).
    fn stem_spelling(&self, word: &str) -> Option<String> {
        ENDINGS.iter().find_map(|ending| {
            let stem = word.strip_suffix(ending)?;
            if stem.chars().count() < 2 {
                return None;
            }
            let spelling = self.spelling(stem)?;
            let stem = match spelling.chars().any(char::is_uppercase) {
                true => spelling.to_string(),
                false => capitalize(stem),
            };
            Some(stem + ending)
        })
    }

    fn spell(&self, word: &str, first: bool) -> String {
        if !first && MINOR_WORDS.contains(&word) {
            return word.to_string();
        }
        // A known word with an ending the titles never write on it keeps their spelling:
        // `LoadBalancers`, `SDKs`, `Management`.
        if let (None, Some(spelled)) = (self.spelling(word), self.stem_spelling(word)) {
            return spelled;
        }
        match self.spelling(word) {
            Some(spelling) if spelling.chars().any(char::is_uppercase) => spelling.to_string(),
            Some(_) => capitalize(word),
            None if word.chars().count() <= ACRONYM_MAX
                && word.chars().all(char::is_alphabetic) =>
            {
                word.to_uppercase()
            }
            None => capitalize(word),
        }
    }
}

/// The spelling `vocabulary`'s titles use most for a lower-case word.
fn favourite<'v>(vocabulary: &'v Vocabulary, word: &str) -> Option<&'v str> {
    vocabulary
        .words
        .get(word)?
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
        .map(|(spelling, _)| spelling.as_str())
}

/// `microsoft.network` → `network`; a key that is only the namespace stays as it is.
fn strip_namespace(key: &str) -> &str {
    let lower = key.get(..10).map(str::to_ascii_lowercase);
    match lower.as_deref() {
        Some("microsoft.") if key.len() > 10 => &key[10..],
        _ => key,
    }
}

/// Lower-case runs of letters and digits, split at punctuation and at camelCase humps.
fn segments(key: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut previous_lower = false;
    for c in key.chars() {
        if !c.is_alphanumeric() {
            previous_lower = false;
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
            continue;
        }
        if c.is_uppercase() && previous_lower && !current.is_empty() {
            out.push(std::mem::take(&mut current));
        }
        previous_lower = c.is_lowercase();
        current.extend(c.to_lowercase());
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// Joins neighbouring unknown pieces, so `x`, `y` between two known words read `xy`.
fn merge_unknown(pieces: Vec<String>, known: impl Fn(&str) -> bool) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut previous_unknown = false;
    for piece in pieces {
        let unknown = !known(&piece);
        match out.last_mut() {
            Some(last) if unknown && previous_unknown => last.push_str(&piece),
            _ => out.push(piece),
        }
        previous_unknown = unknown;
    }
    out
}

/// Endings the titles may not spell on their own word (`management` when they only say
/// `manage`): left as pieces, they read `Manage Ment`.
const ENDINGS: &[&str] = &[
    "al", "ation", "d", "ed", "er", "ers", "es", "ing", "ion", "ions", "isation", "ity", "ization",
    "ly", "ment", "ments", "s",
];

/// Puts an unknown ending or stray letter back on the word before it (the word after it,
/// at the start), so a split never leaves `s`, `d` or `ment` as words of their own.
fn attach_endings(pieces: Vec<String>, known: impl Fn(&str) -> bool) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut pending = String::new();
    for piece in pieces {
        let stray =
            !known(&piece) && (piece.chars().count() == 1 || ENDINGS.contains(&piece.as_str()));
        match out.last_mut() {
            Some(last) if stray => last.push_str(&piece),
            None if stray => pending.push_str(&piece),
            _ => out.push(std::mem::take(&mut pending) + &piece),
        }
    }
    if !pending.is_empty() {
        out.push(pending);
    }
    out
}

fn capitalize(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests;
