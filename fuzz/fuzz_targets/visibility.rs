//! The visibility language: parsing never panics, comparison spans are inside the text
//! on character boundaries, and evaluation of what parsed never panics.
#![no_main]

use libfuzzer_sys::fuzz_target;
use selfhelp_bundle::visibility;

fuzz_target!(|text: &str| {
    match visibility::parse(text) {
        Ok(parsed) => {
            for span in &parsed.comparisons {
                assert!(text.get(span.field.clone()).is_some());
                if let Some(value) = &span.value {
                    assert!(text.get(value.clone()).is_some());
                }
            }
            let _ = parsed.condition.eval(&|field| vec![field.to_string()]);
            let _ = parsed.condition.eval(&|_| Vec::new());
        }
        Err(error) => assert!(error.offset <= text.len()),
    }
});
