//! Problem-scoping forms: the JSON between `---` fences, read into `selfhelp_bundle::Form`.
//!
//! [`json`] reads the text tolerantly with spans, [`field`] reads each element and
//! `check` checks the visibility conditions against the fields.

use std::ops::Range;
use std::sync::Arc;

use selfhelp_bundle::{ControlType, Form, FormSettings};

use crate::diagnostics::{codes, Diagnostic};
use crate::json;
use crate::source::SourceFile;

mod check;
pub mod field;
mod keys;

/// The form's own keys as the platform spells them; other spellings are read with SH0202.
const FORM_KEYS: [&str; 6] = [
    "title",
    "formElements",
    "fileAttachmentHint",
    "subscriptionRequired",
    "resourceRequired",
    // Points editors at a schema; nothing to show or keep.
    "$schema",
];

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
    // Jump from one `---` to the next rather than walk the JSON's many lines.
    let mut from = 0;
    while let Some(at) = body
        .get(from..)
        .and_then(|rest| memchr::memmem::find(rest.as_bytes(), b"---"))
    {
        let at = from + at;
        let before = body.get(..at).unwrap_or("");
        let line_start = memchr::memrchr(b'\n', before.as_bytes()).map_or(0, |i| i + 1);
        let after = body.get(at..).unwrap_or("");
        let line_end = memchr::memchr(b'\n', after.as_bytes()).map_or(body.len(), |i| at + i + 1);
        let line = body.get(line_start..line_end).unwrap_or("");
        if line.trim() == "---" {
            let start = body_start + line_start;
            fences.push(start..start + line.trim_end().len());
            if fences.len() == 2 {
                break;
            }
        }
        from = line_end;
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

/// Parses the fenced JSON into a form and checks its visibility conditions.
pub fn parse(
    source: &Arc<SourceFile>,
    fenced: &Fenced,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Form> {
    let root = match json::read(source, fenced.json.clone(), diagnostics) {
        Ok(root) => root,
        Err(error) => {
            diagnostics.push(Diagnostic::error(
                codes::BAD_FORM_JSON,
                format!("the form's JSON is malformed: {}", error.message),
                source,
                error.span.start..source.char_end(error.span.start),
                error.message,
            ));
            return None;
        }
    };
    let Some(object) = root.as_object() else {
        diagnostics.push(shape_error(
            source,
            fenced,
            "the form's JSON is not an object",
        ));
        return None;
    };
    let object = &keys::spelling(source, object, &FORM_KEYS, diagnostics);
    let title = json::get(object, "title")
        .and_then(json::Node::text)
        .unwrap_or_default();
    let elements = match json::get(object, "formElements") {
        Some(
            node @ json::Node {
                value: json::Value::Array(_),
                ..
            },
        ) => node.items(),
        Some(_) => {
            diagnostics.push(shape_error(source, fenced, "`formElements` is not a list"));
            return None;
        }
        None => Vec::new(),
    };
    let mut read = Vec::new();
    for element in elements {
        match element.as_object() {
            Some(members) => read.push(field::read(source, fenced, members, diagnostics)),
            None => diagnostics.push(field::warning(
                source,
                element.span.clone(),
                "a form element is not an object and was skipped",
            )),
        }
    }
    // Stable: fields with the same order keep the order they are written in.
    read.sort_by_key(|(f, _)| f.order);
    check::visibility(source, &read, diagnostics);
    Some(Form {
        title,
        fields: read.into_iter().map(|(f, _)| f).collect(),
        settings: settings(source, object),
    })
}

/// What the form says about the request, and its other keys kept as data.
fn settings(source: &SourceFile, object: &[json::Member]) -> FormSettings {
    FormSettings {
        file_attachment_hint: json::get(object, "fileAttachmentHint")
            .and_then(json::Node::text)
            .map(|hint| hint.trim().to_string())
            .unwrap_or_default(),
        subscription_required: field::boolean(object, "subscriptionRequired"),
        resource_required: field::boolean(object, "resourceRequired"),
        extra: keys::unread(source, object, &FORM_KEYS),
    }
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
    fn control_types_ignore_case() {
        assert_eq!(control_type("DateTimePicker"), ControlType::DateTimePicker);
        assert_eq!(control_type(" dropdown "), ControlType::Dropdown);
        assert_eq!(control_type("slider"), ControlType::Other("slider".into()));
    }
}
