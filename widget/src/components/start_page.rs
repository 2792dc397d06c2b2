//! `StartPage`: "How can we help?" and the products and services, with their counts.

use selfhelp_bundle::site::count_matching;
use selfhelp_bundle::{Count, Products};
use yew::prelude::*;

use crate::hooks::use_strings;

use crate::components::filter_bar::FilterBar;
use crate::route::{Filter, Route};
use crate::shared::Shared;
use crate::state::Action;

#[derive(Debug, Clone, PartialEq, Properties)]
pub struct StartPageProps {
    pub products: Shared<Products>,
    pub filter: Filter,
    pub on_action: Callback<Action>,
}

#[function_component]
pub fn StartPage(props: &StartPageProps) -> Html {
    let t = use_strings();
    let filter = props.filter;
    let all: Vec<Count> = props
        .products
        .products
        .iter()
        .flat_map(|p| p.counts.iter().cloned())
        .collect();
    let on_filter = props
        .on_action
        .reform(|filter| Action::Navigate(Route::Home { filter }));
    let products: Vec<Html> = props
        .products
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
                        <span class="sh-count">{ t.article_count(count) }</span>
                    </li>
                }
            })
        })
        .collect();
    html! {
        <section class="sh-start" part="start">
            <h1>{ t.how_can_we_help }</h1>
            if props.products.products.is_empty() {
                <p class="sh-empty">{ t.no_articles_yet }</p>
            } else {
                <FilterBar {filter} counts={all} on_change={on_filter} />
                <h2 class="sh-browse-heading">{ t.browse_heading }</h2>
                if products.is_empty() {
                    <p class="sh-empty">{ t.nothing_matches }</p>
                } else {
                    <ul class="sh-products">{ for products }</ul>
                }
            }
        </section>
    }
}
