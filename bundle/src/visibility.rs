//! The `visibility` language of problem-scoping forms: parser and evaluator.
//!
//! Grammar, as real forms write it (hand-written: no parser crate handles the values,
//! which are unquoted and may hold spaces, apostrophes and their own parentheses):
//!
//! ```text
//! expr       := and ( "||" and )*
//! and        := atom ( "&&" atom )*
//! atom       := "(" expr ")" | "true" | "false" | "null" | comparison
//! comparison := field ( "==" | "!=" ) value
//! value      := "null" | text up to "&&", "||" or an unbalanced ")"
//! ```
//! A bare `null` or an empty condition means "always visible".

use std::ops::Range;

use serde::{Deserialize, Serialize};

/// A parsed condition; evaluated by the widget against the current answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Condition {
    Always(bool),
    Compare {
        field: String,
        equal: bool,
        value: Operand,
    },
    All(Vec<Condition>),
    Any(Vec<Condition>),
}

/// The right-hand side of a comparison.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Operand {
    /// `null`: the field has no answer.
    Null,
    Value(String),
}

/// Where each comparison sits in the source, in the order they appear, for diagnostics.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ComparisonSpan {
    pub field: Range<usize>,
    /// `None` for `null`.
    pub value: Option<Range<usize>>,
}

/// A condition with the source positions of its comparisons.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parsed {
    pub condition: Condition,
    pub comparisons: Vec<ComparisonSpan>,
}

/// Why a condition could not be parsed, and where (a byte offset into the source).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    pub message: String,
    pub offset: usize,
}

impl Condition {
    /// Whether the condition holds. `answers(field)` gives the field's current values:
    /// none when unanswered, several for a multi-select.
    pub fn eval(&self, answers: &dyn Fn(&str) -> Vec<String>) -> bool {
        match self {
            Condition::Always(value) => *value,
            Condition::Compare {
                field,
                equal,
                value,
            } => {
                let values = answers(field);
                let holds = match value {
                    Operand::Null => values.iter().all(|v| v.trim().is_empty()),
                    Operand::Value(expected) => values.iter().any(|v| v == expected),
                };
                holds == *equal
            }
            Condition::All(parts) => parts.iter().all(|c| c.eval(answers)),
            Condition::Any(parts) => parts.iter().any(|c| c.eval(answers)),
        }
    }

    /// Every field the condition reads, in order of appearance (with repeats).
    pub fn fields(&self) -> Vec<&str> {
        let mut out = Vec::new();
        self.collect_fields(&mut out);
        out
    }

    fn collect_fields<'a>(&'a self, out: &mut Vec<&'a str>) {
        match self {
            Condition::Always(_) => {}
            Condition::Compare { field, .. } => out.push(field),
            Condition::All(parts) | Condition::Any(parts) => {
                parts.iter().for_each(|p| p.collect_fields(out))
            }
        }
    }
}

/// Parses a `visibility` expression.
pub fn parse(source: &str) -> Result<Parsed, ParseError> {
    let mut parser = Parser {
        src: source,
        pos: 0,
        comparisons: Vec::new(),
    };
    parser.skip_space();
    if parser.pos == source.len() {
        return Ok(Parsed {
            condition: Condition::Always(true),
            comparisons: Vec::new(),
        });
    }
    let condition = parser.expr(0)?;
    parser.skip_space();
    if parser.pos < source.len() {
        return Err(parser.error("unexpected text after the condition"));
    }
    let condition = match condition {
        // A lone `null` is how forms say "no condition".
        Condition::Always(_) if source.trim() == "null" => Condition::Always(true),
        other => other,
    };
    Ok(Parsed {
        condition,
        comparisons: parser.comparisons,
    })
}

/// Deep nesting is never meant; the limit keeps recursion bounded on hostile input.
const MAX_DEPTH: usize = 64;

struct Parser<'s> {
    src: &'s str,
    pos: usize,
    comparisons: Vec<ComparisonSpan>,
}

