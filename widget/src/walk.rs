//! Replays an answer path over a decision tree: where it leads and which prefix is valid.

use selfhelp_bundle::{DecisionTree, NodeId, NodeKind};

use crate::route::Answer;

/// Where a walk stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Position {
    /// A question to answer.
    Node(NodeId),
    /// A resolution fixed the problem.
    Solved,
    /// No resolution fixed the problem: further reading and support.
    NotSolved,
}

/// The outcome of replaying answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Walk {
    pub position: Position,
    /// The answers that fit the tree: the given path, cut at the first one that does not.
    pub taken: Vec<Answer>,
    /// The number of questions answered so far.
    pub depth: usize,
}

/// Follows `answers` from the root. An answer that does not fit its node (a choice
/// index out of range, `y` on a Choice) or that follows an end stops the walk there,
/// so a hand-edited or stale address still shows a real step.
pub fn walk(tree: &DecisionTree, answers: &[Answer]) -> Walk {
    let mut position = Position::Node(tree.root);
    let mut taken = Vec::new();
    for &answer in answers {
        let Position::Node(id) = position else {
            break;
        };
        let Some(next) = tree.node(id).and_then(|node| step(&node.kind, answer)) else {
            break;
        };
        position = next;
        taken.push(answer);
    }
    Walk {
        position,
        depth: taken.len(),
        taken,
    }
}

/// Where one answer to one node leads, if it is an answer to that node.
fn step(kind: &NodeKind, answer: Answer) -> Option<Position> {
    match (kind, answer) {
        (NodeKind::Choice { choices, .. }, Answer::Choice(index)) => choices
            .get(index as usize)
            .map(|choice| Position::Node(choice.next)),
        (NodeKind::Check { if_confirmed, .. }, Answer::Yes) => Some(Position::Node(*if_confirmed)),
        (NodeKind::Check { if_ruled_out, .. }, Answer::No) => Some(Position::Node(*if_ruled_out)),
        (NodeKind::Resolution { .. }, Answer::Yes) => Some(Position::Solved),
        (NodeKind::Resolution { if_unsolved, .. }, Answer::No) => {
            Some(if_unsolved.map_or(Position::NotSolved, Position::Node))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use selfhelp_bundle::{Block, Choice, Inline, Node};

    use super::*;
    use Answer::{Choice as C, No, Yes};

    fn node(kind: NodeKind) -> Node {
        Node { line: 1, kind }
    }

    fn text(value: &str) -> Vec<Block> {
        vec![Block::Paragraph(vec![Inline::Text(value.to_string())])]
    }

    fn resolution(if_unsolved: Option<u32>) -> Node {
        node(NodeKind::Resolution {
            cause: Vec::new(),
            body: text("Do this"),
            alternatives: Vec::new(),
            if_unsolved: if_unsolved.map(NodeId),
        })
    }

    /// 0: Choice → 1 | 4
    /// 1: Check → confirmed 2, ruled out 3
    /// 2: Resolution (unsolved → 3)
    /// 3: Resolution (end)
    /// 4: Resolution (end)
    fn tree() -> DecisionTree {
        let choice = |label: &str, next| Choice {
            label: vec![Inline::Text(label.to_string())],
            detail: Vec::new(),
            next: NodeId(next),
        };
        DecisionTree {
            root: NodeId(0),
            nodes: vec![
                node(NodeKind::Choice {
                    prompt: "Which?".into(),
                    choices: vec![choice("A", 1), choice("B", 4)],
                }),
                node(NodeKind::Check {
                    cause: text("Maybe this"),
                    if_confirmed: NodeId(2),
                    if_ruled_out: NodeId(3),
                }),
                resolution(Some(3)),
                resolution(None),
                resolution(None),
            ],
        }
    }

    fn at(position: Position, taken: &[Answer]) -> Walk {
        Walk {
            position,
            taken: taken.to_vec(),
            depth: taken.len(),
        }
    }

    #[test]
    fn no_answers_is_the_root() {
        assert_eq!(walk(&tree(), &[]), at(Position::Node(NodeId(0)), &[]));
    }

    #[test]
    fn valid_paths_reach_their_nodes() {
        let tree = tree();
        assert_eq!(walk(&tree, &[C(0)]), at(Position::Node(NodeId(1)), &[C(0)]));
        assert_eq!(walk(&tree, &[C(1)]), at(Position::Node(NodeId(4)), &[C(1)]));
        let path = [C(0), Yes];
        assert_eq!(walk(&tree, &path), at(Position::Node(NodeId(2)), &path));
        let path = [C(0), No];
        assert_eq!(walk(&tree, &path), at(Position::Node(NodeId(3)), &path));
        let path = [C(0), Yes, No];
        assert_eq!(walk(&tree, &path), at(Position::Node(NodeId(3)), &path));
    }

    #[test]
    fn resolutions_end_the_walk() {
        let tree = tree();
        let path = [C(0), Yes, Yes];
        assert_eq!(walk(&tree, &path), at(Position::Solved, &path));
        let path = [C(0), Yes, No, No];
        assert_eq!(walk(&tree, &path), at(Position::NotSolved, &path));
        let path = [C(1), No];
        assert_eq!(walk(&tree, &path), at(Position::NotSolved, &path));
    }

    #[test]
    fn answers_that_do_not_fit_cut_the_path() {
        let tree = tree();
        let root = Position::Node(NodeId(0));
        assert_eq!(walk(&tree, &[Yes, C(0)]), at(root, &[]));
        assert_eq!(walk(&tree, &[C(2)]), at(root, &[]));
        let check = Position::Node(NodeId(1));
        assert_eq!(walk(&tree, &[C(0), C(0), Yes]), at(check, &[C(0)]));
        // Nothing follows an end.
        let path = [C(1), Yes];
        assert_eq!(
            walk(&tree, &[C(1), Yes, No, C(0)]),
            at(Position::Solved, &path)
        );
    }

    #[test]
    fn a_dangling_link_stops_without_panicking() {
        let mut tree = tree();
        tree.nodes.truncate(1);
        let dangling = Position::Node(NodeId(1));
        assert_eq!(walk(&tree, &[C(0), Yes]), at(dangling, &[C(0)]));
        let empty = DecisionTree::default();
        assert_eq!(walk(&empty, &[C(0)]), at(Position::Node(NodeId(0)), &[]));
    }
}
