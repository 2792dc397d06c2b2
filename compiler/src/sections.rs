//! Splits an article's blocks into title, general case, scenarios and further reading.

use selfhelp_bundle::{Block, Inline};

use crate::markdown::SourceBlock;

/// Headings that start the steps section (compared after [`normalize`]; the corpus
/// writes them in about thirty spellings and at every heading level, in bold or not).
const STEPS_HEADINGS: [&str; 14] = [
    "recommended steps",
    "recommended step",
    "troubleshooting steps",
    "troubleshooting step",
    "recommended solutions",
    "recommended solution",
    "recommended actions",
    "recommended action",
    "mitigation steps",
    "steps to resolve the issue",
    "steps to resolve this issue",
    "steps to resolve",
    "additional steps",
    "resolution steps",
];

/// Headings that start further reading (compared after [`normalize`]).
const READING_HEADINGS: [&str; 30] = [
    "recommended documents",
    "recommended document",
    "recommended documentation",
    "recommended docs",
    "recommended reading",
    "recommended resources",
    "recommended articles",
    "recommended videos",
    "resources",
    "additional resources",
    "additional documents",
    "additional documentation",
    "additional information",
    "more resources",
    "more information",
    "learn more",
    "further reading",
    "related documents",
    "related documentation",
    "related information",
    "related articles",
    "related links",
    "useful links",
    "helpful links",
    "helpful articles",
    "next steps",
    "references",
    "reference articles",
    "see also",
    "documentation",
];

/// The level given to a bold-only paragraph used as a heading: below every real one.
pub const PSEUDO_HEADING_LEVEL: u8 = 7;

/// Bold-only paragraphs longer than this are emphasis, not headings.
const PSEUDO_HEADING_MAX_WORDS: usize = 12;

/// Bold-only paragraphs that are callouts, never headings.
const CALLOUTS: [&str; 6] = ["note", "important", "tip", "warning", "caution", "notes"];

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

/// Lowercase, `*`/`_`/`#` and trailing `:`/`.` removed, `&` read as "and", space
/// collapsed.
pub fn normalize(text: &str) -> String {
    let mut cleaned = String::with_capacity(text.len());
    for c in text.chars().filter(|c| !matches!(c, '*' | '_' | '#')) {
        if c.is_ascii() {
            cleaned.push(c.to_ascii_lowercase());
        } else {
            cleaned.extend(c.to_lowercase());
        }
    }
    let mut out = String::with_capacity(cleaned.len());
    for word in cleaned.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(if word == "&" { "and" } else { word });
    }
    let end = out.trim_end_matches([':', '.']).trim_end().len();
    out.truncate(end);
    out
}

/// A heading, or a paragraph that is only bold text (`**Something**`, maybe with a
/// colon) which authors use as a heading below the real ones.
fn heading(block: &SourceBlock) -> Option<(u8, &[Inline])> {
    match &block.block {
        Block::Heading { level, content } => Some((*level, content)),
        Block::Paragraph(content) => {
            let strong = match content.as_slice() {
                [Inline::Strong(inner)] => inner,
                [Inline::Strong(inner), Inline::Text(colon)] if colon.trim() == ":" => inner,
                _ => return None,
            };
            let text = normalize(&Inline::plain_text(strong));
            let words = text.split_whitespace().count();
            let pseudo = words > 0
                && words <= PSEUDO_HEADING_MAX_WORDS
                && !text.ends_with(['.', '!', '?'])
                && !CALLOUTS.contains(&text.as_str());
            pseudo.then_some((PSEUDO_HEADING_LEVEL, strong.as_slice()))
        }
        _ => None,
    }
}

/// The section a heading's text names, with common misspellings ("Reccommended") read
/// as the word they miss.
fn marker_of(text: &str) -> Option<Marker> {
    let close = |known: &&str| {
        *known == text
            || (known.len() >= 12
                && known.len().abs_diff(text.len()) <= 1
                && crate::edit::within_one_edit(known, text))
    };
    if STEPS_HEADINGS.iter().any(close) {
        Some(Marker::Steps)
    } else if READING_HEADINGS.iter().any(close) {
        Some(Marker::Reading)
    } else {
        None
    }
}

/// The level a section heading's section runs at. A bold-only marker ("**Recommended
/// Steps**") runs to the next real heading, so bold-only lines inside are its subsections.
fn marker_level(level: Option<u8>) -> u8 {
    level.map_or(1, |l| l.min(PSEUDO_HEADING_LEVEL - 1))
}

/// What [`split`] knows of each block, worked out once: its heading level, if it is a
/// heading, and the section it starts, if any.
struct Outline {
    levels: Vec<Option<u8>>,
    markers: Vec<Option<Marker>>,
}

