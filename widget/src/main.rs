//! The wasm binary trunk builds: mounting is the loader's (`www/selfhelp.js`), which
//! calls the library's exports; this only keeps them in the build.

fn main() {}

/// Keeps the exported [`selfhelp_widget::Widget`] linked into the binary.
pub use selfhelp_widget::Widget;
