//! A form's answers: what each field holds, which fields show, and how both survive a reload.

use selfhelp_bundle::{ControlType, Field, Form};

use crate::route::{percent_decode, percent_encode};

/// The value of the "Other" choice that dynamic dropdowns add; its text is typed in.
pub const OTHER: &str = "__sh_other__";

/// Conditions may read fields that are themselves conditional; a few passes settle any
/// chain a form writes, and the cap keeps a self-contradicting form from looping.
const MAX_VISIBILITY_PASSES: usize = 8;

/// The raw answers, by field id, in the order they were first given.
///
/// Lists rather than maps: forms have a few dozen questions at most, and every map
/// type instantiated in the widget costs kilobytes of wasm.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Answers {
    /// One value for single-value controls, any number for a multi-select; never empty.
    values: Vec<(String, Vec<String>)>,
    /// The typed text behind "Other" in dynamic dropdowns; never empty.
    other: Vec<(String, String)>,
}

/// Sets, replaces or (with `None`) removes the entry for `id`, keeping the others' order.
pub fn put<V>(entries: &mut Vec<(String, V)>, id: &str, value: Option<V>) {
    let at = entries.iter().position(|(key, _)| key == id);
    match (at, value) {
        (Some(at), Some(value)) => entries[at].1 = value,
        (None, Some(value)) => entries.push((id.to_string(), value)),
        (Some(at), None) => {
            entries.remove(at);
        }
        (None, None) => {}
    }
}

/// The entry for `id`.
pub fn lookup<'e, V>(entries: &'e [(String, V)], id: &str) -> Option<&'e V> {
    entries
        .iter()
        .find(|(key, _)| key == id)
        .map(|(_, value)| value)
}

impl Answers {
    /// The values as entered: for a dynamic dropdown, possibly [`OTHER`].
    pub fn raw(&self, id: &str) -> &[String] {
        lookup(&self.values, id)
            .map(Vec::as_slice)
            .unwrap_or_default()
    }

    /// The first raw value, or `""`.
    pub fn first(&self, id: &str) -> &str {
        self.raw(id).first().map(String::as_str).unwrap_or_default()
    }

    pub fn other_text(&self, id: &str) -> &str {
        lookup(&self.other, id)
            .map(String::as_str)
            .unwrap_or_default()
    }

    /// Replaces a field's values; empty strings are dropped, so "no value" is one state.
    pub fn set(&mut self, id: &str, values: Vec<String>) {
        let values: Vec<String> = values.into_iter().filter(|v| !v.is_empty()).collect();
        put(&mut self.values, id, (!values.is_empty()).then_some(values));
    }

    /// Checks or unchecks one option of a multi-select.
    pub fn toggle(&mut self, id: &str, value: &str, on: bool) {
        let mut values = self.raw(id).to_vec();
        values.retain(|v| v != value);
        if on {
            values.push(value.to_string());
        }
        self.set(id, values);
    }

    pub fn set_other(&mut self, id: &str, text: String) {
        put(&mut self.other, id, (!text.is_empty()).then_some(text));
    }

    pub fn is_empty(&self) -> bool {
        self.values.is_empty() && self.other.is_empty()
    }

    /// The values that count, for conditions, validation and the summary: "Other"
    /// replaced by its text, blank values left out.
    pub fn effective(&self, id: &str) -> Vec<String> {
        self.raw(id)
            .iter()
            .map(|value| {
                if value == OTHER {
                    self.other_text(id).to_string()
                } else {
                    value.clone()
                }
            })
            .filter(|value| !value.trim().is_empty())
            .collect()
    }

    /// Text for `sessionStorage`: `&`-separated `a.<id>=<value>,<value>` and
    /// `o.<id>=<text>`, every part percent-encoded, so any text round-trips.
    pub fn to_storage(&self) -> String {
        let answers = self.values.iter().map(|(id, values)| {
            let values: Vec<String> = values.iter().map(|v| percent_encode(v)).collect();
            format!("a.{}={}", percent_encode(id), values.join(","))
        });
        let others = self
            .other
            .iter()
            .map(|(id, text)| format!("o.{}={}", percent_encode(id), percent_encode(text)));
        answers.chain(others).collect::<Vec<_>>().join("&")
    }

