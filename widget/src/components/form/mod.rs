//! Components of problem-scoping forms, one per file; their state is
//! [`crate::form::FormState`], owned by [`form_flow::FormFlow`].

pub mod choice_input;
pub mod error_summary;
pub mod field;
pub mod form_flow;
pub mod form_page;
pub mod info_balloon;
pub mod multi_select;
pub mod summary_actions;
pub mod summary_page;
pub mod text_input;

pub use form_flow::{FormFlow, FormFlowProps};

use selfhelp_bundle::Form;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::form::Action;
use crate::shared::Shared;

/// What every answer control gets from its [`field::FormField`].
#[derive(Debug, Clone, PartialEq, Properties)]
pub struct ControlProps {
    pub form: Shared<Form>,
    /// The field's index in `form.fields`.
    pub index: usize,
    /// The id of the control's (first) input: `sh-field-<id>`.
    pub dom_id: String,
    /// The raw answer values.
    pub values: Vec<String>,
    /// The typed text behind "Other".
    pub other: String,
    /// The ids of the hint, error and counter, for `aria-describedby`.
    pub described_by: Option<String>,
    pub invalid: bool,
    pub on_change: Callback<Action>,
}

/// The current value of the input, textarea or select an event came from.
pub fn event_value(event: &Event) -> String {
    let Some(target) = event.target() else {
        return String::new();
    };
    if let Some(input) = target.dyn_ref::<HtmlInputElement>() {
        input.value()
    } else if let Some(area) = target.dyn_ref::<HtmlTextAreaElement>() {
        area.value()
    } else if let Some(select) = target.dyn_ref::<HtmlSelectElement>() {
        select.value()
    } else {
        String::new()
    }
}

/// `"true"` or no attribute, for `aria-invalid` and `aria-required`.
pub fn aria_flag(on: bool) -> Option<AttrValue> {
    on.then_some(AttrValue::Static("true"))
}
