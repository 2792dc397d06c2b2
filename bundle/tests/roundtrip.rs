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

fn chunk() -> Chunk {
    Chunk {
        articles: sample()
            .articles
            .into_iter()
            .map(|article| ChunkArticle {
                article,
                related: Related {
                    scoping_form: Some("form-1".into()),
                },
            })
            .collect(),
    }
}

fn with_header(header: Header) -> Vec<u8> {
    let payload = postcard::to_allocvec(&chunk()).unwrap();
    encode_with_header(&header, &payload).unwrap()
}

fn header(format_version: u32, min_compatible_version: u32) -> Header {
    Header {
        format_version,
        min_compatible_version,
        generator: "test".into(),
        kind: FileKind::Chunk,
    }
}

#[test]
fn postcard_round_trip_keeps_everything() {
    let bytes = encode_file(FileKind::Chunk, &chunk(), "test").unwrap();
    let (header, decoded): (Header, Chunk) = decode_file(FileKind::Chunk, &bytes).unwrap();
    assert_eq!(decoded, chunk());
    assert_eq!(header.format_version, FORMAT_VERSION);
    assert_eq!(header.generator, "test");
    assert_eq!(header.kind, FileKind::Chunk);
}

#[test]
fn json_round_trip_keeps_everything() {
    let bundle = sample();
    let json = serde_json::to_string_pretty(&bundle).unwrap();
    assert_eq!(serde_json::from_str::<Bundle>(&json).unwrap(), bundle);
}

#[test]
fn refuses_a_file_that_needs_a_newer_reader() {
    let bytes = with_header(header(FORMAT_VERSION + 5, FORMAT_VERSION + 1));
    let error = decode_file::<Chunk>(FileKind::Chunk, &bytes).unwrap_err();
    assert!(matches!(error, BundleError::TooNew { .. }));
    assert!(error.to_string().contains("update the widget"), "{error}");
}

#[test]
fn refuses_a_newer_file_even_when_its_header_grew() {
    // A future header with more fields than this reader knows: the versions alone decide.
    let mut bytes = MAGIC.to_vec();
    bytes.extend(postcard::to_allocvec(&(FORMAT_VERSION + 3, FORMAT_VERSION + 2)).unwrap());
    bytes.extend(b"\xff\xff\xffwhatever comes next");
    assert!(matches!(
        read_header(&bytes),
        Err(BundleError::TooNew { format_version, .. }) if format_version == FORMAT_VERSION + 3
    ));
}

#[test]
fn reads_a_newer_file_that_declares_itself_compatible() {
    let bytes = with_header(header(FORMAT_VERSION + 1, FORMAT_VERSION));
    assert_eq!(
        decode_file::<Chunk>(FileKind::Chunk, &bytes).unwrap().1,
        chunk()
    );
}

#[test]
fn refuses_a_file_older_than_the_oldest_readable() {
    let bytes = with_header(header(MIN_READABLE_VERSION - 1, 0));
    assert!(matches!(
        decode_file::<Chunk>(FileKind::Chunk, &bytes),
        Err(BundleError::TooOld { format_version }) if format_version == MIN_READABLE_VERSION - 1
    ));
}

#[test]
fn refuses_a_file_of_another_kind() {
    let bytes = encode_file(FileKind::Entry, &Entry::default(), "t").unwrap();
    let error = decode_file::<Chunk>(FileKind::Chunk, &bytes).unwrap_err();
    assert_eq!(
        error,
        BundleError::WrongKind {
            expected: FileKind::Chunk,
            found: FileKind::Entry
        }
    );
    assert_eq!(error.to_string(), "expected a chunk but found a entry");
}

#[test]
fn refuses_garbage_and_truncation_without_panicking() {
    assert_eq!(
        decode_file::<Chunk>(FileKind::Chunk, b"<html>not found</html>"),
        Err(BundleError::NotABundle)
    );
    let bytes = encode_file(FileKind::Chunk, &chunk(), "t").unwrap();
    for cut in MAGIC.len()..bytes.len() {
        assert!(
            matches!(
                decode_file::<Chunk>(FileKind::Chunk, &bytes[..cut]),
                Err(BundleError::Corrupt(_))
            ),
            "cut at {cut}"
        );
    }
}

/// Quotes nested `levels` deep around one paragraph.
fn nested_quotes(levels: usize) -> Block {
    let mut block = Block::Paragraph(vec![Inline::Text("deep".into())]);
    for _ in 0..levels {
        block = Block::Quote(vec![block]);
    }
    block
}

#[test]
fn refuses_content_nested_deeper_than_any_build_writes() {
    let decode = |block: Block| {
        let mut chunk = chunk();
        chunk.articles[0].article.further_reading = vec![block];
        let bytes = encode_file(FileKind::Chunk, &chunk, "t").unwrap();
        decode_file::<Chunk>(FileKind::Chunk, &bytes).map(|(_, c)| c)
    };
    let shallow = nested_quotes(depth::MAX_CONTENT_DEPTH * 2);
    assert_eq!(
        decode(shallow.clone()).unwrap().articles[0]
            .article
            .further_reading,
        vec![shallow]
    );
    let error = decode(nested_quotes(depth::MAX_DECODE_DEPTH as usize + 1)).unwrap_err();
    assert!(matches!(error, BundleError::Corrupt(_)), "{error}");
    // The guard resets: the next file decodes as usual.
    assert!(decode(Block::Rule).is_ok());
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
