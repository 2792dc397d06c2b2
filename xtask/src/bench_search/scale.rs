//! First-query bytes at two library sizes, and where the heaviest first queries' bytes go.
//!
//! The target: a first query costs the same (within 10%) at 1,000 articles as at
//! all of them. The small index is built from every n-th document (a spread of products,
//! as a small support site would have), and answers the same query texts.

use anyhow::Result;
use selfhelp_search::{Document, Synonyms, TYPEAHEAD_RESULTS};

use super::index::{self, Index, Part};
use super::metrics::{percentile, reciprocal_rank};
use super::native::{self, Answer};
use super::queries::Query;

/// Documents in the small library.
const SMALL: usize = 1_000;
/// "The same": the small site's median within this ratio of the whole library's.
const WITHIN: f64 = 0.10;
/// A first query of up to four words, gzip bytes beyond the app.
const FIRST_QUERY_BUDGET: f64 = 60_000.0;

/// Prints the median and max first-query bytes of 1-4 word queries for a 1,000-document
/// index beside the whole one's.
pub fn print(
    docs: &[Document],
    synonyms: &Synonyms,
    set: &[Query],
    whole_index: &Index,
    whole: &[Answer],
) -> Result<()> {
    if docs.len() <= SMALL {
        return Ok(());
    }
    let step = docs.len() / SMALL;
    let small_docs: Vec<Document> = docs.iter().step_by(step).take(SMALL).cloned().collect();
    let small = index::build("selfhelp, 1,000", &small_docs, synonyms, false);
    let short: Vec<Query> = set.iter().filter(|q| q.short()).cloned().collect();
    let answers = native::run(&small, &short)?;
    let small_bytes: Vec<f64> = answers.iter().map(|a| a.bytes as f64).collect();
    let ten = Growth::of(&small_bytes, &short_bytes(set, whole));
    println!(
        "first query, 1-4 words, by library size: {} documents median {:.1} KB max {:.1} KB (root {:.1} KB); \
         {} documents median {:.1} KB max {:.1} KB: {}",
        small_docs.len(),
        ten.small.0 / 1000.0,
        ten.small.1 / 1000.0,
        small.root_gzip as f64 / 1000.0,
        docs.len(),
        ten.whole.0 / 1000.0,
        ten.whole.1 / 1000.0,
        ten.verdict(),
    );
    super::report::split(&short, &answers);
    // The same as the search box asks: the first query a visitor makes.
    let bytes_of = |index: &Index| -> Result<Vec<f64>> {
        let answers = native::run_with(index, &short, TYPEAHEAD_RESULTS)?;
        Ok(answers.iter().map(|a| a.bytes as f64).collect())
    };
    let typed = Growth::of(&bytes_of(&small)?, &bytes_of(whole_index)?);
    println!(
        "as the search box asks, by library size: median {:.1} KB max {:.1} KB; {:.1} KB max {:.1} KB: {}",
        typed.small.0 / 1000.0,
        typed.small.1 / 1000.0,
        typed.whole.0 / 1000.0,
        typed.whole.1 / 1000.0,
        typed.verdict(),
    );
    Ok(())
}

/// First-query bytes of the small library beside the whole one: (median, max) of each.
struct Growth {
    small: (f64, f64),
    whole: (f64, f64),
}

impl Growth {
    fn of(small: &[f64], whole: &[f64]) -> Growth {
        Growth {
            small: (percentile(small, 0.5), percentile(small, 1.0)),
            whole: (percentile(whole, 0.5), percentile(whole, 1.0)),
        }
    }

    /// The medians' growth, against the issue's [`WITHIN`].
    fn verdict(&self) -> String {
        let ratio = self.whole.0 / self.small.0.max(1.0) - 1.0;
        let pass = if ratio.abs() <= WITHIN {
            "PASS"
        } else {
            "FAIL"
        };
        // Two decimals: the verdict is read against a round number.
        format!(
            "{:+.2}%   within {:.0}%: {pass}",
            ratio * 100.0,
            WITHIN * 100.0
        )
    }
}

/// The index's files by kind, then its heaviest first queries of 1-4 words.
pub fn heaviest(set: &[Query], answers: &[Answer], index: &Index, count: usize) {
    files(index);
    heaviest_queries(set, answers, index, count);
}

