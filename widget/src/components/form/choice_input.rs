//! `ChoiceInput`: one answer from a list, as a dropdown (`<select>`, with a text entry
//! behind "Other" for dynamic dropdowns) or as a radio button group.

use selfhelp_bundle::{ChoiceOption, ControlType};
use yew::prelude::*;

use crate::components::form::{aria_flag, event_value, ControlProps};
use crate::form::{options_for, Action, OTHER};

#[function_component]
pub fn ChoiceInput(props: &ControlProps) -> Html {
    let t = crate::hooks::use_strings();
    let Some(field) = props.form.fields.get(props.index) else {
        return Html::default();
    };
    let options = options_for(field);
    let current = props.values.first().cloned().unwrap_or_default();
    let set = {
        let on_change = props.on_change.clone();
        let id = field.id.clone();
        Callback::from(move |event: Event| {
            on_change.emit(Action::Set {
                id: id.clone(),
                values: vec![event_value(&event)],
            })
        })
    };
    let blur = {
        let id = field.id.clone();
        props
            .on_change
            .reform(move |_: FocusEvent| Action::Blur(id.clone()))
    };
    if field.control == ControlType::RadioButtonGroup {
        let radios = options.iter().enumerate().map(|(n, option)| {
            let id = option_id(&props.dom_id, n);
            html! {
                <div class="sh-radio">
                    <input type="radio" id={id.clone()} name={props.dom_id.clone()}
                        value={option.value.clone()} checked={option.value == current}
                        onchange={set.clone()} aria-invalid={aria_flag(props.invalid)} />
                    <label for={id}>{ option_text(option) }</label>
                </div>
            }
        });
        return html! { <div class="sh-radios">{ for radios }</div> };
    }

    let placeholder = Some(field.watermark.trim())
        .filter(|w| !w.is_empty())
        .unwrap_or(t.choose_an_option)
        .to_string();
    let items = options.iter().map(|option| {
        html! {
            <option value={option.value.clone()} selected={option.value == current}>
                { option_text(option) }
            </option>
        }
    });
    let other = (current == OTHER).then(|| {
        let other_id = format!("{}-other", props.dom_id);
        let oninput = {
            let on_change = props.on_change.clone();
            let id = field.id.clone();
            Callback::from(move |event: InputEvent| {
                on_change.emit(Action::SetOther {
                    id: id.clone(),
                    text: event_value(&event),
                })
            })
        };
        html! {
            <div class="sh-other">
                <label class="sh-other-label" for={other_id.clone()}>
                    { t.other_describe }
                </label>
                <input id={other_id} type="text" class="sh-input" value={props.other.clone()}
                    {oninput} onblur={blur.clone()} aria-describedby={props.described_by.clone()}
                    aria-invalid={aria_flag(props.invalid)}
                    aria-required={aria_flag(field.required)} />
            </div>
        }
    });
    html! {
        <>
            <select id={props.dom_id.clone()} class="sh-select" onchange={set} onblur={blur}
                aria-describedby={props.described_by.clone()}
                aria-invalid={aria_flag(props.invalid)} aria-required={aria_flag(field.required)}>
                // Choosing it again takes the answer back.
                <option value="" selected={current.is_empty()}>{ placeholder }</option>
                { for items }
            </select>
            { other }
        </>
    }
}

/// The element id of a group's `n`th input; the first one is the field's own id, which
/// labels and error links point at.
pub fn option_id(dom_id: &str, n: usize) -> String {
    if n == 0 {
        dom_id.to_string()
    } else {
        format!("{dom_id}-{n}")
    }
}

/// An option's text, or its value when the text is empty.
pub fn option_text(option: &ChoiceOption) -> String {
    let text = option.text.trim();
    if text.is_empty() {
        option.value.clone()
    } else {
        text.to_string()
    }
}
