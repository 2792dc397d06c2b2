//! `use_strings`: the words of the widget's language, from the context `App` provides.

use yew::prelude::*;

use crate::i18n::{Strings, EN};

/// The language a widget speaks; compared by table.
#[derive(Debug, Clone, Copy)]
pub struct Language(pub &'static Strings);

impl PartialEq for Language {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.0, other.0)
    }
}

/// The strings of the widget this component is in (English outside any widget).
#[hook]
pub fn use_strings() -> &'static Strings {
    use_context::<Language>().map_or(&EN, |language| language.0)
}
