//! Renders typed rich text (`Block`, `Inline`) as elements: never parsed, never raw HTML.
//!
//! Every string becomes a text node or an attribute value, so content can never add
//! markup or script to the page, whatever it contains.

use selfhelp_bundle::{Block, Inline, LinkKind, Video};
use yew::prelude::*;

/// The level the shallowest content heading takes under a step's `<h2>`.
pub const STEP_HEADING_LEVEL: u8 = 3;

#[derive(Debug, Clone, PartialEq, Properties)]
pub struct RichTextProps {
    pub blocks: Vec<Block>,
    /// The HTML level of the content's level-1 headings; deeper ones follow, up to 6.
    #[prop_or(STEP_HEADING_LEVEL)]
    pub heading_level: u8,
}

/// Blocks of rich text as a component, for callers that own their blocks.
#[function_component]
pub fn RichText(props: &RichTextProps) -> Html {
    render_blocks(&props.blocks, props.heading_level)
}

/// Renders blocks; `heading_level` as in [`RichTextProps::heading_level`].
pub fn render_blocks(blocks: &[Block], heading_level: u8) -> Html {
    blocks
        .iter()
        .map(|block| render_block(block, heading_level))
        .collect()
}

fn render_block(block: &Block, heading_level: u8) -> Html {
    match block {
        Block::Paragraph(content) => html! { <p>{ render_inlines(content) }</p> },
        Block::Heading { level, content } => {
            let top = heading_level.clamp(1, 6);
            let shifted = top.saturating_add(level.saturating_sub(1)).clamp(top, 6);
            html! { <@{format!("h{shifted}")}>{ render_inlines(content) }</@> }
        }
        Block::List { start, items } => {
            let items: Html = items
                .iter()
                .map(|item| html! { <li>{ render_blocks(item, heading_level) }</li> })
                .collect();
            match start {
                // `start="1"` is the default; leave it out to keep the markup plain.
                Some(start) => {
                    let start = (*start != 1).then(|| start.to_string());
                    html! { <ol {start}>{ items }</ol> }
                }
                None => html! { <ul>{ items }</ul> },
            }
        }
        Block::CodeBlock { language, code } => {
            let language = (!language.is_empty()).then(|| language.clone());
            html! { <pre class="sh-code"><code data-language={language}>{ code.clone() }</code></pre> }
        }
        Block::Quote(inner) => {
            html! { <blockquote>{ render_blocks(inner, heading_level) }</blockquote> }
        }
        Block::Rule => html! { <hr /> },
        Block::Table { header, rows } => {
            let cells = |row: &Vec<Vec<Inline>>, head: bool| -> Html {
                row.iter()
                    .map(|cell| match head {
                        true => html! { <th scope="col">{ render_inlines(cell) }</th> },
                        false => html! { <td>{ render_inlines(cell) }</td> },
                    })
                    .collect()
            };
            let body: Html = rows
                .iter()
                .map(|row| html! { <tr>{ cells(row, false) }</tr> })
                .collect();
            html! {
                <table class="sh-table">
                    <thead><tr>{ cells(header, true) }</tr></thead>
                    <tbody>{ body }</tbody>
                </table>
            }
        }
        Block::Region { name, content } => html! {
            <section class="sh-region" data-region={name.clone()}>
                { render_blocks(content, heading_level) }
            </section>
        },
        Block::Insight(insight) => html! {
            <div class="sh-insight" data-symptom={insight.symptom_id.clone()}>
                <p class="sh-insight-running">{ insight.execution_text.clone() }</p>
                <p class="sh-insight-empty">{ insight.no_result_text.clone() }</p>
            </div>
        },
        Block::Video(video) => render_video(video),
        Block::VideoGroup(videos) => html! {
            <ul class="sh-video-group">
                { for videos.iter().map(|v| html! { <li>{ render_video(v) }</li> }) }
            </ul>
        },
        Block::AzureKb(kb) => html! {
            <div class="sh-box sh-azure-kb" data-client={kb.client.clone()}>
                <span class="sh-box-label">{ "Knowledge base search" }</span>
            </div>
        },
        Block::Metric(metric) => html! {
            <div class="sh-box sh-metric" data-metric={metric.name.clone()}>
                <span class="sh-box-label">{ "Metric" }</span>
                { " " }{ metric.title.clone() }
            </div>
        },
    }
}

