//! The form's state (answers, fields left, errors shown) and the actions that change it.

use std::rc::Rc;

use selfhelp_bundle::Form;
use yew::Reducible;

use crate::form::answers::{is_display_only, lookup, put, visibility, Answers};
use crate::form::validate::{field_error, Matcher};
use crate::i18n::Strings;
use crate::shared::Shared;

/// Everything the form page shows besides the questions themselves.
#[derive(Debug, Clone)]
pub struct FormState {
    pub form: Shared<Form>,
    matcher: Matcher,
    strings: &'static Strings,
    pub answers: Answers,
    /// Fields the person has left at least once (or all of them after a submit).
    pub touched: Vec<String>,
    /// The messages shown, by field id; only for fields that show. (Lists, not maps:
    /// see [`Answers`].)
    pub errors: Vec<(String, String)>,
    /// Submit attempts so far; effects key on it to act once per attempt.
    pub submits: u32,
    /// Whether the last submit attempt found nothing wrong and no answer changed since:
    /// the summary shows only what was handed off.
    pub last_submit_valid: bool,
    /// Bumped by a reset, so the page can rebuild its inputs from the cleared answers.
    pub generation: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Replaces the answer of a text input, dropdown or radio group.
    Set { id: String, values: Vec<String> },
    /// Checks or unchecks one option of a multi-select.
    Toggle { id: String, value: String, on: bool },
    /// The typed text behind a dynamic dropdown's "Other".
    SetOther { id: String, text: String },
    /// The person left a field: check it.
    Blur(String),
    /// Check every shown field.
    Submit,
    /// Forget every answer.
    Reset,
}

/// Comparing the form by identity and leaving out the matcher (a function pointer,
/// which has no meaningful equality) is enough to tell whether anything changed.
impl PartialEq for FormState {
    fn eq(&self, other: &Self) -> bool {
        self.form == other.form
            && (&self.answers, &self.touched, &self.errors)
                == (&other.answers, &other.touched, &other.errors)
            && (self.submits, self.last_submit_valid, self.generation)
                == (other.submits, other.last_submit_valid, other.generation)
    }
}

impl FormState {
    pub fn new(
        form: Shared<Form>,
        matcher: Matcher,
        strings: &'static Strings,
        answers: Answers,
    ) -> Self {
        FormState {
            form,
            matcher,
            strings,
            answers,
            touched: Vec::new(),
            errors: Vec::new(),
            submits: 0,
            last_submit_valid: false,
            generation: 0,
        }
    }

    /// Which fields show, in form order.
    pub fn visible(&self) -> Vec<bool> {
        visibility(&self.form, &self.answers)
    }

    /// The problem with one field's current answer, if any.
    pub fn error_of(&self, id: &str) -> Option<String> {
        let field = self.form.fields.iter().find(|f| f.id == id)?;
        field_error(
            field,
            &self.answers.effective(id),
            self.matcher,
            self.strings,
        )
    }

    /// The message shown for a field, if any.
    pub fn error(&self, id: &str) -> Option<&String> {
        lookup(&self.errors, id)
    }

    /// The problems of every shown field, in form order; hidden fields never count.
    pub fn check(&self) -> Vec<(String, String)> {
        let mut errors: Vec<(String, String)> = Vec::new();
        for (field, shown) in self.form.fields.iter().zip(self.visible()) {
            if !shown || lookup(&errors, &field.id).is_some() {
                continue;
            }
            if let Some(message) = field_error(
                field,
                &self.answers.effective(&field.id),
                self.matcher,
                self.strings,
            ) {
                errors.push((field.id.clone(), message));
            }
        }
        errors
    }

    /// The state after `action`; pure, so it is tested without a browser.
    pub fn next(&self, action: Action) -> FormState {
        let mut next = self.clone();
        match action {
            Action::Set { id, values } => {
                next.answers.set(&id, values);
                next.recheck(&id);
            }
            Action::Toggle { id, value, on } => {
                next.answers.toggle(&id, &value, on);
                next.recheck(&id);
            }
            Action::SetOther { id, text } => {
                next.answers.set_other(&id, text);
                next.recheck(&id);
            }
            Action::Blur(id) => {
                if !next.touched.contains(&id) {
                    next.touched.push(id.clone());
                }
                let message = next.error_of(&id);
                put(&mut next.errors, &id, message);
            }
            Action::Submit => {
                next.errors = next.check();
                next.submits += 1;
                next.last_submit_valid = next.errors.is_empty();
                let visible = next.visible();
                for (field, shown) in next.form.fields.iter().zip(visible) {
                    if shown && !is_display_only(field) && !next.touched.contains(&field.id) {
                        next.touched.push(field.id.clone());
                    }
                }
            }
            Action::Reset => {
                next.answers = Answers::default();
                next.touched.clear();
                next.errors.clear();
                next.last_submit_valid = false;
                next.generation += 1;
            }
        }
        if next.answers != self.answers {
            next.last_submit_valid = false;
        }
        next.drop_hidden_errors();
        next
    }

