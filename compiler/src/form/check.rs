//! Checks every visibility condition against the form's fields (SH0203–SH0205).
//!
//! Each comparison is checked for a field the form does not have, a value that is not
//! one of a choice field's options, and a field that reads itself or a later field. The
//! labels point at the characters inside the `visibility` string in the file.
//!
//! Severity: a finding is an error when it makes the field impossible to show: the
//! condition is folded with every faulty comparison fixed to what it always is (an
//! unknown field or the field itself has no answer; a missing option is never chosen),
//! and if it is then false whatever the other answers, the question can never appear.
//! Otherwise the finding is a warning: the form still works, just not as written.

use std::ops::Range;
use std::sync::Arc;

use selfhelp_bundle::visibility::{self, Condition, Operand};
use selfhelp_bundle::{ControlType, Field};

use super::field::Spans;
use crate::diagnostics::{codes, Diagnostic, Severity};
use crate::json;
use crate::source::SourceFile;

/// One faulty comparison, before its severity is known.
struct Finding {
    code: &'static str,
    message: String,
    label: String,
    span: Range<usize>,
    help: Option<String>,
}

/// What a comparison always evaluates to, if the check fixed it.
type Fixed = Vec<Option<bool>>;

/// Checks the conditions of `fields` (in form order).
pub fn visibility(
    source: &Arc<SourceFile>,
    fields: &[(Field, Spans)],
    diagnostics: &mut Vec<Diagnostic>,
) {
    let ids: Vec<&str> = fields.iter().map(|(f, _)| f.id.as_str()).collect();
    for (index, (field, spans)) in fields.iter().enumerate() {
        let (Some(literal), Ok(parsed)) =
            (&spans.visibility, visibility::parse(&spans.visibility_text))
        else {
            continue;
        };
        let map = json::decoded_offsets(source, literal);
        let at = |r: &Range<usize>| -> Range<usize> {
            let start = map.get(r.start).copied().unwrap_or(literal.start);
            let end = map.get(r.end).copied().unwrap_or(start);
            start..end.max(start)
        };
        let mut findings = Vec::new();
        let mut fixed: Fixed = Vec::new();
        for (compare, span) in comparisons(&parsed.condition)
            .into_iter()
            .zip(&parsed.comparisons)
        {
            let (name, equal, operand) = compare;
            let mut truth = None;
            match ids.iter().position(|id| *id == name) {
                None => {
                    truth = Some(unanswered(equal, operand));
                    findings.push(Finding {
                        code: codes::UNKNOWN_VISIBILITY_FIELD,
                        message: format!(
                            "the visibility of `{}` reads `{name}`, which is not a field of this form",
                            field.id
                        ),
                        label: "no such field".into(),
                        span: at(&span.field),
                        // Never the field itself: reading it would be SH0205.
                        help: suggest(name, ids.iter().copied().filter(|id| *id != field.id))
                            .map(|s| format!("did you mean `{s}`?")),
                    });
                }
                Some(j) if j == index => {
                    truth = Some(unanswered(equal, operand));
                    findings.push(order_finding(field, name, "itself", at(&span.field)));
                }
                Some(j) => {
                    if j > index {
                        findings.push(order_finding(
                            field,
                            name,
                            "a field that comes later in the form",
                            at(&span.field),
                        ));
                    }
                    let target = &fields[j].0;
                    if let (Operand::Value(value), Some(value_span)) = (operand, &span.value) {
                        if let Some(finding) = option_finding(target, value, at(value_span)) {
                            truth = Some(!equal);
                            findings.push(finding);
                        }
                    }
                }
            }
            fixed.push(truth);
        }
        if findings.is_empty() {
            continue;
        }
        let never = fold(&parsed.condition, &fixed, &mut 0) == Some(false);
        for finding in findings {
            let severity = if never {
                Severity::Error
            } else {
                Severity::Warning
            };
            let label = if never {
                format!("{}; so `{}` is never shown", finding.label, field.id)
            } else {
                finding.label
            };
            let mut d = Diagnostic::new(
                finding.code,
                severity,
                finding.message,
                source,
                finding.span,
                label,
            );
            if let Some(help) = finding.help {
                d = d.with_help(help);
            }
            diagnostics.push(d);
        }
    }
}

/// The comparisons of a condition in the order they are written, as the parser lists
/// their spans.
fn comparisons(condition: &Condition) -> Vec<(&str, bool, &Operand)> {
    match condition {
        Condition::Always(_) => Vec::new(),
        Condition::Compare {
            field,
            equal,
            value,
        } => vec![(field.as_str(), *equal, value)],
        Condition::All(parts) | Condition::Any(parts) => {
            parts.iter().flat_map(comparisons).collect()
        }
    }
}

