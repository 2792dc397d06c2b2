//! Search over the library: the engine (a module of its own, loaded on first use) opened
//! on the index's root, then each query's files fetched as the engine asks for them, in
//! as few rounds as it needs.
//!
//! The engine lives outside this wasm so that a visit which never searches never
//! downloads it: `selfhelp.js` gives a [`SearchOpener`] that loads the module and opens
//! an engine on the root's bytes. Requests and answers cross as bytes in the encoding of
//! `selfhelp_search::wire`, defined once for both modules.

use std::rc::Rc;

use js_sys::{Function, Promise, Reflect, Uint8Array};
use selfhelp_bundle::{read_header, FileId, FileKind};
use selfhelp_search::wire::{decode_outcome, encode_request};
use selfhelp_search::{Outcome, Request, Results};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::{Library, Load, Slot};

/// Rounds a query may take before giving up (the engine needs at most five).
const MAX_ROUNDS: usize = 8;
/// Queries whose results are kept, for typing back and forth.
const REMEMBERED: usize = 24;

/// `open(rootBytes) → Promise<engine>`, from the page; `None` where it gives none.
#[derive(Clone, Default)]
pub struct SearchOpener(pub Option<Rc<Function>>);

impl PartialEq for SearchOpener {
    fn eq(&self, other: &Self) -> bool {
        match (&self.0, &other.0) {
            (Some(a), Some(b)) => Rc::ptr_eq(a, b),
            (None, None) => true,
            _ => false,
        }
    }
}

impl std::fmt::Debug for SearchOpener {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(if self.0.is_some() {
            "SearchOpener(..)"
        } else {
            "SearchOpener(none)"
        })
    }
}

enum Engine {
    Closed,
    Opening,
    Open(JsValue),
    Failed(String),
}

/// What searching needs from the library.
pub(super) struct SearchState {
    opener: SearchOpener,
    engine: Engine,
    inserted: std::collections::HashSet<u64>,
    remembered: Vec<(Request, Rc<Results>)>,
}

impl SearchState {
    pub(super) fn new(opener: SearchOpener) -> SearchState {
        SearchState {
            opener,
            engine: Engine::Closed,
            inserted: Default::default(),
            remembered: Vec::new(),
        }
    }

    /// After a failure (the engine's module could not be fetched, say), the next search
    /// tries again.
    pub(super) fn forget_failure(&mut self) {
        if let Engine::Failed(_) = self.engine {
            self.engine = Engine::Closed;
        }
    }
}

/// The payload of a search file, checked to be one.
fn payload(kind: FileKind, bytes: &[u8], from: &str) -> Slot {
    match read_header(bytes) {
        Ok((header, payload)) if header.kind == kind => Slot::Ready(Rc::new(payload.to_vec())),
        Ok((header, _)) => Slot::Failed(format!(
            "Could not read the search index from {from}: expected a {} but found a {}.",
            kind.describe(),
            header.kind.describe()
        )),
        Err(error) => Slot::Failed(format!(
            "Could not read the search index from {from}: {error}."
        )),
    }
}

/// A JavaScript failure (a thrown string, an `Error`, a trap) for people.
fn message(error: &JsValue) -> String {
    let why = error
        .as_string()
        .or_else(|| {
            error
                .dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
        })
        .unwrap_or_else(|| "the search engine failed".to_string());
    format!("Search is not available: {why}.")
}

/// Calls `engine.name(args…)`.
fn call(engine: &JsValue, name: &str, args: &[&JsValue]) -> Result<JsValue, String> {
    let method = Reflect::get(engine, &name.into())
        .ok()
        .and_then(|m| m.dyn_into::<Function>().ok())
        .ok_or_else(|| format!("Search is not available: the engine has no {name}."))?;
    match args {
        [a] => method.call1(engine, a),
        [a, b] => method.call2(engine, a, b),
        _ => method.call0(engine),
    }
    .map_err(|error| message(&error))
}

