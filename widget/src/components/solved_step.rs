//! `SolvedStep`: the happy end of a flow.

use yew::prelude::*;

#[function_component]
pub fn SolvedStep() -> Html {
    let t = crate::hooks::use_strings();
    html! {
        <p class="sh-thanks">{ t.solved_text }</p>
    }
}
