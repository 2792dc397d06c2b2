//! The `selfhelp` binary as a process: `check` and `inspect` of articles, exit codes,
//! messages (`build` is in `site.rs`).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn selfhelp(args: &[&std::ffi::OsStr]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_selfhelp"))
        .args(args)
        .output()
        .expect("selfhelp runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The closing totals line of `selfhelp check`.
fn last_line(bytes: &[u8]) -> String {
    text(bytes)
        .trim_end()
        .lines()
        .last()
        .unwrap_or("")
        .to_string()
}

#[test]
fn check_fails_with_a_location_on_a_bad_fixture() {
    let bad = fixture("diag-missing-title.md");
    let output = selfhelp(&["check".as_ref(), bad.as_os_str()]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = text(&output.stderr);
    assert!(
        stderr.contains("error[SH0003]: the article has no title"),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!("{}:1:1", bad.display())),
        "file:line:col in {stderr}"
    );
    assert!(!stderr.contains('\u{1b}'), "no colour when not a terminal");
    assert_eq!(
        last_line(&output.stdout),
        "1 files, 0 compiled, 1 errors, 0 warnings"
    );
}

#[test]
fn check_passes_with_warnings_only() {
    let warned = fixture("warn-raw-html.md");
    let output = selfhelp(&["check".as_ref(), warned.as_os_str()]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert!(text(&output.stderr).contains("warning[SH0008]"));
    assert_eq!(
        last_line(&output.stdout),
        "1 files, 1 compiled, 0 errors, 7 warnings"
    );
}

#[test]
fn inspect_prints_an_article_as_json() {
    let seed = fixture("seed.md");
    let output = selfhelp(&["inspect".as_ref(), seed.as_os_str()]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let article: serde_json::Value =
        serde_json::from_slice(&output.stdout).expect("inspect prints JSON");
    assert_eq!(
        article["meta"]["article_id"],
        "dcb1cb39-ac8b-4542-9575-9f52ff11cecf"
    );
}

#[test]
fn inspect_fails_on_errors_and_damaged_bundles() {
    let bad = fixture("diag-no-header.md");
    let output = selfhelp(&["inspect".as_ref(), bad.as_os_str()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(text(&output.stderr).contains("error[SH0001]"));

    let dir = tempfile::tempdir().expect("temp dir");
    let damaged = dir.path().join("bundle.bin");
    std::fs::write(&damaged, b"SELFHELP\xff\xff\xff").expect("write");
    let output = selfhelp(&["inspect".as_ref(), damaged.as_os_str()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(text(&output.stderr).contains("error:"));
}

#[test]
fn check_ends_with_tables_by_type_and_by_code() {
    let folder = fixture("solution-refs");
    let lenient = fixture("warn-lenient-form.md");
    let missing = fixture("diag-missing-title.md");
    let output = selfhelp(&[
        "check".as_ref(),
        folder.as_os_str(),
        lenient.as_os_str(),
        missing.as_os_str(),
    ]);
    assert_eq!(output.status.code(), Some(1));
    let stdout = text(&output.stdout);
    let expected = "\
selfHelpType                       files  compiled  refused
generic                                2         1        1
diagnoseandsolve                       1         1        0
problemscopingquestions                1         1        0
total                                  4         3        1

code      errors  warnings
SH0003         1         0
SH0200         0         3
SH0201         0         1
SH0202         0         2
SH0204         0         1
SH0205         0         1
SH0206         0         1

4 files, 3 compiled, 1 errors, 9 warnings
";
    assert_eq!(stdout, expected);
}

#[test]
fn check_prints_json_for_tools() {
    let folder = fixture("solution-refs");
    let bad = fixture("diag-visibility-checks.md");
    let output = selfhelp(&[
        "check".as_ref(),
        "--format".as_ref(),
        "json".as_ref(),
        folder.as_os_str(),
        bad.as_os_str(),
    ]);
    assert_eq!(output.status.code(), Some(1));
    // Nothing but the JSON: no rendered diagnostics on stderr.
    assert!(text(&output.stderr).is_empty(), "{}", text(&output.stderr));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(json["files"], 3);
    assert_eq!(json["compiled"], 2);
    assert_eq!(json["refused"], 1);
    assert_eq!(json["errors"], 3);
    assert_eq!(json["warnings"], 1);
    let types = json["types"].as_array().expect("types");
    assert!(types
        .iter()
        .any(|t| t["type"] == "problemscopingquestions" && t["files"] == 1 && t["refused"] == 1));
    let codes = json["codes"].as_array().expect("codes");
    assert!(codes
        .iter()
        .any(|c| c["code"] == "SH0203" && c["errors"] == 1 && c["warnings"] == 0));
    let diagnostics = json["diagnostics"].as_array().expect("diagnostics");
    assert_eq!(diagnostics.len(), 4);
    let unknown = diagnostics
        .iter()
        .find(|d| d["code"] == "SH0203")
        .expect("SH0203");
    assert_eq!(unknown["severity"], "error");
    assert_eq!(unknown["line"], 14);
    assert_eq!(unknown["column"], 22);
    assert_eq!(unknown["help"], "did you mean `problem_type`?");
}
