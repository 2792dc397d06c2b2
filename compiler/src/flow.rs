//! Builds decision-tree nodes from a section's blocks: cause checks, resolutions, choices.
//!
//! Nodes are reserved before their children are built, so every link points forward.
//! A section is read as a sequence of stages: an optional preamble, then a cause list,
//! numbered steps (one resolution per step, chained with `if_unsolved`, see [`steps`]),
//! or plain content.

use selfhelp_bundle::{Block, Choice, DecisionTree, Inline, Node, NodeId, NodeKind};

use crate::markdown::SourceBlock;
use crate::source::{LineCounter, SourceFile};

mod steps;

/// The prompt of the root choice between scenarios.
pub const SCENARIO_PROMPT: &str = "Which situation fits?";
/// The label of the last choice, which leads to the steps that apply in general.
pub const GENERAL_CASE_LABEL: &str = "None of these (the general case)";
/// The body shown when every listed cause was ruled out and the section says nothing more.
pub const NO_CAUSE_APPLIES: &str = "None of the listed causes applies.";

/// Leads of at most this many words ("Common root causes include:") are dropped: the
/// checks say the same. Longer ones carry information and are shown before the checks.
const SHORT_LEAD_WORDS: usize = 8;

pub struct TreeBuilder<'a> {
    lines: LineCounter<'a>,
    nodes: Vec<Node>,
}

impl<'a> TreeBuilder<'a> {
    pub fn new(source: &'a SourceFile) -> Self {
        TreeBuilder {
            lines: LineCounter::new(source),
            nodes: Vec::new(),
        }
    }

    pub fn finish(self) -> DecisionTree {
        DecisionTree {
            root: NodeId(0),
            nodes: self.nodes,
        }
    }

    fn next_id(&self) -> NodeId {
        NodeId(u32::try_from(self.nodes.len()).unwrap_or(u32::MAX))
    }

    /// Reserves a node to be filled in by [`set`](Self::set) once its children exist.
    pub(crate) fn reserve(&mut self, offset: usize) -> NodeId {
        self.push(offset, resolution(Vec::new(), Vec::new()))
    }

    pub(crate) fn push(&mut self, offset: usize, kind: NodeKind) -> NodeId {
        let id = self.next_id();
        let line = self.lines.line(offset);
        self.nodes.push(Node { line, kind });
        id
    }

    pub(crate) fn set(&mut self, id: NodeId, kind: NodeKind) {
        if let Some(node) = self.nodes.get_mut(id.0 as usize) {
            node.kind = kind;
        }
    }

    /// A root choice: one choice per labelled subtree, in order.
    pub fn choice(
        &mut self,
        offset: usize,
        options: Vec<(Vec<Inline>, usize, Vec<SourceBlock>)>,
    ) -> NodeId {
        let id = self.reserve(offset);
        let mut choices = Vec::new();
        for (label, offset, blocks) in options {
            let next = self.flow(blocks, offset);
            choices.push(Choice {
                label,
                detail: Vec::new(),
                next,
            });
        }
        self.set(
            id,
            NodeKind::Choice {
                prompt: SCENARIO_PROMPT.to_string(),
                choices,
            },
        );
        id
    }

    /// The flow of one section. `offset` locates the section when it has no blocks.
    pub fn flow(&mut self, blocks: Vec<SourceBlock>, offset: usize) -> NodeId {
        let Some(lead) = find_cause_list(&blocks).filter(|&i| i + 1 < blocks.len()) else {
            if let Some(list) = steps::find(&blocks) {
                return self.steps(blocks, list);
            }
            return self.content(blocks, offset);
        };
        // The blocks move into the nodes: before the lead, the lead, the list, the rest.
        let mut rest = blocks.into_iter();
        let mut preamble: Vec<SourceBlock> = rest.by_ref().take(lead).collect();
        let (Some(lead_block), Some(list)) = (rest.next(), rest.next()) else {
            return self.content(preamble, offset);
        };
        let fallback: Vec<SourceBlock> = rest.collect();
        let fallback_offset = fallback.first().unwrap_or(&lead_block).span.start;
        if word_count(&lead_block.block) > SHORT_LEAD_WORDS {
            preamble.push(lead_block);
        }
        let fallback: Vec<Block> = fallback.into_iter().map(|b| b.block).collect();
        match preamble.first() {
            Some(first) => {
                let id = self.reserve(first.span.start);
                let checks = self.causes(list, fallback, fallback_offset);
                let body = preamble.into_iter().map(|b| b.block).collect();
                let mut kind = resolution(Vec::new(), body);
                if let NodeKind::Resolution { if_unsolved, .. } = &mut kind {
                    *if_unsolved = Some(checks);
                }
                self.set(id, kind);
                id
            }
            None => self.causes(list, fallback, fallback_offset),
        }
    }

