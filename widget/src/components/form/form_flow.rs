//! `FormFlow`: a form article from questions to summary. It owns the form's state, so
//! answers stay while the reader moves between the form and its summary, and it hands
//! the answers off once a submit finds nothing wrong.

use selfhelp_bundle::{ArticleBody, ChunkArticle, Form};
use yew::prelude::*;

use crate::components::article_title;
use crate::components::form::form_page::FormPage;
use crate::components::form::summary_page::SummaryPage;
use crate::dom::session_set;
use crate::embed::{Detail, Emitter};
use crate::form::{storage_key, Action as FormAction, Submission};
use crate::hooks::use_form;
use crate::route::Route;
use crate::shared::Shared;
use crate::state::Action;

#[derive(Debug, Clone, PartialEq, Properties)]
pub struct FormFlowProps {
    /// An article whose body is a form.
    pub article: Shared<ChunkArticle>,
    /// Show the summary (`#/article/<id>/summary`) rather than the questions.
    #[prop_or_default]
    pub summary: bool,
    #[prop_or_default]
    pub support_email: Option<String>,
    pub on_action: Callback<Action>,
    #[prop_or_default]
    pub focus: bool,
}

#[function_component]
pub fn FormFlow(props: &FormFlowProps) -> Html {
    let article = &props.article.article;
    let article_id: AttrValue = article.meta.article_id.clone().into();
    // Cloned once per article: the state keeps its own handle to the form.
    let form = use_memo(props.article.clone(), |article| {
        form_of(&article.article.body).cloned().unwrap_or_default()
    });
    let key = storage_key(article);
    let title = article_title(article);
    let state = use_form(Shared(form.clone()), key.clone());
    let container = use_node_ref();
    let form_route = Route::article(article_id.to_string());
    let summary_route = Route::Summary {
        id: article_id.to_string(),
    };
    let submission = Submission::new(&article_id, &title, &form, &state.answers);
    {
        // Once per valid submit: tell the host page, forget the stored copy, show the
        // summary.
        let valid = state.last_submit_valid;
        let emitter = use_context::<Emitter>().unwrap_or_default();
        let json = submission.to_json();
        let on_action = props.on_action.clone();
        let route = summary_route.clone();
        let key = key.clone();
        use_effect_with(state.submits, move |submits| {
            if *submits > 0 && valid {
                emitter.emit("submit", Detail::extend(&json));
                session_set(&key, None);
                on_action.emit(Action::Navigate(route));
            }
        });
    }
    // The summary shows only what was handed off: an address that asks for it before a
    // valid submit (a reload, a changed answer) goes to the questions instead.
    let show_summary = props.summary && state.last_submit_valid;
    {
        let redirect = (props.summary && !state.last_submit_valid).then(|| form_route.clone());
        let on_action = props.on_action.clone();
        use_effect_with(redirect, move |redirect| {
            if let Some(route) = redirect {
                on_action.emit(Action::Replace(route.clone()));
            }
        });
    }

    let on_change = {
        let state = state.clone();
        Callback::from(move |action: FormAction| state.dispatch(action))
    };
    let on_start_over = {
        let state = state.clone();
        let on_action = props.on_action.clone();
        let route = form_route.clone();
        Callback::from(move |_| {
            on_action.emit(Action::Navigate(route.clone()));
            state.dispatch(FormAction::Reset);
        })
    };
    let on_edit = props
        .on_action
        .reform(move |_| Action::Navigate(form_route.clone()));
    let page = if show_summary {
        html! {
            <SummaryPage {submission} support_email={props.support_email.clone()}
                attachment_hint={form.settings.file_attachment_hint.clone()}
                {on_edit} {on_start_over} focus={props.focus} />
        }
    } else {
        html! {
            // A new generation (after Start over) rebuilds the inputs from scratch, so
            // no control keeps a value the state no longer has.
            <FormPage key={state.generation} state={state.clone()}
                article_id={article_id.clone()} {on_change} {on_start_over}
                focus={props.focus} />
        }
    };
    html! { <div class="sh-form-flow" ref={container}>{ page }</div> }
}

/// The form of an article body.
fn form_of(body: &ArticleBody) -> Option<&Form> {
    match body {
        ArticleBody::Form(form) => Some(form),
        ArticleBody::Tree(_) | ArticleBody::Data(_) => None,
    }
}
