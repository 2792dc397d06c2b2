//! `use_focus_on_change`: moves keyboard focus to an element when a key changes.

use web_sys::HtmlElement;
use yew::prelude::*;

/// Focuses `target` after every render in which `key` differs from the last one, and
/// on mount, when `enabled` is true.
///
/// Screen readers then read the new question, and the keyboard continues from it
/// instead of from the button that vanished with the old step. The caller disables it
/// for a page that was opened by a link, so the widget does not steal focus (and
/// scroll) when a host page loads.
#[hook]
pub fn use_focus_on_change<K>(target: NodeRef, key: K, enabled: bool)
where
    K: PartialEq + 'static,
{
    use_effect_with(key, move |_| {
        if enabled {
            if let Some(element) = target.cast::<HtmlElement>() {
                // Focus can fail on detached elements; there is nothing better to do then.
                let _ = element.focus();
            }
        }
    });
}
