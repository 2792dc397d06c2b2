//! Our engine queried natively, as the widget queries it: a fresh searcher per query, so
//! a query's files are what a first visit fetches.

use anyhow::{Context, Result};
use rayon::prelude::*;
use selfhelp_search::{search_with, Request, Searcher};

use super::index::{Index, Part};
use super::queries::Query;
use super::LIMIT;

/// One query's answer.
#[derive(Debug, Clone, Default)]
pub struct Answer {
    /// The hits' keys, best first.
    pub keys: Vec<String>,
    /// gzip bytes of every file its rounds fetched, the root included.
    pub bytes: usize,
    /// The same by kind of file, in the order of [`Part::ALL`].
    pub parts: [usize; 5],
    /// Rounds of fetching files the query took (the widget gives up after eight).
    pub rounds: usize,
}

pub fn run(index: &Index, queries: &[Query]) -> Result<Vec<Answer>> {
    run_with(index, queries, LIMIT)
}

/// As [`run`], asking for `limit` hits (whose records a query fetches).
pub fn run_with(index: &Index, queries: &[Query], limit: usize) -> Result<Vec<Answer>> {
    queries
        .par_iter()
        .map(|query| answer(index, &query.text, limit))
        .collect::<Result<Vec<_>>>()
        .with_context(|| format!("searching the {} index", index.name))
}

pub fn answer(index: &Index, text: &str, limit: usize) -> Result<Answer> {
    let mut searcher = Searcher::open(&index.root)?;
    let request = Request {
        text: text.to_string(),
        limit,
        plain: index.plain,
        ..Request::default()
    };
    let driven = search_with(&mut searcher, &request, &index.store.files)
        .with_context(|| format!("query {text:?}"))?;
    let mut parts = [0; 5];
    parts[0] = index.root_gzip;
    for id in driven.rounds.iter().flatten() {
        let kind = index.kinds.get(id).copied().unwrap_or(Part::Records);
        let slot = Part::ALL.iter().position(|&p| p == kind).unwrap_or(0);
        parts[slot] += index.gzip.get(id).copied().unwrap_or(0);
    }
    Ok(Answer {
        keys: driven.results.hits.iter().map(|h| h.key.clone()).collect(),
        bytes: parts.iter().sum(),
        parts,
        rounds: driven.rounds.len(),
    })
}
