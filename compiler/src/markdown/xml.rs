//! Apollo's custom XML blocks (`<insight>`, `<video>`, `<videoGroup>`, `<azureKB>`,
//! `<metric>`) read into typed blocks.
//!
//! Their shape is a flat list of child elements holding text (`<symptomId>X</symptomId>`),
//! written by hand: any case, any indentation, blank lines inside. A small tolerant
//! scanner reads that better than an XML parser, which would refuse the stray `<br>`s
//! and unescaped `&`s the corpus has.

use std::collections::{BTreeMap, HashMap};

use selfhelp_bundle::{AzureKb, Block, Insight, Metric, Video};

/// The longest opening or closing tag looked for.
const MAX_TAG_BYTES: usize = 4096;

/// Canonical (lowercase) names of the blocks the pre-pass extracts.
pub const BLOCK_TAGS: [&str; 5] = ["insight", "videogroup", "video", "azurekb", "metric"];

/// The canonical tag name when `trimmed` starts with one of the block tags.
pub fn block_tag(trimmed: &str) -> Option<&'static str> {
    let rest = trimmed.strip_prefix('<')?;
    let name_len = rest
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(rest.len());
    let name = rest.get(..name_len)?;
    let after = rest.get(name_len..)?.chars().next();
    if !after.is_some_and(|c| c == '>' || c == '/' || c.is_whitespace()) {
        return None;
    }
    BLOCK_TAGS
        .iter()
        .find(|t| t.eq_ignore_ascii_case(name))
        .copied()
}

/// The offset just after the `</tag>` that closes the element opened at `start`.
#[cfg(test)]
pub fn element_end(lower: &str, start: usize, tag: &str) -> Option<usize> {
    element_ends(lower).get(&(tag.to_string(), start)).copied()
}

/// For every block tag opened in `lower` (the text in ASCII lowercase), the offset just
/// after the tag that closes it, keyed by `(tag, start)`. Opens and closes are paired like
/// parentheses in one pass, so a file of many unclosed tags stays linear.
pub fn element_ends(lower: &str) -> HashMap<(String, usize), usize> {
    let mut ends = HashMap::new();
    for tag in BLOCK_TAGS {
        let open = format!("<{tag}");
        let close = format!("</{tag}");
        let mut stack: Vec<usize> = Vec::new();
        for (pos, _) in lower.match_indices('<') {
            let here = lower.get(pos..).unwrap_or("");
            let boundary = |len: usize| {
                here.get(len..)
                    .and_then(|r| r.chars().next())
                    .is_some_and(|c| c == '>' || c == '/' || c.is_whitespace())
            };
            let is_close = here.starts_with(&close) && boundary(close.len());
            let is_open = !is_close && here.starts_with(&open) && boundary(open.len());
            if !is_close && !is_open {
                continue;
            }
            // A tag runs to its `>`; real ones are short, so look a little way only.
            let window = here.get(..here.len().min(MAX_TAG_BYTES)).unwrap_or(here);
            let Some(tag_end) = window.find('>').map(|i| pos + i + 1) else {
                continue;
            };
            if is_close {
                if let Some(start) = stack.pop() {
                    ends.insert((tag.to_string(), start), tag_end);
                }
            } else if lower.get(pos..tag_end).is_some_and(|t| t.ends_with("/>")) {
                ends.insert((tag.to_string(), pos), tag_end);
            } else {
                stack.push(pos);
            }
        }
    }
    ends
}

/// One element: its name as written, its attributes and its raw inner text.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Element<'a> {
    name: &'a str,
    attributes: BTreeMap<String, String>,
    inner: &'a str,
}

/// The first element of `text` and the rest after it.
fn element(text: &str) -> Option<(Element<'_>, &str)> {
    let start = text.find('<')?;
    let rest = text.get(start + 1..)?;
    if rest.starts_with(['/', '!']) {
        let skip = rest.find('>')? + 1;
        return element(rest.get(skip..)?);
    }
    let name_len = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
        .unwrap_or(rest.len());
    let name = rest.get(..name_len)?;
    let open_end = rest.find('>')?;
    let open = rest.get(name_len..open_end)?;
    let attributes = attributes(open.trim_end_matches('/'));
    let after_open = rest.get(open_end + 1..)?;
    if open.ends_with('/') || name.is_empty() {
        return Some((element_with(name, attributes, ""), after_open));
    }
    let lower = after_open.to_ascii_lowercase();
    let close = format!("</{}", name.to_ascii_lowercase());
    match lower.find(&close) {
        Some(at) => {
            let inner = after_open.get(..at)?;
            let tail = after_open.get(at..)?;
            let tail = tail.get(tail.find('>').map_or(tail.len(), |i| i + 1)..)?;
            Some((element_with(name, attributes, inner), tail))
        }
        // An unclosed child (`<br>`, `<source ...>`) holds nothing.
        None => Some((element_with(name, attributes, ""), after_open)),
    }
}

fn element_with<'a>(
    name: &'a str,
    attributes: BTreeMap<String, String>,
    inner: &'a str,
) -> Element<'a> {
    Element {
        name,
        attributes,
        inner,
    }
}

