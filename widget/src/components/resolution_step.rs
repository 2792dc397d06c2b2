//! `ResolutionStep`: something to try, then "Did this solve your problem?".

use selfhelp_bundle::Block;
use yew::prelude::*;

use crate::components::rich_text::{render_blocks, STEP_HEADING_LEVEL};
use crate::route::Answer;

#[derive(Debug, Clone, PartialEq, Properties)]
pub struct ResolutionStepProps {
    /// The confirmed cause, repeated for context; empty when there is none.
    pub cause: Vec<Block>,
    pub body: Vec<Block>,
    /// Alternative fixes, any one of which may work.
    pub alternatives: Vec<Vec<Block>>,
    /// Emits `Answer::Yes` for solved, `Answer::No` for not solved.
    pub on_answer: Callback<Answer>,
}

#[function_component]
pub fn ResolutionStep(props: &ResolutionStepProps) -> Html {
    let t = crate::hooks::use_strings();
    let level = STEP_HEADING_LEVEL;
    let alternatives = props
        .alternatives
        .iter()
        .map(|alternative| html! { <li>{ render_blocks(alternative, level) }</li> });
    html! {
        <>
            if !props.cause.is_empty() {
                <div class="sh-cause">
                    <p class="sh-lead">{ t.the_cause }</p>
                    { render_blocks(&props.cause, level) }
                </div>
            }
            if !props.body.is_empty() {
                <div class="sh-body">{ render_blocks(&props.body, level) }</div>
            }
            if !props.alternatives.is_empty() {
                <p class="sh-lead">{ t.other_fixes }</p>
                <ol class="sh-alternatives">{ for alternatives }</ol>
            }
            <p class="sh-solved-question">{ t.did_this_solve }</p>
            <div class="sh-answers">
                <button type="button" class="sh-answer-yes"
                    onclick={props.on_answer.reform(|_| Answer::Yes)}>
                    { t.yes_solved }
                </button>
                <button type="button" class="sh-answer-no"
                    onclick={props.on_answer.reform(|_| Answer::No)}>
                    { t.no_not_solved }
                </button>
            </div>
        </>
    }
}
