//! Recognises the raw HTML the compiler understands: comments, `<br>`, placeholders, and
//! tags sorted into an allow-list of inline formatting, dropped tags and pseudo-tags.
//!
//! HTML is never passed through to the bundle: allowed tags become typed inlines, the
//! rest are dropped with a warning (their text kept, except script-like content).

/// `<br>`, `<br/>`, `<br />` in any case.
pub fn is_line_break(html: &str) -> bool {
    let inner: String = html
        .trim()
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect();
    matches!(inner.as_str(), "<br>" | "<br/>" | "</br>")
}

/// The name of a placeholder opening comment `<!--$Name-->`.
pub fn placeholder_open(html: &str) -> Option<String> {
    let body = comment_body(html)?;
    let name = body.trim().strip_prefix('$')?;
    placeholder_name(name)
}

/// The name of a placeholder closing comment `<!--/$Name-->`.
pub fn placeholder_close(html: &str) -> Option<String> {
    let body = comment_body(html)?;
    let name = body.trim().strip_prefix("/$")?;
    placeholder_name(name)
}

fn placeholder_name(name: &str) -> Option<String> {
    let name = name.trim();
    let valid = !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.'));
    valid.then(|| name.to_string())
}

/// The text inside `<!--` … `-->` when `html` starts with a comment.
fn comment_body(html: &str) -> Option<&str> {
    let rest = html.trim_start().strip_prefix("<!--")?;
    let end = rest.find("-->")?;
    rest.get(..end)
}

/// Whether dropping this HTML loses nothing worth a warning: only comments, line breaks,
/// closing tags and whitespace.
pub fn is_silent(html: &str) -> bool {
    silent_prefix_len(html) == html.len()
}

/// The length of the leading comments, line breaks, closing tags and whitespace: what can
/// be dropped silently before the first thing that matters.
pub fn silent_prefix_len(html: &str) -> usize {
    let mut rest = html;
    loop {
        let trimmed = rest.trim_start();
        if trimmed.is_empty() {
            return html.len();
        }
        let next = if let Some(after) = trimmed.strip_prefix("<!--") {
            if placeholder_open(trimmed).is_some() {
                None
            } else {
                // An unclosed comment hides the rest of the block.
                Some(
                    after
                        .find("-->")
                        .map_or("", |end| after.get(end + 3..).unwrap_or("")),
                )
            }
        } else if trimmed.starts_with('<') {
            trimmed.find('>').and_then(|end| {
                let tag = trimmed.get(..=end).unwrap_or("");
                (is_line_break(tag) || tag.starts_with("</"))
                    .then(|| trimmed.get(end + 1..).unwrap_or(""))
            })
        } else {
            None
        };
        match next {
            Some(next) => rest = next,
            None => return html.len() - trimmed.len(),
        }
    }
}

mod tags;

pub use tags::{parse_tag, pre_text, Tag, TagKind};

#[cfg(test)]
mod tests;
