//! Tests of the tolerant JSON reader: spans, quirks, duplicates, escapes.

use super::*;

fn read_text(text: &str) -> (Result<Node, JsonError>, Vec<Diagnostic>) {
    let source = Arc::new(SourceFile::new("t.json", text));
    let mut diagnostics = Vec::new();
    let node = read(&source, 0..text.len(), &mut diagnostics);
    (node, diagnostics)
}

#[test]
fn spans_point_at_keys_and_values() {
    let text = r#"{ "a": [1, "x"], b: true, }"#;
    let (node, diagnostics) = read_text(text);
    let node = node.expect("reads");
    let members = node.as_object().expect("object");
    let a = get(members, "A").expect("a, ignoring case");
    assert_eq!(&text[a.span.clone()], r#"[1, "x"]"#);
    let b = member(members, "b").expect("b");
    assert_eq!(&text[b.key_span.clone()], "b");
    let messages: Vec<_> = diagnostics.iter().map(|d| d.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "the JSON has a trailing comma, which was tolerated",
            "the JSON has an unquoted key, which was tolerated"
        ]
    );
}

#[test]
fn duplicates_warn_and_the_last_wins() {
    let (node, diagnostics) = read_text("{\"k\": 1, \"K\": 2}");
    let node = node.expect("reads");
    let members = node.as_object().expect("object");
    assert_eq!(get(members, "k").and_then(Node::text).as_deref(), Some("2"));
    assert_eq!(diagnostics.len(), 1);
    assert_eq!(diagnostics[0].code, codes::DUPLICATE_KEY);
    assert_eq!(diagnostics[0].primary.range, 1..4);
}

#[test]
fn raw_tabs_are_tolerated_and_errors_point_at_the_token() {
    let (node, diagnostics) = read_text("{\"k\": \"a\tb\"}");
    assert_eq!(node.expect("reads").as_object().map(<[_]>::len), Some(1));
    assert_eq!(diagnostics[0].primary.range, 8..9);
    let (node, _) = read_text("{\"a\": 1\n  \"b\": 2}");
    assert_eq!(node.expect_err("missing comma").span.start, 10);
}

#[test]
fn decoded_offsets_follow_escapes() {
    let text = r#""a\"b\u00e9c""#;
    let source = SourceFile::new("t", text);
    let map = decoded_offsets(&source, &(0..text.len()));
    // a, ", b, é (2 bytes), c, end
    assert_eq!(map, [1, 2, 4, 5, 5, 11, 12]);
}
