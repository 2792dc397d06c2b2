//! Splitting text into tokens, keeping code-like tokens whole and in parts.
//!
//! A *raw word* is a run of word characters, possibly joined by connectors (`-_./\:@`,
//! up to three in a row) and apostrophes. A raw word of one plain piece (`machine`,
//! `429`) is a [`Kind::Word`]. Anything else is code-like (`Set-AzVM`, `AADSTS50076`,
//! `0x80070005`, `portal.azure.com`): it gives a [`Kind::Whole`] (the pieces joined,
//! so `AADSTS-50076` and `aadsts50076` agree) and its [`Kind::Part`]s (`set`, `azvm`;
//! `aadsts`, `50076`; `80070005`), so either way of typing it finds it. A short
//! letter word followed by one space and a number of three digits or more (`HTTP 429`,
//! `error 1053`) also gives a [`Kind::Compound`] (`http429`).
//!
//! Positions count words and parts; wholes and compounds share the position of their
//! first part, so a phrase of parts lines up with the words around it.

use std::ops::Range;

use super::normalize::{ascii_class, class, fold_into, Class};

/// Longest whole or compound kept; longer ones are URLs or keys, found by their parts.
const MAX_WHOLE: usize = 40;
/// Longest part or word kept: longer runs are hashes, keys or base64.
const MAX_PART: usize = 32;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Word,
    Part,
    Whole,
    Compound,
}

/// One token: its folded text, where it is, and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token<'a> {
    pub text: &'a str,
    pub kind: Kind,
    pub position: u32,
    /// Byte range in the source text (for a part split at a letter-digit boundary, the
    /// whole piece).
    pub span: Range<usize>,
}

/// A piece of a raw word: folded bytes `folded[start..end]`, source bytes `span`.
#[derive(Debug, Clone)]
struct Piece {
    start: usize,
    end: usize,
    span: Range<usize>,
    /// Where digits and non-digits meet, as offsets into `folded`.
    boundaries: u8,
    boundary: usize,
    /// Whether the last character was a digit.
    digit: Option<bool>,
}

/// Reusable buffers, so tokenizing allocates nothing per word.
#[derive(Debug, Default)]
pub struct Tokenizer {
    folded: String,
    pieces: Vec<Piece>,
    whole: String,
    /// The last plain letter word, for compounds: its source range and position.
    previous: Option<(usize, usize, u32)>,
}

impl Tokenizer {
    /// Calls `emit` for each token of `text`, numbering positions from `position`;
    /// returns the next free position.
    pub fn run(&mut self, text: &str, mut position: u32, emit: &mut dyn FnMut(Token)) -> u32 {
        self.folded.clear();
        self.pieces.clear();
        self.previous = None;
        let bytes = text.as_bytes();
        let mut connectors = 0usize; // connectors since the last word character
        let mut word_end = 0usize; // source end of the last word character
        let mut at = 0;
        while let Some(&byte) = bytes.get(at) {
            let (class, width, c) = if byte < 0x80 {
                (ascii_class(byte), 1, char::from(byte))
            } else {
                let c = text
                    .get(at..)
                    .and_then(|rest| rest.chars().next())
                    .unwrap_or(' ');
                (class(c), c.len_utf8(), c)
            };
            match class {
                Class::Word => {
                    if self.pieces.is_empty() || connectors > 0 {
                        let start = self.folded.len();
                        self.pieces.push(Piece {
                            start,
                            end: start,
                            span: at..at,
                            boundaries: 0,
                            boundary: 0,
                            digit: None,
                        });
                    }
                    connectors = 0;
                    // A run of ASCII letters and digits goes in at once: the common case.
                    let end = if byte < 0x80 {
                        let run = bytes.get(at..).unwrap_or_default();
                        at + run
                            .iter()
                            .position(|b| !b.is_ascii_alphanumeric())
                            .unwrap_or(run.len())
                    } else {
                        at + width
                    };
                    let before = self.folded.len();
                    match text.get(at..end) {
                        Some(run) if byte < 0x80 => {
                            self.folded.push_str(run);
                            if let Some(added) = self.folded.get_mut(before..) {
                                added.make_ascii_lowercase();
                            }
                        }
                        _ => fold_into(c, &mut self.folded),
                    }
                    if let Some(piece) = self.pieces.last_mut() {
                        for (offset, added) in
                            self.folded.as_bytes().iter().enumerate().skip(before)
                        {
                            let digit = added.is_ascii_digit();
                            if piece.digit.is_some_and(|was| was != digit) {
                                piece.boundaries = piece.boundaries.saturating_add(1);
                                piece.boundary = offset;
                            }
                            piece.digit = Some(digit);
                        }
                        piece.end = self.folded.len();
                        piece.span.end = end;
                    }
                    word_end = end;
                    at = end;
                    continue;
                }
                Class::Connector if !self.pieces.is_empty() && connectors < 3 => connectors += 1,
                Class::Apostrophe if !self.pieces.is_empty() && connectors == 0 => {}
                Class::Ignored => {}
                _ => {
                    position = self.finish(text, word_end, position, emit);
                    connectors = 0;
                }
            }
            at += width;
        }
        self.finish(text, word_end, position, emit)
    }

