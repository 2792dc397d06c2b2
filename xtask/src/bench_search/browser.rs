//! The engines in headless Chromium: every query twice, the second run timed.
//!
//! Pagefind gets a fresh page per query, so a fresh worker with nothing loaded: its
//! results are those of the first run, what it fetched is what the server logged for
//! that page, and its time is the second run's (`search` plus `data()` of the shown
//! results, its chunks and fragments loaded). Ours runs in one page with a fresh engine
//! per query: the first run fetches what its rounds need, the second is timed (the
//! engine's search, excerpts included, with every file it needs inserted).

use anyhow::{bail, Context, Result};
use serde_json::{json, Value};

use super::queries::Query;
use super::site::{Part, Site};
use super::LIMIT;
use crate::chromium::{self, Browser};
use crate::web_server::Server;

/// Queries per call into the page: a batch must end well within the driver's patience.
const BATCH: usize = 25;

/// The folder of an index in the site.
pub fn dir_name(plain: bool) -> &'static str {
    if plain {
        "plain"
    } else {
        "selfhelp"
    }
}

/// The pages, written into the site by `site.rs`.
pub const PAGES: [(&str, &str); 4] = [
    ("ours.html", PAGE_OURS),
    ("ours.js", SCRIPT_OURS),
    ("pagefind.html", PAGE_PAGEFIND),
    ("pagefind.js", SCRIPT_PAGEFIND),
];

const PAGE_OURS: &str = "<!DOCTYPE html><meta charset=\"utf-8\"><title>selfhelp search bench</title><script type=\"module\" src=\"/ours.js\"></script>";
const PAGE_PAGEFIND: &str = "<!DOCTYPE html><meta charset=\"utf-8\"><title>Pagefind bench</title><script type=\"module\" src=\"/pagefind.js\"></script>";

const SCRIPT_OURS: &str = r#"import init, { Engine } from '/wasm/selfhelp_search_web.js';
await init();
const get = async (url) => new Uint8Array(await (await fetch(url)).arrayBuffer());
window.benchOurs = async (base, queries, limit, plain) => {
  const root = await get(base + 'root');
  const out = [];
  for (const q of queries) {
    const engine = new Engine(root);
    let answer = engine.search_keys(q, limit, plain);
    for (let round = 0; answer.startsWith('need'); round++) {
      if (round > 12) throw new Error('too many rounds for ' + q);
      const ids = answer.slice(5).split(' ');
      const files = await Promise.all(ids.map((id) => get(base + id)));
      ids.forEach((id, i) => engine.insert(id, files[i]));
      answer = engine.search_keys(q, limit, plain);
    }
    const start = performance.now();
    const again = engine.search_keys(q, limit, plain);
    const ms = performance.now() - start;
    engine.free();
    out.push({ ms, keys: again.split('\n').slice(1) });
  }
  return out;
};
"#;

const SCRIPT_PAGEFIND: &str = r#"const pf = await import('/pagefind/pagefind.js');
const run = async (q, n) => {
  const start = performance.now();
  const search = await pf.search(q);
  const data = await Promise.all(search.results.slice(0, n).map((r) => r.data()));
  return { ms: performance.now() - start, keys: data.map((d) => d.meta.key) };
};
window.benchPagefind = async (q, n) => {
  const cold = await run(q, n);
  const warm = await run(q, n);
  return { keys: cold.keys, cold: cold.ms, warm: warm.ms };
};
"#;

/// Calls `window[name](...args)` once the page's module has defined it.
/// Calls the page's function `name` once its module has defined it; a module that never
/// does (it failed to load) is an error after 20 s, not webdriver's bare script timeout.
const CALL: &str = r#"const done = arguments[arguments.length - 1];
const [name, args] = arguments;
const until = Date.now() + 20000;
const go = () => window[name]
  ? window[name](...args).then(done, (e) => done({ error: String(e && e.stack || e) }))
  : Date.now() > until
    ? done({ error: `the page never defined ${name}: its module did not load (${document.readyState})` })
    : setTimeout(go, 5);
