//! The table: the three engines side by side, and the product's targets with pass/fail.

use selfhelp_search::Document;

use super::browser::Timed;
use super::index::{Index, Part};
use super::metrics::{mean, percentile, recall_at_5, reciprocal_rank};
use super::native::Answer;
use super::queries::{Category, Query};
use super::site::Pagefind;

const LABEL: usize = 42;
const CELL: usize = 15;
/// "Clearly ahead": at least this many times the better of the other two.
const AHEAD: f64 = 1.10;
/// A first query of up to four words, gzip bytes beyond the app.
const FIRST_QUERY_BUDGET: usize = 60_000;
const MEDIAN_MS: f64 = 10.0;
const P95_MS: f64 = 50.0;

/// What the table shows of one engine, per query in the set's order.
pub struct Engine {
    pub name: &'static str,
    pub index_bytes: usize,
    pub index_files: usize,
    /// Index bytes (gzip) a first query fetched.
    pub first: Vec<usize>,
    /// Pagefind's runtime as each fresh page fetched it; none for ours (its page loads
    /// the engine once, outside the timed runs).
    pub runtime: Option<Vec<usize>>,
    /// Ours: the engine's wasm and glue (the bench build).
    pub engine: Option<usize>,
    pub ms: Vec<f64>,
    pub keys: Vec<Vec<String>>,
}

impl Engine {
    /// Ours: relevance and bytes from the native runs (the same engine), times from wasm.
    pub fn ours(index: &Index, native: &[Answer], page: &[Timed], engine: usize) -> Engine {
        Engine {
            name: index.name,
            index_bytes: index.total_gzip(),
            index_files: index.files(),
            first: native.iter().map(|a| a.bytes).collect(),
            runtime: None,
            engine: Some(engine),
            ms: page.iter().map(|t| t.ms).collect(),
            keys: native.iter().map(|a| a.keys.clone()).collect(),
        }
    }

    pub fn pagefind(files: &Pagefind, page: &[Timed]) -> Engine {
        Engine {
            name: "Pagefind",
            index_bytes: files.index_bytes,
            index_files: files.index_files,
            first: page.iter().map(|t| t.index_bytes).collect(),
            runtime: Some(page.iter().map(|t| t.runtime_bytes).collect()),
            engine: None,
            ms: page.iter().map(|t| t.ms).collect(),
            keys: page.iter().map(|t| t.keys.clone()).collect(),
        }
    }

    /// Mean MRR@10 and recall@5 over the queries `keep` selects.
    fn relevance(&self, set: &[Query], keep: impl Fn(&Query) -> bool) -> (f64, f64) {
        let (mut rr, mut recall) = (Vec::new(), Vec::new());
        for (query, found) in set.iter().zip(&self.keys) {
            if keep(query) {
                rr.push(reciprocal_rank(found, &query.expected));
                recall.push(recall_at_5(found, &query.expected));
            }
        }
        (mean(&rr), mean(&recall))
    }

    fn first_of(&self, set: &[Query], short: bool) -> Vec<f64> {
        set.iter()
            .zip(&self.first)
            .filter(|(q, _)| q.short() == short)
            .map(|(_, &b)| b as f64)
            .collect()
    }
}

fn row(label: &str, cells: &[String], target: &str) {
    let mut line = format!("{label:<LABEL$}");
    for cell in cells {
        line.push_str(&format!(" {cell:>CELL$}"));
    }
    if !target.is_empty() {
        line.push_str(&format!("   {target}"));
    }
    println!("{}", line.trim_end());
}

fn kb(bytes: f64) -> String {
    format!("{:.1} KB", bytes / 1000.0)
}

fn verdict(pass: bool) -> &'static str {
    if pass {
        "PASS"
    } else {
        "FAIL"
    }
}

