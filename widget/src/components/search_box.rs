//! `SearchBox`: the search field on every page, an ARIA combobox whose listbox shows the
//! best results as the visitor types. Arrow keys move through them, Enter opens one (or
//! every result, on the search page), Escape closes the list, then clears the field.

use selfhelp_search::{Filters, Request, TYPEAHEAD_RESULTS};
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, KeyboardEvent};
use yew::prelude::*;

use crate::components::search_hit::{hit_route, render_excerpt};
use crate::hooks::{use_library, use_strings};
use crate::library::Load;
use crate::route::{Filter, Route};
use crate::state::Action;

#[derive(Debug, Clone, PartialEq, Properties)]
pub struct SearchBoxProps {
    /// The query to start from (the search page's own).
    #[prop_or_default]
    pub query: AttrValue,
    pub on_action: Callback<Action>,
    /// Focus the field on `/` (standalone site: anywhere on the page).
    #[prop_or_default]
    pub input_ref: NodeRef,
}

#[function_component]
pub fn SearchBox(props: &SearchBoxProps) -> Html {
    let t = use_strings();
    let library = use_library();
    let text = use_state(|| props.query.to_string());
    let open = use_state(|| false);
    let active = use_state(|| None::<usize>);
    let query = text.trim().to_string();
    let results = match query.is_empty() {
        true => None,
        false => Some(library.search(&Request {
            text: query.clone(),
            filters: Filters::default(),
            limit: TYPEAHEAD_RESULTS,
            plain: false,
        })),
    };
    let hits = match &results {
        Some(Load::Ready(results)) => results.hits.clone(),
        _ => Vec::new(),
    };
    let shown = *open && !query.is_empty();
    let go = {
        let on_action = props.on_action.clone();
        let open = open.clone();
        move |route: Route| {
            open.set(false);
            on_action.emit(Action::Navigate(route));
        }
    };
    let all_results = |query: String| Route::Search {
        query,
        product: None,
        filter: Filter::default(),
    };
    let oninput = {
        let (text, open, active) = (text.clone(), open.clone(), active.clone());
        Callback::from(move |event: InputEvent| {
            if let Some(input) = event
                .target()
                .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
            {
                text.set(input.value());
                open.set(true);
                active.set(None);
            }
        })
    };
    // A value set without typing (autofill, a script, a test's clear) arrives as a change
    // only; taking it keeps the next render from writing the old text back.
    let onchange = {
        let text = text.clone();
        Callback::from(move |event: Event| {
            if let Some(input) = event
                .target()
                .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
            {
                text.set(input.value());
            }
        })
    };
    let onkeydown = {
        let (text, open, active) = (text.clone(), open.clone(), active.clone());
        let hits = hits.clone();
        let go = go.clone();
        Callback::from(move |event: KeyboardEvent| {
            let count = hits.len();
            match event.key().as_str() {
                "ArrowDown" if count > 0 => {
                    event.prevent_default();
                    open.set(true);
                    active.set(Some(active.map_or(0, |a| (a + 1) % count)));
                }
                "ArrowUp" if count > 0 => {
                    event.prevent_default();
                    open.set(true);
                    active.set(Some(active.map_or(count - 1, |a| (a + count - 1) % count)));
                }
                "Enter" => {
                    event.prevent_default();
                    // The field as it is now: an Enter typed right after the last letter
                    // can come before the render that letter causes.
                    let typed = event
                        .target()
                        .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
                        .map_or_else(|| text.to_string(), |input| input.value());
                    match active.and_then(|a| hits.get(a)) {
                        Some(hit) => go(hit_route(hit)),
                        None if !typed.trim().is_empty() => go(all_results(typed.trim().into())),
                        None => {}
                    }
                }
                "Escape" if *open => {
                    event.prevent_default();
                    open.set(false);
                    active.set(None);
                }
                "Escape" => text.set(String::new()),
                _ => {}
            }
        })
    };
    // The engine and the index's root start loading when the field gets focus, so the
    // first letters typed do not wait for them.
    let onfocus = {
        let library = library.clone();
        Callback::from(move |_: FocusEvent| library.prepare_search())
    };
    let onblur = {
        let open = open.clone();
        // Later than a click on an option, which must land first.
        Callback::from(move |_| {
            let open = open.clone();
            yew::platform::spawn_local(async move {
                yew::platform::time::sleep(std::time::Duration::from_millis(150)).await;
                open.set(false);
            });
        })
    };
    let status = match &results {
        Some(Load::Ready(results)) => t.result_count(results.total),
        Some(Load::Pending) => t.searching.to_string(),
        Some(Load::Failed(message)) => message.clone(),
        None => String::new(),
    };
    // Product names come with the product list, asked for only once there are hits to
    // name them for (an article page has not fetched it).
    let products = match hits.is_empty() {
        true => None,
        false => match library.products() {
            Load::Ready(products) => Some(products),
            _ => None,
        },
    };
    let options = hits.iter().enumerate().map(|(n, hit)| {
        let href = hit_route(hit).to_hash();
        let product = products
            .as_ref()
            .and_then(|list| list.products.get(hit.product as usize))
            .map(|p| p.name.clone())
            .unwrap_or_default();
        let selected = *active == Some(n);
        let onclick = {
            let go = go.clone();
            let route = hit_route(hit);
            Callback::from(move |event: MouseEvent| {
                event.prevent_default();
                go(route.clone());
            })
        };
        html! {
            <li role="option" id={format!("sh-search-option-{n}")} aria-selected={selected.to_string()}
                class={if selected { "sh-search-option sh-active" } else { "sh-search-option" }}>
                <a {href} {onclick} tabindex="-1">
                    <span class="sh-search-title">{ hit.title.clone() }</span>
                    <span class="sh-search-product">{ product }</span>
                    <span class="sh-search-excerpt">{ render_excerpt(&hit.excerpt) }</span>
                </a>
            </li>
        }
    });
    let see_all = {
        let go = go.clone();
        let query = query.clone();
        Callback::from(move |event: MouseEvent| {
            event.prevent_default();
            go(all_results(query.clone()));
        })
    };
    let onsubmit = {
        let go = go.clone();
        let (input, query) = (props.input_ref.clone(), query.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let typed = input
                .cast::<HtmlInputElement>()
                .map_or_else(|| query.clone(), |i| i.value().trim().to_string());
            if !typed.is_empty() {
                go(all_results(typed));
            }
        })
    };
    html! {
        <form class="sh-search" role="search" aria-label={t.search_label} {onsubmit}>
            <label class="sh-visually-hidden" for="sh-search-input">{ t.search_label }</label>
            <input id="sh-search-input" class="sh-search-input" type="search" role="combobox"
                ref={props.input_ref.clone()} value={(*text).clone()} placeholder={t.search_placeholder}
                autocomplete="off" spellcheck="false" aria-autocomplete="list"
                aria-controls="sh-search-list" aria-expanded={shown.to_string()}
                aria-activedescendant={active.filter(|_| shown).map(|a| format!("sh-search-option-{a}"))}
                {oninput} {onchange} {onkeydown} {onfocus} {onblur} />
            <button type="submit" class="sh-search-button">{ t.search_button }</button>
            <p class="sh-visually-hidden sh-search-status" aria-live="polite">{ if shown { status } else { String::new() } }</p>
            <ul id="sh-search-list" role="listbox" class="sh-search-list" aria-label={t.search_label}
                hidden={!shown || hits.is_empty()}>
                { for options }
            </ul>
            if shown && !hits.is_empty() {
                <p class="sh-search-all">
                    <a href={all_results(query.clone()).to_hash()} onclick={see_all}>
                        { crate::i18n::fill(t.see_all, &[&query]) }
                    </a>
                </p>
            }
        </form>
    }
}