go();"#;

/// One query in the browser.
#[derive(Debug, Clone, Default)]
pub struct Timed {
    pub keys: Vec<String>,
    /// The second run, ms.
    pub ms: f64,
    /// Pagefind only: what its first run fetched (gzip bytes), index data and runtime.
    pub index_bytes: usize,
    pub runtime_bytes: usize,
}

pub struct Pages {
    pub ours: Vec<Timed>,
    pub plain: Vec<Timed>,
    pub pagefind: Vec<Timed>,
}

pub fn run(site: &Site, queries: &[Query]) -> Result<Pages> {
    let server = Server::serve(&site.dir)?;
    let runtime = chromium::runtime()?;
    runtime.block_on(async {
        let browser = Browser::start().await?;
        let measured = async {
            let selfhelp = ours(&browser, &server, queries, false).await?;
            let plain = ours(&browser, &server, queries, true).await?;
            let pagefind = pagefind(&browser, &server, site, queries).await?;
            Ok(Pages {
                ours: selfhelp,
                plain,
                pagefind,
            })
        }
        .await;
        browser.close().await;
        measured
    })
}

async fn ours(
    browser: &Browser,
    server: &Server,
    queries: &[Query],
    plain: bool,
) -> Result<Vec<Timed>> {
    browser.open(&format!("{}ours.html", server.url)).await?;
    let base = format!("/{}/", dir_name(plain));
    let mut out = Vec::new();
    for batch in queries.chunks(BATCH) {
        let texts: Vec<&str> = batch.iter().map(|q| q.text.as_str()).collect();
        let args = json!([base, texts, LIMIT, plain]);
        let value = call(browser, "benchOurs", args).await?;
        let Some(answers) = value.as_array() else {
            bail!("the page answered {value}");
        };
        out.extend(answers.iter().map(|answer| Timed {
            keys: keys(answer),
            ms: answer["ms"].as_f64().unwrap_or(0.0),
            ..Timed::default()
        }));
        let _ = server.take_hits();
    }
    eprintln!("xtask: {} queries timed in wasm ({base})", out.len());
    Ok(out)
}

async fn pagefind(
    browser: &Browser,
    server: &Server,
    site: &Site,
    queries: &[Query],
) -> Result<Vec<Timed>> {
    let mut out = Vec::new();
    for (number, query) in queries.iter().enumerate() {
        let _ = server.take_hits();
        browser
            .open(&format!("{}pagefind.html", server.url))
            .await?;
        let value = call(browser, "benchPagefind", json!([query.text, LIMIT]))
            .await
            .with_context(|| format!("Pagefind on {:?}", query.text))?;
        let mut timed = Timed {
            keys: keys(&value),
            ms: value["warm"].as_f64().unwrap_or(0.0),
            ..Timed::default()
        };
        for hit in server.take_hits() {
            match site.pagefind.weigh(&hit.path) {
                Some((Part::Index, bytes)) => timed.index_bytes += bytes,
                Some((Part::Runtime, bytes)) => timed.runtime_bytes += bytes,
                None => {}
            }
        }
        if timed.runtime_bytes == 0 {
            // A cached runtime would mean cached chunks too: the bytes would be wrong.
            bail!(
                "Pagefind's runtime was not fetched for {:?}: the browser cached it",
                query.text
            );
        }
        out.push(timed);
        if (number + 1) % 100 == 0 {
            eprintln!(
                "xtask: Pagefind: {} of {} queries",
                number + 1,
                queries.len()
            );
        }
    }
    Ok(out)
}

async fn call(browser: &Browser, name: &str, args: Value) -> Result<Value> {
    let value = browser.script_async(CALL, vec![json!(name), args]).await?;
    if let Some(error) = value.get("error") {
        bail!("the page failed: {error}");
    }
    Ok(value)
}

fn keys(answer: &Value) -> Vec<String> {
    answer["keys"]
        .as_array()
        .map(|keys| {
            keys.iter()
                .filter_map(|k| k.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}
