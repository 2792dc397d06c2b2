//! `App`: loads the bundle and shows the page the route names.

use yew::prelude::*;

use crate::components::article_page::ArticlePage;
use crate::components::error_message::ErrorMessage;
use crate::components::start_page::StartPage;
use crate::hooks::{use_bundle, use_hash_route, BundleSource, BundleState};
use crate::route::Route;
use crate::state::Action;

#[derive(Debug, Clone, PartialEq, Properties)]
pub struct AppProps {
    /// Where the bundle comes from: the page's `data-bundle` URL, or bytes in tests.
    pub source: BundleSource,
    /// The support address from `data-support-email`; `None` shows no mail link.
    #[prop_or_default]
    pub support_email: Option<String>,
}

#[function_component]
pub fn App(props: &AppProps) -> Html {
    let bundle = use_bundle(&props.source);
    let state = use_hash_route();
    let on_action = {
        let state = state.clone();
        Callback::from(move |action: Action| state.dispatch(action))
    };

    // Focus follows the reader's moves only: a page opened at a deep link keeps the
    // host page's focus and scroll position until the reader acts.
    let first_route = {
        let route = state.route.clone();
        use_memo((), move |_| route)
    };
    let moved = use_mut_ref(|| false);
    if state.route != *first_route {
        *moved.borrow_mut() = true;
    }
    let focus = *moved.borrow();

    let page = match bundle {
        BundleState::Loading => html! {
            <p class="sh-loading" role="status">{ "Loading…" }</p>
        },
        BundleState::Failed(message) => html! { <ErrorMessage {message} /> },
        BundleState::Loaded(bundle) => match &state.route {
            Route::Home => html! { <StartPage {bundle} /> },
            Route::Article { id, answers } => html! {
                <ArticlePage
                    {bundle}
                    article_id={id.clone()}
                    answers={answers.clone()}
                    support_email={props.support_email.clone()}
                    {on_action}
                    {focus}
                />
            },
            Route::Summary { id } => html! {
                <ArticlePage
                    {bundle}
                    article_id={id.clone()}
                    answers={Vec::new()}
                    summary=true
                    support_email={props.support_email.clone()}
                    {on_action}
                    {focus}
                />
            },
        },
    };
    html! { <div class="sh-widget">{ page }</div> }
}
