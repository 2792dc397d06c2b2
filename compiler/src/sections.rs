//! Splits an article's blocks into title, general case, scenarios and further reading.

use selfhelp_bundle::{Block, Inline};

use crate::markdown::SourceBlock;

/// Headings that start the steps section (compared after [`normalize`]).
const STEPS_HEADINGS: [&str; 6] = [
    "recommended steps",
    "recommended step",
    "troubleshooting steps",
    "troubleshooting step",
    "recommended solutions",
    "recommended solution",
];

/// Headings that start further reading (compared after [`normalize`]).
const READING_HEADINGS: [&str; 10] = [
    "recommended documents",
    "recommended document",
    "recommended documentation",
    "recommended docs",
    "resources",
    "additional resources",
    "learn more",
    "further reading",
    "related documents",
    "related documentation",
];

/// A `###` subsection of the steps section: one situation the reader may be in.
#[derive(Debug, Clone)]
pub struct Scenario {
    pub label: Vec<Inline>,
    /// Span start of the heading.
    pub offset: usize,
    pub blocks: Vec<SourceBlock>,
}

/// The parts of an article body.
#[derive(Debug, Clone, Default)]
pub struct Sections {
    /// The first H1 that is not a section heading, with its span start.
    pub title: Option<(Vec<Inline>, usize)>,
    /// Where the steps heading starts, when there is one.
    pub steps_offset: Option<usize>,
    pub scenarios: Vec<Scenario>,
    /// Intro, the steps section's own content, and anything after the steps section.
    pub general: Vec<SourceBlock>,
    pub further_reading: Vec<Block>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Marker {
    Steps,
    Reading,
}

/// Lowercase, `*`/`_`/`:` and surrounding space removed, inner space collapsed.
pub fn normalize(text: &str) -> String {
    let cleaned: String = text
        .chars()
        .filter(|c| !matches!(c, '*' | '_'))
        .flat_map(char::to_lowercase)
        .collect();
    let joined = cleaned.split_whitespace().collect::<Vec<_>>().join(" ");
    joined.trim_end_matches([':', '.']).trim().to_string()
}

fn heading(block: &SourceBlock) -> Option<(u8, &[Inline])> {
    match &block.block {
        Block::Heading { level, content } => Some((*level, content)),
        _ => None,
    }
}

fn marker(block: &SourceBlock) -> Option<Marker> {
    let (_, content) = heading(block)?;
    let text = normalize(&Inline::plain_text(content));
    if STEPS_HEADINGS.contains(&text.as_str()) {
        Some(Marker::Steps)
    } else if READING_HEADINGS.contains(&text.as_str()) {
        Some(Marker::Reading)
    } else {
        None
    }
}

/// The index after the last block of the section headed at `index`: the next heading of
/// the same or a higher level, or the next section heading of any level.
fn section_end(blocks: &[SourceBlock], index: usize, level: u8) -> usize {
    blocks
        .iter()
        .enumerate()
        .skip(index + 1)
        .find(|(_, b)| marker(b).is_some() || heading(b).is_some_and(|(l, _)| l <= level))
        .map_or(blocks.len(), |(i, _)| i)
}

fn mark_dropped(slots: &mut [Option<bool>], index: usize) {
    if let Some(slot) = slots.get_mut(index) {
        *slot = Some(false);
    }
}

/// Splits the top-level blocks of an article (header excluded).
pub fn split(blocks: Vec<SourceBlock>) -> Sections {
    let mut sections = Sections::default();
    let markers: Vec<Option<Marker>> = blocks.iter().map(marker).collect();
    let title_index = blocks.iter().enumerate().position(|(i, b)| {
        heading(b).is_some_and(|(level, _)| level == 1) && markers.get(i) == Some(&None)
    });
    // Where each block goes: `Some(true)` further reading, `Some(false)` dropped (headings
    // that only mark a section), `None` the flow.
    let mut reading = vec![None; blocks.len()];
    if let Some(t) = title_index {
        mark_dropped(&mut reading, t);
    }
    for (index, block) in blocks.iter().enumerate() {
        if markers.get(index) == Some(&Some(Marker::Reading)) {
            let level = heading(block).map_or(1, |(l, _)| l);
            mark_dropped(&mut reading, index);
            for slot in reading
                .iter_mut()
                .take(section_end(&blocks, index, level))
                .skip(index + 1)
            {
                *slot = Some(true);
            }
        }
    }
    let steps = markers.iter().position(|m| *m == Some(Marker::Steps));
    let mut scenario_ranges = Vec::new();
    if let Some(s) = steps {
        mark_dropped(&mut reading, s);
        let level = blocks.get(s).and_then(heading).map_or(1, |(l, _)| l);
        let end = section_end(&blocks, s, level);
        let inner = s + 1..end;
        let scenario_level = blocks
            .get(inner.clone())
            .unwrap_or(&[])
            .iter()
            .filter_map(heading)
            .map(|(l, _)| l)
            .filter(|l| *l > level)
            .min();
        let mut own_end = end;
        if let Some(scenario_level) = scenario_level {
            for index in inner.clone() {
                let block = blocks.get(index);
                if block
                    .and_then(heading)
                    .is_some_and(|(l, _)| l == scenario_level)
                {
                    own_end = own_end.min(index);
                    let stop = section_end(&blocks, index, scenario_level).min(end);
                    scenario_ranges.push((index, stop));
                }
            }
        }
        for slot in reading.iter_mut().take(end).skip(own_end) {
            slot.get_or_insert(false);
        }
    }
    for (block, slot) in blocks.iter().zip(&reading) {
        match slot {
            Some(true) => sections.further_reading.push(block.block.clone()),
            Some(false) => {}
            None => sections.general.push(block.clone()),
        }
    }
    for (start, stop) in scenario_ranges {
        let Some(block) = blocks.get(start) else {
            continue;
        };
        if let Some((_, content)) = heading(block) {
            sections.scenarios.push(Scenario {
                label: content.to_vec(),
                offset: block.span.start,
                blocks: blocks.get(start + 1..stop).unwrap_or(&[]).to_vec(),
            });
        }
    }
    sections.title = title_index.and_then(|t| {
        let block = blocks.get(t)?;
        heading(block).map(|(_, content)| (content.to_vec(), block.span.start))
    });
    sections.steps_offset = steps.and_then(|s| blocks.get(s)).map(|b| b.span.start);
    sections
}