    /// After a change, a field that shows an error is checked again, so the message
    /// goes as soon as the answer is fixed (and changes when a different rule fails).
    fn recheck(&mut self, id: &str) {
        if self.error(id).is_some() {
            let message = self.error_of(id);
            put(&mut self.errors, id, message);
        }
    }

    /// A question that went away takes its message with it.
    fn drop_hidden_errors(&mut self) {
        if self.errors.is_empty() {
            return;
        }
        let visible = self.visible();
        let fields = &self.form.fields;
        let shown = |id: &str| fields.iter().zip(&visible).any(|(f, s)| *s && f.id == id);
        self.errors.retain(|(id, _)| shown(id));
    }
}

impl Reducible for FormState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let next = self.next(action);
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

#[cfg(test)]
mod tests {
    use selfhelp_bundle::visibility::parse;
    use selfhelp_bundle::{ControlType, Validation};

    use super::*;
    use crate::form::tests::{field, matcher};

    fn ids(state: &FormState) -> Vec<&str> {
        state.errors.iter().map(|(id, _)| id.as_str()).collect()
    }

    fn set(id: &str, value: &str) -> Action {
        let (id, values) = (id.into(), vec![value.into()]);
        Action::Set { id, values }
    }

    /// `users` (required radio), `upn` (required, shown when `users == one`, must hold
    /// an `@`), `count` (optional number).
    fn state() -> FormState {
        let mut users = field("users", ControlType::RadioButtonGroup);
        users.required = true;
        let mut upn = field("upn", ControlType::TextBox);
        upn.required = true;
        upn.visibility = parse("users == one").unwrap().condition;
        let (pattern, message) = ("@".into(), "Enter a UPN".into());
        upn.validations = vec![Validation::RegexMatch { pattern, message }];
        let count = field("count", ControlType::NumericTextBox);
        let fields = vec![users, upn, count];
        let form = Shared::new(Form {
            title: "T".into(),
            fields,
            settings: Default::default(),
        });
        FormState::new(form, matcher, &crate::i18n::EN, Answers::default())
    }

    #[test]
    fn answers_are_set_and_conditions_turn_fields_on_and_off() {
        let state = state();
        assert_eq!(state.visible(), [true, false, true]);
        let state = state.next(set("users", "one"));
        assert_eq!(state.visible(), [true, true, true]);
        let state = state.next(set("upn", "a@b.com")).next(set("users", "all"));
        assert_eq!(state.visible(), [true, false, true]);
        // The hidden answer is kept, so turning the field back on restores it.
        assert_eq!(state.answers.raw("upn"), ["a@b.com"]);
        assert_eq!(
            state.next(set("users", "one")).visible(),
            [true, true, true]
        );
    }

    #[test]
    fn blur_checks_one_field_and_fixing_it_clears_the_message() {
        let state = state().next(Action::Blur("users".into()));
        assert_eq!(state.touched, ["users"]);
        assert_eq!(ids(&state), ["users"]);
        let state = state.next(set("users", "one"));
        assert!(state.errors.is_empty(), "fixed on change");
        let state = state
            .next(set("upn", "nope"))
            .next(Action::Blur("upn".into()));
        assert_eq!(state.error("upn").map(String::as_str), Some("Enter a UPN"));
        let state = state.next(set("upn", "a@b"));
        assert!(state.errors.is_empty());
        // Typing in a field without a message does not check it yet.
        let state = state.next(set("count", "x"));
        assert!(state.errors.is_empty());
    }

    #[test]
    fn submit_checks_only_shown_fields() {
        let state = state().next(Action::Submit);
        assert_eq!(state.submits, 1);
        assert!(!state.last_submit_valid);
        assert_eq!(ids(&state), ["users"]);
        let state = state.next(set("users", "one")).next(Action::Submit);
        assert_eq!(ids(&state), ["upn"]);
        assert_eq!(state.touched, ["users", "count", "upn"]);
        // Hiding the field drops its message, and the hidden field does not block.
        let state = state.next(set("users", "some"));
        assert!(state.errors.is_empty());
        let state = state.next(Action::Submit);
        assert!(state.last_submit_valid);
        assert_eq!(state.submits, 3);
        // A changed answer needs a new submit before the summary shows again.
        assert!(state.next(set("count", "")).last_submit_valid);
        assert!(!state.next(set("count", "2")).last_submit_valid);
    }

    #[test]
    fn reset_forgets_everything_but_the_submit_count() {
        let state = state().next(set("users", "one")).next(Action::Submit);
        let reset = state.next(Action::Reset);
        assert!(reset.answers.is_empty() && reset.errors.is_empty() && reset.touched.is_empty());
        assert_eq!(reset.submits, 1);
        assert_eq!(reset.generation, 1);
    }

    #[test]
    fn reduce_keeps_the_same_state_when_nothing_changes() {
        let state = Rc::new(state());
        let next = state.clone().reduce(set("count", ""));
        assert!(Rc::ptr_eq(&state, &next));
        assert!(!Rc::ptr_eq(
            &state,
            &state.clone().reduce(set("count", "1"))
        ));
    }
}
