//! `MultiSelect`: a multi-select dropdown as a group of checkboxes, which keyboards and
//! screen readers handle without any custom widget.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::components::form::choice_input::{option_id, option_text};
use crate::components::form::{aria_flag, ControlProps};
use crate::form::{options_for, Action};

#[function_component]
pub fn MultiSelect(props: &ControlProps) -> Html {
    let Some(field) = props.form.fields.get(props.index) else {
        return Html::default();
    };
    let boxes = options_for(field)
        .into_iter()
        .enumerate()
        .map(|(n, option)| {
            let id = option_id(&props.dom_id, n);
            let checked = props.values.contains(&option.value);
            let onchange = {
                let field_id = field.id.clone();
                let value = option.value.clone();
                // The box's own state, not the last render's: two quick clicks both count.
                props.on_change.reform(move |event: Event| Action::Toggle {
                    id: field_id.clone(),
                    value: value.clone(),
                    on: event
                        .target_dyn_into::<HtmlInputElement>()
                        .is_some_and(|b| b.checked()),
                })
            };
            html! {
                <div class="sh-checkbox">
                    <input type="checkbox" id={id.clone()} value={option.value.clone()} {checked}
                        {onchange} aria-invalid={aria_flag(props.invalid)} />
                    <label for={id}>{ option_text(&option) }</label>
                </div>
            }
        });
    html! { <div class="sh-checkboxes">{ for boxes }</div> }
}
