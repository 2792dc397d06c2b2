//! `cargo xtask bench --web`: page timings of the library sites (100, 1,000 and every
//! corpus article) in headless Chromium, medians and 90th percentiles over `--runs`.
//!
//! Every number is taken inside the page with `performance.now()` (`probe.rs`): the
//! cold ones from the navigation start (a stamp set by a MutationObserver on the
//! widget's shadow root), the clicks from just before an in-page `click()` to the change.
//! Each run opens two fresh Chromium profiles per site, since a cold visit must not find
//! the previous one's cache or service worker:
//! - the sample's deep link, until its first question (cold), then one step: its first
//!   answer clicked, until the next question's heading (or step label) differs;
//! - the start page (cold), then the sample's product (and topic) as a visitor browses
//!   to it, then the article's link clicked, until its first question shows (warm: the
//!   app and the entry are loaded, the article's chunk is not).
//!
//! The clicks wait for the service worker to control the page and for the network to go
//! quiet first: the worker installs right after the widget starts, downloads the app
//! shell again, then fetches and stores what the page fetched before it; a click timed
//! during that work measured the worker more than the widget (by some 30 ms here, and
//! unevenly: the longer way to the 12,941-article site's listing left it time to end).
//! The in-page `click()` sends no pointer events, so the listing's hover prefetch does
//! not start early: the browse click pays for the article's fetch in full, as a click
//! that follows its hover at once would.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};

use crate::chromium::{self, Browser};
use crate::library::{self, BrowsePath, SAMPLE_ID};
use crate::probe;
use crate::table::{header, row};
use crate::web_server::Server;

/// Which of a site's samples a line of the table shows.
type Metric = fn(&Samples) -> &Vec<f64>;

/// The measured times of one site, in ms, one value per run.
#[derive(Default)]
struct Samples {
    cold_question: Vec<f64>,
    start_page: Vec<f64>,
    browse: Vec<f64>,
    step: Vec<f64>,
    /// Sessions whose service worker never took control or whose network never went
    /// quiet (the clicks were timed anyway).
    unsettled: usize,
}

pub fn run(runs: usize, corpus: Option<PathBuf>) -> Result<()> {
    let Some(corpus) = library::corpus(corpus, "bench --web") else {
        return Ok(());
    };
    let sites = library::build_sites(&corpus)?;
    let paths = sites
        .iter()
        .map(|s| library::browse_path(&s.dir, SAMPLE_ID))
        .collect::<Result<Vec<_>>>()?;
    let servers = sites
        .iter()
        .map(|s| Server::serve(&s.dir))
        .collect::<Result<Vec<_>>>()?;
    let runtime = chromium::runtime()?;
    let mut samples: Vec<Samples> = sites.iter().map(|_| Samples::default()).collect();
    let runs = runs.max(1);
    let load_before = load_average();
    for run in 0..runs {
        // The sites take turns within each run, so the host's drift touches all alike.
        for ((server, path), samples) in servers.iter().zip(&paths).zip(&mut samples) {
            let context = || format!("run {} on {}", run + 1, server.url);
            let (cold, step, settled) =
                runtime.block_on(deep_link(server)).with_context(context)?;
            let (start, browse, settled_too) = runtime
                .block_on(browse(server, path))
                .with_context(context)?;
            samples.unsettled += usize::from(!settled) + usize::from(!settled_too);
            samples.cold_question.push(cold);
            samples.step.push(step);
            samples.start_page.push(start);
            samples.browse.push(browse);
        }
        eprintln!("xtask: web run {} of {runs} done", run + 1);
    }
    println!();
    header(
        &format!("page timings, ms: median / p90 of {runs} runs"),
        &sites,
    );
    let lines: [(&str, Metric); 4] = [
        ("deep link to first question, cold", |s| &s.cold_question),
        ("start page, cold", |s| &s.start_page),
        ("browse: article click to first question", |s| &s.browse),
        ("step: answer click to next question", |s| &s.step),
    ];
    for (label, values) in lines {
        let cells: Vec<String> = samples
            .iter()
            .map(|s| {
                let v = values(s);
                format!("{:.0} / {:.0}", percentile(v, 0.5), percentile(v, 0.9))
            })
            .collect();
        row(label, &cells);
    }
    for (site, path) in sites.iter().zip(&paths) {
        let topic = path
            .topic
            .as_deref()
            .map_or(String::new(), |t| format!(" → {t}"));
        println!(
            "browsed ({} articles): start → {}{topic} → {}",
            site.articles, path.product, path.title
        );
    }
    for (site, samples) in sites.iter().zip(&samples) {
        if samples.unsettled > 0 {
            println!(
                "note ({} articles): in {} sessions the worker or the network did not settle",
                site.articles, samples.unsettled
            );
        }
    }
    println!(
        "load average (1 min) before and after: {load_before} / {}; the host is shared",
        load_average()
    );
    Ok(())
}

