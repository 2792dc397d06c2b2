//! Scripts that watch the widget from inside the page, timed with `performance.now()`.
//!
//! [`PROBE`] is injected before any of the page's own scripts run (see
//! `Browser::inject`). It wraps `attachShadow` to put a MutationObserver on the widget's
//! shadow root the moment it exists (a document-level observer never sees inside a
//! shadow root), and stamps the first time each watched element is in it. Every wait and
//! timed click below reads those stamps or its own, taken in the page: WebDriver round
//! trips only fetch the numbers afterwards, so their latency is never part of one.

use anyhow::{bail, Result};
use serde_json::{json, Value};

use crate::chromium::Browser;

/// Stamps `products` (the start page's list), `question` (an article's question) and
/// `error` (a message instead) in `window.__sh.marks`, in ms since navigation start.
/// `__sh.until(test)` calls `test(root)` now and after every change in the widget until
/// it returns true.
pub const PROBE: &str = r#"(() => {
  if (window.__sh) return;
  const marks = {};
  const waiting = [];
  const WATCH = [['products', '.sh-products'], ['question', '.sh-question'], ['error', '.sh-error']];
  const check = (root) => {
    const now = performance.now();
    for (const [name, css] of WATCH) {
      if (!(name in marks) && root.querySelector(css)) marks[name] = now;
    }
    for (const test of waiting.splice(0)) if (!test(root)) waiting.push(test);
  };
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, init);
    if (this.localName === 'selfhelp-widget') {
      new MutationObserver(() => check(root))
        .observe(root, { childList: true, subtree: true, characterData: true });
    }
    return root;
  };
  const root = () => document.querySelector('selfhelp-widget')?.shadowRoot;
  window.__sh = {
    marks,
    root,
    until: (test) => { const r = root(); if (!(r && test(r))) waiting.push(test); },
  };
})();"#;

/// Resolves with the stamp of a mark once it is set, or with the widget's error message.
const WAIT_MARK: &str = r#"
const [name, done] = [arguments[0], arguments[arguments.length - 1]];
const sh = window.__sh;
if (!sh) return done({ error: 'the probe script did not run in this page' });
sh.until((root) => {
  if (name in sh.marks) { done({ ms: sh.marks[name] }); return true; }
  if ('error' in sh.marks) {
    done({ error: (root.querySelector('.sh-error')?.textContent || '').trim() });
    return true;
  }
  return false;
});"#;

/// Clicks the first element matching `css` (with this text, or an `href` holding this,
/// when given) and resolves with the ms from the click until `until` holds: a CSS
/// selector that matches, or `change`: the question's heading or step label differs from
/// before the click.
const TIMED_CLICK: &str = r#"
const [css, text, href, until, done] = [...arguments];
const sh = window.__sh;
const root = sh && sh.root();
if (!root) return done({ error: 'no widget' });
const target = [...root.querySelectorAll(css)].find((e) =>
  (text === null || e.textContent.trim() === text) &&
  (href === null || (e.getAttribute('href') || '').includes(href)));
if (!target) return done({ error: `nothing matches ${css} ${text || href || ''}` });
const view = (r) => {
  const q = r.querySelector('.sh-question');
  const p = r.querySelector('.sh-progress-label');
  return q ? `${q.textContent}|${p ? p.textContent : ''}` : null;
};
const before = view(root);
const settled = until === 'change'
  ? (r) => view(r) !== null && view(r) !== before
  : (r) => r.querySelector(until) !== null;
let start = 0;
sh.until((r) => {
  if (start === 0 || !settled(r)) return false;
  done({ ms: performance.now() - start });
  return true;
});
start = performance.now();
target.click();"#;

/// Shows more of a listing until the link to `id` is in it; resolves `{ok}` or `{error}`.
const REVEAL: &str = r#"
const [id, done] = [arguments[0], arguments[arguments.length - 1]];
const sh = window.__sh;
const links = (r) => [...r.querySelectorAll('.sh-articles a')];
const step = () => {
  const root = sh.root();
  if (links(root).some((a) => (a.getAttribute('href') || '').includes(id))) return done({ ok: true });
  const more = root.querySelector('.sh-show-more');
  if (!more) return done({ error: `no link to ${id} in the listing` });
  const count = links(root).length;
  sh.until((r) => { if (links(r).length <= count) return false; setTimeout(step); return true; });
  more.click();
};
step();"#;

