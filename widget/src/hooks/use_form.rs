//! `use_form`: a form's reducer, restored from and saved to `sessionStorage`.

use selfhelp_bundle::Form;
use yew::prelude::*;

use crate::dom::{regex_test, session_get, session_set};
use crate::form::{Answers, FormState};
use crate::shared::Shared;

/// The form's state, started from the answers stored under `storage_key` (so a reload
/// keeps them) and saved there after every change; no answers, no stored entry.
#[hook]
pub fn use_form(form: Shared<Form>, storage_key: String) -> UseReducerHandle<FormState> {
    let strings = crate::hooks::use_strings();
    let state = {
        let key = storage_key.clone();
        use_reducer_eq(move || {
            let answers = session_get(&key)
                .map(|text| Answers::from_storage(&text))
                .unwrap_or_default();
            FormState::new(form, regex_test, strings, answers)
        })
    };
    use_effect_with((storage_key, state.answers.clone()), |(key, answers)| {
        let text = (!answers.is_empty()).then(|| answers.to_storage());
        session_set(key, text.as_deref());
    });
    state
}
