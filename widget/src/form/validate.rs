//! Validation of one field's answer: required, number and date formats, and the rules a
//! form sets (RegExMatch, GreaterThan, MaxLength). Pure: regular expressions are tested
//! through a [`Matcher`] the caller supplies (the browser's `RegExp` in the widget).

use selfhelp_bundle::{ControlType, Field, Validation};

use crate::form::answers::is_display_only;

/// Tests `text` against a pattern; `None` when the pattern is not a valid expression,
/// so a broken rule in content is skipped rather than blocking every answer.
pub type Matcher = fn(pattern: &str, text: &str) -> Option<bool>;

/// The first problem with a field's answer, worded for the person filling the form.
/// `values` are the answers that count ([`crate::form::Answers::effective`]).
pub fn field_error(field: &Field, values: &[String], matcher: Matcher) -> Option<String> {
    if is_display_only(field) {
        return None;
    }
    let subject = subject(field);
    if values.is_empty() {
        return field.required.then(|| required_message(field, &subject));
    }
    for value in values {
        if let Some(message) = format_error(field, value, &subject) {
            return Some(message);
        }
        for rule in &field.validations {
            if let Some(message) = rule_error(field, rule, value, &subject, matcher) {
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

/// The question as quoted in messages.
fn subject(field: &Field) -> String {
    let label = field.label.trim();
    if label.is_empty() {
        "this question".to_string()
    } else {
        format!("“{label}”")
    }
}

fn required_message(field: &Field, subject: &str) -> String {
    match field.control {
        ControlType::Dropdown | ControlType::RadioButtonGroup => {
            format!("Choose an option for {subject}.")
        }
        ControlType::MultiSelectDropdown => format!("Choose at least one option for {subject}."),
        ControlType::DateTimePicker => format!("Enter a date and time for {subject}."),
        _ => capitalise(&format!("{subject} needs an answer.")),
    }
}

fn format_error(field: &Field, value: &str, subject: &str) -> Option<String> {
    match field.control {
        ControlType::NumericTextBox if parse_number(value).is_none() => {
            Some(capitalise(&format!("{subject} must be a number, like 25.")))
        }
        ControlType::DateTimePicker if parse_date_time(value).is_none() => Some(capitalise(
            &format!("{subject} must be a date and time, like 2024-05-31 14:30."),
        )),
        _ => None,
    }
}

fn rule_error(
    field: &Field,
    rule: &Validation,
    value: &str,
    subject: &str,
    matcher: Matcher,
) -> Option<String> {
    let (failed, message, default) = match rule {
        Validation::RegexMatch { pattern, message } => {
            // An empty pattern says nothing; a broken one is skipped (see `Matcher`).
            let failed = !pattern.is_empty() && matcher(pattern, value) == Some(false);
            (
                failed,
                message,
                format!("{subject} is not in the expected format."),
            )
        }
        Validation::MaxLength { length, message } => (
            value.chars().count() > *length as usize,
            message,
            format!("{subject} must be {length} characters or fewer."),
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
                    format!("{subject} must be after {}.", limit.trim()),
                )
            } else {
                let failed = parse_number(limit)
                    .is_some_and(|limit| parse_number(value).is_none_or(|value| value <= limit));
                let default = format!("{subject} must be a number greater than {}.", limit.trim());
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
fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A plain decimal number (`12`, `-3.5`, `.5`); not `1e3`, `inf` or `0x10`, which Rust
/// would accept but people do not mean.
pub fn parse_number(text: &str) -> Option<f64> {
    let text = text.trim();
    let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let all_digits = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
    let plain =
        !(whole.is_empty() && fraction.is_empty()) && all_digits(whole) && all_digits(fraction);
    if plain {
        text.parse().ok()
    } else {
        None
    }
}

/// A date and time as comparable parts `[year, month, day, hour, minute, second]`, from
/// `YYYY-MM-DD`, optionally followed by `T` or a space and `HH:MM[:SS[.fff]]` (what
/// `<input type="datetime-local">` gives).
pub fn parse_date_time(text: &str) -> Option<[u32; 6]> {
    let text = text.trim();
    let (date, time) = match text.split_once(['T', ' ']) {
        Some((date, time)) => (date, Some(time)),
        None => (text, None),
    };
    let mut date_parts = date.split('-');
    let year = fixed_digits(date_parts.next()?, 4)?;
    let month = fixed_digits(date_parts.next()?, 2)?;
    let day = fixed_digits(date_parts.next()?, 2)?;
    if date_parts.next().is_some() || !(1..=12).contains(&month) {
        return None;
    }
    if day == 0 || day > days_in_month(year, month) {
        return None;
    }
    let [hour, minute, second] = match time {
        None => [0, 0, 0],
        Some(time) => {
            let time = time.split_once('.').map_or(time, |(whole, _)| whole);
            let mut parts = time.split(':');
            let hour = fixed_digits(parts.next()?, 2)?;
            let minute = fixed_digits(parts.next()?, 2)?;
            let second = parts.next().map_or(Some(0), |s| fixed_digits(s, 2))?;
            if parts.next().is_some() || hour > 23 || minute > 59 || second > 59 {
                return None;
            }
            [hour, minute, second]
        }
    };
    Some([year, month, day, hour, minute, second])
}

fn fixed_digits(text: &str, len: usize) -> Option<u32> {
    (text.len() == len && text.bytes().all(|b| b.is_ascii_digit()))
        .then(|| text.parse().ok())
        .flatten()
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
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
        field_error(field, &values, matcher)
    }

    fn with(control: ControlType, rules: Vec<Validation>) -> Field {
        let mut field = field("f", control);
        field.label = "Affected users".into();
        field.validations = rules;
        field
    }

    #[test]
    fn required_fields_need_an_answer_and_optional_ones_do_not() {
        let mut text = with(ControlType::TextBox, Vec::new());
        assert_eq!(error(&text, ""), None);
        text.required = true;
        assert_eq!(
            error(&text, "").as_deref(),
            Some("“Affected users” needs an answer.")
        );
        assert_eq!(error(&text, "x"), None);
        let mut pick = with(ControlType::Dropdown, Vec::new());
        pick.required = true;
        assert_eq!(
            error(&pick, "").as_deref(),
            Some("Choose an option for “Affected users”.")
        );
        let mut many = with(ControlType::MultiSelectDropdown, Vec::new());
        many.required = true;
        assert!(error(&many, "").unwrap().starts_with("Choose at least one"));
        let mut unlabelled = field("x", ControlType::TextBox);
        unlabelled.required = true;
        assert_eq!(
            error(&unlabelled, "").as_deref(),
            Some("This question needs an answer.")
        );
        let mut info = field("i", ControlType::InfoBlock);
        info.required = true;
        assert_eq!(error(&info, ""), None);
    }

    #[test]
    fn numbers_and_greater_than() {
        let rule = Validation::GreaterThan {
            value: "0".into(),
            message: String::new(),
        };
        let number = with(ControlType::NumericTextBox, vec![rule]);
        assert_eq!(error(&number, "12"), None);
        assert_eq!(error(&number, " 1.5 "), None);
        assert_eq!(
            error(&number, "twelve").as_deref(),
            Some("“Affected users” must be a number, like 25.")
        );
        assert_eq!(
            error(&number, "0").as_deref(),
            Some("“Affected users” must be a number greater than 0.")
        );
        assert!(error(&number, "-4").is_some());
        for text in ["1e3", "inf", "NaN", ".", "-", "1.2.3", "0x10"] {
            assert_eq!(parse_number(text), None, "{text}");
        }
        assert_eq!(parse_number("-.5"), Some(-0.5));
        // A limit that is not a number is skipped rather than failing every answer.
        let odd = with(
            ControlType::TextBox,
            vec![Validation::GreaterThan {
                value: "current_limit".into(),
                message: "Too small".into(),
            }],
        );
        assert_eq!(error(&odd, "3"), None);
        // On a text box, a number limit still needs a number greater than it.
        let text = with(
            ControlType::TextBox,
            vec![Validation::GreaterThan {
                value: "200".into(),
                message: "Ask for more than 200".into(),
            }],
        );
        assert_eq!(
            error(&text, "lots").as_deref(),
            Some("Ask for more than 200")
        );
        assert_eq!(error(&text, "201"), None);
    }

    #[test]
    fn dates_and_greater_than_on_a_date_picker() {
        let rule = Validation::GreaterThan {
            value: "2020-01-01".into(),
            message: String::new(),
        };
        let date = with(ControlType::DateTimePicker, vec![rule]);
        assert_eq!(error(&date, "2024-02-29T10:30"), None);
        assert_eq!(
            error(&date, "2019-12-31T23:59").as_deref(),
            Some("“Affected users” must be after 2020-01-01.")
        );
        assert!(error(&date, "2023-02-29T10:30")
            .unwrap()
            .contains("date and time"));
        assert!(error(&date, "yesterday").is_some());
        assert_eq!(
            parse_date_time("2024-05-31 14:30:15.250"),
            Some([2024, 5, 31, 14, 30, 15])
        );
        for text in [
            "2024-13-01",
            "2024-04-31",
            "2024-1-01",
            "2024-05-31T24:00",
            "2024-05-31T",
        ] {
            assert_eq!(parse_date_time(text), None, "{text}");
        }
    }

    #[test]
    fn max_length_counts_characters() {
        let rule = Validation::MaxLength {
            length: 5,
            message: String::new(),
        };
        let text = with(ControlType::MultiLineTextBox, vec![rule]);
        assert_eq!(max_length(&text), Some(5));
        assert_eq!(max_length(&with(ControlType::TextBox, Vec::new())), None);
        assert_eq!(error(&text, "ünïcö"), None);
        assert_eq!(
            error(&text, "abcdef").as_deref(),
            Some("“Affected users” must be 5 characters or fewer.")
        );
    }

    #[test]
    fn regex_rules_use_the_matcher_and_skip_broken_patterns() {
        let rule = |pattern: &str, message: &str| Validation::RegexMatch {
            pattern: pattern.into(),
            message: message.into(),
        };
        let upn = with(
            ControlType::TextBox,
            vec![rule("@", "Enter a UPN like a@b.com")],
        );
        assert_eq!(error(&upn, "a@b.com"), None);
        assert_eq!(
            error(&upn, "ab").as_deref(),
            Some("Enter a UPN like a@b.com")
        );
        let broken = with(ControlType::TextBox, vec![rule("(", "never shown")]);
        assert_eq!(error(&broken, "anything"), None);
        let unnamed = with(ControlType::TextBox, vec![rule("@", "")]);
        assert!(error(&unnamed, "x")
            .unwrap()
            .ends_with("is not in the expected format."));
    }

    #[test]
    fn the_first_failing_rule_wins_and_formats_come_first() {
        let rules = vec![
            Validation::MaxLength {
                length: 2,
                message: "Too long".into(),
            },
            Validation::GreaterThan {
                value: "5".into(),
                message: "Too small".into(),
            },
        ];
        let number = with(ControlType::NumericTextBox, rules);
        assert_eq!(error(&number, "123").as_deref(), Some("Too long"));
        assert_eq!(error(&number, "3").as_deref(), Some("Too small"));
        assert!(error(&number, "x").unwrap().contains("must be a number"));
    }
}
