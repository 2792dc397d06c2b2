//! `#anchor` links checked against the slugs of the article's headings (SH0105).

use std::collections::{HashMap, HashSet};

use selfhelp_bundle::{Block, Inline};

use super::Converter;
use crate::diagnostics::{codes, Diagnostic};

/// The anchor a heading gets on the sites that render these articles: lowercase, letters,
/// digits, `-` and `_` kept, spaces as `-`, everything else dropped.
pub fn slug(text: &str) -> String {
    text.trim()
        .chars()
        .flat_map(char::to_lowercase)
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            _ => None,
        })
        .collect()
}

fn collect(blocks: &[Block], out: &mut Vec<String>) {
    for block in blocks {
        match block {
            Block::Heading { content, .. } => out.push(slug(&Inline::plain_text(content))),
            Block::Quote(inner) | Block::Region { content: inner, .. } => collect(inner, out),
            Block::List { items, .. } => items.iter().for_each(|item| collect(item, out)),
            _ => {}
        }
    }
}

/// The values of every `name="..."` and `id="..."` in the text, lowercase: explicit
/// anchors an `<a name>` sets.
fn explicit_targets(text: &str) -> HashSet<String> {
    let lower = text.to_lowercase();
    let mut out = HashSet::new();
    for attr in ["name=", "id="] {
        for (at, _) in lower.match_indices(attr) {
            let rest = lower.get(at + attr.len()..).unwrap_or("");
            let Some(quote) = rest.chars().next().filter(|c| matches!(c, '"' | '\'')) else {
                continue;
            };
            let body = rest.get(1..).unwrap_or("");
            // Anchor names are short; a bounded look keeps unclosed quotes cheap.
            let end = body.char_indices().take(256).find(|(_, c)| *c == quote);
            if let Some((end, _)) = end {
                out.insert(body.get(..end).unwrap_or("").to_string());
            }
        }
    }
    out
}

/// Dashes collapsed, for comparing slugs made by tools that differ on runs of spaces.
fn squash(slug: &str) -> String {
    slug.split('-')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

impl Converter<'_> {
    pub(super) fn check_anchors(&mut self) {
        if self.anchors.is_empty() {
            return;
        }
        let blocks: Vec<Block> = self.out.iter().map(|b| b.block.clone()).collect();
        let mut slugs = Vec::new();
        collect(&blocks, &mut slugs);
        let squashed: Vec<String> = slugs.iter().map(|s| squash(s)).collect();
        let explicit = explicit_targets(&self.source.text);
        let squashed_set: HashSet<&str> = squashed.iter().map(String::as_str).collect();
        let mut suggestions: HashMap<String, Option<String>> = HashMap::new();
        for (href, span) in std::mem::take(&mut self.anchors) {
            let target = href.trim_start_matches('#').to_lowercase();
            // `#` alone means the top of the page; explicit `name=`/`id=` targets count too.
            if target.is_empty()
                || explicit.contains(&target)
                || squashed_set.contains(squash(&target).as_str())
            {
                continue;
            }
            let closest = suggestions.entry(target.clone()).or_insert_with(|| {
                squashed
                    .iter()
                    .map(|s| (strsim::damerau_levenshtein(s, &target), s))
                    .filter(|(d, s)| *d <= (s.len() / 3).max(2))
                    .min_by_key(|(d, _)| *d)
                    .map(|(_, s)| s.clone())
            });
            let help = match closest.clone() {
                Some(slug) => format!("did you mean `#{slug}`?"),
                None if slugs.is_empty() => "the article has no headings to link to".into(),
                None => format!(
                    "anchors here: {}",
                    squashed
                        .iter()
                        .take(5)
                        .map(|s| format!("`#{s}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            };
            self.diagnostics.push(
                Diagnostic::warning(
                    codes::ANCHOR_NOT_FOUND,
                    format!("no heading of this article has the anchor `{href}`"),
                    self.source,
                    span,
                    "this link goes nowhere",
                )
                .with_help(help),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_like_the_docs_sites() {
        assert_eq!(
            slug("Step 2: Reset the *password*"),
            "step-2-reset-the-password"
        );
        assert_eq!(slug("What's new?"), "whats-new");
        assert_eq!(squash("a--b-"), "a-b");
    }
}
