//! Search over the library: the index's root opened once, then each query's files
//! fetched as the engine asks for them, in as few rounds as it needs.

use std::rc::Rc;

use selfhelp_bundle::{read_header, FileId, FileKind};
use selfhelp_search::{IndexError, Outcome, Request, Results, Searcher};

use super::{Library, Load, Slot};

/// Rounds a query may take before giving up (the engine needs at most five).
const MAX_ROUNDS: usize = 8;
/// Queries whose results are kept, for typing back and forth.
const REMEMBERED: usize = 24;

/// What searching needs from the library.
#[derive(Default)]
pub(super) struct SearchState {
    searcher: Option<Result<Searcher, String>>,
    inserted: std::collections::HashSet<u64>,
    remembered: Vec<(Request, Rc<Results>)>,
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

fn message(error: IndexError) -> String {
    format!("Search is not available: {error}.")
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
        if let Load::Pending | Load::Failed(_) = self.open_search() {
            return self.open_search().and_then(|_| Load::Pending);
        }
        for _ in 0..MAX_ROUNDS {
            let outcome = match &self.search.borrow().searcher {
                Some(Ok(searcher)) => searcher.try_search(request),
                Some(Err(message)) => return Load::Failed(message.clone()),
                None => return Load::Pending,
            };
            let needed = match outcome {
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
                Err(error) => return Load::Failed(message(error)),
            };
            let mut waiting = false;
            for id in needed {
                if self.search.borrow().inserted.contains(&id) {
                    continue;
                }
                match self.raw(FileKind::SearchShard, FileId(id)) {
                    Load::Ready(bytes) => {
                        let mut state = self.search.borrow_mut();
                        let inserted = match state.searcher.as_mut() {
                            Some(Ok(searcher)) => searcher.insert(id, &bytes),
                            _ => Ok(()),
                        };
                        match inserted {
                            Ok(()) => {
                                state.inserted.insert(id);
                            }
                            Err(error) => return Load::Failed(message(error)),
                        }
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

    /// The index's root, opened once: `Ready(())` once the searcher exists.
    fn open_search(self: &Rc<Self>) -> Load<()> {
        if let Some(state) = &self.search.borrow().searcher {
            return match state {
                Ok(_) => Load::Ready(()),
                Err(message) => Load::Failed(message.clone()),
            };
        }
        let root = self.entry().and_then(|entry| match entry.search {
            Some(root) => self.raw(FileKind::SearchRoot, root),
            None => Load::Failed("This help has no search index.".to_string()),
        });
        match root {
            Load::Ready(bytes) => {
                let opened = Searcher::open(&bytes).map_err(message);
                let ready = opened.as_ref().map(|_| ()).map_err(Clone::clone);
                self.search.borrow_mut().searcher = Some(opened);
                match ready {
                    Ok(()) => Load::Ready(()),
                    Err(message) => Load::Failed(message),
                }
            }
            Load::Pending => Load::Pending,
            Load::Failed(message) => Load::Failed(message),
        }
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
