//! Symptom and sentence queries: an article's problem told the way a visitor tells it.
//!
//! The problem comes from what the article says of it (its description, a scenario a
//! reader picks, a cause), reworded with everyday words for what articles say formally
//! (`unable to` → `cant`, `fails` → `not working`, `virtual machine` → `vm`). The
//! rewordings are ours, written from how support tickets read, not taken from the
//! synonyms file the product uses, so the product gets no help it was tuned for.

use selfhelp_search::analysis::is_stop_word;
use selfhelp_search::Field;

use super::corpus::{first_sentence, words, Corpus, Rng};
use super::queries::{Category, Query};

/// A formal word (or two) and what a visitor says instead; several choices are taken in
/// turn, `""` drops the word.
const EVERYDAY: &[(&str, &[&str])] = &[
    ("virtual machine", &["vm"]),
    ("unable to", &["cant"]),
    ("virtual machines", &["vms"]),
    ("sign in", &["login"]),
    ("unable", &["cant"]),
    ("cannot", &["cant"]),
    ("failed", &["not working", "broken"]),
    ("fails", &["not working", "doesnt work"]),
    ("failing", &["not working"]),
    ("failure", &["not working", "broken"]),
    ("failures", &["not working"]),
    ("connectivity", &["connect"]),
    ("connection", &["connect"]),
    ("performance", &["slow"]),
    ("latency", &["slow", "lag"]),
    ("authentication", &["login"]),
    ("configure", &["setup", "set up"]),
    ("configuring", &["setting up"]),
    ("configuration", &["setup", "settings"]),
    ("unavailable", &["down"]),
    ("outage", &["down"]),
    ("insufficient", &["not enough"]),
    ("exceeded", &["over"]),
    ("issue", &[""]),
    ("issues", &[""]),
    ("problem", &[""]),
    ("problems", &[""]),
    ("related", &[""]),
    ("troubleshoot", &[""]),
    ("azure", &[""]),
    ("microsoft", &[""]),
];

/// How passages that are not a problem begin: steps to take and scoping forms' notes.
const NOT_A_PROBLEM: &[&str] = &[
    "check",
    "verify",
    "ensure",
    "confirm",
    "collect",
    "please",
    "scoping question",
];
/// Openers that say nothing a visitor would: cut off the front of a problem.
const OPENERS: &[&str] = &[
    "problems related to ",
    "issues related to ",
    "tsg summary: ",
];

/// How a sentence wraps the problem; `{}` is the problem.
const SENTENCES: &[&str] = &[
    "hi, {} and i dont know what to do",
    "since this morning {}, how do i fix it?",
    "we are seeing {} in production, please help",
    "can someone explain why {}",
    "{}. what should i check first?",
    "i keep getting this: {}",
];

/// Three to five everyday words of the problem.
pub fn symptom(corpus: &Corpus, doc: usize, rng: &mut Rng) -> Option<Query> {
    let expected = corpus.same_title(doc)?;
    let problem = problem(corpus, doc, rng, false)?;
    let mut said: Vec<String> = Vec::new();
    for word in everyday(&problem, rng) {
        let useful = (word.len() >= 2 && !is_stop_word(&word)) || word == "not";
        if useful && (word == "not" || !said.contains(&word)) {
            said.push(word);
        }
    }
    let n = 3 + rng.below(3);
    let said: Vec<String> = said.into_iter().take(n).collect();
    if said.iter().filter(|w| *w != "not").count() < 3 {
        return None;
    }
    Some(Query {
        category: Category::Symptom,
        text: said.join(" "),
        expected,
    })
}

/// A whole sentence around the problem, or around the title.
pub fn sentence(corpus: &Corpus, doc: usize, rng: &mut Rng) -> Option<Query> {
    let expected = corpus.same_title(doc)?;
    let problem = problem(corpus, doc, rng, true)?;
    let mut said = everyday(&problem, rng);
    said.retain(|w| !w.is_empty());
    said.truncate(14);
    if said.len() < 3 {
        return None;
    }
    let template = rng.pick(SENTENCES)?;
    Some(Query {
        category: Category::Sentence,
        text: template.replace("{}", &said.join(" ")),
        expected,
    })
}

/// The first sentence of a passage that says what the problem is: the description, a
/// scenario or a cause (or, for sentences, the title), one picked at random among those
/// of a useful length.
fn problem(corpus: &Corpus, doc: usize, rng: &mut Rng, title_too: bool) -> Option<String> {
    let document = corpus.docs.get(doc)?;
    let mut candidates: Vec<String> = document
        .passages
        .iter()
        .filter(|p| matches!(p.field, Field::Description | Field::Scenario | Field::Cause))
        .map(|p| first_sentence(&p.text))
        .filter(|text| {
            let n = words(text).len();
            let lower = text.to_lowercase();
            let step = NOT_A_PROBLEM.iter().any(|s| lower.starts_with(s));
            (4..=25).contains(&n) && !step && corpus.specific(text)
        })
        .collect();
    let title = &document.title;
    if title_too && words(title).len() >= 4 && corpus.key_words(title, 2).len() == 2 {
        candidates.push(title.clone());
    }
    candidates.dedup();
    let problem = rng.pick(&candidates)?;
    let lower = problem.to_lowercase();
    let cut = OPENERS
        .iter()
        .find(|o| lower.starts_with(*o))
        .map_or(0, |o| o.len());
    Some(problem.get(cut..).unwrap_or(problem).to_string())
}

/// The text's words, lowercased, with formal words said the everyday way.
fn everyday(text: &str, rng: &mut Rng) -> Vec<String> {
    let words = words(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let two = words.get(i + 1).map(|next| format!("{} {next}", words[i]));
        let found = EVERYDAY.iter().find_map(|(formal, said)| {
            if two.as_deref() == Some(*formal) {
                Some((2, *said))
            } else if words[i] == *formal {
                Some((1, *said))
            } else {
                None
            }
        });
        match found {
            Some((used, said)) => {
                let choice = rng.pick(said).copied().unwrap_or("");
                out.extend(choice.split_whitespace().map(str::to_string));
                i += used;
            }
            None => {
                out.push(words[i].clone());
                i += 1;
            }
        }
    }
    out
}
