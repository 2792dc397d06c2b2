//! Starts the widget; everything else is in the library, where tests can reach it.

fn main() {
    selfhelp_widget::start();
}
