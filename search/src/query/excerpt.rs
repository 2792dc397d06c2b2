//! The excerpt of a hit: the stored passage that matches the most query words, with
//! the byte ranges of the matched words, for the widget to render as elements.

use std::ops::Range;

use crate::analysis::Analyzer;
use crate::document::Field;
use crate::format::Record;
use crate::query::sort::sort_by_key;
use crate::query::Excerpt;

/// Chooses the passage and marks its words. `marks` holds each term worth marking
/// with the query word it stands for. Returns the excerpt and the passage's target.
pub(crate) fn excerpt(
    analyzer: &mut Analyzer,
    record: &Record,
    marks: &[(String, usize)],
) -> (Excerpt, Option<String>) {
    let mut best: Option<(usize, usize, Vec<Range<usize>>)> = None;
    for (index, passage) in record.passages.iter().enumerate() {
        let mut words: Vec<usize> = Vec::new();
        let mut ranges: Vec<Range<usize>> = Vec::new();
        analyzer.run(&passage.text, 0, &mut |term| {
            if let Some((_, word)) = marks.iter().find(|(text, _)| text == term.text) {
                if !words.contains(word) {
                    words.push(*word);
                }
                ranges.push(term.span);
            }
        });
        if words.is_empty() {
            continue;
        }
        let rank = Field::ALL
            .get(usize::from(passage.field))
            .map_or(5, |field| field.excerpt_rank());
        let score = words.len() * 8 + usize::from(5u8.saturating_sub(rank));
        if best.as_ref().is_none_or(|(known, ..)| score > *known) {
            best = Some((score, index, ranges));
        }
    }
    match best.and_then(|(_, index, ranges)| Some((record.passages.get(index)?, ranges))) {
        Some((passage, ranges)) => {
            let excerpt = Excerpt {
                text: passage.text.clone(),
                marks: merge(ranges),
            };
            (excerpt, passage.target.clone())
        }
        None => {
            let text = record
                .passages
                .first()
                .map(|p| p.text.clone())
                .unwrap_or_default();
            (
                Excerpt {
                    text,
                    marks: Vec::new(),
                },
                None,
            )
        }
    }
}

/// The share of the query's `words` that a title has (0 to 1): each counted once, through
/// any of its marked terms.
pub(crate) fn title_cover(
    analyzer: &mut Analyzer,
    title: &str,
    marks: &[(String, usize)],
    words: usize,
) -> f32 {
    if words == 0 {
        return 0.0;
    }
    let mut found: Vec<usize> = Vec::new();
    analyzer.run(title, 0, &mut |term| {
        for (_, word) in marks.iter().filter(|(text, _)| text == term.text) {
            if *word < words && !found.contains(word) {
                found.push(*word);
            }
        }
    });
    found.len() as f32 / words as f32
}

/// Ranges sorted, overlapping ones (a code token and its parts) joined.
fn merge(mut ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    sort_by_key(&mut ranges, |range| (range.start, range.end));
    let mut out: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for range in ranges {
        match out.last_mut() {
            Some(last) if range.start <= last.end => last.end = last.end.max(range.end),
            _ => out.push(range),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::Stored;

    fn record() -> Record {
        let stored = |field: Field, text: &str, target: Option<&str>| Stored {
            field: field.index() as u8,
            text: text.to_string(),
            target: target.map(str::to_string),
        };
        Record {
            key: "k".into(),
            title: "t".into(),
            passages: vec![
                stored(Field::Description, "Disks fill up over time.", None),
                stored(Field::Cause, "Run Set-AzVM to resize the disk", Some("2.1")),
            ],
        }
    }

    #[test]
    fn picks_the_passage_with_most_words_and_marks_them() {
        let marks = vec![
            ("disk".to_string(), 0),
            ("setazvm".to_string(), 1),
            ("set".to_string(), 1),
        ];
        let (excerpt, target) = excerpt(&mut Analyzer::default(), &record(), &marks);
        assert_eq!(excerpt.text, "Run Set-AzVM to resize the disk");
        let marked: Vec<&str> = excerpt
            .marks
            .iter()
            .map(|r| &excerpt.text[r.clone()])
            .collect();
        assert_eq!(marked, ["Set-AzVM", "disk"]);
        assert_eq!(target.as_deref(), Some("2.1"));
    }

    #[test]
    fn without_a_match_the_first_passage_is_shown() {
        let (excerpt, target) = excerpt(
            &mut Analyzer::default(),
            &record(),
            &[("nothing".to_string(), 0)],
        );
        assert_eq!(excerpt.text, "Disks fill up over time.");
        assert!(excerpt.marks.is_empty() && target.is_none());
    }
}
