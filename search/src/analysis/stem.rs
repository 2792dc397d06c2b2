//! The English (Porter2) stemmer of Snowball, by hand.
//!
//! Why not a crate: rust-stemmers, the usual choice, compiles to about 10 KB of gzip
//! wasm for English alone (measured: a cdylib calling `Stemmer::create(English)` at
//! opt-level z with LTO, against the same cdylib without it), half of the query side's
//! whole budget. This is the algorithm of snowballstem.org/algorithms/english, step by
//! step, over ASCII bytes; words with other characters or digits are left as they are.

/// Words the algorithm leaves to a list.
const EXCEPTIONS: [(&str, &str); 18] = [
    ("skis", "ski"),
    ("skies", "sky"),
    ("dying", "die"),
    ("lying", "lie"),
    ("tying", "tie"),
    ("idly", "idl"),
    ("gently", "gentl"),
    ("ugly", "ugli"),
    ("early", "earli"),
    ("only", "onli"),
    ("singly", "singl"),
    ("sky", "sky"),
    ("news", "news"),
    ("howe", "howe"),
    ("atlas", "atlas"),
    ("cosmos", "cosmos"),
    ("bias", "bias"),
    ("andes", "andes"),
];

/// Left as they are after step 1a.
const AFTER_1A: [&str; 8] = [
    "inning", "outing", "canning", "herring", "earring", "proceed", "exceed", "succeed",
];

/// Step 2, longest first within each ending; `ogi` and `li` have conditions of their own.
const STEP_2: [(&str, &str); 24] = [
    ("ization", "ize"),
    ("ational", "ate"),
    ("fulness", "ful"),
    ("ousness", "ous"),
    ("iveness", "ive"),
    ("tional", "tion"),
    ("biliti", "ble"),
    ("lessli", "less"),
    ("entli", "ent"),
    ("ation", "ate"),
    ("alism", "al"),
    ("aliti", "al"),
    ("ousli", "ous"),
    ("iviti", "ive"),
    ("fulli", "ful"),
    ("enci", "ence"),
    ("anci", "ance"),
    ("abli", "able"),
    ("izer", "ize"),
    ("ator", "ate"),
    ("alli", "al"),
    ("bli", "ble"),
    ("ogi", "og"),
    ("li", ""),
];

const STEP_3: [(&str, &str); 9] = [
    ("ational", "ate"),
    ("tional", "tion"),
    ("alize", "al"),
    ("icate", "ic"),
    ("iciti", "ic"),
    ("ative", ""),
    ("ical", "ic"),
    ("ness", ""),
    ("ful", ""),
];

const STEP_4: [&str; 18] = [
    "ement", "ance", "ence", "able", "ible", "ment", "ant", "ent", "ism", "ate", "iti", "ous",
    "ive", "ize", "ion", "al", "er", "ic",
];

/// The stem of a folded word.
pub fn stem(word: &str) -> String {
    if word.len() <= 2 || !word.bytes().all(|b| b.is_ascii_lowercase()) {
        return word.to_owned();
    }
    if let Some((_, stem)) = EXCEPTIONS.iter().find(|(from, _)| *from == word) {
        return (*stem).to_owned();
    }
    let mut w = word.as_bytes().to_vec();
    mark_consonant_y(&mut w);
    let r1 = region_one(&w);
    let r2 = region_after(&w, r1);
    step_1a(&mut w);
    if AFTER_1A
        .iter()
        .any(|exception| exception.as_bytes() == w.as_slice())
    {
        return String::from_utf8(w).unwrap_or_default();
    }
    step_1b(&mut w, r1);
    step_1c(&mut w);
    step_2(&mut w, r1);
    step_3(&mut w, r1, r2);
    step_4(&mut w, r2);
    step_5(&mut w, r1, r2);
    for b in &mut w {
        if *b == b'Y' {
            *b = b'y';
        }
    }
    String::from_utf8(w).unwrap_or_default()
}

fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u' | b'y')
}

/// A `y` at the start or after a vowel is a consonant, written `Y` until the end.
fn mark_consonant_y(w: &mut [u8]) {
    for i in 0..w.len() {
        let after_vowel = i > 0 && w.get(i - 1).copied().is_some_and(is_vowel);
        if w[i] == b'y' && (i == 0 || after_vowel) {
            w[i] = b'Y';
        }
    }
}

/// R1, with the exceptions of the algorithm.
fn region_one(w: &[u8]) -> usize {
    for prefix in ["gener", "commun", "arsen"] {
        if w.starts_with(prefix.as_bytes()) {
            return prefix.len();
        }
    }
    region_after(w, 0)
}

/// Where the region after the first non-vowel following a vowel from `from` starts.
fn region_after(w: &[u8], from: usize) -> usize {
    (from..w.len().saturating_sub(1))
        .find(|&i| is_vowel(w[i]) && !is_vowel(w[i + 1]))
        .map_or(w.len(), |i| i + 2)
}