/// `name="value"` pairs of an opening tag, names lowercased, values decoded.
fn attributes(open: &str) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let mut rest = open.trim_start();
    while let Some(eq) = rest.find('=') {
        let name = rest.get(..eq).unwrap_or("").split_whitespace().last();
        let value_part = rest.get(eq + 1..).unwrap_or("").trim_start();
        let (value, after) = match value_part.chars().next() {
            Some(q @ ('"' | '\'')) => {
                let body = value_part.get(1..).unwrap_or("");
                let end = body.find(q).unwrap_or(body.len());
                (
                    body.get(..end).unwrap_or(""),
                    body.get(end + 1..).unwrap_or(""),
                )
            }
            _ => {
                let end = value_part
                    .find(char::is_whitespace)
                    .unwrap_or(value_part.len());
                (
                    value_part.get(..end).unwrap_or(""),
                    value_part.get(end..).unwrap_or(""),
                )
            }
        };
        if let Some(name) = name {
            out.insert(name.to_ascii_lowercase(), text(value));
        }
        rest = after;
    }
    out
}

/// The child elements of `inner`.
fn children(inner: &str) -> Vec<Element<'_>> {
    let mut out = Vec::new();
    let mut rest = inner;
    while let Some((element, after)) = element(rest) {
        out.push(element);
        rest = after;
    }
    out
}

/// Text content: tags dropped (`<br>` as a space), entities decoded, space collapsed.
pub fn text(raw: &str) -> String {
    let mut plain = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(open) = rest.find('<') {
        plain.push_str(rest.get(..open).unwrap_or(""));
        let after = rest.get(open..).unwrap_or("");
        match after.find('>') {
            Some(close) => {
                plain.push(' ');
                rest = after.get(close + 1..).unwrap_or("");
            }
            None => {
                plain.push_str(after);
                rest = "";
            }
        }
    }
    plain.push_str(rest);
    let decoded = html_escape::decode_html_entities(&plain);
    decoded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Child texts by lowercase name, in a map.
fn fields(inner: &str) -> BTreeMap<String, (String, String)> {
    children(inner)
        .into_iter()
        .map(|e| {
            (
                e.name.to_ascii_lowercase(),
                (e.name.to_string(), text(e.inner)),
            )
        })
        .collect()
}

/// Takes a field out of the map; the rest stay as extra attributes.
fn take(fields: &mut BTreeMap<String, (String, String)>, name: &str) -> String {
    fields.remove(name).map(|(_, v)| v).unwrap_or_default()
}

fn rest(fields: BTreeMap<String, (String, String)>) -> BTreeMap<String, String> {
    fields.into_values().collect()
}

/// Reads an extracted element (`source` runs from `<tag` to its `</tag>`).
pub fn parse(tag: &str, source: &str) -> Result<Block, String> {
    let Some((element, _)) = element(source) else {
        return Err(format!("the `<{tag}>` block cannot be read"));
    };
    let inner = element.inner;
    match tag {
        "insight" => {
            let mut f = fields(inner);
            let symptom_id = take(&mut f, "symptomid");
            if symptom_id.is_empty() {
                return Err("the `<insight>` has no `<symptomId>`".into());
            }
            Ok(Block::Insight(Box::new(Insight {
                symptom_id,
                execution_text: take(&mut f, "executiontext"),
                timeout_text: take(&mut f, "timeouttext"),
                no_result_text: take(&mut f, "noresulttext"),
                attributes: rest(f),
            })))
        }
        "video" => video(&element).map(Block::Video),
        "videogroup" => {
            let videos: Result<Vec<Video>, String> = children(inner)
                .iter()
                .filter(|e| e.name.eq_ignore_ascii_case("video"))
                .map(video)
                .collect();
            match videos? {
                videos if videos.is_empty() => Err("the `<videoGroup>` has no `<video>`".into()),
                videos => Ok(Block::VideoGroup(videos)),
            }
        }
        "azurekb" => {
            let mut f = fields(inner);
            Ok(Block::AzureKb(Box::new(AzureKb {
                client: take(&mut f, "client"),
                attributes: rest(f),
            })))
        }
        _ => {
            let mut f = fields(inner);
            let name = take(&mut f, "name");
            if name.is_empty() {
                return Err("the `<metric>` has no `<name>`".into());
            }
            Ok(Block::Metric(Box::new(Metric {
                title: take(&mut f, "title"),
                name,
                aggregation_type: take(&mut f, "aggregationtype"),
                time_span_duration: take(&mut f, "timespanduration"),
                attributes: rest(f),
            })))
        }
    }
}

/// A `<video>` with `<src>`/`<title>` children, or an HTML5 one with `src` attributes.
fn video(element: &Element<'_>) -> Result<Video, String> {
    let kids = children(element.inner);
    let child = |name: &str| {
        kids.iter()
            .find(|e| e.name.eq_ignore_ascii_case(name))
            .map(|e| text(e.inner))
            .filter(|t| !t.is_empty())
    };
    let src = child("src")
        .or_else(|| element.attributes.get("src").cloned())
        .or_else(|| {
            kids.iter()
                .filter(|e| e.name.eq_ignore_ascii_case("source"))
                .find_map(|e| e.attributes.get("src").cloned())
        })
        .ok_or("the `<video>` has no `<src>`")?;
    let title = child("title")
        .or_else(|| element.attributes.get("title").cloned())
        .unwrap_or_else(|| src.clone());
    Ok(Video { src, title })
}
