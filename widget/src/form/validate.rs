//! Validation of one field's answer: required, number and date formats, and the rules a
//! form sets (RegExMatch, GreaterThan, MaxLength). Pure: regular expressions are tested
//! through a [`Matcher`] the caller supplies (the browser's `RegExp` in the widget).

use selfhelp_bundle::{ControlType, Field, Validation};

use crate::form::answers::is_display_only;
use crate::form::values::{parse_date_time, parse_number};
use crate::i18n::{fill, Strings};

/// Tests `text` against a pattern; `None` when the pattern is not a valid expression,
/// so a broken rule in content is skipped rather than blocking every answer.
pub type Matcher = fn(pattern: &str, text: &str) -> Option<bool>;

/// The first problem with a field's answer, worded for the person filling the form.
/// `values` are the answers that count ([`crate::form::Answers::effective`]).
pub fn field_error(
    field: &Field,
    values: &[String],
    matcher: Matcher,
    strings: &Strings,
) -> Option<String> {
    if is_display_only(field) {
        return None;
    }
    let subject = strings.quoted(&field.label);
    if values.is_empty() {
        return field
            .required
            .then(|| required_message(field, &subject, strings));
    }
    for value in values {
        if let Some(message) = format_error(field, value, &subject, strings) {
            return Some(message);
        }
        for rule in &field.validations {
            if let Some(message) = rule_error(field, rule, value, &subject, matcher, strings) {
                return Some(message);
            }
        }
    }
    None
}

/// The smallest `MaxLength` of a field, for its live counter.
pub fn max_length(field: &Field) -> Option<u32> {
    field
        .validations
        .iter()
        .filter_map(|rule| match rule {
            Validation::MaxLength { length, .. } => Some(*length),
            _ => None,
        })
        .min()
}

fn required_message(field: &Field, subject: &str, strings: &Strings) -> String {
    let template = match field.control {
        ControlType::Dropdown | ControlType::RadioButtonGroup => strings.must_choose,
        ControlType::MultiSelectDropdown => strings.must_choose_some,
        ControlType::DateTimePicker => strings.must_date,
        _ => strings.must_answer,
    };
    capitalise(&fill(template, &[subject]))
}

fn format_error(field: &Field, value: &str, subject: &str, strings: &Strings) -> Option<String> {
    let template = match field.control {
        ControlType::NumericTextBox if parse_number(value).is_none() => strings.must_number,
        ControlType::DateTimePicker if parse_date_time(value).is_none() => strings.must_date_format,
        _ => return None,
    };
    Some(capitalise(&fill(template, &[subject])))
}

fn rule_error(
    field: &Field,
    rule: &Validation,
    value: &str,
    subject: &str,
    matcher: Matcher,
    strings: &Strings,
) -> Option<String> {
    let (failed, message, default) = match rule {
        Validation::RegexMatch { pattern, message } => {
            // An empty pattern says nothing; a broken one is skipped (see `Matcher`).
            let failed = !pattern.is_empty() && matcher(pattern, value) == Some(false);
            (failed, message, fill(strings.bad_format, &[subject]))
        }
        Validation::MaxLength { length, message } => (
            value.chars().count() > *length as usize,
            message,
            fill(strings.too_long, &[subject, &length.to_string()]),
        ),
        Validation::GreaterThan {
            value: limit,
            message,
        } => {
            if field.control == ControlType::DateTimePicker {
                // A limit that is not a date (such as another field's id) is skipped.
                let failed = parse_date_time(limit)
                    .zip(parse_date_time(value))
                    .is_some_and(|(limit, value)| value <= limit);
                (
                    failed,
                    message,
                    fill(strings.too_early, &[subject, limit.trim()]),
                )
            } else {
                let failed = parse_number(limit)
                    .is_some_and(|limit| parse_number(value).is_none_or(|value| value <= limit));
                let default = fill(strings.too_small, &[subject, limit.trim()]);
                (failed, message, default)
            }
        }
    };
    failed.then(|| {
        if message.trim().is_empty() {
            capitalise(&default)
        } else {
            message.trim().to_string()
        }
    })
}

