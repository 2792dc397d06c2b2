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
    pub(super) fn steps(&mut self, blocks: &[SourceBlock], list_index: usize) -> NodeId {
        let (before, rest) = blocks.split_at(list_index);
        let Some((list, after)) = rest.split_first() else {
            return self.push(0, resolution(Vec::new(), Vec::new()));
        };
        let (start, items) = match &list.block {
            Block::List {
                start: Some(start),
                items,
            } => (*start, items.clone()),
            _ => (1, Vec::new()),
        };
        let mut first = None;
        let mut previous: Option<(NodeId, Vec<Block>)> = None;
        for (index, item) in items.into_iter().enumerate() {
            let offset = list
                .item_spans
                .get(index)
                .map_or(list.span.start, |s| s.start);
            let offset = if index == 0 {
                before.first().map_or(offset, |b| b.span.start)
            } else {
                offset
            };
            let id = self.reserve(offset);
            first.get_or_insert(id);
            if let Some((prev, body)) = previous.take() {
                self.set(prev, chained(body, Some(id)));
            }
            let mut body: Vec<Block> = if index == 0 {
                before.iter().map(|b| b.block.clone()).collect()
            } else {
                Vec::new()
            };
            // Keep the step's number: a one-item list starting where the step was.
            body.push(Block::List {
                start: Some(start.saturating_add(index as u64)),
                items: vec![item],
            });
            previous = Some((id, body));
        }
        let last = match after.first() {
            Some(first_after) => {
                let body = after.iter().map(|b| b.block.clone()).collect();
                Some(self.push(first_after.span.start, resolution(Vec::new(), body)))
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
