//! Problem-scoping forms as pure logic: answers and conditions, validation, the form
//! reducer and the handoff text. Components in `components/form/` render this state.

pub mod answers;
pub mod export;
pub mod form_state;
pub mod submission;
pub mod validate;
pub mod values;

pub use answers::{Answers, OTHER};
pub use form_state::{Action, FormState};
pub use submission::{Submission, SubmittedAnswer};
pub use validate::Matcher;

use selfhelp_bundle::{Article, ChoiceOption, ControlType, Field};

/// The element id of a field's input (the first input of a group): `sh-field-<id>`.
/// Characters an id attribute or a `#fragment` cannot hold plainly become `_XX`.
pub fn dom_id(field_id: &str) -> String {
    let mut out = String::from("sh-field-");
    for c in field_id.chars() {
        if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
            out.push(c);
        } else {
            out.push_str(&format!("_{:X}", c as u32));
        }
    }
    out
}

/// The `sessionStorage` key of an article's answers; the content hash keeps answers
/// to an older version of the form from filling a newer one.
pub fn storage_key(article: &Article) -> String {
    format!(
        "selfhelp:form:{}:{}",
        article.meta.article_id, article.content_hash
    )
}

/// The options a choice control offers. Dynamic dropdowns get their options from a
/// service in the original platform; until a host supplies them, their defaults are
/// offered, followed by "Other" (see [`OTHER`]).
pub fn options_for(field: &Field) -> Vec<ChoiceOption> {
    let mut options = field.options.clone();
    // Only a dropdown has a place for the typed text.
    if field.dynamic_options.is_some() && field.control == ControlType::Dropdown {
        options.push(ChoiceOption {
            value: OTHER.to_string(),
            text: "Other".to_string(),
        });
    }
    options
}

#[cfg(test)]
pub(crate) mod tests {
    use selfhelp_bundle::{ArticleBody, Form, Metadata};

    use super::*;

    pub fn field(id: &str, control: ControlType) -> Field {
        Field::new(id, control)
    }

    /// A stand-in for the browser's `RegExp`: the pattern is a substring to find, and
    /// `(` is "not a valid expression".
    pub fn matcher(pattern: &str, text: &str) -> Option<bool> {
        (pattern != "(").then(|| text.contains(pattern))
    }

    fn article(id: &str, topics: &[&str], body: ArticleBody) -> Article {
        Article {
            meta: Metadata {
                article_id: id.to_string(),
                support_topic_ids: topics.iter().map(|t| t.to_string()).collect(),
                ..Metadata::default()
            },
            content_hash: "abc".into(),
            source: String::new(),
            title: Vec::new(),
            body,
            further_reading: Vec::new(),
        }
    }

    #[test]
    fn dom_ids_are_safe_in_attributes_and_fragments() {
        assert_eq!(dom_id("affected_users-2"), "sh-field-affected_users-2");
        assert_eq!(dom_id("a b.c/é"), "sh-field-a_20b_2Ec_2F_E9");
    }

    #[test]
    fn dynamic_dropdowns_offer_other() {
        let mut dropdown = field("d", ControlType::Dropdown);
        dropdown.options = vec![ChoiceOption {
            value: "x".into(),
            text: "X".into(),
        }];
        assert_eq!(options_for(&dropdown).len(), 1);
        dropdown.dynamic_options = Some("{}".into());
        let options = options_for(&dropdown);
        assert_eq!(options[1].value, OTHER);
        assert_eq!(options[1].text, "Other");
        dropdown.control = ControlType::MultiSelectDropdown;
        assert_eq!(options_for(&dropdown).len(), 1);
    }

    #[test]
    fn answers_are_stored_per_article_version() {
        let form = article("scoping", &["1"], ArticleBody::Form(Form::default()));
        assert_eq!(storage_key(&form), "selfhelp:form:scoping:abc");
    }
}
