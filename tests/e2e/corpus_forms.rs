//! End-to-end over the real corpus: every problem-scoping form that compiles is rendered
//! by the release widget, with no panic and no console error.
//!
//! Skipped (with a message) where the corpus folder or `SELFHELP_DIST` is missing.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use fantoccini::wd::TimeoutConfiguration;
use selfhelp_bundle::{ArticleBody, Bundle, ControlType, Field};
use serde_json::{json, Value};

use crate::browser::Browser;
use crate::site::Site;

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/corpus/articles");

/// Forms visited per script call: each call stays well inside the script timeout.
const BATCH: usize = 150;

/// Whether a file's `<properties>` header says `selfHelpType="problemScopingQuestions"`.
fn is_scoping_form(path: &Path) -> bool {
    let Ok(bytes) = std::fs::read(path) else {
        return false;
    };
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(8192)]).to_ascii_lowercase();
    let Some(at) = head.find("selfhelptype") else {
        return false;
    };
    let rest = head[at + "selfhelptype".len()..].trim_start();
    let Some(rest) = rest.strip_prefix('=') else {
        return false;
    };
    rest.trim_start()
        .trim_start_matches(['"', '\''])
        .trim_start()
        .starts_with("problemscopingquestions")
}

/// Whether a field renders: info and text blocks with no text are left out.
fn shows_something(field: &Field) -> bool {
    let display_only = matches!(
        field.control,
        ControlType::InfoBlock | ControlType::TextBlock
    );
    !display_only
        || !field.label.trim().is_empty()
        || !field.info_balloon.is_empty()
        || !field.hints.is_empty()
}

fn markdown_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            markdown_files(&path, out);
        } else if path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("md"))
        {
            out.push(path);
        }
    }
}

/// The corpus forms that compiled without error and have an id no other form uses.
fn corpus_forms(corpus: &Path) -> (Bundle, usize) {
    let mut files = Vec::new();
    markdown_files(corpus, &mut files);
    files.sort();
    files.retain(|path| is_scoping_form(path));
    let found = files.len();
    let output = selfhelp_compiler::build(&files);
    let mut counts: HashMap<String, usize> = HashMap::new();
    for article in &output.bundle.articles {
        *counts.entry(article.meta.article_id.clone()).or_default() += 1;
    }
    let articles = output
        .bundle
        .articles
        .into_iter()
        .filter(|a| matches!(a.body, ArticleBody::Form(_)))
        .filter(|a| !a.meta.article_id.is_empty() && counts[&a.meta.article_id] == 1)
        .collect();
    (Bundle { articles }, found)
}

/// Copies the site's files into `to`, with `bundle` as its bundle.
fn site_with(dist: &Path, to: &Path, bundle: &Bundle) {
    for entry in std::fs::read_dir(dist).expect("the dist folder").flatten() {
        let path = entry.path();
        if path.is_file() {
            std::fs::copy(&path, to.join(entry.file_name())).expect("copy a site file");
        }
    }
    let bytes = selfhelp_bundle::encode(bundle, "corpus forms test").expect("encode");
    std::fs::write(to.join("bundle.bin"), bytes).expect("write bundle.bin");
}

/// Records console errors, uncaught errors and rejections into `window.__errors`.
const WATCH_ERRORS: &str = "window.__errors = [];\
    const original = console.error.bind(console);\
    console.error = (...args) => { window.__errors.push(args.map(String).join(' ')); original(...args); };\
    window.addEventListener('error', e => window.__errors.push('error: ' + e.message));\
    window.addEventListener('unhandledrejection', e => window.__errors.push('rejection: ' + e.reason));";