/// Messages may start with the quoted question or "this question".
/// ASCII only: they start with `“` or `this`, and Unicode case tables would add
/// kilobytes to the wasm for nothing.
fn capitalise(text: &str) -> String {
    let mut out = text.to_string();
    if let Some(first) = out.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::tests::{field, matcher};

    fn error(field: &Field, value: &str) -> Option<String> {
        let values: Vec<String> = [value]
            .into_iter()
            .filter(|v| !v.is_empty())
            .map(String::from)
            .collect();
        field_error(field, &values, matcher, &crate::i18n::EN)
    }

    fn with(control: ControlType, rules: Vec<Validation>) -> Field {
        let mut field = field("f", control);
        field.label = "Affected users".into();
        field.validations = rules;
        field
    }

    fn greater(value: &str, message: &str) -> Validation {
        Validation::GreaterThan {
            value: value.into(),
            message: message.into(),
        }
    }

    fn longest(length: u32, message: &str) -> Validation {
        Validation::MaxLength {
            length,
            message: message.into(),
        }
    }

    fn pattern(pattern: &str, message: &str) -> Validation {
        Validation::RegexMatch {
            pattern: pattern.into(),
            message: message.into(),
        }
    }

    #[test]
    fn required_fields_need_an_answer_and_optional_ones_do_not() {
        let mut text = with(ControlType::TextBox, Vec::new());
        assert_eq!(error(&text, ""), None);
        text.required = true;
        let expected = "“Affected users” needs an answer.";
        assert_eq!(error(&text, "").as_deref(), Some(expected));
        assert_eq!(error(&text, "x"), None);
        let mut pick = with(ControlType::Dropdown, Vec::new());
        pick.required = true;
        let expected = "Choose an option for “Affected users”.";
        assert_eq!(error(&pick, "").as_deref(), Some(expected));
        let mut many = with(ControlType::MultiSelectDropdown, Vec::new());
        many.required = true;
        assert!(error(&many, "").unwrap().starts_with("Choose at least one"));
        let mut unlabelled = field("x", ControlType::TextBox);
        unlabelled.required = true;
        let expected = "This question needs an answer.";
        assert_eq!(error(&unlabelled, "").as_deref(), Some(expected));
        let mut info = field("i", ControlType::InfoBlock);
        info.required = true;
        assert_eq!(error(&info, ""), None);
    }

    #[test]
    fn numbers_and_greater_than() {
        let number = with(ControlType::NumericTextBox, vec![greater("0", "")]);
        assert_eq!(error(&number, "12"), None);
        assert_eq!(error(&number, " 1.5 "), None);
        let expected = "“Affected users” must be a number, like 25.";
        assert_eq!(error(&number, "twelve").as_deref(), Some(expected));
        let expected = "“Affected users” must be a number greater than 0.";
        assert_eq!(error(&number, "0").as_deref(), Some(expected));
        assert!(error(&number, "-4").is_some());
        // A limit that is not a number is skipped rather than failing every answer.
        let odd = with(ControlType::TextBox, vec![greater("current_limit", "Low")]);
        assert_eq!(error(&odd, "3"), None);
        // On a text box, a number limit still needs a number greater than it.
        let text = with(ControlType::TextBox, vec![greater("200", "Over 200")]);
        assert_eq!(error(&text, "lots").as_deref(), Some("Over 200"));
        assert_eq!(error(&text, "201"), None);
    }

    #[test]
    fn dates_and_greater_than_on_a_date_picker() {
        let date = with(ControlType::DateTimePicker, vec![greater("2020-01-01", "")]);
        assert_eq!(error(&date, "2024-02-29T10:30"), None);
        let expected = "“Affected users” must be after 2020-01-01.";
        assert_eq!(error(&date, "2019-12-31T23:59").as_deref(), Some(expected));
        let bad = error(&date, "2023-02-29T10:30").unwrap();
        assert!(bad.contains("date and time"), "{bad}");
        assert!(error(&date, "yesterday").is_some());
    }

    #[test]
    fn max_length_counts_characters() {
        let text = with(ControlType::MultiLineTextBox, vec![longest(5, "")]);
        assert_eq!(max_length(&text), Some(5));
        assert_eq!(max_length(&with(ControlType::TextBox, Vec::new())), None);
        assert_eq!(error(&text, "ünïcö"), None);
        let expected = "“Affected users” must be 5 characters or fewer.";
        assert_eq!(error(&text, "abcdef").as_deref(), Some(expected));
    }

    #[test]
    fn regex_rules_use_the_matcher_and_skip_broken_patterns() {
        let upn = with(ControlType::TextBox, vec![pattern("@", "Enter a UPN")]);
        assert_eq!(error(&upn, "a@b.com"), None);
        assert_eq!(error(&upn, "ab").as_deref(), Some("Enter a UPN"));
        let broken = with(ControlType::TextBox, vec![pattern("(", "never shown")]);
        assert_eq!(error(&broken, "anything"), None);
        let unnamed = with(ControlType::TextBox, vec![pattern("@", "")]);
        let message = error(&unnamed, "x").unwrap();
        assert!(
            message.ends_with("is not in the expected format."),
            "{message}"
        );
    }

    #[test]
    fn the_first_failing_rule_wins_and_formats_come_first() {
        let rules = vec![longest(2, "Too long"), greater("5", "Too small")];
        let number = with(ControlType::NumericTextBox, rules);
        assert_eq!(error(&number, "123").as_deref(), Some("Too long"));
        assert_eq!(error(&number, "3").as_deref(), Some("Too small"));
        assert!(error(&number, "x").unwrap().contains("must be a number"));
    }
}
