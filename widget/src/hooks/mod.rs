//! Custom hooks: loading the bundle, syncing the route with the address, moving focus,
//! and a form's state kept across reloads.

mod use_bundle;
mod use_focus;
mod use_form;
mod use_hash_route;

pub use use_bundle::{use_bundle, BundleSource, BundleState};
pub use use_focus::use_focus_on_change;
pub use use_form::use_form;
pub use use_hash_route::{current_hash, use_hash_route};
