//! Source files: bytes decoded to text (BOM stripped), with a line index for byte offsets.

use std::ops::Range;
use std::sync::{Arc, OnceLock};

use crate::diagnostics::{codes, Diagnostic};

/// The UTF-8 byte-order mark, which some files start with (some twice).
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// One decoded source file. Every span the compiler reports is a byte range of `text`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFile {
    /// The path shown in diagnostics.
    pub name: String,
    /// The decoded text, without a byte-order mark.
    pub text: String,
    /// Byte offset where each line starts; `line_starts[0] == 0`. Built on first use:
    /// most files never report a diagnostic, so most never need it.
    line_starts: OnceLock<Vec<usize>>,
}

impl SourceFile {
    /// A source from text that is already decoded (tests, sub-documents).
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        SourceFile {
            name: name.into(),
            text: text.into(),
            line_starts: OnceLock::new(),
        }
    }

    fn line_starts(&self) -> &[usize] {
        self.line_starts.get_or_init(|| {
            std::iter::once(0)
                .chain(memchr::memchr_iter(b'\n', self.text.as_bytes()).map(|i| i + 1))
                .collect()
        })
    }

    /// Decodes bytes as UTF-8, stripping any number of leading byte-order marks.
    ///
    /// Bytes that are not UTF-8 are decoded one by one as Windows-1252 (the encoding the
    /// real corpus's few non-UTF-8 files use, e.g. `0x92` for `’`), with one SH0006 warning
    /// pointing at the first bad byte. Valid UTF-8 around them stays as it is, so the text
    /// before the first bad byte is byte-identical and its line:col is exact.
    pub fn decode(name: impl Into<String>, bytes: &[u8]) -> (Self, Option<InvalidUtf8>) {
        let mut rest = bytes;
        while let Some(stripped) = rest.strip_prefix(BOM) {
            rest = stripped;
        }
        // The fast path: nearly every file is UTF-8, and `from_utf8` checks it far faster
        // than walking it chunk by chunk.
        if let Ok(text) = std::str::from_utf8(rest) {
            return (SourceFile::new(name, text), None);
        }
        let mut text = String::with_capacity(rest.len());
        let mut invalid: Option<InvalidUtf8> = None;
        for chunk in rest.utf8_chunks() {
            text.push_str(chunk.valid());
            for &byte in chunk.invalid() {
                let offset = text.len();
                invalid
                    .get_or_insert(InvalidUtf8 { offset, count: 0 })
                    .count += 1;
                let single = [byte];
                let (decoded, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&single);
                text.push_str(&decoded);
            }
        }
        (SourceFile::new(name, text), invalid)
    }

    /// A copy of the file cut at the end of the line holding `offset`: diagnostics that
    /// point before it show the same snippet and line:col as in the whole file.
    pub fn head(&self, offset: usize) -> SourceFile {
        let offset = self.clamp(offset);
        let end = self
            .text
            .get(offset..)
            .and_then(|rest| memchr::memchr(b'\n', rest.as_bytes()))
            .map_or(self.text.len(), |i| offset + i + 1);
        SourceFile::new(self.name.clone(), self.text.get(..end).unwrap_or(""))
    }

    /// [`decode`](Self::decode) taking the bytes: UTF-8 (nearly every file) becomes the
    /// text without a copy.
    pub fn decode_owned(
        name: impl Into<String>,
        mut bytes: Vec<u8>,
    ) -> (Self, Option<InvalidUtf8>) {
        let boms = bytes
            .chunks(BOM.len())
            .take_while(|chunk| *chunk == BOM)
            .count();
        bytes.drain(..boms * BOM.len());
        match String::from_utf8(bytes) {
            Ok(text) => (SourceFile::new(name, text), None),
            Err(error) => Self::decode(name, error.as_bytes()),
        }
    }

    /// 1-based line and column (in characters) of a byte offset, clamped to the text.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = self.clamp(offset);
        let line_starts = self.line_starts();
        let line = line_starts.partition_point(|&start| start <= offset);
        let start = line_starts
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or(0);
        let column = self
            .text
            .get(start..offset)
            .map_or(0, |prefix| prefix.chars().count());
        (line.max(1), column + 1)
    }

    /// 1-based line of a byte offset.
    pub fn line(&self, offset: usize) -> u32 {
        u32::try_from(self.line_col(offset).0).unwrap_or(u32::MAX)
    }

    /// Byte offset of the start of a 1-based line, if the line exists.
    pub fn line_start(&self, line: usize) -> Option<usize> {
        self.line_starts().get(line.checked_sub(1)?).copied()
    }

    /// The byte range of a 1-based line, without its line break; empty past the end.
    pub fn line_range(&self, line: usize) -> std::ops::Range<usize> {
        let Some(start) = self.line_start(line) else {
            return self.text.len()..self.text.len();
        };
        let end = self
            .text
            .get(start..)
            .and_then(|rest| rest.find(['\n', '\r']))
            .map_or(self.text.len(), |i| start + i);
        start..end
    }

    /// The offset clamped into the text and moved back onto a character boundary.
    pub fn clamp(&self, offset: usize) -> usize {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        offset
    }

    /// A range clamped into the text, on character boundaries, never reversed.
    pub fn clamp_range(&self, range: Range<usize>) -> Range<usize> {
        let start = self.clamp(range.start);
        let end = self.clamp(range.end).max(start);
        start..end
    }

    /// The end of the character starting at `offset` (for one-character labels).
    pub fn char_end(&self, offset: usize) -> usize {
        let offset = self.clamp(offset);
        self.text
            .get(offset..)
            .and_then(|rest| rest.chars().next())
            .map_or(offset, |c| offset + c.len_utf8())
    }
}

