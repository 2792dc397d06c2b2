//! The `selfhelp` binary as a process: exit codes, output files, messages.

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
fn build_writes_a_bundle_that_decodes() {
    let out = tempfile::tempdir().expect("temp dir");
    let seed = fixture("seed.md");
    let scenarios = fixture("scenarios.md");
    let output = selfhelp(&[
        "build".as_ref(),
        seed.as_os_str(),
        scenarios.as_os_str(),
        "--out".as_ref(),
        out.path().as_os_str(),
    ]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let bin = out.path().join("bundle.bin");
    let bytes = std::fs::read(&bin).expect("bundle.bin written");
    let (header, bundle) = selfhelp_bundle::decode(&bytes).expect("bundle decodes");
    assert!(header.generator.starts_with("selfhelp "));
    assert_eq!(bundle.articles.len(), 2);
    assert!(bundle
        .article("dcb1cb39-ac8b-4542-9575-9f52ff11cecf")
        .is_some());
    let stdout = text(&output.stdout);
    assert_eq!(
        stdout.trim_end(),
        format!(
            "Compiled 2 articles into {} ({} bytes)",
            bin.display(),
            bytes.len()
        )
    );
    let json: serde_json::Value = serde_json::from_slice(
        &std::fs::read(out.path().join("bundle.json")).expect("bundle.json written"),
    )
    .expect("bundle.json is JSON");
    assert_eq!(json["header"]["generator"], header.generator.as_str());
    assert_eq!(json["bundle"]["articles"].as_array().map(Vec::len), Some(2));
    // Nothing else is left behind (no temporary files).
    let mut names: Vec<_> = std::fs::read_dir(out.path())
        .expect("read out dir")
        .map(|e| e.expect("entry").file_name())
        .collect();
    names.sort();
    assert_eq!(names, ["bundle.bin", "bundle.json"]);
}

#[test]
fn a_failed_build_leaves_the_previous_bundle_untouched() {
    let out = tempfile::tempdir().expect("temp dir");
    let seed = fixture("seed.md");
    let ok = selfhelp(&[
        "build".as_ref(),
        seed.as_os_str(),
        "--out".as_ref(),
        out.path().as_os_str(),
    ]);
    assert!(ok.status.success(), "{}", text(&ok.stderr));
    let bin = out.path().join("bundle.bin");
    let json = out.path().join("bundle.json");
    let before = (
        std::fs::read(&bin).expect("bin"),
        std::fs::read(&json).expect("json"),
    );

    let bad = fixture("diag-javascript-link.md");
    let scenarios = fixture("scenarios.md");
    let failed = selfhelp(&[
        "build".as_ref(),
        scenarios.as_os_str(),
        bad.as_os_str(),
        "--out".as_ref(),
        out.path().as_os_str(),
    ]);
    assert_eq!(failed.status.code(), Some(1));
    let stderr = text(&failed.stderr);
    assert!(stderr.contains("error[SH0005]"), "{stderr}");
    assert!(
        stderr.contains("Build failed: 2 errors, 0 warnings"),
        "{stderr}"
    );
    let after = (
        std::fs::read(&bin).expect("bin"),
        std::fs::read(&json).expect("json"),
    );
    assert_eq!(
        before, after,
        "the previous bundle must stay byte-identical"
    );
    assert!(text(&failed.stdout).is_empty());
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
fn inspect_prints_an_article_and_a_bundle_as_json() {
    let seed = fixture("seed.md");
    let output = selfhelp(&["inspect".as_ref(), seed.as_os_str()]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let article: serde_json::Value =
        serde_json::from_slice(&output.stdout).expect("inspect prints JSON");
    assert_eq!(
        article["meta"]["article_id"],
        "dcb1cb39-ac8b-4542-9575-9f52ff11cecf"
    );

    let out = tempfile::tempdir().expect("temp dir");
    let built = selfhelp(&[
        "build".as_ref(),
        seed.as_os_str(),
        "--out".as_ref(),
        out.path().as_os_str(),
    ]);
    assert!(built.status.success());
    let bin = out.path().join("bundle.bin");
    let output = selfhelp(&["inspect".as_ref(), bin.as_os_str()]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(
        value["bundle"]["articles"][0]["meta"]["article_id"],
        "dcb1cb39-ac8b-4542-9575-9f52ff11cecf"
    );
    assert!(value["header"]["format_version"].is_u64());
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
