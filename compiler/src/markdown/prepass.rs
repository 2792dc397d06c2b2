//! The pre-pass: finds what pulldown-cmark must never see before it parses the body.
//!
//! Apollo's custom XML blocks (`<insight>`, `<video>`, `<videoGroup>`, `<azureKB>`,
//! `<metric>`) hold blank lines, so CommonMark would cut them into HTML blocks and
//! paragraphs; `:::Section Title:::` lines are not markdown at all; and template region
//! comments (`<!--issueDescription-->` … `<!--/issueDescription-->`) wrap markdown that must
//! still be parsed. The pre-pass records their byte spans and splits the body around them,
//! so the converter parses each markdown piece on its own and puts typed blocks between.
//! Fenced code is skipped: what is inside a fence is shown, not interpreted.

use std::ops::Range;

use memchr::memmem;
use selfhelp_bundle::{Block, Inline};

use super::xml;

/// Region names the templates use; these are regions even when their pair is missing.
pub const KNOWN_REGIONS: [&str; 6] = [
    "issueDescription",
    "rcaDescription",
    "resolutionDetails",
    "recommendedActions",
    "additionalInfo",
    "salutation",
];

const COMMENT_OPEN: &str = "<!--";

/// One piece of the body, in source order; spans are offsets in the source file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    Markdown(Range<usize>),
    /// A typed block, or `Err(reason)` when the XML could not be read (warned, then skipped).
    Block(Result<Block, String>, Range<usize>),
    RegionOpen(String, Range<usize>),
    RegionClose(String, Range<usize>),
    /// `#Title` without the space CommonMark needs: the level, the line's span, and the
    /// span of the title text.
    Heading(u8, Range<usize>, Range<usize>),
}

/// Splits `text` (which starts at `base` in the source) into pieces.
pub fn split(text: &str, base: usize) -> Vec<Piece> {
    let comment = memmem::Finder::new(COMMENT_OPEN);
    // Most articles have comments (placeholders) but no region in them: the per-line
    // search is skipped then.
    let (regions, has_regions) = region_names(text, &comment);
    // Every block tag's closing offset, found in one pass when the first block tag shows
    // up: most articles have none, and the pass copies the text to lower case.
    let mut ends = None;
    let mut pieces = Vec::new();
    let mut markdown_start = 0;
    let cut = |pieces: &mut Vec<Piece>, from: &mut usize, at: usize, piece: Piece| {
        if at > *from {
            pieces.push(Piece::Markdown(*from + base..at + base));
        }
        pieces.push(piece);
    };
    let mut fence: Option<(char, usize)> = None;
    let mut line_start = 0;
    while line_start < text.len() {
        let line_end = text
            .get(line_start..)
            .and_then(|r| memchr::memchr(b'\n', r.as_bytes()))
            .map_or(text.len(), |i| line_start + i + 1);
        let line = text.get(line_start..line_end).unwrap_or("");
        let trimmed = line.trim_start();
        // Only lines that start with one of these can be anything but markdown (a region
        // comment can sit anywhere, hence the second test); most lines are prose.
        let special = matches!(
            trimmed.as_bytes().first(),
            Some(b'`' | b'~' | b':' | b'#' | b'<')
        );
        if !special && !has_regions {
            line_start = line_end;
            continue;
        }
        let indent = line.len() - trimmed.len();
        if let Some(marker) = fence_marker(trimmed) {
            match fence {
                None if indent <= 3 => fence = Some(marker),
                Some((c, n)) if marker.0 == c && marker.1 >= n && fence_closes(trimmed) => {
                    fence = None
                }
                _ => {}
            }
        }
        if fence.is_some() {
            line_start = line_end;
            continue;
        }
        if let Some(title) = section_title(trimmed) {
            let heading = Block::Heading {
                level: 2,
                content: vec![Inline::Text(title.to_string())],
            };
            let span = line_start + base..line_end + base;
            cut(
                &mut pieces,
                &mut markdown_start,
                line_start,
                Piece::Block(Ok(heading), span),
            );
            markdown_start = line_end;
            line_start = line_end;
            continue;
        }
        if let Some((level, hashes)) = unspaced_heading(line) {
            let end = line_start + line.trim_end().len();
            let piece = Piece::Heading(
                level,
                line_start + base..end + base,
                line_start + hashes + base..end + base,
            );
            cut(&mut pieces, &mut markdown_start, line_start, piece);
            markdown_start = line_end;
            line_start = line_end;
            continue;
        }
        if let Some(tag) = xml::block_tag(trimmed) {
            let start = line_start + indent;
            let ends = ends.get_or_insert_with(|| xml::element_ends(&text.to_ascii_lowercase()));
            if let Some(&end) = ends.get(&(tag.to_string(), start)) {
                let source = text.get(start..end).unwrap_or("");
                let piece = Piece::Block(xml::parse(tag, source), start + base..end + base);
                cut(&mut pieces, &mut markdown_start, start, piece);
                markdown_start = end;
                // Go on after the element, at the start of its last line's rest.
                line_start = end;
                continue;
            }
        }
        if has_regions && !trimmed.starts_with('#') {
            let mut search = 0;
            while let Some((at, len, close, name)) = next_region(line, search, &regions, &comment) {
                let start = line_start + at;
                let span = start + base..start + len + base;
                let piece = if close {
                    Piece::RegionClose(name, span)
                } else {
                    Piece::RegionOpen(name, span)
                };
                cut(&mut pieces, &mut markdown_start, start, piece);
                markdown_start = start + len;
                search = at + len;
            }
        }
        line_start = line_end;
    }
    if markdown_start < text.len() {
        pieces.push(Piece::Markdown(markdown_start + base..text.len() + base));
    }
    pieces
}

