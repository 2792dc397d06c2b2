//! HTML tags sorted into kinds: the inline allow-list, dropped tags, and pseudo-tags.

use super::is_line_break;

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
        _ if !ELEMENTS.contains(&name.as_str()) || reads_as_prose(attributes) => TagKind::Pseudo,
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

/// HTML attributes written without a value.
const BOOLEAN_ATTRIBUTES: [&str; 16] = [
    "controls",
    "autoplay",
    "muted",
    "loop",
    "disabled",
    "checked",
    "selected",
    "hidden",
    "readonly",
    "required",
    "open",
    "defer",
    "async",
    "novalidate",
    "multiple",
    "playsinline",
];

/// Whether a tag's "attributes" are words, as in `<output txt file path>`: a placeholder
/// that happens to start with an element name, not HTML.
fn reads_as_prose(attributes: &str) -> bool {
    let bare = attributes
        .split_whitespace()
        .take_while(|w| !w.contains(['=', '"', '\'']))
        .filter(|w| w.chars().all(char::is_alphanumeric))
        .filter(|w| !BOOLEAN_ATTRIBUTES.contains(&w.to_ascii_lowercase().as_str()))
        .count();
    bare >= 2
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