/// A video as a link that opens elsewhere: no embedded players (a strict CSP forbids them).
fn render_video(video: &Video) -> Html {
    let title = video.title.clone();
    if !is_safe_href(LinkKind::Web, &video.src) {
        return html! { <span class="sh-video">{ title }</span> };
    }
    html! {
        <a class="sh-video" href={video.src.clone()} target="_blank" rel="noopener noreferrer">
            { title }
        </a>
    }
}

/// Renders inline content.
pub fn render_inlines(content: &[Inline]) -> Html {
    content.iter().map(render_inline).collect()
}

fn render_inline(inline: &Inline) -> Html {
    match inline {
        Inline::Text(text) => html! { { text.clone() } },
        Inline::Strong(content) => html! { <strong>{ render_inlines(content) }</strong> },
        Inline::Emphasis(content) => html! { <em>{ render_inlines(content) }</em> },
        Inline::Strikethrough(content) => html! { <s>{ render_inlines(content) }</s> },
        Inline::Code(code) => html! { <code>{ code.clone() }</code> },
        Inline::LineBreak => html! { <br /> },
        Inline::Link {
            kind,
            href,
            content,
        } => render_link(*kind, href, content),
        Inline::Placeholder { name, default } => html! {
            <span class="sh-placeholder" data-name={name.clone()}>{ render_inlines(default) }</span>
        },
    }
}

fn render_link(kind: LinkKind, href: &str, content: &[Inline]) -> Html {
    let content = render_inlines(content);
    // The compiler already checked the target; a hand-made bundle gets no link
    // rather than, say, a `javascript:` one.
    if !is_safe_href(kind, href) {
        return content;
    }
    let href = href.to_string();
    match kind {
        LinkKind::Web => html! {
            <a {href} target="_blank" rel="noopener noreferrer">{ content }</a>
        },
        LinkKind::Email | LinkKind::Anchor | LinkKind::Relative => {
            html! { <a {href}>{ content }</a> }
        }
        // Only a host page knows how to follow these; it can find them by class.
        LinkKind::Portal => html! {
            <span class="sh-portal-link" data-href={href}>{ content }</span>
        },
    }
}

/// Whether `href` is what its kind promises and cannot run script.
pub fn is_safe_href(kind: LinkKind, href: &str) -> bool {
    let lower = href.to_ascii_lowercase();
    match kind {
        LinkKind::Web => lower.starts_with("https://") || lower.starts_with("http://"),
        LinkKind::Email => lower.starts_with("mailto:"),
        LinkKind::Anchor => href.starts_with('#'),
        // No scheme at all: a `:` before the first `/`, `?` or `#` would be one (browsers
        // drop tabs and newlines first, which cannot hide it from this test).
        LinkKind::Relative => !href
            .split(['/', '?', '#'])
            .next()
            .is_some_and(|first| first.contains(':')),
        // Rendered as a data attribute, never followed by the browser.
        LinkKind::Portal => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_safe_targets_become_links() {
        assert!(is_safe_href(LinkKind::Web, "https://example.com/a"));
        assert!(is_safe_href(LinkKind::Web, "HTTP://example.com"));
        assert!(!is_safe_href(LinkKind::Web, "javascript:alert(1)"));
        assert!(is_safe_href(LinkKind::Email, "mailto:help@example.com"));
        assert!(!is_safe_href(LinkKind::Email, "javascript:alert(1)"));
        assert!(is_safe_href(LinkKind::Anchor, "#causes"));
        assert!(!is_safe_href(LinkKind::Anchor, "javascript:x"));
        assert!(is_safe_href(LinkKind::Relative, "docs/setup.md#step-2"));
        assert!(is_safe_href(LinkKind::Relative, "../a:b"));
        assert!(!is_safe_href(LinkKind::Relative, "javascript:alert(1)"));
        assert!(!is_safe_href(LinkKind::Relative, " java\tscript:alert(1)"));
        assert!(!is_safe_href(LinkKind::Relative, "data:text/html,x"));
    }
}
