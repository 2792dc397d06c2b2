//! `use_hash_route`: the app state, kept in sync with `location.hash` both ways.

use gloo::events::EventListener;
use wasm_bindgen::JsValue;
use yew::prelude::*;

use crate::route::Route;
use crate::state::{Action, AppState};

/// The page's current `location.hash`, `#` included; empty when there is none.
pub fn current_hash() -> String {
    web_sys::window()
        .and_then(|window| window.location().hash().ok())
        .unwrap_or_default()
}

/// The widget's state, started from the address (so deep links open their step) and
/// mirrored into it after every change (so each step is a history entry the browser's
/// back button returns to). A `hashchange` (back button, edited address, a link to
/// `#/`) navigates the state.
#[hook]
pub fn use_hash_route() -> UseReducerHandle<AppState> {
    let state = use_reducer_eq(|| AppState::new(Route::parse(&current_hash()).unwrap_or_default()));
    {
        let replace = state.replace_history;
        use_effect_with(state.route.clone(), move |route| write_hash(route, replace));
    }
    {
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|window| {
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
