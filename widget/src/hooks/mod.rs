//! Custom hooks: the library of site files, syncing the route with the address, moving focus,
//! and a form's state kept across reloads.

mod use_focus;
mod use_form;
mod use_hash_route;
mod use_library;

pub use use_focus::use_focus_on_change;
pub use use_form::use_form;
pub use use_hash_route::{current_hash, use_hash_route};
pub use use_library::{use_library, use_library_root, LibraryContext, SourceKey};
