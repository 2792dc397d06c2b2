//! End-to-end over the real corpus: the whole library built as one site (`--keep-going`,
//! as an operator would publish it), served with the release widget, and every published
//! article opened through its address: a troubleshooter shows its first question, a form
//! its questions (as many as the compiler says are shown before any answer), a data
//! article its fields; no panic, no trap, no console error.
//!
//! Skipped (with a message) where the corpus folder or `SELFHELP_DIST` is missing.

use std::collections::HashMap;
use std::path::Path;
use std::time::{Duration, Instant};

use fantoccini::wd::TimeoutConfiguration;
use selfhelp_bundle::{ArticleBody, ControlType, Field};
use selfhelp_compiler::site::report::{Manifest, MANIFEST_FILE};
use selfhelp_compiler::SiteOptions;
use serde_json::{json, Value};

use crate::browser::Browser;
use crate::site::Site;

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/corpus/articles");

/// Articles visited per script call: each call stays well inside the script timeout.
const BATCH: usize = 250;

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

/// What an article's first page must show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Expect {
    Question,
    Fields(usize),
    Data,
}

/// Records console errors, uncaught errors (WebAssembly traps among them) and
/// rejections into `window.__errors`.
const WATCH_ERRORS: &str = "window.__errors = [];\
    const original = console.error.bind(console);\
    console.error = (...args) => { window.__errors.push(args.map(String).join(' ')); original(...args); };\
    window.addEventListener('error', e => window.__errors.push('error: ' + e.message));\
    window.addEventListener('unhandledrejection', e => window.__errors.push('rejection: ' + e.reason));";

/// Opens each id through the address and reports what rendered: `{id, question}`,
/// `{id, fields}`, `{id, data}`, `{id, error}`, `{id, panic}` or `{id, timeout}`.
const VISIT: &str = "const ids = arguments[0], done = arguments[arguments.length - 1];\
    const host = document.querySelector('selfhelp-widget'), root = host.shadowRoot;\
    const settle = id => new Promise(resolve => {\
      const started = performance.now();\
      const poll = () => {\
        if (host.hasAttribute('data-sh-panic')) return resolve({ id, panic: host.getAttribute('data-sh-panic') });\
        const error = root.querySelector('.sh-error');\
        if (error) return resolve({ id, error: error.textContent });\
        const article = root.querySelector('.sh-article');\
        if (article && article.getAttribute('data-article-id') === id) {\
          const form = article.querySelector('.sh-form');\
          if (form) return resolve({ id, fields: form.querySelectorAll('.sh-field').length });\
          const question = article.querySelector('.sh-question');\
          if (question && question.textContent.trim()) return resolve({ id, question: true });\
          if (article.querySelector('.sh-data')) return resolve({ id, data: true });\
        }\
        if (performance.now() - started > 10000) return resolve({ id, timeout: true, hash: location.hash });\
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

/// The app files of the release site (its root's files) copied beside a library.
fn copy_app(dist: &Path, to: &Path) {
    for entry in std::fs::read_dir(dist).expect("the dist folder").flatten() {
        let path = entry.path();
        let name = entry.file_name();
        let content_file = name == "bundle.bin" || name.to_string_lossy().ends_with(".json");
        if path.is_file() && !content_file {
            std::fs::copy(&path, to.join(&name)).expect("copy an app file");
        }
    }
}

fn matches(expect: Expect, result: &Value) -> bool {
    match expect {
        Expect::Question => result.get("question").is_some(),
        Expect::Data => result.get("data").is_some(),
        Expect::Fields(n) => result.get("fields").and_then(Value::as_u64) == Some(n as u64),
    }
}

