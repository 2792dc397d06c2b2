//! The `selfhelp` CLI.
fn main() {}
