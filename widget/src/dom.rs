//! Browser services for forms: regular expressions, session storage, the clipboard,
//! downloads and focus. Every call that can throw in
//! JavaScript is caught here, so a browser without a service costs that service only.

use js_sys::{Array, Function, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, Element, HtmlElement, Url};

#[wasm_bindgen]
extern "C" {
    /// `RegExp`, bound here because js-sys's constructor does not catch the
    /// `SyntaxError` a malformed pattern from content throws.
    #[wasm_bindgen(js_name = RegExp)]
    type SafeRegExp;

    #[wasm_bindgen(constructor, catch, js_class = "RegExp")]
    fn new(pattern: &str, flags: &str) -> Result<SafeRegExp, JsValue>;

    #[wasm_bindgen(method, js_class = "RegExp")]
    fn test(this: &SafeRegExp, text: &str) -> bool;
}

/// The widget's [`crate::form::Matcher`]: JavaScript's own regular expressions, so
/// patterns mean what their authors tested, with no regex crate in the wasm.
pub fn regex_test(pattern: &str, text: &str) -> Option<bool> {
    SafeRegExp::new(pattern, "").ok().map(|re| re.test(text))
}

fn session_storage() -> Option<web_sys::Storage> {
    // Throws where storage is disabled (some privacy settings); then nothing is kept.
    web_sys::window()?.session_storage().ok().flatten()
}

pub fn session_get(key: &str) -> Option<String> {
    session_storage()?.get_item(key).ok().flatten()
}

/// Stores `value`, or removes the key when `value` is `None`.
pub fn session_set(key: &str, value: Option<&str>) {
    if let Some(storage) = session_storage() {
        // A full or refused store only loses the reload safety net.
        let _ = match value {
            Some(value) => storage.set_item(key, value),
            None => storage.remove_item(key),
        };
    }
}

/// Writes `text` to the clipboard with `navigator.clipboard.writeText`; `false` where
/// the API is missing (an insecure page) or the browser refuses.
pub async fn copy_text(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let clipboard = Reflect::get(&window, &"navigator".into())
        .and_then(|navigator| Reflect::get(&navigator, &"clipboard".into()));
    let Ok(clipboard) = clipboard else {
        return false;
    };
    let write = Reflect::get(&clipboard, &"writeText".into())
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok());
    let Some(write) = write else {
        return false;
    };
    match write.call1(&clipboard, &text.into()) {
        Ok(promise) => match promise.dyn_into::<Promise>() {
            Ok(promise) => JsFuture::from(promise).await.is_ok(),
            Err(_) => false,
        },
        Err(_) => false,
    }
}

/// Offers `content` as a file download: a Blob, an object URL and a clicked
/// `<a download>` placed inside `parent` (so it is removed with the widget).
pub fn download(parent: &Element, file_name: &str, mime: &str, content: &str) -> bool {
    let run = || -> Result<(), JsValue> {
        let document = web_sys::window()
            .and_then(|w| w.document())
            .ok_or_else(|| JsValue::from_str("no document"))?;
        let parts = Array::of1(&JsValue::from_str(content));
        let options = BlobPropertyBag::new();
        options.set_type(mime);
        let blob = Blob::new_with_str_sequence_and_options(&parts, &options)?;
        let url = Url::create_object_url_with_blob(&blob)?;
        let link: HtmlElement = document.create_element("a")?.dyn_into()?;
        link.set_attribute("href", &url)?;
        link.set_attribute("download", file_name)?;
        link.set_attribute("hidden", "")?;
        parent.append_child(&link)?;
        link.click();
        link.remove();
        // The click has started the download; the URL is no longer needed.
        Url::revoke_object_url(&url)?;
        Ok(())
    };
    run().is_ok()
}

/// Focuses the element with this id in the same document or shadow root as `near`
/// (several widgets on a page each have their own ids, one per shadow root).
pub fn focus_by_id(near: &Element, id: &str) -> bool {
    let root = near.get_root_node();
    let element = match root.dyn_ref::<web_sys::DocumentFragment>() {
        Some(fragment) => fragment.get_element_by_id(id),
        None => near.owner_document().and_then(|d| d.get_element_by_id(id)),
    };
    match element.and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
        Some(element) => element.focus().is_ok(),
        None => false,
    }
}