impl Parser<'_> {
    fn rest(&self) -> &str {
        self.src.get(self.pos..).unwrap_or_default()
    }

    fn skip_space(&mut self) {
        let trimmed = self.rest().trim_start();
        self.pos = self.src.len() - trimmed.len();
    }

    fn eat(&mut self, token: &str) -> bool {
        self.skip_space();
        if self.rest().starts_with(token) {
            self.pos += token.len();
            true
        } else {
            false
        }
    }

    fn error(&self, message: &str) -> ParseError {
        ParseError {
            message: message.to_string(),
            offset: self.pos,
        }
    }

    fn expr(&mut self, depth: usize) -> Result<Condition, ParseError> {
        if depth > MAX_DEPTH {
            return Err(self.error("the condition is nested too deeply"));
        }
        let mut any = vec![self.and(depth)?];
        while self.eat("||") {
            any.push(self.and(depth)?);
        }
        Ok(if any.len() == 1 {
            any.remove(0)
        } else {
            Condition::Any(any)
        })
    }

    fn and(&mut self, depth: usize) -> Result<Condition, ParseError> {
        let mut all = vec![self.atom(depth)?];
        while self.eat("&&") {
            all.push(self.atom(depth)?);
        }
        Ok(if all.len() == 1 {
            all.remove(0)
        } else {
            Condition::All(all)
        })
    }

    fn atom(&mut self, depth: usize) -> Result<Condition, ParseError> {
        if self.eat("(") {
            let inner = self.expr(depth + 1)?;
            if !self.eat(")") {
                return Err(self.error("expected `)`"));
            }
            return Ok(inner);
        }
        self.skip_space();
        let start = self.pos;
        let name_len = self
            .rest()
            .find(|c: char| c.is_whitespace() || matches!(c, '=' | '!' | '(' | ')' | '&' | '|'))
            .unwrap_or(self.rest().len());
        if name_len == 0 {
            return Err(self.error("expected a field name"));
        }
        self.pos += name_len;
        let name = &self.src[start..self.pos];
        let equal = if self.eat("==") {
            true
        } else if self.eat("!=") {
            false
        } else {
            return match name {
                "true" => Ok(Condition::Always(true)),
                "false" => Ok(Condition::Always(false)),
                "null" => Ok(Condition::Always(true)),
                _ => Err(self.error(&format!("expected `==` or `!=` after `{name}`"))),
            };
        };
        let (value, value_span) = self.value()?;
        self.comparisons.push(ComparisonSpan {
            field: start..start + name_len,
            value: value_span,
        });
        Ok(Condition::Compare {
            field: name.to_string(),
            equal,
            value,
        })
    }

    /// A value runs to `&&`, `||` or a `)` it did not open, and is trimmed.
    fn value(&mut self) -> Result<(Operand, Option<Range<usize>>), ParseError> {
        self.skip_space();
        let start = self.pos;
        let mut depth = 0usize;
        let mut end = self.src.len();
        for (offset, c) in self.rest().char_indices() {
            let here = &self.src[start + offset..];
            if here.starts_with("&&") || here.starts_with("||") {
                end = start + offset;
                break;
            }
            match c {
                '(' => depth += 1,
                ')' if depth == 0 => {
                    end = start + offset;
                    break;
                }
                ')' => depth -= 1,
                _ => {}
            }
        }
        let raw = &self.src[start..end];
        let text = raw.trim_end();
        self.pos = end;
        if text.is_empty() {
            return Err(ParseError {
                message: "expected a value".into(),
                offset: start,
            });
        }
        let span = start..start + text.len();
        let unquoted = strip_quotes(text);
        Ok(if unquoted == "null" {
            (Operand::Null, None)
        } else {
            (Operand::Value(unquoted.to_string()), Some(span))
        })
    }
}

/// `'value'` and `"value"` mean `value`; a lone apostrophe inside a value stays.
fn strip_quotes(text: &str) -> &str {
    for quote in ['\'', '"'] {
        if text.len() >= 2 && text.starts_with(quote) && text.ends_with(quote) {
            return &text[1..text.len() - 1];
        }
    }
    text
}
