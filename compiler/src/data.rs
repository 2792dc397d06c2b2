//! Data articles: advisor recommendations, support topic descriptions, diagnose-and-solve
//! problem lists (JSON between `---` fences), tools and Partner Center quickstarts
//! (markdown), read into `selfhelp_bundle::DataArticle`.
//!
//! Diagnose-and-solve problems point at other articles through `commonSolutionArticleId`;
//! [`check_references`] checks them across the build once every article is compiled.

use std::collections::HashSet;
use std::ops::Range;
use std::sync::Arc;

use selfhelp_bundle::{
    Article, ArticleBody, Block, DataArticle, DataField, DataKind, SelfHelpType,
};

use crate::build::Outline;
use crate::diagnostics::{codes, Diagnostic};
use crate::json::{self, Node, Value};
use crate::source::SourceFile;
use crate::{form, markdown, sections};

/// The data kind of a `selfHelpType`, if it is one.
pub fn kind(self_help_type: &SelfHelpType) -> Option<DataKind> {
    Some(match self_help_type {
        SelfHelpType::AdvisorRecommendationMetadata => DataKind::AdvisorRecommendation,
        SelfHelpType::SupportTopicDescription => DataKind::SupportTopicDescription,
        SelfHelpType::DiagnoseAndSolve => DataKind::DiagnoseAndSolve,
        SelfHelpType::Tools => DataKind::Tools,
        SelfHelpType::PartnerCenterQuickstart => DataKind::PartnerCenterQuickstart,
        _ => return None,
    })
}

