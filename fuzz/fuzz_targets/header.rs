//! The `<properties ... />` header scanner on arbitrary text: never panics, and every
//! diagnostic's label lies inside the text.
#![no_main]

use std::sync::Arc;

use libfuzzer_sys::fuzz_target;
use selfhelp_compiler::{header, SourceFile};

fuzz_target!(|data: &[u8]| {
    let (source, _) = SourceFile::decode("f.md", data);
    let source = Arc::new(source);
    let mut diagnostics = Vec::new();
    if let Some(header) = header::parse(&source, &mut diagnostics) {
        assert!(header.body_start() <= source.text.len());
    }
    for d in &diagnostics {
        assert!(d.primary.range.end <= source.text.len());
    }
});
