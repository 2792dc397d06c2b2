//! `FormField`: one question with its label (or legend), required mark, hint, info
//! balloon and error message, around the control its type calls for.

use selfhelp_bundle::{ControlType, Form};
use wasm_bindgen::JsCast;
use web_sys::Node;
use yew::prelude::*;

use crate::components::form::choice_input::ChoiceInput;
use crate::components::form::info_balloon::info_balloon;
use crate::components::form::multi_select::MultiSelect;
use crate::components::form::text_input::TextInput;
use crate::components::form::ControlProps;
use crate::components::rich_text::render_blocks;
use crate::form::answers::is_display_only;
use crate::form::submission::question;
use crate::form::validate::max_length;
use crate::form::{dom_id, Action};
use crate::shared::Shared;

#[derive(Debug, Clone, PartialEq, Properties)]
pub struct FormFieldProps {
    pub form: Shared<Form>,
    pub index: usize,
    pub values: Vec<String>,
    pub other: String,
    /// The message to show, if the answer has a problem.
    pub error: Option<String>,
    pub on_change: Callback<Action>,
}

#[function_component]
pub fn FormField(props: &FormFieldProps) -> Html {
    let t = crate::hooks::use_strings();
    let Some(field) = props.form.fields.get(props.index) else {
        return Html::default();
    };
    let data_field = field.id.clone();
    let hints = field
        .hints
        .iter()
        .map(|hint| render_blocks(hint, 4))
        .collect::<Html>();
    if is_display_only(field) {
        // Nothing to show is no empty box. (Corpus info blocks keep their text in a
        // `content` key, which the bundle does not carry yet.)
        if field.label.trim().is_empty() && field.info_balloon.is_empty() && field.hints.is_empty()
        {
            return Html::default();
        }
        // Text for the reader, no answer: no label element, nothing to describe.
        return html! {
            <div class="sh-field sh-field-text" data-field-id={data_field}>
                if !field.label.trim().is_empty() {
                    <p class="sh-text-label">{ field.label.trim().to_string() }</p>
                }
                { render_blocks(&field.info_balloon, 4) }
                { hints }
            </div>
        };
    }

    let id = dom_id(&field.id);
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let is_text = !matches!(
        field.control,
        ControlType::Dropdown | ControlType::RadioButtonGroup | ControlType::MultiSelectDropdown
    );
    let described: Vec<String> = [
        (!field.hints.is_empty()).then(|| hint_id.clone()),
        props.error.as_ref().map(|_| error_id.clone()),
        (is_text && max_length(field).is_some()).then(|| format!("{id}-count")),
    ]
    .into_iter()
    .flatten()
    .collect();
    let described_by = (!described.is_empty()).then(|| described.join(" "));
    let control_props = ControlProps {
        form: props.form.clone(),
        index: props.index,
        dom_id: id.clone(),
        values: props.values.clone(),
        other: props.other.clone(),
        described_by: described_by.clone(),
        invalid: props.error.is_some(),
        on_change: props.on_change.clone(),
    };
    let group = matches!(
        field.control,
        ControlType::RadioButtonGroup | ControlType::MultiSelectDropdown
    );
    let control = match field.control {
        ControlType::Dropdown | ControlType::RadioButtonGroup => {
            html! { <ChoiceInput ..control_props /> }
        }
        ControlType::MultiSelectDropdown => html! { <MultiSelect ..control_props /> },
        // Every other type, unknown ones included, takes text: no question is lost.
        _ => html! { <TextInput ..control_props /> },
    };
    let label = html! {
        <>
            { question(field) }
            // Words, not colour or an asterisk alone.
            if field.required { <span class="sh-required">{ t.required }</span> }
        </>
    };
    let body = html! {
        <>
            if !field.hints.is_empty() {
                <div class="sh-hint" id={hint_id}>{ hints }</div>
            }
            { info_balloon(&field.info_balloon, t) }
            if let Some(message) = &props.error {
                <p class="sh-field-error" id={error_id}>
                    <span class="sh-error-prefix">{ t.error_prefix }</span>{ message.clone() }
                </p>
            }
            { control }
        </>
    };
    // Plain strings rather than `classes!`, whose machinery costs wasm for no gain here.
    let class = if props.error.is_some() {
        "sh-field sh-field-invalid"
    } else {
        "sh-field"
    };
    if group {
        // Leaving the group, not moving between its options, counts as leaving the field.
        let onfocusout = {
            let field_id = field.id.clone();
            let on_change = props.on_change.clone();
            Callback::from(move |event: FocusEvent| {
                let group = event
                    .current_target()
                    .and_then(|t| t.dyn_into::<Node>().ok());
                let next = event
                    .related_target()
                    .and_then(|t| t.dyn_into::<Node>().ok());
                let inside = group.is_some_and(|group| group.contains(next.as_ref()));
                if !inside {
                    on_change.emit(Action::Blur(field_id.clone()));
                }
            })
        };
        html! {
            <fieldset {class} data-field-id={data_field} aria-describedby={described_by}
                {onfocusout}>
                <legend class="sh-label">{ label }</legend>
                { body }
            </fieldset>
        }
    } else {
        html! {
            <div {class} data-field-id={data_field}>
                <label class="sh-label" for={id}>{ label }</label>
                { body }
            </div>
        }
    }
}
