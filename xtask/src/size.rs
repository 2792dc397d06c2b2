//! `cargo xtask size`: compressed bytes of every file of the release site, against the budget.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};

use crate::dist;
use crate::project_root;

/// The budget for the whole seed site, gzip -9 (issue 8): the app, the search engine,
/// the worker and the content; the embedding demo page is a host's, not the site's.
const BUDGET_GZIP_BYTES: u64 = 150_000;

/// When a visitor's browser fetches a file of the site.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum Fetched {
    /// To show the first page and play an article.
    ToPlay,
    /// After the first page shows: the offline worker.
    Afterwards,
    /// On a visitor's first search: the engine and the index's files.
    OnSearch,
    /// Never by the site's own page: the embedding demo.
    Demo,
}

impl Fetched {
    fn of(name: &str) -> Fetched {
        if name.starts_with("embed.") {
            Fetched::Demo
        } else if name.starts_with("search") {
            Fetched::OnSearch
        } else if name == "sw.js" {
            Fetched::Afterwards
        } else {
            Fetched::ToPlay
        }
    }

    fn describe(self) -> &'static str {
        match self {
            Fetched::ToPlay => "to play an article (page, app, content)",
            Fetched::Afterwards => "after the first page (offline worker)",
            Fetched::OnSearch => "on the first search (engine and index)",
            Fetched::Demo => "embedding demo page (not counted)",
        }
    }
}

/// Files a build leaves for itself and for people, which no page fetches.
pub const BUILD_RECORDS: [&str; 4] = [
    "build-report.json",
    "build-manifest.json",
    "app-manifest.json",
    "bundle.json",
];

#[derive(clap::Args)]
pub struct Args {
    /// Measure this already-built site instead of building one.
    #[arg(long)]
    pub dist: Option<PathBuf>,
    /// Instead: build library sites of 100, 1,000 and every corpus article, and measure
    /// in headless Chromium what a visitor downloads (`size_library.rs`).
    #[arg(long, conflicts_with = "dist")]
    pub library: bool,
    /// The corpus for `--library` (default: ../shared/corpus/articles beside the workspace).
    #[arg(long, requires = "library")]
    pub corpus: Option<PathBuf>,
}

pub fn run(args: Args) -> Result<()> {
    if args.library {
        return crate::size_library::run(args.corpus);
    }
    let site = match args.dist {
        Some(dir) => dir,
        None => dist::run(dist::Args {
            content: project_root().join("content"),
            out: project_root().join("target").join("size-dist"),
            keep_going: false,
            max_files: None,
            single_file: false,
        })?,
    };
    report(&site)
}

/// Prints the table and fails when the total is over budget.
pub fn report(site: &Path) -> Result<()> {
    let (total, over) = print_report(site)?;
    if over {
        bail!(
            "the site is over its size budget by {} bytes gzip",
            total - BUDGET_GZIP_BYTES
        );
    }
    Ok(())
}

/// Prints the table: the site's gzip total and whether it is over budget.
pub fn print_report(site: &Path) -> Result<(u64, bool)> {
    let mut files = Vec::new();
    collect(site, &mut files)?;
    files.sort();
    // The build's own records stay on the host for the next build and for people; no
    // visitor's page fetches them.
    let (records, files): (Vec<PathBuf>, Vec<PathBuf>) = files.into_iter().partition(|f| {
        f.file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| BUILD_RECORDS.contains(&n))
    });
    // A site folder keeps the previous build's files for pages still open: they are
    // not this build's size.
    let current = current_build(site);
    let (files, previous): (Vec<PathBuf>, Vec<PathBuf>) = files.into_iter().partition(|f| {
        let name = f
            .strip_prefix(site)
            .unwrap_or(f)
            .to_string_lossy()
            .replace('\\', "/");
        current
            .as_ref()
            .is_none_or(|current| current.contains(&name))
    });
    println!(
        "{:<44} {:>10} {:>10} {:>10}",
        "file", "raw", "gzip -9", "brotli 11"
    );
    let (mut raw_total, mut gzip_total, mut brotli_total) = (0, 0, 0);
    let mut by_moment = std::collections::BTreeMap::<Fetched, u64>::new();
    for file in &files {
        let bytes = std::fs::read(file).with_context(|| format!("reading {}", file.display()))?;
        let (raw, gzip, brotli) = (bytes.len() as u64, gzip_len(&bytes)?, brotli_len(&bytes)?);
        let name = file
            .strip_prefix(site)
            .unwrap_or(file)
            .display()
            .to_string();
        println!("{name:<44} {raw:>10} {gzip:>10} {brotli:>10}");
        let moment = Fetched::of(&name);
        *by_moment.entry(moment).or_default() += gzip;
        if moment == Fetched::Demo {
            continue;
        }
        raw_total += raw;
        gzip_total += gzip;
        brotli_total += brotli;
    }
    println!(
        "{:<44} {raw_total:>10} {gzip_total:>10} {brotli_total:>10}",
        "total (without the demo)"
    );
    for (moment, gzip) in &by_moment {
        println!("  {:<42} {gzip:>21}", moment.describe());
    }
    let over = gzip_total > BUDGET_GZIP_BYTES;
    println!(
        "budget: {gzip_total} of {BUDGET_GZIP_BYTES} bytes gzip{}",
        if over { ": OVER BUDGET" } else { "" }
    );
    for record in &records {
        let name = record.strip_prefix(site).unwrap_or(record).display();
        println!("not counted (never fetched by a page): {name}");
    }
    if !previous.is_empty() {
        println!(
            "not counted: {} files of the previous build, kept for pages still open",
            previous.len()
        );
    }
    Ok((gzip_total, over))
}

/// The files of the site's last build, by site-relative path, from its manifests (the
/// app's and the content's); `None` where a folder has no manifests to tell.
fn current_build(site: &Path) -> Option<std::collections::HashSet<String>> {
    let read = |name: &str| -> Option<serde_json::Value> {
        serde_json::from_slice(&std::fs::read(site.join(name)).ok()?).ok()
    };
    let app = read("app-manifest.json")?;
    let content = read("build-manifest.json")?;
    let names = |value: Option<&serde_json::Value>| -> Vec<String> {
        value
            .and_then(|v| v.as_array())
            .map(|list| {
                list.iter()
                    .filter_map(|n| n.as_str().map(String::from))
                    .collect()
            })
            .unwrap_or_default()
    };
    let mut current: std::collections::HashSet<String> =
        names(app.get("current")).into_iter().collect();
    current.extend(names(content.get("files")));
    current.insert("bundle.bin".to_string());
    Some(current)
}

pub fn collect(dir: &Path, files: &mut Vec<PathBuf>) -> Result<()> {
    for entry in std::fs::read_dir(dir).with_context(|| format!("reading {}", dir.display()))? {
        let path = entry?.path();
        if path.is_dir() {
            collect(&path, files)?;
        } else {
            files.push(path);
        }
    }
    Ok(())
}

pub fn gzip_len(bytes: &[u8]) -> Result<u64> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes)?;
    Ok(encoder.finish()?.len() as u64)
}

fn brotli_len(bytes: &[u8]) -> Result<u64> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params)?;
    Ok(out.len() as u64)
}
