//! `Loading`: says "Loading…" only once a fetch has taken long enough to notice, so a
//! fast one shows no flash of it.

use std::time::Duration;

use yew::platform::time::sleep;
use yew::prelude::*;

use crate::hooks::use_strings;

/// How long a fetch may take before the reader is told.
pub const LOADING_DELAY: Duration = Duration::from_millis(300);

#[function_component]
pub fn Loading() -> Html {
    let t = use_strings();
    let shown = use_state(|| false);
    {
        let shown = shown.clone();
        use_effect_with((), move |_| {
            yew::platform::spawn_local(async move {
                sleep(LOADING_DELAY).await;
                shown.set(true);
            });
        });
    }
    html! {
        // The status role is there from the start, so screen readers hear the change.
        <p class="sh-loading" role="status">
            if *shown { { t.loading } }
        </p>
    }
}
