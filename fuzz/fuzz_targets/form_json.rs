//! The tolerant form JSON reader, then the form reader and its visibility checks, on
//! arbitrary text: never panics, and every label lies inside the text.
#![no_main]

use std::sync::Arc;

use libfuzzer_sys::fuzz_target;
use selfhelp_compiler::form::{self, Fenced};
use selfhelp_compiler::{json, SourceFile};

fuzz_target!(|text: &str| {
    let source = Arc::new(SourceFile::new("f.md", text));
    let mut diagnostics = Vec::new();
    if let Err(error) = json::read(&source, 0..text.len(), &mut diagnostics) {
        assert!(error.span.start <= text.len());
    }
    let fenced = Fenced {
        before: 0..0,
        json: 0..text.len(),
        fence: 0..0,
    };
    let _ = form::parse(&source, &fenced, &mut diagnostics);
    for d in &diagnostics {
        assert!(d.primary.range.end <= text.len());
        let _ = d.render(false);
    }
});