    /// Reads [`Answers::to_storage`] text; anything unreadable is skipped.
    pub fn from_storage(text: &str) -> Answers {
        let mut answers = Answers::default();
        for entry in text.split('&') {
            let Some((key, value)) = entry.split_once('=') else {
                continue;
            };
            match key.split_once('.') {
                Some(("a", id)) => {
                    let values = value.split(',').map(percent_decode).collect();
                    answers.set(&percent_decode(id), values);
                }
                Some(("o", id)) => answers.set_other(&percent_decode(id), percent_decode(value)),
                _ => {}
            }
        }
        answers
    }
}

/// Whether a control only shows text and takes no answer.
pub fn is_display_only(field: &Field) -> bool {
    matches!(
        field.control,
        ControlType::InfoBlock | ControlType::TextBlock
    )
}

/// Which fields show, in form order. A field's condition reads only the answers of
/// fields that are themselves shown, so hiding a question hides what depends on it.
pub fn visibility(form: &Form, answers: &Answers) -> Vec<bool> {
    let mut shown = vec![true; form.fields.len()];
    for _ in 0..MAX_VISIBILITY_PASSES {
        // A field id counts as hidden only when no field with that id shows.
        let shown_ids: Vec<&str> = form
            .fields
            .iter()
            .zip(&shown)
            .filter(|(_, shown)| **shown)
            .map(|(field, _)| field.id.as_str())
            .collect();
        let read = |id: &str| {
            if shown_ids.contains(&id) {
                answers.effective(id)
            } else {
                Vec::new()
            }
        };
        let next: Vec<bool> = form
            .fields
            .iter()
            .map(|field| field.visibility.eval(&read))
            .collect();
        if next == shown {
            break;
        }
        shown = next;
    }
    shown
}

#[cfg(test)]
mod tests {
    use selfhelp_bundle::visibility::parse;

    use super::*;
    use crate::form::tests::field;

    #[test]
    fn setting_and_toggling() {
        let mut answers = Answers::default();
        answers.set("a", vec!["x".into()]);
        assert_eq!(answers.raw("a"), ["x"]);
        answers.set("a", vec![String::new()]);
        assert!(answers.raw("a").is_empty() && answers.is_empty());
        answers.toggle("m", "1", true);
        answers.toggle("m", "2", true);
        answers.toggle("m", "1", false);
        assert_eq!(answers.raw("m"), ["2"]);
        answers.toggle("m", "2", false);
        assert!(answers.is_empty());
    }

    #[test]
    fn other_is_replaced_by_its_text_and_blanks_do_not_count() {
        let mut answers = Answers::default();
        answers.set("d", vec![OTHER.into()]);
        assert!(answers.effective("d").is_empty());
        answers.set_other("d", "My region".into());
        assert_eq!(answers.effective("d"), ["My region"]);
        answers.set("t", vec!["   ".into()]);
        assert!(answers.effective("t").is_empty());
    }

    #[test]
    fn storage_text_round_trips_any_text() {
        let mut answers = Answers::default();
        answers.set("a b&c", vec!["x=1,2".into(), "ünï\ncode%".into()]);
        answers.set("t", vec!["line 1\nline 2 & more".into()]);
        answers.set("d", vec![OTHER.into()]);
        answers.set_other("d", "a.b=c".into());
        let text = answers.to_storage();
        assert_eq!(Answers::from_storage(&text), answers);
        assert_eq!(Answers::from_storage(""), Answers::default());
        assert_eq!(Answers::from_storage("junk&x.y=z&=&a."), Answers::default());
    }

    #[test]
    fn conditions_read_only_shown_fields() {
        let condition = |text: &str| parse(text).unwrap().condition;
        let mut b = field("b", ControlType::Dropdown);
        b.visibility = condition("a == yes");
        let mut c = field("c", ControlType::TextBox);
        c.visibility = condition("b == on");
        let mut d = field("d", ControlType::TextBox);
        d.visibility = condition("a == yes && b != null");
        let form = Form {
            title: String::new(),
            fields: vec![field("a", ControlType::RadioButtonGroup), b, c, d],
            settings: Default::default(),
        };
        let mut answers = Answers::default();
        assert_eq!(visibility(&form, &answers), [true, false, false, false]);
        answers.set("a", vec!["yes".into()]);
        answers.set("b", vec!["on".into()]);
        assert_eq!(visibility(&form, &answers), [true, true, true, true]);
        // `b` keeps its value but hides, and so does everything that reads it.
        answers.set("a", vec!["no".into()]);
        assert_eq!(visibility(&form, &answers), [true, false, false, false]);
    }
}
