//! Round trips through both encodings, and the version gate.

use selfhelp_bundle::*;

fn sample() -> Bundle {
    let leaf = Node {
        line: 9,
        kind: NodeKind::Resolution {
            cause: vec![Block::Paragraph(vec![Inline::Text("Cause".into())])],
            body: vec![Block::Paragraph(vec![
                Inline::Text("See ".into()),
                Inline::Link {
                    kind: LinkKind::Web,
                    href: "https://example.com".into(),
                    content: vec![Inline::Strong(vec![Inline::Text("docs".into())])],
                },
                Inline::LineBreak,
            ])],
            alternatives: vec![vec![Block::Paragraph(vec![Inline::Code("x".into())])]],
            if_unsolved: None,
        },
    };
    let root = Node {
        line: 3,
        kind: NodeKind::Choice {
            prompt: "Which fits?".into(),
            choices: vec![Choice {
                label: vec![Inline::Text("A".into())],
                detail: vec![],
                next: NodeId(1),
            }],
        },
    };
    Bundle {
        articles: vec![Article {
            meta: Metadata {
                article_id: "a-1".into(),
                page_title: "T".into(),
                display_order: Some(-3),
                cloud_environments: vec![Cloud::Public, Cloud::Other("Mars".into())],
                self_help_type: SelfHelpType::Other("weird".into()),
                extra: [("ownershipId".to_string(), "x".to_string())].into(),
                ..Metadata::default()
            },
            content_hash: "abc".into(),
            source: "a.md".into(),
            title: vec![Inline::Text("T".into())],
            body: ArticleBody::Tree(DecisionTree {
                root: NodeId(0),
                nodes: vec![root, leaf],
            }),
            further_reading: vec![Block::Rule],
        }],
    }
}

#[test]
fn postcard_round_trip_keeps_everything() {
    let bundle = sample();
    let bytes = encode(&bundle, "test").unwrap();
    let (header, decoded) = decode(&bytes).unwrap();
    assert_eq!(decoded, bundle);
    assert_eq!(header.format_version, FORMAT_VERSION);
    assert_eq!(header.generator, "test");
}

#[test]
fn json_round_trip_keeps_everything() {
    let bundle = sample();
    let json = serde_json::to_string_pretty(&bundle).unwrap();
    assert_eq!(serde_json::from_str::<Bundle>(&json).unwrap(), bundle);
}

#[test]
fn refuses_a_bundle_that_needs_a_newer_reader() {
    let header = Header {
        format_version: FORMAT_VERSION + 5,
        min_compatible_version: FORMAT_VERSION + 1,
        generator: "future".into(),
    };
    let bytes = encode_with_header(&header, &sample()).unwrap();
    let error = decode(&bytes).unwrap_err();
    assert!(matches!(error, BundleError::TooNew { .. }));
    assert!(error.to_string().contains("update the widget"), "{error}");
}

#[test]
fn reads_a_newer_bundle_that_declares_itself_compatible() {
    let header = Header {
        format_version: FORMAT_VERSION + 1,
        min_compatible_version: FORMAT_VERSION,
        generator: "future".into(),
    };
    let bytes = encode_with_header(&header, &sample()).unwrap();
    assert_eq!(decode(&bytes).unwrap().1, sample());
}

#[test]
fn refuses_a_bundle_older_than_the_oldest_readable() {
    let header = Header {
        format_version: MIN_READABLE_VERSION - 1,
        min_compatible_version: 0,
        generator: "old".into(),
    };
    let bytes = encode_with_header(&header, &sample()).unwrap();
    assert!(matches!(
        decode(&bytes),
        Err(BundleError::TooOld { format_version }) if format_version == MIN_READABLE_VERSION - 1
    ));
}

#[test]
fn refuses_garbage_and_truncation_without_panicking() {
    assert_eq!(
        decode(b"<html>not found</html>"),
        Err(BundleError::NotABundle)
    );
    let bytes = encode(&sample(), "t").unwrap();
    for cut in MAGIC.len()..bytes.len() {
        assert!(
            matches!(decode(&bytes[..cut]), Err(BundleError::Corrupt(_))),
            "cut at {cut}"
        );
    }
}

#[test]
fn remaining_depth_counts_the_longest_walk() {
    let ArticleBody::Tree(tree) = &sample().articles[0].body else {
        unreachable!()
    };
    assert!(tree.is_well_formed());
    assert_eq!(tree.remaining_depths(), vec![2, 1]);
}

#[test]
fn parses_types_and_clouds_in_any_spelling() {
    assert_eq!(SelfHelpType::parse("TSG_Content"), SelfHelpType::TsgContent);
    assert_eq!(
        SelfHelpType::parse(" problemscopingquestions "),
        SelfHelpType::ProblemScopingQuestions
    );
    assert_eq!(Cloud::parse("Fairfax"), Cloud::UsGovernment);
    assert_eq!(Cloud::parse(" usnat"), Cloud::UsNat);
    assert_eq!(Cloud::parse("Black Forest"), Cloud::Germany);
}