/// Whether `w` ends in a short syllable.
fn ends_short_syllable(w: &[u8]) -> bool {
    match *w {
        [a, b] => is_vowel(a) && !is_vowel(b),
        [.., a, b, c] => {
            !is_vowel(a) && is_vowel(b) && !is_vowel(c) && !matches!(c, b'w' | b'x' | b'Y')
        }
        _ => false,
    }
}

fn replace(w: &mut Vec<u8>, suffix_len: usize, with: &str) {
    w.truncate(w.len() - suffix_len);
    w.extend_from_slice(with.as_bytes());
}

fn has_vowel(w: &[u8]) -> bool {
    w.iter().copied().any(is_vowel)
}

fn step_1a(w: &mut Vec<u8>) {
    if w.ends_with(b"sses") {
        replace(w, 4, "ss");
    } else if w.ends_with(b"ied") || w.ends_with(b"ies") {
        let with = if w.len() > 4 { "i" } else { "ie" };
        replace(w, 3, with);
    } else if w.ends_with(b"us") || w.ends_with(b"ss") {
    } else if w.ends_with(b"s") && w.len() >= 3 && has_vowel(&w[..w.len() - 2]) {
        w.pop();
    }
}

fn step_1b(w: &mut Vec<u8>, r1: usize) {
    for suffix in ["eedly", "eed"] {
        if w.ends_with(suffix.as_bytes()) {
            if w.len() - suffix.len() >= r1 {
                replace(w, suffix.len(), "ee");
            }
            return;
        }
    }
    let Some(suffix) = ["ingly", "edly", "ing", "ed"]
        .into_iter()
        .find(|s| w.ends_with(s.as_bytes()))
    else {
        return;
    };
    let stem_len = w.len() - suffix.len();
    if !has_vowel(&w[..stem_len]) {
        return;
    }
    w.truncate(stem_len);
    if w.ends_with(b"at") || w.ends_with(b"bl") || w.ends_with(b"iz") {
        w.push(b'e');
    } else if let [.., a, b] = **w {
        if a == b
            && matches!(
                a,
                b'b' | b'd' | b'f' | b'g' | b'm' | b'n' | b'p' | b'r' | b't'
            )
        {
            w.pop();
        } else if w.len() == r1 && ends_short_syllable(w) {
            w.push(b'e');
        }
    }
}

fn step_1c(w: &mut [u8]) {
    if let [_, .., before, last] = w {
        if matches!(*last, b'y' | b'Y') && !is_vowel(*before) {
            *last = b'i';
        }
    }
}

/// The longest suffix of `table` that `w` ends with, as its index.
fn longest(w: &[u8], table: &[(&str, &str)]) -> Option<usize> {
    let mut best: Option<usize> = None;
    for (index, (suffix, _)) in table.iter().enumerate() {
        let longer = best.is_none_or(|b| suffix.len() > table[b].0.len());
        if longer && w.ends_with(suffix.as_bytes()) {
            best = Some(index);
        }
    }
    best
}

fn step_2(w: &mut Vec<u8>, r1: usize) {
    let Some(index) = longest(w, &STEP_2) else {
        return;
    };
    let (suffix, with) = STEP_2[index];
    let start = w.len() - suffix.len();
    if start < r1 {
        return;
    }
    let before = start.checked_sub(1).and_then(|i| w.get(i)).copied();
    let allowed = match suffix {
        "ogi" => before == Some(b'l'),
        "li" => before.is_some_and(|b| b"cdeghkmnrt".contains(&b)),
        _ => true,
    };
    if allowed {
        replace(w, suffix.len(), with);
    }
}

fn step_3(w: &mut Vec<u8>, r1: usize, r2: usize) {
    let Some(index) = longest(w, &STEP_3) else {
        return;
    };
    let (suffix, with) = STEP_3[index];
    let start = w.len() - suffix.len();
    let region = if suffix == "ative" { r2 } else { r1 };
    if start >= region {
        replace(w, suffix.len(), with);
    }
}

fn step_4(w: &mut Vec<u8>, r2: usize) {
    let found = STEP_4
        .iter()
        .filter(|suffix| w.ends_with(suffix.as_bytes()))
        .max_by_key(|suffix| suffix.len());
    let Some(suffix) = found else {
        return;
    };
    let start = w.len() - suffix.len();
    if start < r2 {
        return;
    }
    let before = start.checked_sub(1).and_then(|i| w.get(i)).copied();
    if *suffix != "ion" || matches!(before, Some(b's' | b't')) {
        w.truncate(start);
    }
}

fn step_5(w: &mut Vec<u8>, r1: usize, r2: usize) {
    let len = w.len();
    if w.ends_with(b"e") {
        let start = len - 1;
        if start >= r2 || (start >= r1 && !ends_short_syllable(&w[..start])) {
            w.pop();
        }
    } else if w.ends_with(b"ll") && len > r2 {
        w.pop();
    }
}

#[cfg(test)]
mod tests;
