//! `ErrorSummary`: after a failed submit, what is wrong, at the top, with a link to
//! each field. It takes focus so screen readers announce it and keyboards start there.

use yew::prelude::*;

use wasm_bindgen::JsCast;

use crate::dom::focus_by_id;

#[derive(Debug, Clone, PartialEq, Properties)]
pub struct ErrorSummaryProps {
    /// `(element id of the field's input, message)`, in form order.
    pub errors: Vec<(String, String)>,
    /// Focused by the form page after each failed submit.
    pub node_ref: NodeRef,
}

#[function_component]
pub fn ErrorSummary(props: &ErrorSummaryProps) -> Html {
    let t = crate::hooks::use_strings();
    let items = props.errors.iter().map(|(id, message)| {
        let target = id.clone();
        // Focus the field rather than follow the link: the address's hash is the
        // widget's route, and focusing also scrolls the field into view.
        let onclick = Callback::from(move |event: MouseEvent| {
            let link = event
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
            if link.is_some_and(|link| focus_by_id(&link, &target)) {
                event.prevent_default();
            }
        });
        html! {
            <li><a href={format!("#{id}")} {onclick}>{ message.clone() }</a></li>
        }
    });
    html! {
        <div class="sh-error-summary" role="alert" tabindex="-1" ref={props.node_ref.clone()}>
            <h2 class="sh-error-summary-title">{ t.there_is_a_problem }</h2>
            <ul class="sh-error-list">{ for items }</ul>
        </div>
    }
}
