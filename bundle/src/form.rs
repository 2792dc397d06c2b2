//! Problem-scoping forms: questions whose answers describe the problem for support.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::rich::Block;
use crate::visibility::Condition;

/// A problem-scoping questionnaire, from the JSON between `---` fences.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Form {
    pub title: String,
    /// Fields in display order (sorted by their `order`).
    pub fields: Vec<Field>,
    /// What the form says about the support request it scopes.
    pub settings: FormSettings,
}

/// The form's own keys besides its title and elements.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct FormSettings {
    /// What files support would like attached (`fileAttachmentHint`); shown with the
    /// answers when they are handed to support. Empty when the form says nothing.
    pub file_attachment_hint: String,
    /// Whether the request must name an Azure subscription (`subscriptionRequired`).
    pub subscription_required: bool,
    /// Whether the request must name a resource (`resourceRequired`).
    pub resource_required: bool,
    /// Any other key (`diagnosticCard`, `quotaRequestVersion`, …) for hosts that know
    /// it: the name as written, the value as its JSON text.
    pub extra: BTreeMap<String, String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Field {
    pub id: String,
    pub order: i64,
    pub control: ControlType,
    pub label: String,
    pub watermark: String,
    pub info_balloon: Vec<Block>,
    pub hints: Vec<Vec<Block>>,
    pub required: bool,
    pub options: Vec<ChoiceOption>,
    /// Options come from a live service in the original platform; `options` are defaults.
    pub dynamic_options: Option<String>,
    pub validations: Vec<Validation>,
    /// When the field is shown; `Condition::Always(true)` when the form sets none.
    pub visibility: Condition,
    /// Whether the answer is the free-text description of the problem.
    pub use_as_additional_details: bool,
    /// Keys the widget has no use for (`diagnosticInputRequiredClients`, …), kept for
    /// hosts: the name as written, the value as its JSON text.
    pub extra: BTreeMap<String, String>,
}

impl Field {
    /// A field with this id and control and nothing else: no label, no options, always
    /// shown. Hosts and tests that build forms by hand start from it.
    pub fn new(id: impl Into<String>, control: ControlType) -> Self {
        Field {
            id: id.into(),
            order: 0,
            control,
            label: String::new(),
            watermark: String::new(),
            info_balloon: Vec::new(),
            hints: Vec::new(),
            required: false,
            options: Vec::new(),
            dynamic_options: None,
            validations: Vec::new(),
            visibility: Condition::Always(true),
            use_as_additional_details: false,
            extra: BTreeMap::new(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ControlType {
    TextBox,
    MultiLineTextBox,
    NumericTextBox,
    DateTimePicker,
    Dropdown,
    MultiSelectDropdown,
    RadioButtonGroup,
    InfoBlock,
    TextBlock,
    Other(String),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChoiceOption {
    pub value: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Validation {
    RegexMatch { pattern: String, message: String },
    GreaterThan { value: String, message: String },
    MaxLength { length: u32, message: String },
}