/// A cold visit to the sample's deep link, then its first answer clicked.
async fn deep_link(server: &Server) -> Result<(f64, f64, bool)> {
    let browser = Browser::start().await?;
    let timed = async {
        browser.inject(probe::PROBE).await?;
        let url = format!("{}index.html#/article/{SAMPLE_ID}", server.url);
        browser.open(&url).await?;
        let cold = probe::wait_mark(&browser, "question").await?;
        let settled = settle(&browser, server).await?;
        let step = probe::timed_click(&browser, ".sh-step button", None, None, "change").await?;
        Ok((cold, step, settled))
    }
    .await;
    browser.close().await;
    timed
}

/// A cold start page, then browsing to the sample: the last click is the one timed.
async fn browse(server: &Server, path: &BrowsePath) -> Result<(f64, f64, bool)> {
    let browser = Browser::start().await?;
    let timed = async {
        browser.inject(probe::PROBE).await?;
        browser.open(&format!("{}index.html", server.url)).await?;
        let start = probe::wait_mark(&browser, "products").await?;
        let settled = settle(&browser, server).await?;
        let shows = if path.topic.is_some() {
            ".sh-topics"
        } else {
            ".sh-articles"
        };
        let product = Some(path.product.as_str());
        probe::timed_click(&browser, ".sh-products a", product, None, shows).await?;
        if let Some(topic) = path.topic.as_deref() {
            probe::timed_click(&browser, ".sh-topics a", Some(topic), None, ".sh-articles").await?;
        }
        probe::reveal(&browser, SAMPLE_ID).await?;
        let link = Some(SAMPLE_ID);
        let opened =
            probe::timed_click(&browser, ".sh-articles a", None, link, ".sh-question").await?;
        Ok((start, opened, settled))
    }
    .await;
    browser.close().await;
    timed
}

/// Waits for the service worker to control the page, then for 300 ms without a request
/// reaching the server (the browser and its worker have stopped fetching); false when
/// either has not happened within 10 s.
async fn settle(browser: &Browser, server: &Server) -> Result<bool> {
    let in_control = probe::worker_in_control(browser).await?;
    let started = Instant::now();
    while server.idle_ms() < 300.0 {
        if started.elapsed() > Duration::from_secs(10) {
            return Ok(false);
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    Ok(in_control)
}

/// The nearest-rank percentile (`0.5`: the median, the lower one of an even count); 0 for
/// none.
fn percentile(values: &[f64], p: f64) -> f64 {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let rank = ((p * sorted.len() as f64).ceil() as usize).max(1);
    sorted.get(rank - 1).copied().unwrap_or(0.0)
}

fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|l| l.split_whitespace().next().map(String::from))
        .unwrap_or_else(|| "?".into())
}

#[cfg(test)]
mod tests {
    use super::percentile;

    #[test]
    fn percentiles_by_nearest_rank() {
        let values: Vec<f64> = (1..=10).map(f64::from).collect();
        assert_eq!(percentile(&values, 0.5), 5.0);
        assert_eq!(percentile(&values, 0.9), 9.0);
        assert_eq!(percentile(&[3.0], 0.9), 3.0);
        assert_eq!(percentile(&[], 0.5), 0.0);
    }
}
