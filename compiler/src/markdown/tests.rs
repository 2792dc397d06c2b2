//! Unit tests of the markdown converter.

use super::*;
use selfhelp_bundle::LinkKind;

fn convert(text: &str) -> (Vec<SourceBlock>, Vec<Diagnostic>) {
    let source = Arc::new(SourceFile::new("t.md", text));
    let mut diagnostics = Vec::new();
    let blocks = parse(&source, 0..text.len(), &mut diagnostics);
    (blocks, diagnostics)
}

fn blocks(text: &str) -> Vec<Block> {
    convert(text).0.into_iter().map(|b| b.block).collect()
}

fn text(s: &str) -> Inline {
    Inline::Text(s.into())
}

#[test]
fn paragraphs_headings_and_inline_styles() {
    assert_eq!(
        blocks("## **Steps**\n\nSome *soft*\nbreak, ~~old~~ `code`  \nhard"),
        [
            Block::Heading {
                level: 2,
                content: vec![Inline::Strong(vec![text("Steps")])]
            },
            Block::Paragraph(vec![
                text("Some "),
                Inline::Emphasis(vec![text("soft")]),
                text(" break, "),
                Inline::Strikethrough(vec![text("old")]),
                text(" "),
                Inline::Code("code".into()),
                Inline::LineBreak,
                text("hard"),
            ])
        ]
    );
}

#[test]
fn nested_lists_keep_structure_and_item_spans() {
    let (out, _) = convert("* a\n\n    * b\n    * c\n\n* d\n");
    assert_eq!(out.len(), 1);
    assert_eq!(out[0].item_spans.len(), 2);
    assert_eq!(
        out[0].block,
        Block::List {
            start: None,
            items: vec![
                vec![
                    Block::Paragraph(vec![text("a")]),
                    Block::List {
                        start: None,
                        items: vec![
                            vec![Block::Paragraph(vec![text("b")])],
                            vec![Block::Paragraph(vec![text("c")])]
                        ]
                    }
                ],
                vec![Block::Paragraph(vec![text("d")])]
            ]
        }
    );
    assert_eq!(
        blocks("3. x\n4. y"),
        [Block::List {
            start: Some(3),
            items: vec![
                vec![Block::Paragraph(vec![text("x")])],
                vec![Block::Paragraph(vec![text("y")])]
            ]
        }]
    );
}

#[test]
fn links_are_classified_and_unsafe_ones_become_text() {
    let (out, diagnostics) = convert(
        "[w](https://x.y) [m](mailto:a@b.c) [a](#top) [p](data-blade:X) [r](docs/a.md) <me@x.y> [bad](JavaScript:alert(1))",
    );
    let Block::Paragraph(content) = &out[0].block else {
        panic!("a paragraph");
    };
    let kinds: Vec<(LinkKind, &str)> = content
        .iter()
        .filter_map(|i| match i {
            Inline::Link { kind, href, .. } => Some((*kind, href.as_str())),
            _ => None,
        })
        .collect();
    assert_eq!(
        kinds,
        [
            (LinkKind::Web, "https://x.y"),
            (LinkKind::Email, "mailto:a@b.c"),
            (LinkKind::Anchor, "#top"),
            (LinkKind::Portal, "data-blade:X"),
            (LinkKind::Relative, "docs/a.md"),
            (LinkKind::Email, "mailto:me@x.y"),
        ]
    );
    assert_eq!(content.last(), Some(&text(" bad")));
    // `#top` has no heading to go to.
    let codes: Vec<_> = diagnostics.iter().map(|d| d.code).collect();
    assert_eq!(codes, ["SH0005", "SH0105"]);
}

#[test]
fn br_is_a_line_break_and_other_html_is_dropped_with_a_warning() {
    let (out, diagnostics) = convert(
        "a<br>b <b>bold</b> <!-- note -->\n\n<div>\nx\n</div>\n\n<!-- only a comment -->\n",
    );
    assert_eq!(
        out.into_iter().map(|b| b.block).collect::<Vec<_>>(),
        [
            Block::Paragraph(vec![
                text("a"),
                Inline::LineBreak,
                text("b "),
                Inline::Strong(vec![text("bold")])
            ]),
            Block::Paragraph(vec![text("x")])
        ]
    );
    let codes: Vec<_> = diagnostics.iter().map(|d| d.code).collect();
    assert_eq!(codes, ["SH0008"]);
}

#[test]
fn placeholders_inline_and_at_line_start() {
    assert_eq!(
        blocks("VM **<!--$vm-->[vm]<!--/$vm-->** is down.\n\n<!--$n-->N<!--/$n--> failed."),
        [
            Block::Paragraph(vec![
                text("VM "),
                Inline::Strong(vec![Inline::Placeholder {
                    name: "vm".into(),
                    default: vec![text("[vm]")]
                }]),
                text(" is down."),
            ]),
            Block::Paragraph(vec![
                Inline::Placeholder {
                    name: "n".into(),
                    default: vec![text("N")]
                },
                text(" failed."),
            ]),
        ]
    );
}

#[test]
fn code_blocks_quotes_rules_and_images() {
    assert_eq!(
        blocks("```powershell extra\nGet-Thing\n```\n\n> quoted\n\n---\n\n![alt](media/a.png)"),
        [
            Block::CodeBlock {
                language: "powershell".into(),
                code: "Get-Thing\n".into()
            },
            Block::Quote(vec![Block::Paragraph(vec![text("quoted")])]),
            Block::Rule,
            Block::Paragraph(vec![Inline::Link {
                kind: LinkKind::Relative,
                href: "media/a.png".into(),
                content: vec![text("alt")]
            }]),
        ]
    );
}

#[test]
fn spans_are_file_offsets() {
    let text = "<properties />\n\n# Title\n\npara";
    let source = Arc::new(SourceFile::new("t.md", text));
    let mut diagnostics = Vec::new();
    let out = parse(&source, 14..text.len(), &mut diagnostics);
    assert_eq!(&text[out[0].span.clone()], "# Title\n");
    assert_eq!(source.line(out[1].span.start), 5);
}

#[test]
fn content_with_nowhere_to_go_is_counted_as_a_silent_drop() {
    let source = Arc::new(SourceFile::new("t.md", ""));
    let mut diagnostics = Vec::new();
    let mut converter = Converter {
        source: &source,
        diagnostics: &mut diagnostics,
        stack: vec![Frame::container(Container::Root, 0..0)],
        out: Vec::new(),
        silent_drops: 0,
        anchors: Vec::new(),
        flattening: Default::default(),
    };
    converter.stack.push(Frame::List {
        start: None,
        items: Vec::new(),
        item_spans: Vec::new(),
        span: 0..0,
    });
    converter.inline(text("lost"));
    converter.inline(text("  "));
    assert_eq!(converter.silent_drops, 1, "whitespace is not content");
    // The real corpus and every fixture have none (see tests/robustness.rs).
    let (_, drops) = parse_counted(&source, 0..0, &mut Vec::new());
    assert_eq!(drops, 0);
}
