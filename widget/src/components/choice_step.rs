//! `ChoiceStep`: one button per situation the reader can pick.

use selfhelp_bundle::{Choice, Inline};
use yew::prelude::*;

use crate::hooks::use_strings;

use crate::components::rich_text::{render_blocks, STEP_HEADING_LEVEL};
use crate::route::Answer;

#[derive(Debug, Clone, PartialEq, Properties)]
pub struct ChoiceStepProps {
    pub choices: Vec<Choice>,
    /// Emits `Answer::Choice(index)` for the picked choice.
    pub on_answer: Callback<Answer>,
}

#[function_component]
pub fn ChoiceStep(props: &ChoiceStepProps) -> Html {
    let t = use_strings();
    let items = props.choices.iter().enumerate().map(|(index, choice)| {
        let index = index as u32;
        let onclick = props.on_answer.reform(move |_| Answer::Choice(index));
        // Plain text: a link or other control inside a button is not allowed, and
        // screen readers announce the button by exactly this text.
        let label = Inline::plain_text(&choice.label);
        let label = if label.trim().is_empty() {
            crate::i18n::fill(t.choice, &[&(index + 1).to_string()])
        } else {
            label
        };
        html! {
            <li class="sh-choice">
                <button type="button" {onclick}>{ label }</button>
                if !choice.detail.is_empty() {
                    <div class="sh-choice-detail">
                        { render_blocks(&choice.detail, STEP_HEADING_LEVEL) }
                    </div>
                }
            </li>
        }
    });
    html! { <ul class="sh-choices">{ for items }</ul> }
}