    /// Emits the raw word collected so far, if any.
    fn finish(
        &mut self,
        text: &str,
        end: usize,
        mut position: u32,
        emit: &mut dyn FnMut(Token),
    ) -> u32 {
        let Some(first) = self.pieces.first() else {
            return position;
        };
        let start = first.span.start;
        let folded = self.folded.as_str();
        let plain = self.pieces.len() == 1 && first.boundaries == 0;
        if plain {
            let word = folded.get(first.start..first.end).unwrap_or_default();
            if word.len() <= MAX_PART {
                if let Some((previous_start, previous_end, previous_position)) = self.previous {
                    let one_space = text.get(previous_end..start) == Some(" ");
                    if one_space && word.len() >= 3 && first.digit == Some(true) {
                        self.whole.clear();
                        self.whole
                            .push_str(text.get(previous_start..previous_end).unwrap_or(""));
                        self.whole.make_ascii_lowercase();
                        self.whole.push_str(word);
                        emit(Token {
                            text: &self.whole,
                            kind: Kind::Compound,
                            position: previous_position,
                            span: previous_start..end,
                        });
                    }
                }
                emit(Token {
                    text: word,
                    kind: Kind::Word,
                    position,
                    span: start..end,
                });
            }
            // A plain ASCII letter word may start a compound with the number after it.
            let letters = (2..=10).contains(&word.len())
                && first.digit == Some(false)
                && text
                    .get(start..end)
                    .is_some_and(|source| source.len() == word.len() && source.is_ascii());
            self.previous = letters.then_some((start, end, position));
            position += 1;
        } else if is_guid(folded, &self.pieces) {
            // Ids (support topics, resources) in text only bloat the vocabulary.
            self.previous = None;
            position += 1;
        } else {
            self.previous = None;
            let all_digits = self.pieces.iter().all(|p| {
                folded
                    .get(p.start..p.end)
                    .is_some_and(|t| t.bytes().all(|b| b.is_ascii_digit()))
            });
            self.whole.clear();
            for (index, piece) in self.pieces.iter().enumerate() {
                if all_digits && index > 0 {
                    self.whole.push('.');
                }
                self.whole
                    .push_str(folded.get(piece.start..piece.end).unwrap_or_default());
            }
            if (2..=MAX_WHOLE).contains(&self.whole.len()) && !is_hash(&self.whole) {
                emit(Token {
                    text: &self.whole,
                    kind: Kind::Whole,
                    position,
                    span: start..end,
                });
            }
            for piece in &self.pieces {
                for part in split_piece(folded, piece) {
                    let keep = part.len() <= MAX_PART
                        && !is_hash(part)
                        && (part.len() > 1 || part.bytes().all(|b| b.is_ascii_digit()));
                    if keep {
                        emit(Token {
                            text: part,
                            kind: Kind::Part,
                            position,
                            span: piece.span.clone(),
                        });
                        position += 1;
                    }
                }
            }
        }
        self.folded.clear();
        self.pieces.clear();
        position
    }
}

/// Whether the pieces are a GUID: hex digits in groups of 8, 4, 4, 4 and 12.
fn is_guid(folded: &str, pieces: &[Piece]) -> bool {
    let lengths = pieces.iter().map(|piece| piece.end - piece.start);
    let hex = pieces
        .iter()
        .all(|piece| folded.get(piece.start..piece.end).is_some_and(is_hex));
    pieces.len() == 5 && lengths.eq([8, 4, 4, 4, 12]) && hex
}

fn is_hex(text: &str) -> bool {
    text.bytes().all(|b| b.is_ascii_hexdigit())
}

/// Hex runs this long with digits and letters are hashes or keys, not words.
fn is_hash(text: &str) -> bool {
    text.len() >= 16
        && is_hex(text)
        && text.bytes().any(|b| b.is_ascii_digit())
        && text.bytes().any(|b| b.is_ascii_alphabetic())
}

/// A piece's parts: itself, or its two halves when digits and letters meet once
/// (`aadsts50076`, `win10`), or the digits of a `0x` hex number.
fn split_piece<'f>(folded: &'f str, piece: &Piece) -> impl Iterator<Item = &'f str> {
    let text = folded.get(piece.start..piece.end).unwrap_or("");
    let hex = text
        .strip_prefix("0x")
        .filter(|digits| digits.len() >= 4 && digits.bytes().all(|b| b.is_ascii_hexdigit()));
    let (first, second) = match (hex, piece.boundaries) {
        (Some(digits), _) => (digits, ""),
        (None, 1) => {
            let at = piece.boundary - piece.start;
            (text.get(..at).unwrap_or(""), text.get(at..).unwrap_or(""))
        }
        _ => (text, ""),
    };
    [first, second].into_iter().filter(|part| !part.is_empty())
}

/// Every token of `text`, owned, for tests and for the query side.
pub fn tokens(text: &str) -> Vec<(String, Kind, u32)> {
    let mut out = Vec::new();
    Tokenizer::default().run(text, 0, &mut |token| {
        out.push((token.text.to_owned(), token.kind, token.position))
    });
    out
}

#[cfg(test)]
mod tests;
