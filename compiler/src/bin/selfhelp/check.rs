//! `selfhelp check <paths>...`: compile, report, write nothing.

use std::path::PathBuf;

use crate::report;

/// Returns false when any error was found.
pub fn run(paths: &[PathBuf]) -> bool {
    let output = selfhelp_compiler::build(paths);
    report::print(&output.diagnostics);
    let (errors, warnings) = output.counts();
    println!(
        "{} files, {} compiled, {errors} errors, {warnings} warnings",
        output.files, output.compiled
    );
    errors == 0
}
