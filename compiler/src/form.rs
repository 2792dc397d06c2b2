//! Problem-scoping forms: the JSON between `---` fences, read into `selfhelp_bundle::Form`.

use std::ops::Range;
use std::sync::Arc;

use selfhelp_bundle::visibility::Condition;
use selfhelp_bundle::{Block, ChoiceOption, ControlType, Field, Form, Inline, Validation};
use serde_json::{Map, Value};

use crate::diagnostics::{codes, Diagnostic};
use crate::markdown;
use crate::source::SourceFile;

/// The form's JSON text and the markdown before it.
pub struct Fenced {
    /// From the end of the header to the opening fence.
    pub before: Range<usize>,
    /// Between the fences.
    pub json: Range<usize>,
    /// The opening fence line.
    pub fence: Range<usize>,
}

/// Finds the `---` fences after `body_start`.
pub fn find_fences(
    source: &Arc<SourceFile>,
    body_start: usize,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Fenced> {
    let body = source.text.get(body_start..).unwrap_or("");
    let mut fences = Vec::new();
    let mut offset = body_start;
    for line in body.split_inclusive('\n') {
        if line.trim() == "---" {
            fences.push(offset..offset + line.trim_end().len());
            if fences.len() == 2 {
                break;
            }
        }
        offset += line.len();
    }
    match fences.as_slice() {
        [open, close] => Some(Fenced {
            before: body_start..open.start,
            json: open.end..close.start,
            fence: open.clone(),
        }),
        [open] => {
            diagnostics.push(no_fence(source, open.clone(), "this fence is never closed"));
            None
        }
        _ => {
            let at = source.clamp(body_start);
            diagnostics.push(no_fence(
                source,
                at..at,
                "expected a `---` line after the header",
            ));
            None
        }
    }
}

fn no_fence(source: &Arc<SourceFile>, range: Range<usize>, label: &str) -> Diagnostic {
    Diagnostic::error(
        codes::NO_FORM_FENCE,
        "a problem-scoping form needs its JSON between two `---` lines",
        source,
        range,
        label,
    )
    .with_help("put `---` on its own line before and after the JSON")
}

/// Parses the fenced JSON into a form.
pub fn parse(
    source: &Arc<SourceFile>,
    fenced: &Fenced,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Form> {
    let json = source.text.get(fenced.json.clone()).unwrap_or("");
    let value: Value = match serde_json::from_str(json) {
        Ok(value) => value,
        Err(error) => {
            let at = error_offset(json, error.line(), error.column()) + fenced.json.start;
            let mut message = error.to_string();
            if let Some(cut) = message.find(" at line ") {
                message.truncate(cut);
            }
            diagnostics.push(Diagnostic::error(
                codes::BAD_FORM_JSON,
                format!("the form's JSON is malformed: {message}"),
                source,
                at..source.char_end(at),
                message,
            ));
            return None;
        }
    };
    let Some(object) = value.as_object() else {
        diagnostics.push(shape_error(
            source,
            fenced,
            "the form's JSON is not an object",
        ));
        return None;
    };
    let title = string(object, "title");
    let elements = match get(object, "formElements") {
        Some(Value::Array(elements)) => elements.as_slice(),
        Some(_) => {
            diagnostics.push(shape_error(source, fenced, "`formElements` is not a list"));
            return None;
        }
        None => &[],
    };
    let mut fields = Vec::new();
    for element in elements {
        match element.as_object() {
            Some(element) => fields.push(field(source, fenced, json, element, diagnostics)),
            None => diagnostics.push(field_warning(
                source,
                fenced.fence.clone(),
                "a form element is not an object and was skipped",
            )),
        }
    }
    fields.sort_by_key(|f| f.order);
    Some(Form { title, fields })
}

/// serde_json reports 1-based lines and columns counted in bytes; column 0 means "before
/// the first byte of the line".
fn error_offset(json: &str, line: usize, column: usize) -> usize {
    let line_start: usize = json
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    (line_start + column.saturating_sub(1)).min(json.len())
}

fn shape_error(source: &Arc<SourceFile>, fenced: &Fenced, message: &str) -> Diagnostic {
    Diagnostic::error(
        codes::BAD_FORM_JSON,
        message,
        source,
        fenced.fence.clone(),
        "in this form",
    )
}

fn field_warning(
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

/// A key looked up exactly, then ignoring ASCII case.
fn get<'v>(object: &'v Map<String, Value>, key: &str) -> Option<&'v Value> {
    object.get(key).or_else(|| {
        object
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(key))
            .map(|(_, v)| v)
    })
}

/// A string, number or boolean as text; empty when absent.
fn string(object: &Map<String, Value>, key: &str) -> String {
    match get(object, key) {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        Some(Value::Bool(b)) => b.to_string(),
        _ => String::new(),
    }
}

fn boolean(object: &Map<String, Value>, key: &str) -> bool {
    match get(object, key) {
        Some(Value::Bool(b)) => *b,
        Some(Value::String(s)) => s.trim().eq_ignore_ascii_case("true"),
        _ => false,
    }
}

fn objects<'v>(object: &'v Map<String, Value>, key: &str) -> Vec<&'v Map<String, Value>> {
    match get(object, key) {
        Some(Value::Array(items)) => items.iter().filter_map(Value::as_object).collect(),
        Some(Value::Object(one)) => vec![one],
        _ => Vec::new(),
    }
}

