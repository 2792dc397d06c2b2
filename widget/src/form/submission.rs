//! The handoff: the shown questions of a submitted form with their answers, as people
//! read them; [`super::export`] turns it into JSON and a `mailto:` link.

use selfhelp_bundle::{ControlType, Field, Form};

use crate::form::answers::{is_display_only, visibility, Answers};

/// What the summary shows for a question left empty.
pub const NOT_ANSWERED: &str = "Not answered";

/// One shown question and its answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubmittedAnswer {
    pub id: String,
    pub label: String,
    /// The raw value(s): option values, joined with ", " for a multi-select.
    pub value: String,
    /// What people read: option texts, or [`NOT_ANSWERED`].
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Submission {
    pub article_id: String,
    pub title: String,
    pub answers: Vec<SubmittedAnswer>,
}

impl Submission {
    /// The shown questions that take an answer, in form order; hidden ones are left out.
    pub fn new(article_id: &str, title: &str, form: &Form, answers: &Answers) -> Submission {
        let answers = form
            .fields
            .iter()
            .zip(visibility(form, answers))
            .filter(|(field, shown)| *shown && !is_display_only(field))
            .map(|(field, _)| {
                let values = answers.effective(&field.id);
                let value = values
                    .iter()
                    .map(|v| v.trim())
                    .collect::<Vec<_>>()
                    .join(", ");
                let text = if values.is_empty() {
                    NOT_ANSWERED.to_string()
                } else {
                    values
                        .iter()
                        .map(|v| display_value(field, v))
                        .collect::<Vec<_>>()
                        .join(", ")
                };
                SubmittedAnswer {
                    id: field.id.clone(),
                    label: question(field),
                    value,
                    text,
                }
            })
            .collect();
        Submission {
            article_id: article_id.to_string(),
            title: title.to_string(),
            answers,
        }
    }

    /// The summary as plain text: the title, then each question and its answer.
    pub fn to_text(&self) -> String {
        let mut out = format!(
            "{}\n{}\n",
            self.title,
            "=".repeat(self.title.chars().count())
        );
        for answer in &self.answers {
            out.push_str(&format!("\n{}\n{}\n", answer.label, answer.text));
        }
        out
    }

    /// A file name from the title: `password-hash-sync.txt`.
    pub fn file_name(&self, extension: &str) -> String {
        let mut slug = String::new();
        // ASCII only: Unicode case tables would cost kilobytes of wasm for a file name.
        for c in self.title.chars() {
            if c.is_ascii_alphanumeric() {
                slug.push(c.to_ascii_lowercase());
            } else if !slug.is_empty() && !slug.ends_with('-') {
                slug.push('-');
            }
        }
        let slug = slug.trim_end_matches('-');
        let slug = if slug.is_empty() {
            "problem-description"
        } else {
            slug
        };
        format!("{slug}.{extension}")
    }
}

/// The question as people read it; the id stands in for a missing label.
pub fn question(field: &Field) -> String {
    let label = field.label.trim();
    if label.is_empty() {
        field.id.clone()
    } else {
        label.to_string()
    }
}

/// An option's text for its value, a readable date, or the text as typed.
pub fn display_value(field: &Field, value: &str) -> String {
    let value = value.trim();
    match field.control {
        ControlType::Dropdown
        | ControlType::RadioButtonGroup
        | ControlType::MultiSelectDropdown => field
            .options
            .iter()
            .find(|option| option.value == value)
            .map(|option| option.text.trim())
            .filter(|text| !text.is_empty())
            .unwrap_or(value)
            .to_string(),
        ControlType::DateTimePicker => value.replacen('T', " ", 1),
        _ => value.to_string(),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use selfhelp_bundle::visibility::parse;
    use selfhelp_bundle::ChoiceOption;

    use super::*;
    use crate::form::answers::OTHER;
    use crate::form::tests::field;

    fn option(value: &str, text: &str) -> ChoiceOption {
        ChoiceOption {
            value: value.into(),
            text: text.into(),
        }
    }

    pub fn form() -> Form {
        let mut users = field("users", ControlType::Dropdown);
        users.label = "Which users?".into();
        users.options = vec![option("all", "All users"), option("one", "One user")];
        users.dynamic_options = Some("{}".into());
        let mut upn = field("upn", ControlType::TextBox);
        upn.label = "UPN".into();
        upn.visibility = parse("users == one").unwrap().condition;
        let mut tried = field("tried", ControlType::MultiSelectDropdown);
        tried.label = "Tried".into();
        tried.options = vec![option("a", "Restart"), option("b", "Full sync")];
        let mut when = field("when", ControlType::DateTimePicker);
        when.label = "Since when?".into();
        let info = field("note", ControlType::InfoBlock);
        Form {
            title: "T".into(),
            fields: vec![users, upn, tried, when, info],
            settings: Default::default(),
        }
    }

    pub fn submission(answers: &Answers) -> Submission {
        Submission::new("id-1", "Sync \"broken\"", &form(), answers)
    }

    #[test]
    fn shown_questions_with_texts_and_hidden_values_left_out() {
        let mut answers = Answers::default();
        answers.set("users", vec!["all".into()]);
        answers.set("upn", vec!["hidden@example.com".into()]);
        answers.toggle("tried", "b", true);
        answers.toggle("tried", "a", true);
        answers.set("when", vec!["2024-05-01T10:30".into()]);
        let s = submission(&answers);
        let rows: Vec<(&str, &str, &str)> = s
            .answers
            .iter()
            .map(|a| (a.id.as_str(), a.value.as_str(), a.text.as_str()))
            .collect();
        assert_eq!(
            rows,
            [
                ("users", "all", "All users"),
                ("tried", "b, a", "Full sync, Restart"),
                ("when", "2024-05-01T10:30", "2024-05-01 10:30"),
            ]
        );
        answers.set("users", vec!["one".into()]);
        answers.set("tried", Vec::new());
        let s = submission(&answers);
        assert_eq!(s.answers[1].text, "hidden@example.com");
        assert_eq!(s.answers[2].text, NOT_ANSWERED);
        assert_eq!(s.answers[2].value, "");
    }

    #[test]
    fn other_shows_its_typed_text() {
        let mut answers = Answers::default();
        answers.set("users", vec![OTHER.into()]);
        answers.set_other("users", "Guests only".into());
        let s = submission(&answers);
        assert_eq!(
            (s.answers[0].value.as_str(), s.answers[0].text.as_str()),
            ("Guests only", "Guests only")
        );
    }

    #[test]
    fn text() {
        let mut answers = Answers::default();
        answers.set("users", vec!["all".into()]);
        let s = submission(&answers);
        assert_eq!(
            s.to_text(),
            "Sync \"broken\"\n=============\n\nWhich users?\nAll users\n\nTried\nNot answered\n\nSince when?\nNot answered\n"
        );
    }

    #[test]
    fn file_names() {
        let mut s = submission(&Answers::default());
        assert_eq!(s.file_name("txt"), "sync-broken.txt");
        s.title = "  ?? ".into();
        assert_eq!(s.file_name("json"), "problem-description.json");
    }
}
