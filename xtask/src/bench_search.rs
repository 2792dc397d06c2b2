//! `cargo xtask bench --search`: our search against Pagefind and plain BM25 on the corpus.
//!
//! All three engines index the same documents (`corpus_documents`: every playable article
//! with its passages and facets) and answer the same queries:
//! - ours and plain BM25 are two indexes built here (`Config::default`, `Config::plain`);
//!   their relevance and the bytes of a first query are measured natively with the
//!   engine's own driver (a fresh `Searcher` per query, so nothing is cached), their
//!   query times in headless Chromium through the widget's engine module (`search-web`,
//!   built with its `bench` feature: one extra method that answers in plain text);
//! - Pagefind indexes the same text with its Node API, and everything about it comes from
//!   its own engine in the browser: its results, the files its worker fetched (from the
//!   server's log, a fresh page and worker per query) and its times.
//!
//! The queries are generated from the corpus at run time with a fixed seed (no corpus
//! text is stored), plus the hand-written `xtask/search-queries.txt`.

mod browser;
mod codes;
mod corpus;
mod index;
mod metrics;
mod misses;
mod native;
mod pagefind;
mod phrasing;
mod queries;
mod real;
mod report;
mod scale;
mod site;

use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, Result};

use crate::process::{command, exec};
use crate::project_root;
use crate::tools::{self, Need};

/// Hits asked of every engine: MRR@10 needs ten.
pub const LIMIT: usize = 10;

pub fn run(corpus: Option<PathBuf>, quick: bool) -> Result<()> {
    let Some(dir) = crate::library::corpus(corpus, "bench --search") else {
        return Ok(());
    };
    if cfg!(debug_assertions) {
        // Analysing and indexing 13,000 articles twice takes minutes in a debug build and
        // seconds in release: run the release binary, as `bench` runs its phases.
        exec(command(
            "cargo",
            &["build", "--quiet", "--release", "-p", "xtask"],
        ))?;
        let mut child = command(
            project_root().join("target/release/xtask"),
            &["bench", "--search"],
        );
        child.arg("--corpus").arg(&dir);
        if quick {
            child.arg("--quick");
        }
        return exec(child);
    }
    measure(&dir, quick)
}

fn measure(corpus: &Path, quick: bool) -> Result<()> {
    let work = project_root().join("target").join("bench-search");
    let started = Instant::now();
    let (docs, products) =
        selfhelp_compiler::site::search::corpus_documents(&[corpus.to_path_buf()]);
    eprintln!(
        "xtask: {} documents in {} products ({:.1} s)",
        docs.len(),
        products.len(),
        started.elapsed().as_secs_f64()
    );
    let synonyms_path = project_root().join("content/synonyms.txt");
    let synonyms_text = std::fs::read_to_string(&synonyms_path)
        .with_context(|| format!("reading {}", synonyms_path.display()))?;
    let (synonyms, errors) = selfhelp_search::Synonyms::parse(&synonyms_text);
    if !errors.is_empty() {
        eprintln!("xtask: {} synonym lines refused", errors.len());
    }
    let ours = index::build("selfhelp", &docs, &synonyms, false);
    let plain = index::build("plain BM25", &docs, &synonyms, true);
    let mut set = queries::generate(&docs);
    set.extend(real::load(
        &project_root().join("xtask/search-queries.txt"),
        &docs,
    )?);
    eprintln!("xtask: {} queries", set.len());
    let ours_native = native::run(&ours, &set)?;
    let plain_native = native::run(&plain, &set)?;
    if quick {
        report::native(&set, &[(&ours, &ours_native), (&plain, &plain_native)]);
        report::split(&set, &ours_native);
        scale::heaviest(&set, &ours_native, &ours, 12);
        scale::typeahead(&set, &ours, &ours_native)?;
        return scale::print(&docs, &synonyms, &set, &ours, &ours_native);
    }
    let path = tools::ensure_all(Need::Browser)?;
    pagefind::ensure()?;
    let site = site::prepare(&work, &docs, &products, &[&ours, &plain], &path)?;
    let pages = browser::run(&site, &set)?;
    let engines = [
        report::Engine::ours(&ours, &ours_native, &pages.ours, site.engine_bytes),
        report::Engine::pagefind(&site.pagefind, &pages.pagefind),
        report::Engine::ours(&plain, &plain_native, &pages.plain, site.engine_bytes),
    ];
    report::print(&set, &docs, &engines);
    report::split(&set, &ours_native);
    scale::heaviest(&set, &ours_native, &ours, 5);
    scale::typeahead(&set, &ours, &ours_native)?;
    scale::print(&docs, &synonyms, &set, &ours, &ours_native)?;
    misses::print(&set, &docs, &engines);
    misses::dump(&work.join("results.json"), &set, &engines)?;
    for (label, native, page) in [
        ("selfhelp", &ours_native, &pages.ours),
        ("plain BM25", &plain_native, &pages.plain),
    ] {
        let differ = native.iter().zip(page).filter(|(n, p)| n.keys != p.keys);
        let differ = differ.count();
        if differ > 0 {
            println!("note: {label}: {differ} queries ranked otherwise in wasm than natively");
        }
    }
    println!(
        "load average (1, 5, 15 min) at the end: {}; the host is shared",
        std::fs::read_to_string("/proc/loadavg")
            .unwrap_or_default()
            .split_whitespace()
            .take(3)
            .collect::<Vec<_>>()
            .join(" ")
    );
    Ok(())
}
