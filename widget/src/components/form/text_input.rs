//! `TextInput`: text, multi-line text, number and date-time answers, with a live
//! character counter when the field has a maximum length.

use selfhelp_bundle::ControlType;
use yew::prelude::*;

use crate::components::form::{aria_flag, event_value, ControlProps};
use crate::form::validate::max_length;
use crate::form::Action;

#[function_component]
pub fn TextInput(props: &ControlProps) -> Html {
    let Some(field) = props.form.fields.get(props.index) else {
        return Html::default();
    };
    let value = props.values.first().cloned().unwrap_or_default();
    let oninput = {
        let on_change = props.on_change.clone();
        let id = field.id.clone();
        Callback::from(move |event: InputEvent| {
            on_change.emit(Action::Set {
                id: id.clone(),
                values: vec![event_value(&event)],
            })
        })
    };
    let onblur = {
        let id = field.id.clone();
        props
            .on_change
            .reform(move |_: FocusEvent| Action::Blur(id.clone()))
    };
    let id = props.dom_id.clone();
    let placeholder = Some(field.watermark.trim())
        .filter(|w| !w.is_empty())
        .map(|w| AttrValue::from(w.to_string()));
    let described = props.described_by.clone();
    let invalid = aria_flag(props.invalid);
    let required = aria_flag(field.required);
    let control = match field.control {
        ControlType::MultiLineTextBox => html! {
            <textarea {id} class="sh-input sh-textarea" rows="5" value={value.clone()}
                {placeholder} {oninput} {onblur} aria-describedby={described}
                aria-invalid={invalid} aria-required={required} />
        },
        ControlType::DateTimePicker => html! {
            <input {id} type="datetime-local" class="sh-input sh-datetime" value={value.clone()}
                {oninput} {onblur} aria-describedby={described}
                aria-invalid={invalid} aria-required={required} />
        },
        // Text with a numeric keyboard rather than type="number", which hands over an
        // empty value for "12a" and so could only say "needs an answer".
        ControlType::NumericTextBox => html! {
            <input {id} type="text" inputmode="decimal" class="sh-input sh-number"
                value={value.clone()} {placeholder} {oninput} {onblur}
                aria-describedby={described} aria-invalid={invalid} aria-required={required} />
        },
        _ => html! {
            <input {id} type="text" class="sh-input" value={value.clone()} {placeholder}
                {oninput} {onblur} aria-describedby={described}
                aria-invalid={invalid} aria-required={required} />
        },
    };
    // No `maxlength` attribute: it would cut pasted text silently; the counter and
    // the message say what is too long instead.
    let counter = max_length(field).map(|max| {
        let used = value.chars().count();
        let over = used > max as usize;
        html! {
            <p class={classes!("sh-counter", over.then_some("sh-counter-over"))}
                id={format!("{}-count", props.dom_id)}>
                { format!("{used} / {max}") }
                if over { { format!(" ({} too many)", used - max as usize) } }
            </p>
        }
    });
    html! { <>{ control }{ counter }</> }
}