/// What `field ==/!= operand` is when the field has no answer.
fn unanswered(equal: bool, operand: &Operand) -> bool {
    matches!(operand, Operand::Null) == equal
}

/// Three-valued evaluation: `None` when it depends on answers.
fn fold(condition: &Condition, fixed: &Fixed, next: &mut usize) -> Option<bool> {
    match condition {
        Condition::Always(value) => Some(*value),
        Condition::Compare { .. } => {
            let truth = fixed.get(*next).copied().flatten();
            *next += 1;
            truth
        }
        Condition::All(parts) => {
            let values: Vec<_> = parts.iter().map(|p| fold(p, fixed, next)).collect();
            if values.contains(&Some(false)) {
                Some(false)
            } else if values.iter().all(|v| *v == Some(true)) {
                Some(true)
            } else {
                None
            }
        }
        Condition::Any(parts) => {
            let values: Vec<_> = parts.iter().map(|p| fold(p, fixed, next)).collect();
            if values.contains(&Some(true)) {
                Some(true)
            } else if values.iter().all(|v| *v == Some(false)) {
                Some(false)
            } else {
                None
            }
        }
    }
}

fn order_finding(field: &Field, name: &str, what: &str, span: Range<usize>) -> Finding {
    Finding {
        code: codes::VISIBILITY_ORDER,
        message: format!("the visibility of `{}` reads {what} (`{name}`)", field.id),
        label: format!("`{name}` is {what}"),
        span,
        help: Some("a condition should read only questions asked before this one".into()),
    }
}

/// A finding when `value` is not among the options of a choice field with fixed options.
fn option_finding(target: &Field, value: &str, span: Range<usize>) -> Option<Finding> {
    let choice = matches!(
        target.control,
        ControlType::Dropdown | ControlType::MultiSelectDropdown | ControlType::RadioButtonGroup
    );
    // Options from a live service may hold any value; none are known here.
    if !choice || target.options.is_empty() || target.dynamic_options.is_some() {
        return None;
    }
    if target.options.iter().any(|o| o.value == value) {
        return None;
    }
    let by_text = target
        .options
        .iter()
        .find(|o| o.text.trim().eq_ignore_ascii_case(value.trim()));
    let help = match by_text {
        Some(o) => Some(format!(
            "did you mean `{}`? (the value of the option whose text is `{}`)",
            o.value, o.text
        )),
        None => suggest(value, target.options.iter().map(|o| o.value.as_str()))
            .map(|s| format!("did you mean `{s}`?")),
    };
    Some(Finding {
        code: codes::UNKNOWN_VISIBILITY_VALUE,
        message: format!("`{}` has no option with the value `{value}`", target.id),
        label: "not an option value".into(),
        span,
        help,
    })
}

/// The closest candidate: equal ignoring case, else the most similar above a threshold.
fn suggest<'c>(wanted: &str, candidates: impl Iterator<Item = &'c str>) -> Option<&'c str> {
    let mut best: Option<(f64, &str)> = None;
    for candidate in candidates {
        let score = if candidate.eq_ignore_ascii_case(wanted) {
            1.0
        } else {
            // Edit distance, not Jaro-Winkler: long option values sharing only a prefix
            // ("On-premise, ...") must not look alike.
            strsim::normalized_damerau_levenshtein(
                &wanted.to_lowercase(),
                &candidate.to_lowercase(),
            )
        };
        if score >= 0.7 && best.is_none_or(|(s, _)| score > s) {
            best = Some((score, candidate));
        }
    }
    best.map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_finds_conditions_that_never_hold() {
        let parsed = visibility::parse("a == x && (b == y || c == z)").expect("parses");
        assert_eq!(
            fold(&parsed.condition, &vec![Some(false), None, None], &mut 0),
            Some(false)
        );
        assert_eq!(
            fold(&parsed.condition, &vec![None, Some(false), None], &mut 0),
            None
        );
        assert_eq!(
            fold(
                &parsed.condition,
                &vec![None, Some(false), Some(false)],
                &mut 0
            ),
            Some(false)
        );
    }

    #[test]
    fn suggestions_prefer_case_then_similarity() {
        let ids = ["problem_start", "Client", "region"];
        assert_eq!(suggest("client", ids.into_iter()), Some("Client"));
        assert_eq!(
            suggest("problem_strat", ids.into_iter()),
            Some("problem_start")
        );
        assert_eq!(suggest("zzz", ids.into_iter()), None);
    }
}
