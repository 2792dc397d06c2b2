//! `SearchPage`: every result of a query, with filters by product, kind and cloud (each
//! choice with its count), "did you mean" when little matches, and a way to browse when
//! nothing does.

use selfhelp_bundle::{Kind, Products};
use selfhelp_search::{Filters, Request};
use wasm_bindgen::JsCast;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::components::error_message::ErrorMessage;
use crate::components::loading::Loading;
use crate::components::search_hit::{hit_route, render_excerpt};
use crate::hooks::{use_library, use_strings};
use crate::i18n::fill;
use crate::library::Load;
use crate::route::{kind_name, Filter, Route, CLOUDS};
use crate::shared::Shared;
use crate::state::Action;

/// Results a page shows at first, and each "Show more" adds.
const PAGE: usize = 20;

#[derive(Debug, Clone, PartialEq, Properties)]
pub struct SearchPageProps {
    pub products: Shared<Products>,
    pub query: AttrValue,
    pub product: Option<AttrValue>,
    pub filter: Filter,
    pub on_action: Callback<Action>,
}

#[function_component]
pub fn SearchPage(props: &SearchPageProps) -> Html {
    let t = use_strings();
    let library = use_library();
    let limit = use_state(|| PAGE);
    let query = props.query.trim().to_string();
    let product_index = props
        .product
        .as_ref()
        .and_then(|key| props.products.products.iter().position(|p| *p.key == **key))
        .map(|i| i as u32);
    let filters = Filters {
        product: product_index,
        kind: props.filter.kind.map(|k| match k {
            Kind::Troubleshooter => 0,
            Kind::Questionnaire => 1,
        }),
        cloud: props.filter.cloud,
    };
    let heading = html! { <h1>{ t.search_heading }</h1> };
    if query.is_empty() {
        return html! { <section class="sh-search-page">{ heading }</section> };
    }
    let results = match library.search(&Request {
        text: query.clone(),
        filters,
        limit: *limit,
        plain: false,
    }) {
        Load::Pending => {
            return html! { <section class="sh-search-page">{ heading }<Loading /></section> }
        }
        Load::Failed(message) => {
            return html! { <section class="sh-search-page">{ heading }<ErrorMessage {message} link_home=true retry=true /></section> }
        }
        Load::Ready(results) => results,
    };
    // This search with the product or the filter changed.
    let route_with = {
        let query = query.clone();
        let product = props.product.as_ref().map(|p| p.to_string());
        let filter = props.filter;
        move |p: Option<Option<String>>, f: Option<Filter>| Route::Search {
            query: query.clone(),
            product: p.unwrap_or_else(|| product.clone()),
            filter: f.unwrap_or(filter),
        }
    };
    let product_options = results.facets.products.iter().filter_map(|(index, count)| {
        let product = props.products.products.get(*index as usize)?;
        Some(html! {
            <option value={product.key.clone()} selected={props.product.as_deref() == Some(product.key.as_str())}>
                { format!("{}{}", product.name, fill(t.with_count, &[&count.to_string()])) }
            </option>
        })
    });
    let on_product = {
        let on_action = props.on_action.clone();
        let route_with = route_with.clone();
        Callback::from(move |event: Event| {
            let key = selected(&event);
            let product = (!key.is_empty()).then_some(key);
            on_action.emit(Action::Navigate(route_with(Some(product), None)));
        })
    };
    let on_kind = {
        let on_action = props.on_action.clone();
        let route_with = route_with.clone();
        let filter = props.filter;
        Callback::from(move |event: Event| {
            let value = selected(&event);
            let kind = [Kind::Troubleshooter, Kind::Questionnaire]
                .into_iter()
                .find(|k| kind_name(*k) == value);
            on_action.emit(Action::Navigate(route_with(
                None,
                Some(Filter { kind, ..filter }),
            )));
        })
    };
    let on_cloud = {
        let on_action = props.on_action.clone();
        let route_with = route_with.clone();
        let filter = props.filter;
        Callback::from(move |event: Event| {
            let value = selected(&event);
            let cloud = CLOUDS
                .iter()
                .find(|(name, _)| *name == value)
                .map(|(_, bit)| *bit);
            on_action.emit(Action::Navigate(route_with(
                None,
                Some(Filter { cloud, ..filter }),
            )));
        })
    };
    let kind_count = |kind: u8| {
        results
            .facets
            .kinds
            .iter()
            .find(|(k, _)| *k == kind)
            .map_or(0, |(_, n)| *n)
    };
    let cloud_count = |bit: u8| {
        results
            .facets
            .clouds
            .iter()
            .find(|(c, _)| *c == bit)
            .map_or(0, |(_, n)| *n)
    };
    let hits = results.hits.iter().map(|hit| {
        let route = hit_route(hit);
        let product = props
            .products
            .products
            .get(hit.product as usize)
            .map(|p| p.name.clone())
            .unwrap_or_default();
        html! {
            <li>
                <a href={route.to_hash()}>{ hit.title.clone() }</a>
                <span class="sh-search-product">{ product }</span>
                <p class="sh-search-excerpt">{ render_excerpt(&hit.excerpt) }</p>
            </li>
        }
    });
    let suggestion = results.suggestion.clone().map(|suggestion| {
        let route = Route::Search {
            query: suggestion.clone(),
            product: None,
            filter: Filter::default(),
        };
        html! {
            <p class="sh-did-you-mean">
                { t.did_you_mean }{ " " }
                <a href={route.to_hash()}>{ suggestion }</a>
                { "?" }
            </p>
        }
    });
    let more = results.total.min(100).saturating_sub(results.hits.len());
    let on_more = {
        let limit = limit.clone();
        Callback::from(move |_| limit.set((*limit + PAGE).min(100)))
    };
    html! {
        <section class="sh-search-page">
            { heading }
            <p class="sh-search-count" role="status">{ t.result_count(results.total) }</p>
            { suggestion }
            <div class="sh-filters" role="group" aria-label={t.filters}>
                <label class="sh-filter">
                    <span>{ t.product }</span>
                    <select class="sh-filter-product" onchange={on_product}>
                        <option value="" selected={props.product.is_none()}>{ t.all_products }</option>
                        { for product_options }
                    </select>
                </label>
                <label class="sh-filter">
                    <span>{ t.show }</span>
                    <select class="sh-filter-kind" onchange={on_kind}>
                        <option value="" selected={props.filter.kind.is_none()}>{ t.everything }</option>
                        <option value="troubleshooter" selected={props.filter.kind == Some(Kind::Troubleshooter)}>
                            { format!("{}{}", t.troubleshooters, fill(t.with_count, &[&kind_count(0).to_string()])) }
                        </option>
                        <option value="questionnaire" selected={props.filter.kind == Some(Kind::Questionnaire)}>
                            { format!("{}{}", t.questionnaires, fill(t.with_count, &[&kind_count(1).to_string()])) }
                        </option>
                    </select>
                </label>
                <label class="sh-filter">
                    <span>{ t.cloud }</span>
                    <select class="sh-filter-cloud" onchange={on_cloud}>
                        <option value="" selected={props.filter.cloud.is_none()}>{ t.all_clouds }</option>
                        { for CLOUDS.iter().zip(t.clouds).map(|((name, bit), label)| html! {
                            <option value={*name} selected={props.filter.cloud == Some(*bit)}>
                                { format!("{label}{}", fill(t.with_count, &[&cloud_count(*bit).to_string()])) }
                            </option>
                        }) }
                    </select>
                </label>
            </div>
            if results.hits.is_empty() {
                <p class="sh-empty">{ fill(t.no_results, &[&query]) }</p>
                <p><a href={Route::home().to_hash()}>{ t.browse_instead }</a></p>
            } else {
                <ol class="sh-articles sh-search-results">{ for hits }</ol>
                if more > 0 {
                    <p class="sh-more">
                        <button type="button" class="sh-show-more" onclick={on_more}>
                            { fill(t.show_more, &[&more.min(PAGE).to_string(), &results.total.to_string()]) }
                        </button>
                    </p>
                }
            }
        </section>
    }
}

fn selected(event: &Event) -> String {
    event
        .target()
        .and_then(|t| t.dyn_into::<HtmlSelectElement>().ok())
        .map(|select| select.value())
        .unwrap_or_default()
}
