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

/// What an HTML tag means for the converter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TagKind {
    Strong,
    Emphasis,
    Strikethrough,
    /// `<code>`, `<kbd>`, `<samp>`, `<tt>`: shown as code.
    Code,
    /// Formatting whose text is kept as it is (`<u>`, `<sub>`, `<sup>`, `<span>`, `<a>`
    /// without `href`).
    Plain,
    /// `<a href>`: a checked link.
    Link(String),
    /// `<script>`, `<style>`, `<iframe>`…: dropped with their content.
    DropWithContent,
    /// Any other real HTML tag: dropped, its text kept.
    Drop,
    /// Not an HTML tag at all (`<value>`, `<your-name>`): text the author meant to show.
    Pseudo,
}

/// One tag: its lowercase name, whether it closes, and its kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tag {
    pub name: String,
    pub closing: bool,
    pub kind: TagKind,
}

/// HTML element names (WHATWG, plus obsolete ones still seen in articles). A tag whose
/// name is not here is a pseudo-tag, kept as text.
const ELEMENTS: [&str; 119] = [
    "a",
    "abbr",
    "acronym",
    "address",
    "area",
    "article",
    "aside",
    "audio",
    "b",
    "base",
    "bdi",
    "bdo",
    "big",
    "blink",
    "blockquote",
    "body",
    "br",
    "button",
    "canvas",
    "caption",
    "center",
    "cite",
    "code",
    "col",
    "colgroup",
    "data",
    "datalist",
    "dd",
    "del",
    "details",
    "dfn",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "em",
    "embed",
    "fieldset",
    "figcaption",
    "figure",
    "font",
    "footer",
    "form",
    "frame",
    "frameset",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hgroup",
    "hr",
    "html",
    "i",
    "iframe",
    "img",
    "input",
    "ins",
    "kbd",
    "label",
    "legend",
    "li",
    "link",
    "main",
    "map",
    "mark",
    "marquee",
    "menu",
    "meta",
    "meter",
    "nav",
    "nobr",
    "noscript",
    "object",
    "ol",
    "optgroup",
    "option",
    "output",
    "p",
    "param",
    "picture",
    "pre",
    "progress",
    "q",
    "rp",
    "rt",
    "ruby",
    "s",
    "samp",
    "script",
    "section",
    "select",
    "small",
    "source",
    "span",
    "strike",
    "strong",
    "style",
    "sub",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "template",
    "textarea",
    "tfoot",
    "th",
    "thead",
    "time",
    "title",
    "tr",
    "tt",
    "u",
    "ul",
];

/// Reads one tag (`<name ...>`, `</name>`, `<name/>`); `None` for comments and the like.
pub fn parse_tag(html: &str) -> Option<Tag> {
    let inner = html.trim().strip_prefix('<')?.strip_suffix('>')?;
    let (closing, inner) = match inner.strip_prefix('/') {
        Some(rest) => (true, rest),
        None => (false, inner),
    };
    let name_len = inner
        .find(|c: char| c.is_whitespace() || c == '/')
        .unwrap_or(inner.len());
    let name = inner.get(..name_len)?.to_ascii_lowercase();
    if !name.chars().next()?.is_ascii_alphabetic() {
        return None;
    }
    let attributes = inner.get(name_len..).unwrap_or("");
    let kind = match name.as_str() {
        _ if !ELEMENTS.contains(&name.as_str()) => TagKind::Pseudo,
        "b" | "strong" => TagKind::Strong,
        "i" | "em" | "cite" | "dfn" => TagKind::Emphasis,
        "s" | "strike" | "del" => TagKind::Strikethrough,
        "code" | "kbd" | "samp" | "tt" => TagKind::Code,
        "u" | "sub" | "sup" | "span" | "small" | "big" | "mark" | "abbr" | "font" | "nobr"
        | "ins" => TagKind::Plain,
        "a" => match attribute(attributes, "href") {
            Some(href) if !closing => TagKind::Link(href),
            _ => TagKind::Plain,
        },
        "script" | "style" | "iframe" | "noscript" | "template" | "textarea" | "title" => {
            TagKind::DropWithContent
        }
        _ => TagKind::Drop,
    };
    Some(Tag {
        name,
        closing,
        kind,
    })
}

/// The decoded value of `name="value"` (or single-quoted, or bare) in a tag's attributes.
fn attribute(attributes: &str, name: &str) -> Option<String> {
    let lower = attributes.to_ascii_lowercase();
    let mut from = 0;
    while let Some(found) = lower.get(from..)?.find(name) {
        let at = from + found;
        let before_ok = at == 0 || lower[..at].ends_with(char::is_whitespace);
        let rest = attributes.get(at + name.len()..)?.trim_start();
        if let (true, Some(value)) = (before_ok, rest.strip_prefix('=')) {
            let value = value.trim_start();
            let raw = match value.chars().next() {
                Some(q @ ('"' | '\'')) => {
                    let body = value.get(1..)?;
                    body.get(..body.find(q).unwrap_or(body.len()))?
                }
                _ => value.split_whitespace().next().unwrap_or(""),
            };
            return Some(html_escape::decode_html_entities(raw).trim().to_string());
        }
        from = at + name.len();
    }
    None
}

/// The text of a `<pre>` block: tags dropped, entities decoded, lines kept.
pub fn pre_text(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        out.push_str(rest.get(..open).unwrap_or(""));
        let after = rest.get(open..).unwrap_or("");
        let Some(close) = after.find('>') else {
            out.push_str(after);
            rest = "";
            break;
        };
        if is_line_break(after.get(..=close).unwrap_or("")) {
            out.push('\n');
        }
        rest = after.get(close + 1..).unwrap_or("");
    }
    out.push_str(rest);
    let decoded = html_escape::decode_html_entities(&out).into_owned();
    decoded.trim_matches('\n').to_string() + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_sorted_into_kinds() {
        let kind = |html: &str| parse_tag(html).map(|t| t.kind);
        assert_eq!(kind("<B>"), Some(TagKind::Strong));
        assert_eq!(kind("</strong>"), Some(TagKind::Strong));
        assert_eq!(kind("<em class=\"x\">"), Some(TagKind::Emphasis));
        assert_eq!(kind("<kbd>"), Some(TagKind::Code));
        assert_eq!(kind("<sup>"), Some(TagKind::Plain));
        assert_eq!(
            kind("<a target=_blank HREF='https://x.y/?a=1&amp;b=2'>"),
            Some(TagKind::Link("https://x.y/?a=1&b=2".into()))
        );
        assert_eq!(kind("<a name=\"top\">"), Some(TagKind::Plain));
        assert_eq!(kind("<script src=x>"), Some(TagKind::DropWithContent));
        assert_eq!(kind("<div class=\"note\">"), Some(TagKind::Drop));
        assert_eq!(kind("<img src=\"a.png\"/>"), Some(TagKind::Drop));
        assert_eq!(kind("<value>"), Some(TagKind::Pseudo));
        assert_eq!(kind("<your-name>"), Some(TagKind::Pseudo));
        assert_eq!(kind("<sas-token>"), Some(TagKind::Pseudo));
        assert_eq!(kind("<!-- c -->"), None);
        assert_eq!(kind("<1>"), None);
        assert_eq!(
            pre_text("<pre>\nline &lt;1&gt;<br>\n  <b>two</b>\n</pre>"),
            "line <1>\n\n  two\n"
        );
    }

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
