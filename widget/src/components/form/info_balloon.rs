//! `info_balloon`: a field's extra explanation, behind a `<details>` disclosure.
//!
//! A render function rather than a component: it holds no state, and every component
//! type adds its own share of Yew's machinery to the wasm.

use selfhelp_bundle::Block;
use yew::prelude::*;

use crate::components::rich_text::render_blocks;

/// A native `<details>`: keyboard and screen readers handle it without any script,
/// and the text stays typed rich text, never HTML. Nothing for no text.
pub fn info_balloon(blocks: &[Block], t: &crate::i18n::Strings) -> Html {
    if blocks.is_empty() {
        return Html::default();
    }
    html! {
        <details class="sh-info">
            <summary>{ t.more_about }</summary>
            <div class="sh-info-body">{ render_blocks(blocks, 4) }</div>
        </details>
    }
}