impl Library {
    /// The results of `request`, or what it still waits for.
    pub fn search(self: &Rc<Self>, request: &Request) -> Load<Rc<Results>> {
        if let Some((_, results)) = self
            .search
            .borrow()
            .remembered
            .iter()
            .find(|(r, _)| r == request)
        {
            return Load::Ready(results.clone());
        }
        let engine = match self.open_search() {
            Load::Ready(engine) => engine,
            Load::Pending => return Load::Pending,
            Load::Failed(message) => return Load::Failed(message),
        };
        let encoded = Uint8Array::from(&encode_request(request)[..]);
        for _ in 0..MAX_ROUNDS {
            let answer = match call(&engine, "search", &[&encoded]) {
                Ok(answer) => Uint8Array::new(&answer).to_vec(),
                Err(message) => return self.engine_failed(message),
            };
            let needed = match decode_outcome(&answer) {
                Ok(Outcome::Done(results)) => {
                    let results = Rc::new(results);
                    let mut state = self.search.borrow_mut();
                    if state.remembered.len() >= REMEMBERED {
                        state.remembered.remove(0);
                    }
                    state.remembered.push((request.clone(), results.clone()));
                    return Load::Ready(results);
                }
                Ok(Outcome::Need(needed)) => needed,
                Err(error) => {
                    return self.engine_failed(format!("Search is not available: {error}."))
                }
            };
            let mut waiting = false;
            for id in needed {
                if self.search.borrow().inserted.contains(&id) {
                    continue;
                }
                match self.raw(FileKind::SearchShard, FileId(id)) {
                    Load::Ready(bytes) => {
                        let hex = JsValue::from(format!("{id:016x}"));
                        let bytes = Uint8Array::from(&bytes[..]);
                        if let Err(message) = call(&engine, "insert", &[&hex, &bytes]) {
                            return self.engine_failed(message);
                        }
                        self.search.borrow_mut().inserted.insert(id);
                    }
                    Load::Pending => waiting = true,
                    Load::Failed(message) => return Load::Failed(message),
                }
            }
            if waiting {
                return Load::Pending;
            }
        }
        Load::Failed("Search is not available: the index's files do not fit together.".to_string())
    }

    /// Whether the library has a search index at all (an entry without one has none).
    pub fn has_search(self: &Rc<Self>) -> Load<bool> {
        self.entry()
            .and_then(|entry| Load::Ready(entry.search.is_some()))
    }

    /// Starts loading the engine and the index's root (when the search field gets
    /// focus), so the first query waits for neither.
    pub fn prepare_search(self: &Rc<Self>) {
        let _ = self.open_search();
    }

    /// A failure of the engine itself (a trap leaves its module unusable): search stops
    /// for the visit, everything else goes on.
    fn engine_failed<T>(&self, message: String) -> Load<T> {
        self.search.borrow_mut().engine = Engine::Failed(message.clone());
        Load::Failed(message)
    }

    /// The engine, opened once on the index's root.
    fn open_search(self: &Rc<Self>) -> Load<JsValue> {
        match &self.search.borrow().engine {
            Engine::Open(engine) => return Load::Ready(engine.clone()),
            Engine::Opening => return Load::Pending,
            Engine::Failed(message) => return Load::Failed(message.clone()),
            Engine::Closed => {}
        }
        let root = self.entry().and_then(|entry| match entry.search {
            Some(root) => self.raw(FileKind::SearchRoot, root),
            None => Load::Failed("This help has no search index.".to_string()),
        });
        let bytes = match root {
            Load::Ready(bytes) => bytes,
            Load::Pending => return Load::Pending,
            Load::Failed(message) => return Load::Failed(message),
        };
        let Some(opener) = self.search.borrow().opener.0.clone() else {
            return self.engine_failed("Search is not available on this page.".to_string());
        };
        let opening = match opener.call1(&JsValue::NULL, &Uint8Array::from(&bytes[..])) {
            Ok(promise) => Promise::resolve(&promise),
            Err(error) => return self.engine_failed(message(&error)),
        };
        self.search.borrow_mut().engine = Engine::Opening;
        let library = Rc::clone(self);
        wasm_bindgen_futures::spawn_local(async move {
            let engine = match JsFuture::from(opening).await {
                Ok(engine) => Engine::Open(engine),
                Err(error) => Engine::Failed(message(&error)),
            };
            if library.closed.get() {
                return;
            }
            library.search.borrow_mut().engine = engine;
            library.notify();
        });
        Load::Pending
    }

    /// A search file's payload, fetched like any site file.
    fn raw(self: &Rc<Self>, kind: FileKind, id: FileId) -> Load<Rc<Vec<u8>>> {
        let decoder = match kind {
            FileKind::SearchRoot => {
                (|_, bytes: &[u8], from: &str| payload(FileKind::SearchRoot, bytes, from))
                    as super::Decoder
            }
            _ => |_, bytes: &[u8], from: &str| payload(FileKind::SearchShard, bytes, from),
        };
        match self.slot(kind, &id.path(kind), decoder) {
            Load::Ready(value) => match value.downcast::<Vec<u8>>() {
                Ok(bytes) => Load::Ready(bytes),
                Err(_) => {
                    Load::Failed("a search file was read as another kind of file".to_string())
                }
            },
            Load::Pending => Load::Pending,
            Load::Failed(message) => Load::Failed(message),
        }
    }
}
