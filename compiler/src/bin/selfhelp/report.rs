//! Printing diagnostics to stderr, in colour only when stderr is a terminal.

use std::io::IsTerminal;

use codespan_reporting::term::termcolor::{ColorChoice, StandardStream};
use selfhelp_compiler::Diagnostic;

/// Prints every diagnostic to stderr.
pub fn print(diagnostics: &[Diagnostic]) {
    let choice = if std::io::stderr().is_terminal() {
        ColorChoice::Auto
    } else {
        ColorChoice::Never
    };
    let stream = StandardStream::stderr(choice);
    let mut lock = stream.lock();
    for diagnostic in diagnostics {
        diagnostic.emit(&mut lock);
    }
}
