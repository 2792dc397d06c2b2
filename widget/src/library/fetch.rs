//! Fetches a site file's bytes with the browser's `fetch`, through web-sys alone.
//!
//! web-sys rather than gloo-net: the widget needs one GET, and this keeps the wasm small.

use js_sys::Uint8Array;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{RequestCache, RequestInit, Response};

/// Why the bytes could not be had, worded for the person reading the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FetchError {
    /// The server answered with an error status.
    Status(u16),
    /// No answer: offline, blocked, a bad address. Holds the browser's reason.
    Network(String),
}

impl FetchError {
    pub fn message(&self, url: &str) -> String {
        match self {
            FetchError::Status(status) => {
                format!("Could not load the help content (HTTP {status}) from {url}.")
            }
            FetchError::Network(why) => format!(
                "Could not load the help content from {url}: the network request failed \
                 ({why}). Check your connection and reload the page."
            ),
        }
    }
}

/// How the browser's HTTP cache may answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Caching {
    /// Ask the server every time: a cached entry would hide freshly published content.
    Revalidate,
    /// Any cached copy is good: the file is named by its bytes.
    Immutable,
}

/// GETs `url` and returns the body.
pub async fn fetch_bytes(url: &str, caching: Caching) -> Result<Vec<u8>, FetchError> {
    let window = web_sys::window().ok_or_else(|| network("no window"))?;
    let init = RequestInit::new();
    init.set_cache(match caching {
        Caching::Revalidate => RequestCache::NoCache,
        Caching::Immutable => RequestCache::ForceCache,
    });
    let response = JsFuture::from(window.fetch_with_str_and_init(url, &init))
        .await
        .map_err(|error| network(&describe(&error)))?;
    let response: Response = response
        .dyn_into()
        .map_err(|_| network("the answer was not a response"))?;
    if !response.ok() {
        return Err(FetchError::Status(response.status()));
    }
    let body = response
        .array_buffer()
        .map_err(|error| network(&describe(&error)))?;
    let body = JsFuture::from(body)
        .await
        .map_err(|error| network(&describe(&error)))?;
    Ok(Uint8Array::new(&body).to_vec())
}

fn network(why: &str) -> FetchError {
    FetchError::Network(why.to_string())
}

/// The message of a rejected promise: usually a `TypeError: Failed to fetch`.
fn describe(error: &JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|error| String::from(error.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "unknown error".to_string())
}
