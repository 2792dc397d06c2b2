//! The decision tree an article is lowered into: nodes in an arena, linked by index.

use serde::{Deserialize, Serialize};

use crate::rich::{Block, Inline};

/// Index of a node in [`DecisionTree::nodes`].
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct NodeId(pub u32);

/// An interactive flow. The compiler guarantees every link points forward (to a higher
/// index), so the tree is acyclic and every walk ends.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct DecisionTree {
    /// The first node shown; always `NodeId(0)` when there are nodes.
    pub root: NodeId,
    pub nodes: Vec<Node>,
}

/// One step of the flow.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Node {
    /// 1-based line of the source this node came from, for authoring tools.
    pub line: u32,
    pub kind: NodeKind,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum NodeKind {
    /// Pick the situation that fits.
    Choice {
        prompt: String,
        choices: Vec<Choice>,
    },
    /// A possible cause, to confirm ("this is it") or rule out.
    Check {
        cause: Vec<Block>,
        if_confirmed: NodeId,
        if_ruled_out: NodeId,
    },
    /// Something to do, followed by "Did this solve your problem?". A "no" goes to
    /// `if_unsolved` when there is one, or ends the flow as not solved.
    Resolution {
        /// The confirmed cause this resolves, if any, repeated for context.
        cause: Vec<Block>,
        body: Vec<Block>,
        /// Alternative fixes; any one of them may solve it.
        alternatives: Vec<Vec<Block>>,
        if_unsolved: Option<NodeId>,
    },
}

/// One answer to a [`NodeKind::Choice`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    pub label: Vec<Inline>,
    /// Blocks shown under the label to help tell the choices apart.
    pub detail: Vec<Block>,
    pub next: NodeId,
}

impl DecisionTree {
    pub fn node(&self, id: NodeId) -> Option<&Node> {
        self.nodes.get(id.0 as usize)
    }

    /// The ids a node leads to.
    pub fn successors(&self, id: NodeId) -> Vec<NodeId> {
        match self.node(id).map(|n| &n.kind) {
            Some(NodeKind::Choice { choices, .. }) => choices.iter().map(|c| c.next).collect(),
            Some(NodeKind::Check {
                if_confirmed,
                if_ruled_out,
                ..
            }) => vec![*if_confirmed, *if_ruled_out],
            Some(NodeKind::Resolution { if_unsolved, .. }) => if_unsolved.iter().copied().collect(),
            None => Vec::new(),
        }
    }

    /// The number of questions on the longest walk from each node to an end, the node
    /// itself included. Relies on links pointing forward; a backward link counts as an end.
    pub fn remaining_depths(&self) -> Vec<u32> {
        let mut depth = vec![1u32; self.nodes.len()];
        for index in (0..self.nodes.len()).rev() {
            let longest = self
                .successors(NodeId(index as u32))
                .into_iter()
                .filter(|next| next.0 as usize > index && (next.0 as usize) < self.nodes.len())
                .map(|next| depth[next.0 as usize])
                .max()
                .unwrap_or(0);
            depth[index] = 1 + longest;
        }
        depth
    }

    /// Checks the invariant the widget relies on: every link points forward and in range.
    pub fn is_well_formed(&self) -> bool {
        (0..self.nodes.len()).all(|index| {
            self.successors(NodeId(index as u32))
                .iter()
                .all(|next| next.0 as usize > index && (next.0 as usize) < self.nodes.len())
        }) && (self.nodes.is_empty() || self.root == NodeId(0))
    }
}
