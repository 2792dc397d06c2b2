//! One form element read into a `selfhelp_bundle::Field`, with the spans the checks need.

use std::ops::Range;
use std::sync::Arc;

use selfhelp_bundle::visibility::Condition;
use selfhelp_bundle::{Block, ChoiceOption, Field, Inline, Validation};

use super::{control_type, keys, Fenced};
use crate::diagnostics::{codes, Diagnostic};
use crate::json::{self, Member, Node, Value};
use crate::markdown;
use crate::source::SourceFile;

/// Where a field's parts are written, for diagnostics.
#[derive(Debug, Clone)]
pub struct Spans {
    /// The `"id"` value, else the element.
    pub id: Range<usize>,
    /// The `"visibility"` string literal, quotes included.
    pub visibility: Option<Range<usize>>,
    /// The `visibility` text as read (empty when there is none).
    pub visibility_text: String,
}

/// Element keys as the platform spells them; other spellings are read with SH0202. The
/// first [`READ`] are read into the field; the rest are known but kept as data only.
const KEYS: [&str; 17] = [
    "id",
    "order",
    "controlType",
    "displayLabel",
    "watermarkText",
    "required",
    "dropdownOptions",
    "radioButtonOptions",
    "dynamicDropdownOptions",
    "useAsAdditionalDetails",
    "visibility",
    "infoBalloonText",
    "hints",
    "validations",
    "content",
    "numberOfLines",
    "maxLength",
];

/// How many of [`KEYS`] the field is read from.
const READ: usize = 15;

pub(super) fn warning(
    source: &Arc<SourceFile>,
    range: Range<usize>,
    message: impl Into<String>,
) -> Diagnostic {
    Diagnostic::warning(
        codes::BAD_FORM_FIELD,
        message,
        source,
        range,
        "in this form element",
    )
}

fn text(members: &[Member], key: &str) -> String {
    json::get(members, key)
        .and_then(Node::text)
        .unwrap_or_default()
}

/// `true`, or a string that says `true` in any case.
pub(super) fn boolean(members: &[Member], key: &str) -> bool {
    match json::get(members, key).map(|n| &n.value) {
        Some(Value::Bool(b)) => *b,
        Some(Value::String(s)) => s.trim().eq_ignore_ascii_case("true"),
        _ => false,
    }
}

fn objects<'m>(members: &'m [Member], key: &str) -> Vec<&'m [Member]> {
    json::get(members, key)
        .map(|n| n.items().into_iter().filter_map(Node::as_object).collect())
        .unwrap_or_default()
}

fn option(members: &[Member]) -> ChoiceOption {
    ChoiceOption {
        value: text(members, "value"),
        text: text(members, "text"),
    }
}

