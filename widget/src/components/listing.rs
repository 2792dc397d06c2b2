//! `ArticleList`: a topic's articles, a page at a time, each link fetching its article
//! as soon as the pointer or the keyboard reaches it.

use selfhelp_bundle::{Kind, Listing};
use yew::prelude::*;

use crate::hooks::use_library;
use crate::route::{Filter, Route};

/// Articles shown at first, and added by each "Show more".
pub const PAGE_SIZE: usize = 40;

#[derive(Debug, Clone, PartialEq, Properties)]
pub struct ArticleListProps {
    pub articles: Vec<Listing>,
    pub filter: Filter,
}

#[function_component]
pub fn ArticleList(props: &ArticleListProps) -> Html {
    let library = use_library();
    let t = crate::hooks::use_strings();
    let shown = use_state(|| PAGE_SIZE);
    let filter = props.filter;
    let matching: Vec<&Listing> = props
        .articles
        .iter()
        .filter(|a| filter.kind.is_none_or(|k| k == a.kind))
        .filter(|a| filter.cloud.is_none_or(|bit| a.clouds & bit != 0))
        .collect();
    if matching.is_empty() {
        return html! { <p class="sh-empty">{ t.nothing_matches }</p> };
    }
    let items = matching.iter().take(*shown).map(|listing| {
        let href = Route::article(listing.id.clone()).to_hash();
        let prefetch = {
            let library = library.clone();
            let id = listing.id.clone();
            Callback::from(move |_: Event| library.prefetch(&id))
        };
        let (badge, badge_class) = match listing.kind {
            Kind::Troubleshooter => (t.troubleshooter, "sh-badge"),
            Kind::Questionnaire => (t.questionnaire, "sh-badge sh-badge-form"),
        };
        html! {
            <li>
                <a {href} onmouseenter={prefetch.reform(Event::from)} onfocus={prefetch.reform(Event::from)}>
                    { listing.title.clone() }
                </a>
                <span class={badge_class}>{ badge }</span>
                if !listing.description.is_empty() {
                    <p>{ listing.description.clone() }</p>
                }
            </li>
        }
    });
    let more = matching.len().saturating_sub(*shown);
    let on_more = {
        let shown = shown.clone();
        Callback::from(move |_| shown.set(*shown + PAGE_SIZE))
    };
    html! {
        <>
            <ul class="sh-articles">{ for items }</ul>
            if more > 0 {
                <p class="sh-more">
                    <button type="button" class="sh-show-more" onclick={on_more}>
                        { crate::i18n::fill(t.show_more, &[&more.min(PAGE_SIZE).to_string(), &matching.len().to_string()]) }
                    </button>
                </p>
            }
        </>
    }
}