/// `engines`: ours, Pagefind, plain BM25, in that order.
pub fn print(set: &[Query], docs: &[Document], engines: &[Engine; 3]) {
    let [ours, pagefind, plain] = engines;
    let short = set.iter().filter(|q| q.short()).count();
    println!();
    println!(
        "search on {} articles, {} queries (KB = 1,000 bytes; gzip)",
        docs.len(),
        set.len()
    );
    let names: Vec<String> = engines.iter().map(|e| e.name.to_string()).collect();
    row("", &names, "target");
    let cells = |f: &dyn Fn(&Engine) -> String| engines.iter().map(f).collect::<Vec<_>>();
    row("index, total", &cells(&|e| kb(e.index_bytes as f64)), "");
    row("index, files", &cells(&|e| e.index_files.to_string()), "");
    for (label, is_short) in [
        (format!("first query, 1-4 words ({short}): median"), true),
        (
            format!("first query, sentences ({}): median", set.len() - short),
            false,
        ),
    ] {
        row(
            &label,
            &cells(&|e| kb(percentile(&e.first_of(set, is_short), 0.5))),
            "",
        );
        let max = |e: &Engine| kb(percentile(&e.first_of(set, is_short), 1.0));
        let target = if is_short {
            let worst = percentile(&ours.first_of(set, true), 1.0);
            let pass = worst <= FIRST_QUERY_BUDGET as f64;
            format!("ours <= 60 KB: {}", verdict(pass))
        } else {
            String::new()
        };
        row("  max", &cells(&max), &target);
    }
    let runtime = |e: &Engine| match &e.runtime {
        Some(bytes) => {
            let bytes: Vec<f64> = bytes.iter().map(|&b| b as f64).collect();
            kb(percentile(&bytes, 0.5))
        }
        None => format!("{} *", kb(e.engine.unwrap_or(0) as f64)),
    };
    row("search runtime (wasm + JS): median", &cells(&runtime), "");
    let heavier = set
        .iter()
        .zip(ours.first.iter().zip(&pagefind.first))
        .filter(|(q, (o, p))| q.short() && o >= p)
        .count();
    row(
        "1-4 words where ours >= Pagefind's data",
        &[heavier.to_string(), String::new(), String::new()],
        &format!("0 of {short}: {}", verdict(heavier == 0)),
    );
    let time = |p: f64| move |e: &Engine| format!("{:.2} ms", percentile(&e.ms, p));
    let (median, p95) = (percentile(&ours.ms, 0.5), percentile(&ours.ms, 0.95));
    row(
        "query time (loaded), Chromium: median",
        &cells(&time(0.5)),
        &format!("ours <= 10 ms: {}", verdict(median <= MEDIAN_MS)),
    );
    row(
        "  p95",
        &cells(&time(0.95)),
        &format!("ours <= 50 ms: {}", verdict(p95 <= P95_MS)),
    );
    for (metric, pick) in [("MRR@10", 0), ("recall@5", 1)] {
        let value = |e: &Engine, keep: &dyn Fn(&Query) -> bool| {
            let (rr, recall) = e.relevance(set, keep);
            if pick == 0 {
                rr
            } else {
                recall
            }
        };
        for category in Category::ALL {
            let n = set.iter().filter(|q| q.category == category).count();
            let keep = |q: &Query| q.category == category;
            let label = format!("{metric} {} ({n})", category.label());
            row(&label, &cells(&|e| format!("{:.3}", value(e, &keep))), "");
        }
        let all = |_: &Query| true;
        let (o, p, b) = (value(ours, &all), value(pagefind, &all), value(plain, &all));
        let pass = o >= AHEAD * p.max(b);
        row(
            &format!("{metric} overall ({})", set.len()),
            &[format!("{o:.3}"), format!("{p:.3}"), format!("{b:.3}")],
            &format!("ours >= {AHEAD:.2}x the best other: {}", verdict(pass)),
        );
    }
    println!(
        "* the engine module as this bench builds it (search-web with its `bench` method, gzip -9): \
         the widget loads the same module without it when a visitor starts to search, besides \
         the index bytes above"
    );
}

/// Where our first queries' bytes go, by kind of file (means over the queries).
pub fn split(set: &[Query], answers: &[Answer]) {
    for (label, short) in [("1-4 words", true), ("sentences", false)] {
        let chosen: Vec<&Answer> = set
            .iter()
            .zip(answers)
            .filter(|(q, _)| q.short() == short)
            .map(|(_, a)| a)
            .collect();
        if chosen.is_empty() {
            continue;
        }
        let parts: Vec<String> = Part::ALL
            .iter()
            .enumerate()
            .map(|(slot, part)| {
                let bytes: Vec<f64> = chosen.iter().map(|a| a.parts[slot] as f64).collect();
                format!("{} {}", part.label(), kb(mean(&bytes)))
            })
            .collect();
        println!(
            "selfhelp first query, {label}, mean by file kind: {}",
            parts.join(", ")
        );
    }
}

/// `--quick`: relevance of our engines from their native runs, by kind of query.
pub fn native(set: &[Query], engines: &[(&Index, &Vec<Answer>)]) {
    let names: Vec<String> = engines.iter().map(|(i, _)| i.name.to_string()).collect();
    row("", &names, "");
    let score = |answers: &[Answer], keep: &dyn Fn(&Query) -> bool, pick: usize| {
        let values: Vec<f64> = set
            .iter()
            .zip(answers)
            .filter(|(q, _)| keep(q))
            .map(|(q, a)| match pick {
                0 => reciprocal_rank(&a.keys, &q.expected),
                _ => recall_at_5(&a.keys, &q.expected),
            })
            .collect();
        format!("{:.3}", mean(&values))
    };
    for (metric, pick) in [("MRR@10", 0), ("recall@5", 1)] {
        for category in Category::ALL {
            let n = set.iter().filter(|q| q.category == category).count();
            let keep = |q: &Query| q.category == category;
            let cells: Vec<String> = engines.iter().map(|(_, a)| score(a, &keep, pick)).collect();
            row(&format!("{metric} {} ({n})", category.label()), &cells, "");
        }
        let cells: Vec<String> = engines
            .iter()
            .map(|(_, a)| score(a, &|_| true, pick))
            .collect();
        row(&format!("{metric} overall ({})", set.len()), &cells, "");
    }
    for (label, short) in [("1-4 words", true), ("sentences", false)] {
        let cells: Vec<String> = engines
            .iter()
            .map(|(_, answers)| {
                let bytes: Vec<f64> = set
                    .iter()
                    .zip(answers.iter())
                    .filter(|(q, _)| q.short() == short)
                    .map(|(_, a)| a.bytes as f64)
                    .collect();
                format!(
                    "{} / {}",
                    kb(percentile(&bytes, 0.5)),
                    kb(percentile(&bytes, 1.0))
                )
            })
            .collect();
        row(&format!("first query, {label}: median / max"), &cells, "");
    }
}
