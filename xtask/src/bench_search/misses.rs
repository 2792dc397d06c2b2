//! Where our engine misses: a few examples per category after the table, and every
//! query's answers in a JSON file for a closer look.

use std::collections::HashMap;
use std::path::Path;

use anyhow::Result;
use selfhelp_search::Document;
use serde_json::json;

use super::metrics::reciprocal_rank;
use super::queries::{Category, Query};
use super::report::Engine;

/// Examples shown per category.
const SHOWN: usize = 3;

/// `engines`: ours, Pagefind, plain BM25.
pub fn print(set: &[Query], docs: &[Document], engines: &[Engine; 3]) {
    let titles: HashMap<&str, &str> = docs
        .iter()
        .map(|d| (d.key.as_str(), d.title.as_str()))
        .collect();
    let title = |key: &str| titles.get(key).copied().unwrap_or("?").to_string();
    let [ours, pagefind, _] = engines;
    println!();
    println!("selfhelp's misses (expected article not first), by category:");
    for category in Category::ALL {
        let mut misses: Vec<(f64, &Query, &Vec<String>, &Vec<String>)> = set
            .iter()
            .zip(ours.keys.iter().zip(&pagefind.keys))
            .filter(|(q, _)| q.category == category)
            .map(|(q, (o, p))| (reciprocal_rank(o, &q.expected), q, o, p))
            .filter(|(rr, ..)| *rr < 1.0)
            .collect();
        let total = set.iter().filter(|q| q.category == category).count();
        println!(
            "  {} ({} of {total} missed):",
            category.label(),
            misses.len()
        );
        // Misses Pagefind got right first: those are the engine's own weak spots.
        misses.sort_by(|a, b| {
            let pa = reciprocal_rank(a.3, &a.1.expected);
            let pb = reciprocal_rank(b.3, &b.1.expected);
            (a.0 - pa).total_cmp(&(b.0 - pb))
        });
        for (rr, query, found, theirs) in misses.into_iter().take(SHOWN) {
            let rank = |rr: f64| {
                if rr > 0.0 {
                    format!("#{:.0}", 1.0 / rr)
                } else {
                    "none in 10".to_string()
                }
            };
            let top: Vec<String> = found.iter().take(3).map(|k| title(k)).collect();
            println!(
                "    {:?}: want {:?} [{}], ours {} (top: {}); Pagefind {}",
                query.text,
                title(&query.expected[0]),
                query.expected[0],
                rank(rr),
                if top.is_empty() {
                    "nothing".to_string()
                } else {
                    top.join(" | ")
                },
                rank(reciprocal_rank(theirs, &query.expected)),
            );
        }
    }
}

/// Every query with each engine's answer, to read beside the table.
pub fn dump(path: &Path, set: &[Query], engines: &[Engine; 3]) -> Result<()> {
    let rows: Vec<_> = set
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let each: Vec<_> = engines
                .iter()
                .map(|e| {
                    json!({
                        "engine": e.name,
                        "keys": e.keys.get(i),
                        "first_bytes": e.first.get(i),
                        "ms": e.ms.get(i),
                    })
                })
                .collect();
            json!({
                "category": q.category.label(),
                "query": q.text,
                "expected": q.expected,
                "engines": each,
            })
        })
        .collect();
    std::fs::write(path, serde_json::to_string_pretty(&rows)?)?;
    println!("every query and answer: {}", path.display());
    Ok(())
}
