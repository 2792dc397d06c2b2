//! Custom hooks: the library of site files, syncing the route with the address, moving focus,
//! and a form's state kept across reloads.

mod use_focus;
mod use_form;
mod use_library;
mod use_router;
mod use_strings;

pub use use_focus::use_focus_on_change;
pub use use_form::use_form;
pub use use_library::{use_library, use_library_root, LibraryContext, SourceKey};
pub use use_router::{current_hash, use_router, Routing};
pub use use_strings::{use_strings, Language};
