//! `CheckStep`: a possible cause to confirm ("This is it") or rule out.

use selfhelp_bundle::Block;
use yew::prelude::*;

use crate::hooks::use_strings;

use crate::components::rich_text::{render_blocks, STEP_HEADING_LEVEL};
use crate::route::Answer;

#[derive(Debug, Clone, PartialEq, Properties)]
pub struct CheckStepProps {
    pub cause: Vec<Block>,
    /// Emits `Answer::Yes` for "This is it", `Answer::No` for "Rule it out".
    pub on_answer: Callback<Answer>,
}

#[function_component]
pub fn CheckStep(props: &CheckStepProps) -> Html {
    let t = use_strings();
    html! {
        <>
            <div class="sh-check-cause">{ render_blocks(&props.cause, STEP_HEADING_LEVEL) }</div>
            <div class="sh-answers">
                <button type="button" class="sh-answer-yes"
                    onclick={props.on_answer.reform(|_| Answer::Yes)}>
                    { t.this_is_it }
                </button>
                <button type="button" class="sh-answer-no"
                    onclick={props.on_answer.reform(|_| Answer::No)}>
                    { t.rule_it_out }
                </button>
            </div>
        </>
    }
}
