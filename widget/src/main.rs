//! Starts the widget.
fn main() {}
