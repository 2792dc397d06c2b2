//! Recognises the few raw HTML snippets the compiler understands: comments, `<br>`, placeholders.
//!
//! Everything else is dropped by the markdown converter with a warning; HTML is never
//! passed through to the bundle.

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_breaks() {
        for br in ["<br>", "<BR/>", "<br />", " <br  /> ", "</br>"] {
            assert!(is_line_break(br), "{br}");
        }
        assert!(!is_line_break("<b>"));
        assert!(!is_line_break("<brx>"));
    }

    #[test]
    fn placeholders() {
        assert_eq!(placeholder_open("<!--$VNetId-->"), Some("VNetId".into()));
        assert_eq!(
            placeholder_open("<!-- $start_Time -->"),
            Some("start_Time".into())
        );
        assert_eq!(placeholder_close("<!--/$VNetId-->"), Some("VNetId".into()));
        assert_eq!(placeholder_open("<!--/$VNetId-->"), None);
        assert_eq!(placeholder_open("<!-- note -->"), None);
        assert_eq!(placeholder_open("<!--$-->"), None);
        assert_eq!(placeholder_open("<!--$a b-->"), None);
    }

    #[test]
    fn silence() {
        assert!(is_silent("<!-- a -->\n<!-- b -->\n"));
        assert!(is_silent("<br>"));
        assert!(is_silent("</div>"));
        assert!(is_silent("<!--- unclosed\ncomment"));
        assert!(!is_silent("<div>text</div>"));
        assert!(!is_silent("<Insight>"));
        assert!(!is_silent("<!-- a --> <b>"));
        assert!(!is_silent("<a"));
        assert!(!is_silent("<!--$Name-->x<!--/$Name-->"));
        assert_eq!(silent_prefix_len("<br />\n**text**"), 7);
        assert_eq!(silent_prefix_len("<!-- a --><div>"), 10);
        assert_eq!(silent_prefix_len("<!--$N-->x"), 0);
    }
}
