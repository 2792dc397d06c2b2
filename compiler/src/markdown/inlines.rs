//! Small helpers over inline content: merging text, wrapping paragraphs, trimming ends.

use selfhelp_bundle::{Block, Inline};

pub(super) fn push_inline(content: &mut Vec<Inline>, inline: Inline) {
    if let (Some(Inline::Text(last)), Inline::Text(text)) = (content.last_mut(), &inline) {
        last.push_str(text);
        return;
    }
    content.push(inline);
}

pub(super) fn push_paragraph(blocks: &mut Vec<Block>, loose: Vec<Inline>) {
    let content = tidy(loose);
    if !content.is_empty() {
        blocks.push(Block::Paragraph(content));
    }
}

/// Trims space and line breaks at both ends of a paragraph's content, and reads the
/// `<br.>` typo (which CommonMark does not see as a tag) as a line break.
pub(super) fn tidy(content: Vec<Inline>) -> Vec<Inline> {
    let mut content = split_breaks(content);
    while let Some(first) = content.first_mut() {
        match first {
            Inline::LineBreak => {
                content.remove(0);
            }
            Inline::Text(text) => {
                let start = text.len() - text.trim_start().len();
                if start == text.len() {
                    content.remove(0);
                } else {
                    text.drain(..start);
                    break;
                }
            }
            _ => break,
        }
    }
    while let Some(last) = content.last_mut() {
        match last {
            Inline::LineBreak => {
                content.pop();
            }
            Inline::Text(text) => {
                let trimmed = text.trim_end();
                if trimmed.is_empty() {
                    content.pop();
                } else {
                    text.truncate(trimmed.len());
                    break;
                }
            }
            _ => break,
        }
    }
    content
}

fn split_breaks(content: Vec<Inline>) -> Vec<Inline> {
    let has_break = |inline: &Inline| matches!(inline, Inline::Text(text) if text.contains('<') && text.to_ascii_lowercase().contains("<br.>"));
    // Nearly every paragraph has no `<br.>` and no empty text: keep it as it is.
    let empty = |inline: &Inline| matches!(inline, Inline::Text(text) if text.is_empty());
    if !content.iter().any(|i| has_break(i) || empty(i)) {
        return content;
    }
    let mut out = Vec::with_capacity(content.len());
    for inline in content {
        match inline {
            Inline::Text(text) if text.to_ascii_lowercase().contains("<br.>") => {
                let lower = text.to_ascii_lowercase();
                let mut from = 0;
                for (at, _) in lower.match_indices("<br.>") {
                    push_inline(
                        &mut out,
                        Inline::Text(text.get(from..at).unwrap_or("").into()),
                    );
                    out.push(Inline::LineBreak);
                    from = at + 5;
                }
                push_inline(
                    &mut out,
                    Inline::Text(text.get(from..).unwrap_or("").into()),
                );
            }
            other => out.push(other),
        }
    }
    out.retain(|i| !matches!(i, Inline::Text(t) if t.is_empty()));
    out
}
