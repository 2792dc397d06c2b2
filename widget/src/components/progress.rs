//! `Progress`: how far along the flow the reader is, as a bar and as text.

use yew::prelude::*;

use crate::hooks::use_strings;

#[derive(Debug, Clone, PartialEq, Properties)]
pub struct ProgressProps {
    /// Questions answered so far.
    pub answered: usize,
    /// Questions left on the longest way to an end, the current one included.
    pub remaining: u32,
}

#[function_component]
pub fn Progress(props: &ProgressProps) -> Html {
    let t = use_strings();
    let value = props.answered;
    // Never 0: a `<progress max="0">` is invalid.
    let max = (value + props.remaining as usize).max(1);
    // The text says the same as the bar, so it does not rely on seeing the bar.
    let step = crate::i18n::fill(t.step, &[&(value + 1).to_string()]);
    html! {
        <div class="sh-progress-row" part="progress">
            <progress class="sh-progress" value={value.to_string()} max={max.to_string()}
                aria-label={t.progress}>
            </progress>
            <span class="sh-progress-label">{ step }</span>
        </div>
    }
}
