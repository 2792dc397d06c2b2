//! `use_bundle`: fetches and decodes the bundle, reporting Loading, Loaded or Failed.

use std::cell::Cell;
use std::rc::Rc;

use selfhelp_bundle::Bundle;
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::fetch::fetch_bytes;
use crate::shared::Shared;

/// Where the bundle comes from.
#[derive(Debug, Clone)]
pub enum BundleSource {
    /// Fetched from this URL (the page's `data-bundle`).
    Url(String),
    /// Encoded bytes at hand, e.g. in tests or a page that inlines the bundle.
    Bytes(Rc<Vec<u8>>),
    /// An already decoded bundle.
    Bundle(Rc<Bundle>),
}

/// Compares bytes and bundles by identity: comparing their contents on every render
/// would cost more than it could ever save.
impl PartialEq for BundleSource {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (BundleSource::Url(a), BundleSource::Url(b)) => a == b,
            (BundleSource::Bytes(a), BundleSource::Bytes(b)) => Rc::ptr_eq(a, b),
            (BundleSource::Bundle(a), BundleSource::Bundle(b)) => Rc::ptr_eq(a, b),
            _ => false,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum BundleState {
    Loading,
    Loaded(Shared<Bundle>),
    /// A message for the reader saying what went wrong.
    Failed(String),
}

/// Loads the bundle from `source`; loads again when the source changes.
#[hook]
pub fn use_bundle(source: &BundleSource) -> BundleState {
    // Bytes and bundles at hand are read while rendering, so no "Loading…" flashes by.
    let at_hand = use_memo(source.clone(), |source| match source {
        BundleSource::Url(_) => None,
        BundleSource::Bytes(bytes) => Some(read(bytes, None)),
        BundleSource::Bundle(bundle) => Some(BundleState::Loaded(Shared(bundle.clone()))),
    });
    // The outcome of a fetch, with the URL it belongs to.
    let fetched = use_state(|| None::<(String, BundleState)>);
    {
        let fetched = fetched.clone();
        use_effect_with(source.clone(), move |source| {
            // Set when the source changes or the widget goes away, so a slow answer for
            // an old URL never overwrites a newer one.
            let cancelled = Rc::new(Cell::new(false));
            if let BundleSource::Url(url) = source {
                let url = url.clone();
                let cancelled = cancelled.clone();
                spawn_local(async move {
                    let state = match fetch_bytes(&url).await {
                        Ok(bytes) => read(&bytes, Some(&url)),
                        Err(error) => BundleState::Failed(error.message(&url)),
                    };
                    if !cancelled.get() {
                        fetched.set(Some((url, state)));
                    }
                });
            }
            move || cancelled.set(true)
        });
    }
    if let Some(state) = at_hand.as_ref() {
        return state.clone();
    }
    match (&*fetched, source) {
        (Some((fetched_url, state)), BundleSource::Url(url)) if fetched_url == url => state.clone(),
        _ => BundleState::Loading,
    }
}

/// Decodes bundle bytes; the error names where they came from when that is known.
fn read(bytes: &[u8], url: Option<&str>) -> BundleState {
    match selfhelp_bundle::decode(bytes) {
        Ok((_header, bundle)) => BundleState::Loaded(Shared::new(bundle)),
        Err(error) => BundleState::Failed(match url {
            Some(url) => format!("Could not read the help content from {url}: {error}."),
            None => format!("Could not read the help content: {error}."),
        }),
    }
}
