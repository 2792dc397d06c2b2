//! Header values with a known vocabulary: cloud names, article ids, attribute names.

use std::sync::Arc;

use selfhelp_bundle::Cloud;

use super::{list_items, Attribute};
use crate::diagnostics::{codes, Diagnostic};
use crate::source::SourceFile;

/// Attribute names the corpus uses, as the templates spell them. Unknown names are kept
/// in `Metadata::extra`; one close to these is probably a typo and gets a suggestion.
pub const KNOWN_ATTRIBUTES: [&str; 30] = [
    "articleId",
    "pageTitle",
    "description",
    "service",
    "resource",
    "authors",
    "ms.author",
    "displayOrder",
    "selfHelpType",
    "supportTopicIds",
    "resourceTags",
    "productPesIds",
    "cloudEnvironments",
    "ownershipId",
    "infoBubbleText",
    "diagnosticScenario",
    "schemaVersion",
    "disableClouds",
    "articleTags",
    "authorAlias",
    "clientIds",
    "category",
    "resourceRequired",
    "ms.service",
    "symptomId",
    "icmTeam",
    "icmService",
    "feedbackEmail",
    "searchTags",
    "productFamilyId",
];

/// The id as written, without the braces some GUIDs are wrapped in (`{…}`).
pub fn article_id(value: &str) -> String {
    let value = value.trim();
    match value.strip_prefix('{').and_then(|v| v.strip_suffix('}')) {
        Some(inner) => inner.trim().to_string(),
        None => value.to_string(),
    }
}

/// The clouds of `cloudEnvironments`, repeats dropped; SH0102 for each unknown name.
pub fn clouds(
    source: &Arc<SourceFile>,
    attribute: &Attribute,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Cloud> {
    let mut out = Vec::new();
    for name in list_items(&attribute.value) {
        let cloud = Cloud::parse(name);
        if let Cloud::Other(other) = &cloud {
            diagnostics.push(
                Diagnostic::warning(
                    codes::UNKNOWN_CLOUD,
                    format!("unknown cloud `{other}` in `cloudEnvironments`"),
                    source,
                    name_span(source, attribute, name),
                    "not a known cloud",
                )
                .with_help("known clouds: public, fairfax, mooncake, blackforest, usnat, ussec"),
            );
        }
        if !out.contains(&cloud) {
            out.push(cloud);
        }
    }
    out
}

/// Where `name` is written inside the attribute's value (the whole value if not found).
fn name_span(source: &SourceFile, attribute: &Attribute, name: &str) -> std::ops::Range<usize> {
    let span = attribute.value_span.clone();
    source
        .text
        .get(span.clone())
        .and_then(|raw| raw.find(name))
        .map_or(span.clone(), |at| {
            span.start + at..span.start + at + name.len()
        })
}

/// The known attribute name `name` is most likely a misspelling of, if any.
pub fn suggestion(name: &str) -> Option<&'static str> {
    let lower = name.to_ascii_lowercase();
    if lower.chars().count() < 5
        || KNOWN_ATTRIBUTES
            .iter()
            .any(|k| k.eq_ignore_ascii_case(name))
    {
        return None;
    }
    let most = |known: &str| 2.min(known.len() / 4).max(1);
    KNOWN_ATTRIBUTES
        .iter()
        // The distance is at least the difference in length: most names are ruled out
        // before the (allocating) distance is computed.
        .filter(|known| known.len().abs_diff(lower.len()) <= most(known))
        .map(|known| {
            (
                strsim::damerau_levenshtein(&lower, &known.to_ascii_lowercase()),
                *known,
            )
        })
        .filter(|(distance, known)| *distance <= most(known))
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, known)| known)
}

/// SH0103 for an unknown attribute name close to a known one.
pub fn check_typo(
    source: &Arc<SourceFile>,
    attribute: &Attribute,
    diagnostics: &mut Vec<Diagnostic>,
) {
    if let Some(known) = suggestion(&attribute.name) {
        diagnostics.push(
            Diagnostic::warning(
                codes::ATTRIBUTE_TYPO,
                format!("unknown attribute `{}`", attribute.name),
                source,
                attribute.name_span.clone(),
                "not a header attribute; kept as an extra",
            )
            .with_help(format!("did you mean `{known}`?")),
        );
    }
}
