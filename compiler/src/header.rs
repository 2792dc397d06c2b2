//! The `<properties attr="value" ... />` header, parsed into typed metadata with spans.
//!
//! The scanner is hand-written on purpose: the header looks like an HTML tag, but real
//! articles break HTML rules (blank lines, `>` inside values, names in any case, values
//! spanning lines) and an HTML parser would either reject them or silently drop the byte
//! spans the diagnostics need. The grammar is small enough to scan in one pass.

use std::ops::Range;
use std::sync::Arc;

use selfhelp_bundle::{Metadata, SelfHelpType};

use crate::diagnostics::{codes, Diagnostic, Label};
use crate::source::SourceFile;

mod known;
mod scan;

use known::{article_id, check_typo, clouds};
use scan::Scanner;

const OPEN: &str = "<properties";

/// One `name="value"` of the header, as written, with its spans.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribute {
    pub name: String,
    pub name_span: Range<usize>,
    pub value: String,
    /// The span of the value without its quotes.
    pub value_span: Range<usize>,
}

/// A parsed header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    pub meta: Metadata,
    pub attributes: Vec<Attribute>,
    /// From `<properties` to the closing `/>`.
    pub span: Range<usize>,
}

impl Header {
    /// The first attribute with this name, ignoring case.
    pub fn attribute(&self, name: &str) -> Option<&Attribute> {
        self.attributes
            .iter()
            .find(|a| a.name.eq_ignore_ascii_case(name))
    }

    /// Where the body starts (just after the header).
    pub fn body_start(&self) -> usize {
        self.span.end
    }

    /// The span to point at for the article id: its value, or the `<properties` keyword.
    pub fn article_id_span(&self) -> Range<usize> {
        self.attribute("articleId")
            .map(|a| a.value_span.clone())
            .unwrap_or(self.span.start..self.span.start + OPEN.len())
    }
}

/// Finds and parses the header. `None` when there is none or it is not closed (after an
/// error diagnostic); the article cannot be compiled then.
pub fn parse(source: &Arc<SourceFile>, diagnostics: &mut Vec<Diagnostic>) -> Option<Header> {
    let text = source.text.as_str();
    let Some(start) = find_open(text) else {
        diagnostics.push(
            Diagnostic::error(
                codes::NO_HEADER,
                "the article has no `<properties ... />` header",
                source,
                0..source.char_end(0),
                "expected `<properties` here",
            )
            .with_help("start the file with `<properties articleId=\"...\" pageTitle=\"...\" />`"),
        );
        return None;
    };
    check_prefix(source, start, diagnostics);
    let mut scanner = Scanner {
        source,
        text,
        pos: start + OPEN.len(),
        start,
        attributes: Vec::new(),
    };
    let end = scanner.scan(diagnostics)?;
    let attributes = scanner.attributes;
    let meta = metadata(source, &attributes, start, diagnostics);
    Some(Header {
        meta,
        attributes,
        span: start..end,
    })
}

/// The first `<properties` (any case) that starts a line, ignoring leading blanks.
fn find_open(text: &str) -> Option<usize> {
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let indent = line.len() - line.trim_start().len();
        let rest = line.get(indent..).unwrap_or("");
        let is_open = rest
            .get(..OPEN.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(OPEN))
            && rest
                .get(OPEN.len()..)
                .and_then(|after| after.chars().next())
                .is_none_or(|c| c.is_whitespace() || c == '/' || c == '>');
        if is_open {
            return Some(line_start + indent);
        }
        line_start += line.len();
    }
    None
}

/// Warns about text before the header; blank lines, HTML comments and headings are fine.
fn check_prefix(source: &Arc<SourceFile>, start: usize, diagnostics: &mut Vec<Diagnostic>) {
    let prefix = source.text.get(..start).unwrap_or("");
    let mut rest = prefix;
    let mut offset = 0;
    loop {
        let trimmed = rest.trim_start();
        offset += rest.len() - trimmed.len();
        rest = trimmed;
        // A heading line (authors put the title above the header) is read as the title.
        let heading_line = rest
            .strip_prefix('#')
            .map(|_| rest.find('\n').map_or(rest.len(), |i| i + 1));
        match rest.strip_prefix("<!--").and_then(|r| r.find("-->")) {
            Some(close) => {
                let consumed = 4 + close + 3;
                offset += consumed;
                rest = rest.get(consumed..).unwrap_or("");
            }
            None => match heading_line {
                Some(consumed) => {
                    offset += consumed;
                    rest = rest.get(consumed..).unwrap_or("");
                }
                None => break,
            },
        }
    }
    if !rest.trim().is_empty() {
        let end = offset + rest.trim_end().len();
        diagnostics.push(
            Diagnostic::warning(
                codes::CONTENT_BEFORE_HEADER,
                "text before the `<properties` header is ignored",
                source,
                offset..end,
                "ignored",
            )
            .with_help("move this text below the header, or delete it"),
        );
    }
}

