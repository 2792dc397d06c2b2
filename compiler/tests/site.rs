//! `selfhelp build` as a process writing a site folder: what it writes, how it publishes
//! around broken articles, and that a visitor holding an older entry keeps every file.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use selfhelp_bundle::{
    bucket_of, decode_file, CatalogPage, Chunk, Entry, FileId, FileKind, Lookup, ENTRY_FILE,
};

const SEED_ID: &str = "dcb1cb39-ac8b-4542-9575-9f52ff11cecf";

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

/// A content folder holding copies of fixtures, to edit between builds.
struct Content {
    dir: tempfile::TempDir,
}

impl Content {
    fn new(fixtures: &[&str]) -> Content {
        let content = Content {
            dir: tempfile::tempdir().expect("temp dir"),
        };
        for name in fixtures {
            content.write(
                name,
                &std::fs::read_to_string(fixture(name)).expect("fixture"),
            );
        }
        content
    }

    fn write(&self, name: &str, text: &str) {
        std::fs::write(self.dir.path().join(name), text).expect("write content");
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }
}

fn build(content: &Path, out: &Path, flags: &[&str]) -> Output {
    let mut args: Vec<&std::ffi::OsStr> = vec!["build".as_ref(), content.as_os_str()];
    args.extend(["--out".as_ref(), out.as_os_str()]);
    args.extend(flags.iter().map(std::ffi::OsStr::new));
    selfhelp(&args)
}

/// Every file in a folder, by relative path, with its bytes.
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    for entry in walkdir(dir) {
        let relative = entry
            .strip_prefix(dir)
            .unwrap()
            .to_string_lossy()
            .into_owned();
        files.insert(relative, std::fs::read(&entry).unwrap());
    }
    files
}

fn walkdir(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(walkdir(&path));
        } else {
            out.push(path);
        }
    }
    out
}

fn entry(out: &Path) -> Entry {
    entry_from(&std::fs::read(out.join(ENTRY_FILE)).expect("the entry"))
}

fn entry_from(bytes: &[u8]) -> Entry {
    decode_file::<Entry>(FileKind::Entry, bytes)
        .expect("the entry decodes")
        .1
}

fn read<T: serde::de::DeserializeOwned>(out: &Path, kind: FileKind, id: FileId) -> T {
    let path = out.join(id.path(kind));
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    decode_file::<T>(kind, &bytes).expect("decodes").1
}

/// The article with this id, found the way a deep link finds it: entry, lookup, chunk.
fn article(out: &Path, entry: &Entry, id: &str) -> Option<selfhelp_bundle::ChunkArticle> {
    let bucket = entry.lookup[bucket_of(id, entry.lookup.len())];
    let chunk = read::<Lookup>(out, FileKind::Lookup, bucket).chunk_of(id)?;
    read::<Chunk>(out, FileKind::Chunk, chunk)
        .article(id)
        .cloned()
}

/// Every file an entry names, directly or through the files it names.
fn named_files(out: &Path, entry: &Entry) -> Vec<String> {
    let mut files = Vec::new();
    for id in &entry.lookup {
        files.push(id.path(FileKind::Lookup));
        for chunk in read::<Lookup>(out, FileKind::Lookup, *id).chunks {
            files.push(chunk.path(FileKind::Chunk));
        }
    }
    files.push(entry.products.path(FileKind::Products));
    let products: selfhelp_bundle::Products = read(out, FileKind::Products, entry.products);
    for product in &products.products {
        files.push(product.page.path(FileKind::Catalog));
        let page: CatalogPage = read(out, FileKind::Catalog, product.page);
        files.extend(page.chunks.iter().map(|c| c.path(FileKind::Chunk)));
        for group in page.groups {
            if let Some(own) = group.page {
                files.push(own.path(FileKind::Catalog));
            }
        }
    }
    if let Some(root) = entry.search {
        let mut pending = vec![(FileKind::SearchRoot, root.0)];
        while let Some((kind, id)) = pending.pop() {
            let path = FileId(id).path(kind);
            let bytes = std::fs::read(out.join(&path)).unwrap_or_else(|e| panic!("{path}: {e}"));
            let (_, payload) = selfhelp_bundle::read_header(&bytes).expect("a search file");
            let named = selfhelp_search::named_files(payload, kind == FileKind::SearchRoot);
            pending.extend(named.into_iter().map(|id| (FileKind::SearchShard, id)));
            files.push(path);
        }
    }
    files.sort();
    files.dedup();
    files
}

