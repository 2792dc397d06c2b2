//! `cargo xtask size`: compressed bytes of every file of the release site, against the budget.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};

use crate::dist;
use crate::project_root;

/// The budget for the whole seed site, gzip -9: 160 KB with search and the loader in it.
const BUDGET_GZIP_BYTES: u64 = 160_000;

/// Files a build leaves for itself and for people, which no page fetches.
const BUILD_RECORDS: [&str; 4] = [
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
}

pub fn run(args: Args) -> Result<()> {
    let site = match args.dist {
        Some(dir) => dir,
        None => dist::run(dist::Args {
            content: project_root().join("content"),
            out: project_root().join("target").join("size-dist"),
            keep_going: false,
        })?,
    };
    report(&site)
}

/// Prints the table and fails when the total is over budget.
pub fn report(site: &Path) -> Result<()> {
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
    println!(
        "{:<44} {:>10} {:>10} {:>10}",
        "file", "raw", "gzip -9", "brotli 11"
    );
    let (mut raw_total, mut gzip_total, mut brotli_total) = (0, 0, 0);
    for file in &files {
        let bytes = std::fs::read(file).with_context(|| format!("reading {}", file.display()))?;
        let (raw, gzip, brotli) = (bytes.len() as u64, gzip_len(&bytes)?, brotli_len(&bytes)?);
        let name = file
            .strip_prefix(site)
            .unwrap_or(file)
            .display()
            .to_string();
        println!("{name:<44} {raw:>10} {gzip:>10} {brotli:>10}");
        raw_total += raw;
        gzip_total += gzip;
        brotli_total += brotli;
    }
    println!(
        "{:<44} {raw_total:>10} {gzip_total:>10} {brotli_total:>10}",
        "total"
    );
    println!("budget: {gzip_total} of {BUDGET_GZIP_BYTES} bytes gzip");
    for record in &records {
        let name = record.strip_prefix(site).unwrap_or(record).display();
        println!("not counted (never fetched by a page): {name}");
    }
    if gzip_total > BUDGET_GZIP_BYTES {
        bail!(
            "the site is over its size budget by {} bytes gzip",
            gzip_total - BUDGET_GZIP_BYTES
        );
    }
    Ok(())
}

fn collect(dir: &Path, files: &mut Vec<PathBuf>) -> Result<()> {
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

fn gzip_len(bytes: &[u8]) -> Result<u64> {
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