/// Maps the attributes onto the typed metadata. The first of duplicate names wins.
fn metadata(
    source: &Arc<SourceFile>,
    attributes: &[Attribute],
    start: usize,
    diagnostics: &mut Vec<Diagnostic>,
) -> Metadata {
    let mut meta = Metadata::default();
    let mut seen: Vec<&Attribute> = Vec::new();
    let mut buffer = [0u8; 24];
    for attribute in attributes {
        let key = lower_key(&attribute.name, &mut buffer);
        if let Some(first) = seen
            .iter()
            .find(|a| a.name.eq_ignore_ascii_case(&attribute.name))
        {
            diagnostics.push(
                Diagnostic::warning(
                    codes::DUPLICATE_ATTRIBUTE,
                    format!("`{}` is set twice; the first value is kept", attribute.name),
                    source,
                    attribute.name_span.clone(),
                    "ignored",
                )
                .with_secondary(Label::new(
                    source,
                    first.name_span.clone(),
                    "first set here",
                )),
            );
            continue;
        }
        seen.push(attribute);
        let value = attribute.value.trim();
        match key {
            "pagetitle" => meta.page_title = value.to_string(),
            "description" => meta.description = value.to_string(),
            "service" => meta.service = value.to_string(),
            "resource" => meta.resource = value.to_string(),
            "authors" => meta.authors = list(value),
            "ms.author" => meta.ms_author = value.to_string(),
            "displayorder" => meta.display_order = display_order(source, attribute, diagnostics),
            "selfhelptype" => meta.self_help_type = SelfHelpType::parse(value),
            "supporttopicids" => meta.support_topic_ids = list(value),
            "resourcetags" => meta.resource_tags = list(value),
            "productpesids" => meta.product_pes_ids = list(value),
            "cloudenvironments" => meta.cloud_environments = clouds(source, attribute, diagnostics),
            "articleid" => meta.article_id = article_id(value),
            _ => {
                check_typo(source, attribute, diagnostics);
                meta.extra
                    .insert(attribute.name.clone(), attribute.value.clone());
            }
        }
    }
    if meta.article_id.is_empty() {
        let (range, label) = match attributes
            .iter()
            .find(|a| a.name.eq_ignore_ascii_case("articleId"))
        {
            Some(a) => (a.value_span.clone(), "this id is empty"),
            None => (start..start + OPEN.len(), "this header has no `articleId`"),
        };
        diagnostics.push(
            Diagnostic::error(
                codes::MISSING_ARTICLE_ID,
                "the article has no `articleId`",
                source,
                range,
                label,
            )
            .with_help(
                "add a unique id, e.g. `articleId=\"0f8fad5b-d9cb-469f-a165-70867728950e\"`",
            ),
        );
    }
    meta
}

/// The name in ASCII lower case, written into `buffer`; a name longer than any known one
/// reads as "" (it matches none). Every attribute of every header goes through here.
fn lower_key<'b>(name: &str, buffer: &'b mut [u8; 24]) -> &'b str {
    let bytes = name.as_bytes();
    match buffer.get_mut(..bytes.len()) {
        Some(slot) => {
            slot.copy_from_slice(bytes);
            slot.make_ascii_lowercase();
            std::str::from_utf8(slot).unwrap_or("")
        }
        None => "",
    }
}

/// A comma-separated list, trimmed, empties and repeats dropped, in order.
pub fn list(value: &str) -> Vec<String> {
    list_items(value).into_iter().map(str::to_string).collect()
}

/// The items of [`list`], borrowed from the value.
pub fn list_items(value: &str) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    for item in value.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        if !out.contains(&item) {
            out.push(item);
        }
    }
    out
}

fn display_order(
    source: &Arc<SourceFile>,
    attribute: &Attribute,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<i64> {
    let value = attribute.value.trim();
    if value.is_empty() {
        return None;
    }
    match value.parse::<i64>() {
        Ok(order) => Some(order),
        Err(_) => {
            diagnostics.push(Diagnostic::warning(
                codes::BAD_DISPLAY_ORDER,
                format!("`displayOrder` is not a whole number: `{value}`"),
                source,
                attribute.value_span.clone(),
                "ignored; the article sorts last",
            ));
            None
        }
    }
}

#[cfg(test)]
mod tests;
