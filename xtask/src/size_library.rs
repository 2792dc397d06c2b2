//! `cargo xtask size --library`: what a visitor downloads from library sites of 100,
//! 1,000 and every corpus article, measured in headless Chromium from a cold cache.
//!
//! Two cold visits per site (`visit.rs`, a fresh profile each): the start page, until the
//! product list is in the widget, and the sample article's deep link, until its first
//! question is. Printed side by side with the site's own numbers, then the targets.

use std::path::PathBuf;

use anyhow::{bail, Result};

use crate::chromium;
use crate::library::{self, Site, SAMPLE_ID};
use crate::table::{header, row, thousands};
use crate::visit::{self, Files, Visit};
use crate::web_server::Server;

/// Targets for the sample's first question, from a cold cache.
const QUESTION_GZIP_BYTES: u64 = 200_000;
const QUESTION_REQUESTS: usize = 8;
/// How much more the whole corpus's site may cost than the 100-article one.
const SCALE_TOLERANCE: f64 = 0.05;

pub fn run(corpus: Option<PathBuf>) -> Result<()> {
    let Some(corpus) = library::corpus(corpus, "size --library") else {
        return Ok(());
    };
    let sites = library::build_sites(&corpus)?;
    let runtime = chromium::runtime()?;
    let mut columns = Vec::new();
    for site in &sites {
        let files = Files::of(&site.dir)?;
        let server = Server::serve(&site.dir)?;
        let start = runtime.block_on(visit::cold(&server, &files, "", "products"))?;
        let deep_link = format!("#/article/{SAMPLE_ID}");
        let question = runtime.block_on(visit::cold(&server, &files, &deep_link, "question"))?;
        columns.push(Column {
            files,
            start,
            question,
        });
    }
    print(&sites, &columns)
}

/// The kinds of file a visit fetches, by where they live in the site.
fn kind(path: &str) -> &'static str {
    match path.split('/').next().unwrap_or_default() {
        "chunks" => "chunk",
        "lookup" => "lookup bucket",
        "catalog" => "catalogue page",
        "search" => "search index",
        "bundle.bin" => "entry (bundle.bin)",
        _ if path.starts_with("favicon") => "icon",
        _ if path.ends_with(".wasm") => "wasm",
        _ if path.ends_with(".js") => "script",
        _ if path.ends_with(".css") => "styles",
        _ => "page and other",
    }
}

/// Which of a column's visits a section of the table shows.
type VisitOf = fn(&Column) -> &Visit;

/// One site's numbers.
struct Column {
    files: Files,
    start: Visit,
    question: Visit,
}

fn print(sites: &[Site], columns: &[Column]) -> Result<()> {
    let cells = |f: &dyn Fn(&Site, &Column) -> String| -> Vec<String> {
        sites.iter().zip(columns).map(|(s, c)| f(s, c)).collect()
    };
    println!();
    header("library sites (gzip -9 bytes, cold cache)", sites);
    row("articles published", &cells(&|s, _| thousands(s.published)));
    row(
        "site files (of them chunks)",
        &cells(&|_, c| {
            let (files, chunks) = (c.files.gzip.len(), c.files.chunks().count());
            format!("{} ({})", thousands(files as u64), thousands(chunks as u64))
        }),
    );
    let total = |c: &Column| c.files.gzip.values().sum::<u64>();
    row("whole site", &cells(&|_, c| thousands(total(c))));
    let largest = |c: &Column| c.files.chunks().max().unwrap_or(0);
    row("largest chunk", &cells(&|_, c| thousands(largest(c))));
    let sections: [(&str, VisitOf); 2] = [
        ("start page", |c| &c.start),
        ("first question (deep link)", |c| &c.question),
    ];
    for (title, visit) in sections {
        row(
            &format!("{title}: requests"),
            &cells(&|_, c| visit(c).fetched.len().to_string()),
        );
        row(
            &format!("{title}: bytes"),
            &cells(&|_, c| thousands(visit(c).gzip)),
        );
        let mut kinds: Vec<&str> = columns
            .iter()
            .flat_map(|c| visit(c).fetched.iter().map(|p| kind(p)))
            .collect();
        kinds.sort_unstable();
        kinds.dedup();
        for k in kinds {
            row(
                &format!("  {k}"),
                &cells(&|_, c| {
                    let paths: Vec<&String> =
                        visit(c).fetched.iter().filter(|p| kind(p) == k).collect();
                    let bytes: u64 = paths.iter().filter_map(|p| c.files.gzip.get(*p)).sum();
                    match paths.len() {
                        0 => "-".to_string(),
                        n => format!("{n} × {}", thousands(bytes)),
                    }
                }),
            );
        }
    }
    let failed = targets(sites, columns);
    for (site, column) in sites.iter().zip(columns) {
        let label = format!("{} articles", thousands(site.articles as u64));
        for (title, visit) in [
            ("start page", &column.start),
            ("first question", &column.question),
        ] {
            for note in &visit.notes {
                println!("note: {label}, {title}: {note}");
            }
        }
    }
    if failed > 0 {
        bail!("{failed} of the library targets missed");
    }
    Ok(())
}

/// Prints the targets with a mark each; returns how many missed.
fn targets(sites: &[Site], columns: &[Column]) -> usize {
    let mut failed = 0;
    let mut mark = |ok: bool, text: String| {
        failed += usize::from(!ok);
        format!("{} {text}", if ok { "pass" } else { "FAIL" })
    };
    println!();
    header("targets: the sample's first question, cold", sites);
    let cells: Vec<String> = columns
        .iter()
        .map(|c| {
            mark(
                c.question.gzip <= QUESTION_GZIP_BYTES,
                thousands(c.question.gzip),
            )
        })
        .collect();
    row(
        &format!("  at most {} bytes gzip", thousands(QUESTION_GZIP_BYTES)),
        &cells,
    );
    let cells: Vec<String> = columns
        .iter()
        .map(|c| {
            mark(
                c.question.fetched.len() <= QUESTION_REQUESTS,
                c.question.fetched.len().to_string(),
            )
        })
        .collect();
    row(&format!("  at most {QUESTION_REQUESTS} requests"), &cells);
    // Growth over the smallest site; only the whole corpus's is the target, the
    // middle one is shown for the trend.
    let base = &columns[0].question;
    let growth = |now: f64, then: f64| if then > 0.0 { now / then - 1.0 } else { 0.0 };
    let last = columns.len() - 1;
    let mut scale = |value: fn(&Visit) -> f64| -> Vec<String> {
        columns
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let g = growth(value(&c.question), value(base));
                let text = format!("{:+.1}%", g * 100.0);
                match i {
                    0 => "-".to_string(),
                    i if i == last => mark(g <= SCALE_TOLERANCE, text),
                    _ => text,
                }
            })
            .collect()
    };
    let tolerance = SCALE_TOLERANCE * 100.0;
    row(
        &format!("  bytes within {tolerance:.0}% of the 100-article site"),
        &scale(|v| v.gzip as f64),
    );
    row(
        &format!("  requests within {tolerance:.0}% of it"),
        &scale(|v| v.fetched.len() as f64),
    );
    failed
}
