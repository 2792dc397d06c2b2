//! A tolerant JSON reader that keeps the byte span of every key and value.
//!
//! serde_json's `Value` has no spans and refuses the quirks real forms have, so the
//! text is parsed by `jsonc-parser` (a maintained crate whose AST carries ranges and
//! which accepts trailing commas and unquoted keys) into [`Node`]s with spans in the
//! source file. Every quirk it tolerates is reported as an SH0200 warning; duplicate
//! keys (SH0201) are kept in the tree and lookups take the last one, as JavaScript does.

use std::ops::Range;
use std::sync::Arc;

use jsonc_parser::ast;
use jsonc_parser::common::Ranged;
use jsonc_parser::{CollectOptions, CommentCollectionStrategy, ParseOptions};

use crate::diagnostics::{codes, Diagnostic, Label};
use crate::source::SourceFile;

/// A JSON value with its span in the source file.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub value: Value,
    pub span: Range<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    /// As written.
    Number(String),
    String(String),
    Array(Vec<Node>),
    Object(Vec<Member>),
}

/// One `key: value` pair of an object.
#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    pub key: String,
    pub key_span: Range<usize>,
    pub value: Node,
}

/// Why the text could not be read at all, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonError {
    pub message: String,
    pub span: Range<usize>,
}

/// Reads `range` of `source` as JSON. Tolerated quirks are pushed as warnings.
pub fn read(
    source: &Arc<SourceFile>,
    range: Range<usize>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Result<Node, JsonError> {
    let base = range.start;
    let text = source.text.get(range).unwrap_or("");
    let options = ParseOptions {
        allow_comments: false,
        allow_loose_object_property_names: true,
        allow_trailing_commas: true,
        allow_missing_commas: false,
        allow_single_quoted_strings: false,
        allow_hexadecimal_numbers: false,
        allow_unary_plus_numbers: false,
        allow_bare_decimal_point_numbers: false,
        allow_non_finite_numbers: false,
        allow_extended_string_escapes: false,
    };
    let collect = CollectOptions {
        comments: CommentCollectionStrategy::Off,
        // Tokens are not collected (a third of the reader's time); trailing commas are
        // found from the AST's ranges instead.
        tokens: false,
    };
    let parsed = jsonc_parser::parse_to_ast(text, &collect, &options).map_err(|error| {
        let r = error.range();
        // The range can start in the whitespace before the offending token: skip it.
        let skipped = text
            .get(r.start..)
            .map_or(0, |rest| rest.len() - rest.trim_start().len());
        let start = (r.start + skipped).min(text.len());
        JsonError {
            message: error.kind().to_string(),
            span: base + start..base + r.end.max(start),
        }
    })?;
    let Some(value) = parsed.value else {
        return Err(JsonError {
            message: "there is no JSON value".into(),
            span: base..base,
        });
    };
    let mut reader = Reader {
        source,
        base,
        text,
        diagnostics,
    };
    Ok(reader.node(value))
}

fn quirk(source: &Arc<SourceFile>, span: Range<usize>, what: &str, fix: &str) -> Diagnostic {
    Diagnostic::warning(
        codes::LENIENT_JSON,
        format!("the JSON has {what}, which was tolerated"),
        source,
        span,
        what.to_string(),
    )
    .with_help(format!("{fix}: strict JSON readers refuse this"))
}

struct Reader<'r> {
    source: &'r Arc<SourceFile>,
    base: usize,
    text: &'r str,
    diagnostics: &'r mut Vec<Diagnostic>,
}

