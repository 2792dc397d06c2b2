//! Numbered steps as a walk: one resolution per step, "No" goes on to the next step.

use selfhelp_bundle::{Block, NodeId, NodeKind};

use super::{resolution, TreeBuilder};
use crate::markdown::SourceBlock;

/// At most this many blocks may follow the list: more, and the list is part of a longer
/// document rather than the section's steps, so it stays one page.
const MAX_BLOCKS_AFTER: usize = 2;

/// The index of the numbered list that holds a section's steps: an ordered list of at
/// least two items, with no heading anywhere in the section and little after it.
pub fn find(blocks: &[SourceBlock]) -> Option<usize> {
    if blocks
        .iter()
        .any(|b| matches!(b.block, Block::Heading { .. }))
    {
        return None;
    }
    let index = blocks.iter().position(
        |b| matches!(&b.block, Block::List { start: Some(_), items } if items.len() >= 2),
    )?;
    (blocks.len() - index - 1 <= MAX_BLOCKS_AFTER).then_some(index)
}

impl TreeBuilder<'_> {
    /// One resolution per step; the blocks before the list go with the first step and
    /// the blocks after it become a last resolution reached when no step helped.
    pub(super) fn steps(&mut self, blocks: Vec<SourceBlock>, list_index: usize) -> NodeId {
        // The blocks move into the nodes: those before the list, the list, those after.
        let mut rest = blocks.into_iter();
        let before: Vec<SourceBlock> = rest.by_ref().take(list_index).collect();
        let Some(list) = rest.next() else {
            return self.push(0, resolution(Vec::new(), Vec::new()));
        };
        let after: Vec<SourceBlock> = rest.collect();
        let (start, items) = match list.block {
            Block::List {
                start: Some(start),
                items,
            } => (start, items),
            _ => (1, Vec::new()),
        };
        let before_offset = before.first().map(|b| b.span.start);
        let mut before = Some(before);
        let mut first = None;
        let mut previous: Option<(NodeId, Vec<Block>)> = None;
        for (index, item) in items.into_iter().enumerate() {
            let offset = list
                .item_spans
                .get(index)
                .map_or(list.span.start, |s| s.start);
            let offset = if index == 0 {
                before_offset.unwrap_or(offset)
            } else {
                offset
            };
            let id = self.reserve(offset);
            first.get_or_insert(id);
            if let Some((prev, body)) = previous.take() {
                self.set(prev, chained(body, Some(id)));
            }
            // The blocks before the list go with the first step.
            let mut body: Vec<Block> = before
                .take()
                .map(|blocks| blocks.into_iter().map(|b| b.block).collect())
                .unwrap_or_default();
            // Keep the step's number: a one-item list starting where the step was.
            body.push(Block::List {
                start: Some(start.saturating_add(index as u64)),
                items: vec![item],
            });
            previous = Some((id, body));
        }
        let last = match after.first().map(|b| b.span.start) {
            Some(offset) => {
                let body = after.into_iter().map(|b| b.block).collect();
                Some(self.push(offset, resolution(Vec::new(), body)))
            }
            None => None,
        };
        if let Some((prev, body)) = previous {
            self.set(prev, chained(body, last));
        }
        first.or(last).unwrap_or(NodeId(0))
    }
}

fn chained(body: Vec<Block>, next: Option<NodeId>) -> NodeKind {
    match resolution(Vec::new(), body) {
        NodeKind::Resolution {
            cause,
            body,
            alternatives,
            ..
        } => NodeKind::Resolution {
            cause,
            body,
            alternatives,
            if_unsolved: next,
        },
        other => other,
    }
}
