//! `selfhelp check <paths>... [--format text|json]`: compile, report, write nothing.

use std::path::PathBuf;

use crate::summary::Summary;
use crate::{progress, report};

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Diagnostics on stderr, the summary tables on stdout.
    Text,
    /// One JSON object on stdout: the summary and every diagnostic.
    Json,
}

/// Returns false when any error was found.
pub fn run(paths: &[PathBuf], format: Format) -> bool {
    let output = progress::build(paths);
    match format {
        Format::Text => {
            report::print(&output.diagnostics);
            print!("{}", Summary::new(&output, false).table());
        }
        Format::Json => match serde_json::to_string_pretty(&Summary::new(&output, true)) {
            Ok(json) => println!("{json}"),
            Err(error) => {
                eprintln!("error: cannot print JSON: {error}");
                return false;
            }
        },
    }
    !output.has_errors()
}