/// Reads the body from `body_start`. Returns the sections of the markdown (for the
/// title), the article and a fallback title, or `None` when the JSON cannot be read (SH0207).
pub fn lower(
    source: &Arc<SourceFile>,
    kind: DataKind,
    body_start: usize,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<(sections::Sections, ArticleBody, String)> {
    let end = source.text.len();
    // Fences are optional here: a data article without JSON is markdown only.
    let fenced = form::find_fences(source, body_start, &mut Vec::new());
    let markdown_range = fenced
        .as_ref()
        .map_or(body_start..end, |f| f.before.clone());
    // A quickstart's body is `<!--Name-->` fields, not prose: its markdown is not checked.
    let mut ignored = Vec::new();
    let markdown_diagnostics = if kind == DataKind::PartnerCenterQuickstart && fenced.is_none() {
        &mut ignored
    } else {
        &mut *diagnostics
    };
    let mut sections = sections::split(markdown::parse(
        source,
        markdown_range,
        markdown_diagnostics,
    ));
    let mut fields = Vec::new();
    if let Some(fenced) = &fenced {
        match json::read(source, fenced.json.clone(), diagnostics) {
            Ok(root) => flatten("", &root, &mut fields),
            Err(error) => {
                diagnostics.push(Diagnostic::error(
                    codes::BAD_DATA_JSON,
                    format!("the article's JSON is malformed: {}", error.message),
                    source,
                    error.span.start..source.char_end(error.span.start),
                    error.message,
                ));
                return None;
            }
        }
    } else if kind == DataKind::PartnerCenterQuickstart {
        fields = comment_fields(source.text.get(body_start..).unwrap_or(""));
    }
    let blocks: Vec<Block> = if fields.is_empty() || fenced.is_some() {
        std::mem::take(&mut sections.general)
            .into_iter()
            .map(|b| b.block)
            .collect()
    } else {
        Vec::new()
    };
    // A title when the article has no H1 or page title (quickstarts have a `Text`).
    let fallback = fields
        .iter()
        .find(|f| f.name.eq_ignore_ascii_case("text") || f.name.eq_ignore_ascii_case("title"))
        .map(|f| f.value.clone())
        .unwrap_or_default();
    let body = ArticleBody::Data(DataArticle {
        kind,
        fields,
        blocks,
    });
    Some((sections, body, fallback))
}

/// Flattens JSON into dotted paths; nulls are left out.
fn flatten(prefix: &str, node: &Node, out: &mut Vec<DataField>) {
    let path = |key: &str| {
        if prefix.is_empty() {
            key.to_string()
        } else {
            format!("{prefix}.{key}")
        }
    };
    match &node.value {
        Value::Null => {}
        Value::Object(members) => {
            for m in members {
                flatten(&path(&m.key), &m.value, out);
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                flatten(&path(&i.to_string()), item, out);
            }
        }
        _ => out.push(DataField {
            name: prefix.to_string(),
            value: node.text().unwrap_or_default(),
        }),
    }
}

/// `<!--Name-->` lines each followed by the field's value (Partner Center quickstarts).
fn comment_fields(body: &str) -> Vec<DataField> {
    let mut fields: Vec<DataField> = Vec::new();
    for line in body.lines().map(str::trim) {
        let name = line
            .strip_prefix("<!--")
            .and_then(|l| l.strip_suffix("-->"))
            .map(str::trim)
            .filter(|n| !n.is_empty() && n.chars().all(|c| c.is_alphanumeric() || c == '_'));
        match (name, fields.last_mut()) {
            (Some(name), _) => fields.push(DataField {
                name: name.to_string(),
                value: String::new(),
            }),
            (None, Some(field)) if !line.is_empty() => {
                if !field.value.is_empty() {
                    field.value.push('\n');
                }
                field.value.push_str(line);
            }
            _ => {}
        }
    }
    fields
}

/// Whether the article names other articles, which [`check_references`] reads from its
/// source once the whole build is known.
pub fn references_articles(article: &Article) -> bool {
    matches!(&article.body, ArticleBody::Data(d) if d.kind == DataKind::DiagnoseAndSolve)
}

/// SH0206 for every `commonSolutionArticleId` naming an article that is not in the build
/// (ids compare ignoring ASCII case, as GUIDs are written both ways). A warning: the
/// article still plays; only that link leads nowhere.
pub fn check_references(units: &[&Outline]) -> Vec<Diagnostic> {
    let ids: HashSet<String> = units
        .iter()
        .filter_map(|u| u.article_id.as_deref())
        .map(str::to_ascii_lowercase)
        .collect();
    let mut diagnostics = Vec::new();
    for unit in units.iter().filter(|u| u.references) {
        for (id, span) in solution_references(&unit.source) {
            if !id.trim().is_empty() && !ids.contains(&id.trim().to_ascii_lowercase()) {
                diagnostics.push(
                    Diagnostic::warning(
                        codes::MISSING_SOLUTION_ARTICLE,
                        format!("no article in this build has the id `{id}`"),
                        &unit.source,
                        span,
                        "`commonSolutionArticleId` names a missing article",
                    )
                    .with_help("add the article to the build, or fix the id"),
                );
            }
        }
    }
    diagnostics
}

/// Every `commonSolutionArticleId` string in the file's JSON, with its span.
fn solution_references(source: &Arc<SourceFile>) -> Vec<(String, Range<usize>)> {
    let Some(fenced) = form::find_fences(source, 0, &mut Vec::new()) else {
        return Vec::new();
    };
    let mut ignored = Vec::new();
    let Ok(root) = json::read(source, fenced.json, &mut ignored) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    collect_references(&root, &mut out);
    out
}

fn collect_references(node: &Node, out: &mut Vec<(String, Range<usize>)>) {
    match &node.value {
        Value::Object(members) => {
            for m in members {
                match &m.value.value {
                    Value::String(id) if m.key.eq_ignore_ascii_case("commonSolutionArticleId") => {
                        out.push((id.clone(), m.value.span.clone()))
                    }
                    _ => collect_references(&m.value, out),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|i| collect_references(i, out)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comment_fields_read_names_and_values() {
        let fields =
            comment_fields("<!--Link-->\nhttps://example.com\n\n<!--Text-->\nBuild\nmore\n");
        let pairs: Vec<_> = fields
            .iter()
            .map(|f| (f.name.as_str(), f.value.as_str()))
            .collect();
        assert_eq!(
            pairs,
            [("Link", "https://example.com"), ("Text", "Build\nmore")]
        );
    }
}