/// `(level, bytes of hashes)` of a line like `#Title` or `##**Title**` at the margin.
fn unspaced_heading(line: &str) -> Option<(u8, usize)> {
    let hashes = line.len() - line.trim_start_matches('#').len();
    let next = line.get(hashes..)?.chars().next()?;
    let letter = next.is_alphabetic() || matches!(next, '*' | '_');
    let level = u8::try_from(hashes).ok().filter(|l| (1..=6).contains(l))?;
    letter.then_some((level, hashes))
}

/// `(char, count)` of a code fence opener or closer (three or more backticks or tildes).
fn fence_marker(trimmed: &str) -> Option<(char, usize)> {
    let c = trimmed.chars().next().filter(|c| matches!(c, '`' | '~'))?;
    let count = trimmed.chars().take_while(|x| *x == c).count();
    (count >= 3).then_some((c, count))
}

fn fence_closes(trimmed: &str) -> bool {
    trimmed.trim_start_matches(['`', '~']).trim().is_empty()
}

/// The title of a `:::Section Title:::` line.
fn section_title(trimmed: &str) -> Option<&str> {
    let inner = trimmed
        .trim_end()
        .strip_prefix(":::")?
        .strip_suffix(":::")?;
    let inner = inner.trim();
    let head = inner.get(..7)?;
    if !head.eq_ignore_ascii_case("section") {
        return None;
    }
    let title = inner.get(7..)?.trim();
    (!title.is_empty() && inner.get(7..)?.starts_with(char::is_whitespace)).then_some(title)
}

/// The comment `<!--name-->` or `<!--/name-->` whose name is an identifier (not `$`).
fn region_comment(text: &str) -> Option<(usize, bool, &str)> {
    let rest = text.strip_prefix("<!--")?;
    let end = rest.find("-->")?;
    let body = rest.get(..end)?.trim();
    let (close, name) = match body.strip_prefix('/') {
        Some(name) => (true, name.trim()),
        None => (false, body),
    };
    let valid = name.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    valid.then_some((4 + end + 3, close, name))
}

/// The names used as regions (the known ones, and any that is both opened and closed),
/// and whether the text has a comment opening or closing one of them.
fn region_names<'t>(text: &'t str, comment: &memmem::Finder) -> (Vec<&'t str>, bool) {
    let mut opened = Vec::new();
    let mut closed = Vec::new();
    for at in comment.find_iter(text.as_bytes()) {
        if let Some((_, close, name)) = text.get(at..).and_then(region_comment) {
            if close { &mut closed } else { &mut opened }.push(name);
        }
    }
    let mut names: Vec<&str> = KNOWN_REGIONS.to_vec();
    names.extend(opened.iter().filter(|n| closed.contains(n)));
    let present = opened.iter().chain(&closed).any(|n| names.contains(n));
    (names, present)
}

/// The next region comment in `line` at or after `from`: (offset, length, is_close, name).
fn next_region(
    line: &str,
    from: usize,
    regions: &[&str],
    comment: &memmem::Finder,
) -> Option<(usize, usize, bool, String)> {
    let mut search = from;
    loop {
        let at = search + comment.find(line.get(search..)?.as_bytes())?;
        if let Some((len, close, name)) = line.get(at..).and_then(region_comment) {
            if regions.contains(&name) {
                return Some((at, len, close, name.to_string()));
            }
        }
        search = at + 4;
    }
}

#[cfg(test)]
mod tests;
