//! One cold visit to a site and the files it fetched before the widget showed something.
//!
//! A fresh Chromium profile opens one address and waits for a mark of the probe
//! (`probe::PROBE`: a MutationObserver on the widget's shadow root, installed before any
//! page script runs, stamps the moment an element first appears). The requests are the
//! page's performance timeline (navigation and resources) up to that stamp, each file
//! counted at its gzip -9 size (the test server, like a plain static host, does not
//! compress).
//!
//! How only what came before the stamp is counted: the timeline is read half a second
//! after it (so fetches still under way are listed too) and filtered on `startTime <=
//! stamp`. The service worker registers after the widget starts; its own fetches (its
//! script, the app shell it keeps) are never in the page's timeline. The server's log of
//! the same visit checks both: every page fetch must match a request that reached the
//! server before the stamp (same clock: `performance.timeOrigin` is epoch time), and the
//! requests left over, the worker's set apart by their headers, are printed as notes.

use std::collections::HashMap;
use std::path::Path;

use anyhow::Result;
use rayon::prelude::*;

use crate::chromium::Browser;
use crate::probe;
use crate::size::{collect, gzip_len, BUILD_RECORDS};
use crate::table::thousands;
use crate::web_server::{Hit, Server};

/// Time for fetches under way at the stamp to finish and reach the timeline.
const SETTLE: std::time::Duration = std::time::Duration::from_millis(500);

/// The files of a site a host serves, by site-relative path, with their numbers.
pub struct Files {
    pub gzip: HashMap<String, u64>,
}

impl Files {
    /// gzip -9 of every file but the build's records (no page fetches those).
    pub fn of(site: &Path) -> Result<Files> {
        let mut paths = Vec::new();
        collect(site, &mut paths)?;
        let gzip = paths
            .par_iter()
            .filter_map(|path| {
                let relative = path.strip_prefix(site).ok()?.to_string_lossy();
                let relative = relative.replace('\\', "/");
                (!BUILD_RECORDS.contains(&relative.as_str())).then_some((relative, path))
            })
            .map(|(relative, path)| Ok((relative, gzip_len(&std::fs::read(path)?)?)))
            .collect::<Result<_>>()?;
        Ok(Files { gzip })
    }

    pub fn chunks(&self) -> impl Iterator<Item = u64> + '_ {
        let chunk = |(name, _): &(&String, &u64)| name.starts_with("chunks/");
        self.gzip.iter().filter(chunk).map(|(_, g)| *g)
    }
}

/// What a visit fetched before the element showed, and what did not count.
pub struct Visit {
    /// Site-relative paths, in the order the fetches started.
    pub fetched: Vec<String>,
    pub gzip: u64,
    pub notes: Vec<String>,
}

/// A cold visit to `index.html<hash>`, until the probe's mark `mark`.
pub async fn cold(server: &Server, files: &Files, hash: &str, mark: &str) -> Result<Visit> {
    let browser = Browser::start().await?;
    let seen = async {
        browser.inject(probe::PROBE).await?;
        server.take_hits();
        let url = format!("{}index.html{hash}", server.url);
        browser.open(&url).await?;
        let shown = probe::wait_mark(&browser, mark).await?;
        tokio::time::sleep(SETTLE).await;
        let origin = probe::time_origin(&browser).await?;
        Ok::<_, anyhow::Error>((shown, origin, probe::fetches(&browser).await?))
    }
    .await;
    browser.close().await;
    let (shown, origin, fetches) = seen?;
    let hits = server.take_hits();
    let relative = |url: &str| -> String {
        let path = url.strip_prefix(&server.url).unwrap_or(url);
        let path = path.split(['?', '#']).next().unwrap_or_default();
        if path.is_empty() { "index.html" } else { path }.to_string()
    };
    let mut visit = Visit {
        fetched: Vec::new(),
        gzip: 0,
        notes: Vec::new(),
    };
    let mut later = Vec::new();
    for fetch in &fetches {
        let path = relative(&fetch.url);
        if fetch.start > shown {
            later.push(path);
            continue;
        }
        if fetch.worker {
            visit
                .notes
                .push(format!("{path} went through the service worker"));
        } else if fetch.transfer == 0.0 {
            visit
                .notes
                .push(format!("{path} came from the browser's cache"));
        }
        match files.gzip.get(&path) {
            Some(gzip) => visit.gzip += gzip,
            None => visit
                .notes
                .push(format!("{} is no file of the site", fetch.url)),
        }
        if visit.fetched.contains(&path) {
            visit.notes.push(format!("{path} was fetched twice"));
        }
        visit.fetched.push(path);
    }
    if !later.is_empty() {
        let later = later.join(", ");
        visit
            .notes
            .push(format!("after it showed, not counted: {later}"));
    }
    // Each page fetch takes its request off the server's log: the page's own, else the
    // worker's (a worker that controls the page forwards the page's fetches).
    let served_path =
        |h: &Hit| relative(&format!("{}{}", server.url, h.path.trim_start_matches('/')));
    let mut before: Vec<&Hit> = hits.iter().filter(|h| h.at_ms <= origin + shown).collect();
    for path in &visit.fetched {
        let at = (before.iter())
            .position(|h| !h.worker && served_path(h) == *path)
            .or_else(|| before.iter().position(|h| served_path(h) == *path));
        match at {
            Some(at) => drop(before.remove(at)),
            None => visit.notes.push(format!("{path} never reached the server")),
        }
    }
    let (worker, other): (Vec<&Hit>, Vec<&Hit>) = before.into_iter().partition(|h| h.worker);
    if !worker.is_empty() {
        let names: Vec<String> = worker.iter().map(|h| served_path(h)).collect();
        let bytes: u64 = names.iter().filter_map(|n| files.gzip.get(n)).sum();
        visit.notes.push(format!(
            "the service worker fetched {} files ({} bytes gzip) before it showed, not counted: {}",
            worker.len(),
            thousands(bytes),
            worker
                .iter()
                .map(|h| shown_path(h))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    if !other.is_empty() {
        let names: Vec<&str> = other.iter().map(|h| shown_path(h)).collect();
        let names = names.join(", ");
        visit.notes.push(format!(
            "the server also answered, outside the page's timeline: {names}"
        ));
    }
    Ok(visit)
}

/// A request's path as printed: the site root as `./`.
fn shown_path(hit: &Hit) -> &str {
    match hit.path.trim_start_matches('/') {
        "" => "./",
        path => path,
    }
}