/// The index's files by kind, and the largest.
fn files(index: &Index) {
    let files: Vec<String> = Part::ALL
        .iter()
        .skip(1)
        .map(|&part| {
            let (count, bytes) = index
                .kinds
                .iter()
                .filter(|(_, &kind)| kind == part)
                .fold((0, 0), |(n, b), (id, _)| {
                    (n + 1, b + index.gzip.get(id).copied().unwrap_or(0))
                });
            format!(
                "{count} {} ({:.1} KB avg)",
                part.label(),
                bytes as f64 / 1000.0 / count.max(1) as f64
            )
        })
        .collect();
    let largest = index
        .gzip
        .values()
        .copied()
        .max()
        .unwrap_or(0)
        .max(index.root_gzip);
    println!(
        "{} files: 1 root, {}; the largest {:.1} KB (target: no shard over 64 KB)",
        index.name,
        files.join(", "),
        largest as f64 / 1000.0
    );
}

/// The heaviest first queries of 1-4 words, with their bytes by kind of file.
fn heaviest_queries(set: &[Query], answers: &[Answer], index: &Index, count: usize) {
    let mut short: Vec<(&Query, &Answer)> =
        set.iter().zip(answers).filter(|(q, _)| q.short()).collect();
    short.sort_by_key(|(_, a)| std::cmp::Reverse(a.bytes));
    println!(
        "heaviest first queries ({}; root {:.1} KB):",
        index.name,
        index.root_gzip as f64 / 1000.0
    );
    for (query, answer) in short.into_iter().take(count) {
        let parts: Vec<String> = Part::ALL
            .iter()
            .zip(answer.parts)
            .skip(1)
            .map(|(part, bytes)| format!("{} {:.1}", part.label(), bytes as f64 / 1000.0))
            .collect();
        println!(
            "  {:>6.1} KB  {:<40} {}",
            answer.bytes as f64 / 1000.0,
            query.text.chars().take(40).collect::<String>(),
            parts.join(", ")
        );
    }
}

/// A first query as the widget's search box asks it ([`TYPEAHEAD_RESULTS`] hits, whose
/// records it fetches) and its relevance, beside the ten-hit query the relevance is
/// measured on.
pub fn typeahead(set: &[Query], index: &Index, ten: &[Answer]) -> Result<()> {
    let short: Vec<Query> = set.iter().filter(|q| q.short()).cloned().collect();
    let answers = native::run_with(index, &short, TYPEAHEAD_RESULTS)?;
    let mrr: f64 = short
        .iter()
        .zip(&answers)
        .map(|(q, a)| reciprocal_rank(&a.keys, &q.expected))
        .sum::<f64>()
        / short.len().max(1) as f64;
    println!(
        "search box: MRR@{TYPEAHEAD_RESULTS} {mrr:.3} on the {} queries of 1-4 words",
        short.len()
    );
    let bytes: Vec<f64> = answers.iter().map(|a| a.bytes as f64).collect();
    let ten = short_bytes(set, ten);
    let over = bytes.iter().filter(|&&b| b > FIRST_QUERY_BUDGET).count();
    let over_ten = ten.iter().filter(|&&b| b > FIRST_QUERY_BUDGET).count();
    println!(
        "first query, 1-4 words ({}), {}: {TYPEAHEAD_RESULTS} results (the search box) median {:.1} KB \
         p90 {:.1} KB max {:.1} KB, {over} over 60 KB; 10 results median {:.1} KB p90 {:.1} KB max {:.1} KB, \
         {over_ten} over 60 KB",
        short.len(),
        index.name,
        percentile(&bytes, 0.5) / 1000.0,
        percentile(&bytes, 0.9) / 1000.0,
        percentile(&bytes, 1.0) / 1000.0,
        percentile(&ten, 0.5) / 1000.0,
        percentile(&ten, 0.9) / 1000.0,
        percentile(&ten, 1.0) / 1000.0,
    );
    let rounds: Vec<f64> = answers.iter().map(|a| a.rounds as f64).collect();
    println!(
        "rounds of fetching per query: median {:.0}, max {:.0} (the widget gives up after 8)",
        percentile(&rounds, 0.5),
        percentile(&rounds, 1.0)
    );
    println!("as the search box asks them:");
    heaviest_queries(&short, &answers, index, 10);
    Ok(())
}

/// The first-query bytes of the queries of 1-4 words.
fn short_bytes(set: &[Query], answers: &[Answer]) -> Vec<f64> {
    set.iter()
        .zip(answers)
        .filter(|(q, _)| q.short())
        .map(|(_, a)| a.bytes as f64)
        .collect()
}
