//! `use_library`: the widget's [`Library`], shared through a context, and a re-render
//! whenever one of its files arrives.

use std::rc::Rc;

use yew::prelude::*;

use crate::library::{Library, SearchOpener, Source};

/// What pages read the library through. Its generation changes with every arrival, so
/// pages that read it render again and ask for what they show again.
#[derive(Clone)]
pub struct LibraryContext {
    pub library: Rc<Library>,
    pub generation: u32,
}

impl PartialEq for LibraryContext {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.library, &other.library) && self.generation == other.generation
    }
}

/// The library for `source`, made once per source and closed when the widget goes away.
#[hook]
pub fn use_library_root(source: &SourceKey, search: &SearchOpener) -> LibraryContext {
    let library = use_memo((source.clone(), search.clone()), |(source, search)| {
        Library::with_search(source.0.clone(), search.clone())
    });
    let generation = use_state(|| 0u32);
    {
        let library = Rc::clone(&library);
        let generation = generation.setter();
        let counter = use_mut_ref(|| 0u32);
        use_effect_with(Rc::as_ptr(&library) as usize, move |_| {
            library.subscribe(Callback::from(move |()| {
                let next = {
                    let mut count = counter.borrow_mut();
                    *count = count.wrapping_add(1);
                    *count
                };
                generation.set(next);
            }));
            move || library.close()
        });
    }
    LibraryContext {
        library: (*library).clone(),
        generation: *generation,
    }
}

/// The library of the widget this component is in.
#[hook]
pub fn use_library() -> Rc<Library> {
    let context = use_context::<LibraryContext>();
    match context {
        Some(context) => context.library,
        // Only a component rendered outside `App` has none: an empty library says so.
        None => Library::new(Source::Memory(Default::default())),
    }
}

/// A [`Source`] compared by what it names, for `use_memo`.
#[derive(Debug, Clone)]
pub struct SourceKey(pub Source);

impl PartialEq for SourceKey {
    fn eq(&self, other: &Self) -> bool {
        match (&self.0, &other.0) {
            (Source::Remote { entry: a }, Source::Remote { entry: b }) => a == b,
            (Source::Memory(a), Source::Memory(b)) => Rc::ptr_eq(a, b),
            _ => false,
        }
    }
}
