//! The selfhelp widget: plays a compiled bundle as an interactive troubleshooting flow,
//! and problem-scoping forms as questionnaires whose answers go to support.
//!
//! Pure logic (routes, walking the tree, the reducers, form validation and the handoff
//! text) lives outside the components so it is tested natively; components render only
//! typed values, never HTML strings.

pub mod components;
pub mod dom;
pub mod form;
pub mod hooks;
pub mod library;
pub mod panic;
pub mod route;
pub mod shared;
pub mod state;
pub mod walk;

pub use components::{App, AppProps};
pub use hooks::SourceKey;
pub use library::{Library, Load, Source};
pub use route::{Answer, Route};
pub use state::{Action, AppState};

/// Where the bundle is fetched from when the page does not say.
pub const DEFAULT_BUNDLE_URL: &str = "bundle.bin";

/// Mounts the widget into `#selfhelp` (or the body), configured by that element's
/// `data-bundle` and `data-support-email` attributes.
pub fn start() {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    let root = document
        .get_element_by_id("selfhelp")
        .or_else(|| document.body().map(Into::into));
    let Some(root) = root else {
        return;
    };
    // Before anything can panic: a panic then shows a message instead of a frozen page.
    panic::install(&root);
    let attribute = |name: &str| {
        root.get_attribute(name)
            .map(|value| value.trim().to_string())
            .filter(|value| !value.is_empty())
    };
    let props = AppProps::new(
        Source::Remote {
            entry: attribute("data-bundle").unwrap_or_else(|| DEFAULT_BUNDLE_URL.to_string()),
        },
        attribute("data-support-email"),
    );
    yew::Renderer::<App>::with_root_and_props(root, props).render();
}
