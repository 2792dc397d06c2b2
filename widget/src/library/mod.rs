//! The library: a built site's files, fetched when a page first needs them, decoded once
//! and kept for the visit.
//!
//! Pages ask for what they show (the entry, a catalogue page, an article) and get
//! [`Load::Pending`] until it has arrived; every arrival re-renders the widget through
//! the subscriber, and the page asks again. A file that fails stays failed, with its
//! message, until [`Library::retry`]: the rest of the site keeps working meanwhile.

pub mod fetch;
mod search;

pub use search::SearchOpener;

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use selfhelp_bundle::{
    bucket_of, decode_file, CatalogPage, Chunk, ChunkArticle, Entry, FileId, FileKind, Lookup,
    Products, ENTRY_FILE,
};
use serde::de::DeserializeOwned;
use yew::Callback;

use fetch::{fetch_bytes, Caching};

/// Where the site's files come from.
#[derive(Debug, Clone)]
pub enum Source {
    /// Fetched: the entry's URL; every other file is relative to it.
    Remote { entry: String },
    /// Files at hand by path (`bundle.bin`, `chunks/….bin`): tests, single-file pages.
    Memory(Rc<HashMap<String, Vec<u8>>>),
}

/// The state of something a page asked for.
#[derive(Debug, Clone, PartialEq)]
pub enum Load<T> {
    Pending,
    Ready(T),
    /// A message for the reader.
    Failed(String),
}

impl<T> Load<T> {
    pub fn and_then<U>(self, next: impl FnOnce(T) -> Load<U>) -> Load<U> {
        match self {
            Load::Pending => Load::Pending,
            Load::Failed(message) => Load::Failed(message),
            Load::Ready(value) => next(value),
        }
    }
}

pub(crate) enum Slot {
    Pending,
    Ready(Rc<dyn Any>),
    Failed(String),
}

/// The files of one site, for one widget.
pub struct Library {
    source: Source,
    slots: RefCell<HashMap<String, Slot>>,
    /// Article id → its chunk, as catalogue pages and lookups tell it.
    hints: RefCell<HashMap<String, FileId>>,
    subscribers: RefCell<Vec<Callback<()>>>,
    /// Set when the widget goes away: late arrivals are then dropped.
    closed: Cell<bool>,
    search: RefCell<search::SearchState>,
}

impl Library {
    pub fn new(source: Source) -> Rc<Library> {
        Library::with_search(source, SearchOpener::default())
    }

    /// A library that searches with the engine `opener` opens.
    pub fn with_search(source: Source, opener: SearchOpener) -> Rc<Library> {
        Rc::new(Library {
            source,
            slots: RefCell::default(),
            hints: RefCell::default(),
            subscribers: RefCell::default(),
            closed: Cell::new(false),
            search: RefCell::new(search::SearchState::new(opener)),
        })
    }

    /// Called (asynchronously) after every file that arrives or fails.
    pub fn subscribe(&self, callback: Callback<()>) {
        self.subscribers.borrow_mut().push(callback);
    }

    pub fn close(&self) {
        self.closed.set(true);
        self.subscribers.borrow_mut().clear();
    }

    /// Forgets every failure, so pages that ask again fetch again.
    pub fn retry(self: &Rc<Self>) {
        self.slots
            .borrow_mut()
            .retain(|_, slot| !matches!(slot, Slot::Failed(_)));
        self.search.borrow_mut().forget_failure();
        self.notify();
    }

    fn notify(&self) {
        let subscribers = self.subscribers.borrow().clone();
        for subscriber in subscribers {
            subscriber.emit(());
        }
    }

    pub fn entry(self: &Rc<Self>) -> Load<Rc<Entry>> {
        self.file::<Entry>(FileKind::Entry, ENTRY_FILE)
    }

    /// The products and services, which only the pages that browse need.
    pub fn products(self: &Rc<Self>) -> Load<Rc<Products>> {
        self.entry().and_then(|entry| {
            self.file::<Products>(FileKind::Products, &entry.products.path(FileKind::Products))
        })
    }

    pub fn catalog(self: &Rc<Self>, page: FileId) -> Load<Rc<CatalogPage>> {
        let loaded = self.file::<CatalogPage>(FileKind::Catalog, &page.path(FileKind::Catalog));
        if let Load::Ready(page) = &loaded {
            self.learn_listings(page);
        }
        loaded
    }

    /// An article by id: from the chunk a listing named, else through its lookup bucket.
    pub fn article(self: &Rc<Self>, id: &str) -> Load<Rc<ChunkArticle>> {
        let chunk = match self.hints.borrow().get(id).copied() {
            Some(chunk) => Load::Ready(chunk),
            None => self.locate(id),
        };
        chunk.and_then(|chunk| {
            self.file::<Chunk>(FileKind::Chunk, &chunk.path(FileKind::Chunk))
                .and_then(|chunk| match chunk.article(id) {
                    Some(article) => Load::Ready(Rc::new(article.clone())),
                    None => Load::Failed(format!("No article with the id \"{id}\".")),
                })
        })
    }

