//! Headless Chromium driven through chromedriver, with waits for Yew's async rendering.

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::elements::{Element, ShadowRoot};
use fantoccini::{Client, ClientBuilder, Locator};
use selfhelp_harness::chromium::{capabilities, free_port};
use serde_json::json;

const TIMEOUT: Duration = Duration::from_secs(15);

/// A script prelude: `e` is the focused element, looking into shadow roots.
pub const DEEP_ACTIVE: &str = "let e = document.activeElement; \
    while (e && e.shadowRoot && e.shadowRoot.activeElement) e = e.shadowRoot.activeElement;";

/// A script prelude: `W` is the first widget's shadow root.
pub const WIDGET: &str = "const W = document.querySelector('selfhelp-widget').shadowRoot;";

/// A browser session; chromedriver is killed when it drops.
pub struct Browser {
    pub client: Client,
    driver: Child,
    _profile: tempfile::TempDir,
}

impl Browser {
    pub async fn start() -> Browser {
        Browser::start_with(&[]).await
    }

    /// A browser with extra Chromium switches.
    pub async fn start_with(extra_args: &[&str]) -> Browser {
        let chromedriver =
            std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into());
        let port = free_port().expect("a free port");
        let driver = Command::new(&chromedriver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("could not start {chromedriver}: {e}"));
        let profile = tempfile::tempdir().expect("a temporary profile folder");
        let caps = capabilities(profile.path(), extra_args);
        let url = format!("http://127.0.0.1:{port}");
        let started = Instant::now();
        let client = loop {
            match ClientBuilder::native()
                .capabilities(caps.clone())
                .connect(&url)
                .await
            {
                Ok(client) => break client,
                Err(error) if started.elapsed() > TIMEOUT => panic!("chromedriver: {error}"),
                Err(_) => tokio::time::sleep(Duration::from_millis(100)).await,
            }
        };
        Browser {
            client,
            driver,
            _profile: profile,
        }
    }

    pub async fn open(&self, url: &str) {
        self.client.goto(url).await.expect("navigation");
    }

    /// Waits for an element matching a CSS selector inside the page's (first) widget,
    /// whose shadow root WebDriver searches like a document.
    pub async fn find(&self, css: &str) -> Element {
        let started = Instant::now();
        loop {
            if let Some(element) = self.try_find(css).await {
                return element;
            }
            if started.elapsed() > TIMEOUT {
                panic!("no element `{css}` in the widget");
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    async fn shadow(&self) -> Option<ShadowRoot> {
        let host = self
            .client
            .find(Locator::Css("selfhelp-widget"))
            .await
            .ok()?;
        host.shadow_root().await.ok()
    }

    /// Whether an element matching `css` appears within `seconds`.
    pub async fn appears(&self, css: &str, seconds: u64) -> bool {
        let started = Instant::now();
        while self.try_find(css).await.is_none() {
            if started.elapsed() > Duration::from_secs(seconds) {
                return false;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        true
    }

    async fn try_find(&self, css: &str) -> Option<Element> {
        self.shadow().await?.find(Locator::Css(css)).await.ok()
    }

    /// Every element matching `css` in the widget, now.
    pub async fn find_all(&self, css: &str) -> Vec<Element> {
        match self.shadow().await {
            Some(shadow) => shadow.find_all(Locator::Css(css)).await.unwrap_or_default(),
            None => Vec::new(),
        }
    }

    /// Waits for an element of the host page itself (outside any widget).
    pub async fn find_in_page(&self, css: &str) -> Element {
        self.client
            .wait()
            .at_most(TIMEOUT)
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no element `{css}` in the page: {e}"))
    }

    /// Waits until the element's text is exactly `expected`.
    pub async fn expect_text(&self, css: &str, expected: &str) {
        let started = Instant::now();
        loop {
            let text = self.text(css).await;
            if text.as_deref() == Some(expected) {
                return;
            }
            if started.elapsed() > TIMEOUT {
                panic!("`{css}` has text {text:?}, expected {expected:?}");
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// The text of the first match, or `None` when there is none.
    pub async fn text(&self, css: &str) -> Option<String> {
        let element = self.try_find(css).await?;
        element.text().await.ok().map(|t| t.trim().to_string())
    }

    /// Clicks the button whose visible text is exactly `label`.
    pub async fn click_button(&self, label: &str) {
        let started = Instant::now();
        loop {
            for button in self.find_all("button").await {
                if button.text().await.unwrap_or_default().trim() == label {
                    return button
                        .click()
                        .await
                        .unwrap_or_else(|e| panic!("clicking `{label}`: {e}"));
                }
            }
            if started.elapsed() > TIMEOUT {
                panic!("no button `{label}`");
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Labels of all buttons in the current step, in order.
    pub async fn answer_labels(&self) -> Vec<String> {
        let buttons = self.find_all(".sh-step button").await;
        let mut labels = Vec::new();
        for button in buttons {
            labels.push(button.text().await.unwrap_or_default().trim().to_string());
        }
        labels
    }

    /// Clicks the first element matching a CSS selector, once it exists.
    pub async fn click_css(&self, css: &str) {
        self.find(css)
            .await
            .click()
            .await
            .unwrap_or_else(|e| panic!("clicking `{css}`: {e}"));
    }

    /// Sets an input's value as one edit (an `input` event), for controls such as
    /// `datetime-local` whose typed keys depend on the browser's locale.
    pub async fn set_value(&self, css: &str, value: &str) {
        self.find(css).await;
        let code = "const el = document.querySelector('selfhelp-widget').shadowRoot.querySelector(arguments[0]); el.value = arguments[1]; \
                    el.dispatchEvent(new Event('input', { bubbles: true })); \
                    el.dispatchEvent(new Event('change', { bubbles: true }));";
        self.client
            .execute(code, vec![json!(css), json!(value)])
            .await
            .unwrap_or_else(|e| panic!("setting `{css}`: {e}"));
    }

    /// Waits until a script returns `true`.
    pub async fn wait_until(&self, what: &str, code: &str) {
        let started = Instant::now();
        loop {
            if self.script(code).await == json!(true) {
                return;
            }
            if started.elapsed() > TIMEOUT {
                panic!("timed out waiting for {what}");
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// The `id` and class of the focused element.
    pub async fn focused(&self) -> (String, String) {
        let value = self
            .script(&format!(
                "{DEEP_ACTIVE} return e ? [e.id, e.className] : ['', ''];"
            ))
            .await;
        let part = |n: usize| value[n].as_str().unwrap_or_default().to_string();
        (part(0), part(1))
    }

    /// Presses keys one after another, on whatever has focus (`\u{E004}` is Tab,
    /// `\u{E007}` Enter).
    pub async fn press(&self, keys: &str) {
        use fantoccini::actions::{InputSource, KeyAction, KeyActions};
        let mut actions = KeyActions::new("keyboard".to_string());
        for key in keys.chars() {
            actions = actions
                .then(KeyAction::Down { value: key })
                .then(KeyAction::Up { value: key });
        }
        self.client
            .perform_actions(actions)
            .await
            .unwrap_or_else(|e| panic!("pressing {keys:?}: {e}"));
    }

    pub async fn script(&self, code: &str) -> serde_json::Value {
        self.client.execute(code, vec![]).await.expect("script")
    }

    /// Waits for the address to start with `prefix`: the router writes it once the page
    /// it names has rendered, so a loaded machine can show the page first.
    pub async fn wait_for_hash(&self, prefix: &str) {
        let started = Instant::now();
        loop {
            let hash = self.current_hash().await;
            if hash.starts_with(prefix) {
                return;
            }
            if started.elapsed() > TIMEOUT {
                panic!("timed out waiting for the address {prefix}…: it is {hash:?}");
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    pub async fn current_hash(&self) -> String {
        let value = self.script("return location.hash").await;
        value.as_str().unwrap_or_default().to_string()
    }

    pub async fn screenshot(&self, name: &str) {
        let png = self.client.screenshot().await.expect("screenshot");
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("artifacts");
        std::fs::create_dir_all(&dir).expect("artifacts folder");
        std::fs::write(dir.join(name), png).expect("write screenshot");
    }

    pub async fn close(mut self) {
        let _ = self.client.clone().close().await;
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.driver.kill();
    }
}
