//! Forms and data articles: what the tolerant reader keeps, and the cross-build check of
//! `commonSolutionArticleId`.

use std::path::{Path, PathBuf};

use selfhelp_bundle::{ArticleBody, ControlType, DataKind, Form, Validation};
use selfhelp_compiler::{build, compile};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn form(name: &str) -> Form {
    let bytes = std::fs::read(fixture(name)).expect("fixture");
    let compiled = compile(name, name, &bytes);
    match compiled.article.map(|a| a.body) {
        Some(ArticleBody::Form(form)) => form,
        other => panic!("{name}: not a form: {other:?}"),
    }
}

#[test]
fn lenient_forms_keep_every_value() {
    let form = form("warn-lenient-form.md");
    let ids: Vec<&str> = form.fields.iter().map(|f| f.id.as_str()).collect();
    assert_eq!(ids, ["device", "apps", "count", "note", "later"]);
    let device = &form.fields[0];
    // Unquoted key, radio options with a trailing comma, `required` as a string.
    assert_eq!(device.control, ControlType::RadioButtonGroup);
    assert_eq!(device.options.len(), 2);
    assert!(device.required);
    // A lower-case key; dynamic options kept as data, their defaults as options.
    let apps = &form.fields[1];
    assert_eq!(apps.control, ControlType::MultiSelectDropdown);
    assert_eq!(apps.options[0].value, "mail");
    assert!(apps
        .dynamic_options
        .as_deref()
        .is_some_and(|d| d.contains("\"/apps\"")));
    assert!(matches!(
        form.fields[2].validations[..],
        [Validation::GreaterThan { .. }]
    ));
    // An info block's `content` (with its raw tab) is its text.
    assert_eq!(form.fields[3].control, ControlType::InfoBlock);
    assert!(!form.fields[3].info_balloon.is_empty());
    // A misspelt key is read; of two `watermarkText`s the last wins.
    let later = &form.fields[4];
    assert!(!later.info_balloon.is_empty());
    assert_eq!(later.watermark, "Pick one option");
    assert_eq!(later.hints.len(), 1);
}

#[test]
fn visibility_findings_point_inside_the_string() {
    let bytes = std::fs::read(fixture("diag-visibility-checks.md")).expect("fixture");
    let compiled = compile("v.md", "v.md", &bytes);
    let found: Vec<(&str, &str)> = compiled
        .diagnostics
        .iter()
        .map(|d| (d.code, &compiled.source.text[d.primary.range.clone()]))
        .collect();
    assert_eq!(
        found,
        [
            ("SH0203", "problem_typ"),
            ("SH0204", "Billing"),
            ("SH0205", "retry")
        ]
    );
    assert!(compiled.diagnostics.iter().all(|d| d.is_error()));
    assert_eq!(
        compiled.diagnostics[0].help.as_deref(),
        Some("did you mean `problem_type`?")
    );
}

#[test]
fn missing_solution_articles_are_named_across_the_build() {
    let output = build(&[fixture("solution-refs")]);
    let missing: Vec<_> = output
        .diagnostics
        .iter()
        .filter(|d| d.code == "SH0206")
        .collect();
    // The upper-case id of an existing article is found; only the missing one is named.
    assert_eq!(missing.len(), 1, "{:?}", output.diagnostics);
    assert!(missing[0].message.contains("`fixture-solution-missing`"));
    assert!(!missing[0].is_error());
    let data = output
        .bundle
        .article("fixture-diagnose-and-solve")
        .map(|a| &a.body);
    let Some(ArticleBody::Data(data)) = data else {
        panic!("a data article: {data:?}");
    };
    assert_eq!(data.kind, DataKind::DiagnoseAndSolve);
    assert!(data
        .fields
        .iter()
        .any(|f| f.name == "commonProblems.1.title" && f.value == "Printer offline"));
}