impl Reader<'_> {
    fn span(&self, range: jsonc_parser::common::Range) -> Range<usize> {
        self.base + range.start..self.base + range.end
    }

    fn node(&mut self, value: ast::Value<'_>) -> Node {
        match value {
            ast::Value::StringLit(lit) => {
                let span = self.span(lit.range);
                self.check_raw_controls(lit.range);
                Node {
                    value: Value::String(lit.value.into_owned()),
                    span,
                }
            }
            ast::Value::NumberLit(lit) => Node {
                value: Value::Number(lit.value.to_string()),
                span: self.span(lit.range),
            },
            ast::Value::BooleanLit(lit) => Node {
                value: Value::Bool(lit.value),
                span: self.span(lit.range),
            },
            ast::Value::NullKeyword(lit) => Node {
                value: Value::Null,
                span: self.span(lit.range),
            },
            ast::Value::Array(array) => {
                let last = array.elements.last().map(|e| e.range().end);
                self.check_trailing_comma(last, array.range);
                Node {
                    span: self.span(array.range),
                    value: Value::Array(array.elements.into_iter().map(|e| self.node(e)).collect()),
                }
            }
            ast::Value::Object(object) => {
                let span = self.span(object.range);
                let last = object.properties.last().map(|p| p.range.end);
                self.check_trailing_comma(last, object.range);
                let members: Vec<Member> = object
                    .properties
                    .into_iter()
                    .map(|p| self.member(p))
                    .collect();
                self.check_duplicates(&members);
                Node {
                    value: Value::Object(members),
                    span,
                }
            }
        }
    }

    fn member(&mut self, prop: ast::ObjectProp<'_>) -> Member {
        let (key, key_range) = match prop.name {
            ast::ObjectPropName::String(lit) => {
                self.check_raw_controls(lit.range);
                (lit.value.into_owned(), lit.range)
            }
            ast::ObjectPropName::Word(word) => {
                let span = self.span(word.range);
                self.diagnostics.push(quirk(
                    self.source,
                    span,
                    "an unquoted key",
                    &format!("write it as \"{}\"", word.value),
                ));
                (word.value.to_string(), word.range)
            }
        };
        Member {
            key,
            key_span: self.span(key_range),
            value: self.node(prop.value),
        }
    }

    /// A `,` between the last element and the closing bracket (comments are off, so only
    /// whitespace and that comma can be there).
    fn check_trailing_comma(&mut self, last: Option<usize>, range: jsonc_parser::common::Range) {
        let Some(last) = last else {
            return;
        };
        let between = self.text.get(last..range.end).unwrap_or("");
        if let Some(at) = between.find(',') {
            let at = self.base + last + at;
            self.diagnostics.push(quirk(
                self.source,
                at..at + 1,
                "a trailing comma",
                "remove it",
            ));
        }
    }

    /// Raw tabs, newlines and other control characters inside a string literal.
    fn check_raw_controls(&mut self, range: jsonc_parser::common::Range) {
        let raw = self.text.get(range.start..range.end).unwrap_or("");
        if let Some(at) = raw.find(|c: char| c < ' ') {
            let start = self.base + range.start + at;
            let name = match raw[at..].chars().next() {
                Some('\t') => "a raw tab in a string",
                Some('\n' | '\r') => "a raw line break in a string",
                _ => "a raw control character in a string",
            };
            self.diagnostics.push(quirk(
                self.source,
                start..start + 1,
                name,
                "escape it (`\\t`, `\\n`)",
            ));
        }
    }

    /// SH0201 for every key (compared ignoring ASCII case) that a later one overrides.
    fn check_duplicates(&mut self, members: &[Member]) {
        for (i, member) in members.iter().enumerate() {
            let later = members
                .get(i + 1..)
                .unwrap_or_default()
                .iter()
                .find(|m| m.key.eq_ignore_ascii_case(&member.key));
            if let Some(later) = later {
                self.diagnostics.push(
                    Diagnostic::warning(
                        codes::DUPLICATE_KEY,
                        format!("`{}` is set twice; the last value wins", member.key),
                        self.source,
                        member.key_span.clone(),
                        "ignored",
                    )
                    .with_secondary(Label::new(
                        self.source,
                        later.key_span.clone(),
                        "this one is used",
                    ))
                    .with_help("delete one of them"),
                );
            }
        }
    }
}

impl Node {
    pub fn as_object(&self) -> Option<&[Member]> {
        match &self.value {
            Value::Object(members) => Some(members),
            _ => None,
        }
    }

    /// The value as text: strings as they are, numbers as written, booleans as
    /// `true`/`false`; `None` for null, arrays and objects.
    pub fn text(&self) -> Option<String> {
        match &self.value {
            Value::String(s) => Some(s.clone()),
            Value::Number(n) => Some(n.clone()),
            Value::Bool(b) => Some(b.to_string()),
            _ => None,
        }
    }

    /// The elements of an array; a lone object counts as a list of one.
    pub fn items(&self) -> Vec<&Node> {
        match &self.value {
            Value::Array(items) => items.iter().collect(),
            Value::Object(_) => vec![self],
            _ => Vec::new(),
        }
    }
}

/// The member for `key` (ignoring ASCII case; the last of duplicates), if any.
pub fn member<'m>(members: &'m [Member], key: &str) -> Option<&'m Member> {
    members
        .iter()
        .rev()
        .find(|m| m.key.eq_ignore_ascii_case(key))
}

/// The value for `key`, see [`member`].
pub fn get<'m>(members: &'m [Member], key: &str) -> Option<&'m Node> {
    member(members, key).map(|m| &m.value)
}

/// Maps byte offsets of a decoded string back into its literal in the source: entry `i`
/// is the source offset of decoded byte `i` (one past the end is the closing quote).
pub fn decoded_offsets(source: &SourceFile, literal: &Range<usize>) -> Vec<usize> {
    let raw = source.text.get(literal.clone()).unwrap_or("");
    let inner = raw
        .strip_prefix('"')
        .map(|r| r.strip_suffix('"').unwrap_or(r))
        .unwrap_or(raw);
    let start = literal.start + usize::from(raw.starts_with('"'));
    let mut map = Vec::with_capacity(inner.len() + 1);
    let mut chars = inner.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let width = if c == '\\' {
            match chars.next() {
                Some((_, 'u')) => {
                    let hex: String = (0..4)
                        .filter_map(|_| chars.next().map(|(_, h)| h))
                        .collect();
                    u32::from_str_radix(&hex, 16)
                        .ok()
                        .and_then(char::from_u32)
                        .map_or(3, char::len_utf8)
                }
                Some((_, e)) if e.is_ascii() => 1,
                Some((_, e)) => e.len_utf8(),
                None => 1,
            }
        } else {
            c.len_utf8()
        };
        map.extend(std::iter::repeat_n(start + at, width));
    }
    map.push(start + inner.len());
    map
}

#[cfg(test)]
mod tests;