/// Opens each id's form through the address and reports what rendered:
/// `{id, fields}`, `{id, error}`, `{id, panic}` or `{id, timeout}`.
const VISIT: &str = "const ids = arguments[0], done = arguments[arguments.length - 1];\
    const root = document.getElementById('selfhelp');\
    const settle = id => new Promise(resolve => {\
      const started = performance.now();\
      const poll = () => {\
        if (root.hasAttribute('data-sh-panic')) return resolve({ id, panic: root.getAttribute('data-sh-panic') });\
        const form = root.querySelector('.sh-form');\
        if (form && form.getAttribute('data-article-id') === id) {\
          const error = root.querySelector('.sh-error');\
          return resolve(error ? { id, error: error.textContent } : { id, fields: form.querySelectorAll('.sh-field').length });\
        }\
        const error = root.querySelector('.sh-error');\
        if (error) return resolve({ id, error: error.textContent });\
        if (performance.now() - started > 5000) return resolve({ id, timeout: true, hash: location.hash });\
        setTimeout(poll, 2);\
      };\
      poll();\
    });\
    (async () => {\
      const results = [];\
      for (const id of ids) {\
        location.hash = '#/article/' + encodeURIComponent(id);\
        const result = await settle(id);\
        results.push(result);\
        if (result.panic) break;\
      }\
      done(results);\
    })();";

#[tokio::test]
async fn every_compiled_corpus_form_renders_without_errors() {
    let corpus = Path::new(CORPUS);
    if !corpus.is_dir() {
        eprintln!("skipping the corpus forms test: no corpus at {CORPUS}");
        return;
    }
    let Some(dist) = crate::dist() else { return };
    let started = Instant::now();
    let (bundle, found) = corpus_forms(corpus);
    assert!(!bundle.articles.is_empty(), "no corpus form compiled");
    let expected: HashMap<&str, usize> = bundle
        .articles
        .iter()
        .filter_map(|a| match &a.body {
            ArticleBody::Form(form) => {
                // Shown before any answer, less info blocks with no text to show.
                let shown = form
                    .fields
                    .iter()
                    .filter(|f| f.visibility.eval(&|_| Vec::new()) && shows_something(f))
                    .count();
                Some((a.meta.article_id.as_str(), shown))
            }
            ArticleBody::Tree(_) | ArticleBody::Data(_) => None,
        })
        .collect();
    let ids: Vec<&str> = bundle
        .articles
        .iter()
        .map(|a| a.meta.article_id.as_str())
        .collect();

    let folder = tempfile::tempdir().expect("a temporary site folder");
    site_with(&dist, folder.path(), &bundle);
    let site = Site::serve(folder.path());
    // Chromium drops address changes beyond ~200 per 10 s ("navigation flooding");
    // this test changes the hash once per form, far faster than any person.
    let browser = Browser::start_with(&["--disable-ipc-flooding-protection"]).await;
    browser
        .client
        .update_timeouts(TimeoutConfiguration::new(
            Some(Duration::from_secs(120)),
            None,
            None,
        ))
        .await
        .expect("script timeout");
    browser.open(&site.url).await;
    browser.expect_text("h1", "How can we help?").await;
    browser.script(WATCH_ERRORS).await;

    let mut rendered = 0;
    let mut problems = Vec::new();
    for batch in ids.chunks(BATCH) {
        let results = browser
            .client
            .execute_async(VISIT, vec![json!(batch)])
            .await
            .expect("visiting a batch of forms");
        for result in results.as_array().cloned().unwrap_or_default() {
            let id = result["id"].as_str().unwrap_or_default().to_string();
            match result.get("fields").and_then(Value::as_u64) {
                Some(fields) if Some(&(fields as usize)) == expected.get(id.as_str()) => {
                    rendered += 1
                }
                _ => problems.push(format!(
                    "{id}: {result} (expected {:?} fields)",
                    expected.get(id.as_str())
                )),
            }
            assert!(
                result.get("panic").is_none(),
                "the widget panicked on {id}: {result}"
            );
        }
    }
    let errors = browser.script("return window.__errors").await;
    println!(
        "rendered {rendered} of {} corpus forms ({found} scoping files found) in {:.0?}",
        ids.len(),
        started.elapsed()
    );
    browser.close().await;
    assert_eq!(
        errors,
        json!([]),
        "console errors while rendering corpus forms"
    );
    assert!(
        problems.is_empty(),
        "{} forms did not render as expected, e.g.:\n{}",
        problems.len(),
        problems
            .iter()
            .take(10)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}
