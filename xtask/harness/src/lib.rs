//! Dev only: one static host and one Chromium set-up for `cargo xtask` and the tests.
//!
//! The benches (`xtask`) and the end-to-end tests (`tests/e2e`) must serve a built site
//! and start a browser the same way, or a bench would measure something the tests never
//! saw. Each keeps its own server loop and session type (the benches log requests, the
//! tests add headers and go offline); what must agree lives here.

pub mod chromium;
pub mod static_files;