fn field(
    source: &Arc<SourceFile>,
    fenced: &Fenced,
    json: &str,
    element: &Map<String, Value>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Field {
    let id = string(element, "id");
    // serde_json::Value has no spans: point at the first `"<id>"` in the JSON text.
    let quoted = format!("\"{id}\"");
    let range = match json.find(&quoted) {
        Some(at) if !id.is_empty() => {
            let start = fenced.json.start + at;
            start..start + quoted.len()
        }
        _ => fenced.fence.clone(),
    };
    if id.is_empty() {
        diagnostics.push(field_warning(
            source,
            range.clone(),
            "a form element has no `id`",
        ));
    }
    let order = match get(element, "order") {
        Some(Value::Number(n)) => n.as_i64().unwrap_or(0),
        Some(Value::String(s)) => s.trim().parse().unwrap_or(0),
        _ => 0,
    };
    let dynamic = get(element, "dynamicDropdownOptions").filter(|v| v.is_object());
    let mut options: Vec<ChoiceOption> = objects(element, "dropdownOptions")
        .into_iter()
        .map(option)
        .collect();
    if let (true, Some(Value::Object(dynamic))) = (options.is_empty(), dynamic) {
        options = objects(dynamic, "defaultDropdownOptions")
            .into_iter()
            .map(option)
            .collect();
    }
    let mut validations = Vec::new();
    for validation in objects(element, "validations") {
        match read_validation(validation) {
            Ok(v) => validations.push(v),
            Err(kind) => diagnostics.push(field_warning(
                source,
                range.clone(),
                format!(
                    "validation `{kind}` of form element `{id}` is not supported and was skipped"
                ),
            )),
        }
    }
    let info = string(element, "infoBalloonText");
    Field {
        order,
        control: control_type(&string(element, "controlType")),
        label: string(element, "displayLabel"),
        watermark: string(element, "watermarkText"),
        info_balloon: if info.trim().is_empty() {
            Vec::new()
        } else {
            markdown::parse_detached(&info)
        },
        hints: objects(element, "hints")
            .into_iter()
            .map(|hint| string(hint, "text"))
            .filter(|text| !text.trim().is_empty())
            .map(|text| {
                vec![Block::Paragraph(vec![Inline::Text(
                    text.trim().to_string(),
                )])]
            })
            .collect(),
        required: boolean(element, "required"),
        options,
        dynamic_options: dynamic.map(Value::to_string),
        validations,
        visibility: visibility(
            source,
            &range,
            &id,
            &string(element, "visibility"),
            diagnostics,
        ),
        use_as_additional_details: boolean(element, "useAsAdditionalDetails"),
        id,
    }
}

/// Parses a field's `visibility`; an unreadable condition is an error, and the field is
/// then always shown so no question is lost.
fn visibility(
    source: &Arc<SourceFile>,
    range: &Range<usize>,
    id: &str,
    text: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Condition {
    match selfhelp_bundle::visibility::parse(text) {
        Ok(parsed) => parsed.condition,
        Err(error) => {
            diagnostics.push(Diagnostic::error(
                codes::BAD_VISIBILITY,
                format!(
                    "the visibility of form element `{id}` cannot be read: {}",
                    error.message
                ),
                source,
                range.clone(),
                format!("in `{text}` at character {}", error.offset + 1),
            ));
            Condition::Always(true)
        }
    }
}

fn option(object: &Map<String, Value>) -> ChoiceOption {
    ChoiceOption {
        value: string(object, "value"),
        text: string(object, "text"),
    }
}

/// Parses one validation; `Err` carries the unknown type.
fn read_validation(object: &Map<String, Value>) -> Result<Validation, String> {
    let kind = string(object, "type");
    let value = string(object, "value");
    let mut message = string(object, "message");
    if message.is_empty() {
        message = string(object, "text");
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

/// Maps `controlType`, ignoring case.
pub fn control_type(value: &str) -> ControlType {
    match value.trim().to_ascii_lowercase().as_str() {
        "textbox" => ControlType::TextBox,
        "multilinetextbox" => ControlType::MultiLineTextBox,
        "numerictextbox" => ControlType::NumericTextBox,
        "datetimepicker" => ControlType::DateTimePicker,
        "dropdown" => ControlType::Dropdown,
        "multiselectdropdown" => ControlType::MultiSelectDropdown,
        "radiobuttongroup" => ControlType::RadioButtonGroup,
        "infoblock" => ControlType::InfoBlock,
        "textblock" => ControlType::TextBlock,
        _ => ControlType::Other(value.trim().to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_offsets_map_lines_and_columns() {
        let json = "{\n  \"a\": 1,\n  x\n}";
        assert_eq!(error_offset(json, 3, 3), json.find('x').unwrap_or(0));
        assert_eq!(error_offset(json, 1, 0), 0);
        assert_eq!(error_offset(json, 99, 99), json.len());
    }

    #[test]
    fn control_types_ignore_case() {
        assert_eq!(control_type("DateTimePicker"), ControlType::DateTimePicker);
        assert_eq!(control_type(" dropdown "), ControlType::Dropdown);
        assert_eq!(control_type("slider"), ControlType::Other("slider".into()));
    }
}
