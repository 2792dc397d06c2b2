//! `NavBar`: Back, Start over and All articles, under every step of an article.

use yew::prelude::*;

use crate::hooks::use_strings;

use crate::state::Action;

#[derive(Debug, Clone, PartialEq, Properties)]
pub struct NavBarProps {
    /// On the first question: there is nothing to start over.
    pub at_start: bool,
    pub on_action: Callback<Action>,
}

#[function_component]
pub fn NavBar(props: &NavBarProps) -> Html {
    let t = use_strings();
    html! {
        <nav class="sh-nav" part="nav" aria-label={t.article_navigation}>
            <button type="button" class="sh-back"
                onclick={props.on_action.reform(|_| Action::Back)}>
                { t.back }
            </button>
            <button type="button" class="sh-start-over" disabled={props.at_start}
                onclick={props.on_action.reform(|_| Action::StartOver)}>
                { t.start_over }
            </button>
            // A plain link: the hash change routes it, and it can open in a new tab.
            <a class="sh-all-articles" href="#/">{ t.all_articles }</a>
        </nav>
    }
}
