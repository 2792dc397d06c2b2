//! Error-code queries: codes found in the articles' text, as a visitor pastes them.
//!
//! Codes are what people copy from an error message: `AADSTS50076`, `0x80070005`,
//! `HTTP 429`, `error 40613`, and Azure's CamelCase error names
//! (`UserErrorProtectionQuotaExceeded`). A code counts only where few articles have it:
//! those articles are the answer, each of them.

use std::collections::{BTreeMap, BTreeSet};

use super::corpus::{Corpus, Rng};
use super::queries::{Category, Query};

/// A code in more articles than this is too general to name the answer.
const MAX_DOCS: usize = 8;
/// Endings of the CamelCase names Azure gives its errors.
const NAME_ENDINGS: [&str; 12] = [
    "Failed",
    "Failure",
    "NotFound",
    "Exceeded",
    "NotAllowed",
    "Conflict",
    "Invalid",
    "Error",
    "Denied",
    "Unavailable",
    "Timeout",
    "Mismatch",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    Aadsts,
    Hex,
    Http,
    Numbered,
    Name,
}

/// Up to `n` queries, the kinds of code taking turns so the many CamelCase names do not
/// crowd out the rarer kinds.
pub fn queries(corpus: &Corpus, rng: &mut Rng, n: usize) -> Vec<Query> {
    let mut found: BTreeMap<(Kind, String), BTreeSet<usize>> = BTreeMap::new();
    for (index, doc) in corpus.docs.iter().enumerate() {
        let passages = doc.passages.iter().map(|p| p.text.as_str());
        for text in std::iter::once(doc.title.as_str()).chain(passages) {
            for code in scan(text) {
                found.entry(code).or_default().insert(index);
            }
        }
    }
    let mut by_kind: BTreeMap<Kind, Vec<(String, Vec<usize>)>> = BTreeMap::new();
    for ((kind, code), docs) in found {
        if docs.len() <= MAX_DOCS {
            by_kind
                .entry(kind)
                .or_default()
                .push((code, docs.into_iter().collect()));
        }
    }
    for codes in by_kind.values_mut() {
        rng.shuffle(codes);
    }
    let mut out = Vec::new();
    let mut turn = 0;
    while out.len() < n && by_kind.values().any(|codes| !codes.is_empty()) {
        for (kind, codes) in by_kind.iter_mut() {
            let Some((code, docs)) = codes.pop() else {
                continue;
            };
            if out.len() == n {
                break;
            }
            let text = match kind {
                // Half the time with the word people put before a bare number.
                Kind::Hex if turn % 2 == 0 => format!("error {code}"),
                _ => code,
            };
            let expected = docs.iter().map(|&d| corpus.docs[d].key.clone()).collect();
            out.push(Query {
                category: Category::Code,
                text,
                expected,
            });
        }
        turn += 1;
    }
    out
}

/// The codes in a text, each as a query would type it.
fn scan(text: &str) -> Vec<(Kind, String)> {
    let tokens: Vec<&str> = text
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|t| !t.is_empty())
        .collect();
    let mut out = Vec::new();
    for (i, token) in tokens.iter().enumerate() {
        let next = tokens.get(i + 1).copied().unwrap_or("");
        let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
        if let Some(number) = token.strip_prefix("AADSTS") {
            if number.len() >= 4 && digits(number) {
                out.push((Kind::Aadsts, token.to_string()));
            }
        } else if let Some(hex) = token.strip_prefix("0x").or(token.strip_prefix("0X")) {
            if hex.len() == 8 && hex.bytes().all(|b| b.is_ascii_hexdigit()) {
                out.push((Kind::Hex, format!("0x{}", hex.to_ascii_uppercase())));
            }
        } else if token.eq_ignore_ascii_case("http")
            && next.len() == 3
            && digits(next)
            && (next.starts_with('4') || next.starts_with('5'))
        {
            out.push((Kind::Http, format!("HTTP {next}")));
        } else if token.eq_ignore_ascii_case("error")
            && (4..=6).contains(&next.len())
            && digits(next)
        {
            out.push((Kind::Numbered, format!("error {next}")));
        } else if is_error_name(token) {
            out.push((Kind::Name, token.to_string()));
        }
    }
    out
}

/// `SkuNotAvailable`-like: CamelCase, three humps or more, an error's ending.
fn is_error_name(token: &str) -> bool {
    let upper = token.bytes().filter(u8::is_ascii_uppercase).count();
    token.len() >= 12
        && token.starts_with(|c: char| c.is_ascii_uppercase())
        && upper >= 3
        && upper * 2 < token.len()
        && NAME_ENDINGS
            .iter()
            .any(|e| token.ends_with(e) && token.len() > e.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_read_as_typed() {
        let found = scan("Sign-in fails with AADSTS50076; HTTP 429 or http 200, error 40613.");
        let texts: Vec<&str> = found.iter().map(|(_, c)| c.as_str()).collect();
        assert_eq!(texts, ["AADSTS50076", "HTTP 429", "error 40613"]);
        let found = scan("0x80070005 UserErrorProtectionQuotaExceeded Failed NotFound");
        let texts: Vec<&str> = found.iter().map(|(_, c)| c.as_str()).collect();
        assert_eq!(texts, ["0x80070005", "UserErrorProtectionQuotaExceeded"]);
    }
}
