//! `SolvedStep`: the happy end of a flow.

use yew::prelude::*;

#[function_component]
pub fn SolvedStep() -> Html {
    html! {
        <p class="sh-thanks">{ "Thanks for letting us know. We're glad the steps helped." }</p>
    }
}
