//! Printing diagnostics to stderr, in colour only when stderr is a terminal.

use std::io::IsTerminal;

use codespan_reporting::term::termcolor::{BufferedStandardStream, ColorChoice};
use selfhelp_compiler::Diagnostic;

/// Prints every diagnostic to stderr.
pub fn print(diagnostics: &[Diagnostic]) {
    let choice = if std::io::stderr().is_terminal() {
        ColorChoice::Auto
    } else {
        ColorChoice::Never
    };
    // Buffered: codespan writes a diagnostic in dozens of small pieces, and a corpus
    // build prints thousands of them (unbuffered, that was 400,000 system calls).
    let mut stream = BufferedStandardStream::stderr(choice);
    for diagnostic in diagnostics {
        diagnostic.emit(&mut stream);
    }
    let _ = std::io::Write::flush(&mut stream);
}
