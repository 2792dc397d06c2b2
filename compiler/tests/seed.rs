//! The seed article's tree, asserted shape by shape (not only through a snapshot).

use selfhelp_bundle::{
    Article, ArticleBody, Block, DecisionTree, Inline, LinkKind, Node, NodeKind,
};

fn seed() -> Article {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/seed.md");
    let bytes = std::fs::read(path).expect("seed fixture");
    let compiled = selfhelp_compiler::compile("seed.md", "seed.md", &bytes);
    assert!(
        compiled.diagnostics.is_empty(),
        "{:?}",
        compiled.diagnostics
    );
    compiled.article.expect("the seed compiles")
}

fn tree(article: &Article) -> &DecisionTree {
    match &article.body {
        ArticleBody::Tree(tree) => tree,
        ArticleBody::Form(_) | ArticleBody::Data(_) => panic!("the seed is a tree"),
    }
}

fn node(tree: &DecisionTree, id: selfhelp_bundle::NodeId) -> &Node {
    tree.node(id).expect("node exists")
}

fn links(blocks: &[Block]) -> Vec<(LinkKind, String)> {
    fn walk_inlines(inlines: &[Inline], out: &mut Vec<(LinkKind, String)>) {
        for inline in inlines {
            match inline {
                Inline::Link {
                    kind,
                    href,
                    content,
                } => {
                    out.push((*kind, href.clone()));
                    walk_inlines(content, out);
                }
                Inline::Strong(c) | Inline::Emphasis(c) | Inline::Strikethrough(c) => {
                    walk_inlines(c, out)
                }
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    for block in blocks {
        match block {
            Block::Paragraph(c) | Block::Heading { content: c, .. } => walk_inlines(c, &mut out),
            Block::List { items, .. } => items.iter().for_each(|i| out.extend(links(i))),
            Block::Quote(inner) => out.extend(links(inner)),
            _ => {}
        }
    }
    out
}

/// Follows `if_ruled_out` from a check chain, returning the checks and the final node.
fn chain(tree: &DecisionTree, start: selfhelp_bundle::NodeId) -> (Vec<&Node>, &Node) {
    let mut checks = Vec::new();
    let mut current = node(tree, start);
    while let NodeKind::Check { if_ruled_out, .. } = &current.kind {
        checks.push(current);
        current = node(tree, *if_ruled_out);
    }
    (checks, current)
}

#[test]
fn seed_tree_has_the_expected_shape() {
    let article = seed();
    assert_eq!(
        article.meta.article_id,
        "dcb1cb39-ac8b-4542-9575-9f52ff11cecf"
    );
    assert_eq!(
        Inline::plain_text(&article.title),
        "Password hash sync not working"
    );
    let tree = tree(&article);
    assert!(tree.is_well_formed());
    assert_eq!(tree.root.0, 0);

    let NodeKind::Choice { prompt, choices } = &node(tree, tree.root).kind else {
        panic!("root is a choice");
    };
    assert_eq!(prompt, "Which situation fits?");
    let labels: Vec<String> = choices
        .iter()
        .map(|c| Inline::plain_text(&c.label))
        .collect();
    assert_eq!(
        labels,
        [
            "Password synchronization does not work for specific user",
            "None of these (the general case)"
        ]
    );
    assert!(choices.iter().all(|c| c.detail.is_empty()));

    // General case: four checks, then the fallback with the troubleshooting link.
    let (checks, last) = chain(tree, choices[1].next);
    assert_eq!(checks.len(), 4);
    assert!(Block::plain_text(match &checks[3].kind {
        NodeKind::Check { cause, .. } => cause,
        _ => unreachable!(),
    })
    .contains("staging mode"));
    let NodeKind::Resolution {
        cause,
        body,
        alternatives,
        if_unsolved,
    } = &last.kind
    else {
        panic!("the chain ends in a resolution");
    };
    assert!(cause.is_empty() && alternatives.is_empty() && if_unsolved.is_none());
    let fallback_links = links(body);
    assert_eq!(fallback_links.len(), 1);
    assert_eq!(fallback_links[0].0, LinkKind::Web);
    assert!(fallback_links[0].1.ends_with(
        "tshoot-connect-password-hash-synchronization#no-passwords-are-synchronized-troubleshoot-by-using-the-troubleshooting-task"
    ));
    // A confirmed general cause without nested fixes resolves with the fallback.
    let NodeKind::Check { if_confirmed, .. } = &checks[0].kind else {
        unreachable!()
    };
    let NodeKind::Resolution { cause, body: b, .. } = &node(tree, *if_confirmed).kind else {
        panic!("confirming leads to a resolution");
    };
    assert!(Block::plain_text(cause).contains("Replicate Directory Changes"));
    assert_eq!(b, body);

    // Specific case: the first cause has two alternative fixes.
    let (checks, _) = chain(tree, choices[0].next);
    assert_eq!(checks.len(), 2);
    let NodeKind::Check { if_confirmed, .. } = &checks[0].kind else {
        unreachable!()
    };
    let NodeKind::Resolution {
        cause,
        body,
        alternatives,
        if_unsolved,
    } = &node(tree, *if_confirmed).kind
    else {
        panic!("confirming leads to a resolution");
    };
    assert_eq!(alternatives.len(), 2);
    assert!(body.is_empty() && if_unsolved.is_none());
    assert!(Block::plain_text(cause).contains("User must change password at next logon"));
    assert!(!cause.iter().any(|b| matches!(b, Block::List { .. })));
    assert!(Block::plain_text(&alternatives[0]).starts_with("Ask the user to sign in"));

    // Lines point at the source: the root at the steps heading, checks at their items.
    assert_eq!(node(tree, tree.root).line, 19);
    assert_eq!(checks[0].line, 34);

    // Further reading: one list with one link.
    assert_eq!(article.further_reading.len(), 1);
    let Block::List { items, .. } = &article.further_reading[0] else {
        panic!("further reading is a list");
    };
    assert_eq!(items.len(), 1);
    assert_eq!(links(&article.further_reading).len(), 1);
}