impl Outline {
    fn new(blocks: &[SourceBlock]) -> Self {
        let mut levels = Vec::with_capacity(blocks.len());
        let mut markers = Vec::with_capacity(blocks.len());
        for block in blocks {
            let found = heading(block);
            levels.push(found.map(|(level, _)| level));
            markers.push(
                found.and_then(|(_, content)| marker_of(&normalize(&Inline::plain_text(content)))),
            );
        }
        Outline { levels, markers }
    }

    fn level(&self, index: usize) -> Option<u8> {
        self.levels.get(index).copied().flatten()
    }

    fn marker(&self, index: usize) -> Option<Marker> {
        self.markers.get(index).copied().flatten()
    }

    /// The index after the last block of the section headed at `index`: the next heading
    /// of the same or a higher level, or the next section heading of any level.
    fn section_end(&self, index: usize, level: u8) -> usize {
        (index + 1..self.levels.len())
            .find(|&i| self.marker(i).is_some() || self.level(i).is_some_and(|l| l <= level))
            .unwrap_or(self.levels.len())
    }
}

fn mark_dropped(slots: &mut [Option<bool>], index: usize) {
    if let Some(slot) = slots.get_mut(index) {
        *slot = Some(false);
    }
}

/// Splits the top-level blocks of an article (header excluded).
pub fn split(blocks: Vec<SourceBlock>) -> Sections {
    let mut sections = Sections::default();
    let outline = Outline::new(&blocks);
    let title_index =
        (0..blocks.len()).position(|i| outline.level(i) == Some(1) && outline.marker(i).is_none());
    // Where each block goes: `Some(true)` further reading, `Some(false)` dropped (headings
    // that only mark a section), `None` the flow.
    let mut reading = vec![None; blocks.len()];
    if let Some(t) = title_index {
        mark_dropped(&mut reading, t);
    }
    for index in 0..blocks.len() {
        if outline.marker(index) == Some(Marker::Reading) {
            let level = marker_level(outline.level(index));
            mark_dropped(&mut reading, index);
            for slot in reading
                .iter_mut()
                .take(outline.section_end(index, level))
                .skip(index + 1)
            {
                *slot = Some(true);
            }
        }
    }
    let steps = (0..blocks.len()).position(|i| outline.marker(i) == Some(Marker::Steps));
    let mut scenario_ranges = Vec::new();
    if let Some(s) = steps {
        mark_dropped(&mut reading, s);
        let level = marker_level(outline.level(s));
        let end = outline.section_end(s, level);
        let inner = s + 1..end;
        let scenario_level = inner
            .clone()
            .filter_map(|i| outline.level(i))
            .filter(|l| *l > level)
            .min();
        let mut own_end = end;
        if let Some(scenario_level) = scenario_level {
            for index in inner {
                if outline.level(index) == Some(scenario_level) {
                    own_end = own_end.min(index);
                    let stop = outline.section_end(index, scenario_level).min(end);
                    scenario_ranges.push((index, stop));
                }
            }
        }
        for slot in reading.iter_mut().take(end).skip(own_end) {
            slot.get_or_insert(false);
        }
    }
    sections.steps_offset = steps.and_then(|s| blocks.get(s)).map(|b| b.span.start);
    sections.title = title_index.and_then(|t| {
        let block = blocks.get(t)?;
        heading(block).map(|(_, content)| (content.to_vec(), block.span.start))
    });
    // Every block goes to one place at most, so the blocks move rather than being copied;
    // scenario blocks are among the dropped ones and are taken out first.
    let mut blocks: Vec<Option<SourceBlock>> = blocks.into_iter().map(Some).collect();
    for (start, stop) in scenario_ranges {
        let Some(Some(block)) = blocks.get(start) else {
            continue;
        };
        if let Some((_, content)) = heading(block) {
            let label = without_colon(content);
            let offset = block.span.start;
            let end = stop.min(blocks.len()).max(start + 1);
            let inner = blocks.get_mut(start + 1..end).unwrap_or(&mut []);
            sections.scenarios.push(Scenario {
                label,
                offset,
                blocks: inner.iter_mut().filter_map(Option::take).collect(),
            });
        }
    }
    for (block, slot) in blocks.into_iter().zip(&reading) {
        match (block, slot) {
            (Some(block), Some(true)) => sections.further_reading.push(block.block),
            (Some(block), None) => sections.general.push(block),
            _ => {}
        }
    }
    sections
}

/// A label without the colon that ends headings like "**I use a new device:**".
fn without_colon(content: &[Inline]) -> Vec<Inline> {
    let mut label = content.to_vec();
    if let Some(Inline::Text(text)) = label.last_mut() {
        let trimmed = text.trim_end().trim_end_matches(':').trim_end();
        *text = trimmed.to_string();
    }
    label.retain(|i| !matches!(i, Inline::Text(t) if t.is_empty()));
    label
}
