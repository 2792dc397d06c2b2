//! Posting lists packed as bytes: varint document gaps, an impact byte, a class byte
//! and, in heads, a few positions. Reading never panics: a damaged list is an error.

/// Positions kept per document in a head; enough for phrase and proximity boosts.
pub const MAX_POSITIONS: usize = 3;

/// One document of a posting list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Posting {
    pub doc: u32,
    /// The term's BM25F score in the document, quantised to 1..=255.
    pub impact: u8,
    /// The document's facet class (index into `Root::classes`).
    pub class: u8,
    pub positions: [u32; MAX_POSITIONS],
    pub position_count: u8,
}

impl Posting {
    pub fn positions(&self) -> &[u32] {
        &self.positions[..usize::from(self.position_count).min(MAX_POSITIONS)]
    }
}

/// A list that cannot be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Damaged;

pub fn write_varint(out: &mut Vec<u8>, mut value: u32) {
    while value >= 0x80 {
        out.push((value as u8) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

/// Reads bytes from the front of a slice.
struct Reader<'a> {
    bytes: &'a [u8],
}

impl Reader<'_> {
    fn byte(&mut self) -> Result<u8, Damaged> {
        let (&first, rest) = self.bytes.split_first().ok_or(Damaged)?;
        self.bytes = rest;
        Ok(first)
    }

    fn varint(&mut self) -> Result<u32, Damaged> {
        let mut value: u32 = 0;
        for shift in (0..35).step_by(7) {
            let byte = self.byte()?;
            value |= u32::from(byte & 0x7f).checked_shl(shift).ok_or(Damaged)?;
            if byte < 0x80 {
                return Ok(value);
            }
        }
        Err(Damaged)
    }
}

/// Packs a list sorted by document; `with_positions` for heads.
pub fn encode(list: &[Posting], with_positions: bool) -> Vec<u8> {
    let mut out = Vec::with_capacity(list.len() * if with_positions { 6 } else { 3 } + 2);
    write_varint(&mut out, list.len() as u32);
    let mut previous = 0;
    for posting in list {
        write_varint(&mut out, posting.doc - previous);
        previous = posting.doc;
        out.push(posting.impact);
        out.push(posting.class);
        if with_positions {
            let positions = posting.positions();
            out.push(positions.len() as u8);
            let mut last = 0;
            for &position in positions {
                write_varint(&mut out, position - last);
                last = position;
            }
        }
    }
    out
}

/// Unpacks a list written by [`encode`], appending to `out`.
pub fn decode(bytes: &[u8], with_positions: bool, out: &mut Vec<Posting>) -> Result<(), Damaged> {
    let mut reader = Reader { bytes };
    let count = reader.varint()? as usize;
    // Each posting takes at least three bytes, so a damaged count cannot reserve much.
    if count > bytes.len() / 3 + 1 {
        return Err(Damaged);
    }
    out.reserve(count);
    let mut doc: u32 = 0;
    for index in 0..count {
        let gap = reader.varint()?;
        if index > 0 && gap == 0 {
            return Err(Damaged);
        }
        doc = doc.checked_add(gap).ok_or(Damaged)?;
        let mut posting = Posting {
            doc,
            impact: reader.byte()?,
            class: reader.byte()?,
            ..Posting::default()
        };
        if with_positions {
            let count = reader.byte()?;
            if usize::from(count) > MAX_POSITIONS {
                return Err(Damaged);
            }
            let mut position: u32 = 0;
            for slot in posting.positions.iter_mut().take(usize::from(count)) {
                position = position.checked_add(reader.varint()?).ok_or(Damaged)?;
                *slot = position;
            }
            posting.position_count = count;
        }
        out.push(posting);
    }
    if reader.bytes.is_empty() {
        Ok(())
    } else {
        Err(Damaged)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Vec<Posting> {
        let mut first = Posting {
            doc: 3,
            impact: 200,
            class: 1,
            ..Posting::default()
        };
        first.positions[..2].copy_from_slice(&[0, 17]);
        first.position_count = 2;
        let second = Posting {
            doc: 300_000,
            impact: 1,
            class: 0,
            ..Posting::default()
        };
        vec![first, second]
    }

    #[test]
    fn round_trips_with_and_without_positions() {
        for with_positions in [true, false] {
            let mut expected = sample();
            if !with_positions {
                expected.iter_mut().for_each(|p| {
                    *p = Posting {
                        positions: [0; MAX_POSITIONS],
                        position_count: 0,
                        ..*p
                    }
                });
            }
            let mut decoded = Vec::new();
            decode(
                &encode(&sample(), with_positions),
                with_positions,
                &mut decoded,
            )
            .unwrap();
            assert_eq!(decoded, expected);
        }
    }

    #[test]
    fn damaged_lists_are_errors() {
        let bytes = encode(&sample(), true);
        for cut in 0..bytes.len() {
            assert_eq!(
                decode(&bytes[..cut], true, &mut Vec::new()),
                Err(Damaged),
                "cut at {cut}"
            );
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert_eq!(decode(&longer, true, &mut Vec::new()), Err(Damaged));
        assert_eq!(
            decode(
                &[0xff, 0xff, 0xff, 0xff, 0xff, 0x01],
                false,
                &mut Vec::new()
            ),
            Err(Damaged)
        );
        // A count far beyond the bytes.
        assert_eq!(decode(&[0xff, 0x7f], false, &mut Vec::new()), Err(Damaged));
    }
}