/// Resolves `true` once a service worker controls the page; `false` after 10 s without.
const WORKER_IN_CONTROL: &str = r#"
const done = arguments[arguments.length - 1];
if (!('serviceWorker' in navigator)) return done(false);
if (navigator.serviceWorker.controller) return done(true);
navigator.serviceWorker.addEventListener('controllerchange', () => done(true), { once: true });
setTimeout(() => done(false), 10000);"#;

/// Every fetch of this document so far (the navigation first), with ms since its start.
const FETCHES: &str = r#"
return performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))
  .map((e) => ({ url: e.name, start: e.startTime, transfer: e.transferSize, worker: e.workerStart > 0 }));"#;

/// One fetch as the page's performance timeline lists it.
pub struct Fetch {
    pub url: String,
    /// Ms since the navigation started.
    pub start: f64,
    /// Bytes over the network; 0 when served from a cache or by the service worker.
    pub transfer: f64,
    /// Answered by the service worker (which may have fetched it from the network).
    pub worker: bool,
}

fn outcome(value: Value, what: &str) -> Result<f64> {
    if let Some(ms) = value.get("ms").and_then(Value::as_f64) {
        return Ok(ms);
    }
    let error = value
        .get("error")
        .and_then(Value::as_str)
        .unwrap_or("no answer");
    bail!("{what}: {error}")
}

/// Waits for a mark of [`PROBE`] and returns it (ms since navigation start).
pub async fn wait_mark(browser: &Browser, name: &str) -> Result<f64> {
    let value = browser.script_async(WAIT_MARK, vec![json!(name)]).await?;
    outcome(value, &format!("waiting for {name}"))
}

/// Clicks in the page and times it there; see [`TIMED_CLICK`].
pub async fn timed_click(
    browser: &Browser,
    css: &str,
    text: Option<&str>,
    href: Option<&str>,
    until: &str,
) -> Result<f64> {
    let args = vec![json!(css), json!(text), json!(href), json!(until)];
    let value = browser.script_async(TIMED_CLICK, args).await?;
    outcome(
        value,
        &format!("clicking {css} {}", text.or(href).unwrap_or("")),
    )
}

/// Makes the listing show the link to `id` (pressing "Show more" as a visitor would).
pub async fn reveal(browser: &Browser, id: &str) -> Result<()> {
    let value = browser.script_async(REVEAL, vec![json!(id)]).await?;
    if value.get("ok").is_none() {
        bail!(
            "{}",
            value.get("error").and_then(Value::as_str).unwrap_or("?")
        );
    }
    Ok(())
}

/// Waits for the service worker to control the page; see [`WORKER_IN_CONTROL`].
pub async fn worker_in_control(browser: &Browser) -> Result<bool> {
    let value = browser.script_async(WORKER_IN_CONTROL, vec![]).await?;
    Ok(value == json!(true))
}

pub async fn fetches(browser: &Browser) -> Result<Vec<Fetch>> {
    let value = browser.script(FETCHES, vec![]).await?;
    let list = value.as_array().cloned().unwrap_or_default();
    Ok(list
        .iter()
        .map(|e| Fetch {
            url: e["url"].as_str().unwrap_or_default().to_string(),
            start: e["start"].as_f64().unwrap_or(0.0),
            transfer: e["transfer"].as_f64().unwrap_or(0.0),
            worker: e["worker"].as_bool().unwrap_or(false),
        })
        .collect())
}

/// `performance.timeOrigin`: the navigation start in ms since the Unix epoch.
pub async fn time_origin(browser: &Browser) -> Result<f64> {
    let value = browser
        .script("return performance.timeOrigin;", vec![])
        .await?;
    Ok(value.as_f64().unwrap_or(0.0))
}