#[tokio::test]
async fn every_published_corpus_article_renders_its_first_step_without_errors() {
    let corpus = Path::new(CORPUS);
    if !corpus.is_dir() {
        eprintln!("skipping the corpus articles test: no corpus at {CORPUS}");
        return;
    }
    let Some(dist) = crate::dist() else { return };
    let started = Instant::now();
    let folder = tempfile::tempdir().expect("a temporary site folder");
    let options = SiteOptions {
        keep_going: true,
        ..SiteOptions::default()
    };
    let built = selfhelp_compiler::build_site(
        &[corpus.to_path_buf()],
        folder.path(),
        &options,
        |_| {},
        || {},
    )
    .expect("the corpus site is written");
    assert!(built.published.is_some(), "keep-going publishes");
    copy_app(&dist, folder.path());
    let manifest: Manifest =
        serde_json::from_slice(&std::fs::read(folder.path().join(MANIFEST_FILE)).unwrap()).unwrap();

    // What each article's first page shows, from the same compile as a bundle.
    let bundle = selfhelp_compiler::build(&[corpus.to_path_buf()]).bundle;
    let by_source: HashMap<&str, Expect> = bundle
        .articles
        .iter()
        .map(|a| {
            let expect = match &a.body {
                ArticleBody::Tree(_) => Expect::Question,
                ArticleBody::Data(_) => Expect::Data,
                ArticleBody::Form(form) => Expect::Fields(
                    form.fields
                        .iter()
                        .filter(|f| f.visibility.eval(&|_| Vec::new()) && shows_something(f))
                        .count(),
                ),
            };
            (a.source.as_str(), expect)
        })
        .collect();
    let articles: Vec<(&str, Expect)> = manifest
        .articles
        .iter()
        .map(|a| (a.id.as_str(), by_source[a.source.as_str()]))
        .collect();
    let expected: HashMap<&str, Expect> = articles.iter().copied().collect();

    let site = Site::serve(folder.path());
    // Chromium drops address changes beyond ~200 per 10 s ("navigation flooding");
    // this test changes the hash once per article, far faster than any person.
    let browser = Browser::start_with(&["--disable-ipc-flooding-protection"]).await;
    browser
        .client
        .update_timeouts(TimeoutConfiguration::new(
            Some(Duration::from_secs(300)),
            None,
            None,
        ))
        .await
        .expect("script timeout");
    browser.open(&site.url).await;
    browser.expect_text("h1", "How can we help?").await;
    browser.script(WATCH_ERRORS).await;

    let mut rendered: HashMap<&str, usize> = HashMap::new();
    let mut problems = Vec::new();
    let ids: Vec<&str> = articles.iter().map(|(id, _)| *id).collect();
    for batch in ids.chunks(BATCH) {
        let results = browser
            .client
            .execute_async(VISIT, vec![json!(batch)])
            .await
            .expect("visiting a batch of articles");
        for result in results.as_array().cloned().unwrap_or_default() {
            let id = result["id"].as_str().unwrap_or_default().to_string();
            assert!(
                result.get("panic").is_none(),
                "the widget panicked on {id}: {result}"
            );
            match expected.get(id.as_str()) {
                Some(expect) if matches(*expect, &result) => {
                    let kind = match expect {
                        Expect::Question => "troubleshooters",
                        Expect::Fields(_) => "forms",
                        Expect::Data => "data articles",
                    };
                    *rendered.entry(kind).or_default() += 1;
                }
                expect => problems.push(format!("{id}: {result} (expected {expect:?})")),
            }
        }
    }
    let errors = browser.script("return window.__errors").await;
    let total: usize = rendered.values().sum();
    println!(
        "rendered {total} of {} published corpus articles ({} troubleshooters, {} forms, {} data \
         articles; {} refused by the build) in {:.0?}",
        ids.len(),
        rendered.get("troubleshooters").unwrap_or(&0),
        rendered.get("forms").unwrap_or(&0),
        rendered.get("data articles").unwrap_or(&0),
        built.report.refused.len(),
        started.elapsed()
    );
    pictures(&browser, &site.url).await;
    browser.close().await;
    assert_eq!(
        errors,
        json!([]),
        "console errors while rendering corpus articles"
    );
    assert!(
        problems.is_empty(),
        "{} articles did not render as expected, e.g.:\n{}",
        problems.len(),
        problems
            .iter()
            .take(10)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

/// The library as a visitor meets it, for the README: the start page, search as one
/// types (with a typo), and the results page with its filters.
async fn pictures(browser: &Browser, url: &str) {
    // A fresh page (a query string forces a load): the one that rendered every article
    // has carried 12,000 of them.
    let fresh = format!("{}?pictures#/", url.split('#').next().unwrap_or(url));
    browser.open(&fresh).await;
    browser.expect_text("h1", "How can we help?").await;
    browser.screenshot("library.png").await;
    let input = browser.find("#sh-search-input").await;
    input.send_keys("pasword hash sync").await.unwrap();
    // Pictures for the README, not a check (the search tests check search): a slow
    // machine gets a note, not a failure.
    if !browser.appears("#sh-search-option-2", 45).await {
        println!("note: no type-ahead picture: the list did not show in 45 s");
        return;
    }
    browser.screenshot("library-typeahead.png").await;
    browser
        .open(&format!("{url}#/search?q=vm%20wont%20start"))
        .await;
    browser.expect_text("h1", "Search results").await;
    browser.find(".sh-search-results > li").await;
    browser.screenshot("library-search.png").await;
}
