//! Synonyms and aliases authors keep in a text file, one group a line.
//!
//! ```text
//! # comments and blank lines are ignored
//! vm = virtual machine
//! aad = azure active directory = entra id
//! ```
//! Synonyms are applied at index time: wherever an article says any phrase of a group,
//! the index also records the group's own term (`=vm`) there. A query that says any
//! phrase of the group then looks up that one term, so a multi-word synonym costs one
//! posting list instead of one per word, counts stay exact, and phrases need no
//! positions at query time. The price: editing the file needs a rebuild, which every
//! content change needs anyway.

use crate::analysis::{Analyzer, Kind};

/// Words a phrase may have; longer ones are surely a mistake.
const MAX_PHRASE_TERMS: usize = 6;

/// The groups of a synonyms file.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Synonyms {
    /// Each group's phrases; a phrase is its terms, with `""` where a stop word was.
    groups: Vec<Vec<Vec<String>>>,
}

/// A line of the file that was not understood; the compiler reports it as a diagnostic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SynonymError {
    /// 1-based.
    pub line: usize,
    pub message: String,
}

impl Synonyms {
    /// Reads a synonyms file: the groups it could read, and an error for each line it
    /// could not.
    pub fn parse(text: &str) -> (Synonyms, Vec<SynonymError>) {
        let mut analyzer = Analyzer::default();
        let mut synonyms = Synonyms::default();
        let mut errors = Vec::new();
        let mut seen: Vec<(Vec<String>, usize)> = Vec::new();
        for (index, line) in text.lines().enumerate() {
            let number = index + 1;
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut error = |message: String| {
                errors.push(SynonymError {
                    line: number,
                    message,
                })
            };
            if !line.contains('=') {
                error(format!("expected `=` between phrases that mean the same, as in `vm = virtual machine`, found `{line}`"));
                continue;
            }
            let mut group: Vec<Vec<String>> = Vec::new();
            let mut valid = true;
            for side in line.split('=').map(str::trim) {
                let phrase = phrase_terms(&mut analyzer, side);
                if side.is_empty() {
                    error("one side of an `=` is empty".to_string());
                } else if phrase.is_empty() {
                    error(format!("`{side}` has no word search can use: stop words and punctuation are ignored"));
                } else if phrase.len() > MAX_PHRASE_TERMS {
                    error(format!("`{side}` is longer than {MAX_PHRASE_TERMS} words"));
                } else if let Some((_, other)) = seen.iter().find(|(known, _)| *known == phrase) {
                    error(format!("`{side}` is already a synonym on line {other}; a phrase may be in one group only"));
                } else {
                    if !group.contains(&phrase) {
                        group.push(phrase);
                    }
                    continue;
                }
                valid = false;
            }
            if valid && group.len() < 2 {
                error(format!(
                    "`{line}` names one phrase only; a group needs two or more"
                ));
                valid = false;
            }
            if valid {
                seen.extend(group.iter().map(|phrase| (phrase.clone(), number)));
                synonyms.groups.push(group);
            }
        }
        (synonyms, errors)
    }

    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    /// Every phrase with the term standing for its group.
    pub(crate) fn phrases(&self) -> Vec<(Vec<String>, String)> {
        let mut out = Vec::new();
        for group in &self.groups {
            let Some(first) = group.first() else { continue };
            let term = group_term(first);
            out.extend(group.iter().map(|phrase| (phrase.clone(), term.clone())));
        }
        out
    }
}

/// The term a group is indexed under: `=` and its first phrase (`=virtual machin`).
fn group_term(phrase: &[String]) -> String {
    let words: Vec<&str> = phrase
        .iter()
        .map(String::as_str)
        .filter(|term| !term.is_empty())
        .collect();
    format!("={}", words.join(" "))
}

/// The terms of a phrase as the index sees them, with `""` for skipped positions.
pub(crate) fn phrase_terms(analyzer: &mut Analyzer, text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut first = None;
    analyzer.run(text, 0, &mut |term| {
        if !matches!(term.kind, Kind::Word | Kind::Part) {
            return;
        }
        let start = *first.get_or_insert(term.position);
        let offset = (term.position - start) as usize;
        if offset < MAX_PHRASE_TERMS * 2 {
            out.resize(offset, String::new());
            out.push(term.text.to_owned());
        }
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_groups_and_skips_comments() {
        let (synonyms, errors) = Synonyms::parse(
            "# aliases\n\nvm = virtual machine\naad = Azure Active Directory = Entra ID\n",
        );
        assert!(errors.is_empty(), "{errors:?}");
        let phrases = synonyms.phrases();
        assert_eq!(phrases.len(), 5);
        assert_eq!(phrases[0], (vec!["vm".to_string()], "=vm".to_string()));
        assert_eq!(
            phrases[1],
            (
                vec!["virtual".to_string(), "machin".to_string()],
                "=vm".to_string()
            )
        );
        assert_eq!(phrases[4].0, vec!["entra".to_string(), "id".to_string()]);
        assert_eq!(phrases[4].1, "=aad");
    }

    #[test]
    fn stop_words_inside_a_phrase_keep_their_place() {
        let (synonyms, _) = Synonyms::parse("p2s = point to site");
        assert_eq!(synonyms.phrases()[1].0, ["point", "", "site"]);
    }

    #[test]
    fn errors_carry_line_numbers() {
        let text =
            "vm = virtual machine\nno equals here\n = lonely\nthe = of\nVM = vms\ndisk = disk\n";
        let (synonyms, errors) = Synonyms::parse(text);
        let lines: Vec<usize> = errors.iter().map(|error| error.line).collect();
        assert_eq!(lines, [2, 3, 4, 4, 5, 6], "{errors:#?}");
        assert!(errors[0].message.contains("expected `=`"));
        assert!(errors[1].message.contains("empty"));
        assert!(errors[2].message.contains("`the` has no word"));
        assert!(
            errors[4].message.contains("line 1"),
            "{}",
            errors[4].message
        );
        assert!(errors[5].message.contains("one phrase only"));
        assert_eq!(synonyms.phrases().len(), 2);
    }
}
