//! The selfhelp widget: plays a compiled library as interactive troubleshooting flows,
//! and problem-scoping forms as questionnaires whose answers go to support.
//!
//! Pure logic (routes, walking the tree, the reducers, form validation and the handoff
//! text, the host's values) lives outside the components so it is tested natively;
//! components render only typed values, never HTML strings. `selfhelp.js` (in `www/`)
//! defines the `<selfhelp-widget>` element and mounts an [`embed::Widget`] in it.

pub mod components;
pub mod dom;
pub mod embed;
pub mod form;
pub mod hooks;
pub mod host_values;
pub mod i18n;
pub mod library;
pub mod panic;
pub mod route;
pub mod shared;
pub mod state;
pub mod walk;

pub use components::{App, AppProps};
pub use embed::Widget;
pub use hooks::{Routing, SourceKey};
pub use library::{Library, Load, Source};
pub use route::{Answer, Route};
pub use state::{Action, AppState};

/// Where the entry is fetched from when the page does not say.
pub const DEFAULT_BUNDLE_URL: &str = "bundle.bin";