    /// Plain content: one resolution with all of it.
    fn content(&mut self, blocks: Vec<SourceBlock>, offset: usize) -> NodeId {
        let offset = blocks.first().map_or(offset, |b| b.span.start);
        let body = blocks.into_iter().map(|b| b.block).collect();
        self.push(offset, resolution(Vec::new(), body))
    }

    /// A chain of checks, one per item of the cause list, ending in the fallback.
    fn causes(
        &mut self,
        list: SourceBlock,
        fallback: Vec<Block>,
        fallback_offset: usize,
    ) -> NodeId {
        let items: Vec<Vec<Block>> = match list.block {
            Block::List { items, .. } => items,
            _ => Vec::new(),
        };
        let mut first = None;
        let mut pending: Option<(NodeId, Vec<Block>, NodeId)> = None;
        for (index, item) in items.into_iter().enumerate() {
            let offset = list
                .item_spans
                .get(index)
                .map_or(list.span.start, |s| s.start);
            let check = self.reserve(offset);
            first.get_or_insert(check);
            if let Some((previous, cause, confirmed)) = pending.take() {
                self.set(previous, check_kind(cause, confirmed, check));
            }
            let (cause, kind) = confirmed_resolution(item, &fallback);
            let confirmed = self.push(offset, kind);
            pending = Some((check, cause, confirmed));
        }
        let body = if fallback.is_empty() {
            vec![Block::Paragraph(vec![Inline::Text(
                NO_CAUSE_APPLIES.into(),
            )])]
        } else {
            fallback
        };
        let last = self.push(fallback_offset, resolution(Vec::new(), body));
        if let Some((previous, cause, confirmed)) = pending {
            self.set(previous, check_kind(cause, confirmed, last));
        }
        first.unwrap_or(last)
    }
}

pub(crate) fn resolution(cause: Vec<Block>, body: Vec<Block>) -> NodeKind {
    NodeKind::Resolution {
        cause,
        body,
        alternatives: Vec::new(),
        if_unsolved: None,
    }
}

fn check_kind(cause: Vec<Block>, if_confirmed: NodeId, if_ruled_out: NodeId) -> NodeKind {
    NodeKind::Check {
        cause,
        if_confirmed,
        if_ruled_out,
    }
}

/// What confirming a cause leads to. A nested bullet list holds alternative fixes; a
/// nested numbered list is one fix in steps; without either, the section's fallback.
fn confirmed_resolution(item: Vec<Block>, fallback: &[Block]) -> (Vec<Block>, NodeKind) {
    let nested = item.iter().position(|b| matches!(b, Block::List { .. }));
    let Some(index) = nested else {
        return (item.clone(), resolution(item, fallback.to_vec()));
    };
    let mut cause = item;
    let list = cause.remove(index);
    let kind = match list {
        Block::List { start: None, items } => NodeKind::Resolution {
            cause: cause.clone(),
            body: Vec::new(),
            alternatives: items,
            if_unsolved: None,
        },
        ordered => resolution(cause.clone(), vec![ordered]),
    };
    (cause, kind)
}

/// The index of a paragraph that introduces causes and is followed by a list.
fn find_cause_list(blocks: &[SourceBlock]) -> Option<usize> {
    blocks.windows(2).position(|pair| match pair {
        [lead, list] => {
            matches!(list.block, Block::List { .. })
                && matches!(&lead.block, Block::Paragraph(c) if is_cause_lead(&Inline::plain_text(c)))
        }
        _ => false,
    })
}

/// Whether a paragraph introduces a list of causes: its last clause ends with `:` and
/// names causes or reasons ("Common root causes include:", "…for one of the following
/// reasons:"), or the whole paragraph is a short title like "Possible causes".
pub fn is_cause_lead(text: &str) -> bool {
    let text = text.trim().trim_end_matches(['*', '_']).trim_end();
    let (clause, has_colon) = match text.strip_suffix(':') {
        Some(rest) => {
            let start = rest.rfind(['.', '!', '?']).map_or(0, |i| i + 1);
            (rest.get(start..).unwrap_or(rest), true)
        }
        None => (text, false),
    };
    let words = || {
        clause
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
    };
    let names_causes = words().any(|w| {
        ["cause", "causes", "caused", "reason", "reasons"]
            .iter()
            .any(|known| w.eq_ignore_ascii_case(known))
    });
    names_causes && (has_colon || words().count() <= 4)
}

fn word_count(block: &Block) -> usize {
    Block::plain_text(std::slice::from_ref(block))
        .split_whitespace()
        .count()
}
