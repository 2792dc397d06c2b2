//! A progress bar on stderr for long builds, shown only when stderr is a terminal.

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressStyle};

/// A bar that stays hidden unless stderr is a terminal (so logs and tests see nothing).
pub fn bar() -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(0);
    if let Ok(style) =
        ProgressStyle::with_template("{spinner} compiling {pos}/{len} files {wide_bar} {eta}")
    {
        bar.set_style(style);
    }
    bar
}

/// Builds with the bar, clearing it before any diagnostics are printed.
pub fn build(paths: &[std::path::PathBuf]) -> selfhelp_compiler::BuildOutput {
    let bar = bar();
    let output = selfhelp_compiler::build_observed(
        paths,
        |total| bar.set_length(total as u64),
        || bar.inc(1),
    );
    bar.finish_and_clear();
    output
}
