//! Headless Chromium through chromedriver (fantoccini), one fresh profile per session.
//!
//! The end-to-end tests' switches (`selfhelp_harness::chromium`), so what is measured
//! here is what they see.

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use fantoccini::wd::{TimeoutConfiguration, WebDriverCompatibleCommand};
use fantoccini::{Client, ClientBuilder};
use selfhelp_harness::chromium::{capabilities, free_port};
use serde_json::{json, Value};

/// How long chromedriver may take to accept a session, and an in-page wait may last: a
/// loaded 2-core machine opening the whole corpus's site is slow, never this slow.
const PATIENCE: Duration = Duration::from_secs(60);

/// A browser session; chromedriver (which ends its Chromium) is killed when it drops.
pub struct Browser {
    client: Client,
    driver: Child,
    _profile: tempfile::TempDir,
}

impl Browser {
    /// A new Chromium with an empty profile: nothing cached, no service worker.
    pub async fn start() -> Result<Browser> {
        let chromedriver =
            std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into());
        let port = free_port().context("no free local port")?;
        let mut driver = Command::new(&chromedriver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .with_context(|| {
                format!("could not start {chromedriver} (cargo xtask install installs it)")
            })?;
        let profile = tempfile::tempdir().context("a temporary Chromium profile")?;
        let caps = capabilities(profile.path(), &[]);
        let url = format!("http://127.0.0.1:{port}");
        let started = Instant::now();
        let client = loop {
            match ClientBuilder::native()
                .capabilities(caps.clone())
                .connect(&url)
                .await
            {
                Ok(client) => break client,
                Err(error) if started.elapsed() > PATIENCE => {
                    let _ = driver.kill();
                    let _ = driver.wait();
                    bail!("chromedriver did not start a session: {error}");
                }
                Err(_) => tokio::time::sleep(Duration::from_millis(100)).await,
            }
        };
        let timeouts = TimeoutConfiguration::new(Some(PATIENCE), Some(PATIENCE), None);
        client.update_timeouts(timeouts).await?;
        Ok(Browser {
            client,
            driver,
            _profile: profile,
        })
    }

    /// Runs `source` in every document this session opens, before any of its own scripts
    /// (CDP `Page.addScriptToEvaluateOnNewDocument`): the only way to watch a page from
    /// its navigation start, which WebDriver's own scripts (run after the load) miss.
    pub async fn inject(&self, source: &str) -> Result<()> {
        self.client
            .issue_cmd(Cdp {
                cmd: "Page.addScriptToEvaluateOnNewDocument",
                params: json!({ "source": source }),
            })
            .await
            .context("chromedriver refused a CDP command")?;
        Ok(())
    }

    /// Navigates and waits for the document's load (WebDriver's normal page-load strategy).
    pub async fn open(&self, url: &str) -> Result<()> {
        self.client
            .goto(url)
            .await
            .with_context(|| format!("opening {url}"))
    }

    pub async fn script(&self, code: &str, args: Vec<Value>) -> Result<Value> {
        Ok(self.client.execute(code, args).await?)
    }

    /// A script that ends by calling its last argument; it may wait up to [`PATIENCE`].
    pub async fn script_async(&self, code: &str, args: Vec<Value>) -> Result<Value> {
        Ok(self.client.execute_async(code, args).await?)
    }

    /// Ends the session (and its Chromium), then chromedriver.
    pub async fn close(mut self) {
        let _ = self.client.clone().close().await;
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        // Only the chromedriver this session started, by its own handle.
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

/// chromedriver's own endpoint for Chrome DevTools Protocol commands.
#[derive(Debug)]
struct Cdp {
    cmd: &'static str,
    params: Value,
}

impl WebDriverCompatibleCommand for Cdp {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/goog/cdp/execute",
            session_id.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _request_url: &url::Url) -> (http::Method, Option<String>) {
        let body = json!({ "cmd": self.cmd, "params": self.params });
        (http::Method::POST, Some(body.to_string()))
    }
}

/// A runtime for the browser sessions: one thread is enough (the browser does the work).
pub fn runtime() -> Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("a tokio runtime")
}
