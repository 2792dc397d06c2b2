//! `InfoBalloon`: a field's extra explanation, behind a `<details>` disclosure.

use selfhelp_bundle::Block;
use yew::prelude::*;

use crate::components::rich_text::render_blocks;

#[derive(Debug, Clone, PartialEq, Properties)]
pub struct InfoBalloonProps {
    pub blocks: Vec<Block>,
}

/// A native `<details>`: keyboard and screen readers handle it without any script,
/// and the text stays typed rich text, never HTML.
#[function_component]
pub fn InfoBalloon(props: &InfoBalloonProps) -> Html {
    if props.blocks.is_empty() {
        return Html::default();
    }
    html! {
        <details class="sh-info">
            <summary>{ "More about this question" }</summary>
            <div class="sh-info-body">{ render_blocks(&props.blocks, 4) }</div>
        </details>
    }
}
