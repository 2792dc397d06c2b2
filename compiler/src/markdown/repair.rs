//! Repairs of common link breakage in text that CommonMark left as plain text, each
//! reported with its fix: `[label] (url)` and `[label]` + newline + `(url)` (SH0104), and
//! bare URLs (SH0107). Only done where the intent is certain: the target must be a web,
//! mail or portal address, never a guess.

use std::borrow::Cow;
use std::ops::Range;

use selfhelp_bundle::{Inline, LinkKind};

use super::Converter;
use crate::diagnostics::{codes, Diagnostic};
use crate::links;

/// Characters that end a bare URL when they are its last character (sentence punctuation).
const TRAILING: [char; 8] = ['.', ',', ';', ':', '!', '?', '\'', '"'];

impl Converter<'_> {
    /// Repairs the text of inline content (not inside links or code) from `span`.
    pub(super) fn repair(&mut self, content: Vec<Inline>, span: &Range<usize>) -> Vec<Inline> {
        let mut out = Vec::with_capacity(content.len());
        for inline in content {
            match inline {
                Inline::Text(text) => self.repair_text(text, span, &mut out),
                Inline::Strong(inner) => out.push(Inline::Strong(self.repair(inner, span))),
                Inline::Emphasis(inner) => out.push(Inline::Emphasis(self.repair(inner, span))),
                other => out.push(other),
            }
        }
        out
    }

    fn repair_text(&mut self, text: String, span: &Range<usize>, out: &mut Vec<Inline>) {
        // Nearly all text needs no repair: keep its string rather than copying it.
        if broken_link(&text).is_none() && bare_url(&text).is_none() {
            push_text(out, Cow::Owned(text));
            return;
        }
        let mut rest = text.as_str();
        while !rest.is_empty() {
            let link = broken_link(rest);
            let url = bare_url(rest);
            let next = match (link, url) {
                (Some(l), Some(u)) if u.0 < l.0 => Err(u),
                (Some(l), _) => Ok(l),
                (None, Some(u)) => Err(u),
                (None, None) => break,
            };
            match next {
                Ok((start, end, label, target)) => {
                    push_text(out, Cow::Borrowed(rest.get(..start).unwrap_or("")));
                    let raw = rest.get(start..end).unwrap_or("");
                    let at = self.find(span, &format!("[{label}]"));
                    let kind = links::classify(&target).unwrap_or(LinkKind::Relative);
                    self.diagnostics.push(
                        Diagnostic::warning(
                            codes::LINK_REPAIRED,
                            "broken link syntax was repaired",
                            self.source,
                            at,
                            "read as a link",
                        )
                        .with_help(format!(
                            "write `[{label}]({target})`, with nothing between `]` and `(`; it was `{}`",
                            raw.replace('\n', "\\n")
                        )),
                    );
                    out.push(Inline::Link {
                        kind,
                        href: target,
                        content: vec![Inline::Text(label)],
                    });
                    rest = rest.get(end..).unwrap_or("");
                }
                Err((start, end)) => {
                    push_text(out, Cow::Borrowed(rest.get(..start).unwrap_or("")));
                    let url = rest.get(start..end).unwrap_or("").to_string();
                    let at = self.find(span, &url);
                    self.diagnostics.push(
                        Diagnostic::warning(
                            codes::BARE_URL,
                            "a bare URL was made a link",
                            self.source,
                            at,
                            "made a link",
                        )
                        .with_help(format!("write `<{url}>` or `[text]({url})`")),
                    );
                    out.push(Inline::Link {
                        kind: LinkKind::Web,
                        href: url.clone(),
                        content: vec![Inline::Text(url)],
                    });
                    rest = rest.get(end..).unwrap_or("");
                }
            }
        }
        push_text(out, Cow::Borrowed(rest));
    }

    /// Where `needle` is written inside `span`, or the span's first character.
    fn find(&self, span: &Range<usize>, needle: &str) -> Range<usize> {
        self.source
            .text
            .get(span.clone())
            .and_then(|t| t.find(needle))
            .map_or(span.start..self.source.char_end(span.start), |at| {
                span.start + at..span.start + at + needle.len()
            })
    }
}

