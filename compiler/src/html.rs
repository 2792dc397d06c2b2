//! Recognises the raw HTML the compiler understands: comments, `<br>`, placeholders, and
//! tags sorted into an allow-list of inline formatting, dropped tags and pseudo-tags.
//!
//! HTML is never passed through to the bundle: allowed tags become typed inlines, the
//! rest are dropped with a warning (their text kept, except script-like content).

/// `<br>`, `<br/>`, `<br />` in any case.
pub fn is_line_break(html: &str) -> bool {
    // Inline HTML is common (every placeholder comment is some): compare without
    // allocating. The forms are ASCII, so any other character means no.
    let mut squeezed = [0u8; 5];
    let mut len = 0;
    for c in html.chars().filter(|c| !c.is_whitespace()) {
        match squeezed.get_mut(len) {
            Some(slot) if c.is_ascii() => *slot = c.to_ascii_lowercase() as u8,
            _ => return false,
        }
        len += 1;
    }
    matches!(squeezed.get(..len), Some(b"<br>" | b"<br/>" | b"</br>"))
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

/// Splits text holding placeholder comments (in code, where CommonMark does not see
/// them as HTML) into `(None, text)` and `(Some(name), default)` parts, in order.
pub fn split_placeholders(text: &str) -> Vec<(Option<String>, String)> {
    let mut parts = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find("<!--") {
        let after = rest.get(open..).unwrap_or("");
        let Some(end) = after.find("-->") else { break };
        let comment = after.get(..end + 3).unwrap_or("");
        let body = after.get(end + 3..).unwrap_or("");
        let close = placeholder_open(comment).and_then(|name| {
            let closing = body.find("<!--")?;
            let close_end = body.get(closing..)?.find("-->")? + closing + 3;
            let is_close = placeholder_close(body.get(closing..close_end)?) == Some(name.clone());
            is_close.then_some((name, closing, close_end))
        });
        let Some((name, closing, close_end)) = close else {
            parts.push((None, rest.get(..open + end + 3).unwrap_or("").to_string()));
            rest = body;
            continue;
        };
        parts.push((None, rest.get(..open).unwrap_or("").to_string()));
        parts.push((Some(name), body.get(..closing).unwrap_or("").to_string()));
        rest = body.get(close_end..).unwrap_or("");
    }
    parts.push((None, rest.to_string()));
    // Merge neighbouring plain parts and drop empty ones.
    let mut merged: Vec<(Option<String>, String)> = Vec::new();
    for (name, text) in parts {
        match (merged.last_mut(), &name) {
            (Some((None, last)), None) => last.push_str(&text),
            _ if name.is_none() && text.is_empty() => {}
            _ => merged.push((name, text)),
        }
    }
    merged
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
