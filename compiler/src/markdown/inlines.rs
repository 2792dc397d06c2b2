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

/// Trims space and line breaks at both ends of a paragraph's content.
pub(super) fn tidy(mut content: Vec<Inline>) -> Vec<Inline> {
    while let Some(first) = content.first_mut() {
        match first {
            Inline::LineBreak => {
                content.remove(0);
            }
            Inline::Text(text) => {
                let trimmed = text.trim_start();
                if trimmed.is_empty() {
                    content.remove(0);
                } else {
                    *text = trimmed.to_string();
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
