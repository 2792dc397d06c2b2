//! `BrowsePage`: a product's topics with their counts, or one topic's articles.

use selfhelp_bundle::site::count_matching;
use selfhelp_bundle::{Group, Products};
use yew::prelude::*;

use crate::components::error_message::ErrorMessage;
use crate::components::filter_bar::FilterBar;
use crate::components::listing::ArticleList;
use crate::components::loading::Loading;
use crate::hooks::use_library;
use crate::library::Load;
use crate::route::{Filter, Route};
use crate::shared::Shared;
use crate::state::Action;

#[derive(Debug, Clone, PartialEq, Properties)]
pub struct BrowsePageProps {
    pub products: Shared<Products>,
    pub product: AttrValue,
    pub group: Option<AttrValue>,
    pub filter: Filter,
    pub on_action: Callback<Action>,
}

#[function_component]
pub fn BrowsePage(props: &BrowsePageProps) -> Html {
    let library = use_library();
    let t = crate::hooks::use_strings();
    let Some(product) = props
        .products
        .products
        .iter()
        .find(|p| *p.key == *props.product)
    else {
        let message = crate::i18n::fill(t.no_product, &[&props.product]);
        return html! { <ErrorMessage {message} link_home=true /> };
    };
    let page = match library.catalog(product.page) {
        Load::Pending => return html! { <Loading /> },
        Load::Failed(message) => {
            return html! { <ErrorMessage {message} link_home=true retry=true /> }
        }
        Load::Ready(page) => page,
    };
    let filter = props.filter;
    // A product with one topic lists its articles at once.
    let group_key = props
        .group
        .clone()
        .or_else(|| (page.groups.len() == 1).then(|| page.groups[0].key.clone().into()));
    let group = group_key
        .as_ref()
        .and_then(|key| page.groups.iter().find(|g| *g.key == **key));
    let product_route = |filter: Filter| Route::Browse {
        product: product.key.clone(),
        group: None,
        filter,
    };
    let on_filter = {
        let (product, group) = (
            product.key.clone(),
            props.group.as_ref().map(|g| g.to_string()),
        );
        props.on_action.reform(move |filter| {
            Action::Navigate(Route::Browse {
                product: product.clone(),
                group: group.clone(),
                filter,
            })
        })
    };
    let crumbs = html! {
        <nav class="sh-crumbs" aria-label={t.breadcrumb}>
            <ol>
                <li><a href={Route::Home { filter }.to_hash()}>{ t.all_products }</a></li>
                if group.is_some() && page.groups.len() > 1 {
                    <li><a href={product_route(filter).to_hash()}>{ product.name.clone() }</a></li>
                }
            </ol>
        </nav>
    };
    let body = match (&group_key, group) {
        (Some(key), None) => {
            let message = crate::i18n::fill(t.no_topic, &[key, &product.name]);
            html! { <ErrorMessage {message} link_home=true /> }
        }
        (_, Some(group)) => html! {
            <>
                <FilterBar {filter} counts={group.counts.clone()} on_change={on_filter} />
                { group_articles(&library, group, filter) }
            </>
        },
        (None, None) => {
            let all: Vec<_> = page
                .groups
                .iter()
                .flat_map(|g| g.counts.iter().cloned())
                .collect();
            let topics = page.groups.iter().filter_map(|g| {
                let count = count_matching(&g.counts, filter.kind, filter.cloud);
                let href = Route::Browse {
                    product: product.key.clone(),
                    group: Some(g.key.clone()),
                    filter,
                }
                .to_hash();
                (count > 0).then(|| {
                    html! {
                        <li>
                            <a {href}>{ g.name.clone() }</a>
                            <span class="sh-count">{ t.article_count(count) }</span>
                        </li>
                    }
                })
            });
            html! {
                <>
                    <FilterBar {filter} counts={all} on_change={on_filter} />
                    <h2 class="sh-browse-heading">{ t.topics }</h2>
                    <ul class="sh-products sh-topics">{ for topics }</ul>
                </>
            }
        }
    };
    let heading = match group {
        Some(group) if page.groups.len() > 1 => format!("{}: {}", product.name, group.name),
        _ => product.name.clone(),
    };
    html! {
        <section class="sh-browse">
            { crumbs }
            <h1>{ heading }</h1>
            { body }
        </section>
    }
}

/// A group's articles: listed in the product's page, or on a page of their own.
fn group_articles(
    library: &std::rc::Rc<crate::library::Library>,
    group: &Group,
    filter: Filter,
) -> Html {
    let articles = match group.page {
        None => group.articles.clone(),
        Some(own) => match library.catalog(own) {
            Load::Pending => return html! { <Loading /> },
            Load::Failed(message) => {
                return html! { <ErrorMessage {message} link_home=true retry=true /> }
            }
            Load::Ready(own) => own
                .groups
                .first()
                .map(|g| g.articles.clone())
                .unwrap_or_default(),
        },
    };
    html! { <ArticleList key={group.key.clone()} {articles} {filter} /> }
}