    /// Starts fetching an article's chunk (on hover or focus of its link) without
    /// waiting for it.
    pub fn prefetch(self: &Rc<Self>, id: &str) {
        let _ = self.article(id);
    }

    fn locate(self: &Rc<Self>, id: &str) -> Load<FileId> {
        self.entry().and_then(|entry| {
            let Some(bucket) = entry.lookup.get(bucket_of(id, entry.lookup.len())).copied() else {
                return Load::Failed(format!("No article with the id \"{id}\"."));
            };
            self.file::<Lookup>(FileKind::Lookup, &bucket.path(FileKind::Lookup))
                .and_then(|lookup| match lookup.chunk_of(id) {
                    Some(chunk) => Load::Ready(chunk),
                    None => Load::Failed(format!("No article with the id \"{id}\".")),
                })
        })
    }

    fn learn_listings(&self, page: &CatalogPage) {
        let Ok(mut hints) = self.hints.try_borrow_mut() else {
            return;
        };
        for listing in page.groups.iter().flat_map(|g| &g.articles) {
            if let Some(chunk) = page.chunks.get(listing.chunk as usize) {
                hints.entry(listing.id.clone()).or_insert(*chunk);
            }
        }
    }

    /// A decoded file by path, fetching it on first use.
    fn file<T: DeserializeOwned + 'static>(
        self: &Rc<Self>,
        kind: FileKind,
        path: &str,
    ) -> Load<Rc<T>> {
        match self.slot(kind, path, decode::<T>) {
            Load::Ready(value) => match value.downcast::<T>() {
                Ok(value) => Load::Ready(value),
                Err(_) => Load::Failed(format!("{path} was read as another kind of file.")),
            },
            Load::Pending => Load::Pending,
            Load::Failed(message) => Load::Failed(message),
        }
    }

    /// The untyped work of [`Library::file`], kept out of its generic body so the wasm
    /// holds it once rather than once per file type.
    pub(crate) fn slot(
        self: &Rc<Self>,
        kind: FileKind,
        path: &str,
        decoder: Decoder,
    ) -> Load<Rc<dyn Any>> {
        if let Some(slot) = self.slots.borrow().get(path) {
            return match slot {
                Slot::Pending => Load::Pending,
                Slot::Failed(message) => Load::Failed(message.clone()),
                Slot::Ready(value) => Load::Ready(value.clone()),
            };
        }
        match &self.source {
            Source::Memory(files) => {
                let slot = match files.get(path) {
                    Some(bytes) => decoder(kind, bytes, path),
                    None => Slot::Failed(format!(
                        "Could not load the help content: {path} is missing."
                    )),
                };
                self.slots.borrow_mut().insert(path.to_string(), slot);
                self.slot(kind, path, decoder)
            }
            Source::Remote { entry } => {
                self.slots
                    .borrow_mut()
                    .insert(path.to_string(), Slot::Pending);
                let url = resolve(entry, path);
                // The entry is revalidated on every visit; every other file is named by
                // its bytes and never changes, so any cached copy is good.
                let caching = match kind {
                    FileKind::Entry => Caching::Revalidate,
                    _ => Caching::Immutable,
                };
                let library = Rc::clone(self);
                let path = path.to_string();
                wasm_bindgen_futures::spawn_local(async move {
                    let slot = match fetch_bytes(&url, caching).await {
                        Ok(bytes) => decoder(kind, &bytes, &url),
                        Err(error) => Slot::Failed(error.message(&url)),
                    };
                    if library.closed.get() {
                        return;
                    }
                    library.slots.borrow_mut().insert(path, slot);
                    library.notify();
                });
                Load::Pending
            }
        }
    }
}

/// Decodes a file's bytes into a slot; `from` names the file in messages.
pub(crate) type Decoder = fn(FileKind, &[u8], &str) -> Slot;

fn decode<T: DeserializeOwned + 'static>(kind: FileKind, bytes: &[u8], from: &str) -> Slot {
    match decode_file::<T>(kind, bytes) {
        Ok((_, value)) => Slot::Ready(Rc::new(value)),
        Err(error) => Slot::Failed(format!(
            "Could not read the help content from {from}: {error}."
        )),
    }
}

/// `path` relative to the entry's URL (the entry's own path for the entry).
pub fn resolve(entry: &str, path: &str) -> String {
    if path == ENTRY_FILE {
        return entry.to_string();
    }
    match entry.rfind('/') {
        Some(slash) => format!("{}{path}", &entry[..=slash]),
        None => path.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_found_beside_the_entry() {
        assert_eq!(resolve("bundle.bin", "chunks/a.bin"), "chunks/a.bin");
        assert_eq!(
            resolve("lib/bundle.bin", "chunks/a.bin"),
            "lib/chunks/a.bin"
        );
        assert_eq!(
            resolve("https://help.example.com/site/bundle.bin", "lookup/b.bin"),
            "https://help.example.com/site/lookup/b.bin"
        );
        assert_eq!(
            resolve("x/custom-entry.bin", ENTRY_FILE),
            "x/custom-entry.bin"
        );
    }
}