/// Reads one element; problems are warnings, so the field is always kept.
pub fn read(
    source: &Arc<SourceFile>,
    fenced: &Fenced,
    members: &[Member],
    diagnostics: &mut Vec<Diagnostic>,
) -> (Field, Spans) {
    let members = &keys::spelling(source, members, &KEYS, diagnostics);
    let id = text(members, "id");
    let id_span = match json::get(members, "id") {
        Some(node) if !id.is_empty() => node.span.clone(),
        _ => fenced.fence.clone(),
    };
    if id.is_empty() {
        diagnostics.push(warning(
            source,
            id_span.clone(),
            "a form element has no `id`",
        ));
    }
    let order = match json::get(members, "order").map(|n| &n.value) {
        Some(Value::Number(n)) => n.parse::<f64>().map_or(0, |f| f as i64),
        Some(Value::String(s)) => s.trim().parse().unwrap_or(0),
        _ => 0,
    };
    let dynamic = json::get(members, "dynamicDropdownOptions").filter(|n| n.as_object().is_some());
    let mut options: Vec<ChoiceOption> = objects(members, "dropdownOptions")
        .into_iter()
        .chain(objects(members, "radioButtonOptions"))
        .map(option)
        .collect();
    if let (true, Some(dynamic)) = (options.is_empty(), dynamic.and_then(Node::as_object)) {
        options = objects(dynamic, "defaultDropdownOptions")
            .into_iter()
            .map(option)
            .collect();
    }
    let mut validations = Vec::new();
    for validation in objects(members, "validations") {
        match read_validation(validation) {
            Ok(v) => validations.push(v),
            Err(kind) => diagnostics.push(warning(
                source,
                id_span.clone(),
                format!(
                    "validation `{kind}` of form element `{id}` is not supported and was skipped"
                ),
            )),
        }
    }
    let mut info = text(members, "infoBalloonText");
    if info.trim().is_empty() {
        // Info blocks carry their text in `content`.
        info = text(members, "content");
    }
    let visibility_node = json::get(members, "visibility");
    let visibility_text = visibility_node.and_then(Node::text).unwrap_or_default();
    let spans = Spans {
        id: id_span,
        visibility: visibility_node
            .filter(|n| matches!(n.value, Value::String(_)))
            .map(|n| n.span.clone()),
        visibility_text: visibility_text.clone(),
    };
    let field = Field {
        order,
        control: control_type(&text(members, "controlType")),
        label: text(members, "displayLabel"),
        watermark: text(members, "watermarkText"),
        info_balloon: if info.trim().is_empty() {
            Vec::new()
        } else {
            markdown::parse_detached(&info)
        },
        hints: objects(members, "hints")
            .into_iter()
            .map(|hint| text(hint, "text"))
            .filter(|text| !text.trim().is_empty())
            .map(|text| {
                vec![Block::Paragraph(vec![Inline::Text(
                    text.trim().to_string(),
                )])]
            })
            .collect(),
        required: boolean(members, "required"),
        options,
        dynamic_options: dynamic.map(|n| source.text.get(n.span.clone()).unwrap_or("").to_string()),
        validations,
        visibility: visibility(source, &spans, &id, &visibility_text, diagnostics),
        use_as_additional_details: boolean(members, "useAsAdditionalDetails"),
        extra: keys::unread(source, members, &KEYS[..READ]),
        id,
    };
    (field, spans)
}

/// Parses a field's `visibility`; an unreadable condition is an error, and the field is
/// then always shown so no question is lost.
fn visibility(
    source: &Arc<SourceFile>,
    spans: &Spans,
    id: &str,
    text: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Condition {
    match selfhelp_bundle::visibility::parse(text) {
        Ok(parsed) => parsed.condition,
        Err(error) => {
            let range = match &spans.visibility {
                Some(literal) => {
                    let map = json::decoded_offsets(source, literal);
                    let at = map.get(error.offset).copied().unwrap_or(literal.start);
                    at..source.char_end(at)
                }
                None => spans.id.clone(),
            };
            diagnostics.push(Diagnostic::error(
                codes::BAD_VISIBILITY,
                format!(
                    "the visibility of form element `{id}` cannot be read: {}",
                    error.message
                ),
                source,
                range,
                format!("{} here", error.message),
            ));
            Condition::Always(true)
        }
    }
}

/// Parses one validation; `Err` carries the unknown type.
fn read_validation(members: &[Member]) -> Result<Validation, String> {
    let kind = text(members, "type");
    let value = text(members, "value");
    let mut message = text(members, "message");
    if message.is_empty() {
        message = text(members, "text");
    }
    match kind.trim().to_ascii_lowercase().as_str() {
        "regexmatch" => Ok(Validation::RegexMatch {
            pattern: value,
            message,
        }),
        "greaterthan" => Ok(Validation::GreaterThan { value, message }),
        "maxlength" => match value.trim().parse() {
            Ok(length) => Ok(Validation::MaxLength { length, message }),
            Err(_) => Err(format!("maxLength {value}")),
        },
        _ => Err(kind),
    }
}
