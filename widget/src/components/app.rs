//! `App`: opens the library and shows the page the route names.

use yew::prelude::*;

use crate::components::article_page::ArticlePage;
use crate::components::browse_page::BrowsePage;
use crate::components::error_message::ErrorMessage;
use crate::components::loading::Loading;
use crate::components::start_page::StartPage;
use crate::hooks::{use_hash_route, use_library_root, LibraryContext, SourceKey};
use crate::library::{Load, Source};
use crate::route::Route;
use crate::shared::Shared;
use crate::state::Action;

#[derive(Debug, Clone, PartialEq, Properties)]
pub struct AppProps {
    /// Where the site comes from: the page's entry URL, or files in memory in tests.
    pub source: SourceKey,
    /// The support address from `data-support-email`; `None` shows no mail link.
    #[prop_or_default]
    pub support_email: Option<String>,
}

impl AppProps {
    pub fn new(source: Source, support_email: Option<String>) -> AppProps {
        AppProps {
            source: SourceKey(source),
            support_email,
        }
    }
}

#[function_component]
pub fn App(props: &AppProps) -> Html {
    let context = use_library_root(&props.source);
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

    let library = context.library.clone();
    let page = match library.entry() {
        Load::Pending => html! { <Loading /> },
        Load::Failed(message) => html! { <ErrorMessage {message} retry=true /> },
        Load::Ready(entry) => {
            let entry = Shared(entry);
            match &state.route {
                Route::Home { filter } => html! {
                    <StartPage {entry} filter={*filter} on_action={on_action.clone()} />
                },
                Route::Browse {
                    product,
                    group,
                    filter,
                } => html! {
                    <BrowsePage {entry} product={product.clone()}
                        group={group.clone().map(AttrValue::from)} filter={*filter}
                        on_action={on_action.clone()} />
                },
                Route::Article {
                    id,
                    version,
                    answers,
                } => match library.article(id) {
                    Load::Pending => html! { <Loading /> },
                    Load::Failed(message) => {
                        html! { <ErrorMessage {message} link_home=true retry=true /> }
                    }
                    Load::Ready(article) => html! {
                        // Keyed by article, so each starts with its own state.
                        <ArticlePage key={id.clone()} article={Shared(article)}
                            version={version.clone()} answers={answers.clone()}
                            support_email={props.support_email.clone()}
                            on_action={on_action.clone()} {focus} />
                    },
                },
                Route::Summary { id } => match library.article(id) {
                    Load::Pending => html! { <Loading /> },
                    Load::Failed(message) => {
                        html! { <ErrorMessage {message} link_home=true retry=true /> }
                    }
                    Load::Ready(article) => html! {
                        <ArticlePage key={id.clone()} article={Shared(article)}
                            answers={Vec::new()} summary=true
                            support_email={props.support_email.clone()}
                            on_action={on_action.clone()} {focus} />
                    },
                },
            }
        }
    };
    html! {
        <ContextProvider<LibraryContext> {context}>
            <div class="sh-widget">{ page }</div>
        </ContextProvider<LibraryContext>>
    }
}