/// Appends text to the text before it, or as text of its own (taking an owned string as
/// it is, without a copy).
fn push_text(out: &mut Vec<Inline>, text: Cow<'_, str>) {
    if text.is_empty() {
        return;
    }
    if let Some(Inline::Text(last)) = out.last_mut() {
        last.push_str(&text);
    } else {
        out.push(Inline::Text(text.into_owned()));
    }
}

/// `[label]` + space or line break + `(target)` whose target is certainly an address:
/// `(start, end, label, target)`.
pub fn broken_link(text: &str) -> Option<(usize, usize, String, String)> {
    let mut from = 0;
    while let Some(open) = text.get(from..)?.find('[') {
        let start = from + open;
        from = start + 1;
        let after = text.get(start + 1..)?;
        let close = after.find(']')?;
        let label = after.get(..close)?;
        if label.trim().is_empty() || label.contains('[') {
            continue;
        }
        let tail = after.get(close + 1..)?;
        let gap = tail.len() - tail.trim_start().len();
        let paren = tail.get(gap..)?;
        if gap == 0 || !paren.starts_with('(') {
            continue;
        }
        let Some(end) = paren.find(')') else {
            continue;
        };
        let target = paren.get(1..end)?.trim();
        let certain = matches!(
            links::classify(target),
            Ok(LinkKind::Web | LinkKind::Email | LinkKind::Portal)
        ) && !target.contains(char::is_whitespace);
        if certain {
            let end = start + 1 + close + 1 + gap + end + 1;
            return Some((start, end, label.trim().to_string(), target.to_string()));
        }
    }
    None
}

/// The first `http://` or `https://` URL in text: `(start, end)`, sentence punctuation
/// and an unbalanced `)` left out.
pub fn bare_url(text: &str) -> Option<(usize, usize)> {
    // Most text has no URL at all; don't copy it to find that out.
    memchr::memchr(b':', text.as_bytes())?;
    memchr::memmem::find(text.as_bytes(), b"://")?;
    let lower = text.to_ascii_lowercase();
    let start = [lower.find("https://"), lower.find("http://")]
        .into_iter()
        .flatten()
        .min()?;
    let rest = text.get(start..)?;
    let mut end = rest
        .find(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"' | '`'))
        .unwrap_or(rest.len());
    loop {
        let url = rest.get(..end)?;
        let trimmed = url.trim_end_matches(TRAILING);
        let unbalanced =
            trimmed.ends_with(')') && trimmed.matches('(').count() < trimmed.matches(')').count();
        let trimmed = if unbalanced {
            &trimmed[..trimmed.len() - 1]
        } else {
            trimmed
        };
        if trimmed.len() == end {
            break;
        }
        end = trimmed.len();
    }
    let host = rest.get(..end)?.split("://").nth(1).unwrap_or("");
    (!host.is_empty()).then_some((start, start + end))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn broken_links_only_with_certain_targets() {
        let found = broken_link("See [the docs] (https://x.y/a) now");
        assert_eq!(
            found,
            Some((4, 30, "the docs".into(), "https://x.y/a".into()))
        );
        assert!(broken_link("See [the docs]\n(https://x.y/a)").is_some());
        assert!(broken_link("[a] (not a url)").is_none());
        assert!(broken_link("[a](https://x.y)").is_none());
        assert!(broken_link("[x] [y] (mailto:a@b.c)").is_some());
        assert!(broken_link("[ResourceName] (see above)").is_none());
    }

    #[test]
    fn bare_urls_without_sentence_punctuation() {
        let text = "Go to https://x.y/a?b=1. Or (see http://x.y/b_(c)).";
        let (s, e) = bare_url(text).expect("a URL");
        assert_eq!(&text[s..e], "https://x.y/a?b=1");
        let rest = &text[e..];
        let (s, e) = bare_url(rest).expect("a URL");
        assert_eq!(&rest[s..e], "http://x.y/b_(c)");
        assert_eq!(bare_url("no url here, just https://"), None);
    }
}
