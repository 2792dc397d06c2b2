//! A progress bar on stderr for long builds, shown only when stderr is a terminal.

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressStyle};

/// While the folders are still being walked the total is unknown: a count and a spinner.
const WALKING: &str = "{spinner} compiling {pos} files, finding more";
/// Once the walk is over: a bar with the total.
const COUNTED: &str = "{spinner} compiling {pos}/{len} files {wide_bar} {eta}";

/// A bar that stays hidden unless stderr is a terminal (so logs and tests see nothing).
pub fn bar() -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::no_length();
    style(&bar, WALKING);
    bar
}

fn style(bar: &ProgressBar, template: &str) {
    if let Ok(style) = ProgressStyle::with_template(template) {
        bar.set_style(style);
    }
}

/// Once the walk has counted the files: the bar with its total.
pub fn counted(bar: &ProgressBar, total: usize) {
    bar.set_length(total as u64);
    style(bar, COUNTED);
}

/// Builds with the bar, clearing it before any diagnostics are printed.
pub fn build(paths: &[std::path::PathBuf]) -> selfhelp_compiler::BuildOutput {
    let bar = bar();
    let output =
        selfhelp_compiler::build_observed(paths, |total| counted(&bar, total), || bar.inc(1));
    bar.finish_and_clear();
    output
}
