//! `FormPage`: the questions that apply, the error summary after a failed submit, and
//! the submit button.

use web_sys::HtmlElement;
use yew::prelude::*;

use crate::components::form::error_summary::ErrorSummary;
use crate::components::form::field::FormField;
use crate::form::{dom_id, Action, FormState};
use crate::hooks::use_focus_on_change;

#[derive(Debug, Clone, PartialEq, Properties)]
pub struct FormPageProps {
    pub state: UseReducerHandle<FormState>,
    pub article_id: AttrValue,
    pub on_change: Callback<Action>,
    pub on_start_over: Callback<()>,
    /// Move focus to the heading when the page opens (false on a fresh page load).
    #[prop_or_default]
    pub focus: bool,
}

#[function_component]
pub fn FormPage(props: &FormPageProps) -> Html {
    let t = crate::hooks::use_strings();
    let state = &*props.state;
    let heading = use_node_ref();
    use_focus_on_change(heading.clone(), (), props.focus);
    let summary = use_node_ref();
    {
        // After each failed submit, the error summary takes focus (once per attempt).
        let summary = summary.clone();
        let failed = state.submits > 0 && !state.last_submit_valid;
        use_effect_with(state.submits, move |_| {
            if failed {
                if let Some(element) = summary.cast::<HtmlElement>() {
                    let _ = element.focus();
                }
            }
        });
    }

    let visible = state.visible();
    let fields = state.form.fields.iter().enumerate().zip(&visible);
    // The reducer keeps messages in the order they appeared; the summary lists them in
    // form order, once per field id.
    let mut listed: Vec<&str> = Vec::new();
    let mut errors: Vec<(String, String)> = Vec::new();
    for ((_, field), _) in fields.clone().filter(|(_, shown)| **shown) {
        if let Some(message) = state.error(&field.id) {
            if !listed.contains(&field.id.as_str()) {
                listed.push(&field.id);
                errors.push((dom_id(&field.id), message.clone()));
            }
        }
    }
    let show_summary = state.submits > 0 && !state.last_submit_valid && !errors.is_empty();
    let items = fields
        .filter(|(_, shown)| **shown)
        .map(|((index, field), _)| {
            html! {
                // Keyed by position, which is unique even when a form repeats an id, so a
                // question that appears does not take over another one's input.
                <FormField key={index} form={state.form.clone()} {index}
                    values={state.answers.raw(&field.id).to_vec()}
                    other={state.answers.other_text(&field.id).to_string()}
                    error={state.error(&field.id).cloned()}
                    on_change={props.on_change.clone()} />
            }
        });
    let onsubmit = {
        let on_change = props.on_change.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            on_change.emit(Action::Submit);
        })
    };
    let start_over = props.on_start_over.reform(|_: MouseEvent| ());
    html! {
        <>
            <nav class="sh-nav" aria-label={t.form_navigation}>
                <button type="button" class="sh-start-over" onclick={start_over}
                    disabled={state.answers.is_empty()}>
                    { t.start_over }
                </button>
                <a class="sh-all-articles" href="#/">{ t.all_articles }</a>
            </nav>
            if show_summary {
                <ErrorSummary {errors} node_ref={summary} />
            }
            <h2 class="sh-form-heading" tabindex="-1" ref={heading}>
                { t.describe_the_problem }
            </h2>
            <p class="sh-form-intro">
                { t.form_intro }
            </p>
            // `novalidate`: the widget's own messages replace the browser's bubbles.
            <form class="sh-form" novalidate=true data-article-id={props.article_id.clone()}
                {onsubmit}>
                { for items }
                if state.form.fields.is_empty() {
                    <p class="sh-empty">{ t.no_questions }</p>
                }
                <div class="sh-answers">
                    <button type="submit" class="sh-submit">{ t.submit }</button>
                </div>
            </form>
        </>
    }
}
