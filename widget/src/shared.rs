//! `Shared<T>`: an `Rc` whose equality is identity, for cheap Yew property comparisons.

use std::ops::Deref;
use std::rc::Rc;

/// A shared, immutable value such as the decoded bundle.
///
/// Yew compares properties on every render; `Rc`'s own `PartialEq` would compare the
/// whole bundle. The bundle never changes once decoded, so identity is enough.
#[derive(Debug)]
pub struct Shared<T>(pub Rc<T>);

impl<T> Shared<T> {
    pub fn new(value: T) -> Self {
        Shared(Rc::new(value))
    }
}

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(Rc::clone(&self.0))
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> Deref for Shared<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T> From<Rc<T>> for Shared<T> {
    fn from(value: Rc<T>) -> Self {
        Shared(value)
    }
}
