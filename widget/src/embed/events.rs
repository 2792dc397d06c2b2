//! Events for the host page: the widget names what happened and says it as JSON; the
//! loader (`selfhelp.js`) adds the instance and build ids and dispatches it as a
//! bubbling, composed `selfhelp:<name>` `CustomEvent` on the widget's element.

use std::rc::Rc;

use js_sys::Function;
use wasm_bindgen::JsValue;

use crate::form::export::json_string;

/// Where events go; without a listener (tests, plain mounts) nothing is sent.
#[derive(Clone, Default)]
pub struct Emitter(pub Option<Rc<Function>>);

impl PartialEq for Emitter {
    fn eq(&self, other: &Self) -> bool {
        match (&self.0, &other.0) {
            (Some(a), Some(b)) => Rc::ptr_eq(a, b),
            (None, None) => true,
            _ => false,
        }
    }
}

impl std::fmt::Debug for Emitter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(if self.0.is_some() {
            "Emitter(on)"
        } else {
            "Emitter(off)"
        })
    }
}

impl Emitter {
    /// Sends `name` with `detail`, a JSON object's text. A listener that throws costs the
    /// host its own handler, never the widget.
    pub fn emit(&self, name: &str, detail: Detail) {
        if let Some(function) = &self.0 {
            let _ = function.call2(&JsValue::NULL, &name.into(), &detail.finish().into());
        }
    }
}

/// A JSON object built field by field (the widget links no JSON library: see `cargo
/// xtask size`).
#[derive(Debug, Default)]
pub struct Detail(String);

impl Detail {
    pub fn new() -> Detail {
        Detail::default()
    }

    fn key(&mut self, key: &str) {
        self.0.push(if self.0.is_empty() { '{' } else { ',' });
        self.0.push_str(&json_string(key));
        self.0.push(':');
    }

    pub fn text(mut self, key: &str, value: &str) -> Detail {
        self.key(key);
        self.0.push_str(&json_string(value));
        self
    }

    pub fn number(mut self, key: &str, value: u64) -> Detail {
        self.key(key);
        self.0.push_str(&value.to_string());
        self
    }

    /// A value that is JSON already (a submission).
    pub fn raw(mut self, key: &str, json: &str) -> Detail {
        self.key(key);
        self.0.push_str(json);
        self
    }

    /// More fields after those of a finished object.
    pub fn extend(json: &str) -> Detail {
        match json.strip_suffix('}') {
            Some("{") | None => Detail::default(),
            Some(open) => Detail(open.to_string()),
        }
    }

    pub fn finish(mut self) -> String {
        if self.0.is_empty() {
            self.0.push('{');
        }
        self.0.push('}');
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn details_are_json_objects() {
        assert_eq!(Detail::new().finish(), "{}");
        assert_eq!(
            Detail::new()
                .text("articleId", "a\"b")
                .number("step", 3)
                .raw("answers", "[1]")
                .finish(),
            r#"{"articleId":"a\"b","step":3,"answers":[1]}"#
        );
        let base = Detail::new().text("a", "1").finish();
        assert_eq!(
            Detail::extend(&base).text("b", "2").finish(),
            r#"{"a":"1","b":"2"}"#
        );
        assert_eq!(Detail::extend("{}").text("b", "2").finish(), r#"{"b":"2"}"#);
    }
}