/// The 1-based line of offsets asked for in (mostly) increasing order, counted on from
/// the last one. Tree nodes are built in source order and need only their line; this
/// spares most files the whole line index.
#[derive(Debug)]
pub struct LineCounter<'a> {
    text: &'a [u8],
    offset: usize,
    line: u32,
}

impl<'a> LineCounter<'a> {
    pub fn new(source: &'a SourceFile) -> Self {
        LineCounter {
            text: source.text.as_bytes(),
            offset: 0,
            line: 1,
        }
    }

    /// The same as [`SourceFile::line`] for this offset.
    pub fn line(&mut self, offset: usize) -> u32 {
        let offset = offset.min(self.text.len());
        if offset < self.offset {
            (self.offset, self.line) = (0, 1);
        }
        let between = self.text.get(self.offset..offset).unwrap_or(&[]);
        let newlines = memchr::memchr_iter(b'\n', between).count();
        self.line = self
            .line
            .saturating_add(u32::try_from(newlines).unwrap_or(u32::MAX));
        self.offset = offset;
        self.line
    }
}

/// Where a file stopped being UTF-8 (offset in the decoded text) and how many bytes were not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InvalidUtf8 {
    pub offset: usize,
    pub count: usize,
}

impl InvalidUtf8 {
    /// The SH0006 warning for this file.
    pub fn diagnostic(&self, source: &Arc<SourceFile>) -> Diagnostic {
        let end = source.char_end(self.offset);
        let count = self.count;
        Diagnostic::warning(
            codes::INVALID_UTF8,
            "the file is not valid UTF-8; it was decoded as Windows-1252",
            source,
            self.offset..end,
            format!(
                "first invalid byte here ({count} invalid byte{} in all)",
                if count == 1 { "" } else { "s" }
            ),
        )
        .with_help("save the file as UTF-8")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_boms_and_indexes_lines() {
        let (source, diagnostic) =
            SourceFile::decode("a.md", b"\xEF\xBB\xBF\xEF\xBB\xBFab\ncd\r\nef");
        assert!(diagnostic.is_none());
        assert_eq!(source.text, "ab\ncd\r\nef");
        assert_eq!(source.line_col(0), (1, 1));
        assert_eq!(source.line_col(3), (2, 1));
        assert_eq!(source.line_col(8), (3, 2));
        assert_eq!(source.line_col(999), (3, 3));
        assert_eq!(source.line_start(2), Some(3));
        assert_eq!(source.line_start(9), None);
    }

    #[test]
    fn head_keeps_whole_lines_and_positions() {
        let source = SourceFile::new("a.md", "one\ntwo id\nthree\n");
        let head = source.head(6);
        assert_eq!(head.text, "one\ntwo id\n");
        assert_eq!(head.line_col(6), source.line_col(6));
        assert_eq!(source.head(999).text, source.text);
    }

    #[test]
    fn line_counter_agrees_with_the_index_in_any_order() {
        let source = SourceFile::new("a.md", "a\nbb\n\nccc\né\nd");
        let mut counter = LineCounter::new(&source);
        for offset in [0, 2, 3, 7, 5, 1, 12, 11, 999, 4] {
            assert_eq!(counter.line(offset), source.line(offset), "at {offset}");
        }
    }

    #[test]
    fn owned_decoding_matches_borrowed() {
        let cases: [&[u8]; 4] = [
            b"\xEF\xBB\xBF\xEF\xBB\xBFab\ncd",
            b"plain",
            b"\xEF\xBB",
            b"I\x92m \xEF\xBB\xBF",
        ];
        for bytes in cases {
            assert_eq!(
                SourceFile::decode_owned("a.md", bytes.to_vec()),
                SourceFile::decode("a.md", bytes)
            );
        }
    }

    #[test]
    fn columns_count_characters() {
        let source = SourceFile::new("a.md", "é€x");
        assert_eq!(source.line_col(5), (1, 3));
        assert_eq!(source.clamp(1), 0);
    }

    #[test]
    fn windows_1252_fallback_keeps_utf8_and_points_at_first_bad_byte() {
        let mut bytes = "’ok\nI".as_bytes().to_vec();
        bytes.push(0x92);
        bytes.extend_from_slice(b"m \xA0x");
        let (source, invalid) = SourceFile::decode("a.md", &bytes);
        assert_eq!(source.text, "’ok\nI’m \u{a0}x");
        let invalid = invalid.expect("invalid bytes");
        assert_eq!(invalid.count, 2);
        assert_eq!(source.line_col(invalid.offset), (2, 2));
    }
}
