//! The scanner over the header's attributes: `name="value"` pairs up to `/>`, with spans.

use std::ops::Range;
use std::sync::Arc;

use super::{Attribute, OPEN};
use crate::diagnostics::{codes, Diagnostic, Label};
use crate::source::SourceFile;

pub(super) struct Scanner<'a> {
    pub(super) source: &'a Arc<SourceFile>,
    pub(super) text: &'a str,
    pub(super) pos: usize,
    pub(super) start: usize,
    pub(super) attributes: Vec<Attribute>,
}

impl Scanner<'_> {
    fn rest(&self) -> &str {
        self.text.get(self.pos..).unwrap_or("")
    }

    fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    fn bump(&mut self) {
        self.pos += self.peek().map_or(0, char::len_utf8);
    }

    /// Skips whitespace; true when it held a blank line.
    fn skip_space(&mut self) -> bool {
        let rest = self.rest();
        let len = rest.len() - rest.trim_start().len();
        let newlines = rest.as_bytes().iter().take(len).filter(|&&b| b == b'\n');
        let blank = newlines.count() >= 2;
        self.pos += len;
        blank
    }

    /// Scans the attributes; returns the offset just after the closing `/>`.
    pub(super) fn scan(&mut self, diagnostics: &mut Vec<Diagnostic>) -> Option<usize> {
        loop {
            let blank_line = self.skip_space();
            let rest = self.rest();
            if rest.starts_with("/>") {
                return Some(self.pos + 2);
            }
            let Some(c) = self.peek() else {
                return self.unclosed(diagnostics, "the file ends inside the header");
            };
            if c == '>' {
                diagnostics.push(self.malformed(
                    self.pos..self.pos + 1,
                    "the header is closed with `>` instead of `/>`",
                    "expected `/>`",
                ));
                return Some(self.pos + 1);
            }
            let after_blank = blank_line && !self.attributes.is_empty();
            if is_name_char(c) && (!after_blank || self.name_has_value()) {
                self.attribute(diagnostics)?;
            } else if c == '#' || c == '<' || after_blank {
                return self.unclosed(diagnostics, "the header is not closed before the body");
            } else {
                let at = self.pos;
                self.bump();
                diagnostics.push(self.malformed(
                    at..self.pos,
                    format!("unexpected `{c}` in the header is ignored"),
                    "expected an attribute name or `/>`",
                ));
            }
        }
    }

    /// Whether the name at the cursor is followed by `=` (a real attribute, not prose).
    fn name_has_value(&self) -> bool {
        let rest = self.rest();
        let after = rest.trim_start_matches(is_name_char);
        after.trim_start().starts_with('=')
    }

    fn attribute(&mut self, diagnostics: &mut Vec<Diagnostic>) -> Option<()> {
        let name_start = self.pos;
        let rest = self.rest();
        self.pos += rest.find(|c: char| !is_name_char(c)).unwrap_or(rest.len());
        let name_span = name_start..self.pos;
        let name = self.text.get(name_span.clone()).unwrap_or("").to_string();
        let after_name = self.pos;
        self.skip_space();
        if self.peek() != Some('=') {
            // A bare name: treat it as an empty value, but keep the whitespace for the loop.
            self.pos = after_name;
            diagnostics.push(self.malformed(
                name_span.clone(),
                format!("attribute `{name}` has no value"),
                "expected `=\"...\"` after this",
            ));
            self.push(name, name_span, String::new(), after_name..after_name);
            return Some(());
        }
        self.bump();
        self.skip_space();
        match self.peek() {
            Some(quote @ ('"' | '\'')) => {
                let open = self.pos;
                self.bump();
                let value_start = self.pos;
                let Some(len) = memchr::memchr(quote as u8, self.rest().as_bytes()) else {
                    let range = open..open + 1;
                    diagnostics.push(
                        Diagnostic::error(
                            codes::UNCLOSED_HEADER,
                            format!("the value of `{name}` has no closing quote"),
                            self.source,
                            range,
                            "this quote is never closed",
                        )
                        .with_secondary(Label::new(
                            self.source,
                            self.start..self.start + OPEN.len(),
                            "in this header",
                        )),
                    );
                    return None;
                };
                let value_span = value_start..value_start + len;
                let value = self.text.get(value_span.clone()).unwrap_or("").to_string();
                self.pos = value_span.end + 1;
                self.push(name, name_span, value, value_span);
            }
            _ => {
                let value_start = self.pos;
                while let Some(c) = self.peek() {
                    if c.is_whitespace() || c == '>' || self.rest().starts_with("/>") {
                        break;
                    }
                    self.bump();
                }
                let value_span = value_start..self.pos;
                diagnostics.push(self.malformed(
                    value_span.clone(),
                    format!("the value of `{name}` is not quoted"),
                    "expected a quoted value",
                ));
                let value = self.text.get(value_span.clone()).unwrap_or("").to_string();
                self.push(name, name_span, value, value_span);
            }
        }
        Some(())
    }

    fn push(
        &mut self,
        name: String,
        name_span: Range<usize>,
        value: String,
        value_span: Range<usize>,
    ) {
        // Values are HTML attribute values: `&quot;` and friends mean their characters.
        let mut value = if value.contains('&') {
            html_escape::decode_html_entities(&value).into_owned()
        } else {
            value
        };
        // A value continued on the next lines is one line of text.
        if value.contains('\n') {
            value = value.split_whitespace().collect::<Vec<_>>().join(" ");
        }
        self.attributes.push(Attribute {
            name,
            name_span,
            value,
            value_span,
        });
    }

    fn malformed(
        &self,
        range: Range<usize>,
        message: impl Into<String>,
        label: &str,
    ) -> Diagnostic {
        Diagnostic::warning(codes::MALFORMED_HEADER, message, self.source, range, label)
    }

    fn unclosed<T>(&self, diagnostics: &mut Vec<Diagnostic>, label: &str) -> Option<T> {
        let mut diagnostic = Diagnostic::error(
            codes::UNCLOSED_HEADER,
            "the `<properties` header is not closed with `/>`",
            self.source,
            self.start..self.start + OPEN.len(),
            "this header is never closed",
        )
        .with_help("end the header with `/>` on its own line");
        let at = self.pos;
        diagnostic =
            diagnostic.with_secondary(Label::new(self.source, at..self.source.char_end(at), label));
        diagnostics.push(diagnostic);
        None
    }
}

pub(super) fn is_name_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | ':' | '$')
}
