//! `StartPage`: "How can we help?" and the products and services, with their counts.

use selfhelp_bundle::site::count_matching;
use selfhelp_bundle::{Count, Entry};
use yew::prelude::*;

use crate::components::filter_bar::FilterBar;
use crate::route::{Filter, Route};
use crate::shared::Shared;
use crate::state::Action;

#[derive(Debug, Clone, PartialEq, Properties)]
pub struct StartPageProps {
    pub entry: Shared<Entry>,
    pub filter: Filter,
    pub on_action: Callback<Action>,
}

#[function_component]
pub fn StartPage(props: &StartPageProps) -> Html {
    let filter = props.filter;
    let all: Vec<Count> = props
        .entry
        .products
        .iter()
        .flat_map(|p| p.counts.iter().cloned())
        .collect();
    let on_filter = props
        .on_action
        .reform(|filter| Action::Navigate(Route::Home { filter }));
    let products: Vec<Html> = props
        .entry
        .products
        .iter()
        .filter_map(|product| {
            let count = count_matching(&product.counts, filter.kind, filter.cloud);
            (count > 0).then(|| {
                let href = Route::Browse {
                    product: product.key.clone(),
                    group: None,
                    filter,
                }
                .to_hash();
                html! {
                    <li>
                        <a {href}>{ product.name.clone() }</a>
                        <span class="sh-count">{ count_text(count) }</span>
                    </li>
                }
            })
        })
        .collect();
    html! {
        <section class="sh-start">
            <h1>{ "How can we help?" }</h1>
            if props.entry.products.is_empty() {
                <p class="sh-empty">{ "There are no help articles yet." }</p>
            } else {
                <FilterBar {filter} counts={all} on_change={on_filter} />
                <h2 class="sh-browse-heading">{ "Browse by product or service" }</h2>
                if products.is_empty() {
                    <p class="sh-empty">{ "No articles match these filters." }</p>
                } else {
                    <ul class="sh-products">{ for products }</ul>
                }
            }
        </section>
    }
}

/// "1 article", "12 articles".
pub fn count_text(count: u32) -> String {
    match count {
        1 => "1 article".to_string(),
        n => format!("{n} articles"),
    }
}
