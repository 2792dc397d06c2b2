//! `use_router`: the widget's state, kept where its routing says: in `location.hash`
//! (the standalone site, or a host that opts in) or in memory and session storage (an
//! embedded widget, which must not touch the host's address).

use gloo::events::EventListener;
use wasm_bindgen::JsValue;
use yew::prelude::*;

use crate::dom::{session_get, session_set};
use crate::route::Route;
use crate::state::{Action, AppState};

/// Where a widget keeps its place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Routing {
    /// In the page's address: every step is a link and the back button walks them.
    Hash,
    /// In memory, saved under this session-storage key so a reload keeps the place.
    Memory { key: String },
}

/// The page's current `location.hash`, `#` included; empty when there is none.
pub fn current_hash() -> String {
    web_sys::window()
        .and_then(|window| window.location().hash().ok())
        .unwrap_or_default()
}

/// The widget's state, started from the address or storage (so deep links and reloads
/// open their step, and `initial` when neither says), and mirrored back after every
/// change. With [`Routing::Hash`] a `hashchange` (back button, edited address, a link)
/// navigates the state.
#[hook]
pub fn use_router(routing: &Routing, initial: Option<Route>) -> UseReducerHandle<AppState> {
    let state = {
        let routing = routing.clone();
        use_reducer_eq(move || {
            let saved = match &routing {
                Routing::Hash => Route::parse(&current_hash()).filter(|r| *r != Route::home()),
                Routing::Memory { key } => session_get(key).and_then(|hash| Route::parse(&hash)),
            };
            AppState::new(saved.or(initial).unwrap_or_default())
        })
    };
    {
        let replace = state.replace_history;
        let routing = routing.clone();
        use_effect_with(state.route.clone(), move |route| match &routing {
            Routing::Hash => write_hash(route, replace),
            Routing::Memory { key } => session_set(key, Some(&route.to_hash())),
        });
    }
    {
        let dispatcher = state.dispatcher();
        let listens = *routing == Routing::Hash;
        use_effect_with(listens, move |listens| {
            let listener = listens.then(web_sys::window).flatten().map(|window| {
                EventListener::new(&window, "hashchange", move |_| {
                    // Read the address now rather than the event's `newURL`: after quick
                    // clicks, events for older hashes may still be queued.
                    if let Some(route) = Route::parse(&current_hash()) {
                        dispatcher.dispatch(Action::Navigate(route));
                    }
                })
            });
            move || drop(listener)
        });
    }
    state
}

/// Shows `route` in the address unless the address already means it.
fn write_hash(route: &Route, replace: bool) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    // A foreign hash (a host page's own anchor) counts as the start page: the widget
    // does not overwrite it on load.
    let shown = location
        .hash()
        .ok()
        .and_then(|hash| Route::parse(&hash))
        .unwrap_or_default();
    if shown == *route {
        return;
    }
    let hash = route.to_hash();
    // Failures here only cost the address bar its sync; the widget itself still works.
    if replace {
        if let Ok(history) = window.history() {
            let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&hash));
        }
    } else {
        let _ = location.set_hash(&hash);
    }
}
