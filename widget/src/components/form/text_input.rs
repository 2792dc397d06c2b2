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
    let control = if field.control == ControlType::MultiLineTextBox {
        html! {
            <textarea {id} class="sh-input sh-textarea" rows="5" value={value.clone()}
                {placeholder} {oninput} {onblur} aria-describedby={described}
                aria-invalid={invalid} aria-required={required} />
        }
    } else {
        // Numbers are text with a numeric keyboard rather than type="number", which
        // hands over an empty value for "12a" and so could only say "needs an answer".
        let (kind, mode, class) = match field.control {
            ControlType::DateTimePicker => ("datetime-local", None, "sh-input sh-datetime"),
            ControlType::NumericTextBox => ("text", Some("decimal"), "sh-input sh-number"),
            _ => ("text", None, "sh-input"),
        };
        html! {
            <input {id} type={kind} inputmode={mode} {class} value={value.clone()}
                {placeholder} {oninput} {onblur} aria-describedby={described}
                aria-invalid={invalid} aria-required={required} />
        }
    };
    // No `maxlength` attribute: it would cut pasted text silently; the counter and
    // the message say what is too long instead.
    let counter = max_length(field).map(|max| {
        let used = value.chars().count();
        let over = used > max as usize;
        html! {
            <p class={if over { "sh-counter sh-counter-over" } else { "sh-counter" }}
                id={format!("{}-count", props.dom_id)}>
                { format!("{used} / {max}") }
                if over { { format!(" ({} too many)", used - max as usize) } }
            </p>
        }
    });
    html! { <>{ control }{ counter }</> }
}