fn report(out: &Path) -> serde_json::Value {
    serde_json::from_slice(&std::fs::read(out.join("build-report.json")).expect("report"))
        .expect("the report is JSON")
}

#[test]
fn build_writes_a_site_whose_files_decode() {
    let content = Content::new(&["seed.md", "scenarios.md", "scoping-form.md"]);
    let out = tempfile::tempdir().expect("temp dir");
    let output = build(content.path(), out.path(), &[]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let entry = entry(out.path());
    assert_eq!(entry.articles, 3);
    assert_eq!(entry.build_id.len(), 16);
    assert!(article(out.path(), &entry, SEED_ID).is_some());
    assert!(article(out.path(), &entry, "fixture-scenarios").is_some());
    // The entry's header names the generator and versions.
    let bytes = std::fs::read(out.path().join(ENTRY_FILE)).unwrap();
    let (header, _) = selfhelp_bundle::read_header(&bytes).unwrap();
    assert!(header.generator.starts_with("selfhelp "));
    assert_eq!(header.format_version, selfhelp_bundle::FORMAT_VERSION);
    let stdout = text(&output.stdout);
    assert!(
        stdout.starts_with(&format!(
            "Published 3 articles into {} (build {})",
            out.path().display(),
            entry.build_id
        )),
        "{stdout}"
    );
    // The files the entry names and the two reports; no bundle.json, no temporary files.
    let mut expected = named_files(out.path(), &entry);
    expected.extend(["build-manifest.json", "build-report.json", ENTRY_FILE].map(String::from));
    expected.sort();
    let written: Vec<String> = snapshot(out.path()).into_keys().collect();
    assert_eq!(written, expected);
    assert_eq!(report(out.path())["published"], 3);
}

#[test]
fn json_is_written_only_when_asked() {
    let content = Content::new(&["seed.md", "scenarios.md"]);
    let out = tempfile::tempdir().expect("temp dir");
    let output = build(content.path(), out.path(), &["--json"]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let json: serde_json::Value = serde_json::from_slice(
        &std::fs::read(out.path().join("bundle.json")).expect("bundle.json"),
    )
    .expect("bundle.json is JSON");
    assert_eq!(json["header"]["kind"], "Entry");
    let ids: Vec<&str> = json["bundle"]["articles"]
        .as_array()
        .expect("articles")
        .iter()
        .filter_map(|a| a["meta"]["article_id"].as_str())
        .collect();
    assert_eq!(ids.len(), 2);
    assert!(ids.contains(&SEED_ID));
}

#[test]
fn a_failed_build_leaves_the_previous_site_untouched() {
    let content = Content::new(&["seed.md", "scenarios.md"]);
    let out = tempfile::tempdir().expect("temp dir");
    assert_eq!(
        build(content.path(), out.path(), &[]).status.code(),
        Some(0)
    );
    let before = snapshot(out.path());

    content.write(
        "bad.md",
        &std::fs::read_to_string(fixture("diag-javascript-link.md")).unwrap(),
    );
    let failed = build(content.path(), out.path(), &[]);
    assert_eq!(failed.status.code(), Some(1));
    let stderr = text(&failed.stderr);
    assert!(stderr.contains("error[SH0005]"), "{stderr}");
    assert!(
        stderr.contains("Build failed: 2 errors, 0 warnings; nothing written"),
        "{stderr}"
    );
    // After the diagnostics, one line counts them by code, most frequent first.
    let by_code = stderr
        .lines()
        .find(|line| line.starts_with("by code: "))
        .unwrap_or_else(|| panic!("no by-code line: {stderr}"));
    assert!(by_code.contains("SH0005 ×"), "{by_code}");
    assert!(
        stderr.contains("--keep-going"),
        "the message names the way out: {stderr}"
    );
    assert!(text(&failed.stdout).is_empty());
    assert_eq!(
        snapshot(out.path()),
        before,
        "every file must stay byte-identical"
    );
}

#[test]
fn keep_going_publishes_the_rest_and_reports_what_it_refused() {
    let content = Content::new(&["seed.md", "scenarios.md", "diag-javascript-link.md"]);
    let out = tempfile::tempdir().expect("temp dir");
    let output = build(content.path(), out.path(), &["--keep-going"]);
    assert_eq!(output.status.code(), Some(2), "2: published with refusals");
    let stderr = text(&output.stderr);
    assert!(stderr.contains("error[SH0005]"), "{stderr}");
    assert!(
        stderr.contains(
            "Refused 1 articles with errors (0 kept at their previous version, 1 not published)"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains("diag-javascript-link.md: not published"),
        "{stderr}"
    );
    let entry = entry(out.path());
    assert_eq!(entry.articles, 2);
    assert!(article(out.path(), &entry, "fixture-javascript-link").is_none());
    let report = report(out.path());
    assert_eq!(report["published"], 2);
    assert_eq!(report["refused"][0]["source"], "diag-javascript-link.md");
    assert!(report["refused"][0]["kept"].is_null());
    let errors = report["refused"][0]["errors"][0].as_str().unwrap();
    assert!(errors.starts_with("error[SH0005]:"), "{errors}");
    assert!(errors.contains("diag-javascript-link.md:5:"), "{errors}");

    // Without errors the same flag exits 0.
    std::fs::remove_file(content.path().join("diag-javascript-link.md")).unwrap();
    assert_eq!(
        build(content.path(), out.path(), &["--keep-going"])
            .status
            .code(),
        Some(0)
    );
}

#[test]
fn a_typo_never_unpublishes_an_article() {
    let content = Content::new(&["seed.md", "scenarios.md"]);
    let out = tempfile::tempdir().expect("temp dir");
    assert_eq!(
        build(content.path(), out.path(), &["--keep-going"])
            .status
            .code(),
        Some(0)
    );
    let good = article(out.path(), &entry(out.path()), "fixture-scenarios").expect("published");

    // The author breaks the article: a link that would run script.
    let broken = std::fs::read_to_string(fixture("scenarios.md")).unwrap()
        + "\nSee [this](javascript:alert(1)).\n";
    content.write("scenarios.md", &broken);
    let output = build(content.path(), out.path(), &["--keep-going"]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = text(&output.stderr);
    assert!(
        stderr.contains("(1 kept at their previous version, 0 not published)"),
        "{stderr}"
    );
    assert!(
        stderr.contains("scenarios.md: previous version"),
        "{stderr}"
    );
    let kept =
        article(out.path(), &entry(out.path()), "fixture-scenarios").expect("still published");
    assert_eq!(
        kept.article, good.article,
        "the last good version, unchanged"
    );
    let report = report(out.path());
    assert_eq!(
        report["refused"][0]["kept"]["article_id"],
        "fixture-scenarios"
    );
    assert_eq!(
        report["refused"][0]["kept"]["version"],
        good.article.content_hash.as_str()
    );

    // Still broken a build later: the good version stays.
    let seed = std::fs::read_to_string(fixture("seed.md"))
        .unwrap()
        .replace("Password", "Passphrase");
    content.write("seed.md", &seed);
    assert_eq!(
        build(content.path(), out.path(), &["--keep-going"])
            .status
            .code(),
        Some(2)
    );
    let now = entry(out.path());
    assert_eq!(
        article(out.path(), &now, "fixture-scenarios")
            .unwrap()
            .article,
        good.article
    );
    assert!(article(out.path(), &now, SEED_ID)
        .unwrap()
        .article
        .display_title()
        .contains("Passphrase"));

    // Fixed: the new version replaces it.
    content.write(
        "scenarios.md",
        &std::fs::read_to_string(fixture("scenarios.md"))
            .unwrap()
            .replace("fail", "break"),
    );
    assert_eq!(
        build(content.path(), out.path(), &["--keep-going"])
            .status
            .code(),
        Some(0)
    );
    let fixed = article(out.path(), &entry(out.path()), "fixture-scenarios").unwrap();
    assert_ne!(fixed.article.content_hash, good.article.content_hash);
}

#[test]
fn a_visitor_holding_the_previous_entry_finds_every_file_it_names() {
    let content = Content::new(&["seed.md", "scenarios.md", "scoping-form.md"]);
    let out = tempfile::tempdir().expect("temp dir");
    assert_eq!(
        build(content.path(), out.path(), &[]).status.code(),
        Some(0)
    );
    let first = std::fs::read(out.path().join(ENTRY_FILE)).unwrap();
    let first_files = named_files(out.path(), &entry_from(&first));

    content.write(
        "seed.md",
        &std::fs::read_to_string(fixture("seed.md"))
            .unwrap()
            .replace("Password", "Passphrase"),
    );
    assert_eq!(
        build(content.path(), out.path(), &[]).status.code(),
        Some(0)
    );
    let second = std::fs::read(out.path().join(ENTRY_FILE)).unwrap();
    assert_ne!(first, second);
    // The old entry still reaches every file it names, and its article reads as before.
    for file in &first_files {
        assert!(
            out.path().join(file).is_file(),
            "{file} of the previous build is gone"
        );
    }
    let old = article(out.path(), &entry_from(&first), SEED_ID).unwrap();
    assert!(old.article.display_title().contains("Password"));

    // One build later, files only the first build named are removed; the second's stay.
    content.write(
        "seed.md",
        &std::fs::read_to_string(fixture("seed.md"))
            .unwrap()
            .replace("Password", "Pass"),
    );
    let third = build(content.path(), out.path(), &[]);
    assert!(
        text(&third.stdout).contains(" removed;"),
        "{}",
        text(&third.stdout)
    );
    let second_files = named_files(out.path(), &entry_from(&second));
    for file in &second_files {
        assert!(
            out.path().join(file).is_file(),
            "{file} of the previous build is gone"
        );
    }
    let gone: Vec<&String> = first_files
        .iter()
        .filter(|f| !second_files.contains(f))
        .collect();
    assert!(!gone.is_empty(), "the edit changed some file");
    for file in gone {
        assert!(
            !out.path().join(file).exists(),
            "{file} should be removed by now"
        );
    }
}

#[test]
fn inspect_reads_an_entry_a_chunk_and_a_whole_site() {
    let content = Content::new(&["seed.md", "scenarios.md"]);
    let out = tempfile::tempdir().expect("temp dir");
    assert_eq!(
        build(content.path(), out.path(), &[]).status.code(),
        Some(0)
    );
    let entry = entry(out.path());

    let entry_file = out.path().join(ENTRY_FILE);
    let output = selfhelp(&["inspect".as_ref(), entry_file.as_os_str()]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(value["header"]["kind"], "Entry");
    assert_eq!(value["content"]["build_id"], entry.build_id.as_str());

    let bucket = entry.lookup[bucket_of(SEED_ID, entry.lookup.len())];
    let chunk = read::<Lookup>(out.path(), FileKind::Lookup, bucket)
        .chunk_of(SEED_ID)
        .unwrap();
    let chunk_file = out.path().join(chunk.path(FileKind::Chunk));
    let output = selfhelp(&["inspect".as_ref(), chunk_file.as_os_str()]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(value["header"]["kind"], "Chunk");
    let ids: Vec<&str> = value["content"]["articles"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|a| a["article"]["meta"]["article_id"].as_str())
        .collect();
    assert!(ids.contains(&SEED_ID));

    let output = selfhelp(&["inspect".as_ref(), out.path().as_os_str()]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(value["entry"]["build_id"], entry.build_id.as_str());
    let files = value["files"].as_object().unwrap();
    assert_eq!(files.len(), named_files(out.path(), &entry).len());

    // A damaged chunk: inspect of the folder says which file and fails.
    std::fs::write(
        &chunk_file,
        [
            b"SELFHELP".as_slice(),
            &[selfhelp_bundle::FORMAT_VERSION as u8; 2],
            b"\x01x\x01garbage",
        ]
        .concat(),
    )
    .unwrap();
    let output = selfhelp(&["inspect".as_ref(), out.path().as_os_str()]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = text(&output.stderr);
    assert!(stderr.contains(&chunk.path(FileKind::Chunk)), "{stderr}");
    assert!(stderr.contains("damaged"), "{stderr}");
}

#[test]
fn inspect_refuses_a_file_from_a_newer_compiler() {
    let dir = tempfile::tempdir().expect("temp dir");
    let future = dir.path().join("bundle.bin");
    let header = selfhelp_bundle::Header {
        format_version: selfhelp_bundle::FORMAT_VERSION + 1,
        min_compatible_version: selfhelp_bundle::FORMAT_VERSION + 1,
        generator: "selfhelp 9".into(),
        kind: FileKind::Entry,
    };
    std::fs::write(
        &future,
        selfhelp_bundle::encode_with_header(&header, b"").unwrap(),
    )
    .unwrap();
    let output = selfhelp(&["inspect".as_ref(), future.as_os_str()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        text(&output.stderr).contains("update the widget"),
        "{}",
        text(&output.stderr)
    );
}

/// A library of `count` articles over a few services, each a few KB, for layouts with
/// many chunks.
fn generated_library(count: usize) -> Content {
    let content = Content::new(&[]);
    for n in 0..count {
        let service = ["compute", "storage", "network", "web"][n % 4];
        let steps: String = (0..12)
            .map(|s| format!("- Step {s} of article {n}: check the {service} setting number {s} and save it.\n"))
            .collect();
        content.write(
            &format!("a{n:04}.md"),
            &format!(
                "<properties pageTitle=\"Problem {n} with {service}\" articleId=\"gen-{n:04}\" \
                 service=\"microsoft.{service}\" selfHelpType=\"generic\" />\n\n\
                 # Problem {n} with {service}\n\n## Recommended Steps\n\n{steps}\n\
                 Most problems of kind {n} end here.\n"
            ),
        );
    }
    content
}

fn site_files(out: &Path) -> usize {
    walkdir(out).len()
}

#[test]
fn max_files_grows_the_chunks_until_the_site_fits() {
    let content = generated_library(400);
    let usual = tempfile::tempdir().unwrap();
    let built = build(content.path(), usual.path(), &[]);
    assert!(built.status.success(), "{}", text(&built.stderr));
    let usual_files = site_files(usual.path());
    assert_eq!(report(usual.path())["site_files"], usual_files);
    let chunks = |out: &Path| std::fs::read_dir(out.join("chunks")).unwrap().count();
    assert!(
        chunks(usual.path()) >= 12,
        "{} chunks",
        chunks(usual.path())
    );

    // A limit the usual layout passes: fewer, larger chunks, every article still found.
    let limit = usual_files - chunks(usual.path()) / 3;
    let fitted = tempfile::tempdir().unwrap();
    let built = build(
        content.path(),
        fitted.path(),
        &["--max-files", &limit.to_string()],
    );
    assert!(built.status.success(), "{}", text(&built.stderr));
    let stderr = text(&built.stderr);
    assert!(
        stderr.contains("times their usual size to keep the site within"),
        "{stderr}"
    );
    assert!(site_files(fitted.path()) <= limit);
    assert_eq!(report(fitted.path())["max_files"], limit);
    let entry = entry(fitted.path());
    for n in 0..400 {
        let id = format!("gen-{n:04}");
        assert!(article(fitted.path(), &entry, &id).is_some(), "{id}");
    }
    let mut named = named_files(fitted.path(), &entry);
    named.extend(["bundle.bin", "build-report.json", "build-manifest.json"].map(String::from));
    assert_eq!(named.len(), site_files(fitted.path()));

    // A limit no layout meets: the site is published, and the build says it is over.
    let over = tempfile::tempdir().unwrap();
    let built = build(content.path(), over.path(), &["--max-files", "5"]);
    assert!(built.status.success(), "{}", text(&built.stderr));
    let stderr = text(&built.stderr);
    assert!(
        stderr.contains("more than the limit of 5 (--max-files)"),
        "{stderr}"
    );
    assert!(article(over.path(), &self::entry(over.path()), "gen-0399").is_some());
}
