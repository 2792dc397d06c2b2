//! The hand-written queries (`xtask/search-queries.txt`): what support visitors type, not
//! taken from any title, each judged against the corpus by reading it.
//!
//! A line is `query<TAB>expected article id(s)` (ids separated by spaces); `#` starts a
//! comment. An id the corpus no longer has is reported and left out, so a changed corpus
//! shows instead of silently scoring zero.

use std::collections::HashSet;
use std::path::Path;

use anyhow::{Context, Result};
use selfhelp_search::Document;

use super::queries::{Category, Query};

pub fn load(path: &Path, docs: &[Document]) -> Result<Vec<Query>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let known: HashSet<&str> = docs.iter().map(|d| d.key.as_str()).collect();
    let mut out = Vec::new();
    for (number, line) in text.lines().enumerate() {
        let line = line.trim_end();
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        let Some((query, ids)) = line.split_once('\t') else {
            eprintln!(
                "{}:{}: no tab between query and ids",
                path.display(),
                number + 1
            );
            continue;
        };
        let mut expected = Vec::new();
        for id in ids.split_whitespace() {
            if known.contains(id) {
                expected.push(id.to_string());
            } else {
                eprintln!(
                    "{}:{}: no article {id} in the corpus",
                    path.display(),
                    number + 1
                );
            }
        }
        if !expected.is_empty() {
            out.push(Query {
                category: Category::Real,
                text: query.trim().to_string(),
                expected,
            });
        }
    }
    Ok(out)
}
