//! `SummaryPage`: the submitted answers as a readable description of the problem, with
//! ways to hand it to support, edit it or start over.

use yew::prelude::*;

use crate::components::form::summary_actions::SummaryActions;
use crate::form::Submission;
use crate::hooks::use_focus_on_change;

#[derive(Debug, Clone, PartialEq, Properties)]
pub struct SummaryPageProps {
    pub submission: Submission,
    #[prop_or_default]
    pub support_email: Option<String>,
    /// What files support would like attached, as the form says; empty for none.
    #[prop_or_default]
    pub attachment_hint: String,
    pub on_edit: Callback<()>,
    pub on_start_over: Callback<()>,
    #[prop_or_default]
    pub focus: bool,
}

#[function_component]
pub fn SummaryPage(props: &SummaryPageProps) -> Html {
    let t = crate::hooks::use_strings();
    let heading = use_node_ref();
    use_focus_on_change(heading.clone(), (), props.focus);
    let rows = props.submission.answers.iter().map(|answer| {
        html! {
            <div class="sh-summary-row">
                <dt>{ answer.label.clone() }</dt>
                <dd>{ answer.text.clone() }</dd>
            </div>
        }
    });
    html! {
        <section class="sh-summary-page">
            <h2 class="sh-summary-heading" tabindex="-1" ref={heading}>
                { t.your_description }
            </h2>
            <p>{ t.summary_intro }</p>
            <dl class="sh-summary">{ for rows }</dl>
            if !props.attachment_hint.trim().is_empty() {
                <p class="sh-attachment-hint">
                    <strong>{ t.files_to_attach }</strong>
                    { props.attachment_hint.trim().to_string() }
                </p>
            }
            <SummaryActions submission={props.submission.clone()}
                support_email={props.support_email.clone()} />
            <div class="sh-answers">
                <button type="button" class="sh-edit" onclick={props.on_edit.reform(|_| ())}>
                    { t.edit_answers }
                </button>
                <button type="button" class="sh-start-over"
                    onclick={props.on_start_over.reform(|_| ())}>
                    { t.start_over }
                </button>
            </div>
        </section>
    }
}
