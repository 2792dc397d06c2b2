//! A query's text turned into the words it must match and the terms that add to it.

use crate::analysis::{normalize, Analyzer, Kind};

/// Bytes of a query read; the rest is ignored, so no query can freeze the page.
pub(crate) const MAX_QUERY_BYTES: usize = 512;
/// Words a query matches on, and code tokens it may add to the score.
pub(crate) const MAX_WORDS: usize = 8;
const MAX_BONUS: usize = 4;

/// One word the documents should have.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Word {
    /// As typed, folded: what prefixes and "did you mean" work on.
    pub surface: String,
    /// The index term: a stem, a part, or a synonym group's term.
    pub term: String,
    /// The word being typed: the last of a query that does not end in a space.
    pub prefix: bool,
    /// The terms of its synonym group's phrases, to mark them in excerpts.
    pub synonyms: Vec<String>,
    /// Where it is in the query, for phrase and proximity boosts.
    pub position: u32,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Plan {
    pub words: Vec<Word>,
    /// Wholes and compounds (`setazvm`, `http429`): a document that has one matches the
    /// code as written, and scores more.
    pub bonus: Vec<String>,
}

/// Reads a query. `expand` is false in plain mode: no synonyms, no prefix.
pub(crate) fn plan(text: &str, synonyms: &[(Vec<String>, String)], expand: bool) -> Plan {
    let mut end = text.len().min(MAX_QUERY_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let text = text.get(..end).unwrap_or_default();
    let typing = expand
        && text
            .chars()
            .last()
            .is_some_and(|c| !normalize(c.encode_utf8(&mut [0; 4])).is_empty());
    let mut plan = Plan::default();
    let mut analyzer = Analyzer::default();
    let mut last_end = 0;
    analyzer.run(text, 0, &mut |term| match term.kind {
        Kind::Word | Kind::Part => {
            last_end = last_end.max(term.span.end);
            let word = Word {
                surface: term.surface.to_owned(),
                term: term.text.to_owned(),
                prefix: false,
                synonyms: Vec::new(),
                position: term.position,
            };
            if !plan.words.iter().any(|known| known.term == word.term) {
                plan.words.push(word);
            }
        }
        Kind::Whole | Kind::Compound => {
            if plan.bonus.len() < MAX_BONUS && !plan.bonus.iter().any(|known| known == term.text) {
                plan.bonus.push(term.text.to_owned());
            }
        }
    });
    if expand {
        apply_synonyms(&mut plan.words, synonyms);
    }
    plan.words.truncate(MAX_WORDS);
    // The last word is being typed only if nothing but word characters follow it.
    let typed_to_end = last_end == text.len();
    if let Some(last) = plan.words.last_mut() {
        last.prefix = typing && typed_to_end && last.synonyms.is_empty();
    }
    plan
}

/// Replaces each phrase of a synonym group found in the query by the group's term,
/// longest phrase first.
fn apply_synonyms(words: &mut Vec<Word>, synonyms: &[(Vec<String>, String)]) {
    let mut index = 0;
    while index < words.len() {
        let start = words[index].position;
        let found = synonyms
            .iter()
            .filter(|(phrase, _)| phrase_at(words, index, phrase))
            .max_by_key(|(phrase, _)| phrase.len());
        if let Some((phrase, group)) = found {
            let covered = words[index..]
                .iter()
                .take_while(|w| w.position < start + phrase.len() as u32)
                .count();
            let surface: Vec<String> = words
                .drain(index..index + covered)
                .map(|w| w.surface)
                .collect();
            let marks = synonyms
                .iter()
                .filter(|(_, other)| other == group)
                .flat_map(|(phrase, _)| phrase.iter().filter(|t| !t.is_empty()).cloned())
                .collect();
            let word = Word {
                surface: surface.join(" "),
                term: group.clone(),
                prefix: false,
                synonyms: marks,
                position: start,
            };
            words.insert(index, word);
        }
        index += 1;
    }
}

/// Whether `phrase` (terms, `""` for any one position) starts at `words[index]`.
fn phrase_at(words: &[Word], index: usize, phrase: &[String]) -> bool {
    let Some(start) = words.get(index).map(|w| w.position) else {
        return false;
    };
    !phrase.is_empty()
        && phrase.iter().enumerate().all(|(offset, want)| {
            want.is_empty()
                || words[index..]
                    .iter()
                    .any(|w| w.position == start + offset as u32 && w.term == *want)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(plan: &Plan) -> Vec<(&str, bool)> {
        plan.words
            .iter()
            .map(|w| (w.term.as_str(), w.prefix))
            .collect()
    }

    #[test]
    fn the_last_word_is_a_prefix_until_a_space() {
        assert_eq!(
            terms(&plan("The VM won't sta", &[], true)),
            [("vm", false), ("wont", false), ("sta", true)]
        );
        assert_eq!(
            terms(&plan("vm sta ", &[], true)),
            [("vm", false), ("sta", false)]
        );
        assert_eq!(
            terms(&plan("vm sta.", &[], true)),
            [("vm", false), ("sta", false)]
        );
        assert_eq!(
            terms(&plan("vm sta", &[], false)),
            [("vm", false), ("sta", false)]
        );
    }

    #[test]
    fn code_tokens_give_parts_to_match_and_wholes_to_boost() {
        let plan = plan("Set-AzVM fails with HTTP 429 ", &[], true);
        assert_eq!(
            terms(&plan),
            [
                ("set", false),
                ("azvm", false),
                ("fail", false),
                ("http", false),
                ("429", false)
            ]
        );
        assert_eq!(plan.bonus, ["setazvm", "http429"]);
    }

    #[test]
    fn synonym_phrases_become_their_group() {
        let synonyms = vec![
            (vec!["vm".to_string()], "=vm".to_string()),
            (
                vec!["virtual".to_string(), "machin".to_string()],
                "=vm".to_string(),
            ),
        ];
        let plan = plan("restart virtual machines now", &synonyms, true);
        assert_eq!(
            terms(&plan),
            [("restart", false), ("=vm", false), ("now", true)]
        );
        assert_eq!(plan.words[1].surface, "virtual machines");
        assert_eq!(plan.words[1].synonyms, ["vm", "virtual", "machin"]);
        assert_eq!(
            terms(&super::plan("virtual machines", &synonyms, false)),
            [("virtual", false), ("machin", false)]
        );
    }

    #[test]
    fn long_queries_are_capped() {
        let text = "word".repeat(1000);
        assert!(plan(&text, &[], true).words.len() <= 1);
        let many: String = (0..100).map(|i| format!("w{i}x ")).collect();
        assert_eq!(plan(&many, &[], true).words.len(), MAX_WORDS);
    }
}
