//! The whole compile (header, markdown lowering, forms, data) of arbitrary bytes: never
//! panics, trees are well formed, and diagnostics render.
#![no_main]

use libfuzzer_sys::fuzz_target;
use selfhelp_bundle::ArticleBody;
use selfhelp_compiler::compile;

fuzz_target!(|data: &[u8]| {
    let compiled = compile("f.md", "f.md", data);
    if let Some(ArticleBody::Tree(tree)) = compiled.article.as_ref().map(|a| &a.body) {
        assert!(tree.is_well_formed());
    }
    for d in &compiled.diagnostics {
        let _ = d.render(false);
    }
});
