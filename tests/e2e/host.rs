//! Host pages for the embedding tests: a site folder with the release app, the test
//! content (`tests/fixtures/embed`, built as a site), and pages written by each test the
//! way a support site would write them.

use std::path::{Path, PathBuf};

use fantoccini::elements::{Element, ElementRef};
use selfhelp_compiler::SiteOptions;
use serde_json::Value;

use crate::browser::Browser;

pub const DATABASE: &str = "embed-database-connection";
pub const DATABASE_TITLE: &str = "Cannot connect to the database";
pub const FORM: &str = "embed-describe-connection";

/// Records every widget event and every Content-Security-Policy violation; loaded as a
/// classic script before the widget's module, so it hears everything from the start.
const WATCH: &str = "window.__events = []; window.__violations = [];\n\
    addEventListener('securitypolicyviolation', (e) => __violations.push(e.violatedDirective + ' ' + e.blockedURI));\n\
    for (const name of ['ready','open','close','view','answer','resolved','escalated','submit','error']) {\n\
      document.addEventListener('selfhelp:' + name, (e) => __events.push({ name, detail: e.detail, composed: e.composed, bubbles: e.bubbles }));\n\
    }\n";

/// A site folder to serve: the app, the embed content, and the test's pages.
pub struct Host {
    dir: tempfile::TempDir,
}

impl Host {
    /// The release app of `dist` with the embed fixtures as its content.
    pub fn new(dist: &Path) -> Host {
        let dir = tempfile::tempdir().expect("a host folder");
        for entry in std::fs::read_dir(dist).expect("the dist folder").flatten() {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            let content = name == "bundle.bin" || name.ends_with(".json");
            if path.is_file() && !content {
                std::fs::copy(&path, dir.path().join(&name)).expect("copy an app file");
            }
        }
        let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/embed");
        let built = selfhelp_compiler::build_site(
            &[fixtures],
            dir.path(),
            &SiteOptions::default(),
            |_| {},
            || {},
        )
        .expect("the fixtures build");
        assert!(
            built.published.is_some(),
            "the fixtures compile: {:?}",
            built.diagnostics
        );
        std::fs::write(dir.path().join("watch.js"), WATCH).expect("watch.js");
        Host { dir }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Writes a page: the watcher, the widget's module, `head`, then `body`.
    pub fn page(&self, name: &str, head: &str, body: &str) -> PathBuf {
        let html = format!(
            "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Host page</title>\n\
             <script src=\"watch.js\"></script>\n<script type=\"module\" src=\"selfhelp.js\"></script>\n\
             {head}</head>\n<body>\n<main>\n{body}\n</main>\n</body></html>\n"
        );
        let path = self.dir.path().join(name);
        std::fs::write(&path, html).expect("write a page");
        path
    }

    /// Writes any other file of the site (a host page's own script or stylesheet).
    pub fn file(&self, name: &str, text: &str) {
        std::fs::write(self.dir.path().join(name), text).expect("write a file");
    }
}

/// The element a script returns (WebDriver hands back references, shadow roots or not).
pub async fn element(browser: &Browser, script: &str) -> Element {
    let value = browser.script(script).await;
    let id = value
        .as_object()
        .and_then(|o| o.values().next())
        .and_then(Value::as_str)
        .unwrap_or_else(|| panic!("`{script}` gave no element: {value}"))
        .to_string();
    Element::from_element_id(browser.client.clone(), ElementRef::from(id))
}

/// Waits until a script returns something other than `null`, `false` or `undefined`.
pub async fn wait_for(browser: &Browser, what: &str, script: &str) -> Value {
    let started = std::time::Instant::now();
    loop {
        let value = browser.script(script).await;
        if !value.is_null() && value != Value::Bool(false) {
            return value;
        }
        if started.elapsed() > std::time::Duration::from_secs(15) {
            panic!("timed out waiting for {what}: `{script}`");
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
}

/// The text of `css` in the shadow root of the widget `host` (a CSS selector).
pub fn text_in(host: &str, css: &str) -> String {
    format!(
        "const r = document.querySelector({host:?})?.shadowRoot?.querySelector({css:?}); \
         return r ? r.textContent.trim() : null;"
    )
}

/// Whether the text of `css` in widget `host` is `expected`.
pub fn text_is(host: &str, css: &str, expected: &str) -> String {
    format!(
        "const r = document.querySelector({host:?})?.shadowRoot?.querySelector({css:?}); \
         return !!r && r.textContent.trim() === {expected:?};"
    )
}

/// The events recorded so far.
pub async fn events(browser: &Browser) -> Vec<Value> {
    browser
        .script("return window.__events")
        .await
        .as_array()
        .cloned()
        .unwrap_or_default()
}

/// axe-core, from the project's npm tools (`cargo xtask install`).
pub fn axe_source() -> Option<String> {
    let path = std::env::var_os("SELFHELP_AXE")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../target/tools/node_modules/axe-core/axe.min.js")
        });
    std::fs::read_to_string(path).ok()
}

/// Runs axe-core on the page (shadow roots included) and returns its violations, each
/// as `id: help (targets)`.
pub async fn axe(browser: &Browser, source: &str) -> Vec<String> {
    browser.script(source).await;
    let result = browser
        .client
        .execute_async(
            // Colours mid-transition are not the page's: axe runs once every running
            // animation and transition has finished. `document.getAnimations()` leaves
            // out those inside shadow roots (the widget's steps fade in there), so each
            // root is asked too.
            "const done = arguments[arguments.length - 1];\
             const roots = [document];\
             for (let i = 0; i < roots.length; i++)\
               for (const e of roots[i].querySelectorAll('*')) if (e.shadowRoot) roots.push(e.shadowRoot);\
             Promise.all(roots.flatMap(r => r.getAnimations()).map(a => a.finished.catch(() => null)))\
               .then(() => new Promise(r => requestAnimationFrame(() => r())))\
               .then(() => axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'] })\
               ).then(r => done(r.violations.map(v => v.id + ': ' + v.help + ' (' + v.nodes.map(n => JSON.stringify(n.target)).join(', ') + ')')))\
               .catch(e => done(['axe failed: ' + e]));",
            vec![],
        )
        .await
        .expect("axe runs");
    serde_json::from_value(result).unwrap_or_default()
}
