//! Golden tests: every `tests/fixtures/*.md` compiled, snapshotted as article JSON and as
//! rendered diagnostics.
//!
//! Snapshots are insta snapshots in `tests/snapshots/`. After an intended change, update
//! them with `INSTA_UPDATE=always cargo test -p selfhelp-compiler --test golden` (or
//! `cargo insta review` if cargo-insta is installed) and review the diff before committing.
//! On CI (`CI` set) a missing or different snapshot fails the test.

use std::path::{Path, PathBuf};

use selfhelp_bundle::{
    decode_file, encode_file, ArticleBody, Bundle, Chunk, ChunkArticle, FileKind, NodeKind,
};
use selfhelp_compiler::diagnostics::render_all;
use selfhelp_compiler::{build, compile};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

#[test]
fn fixtures_match_snapshots() {
    insta::glob!("fixtures/*.md", |path| {
        let bytes = std::fs::read(path).expect("fixture is readable");
        let file = path
            .file_name()
            .and_then(|n| n.to_str())
            .expect("fixture has a UTF-8 name");
        // A stable, relative name so snapshots do not depend on the checkout folder.
        let compiled = compile(&format!("tests/fixtures/{file}"), file, &bytes);
        let json = match &compiled.article {
            Some(article) => serde_json::to_string_pretty(article).expect("article serializes"),
            None => "(no article)".to_string(),
        };
        insta::assert_snapshot!("article", json);
        insta::assert_snapshot!("diagnostics", render_all(&compiled.diagnostics));

        // Invariants every fixture must keep, whatever the snapshots say.
        let lines = compiled.source.text.lines().count() as u32 + 1;
        if let Some(article) = &compiled.article {
            if let ArticleBody::Tree(tree) = &article.body {
                assert!(tree.is_well_formed(), "{file}: tree is not well formed");
                assert!(!tree.nodes.is_empty(), "{file}: tree has no nodes");
                for node in &tree.nodes {
                    assert!(node.line >= 1 && node.line <= lines, "{file}: bad line");
                }
            }
            assert_eq!(article.source, file);
            assert_eq!(article.content_hash.len(), 64);
        }
        // The name says what a fixture must produce: `diag-*` errors, `warn-*` warnings
        // only, anything else no diagnostics at all.
        let warnings = compiled
            .diagnostics
            .iter()
            .filter(|d| !d.is_error())
            .count();
        if file.starts_with("diag-") {
            assert!(
                compiled.has_errors(),
                "{file}: diag-* fixtures must have errors"
            );
        } else if file.starts_with("warn-") {
            assert!(
                !compiled.has_errors() && warnings > 0,
                "{file}: warn-* fixtures must have warnings and no errors"
            );
        } else {
            assert!(
                compiled.diagnostics.is_empty(),
                "{file}: fixtures not named diag-* or warn-* must compile cleanly: {:?}",
                compiled.diagnostics
            );
        }
    });
}

#[test]
fn duplicate_ids_are_reported_in_both_files() {
    let dir = fixtures().join("duplicate-ids");
    let output = build(std::slice::from_ref(&dir));
    assert_eq!(output.files, 2);
    let rendered = render_all(&output.diagnostics);
    let rendered = rendered.replace(&format!("{}/", fixtures().display()), "fixtures/");
    insta::assert_snapshot!("duplicate_ids", rendered);
    let duplicate: Vec<_> = output
        .diagnostics
        .iter()
        .filter(|d| d.code == "SH0004")
        .collect();
    assert_eq!(duplicate.len(), 1);
    let d = duplicate[0];
    assert!(d.is_error());
    assert!(d.message.contains("first.md") && d.message.contains("second.md"));
    assert!(d.file.ends_with("nested/second.md"));
    assert_eq!(d.secondary.len(), 1);
    assert!(d.secondary[0].source.name.ends_with("first.md"));
    assert_eq!(
        &d.secondary[0].source.text[d.secondary[0].range.clone()],
        "fixture-duplicate"
    );
}

#[test]
fn build_is_deterministic_sorted_and_skips_failed_articles() {
    let dir = fixtures();
    let first = build(std::slice::from_ref(&dir));
    let second = build(std::slice::from_ref(&dir));
    assert_eq!(first.bundle, second.bundle);
    assert_eq!(first.diagnostics, second.diagnostics);
    let articles = &first.bundle.articles;
    assert_eq!(first.compiled, articles.len());
    // Every article in the bundle compiled without errors; none of the error fixtures is in.
    assert!(articles
        .iter()
        .all(|a| !a.meta.article_id.contains("javascript")));
    assert!(articles
        .iter()
        .any(|a| a.meta.article_id == "fixture-raw-html"));
    // Sorted by display order (none last), then title.
    let orders: Vec<Option<i64>> = articles.iter().map(|a| a.meta.display_order).collect();
    assert_eq!(&orders[..3], [Some(1), Some(3), Some(12)]);
    assert!(orders[3..].iter().all(Option::is_none));
    let titles: Vec<String> = articles[3..]
        .iter()
        .map(|a| selfhelp_bundle::Inline::plain_text(&a.title))
        .collect();
    let mut sorted = titles.clone();
    sorted.sort();
    assert_eq!(titles, sorted);
    // Sources are relative to the input folder with `/`.
    assert!(articles
        .iter()
        .any(|a| a.source == "duplicate-ids/first.md"));
    let chunk = chunk_of(&first.bundle);
    let encoded = encode_file(FileKind::Chunk, &chunk, "test").expect("encodes");
    let (_, decoded): (_, Chunk) = decode_file(FileKind::Chunk, &encoded).expect("decodes");
    assert_eq!(decoded, chunk);
}

#[test]
fn missing_inputs_are_sh0016() {
    let output = build(&[fixtures().join("does-not-exist")]);
    assert_eq!(output.files, 0);
    assert_eq!(output.diagnostics.len(), 1);
    assert_eq!(output.diagnostics[0].code, "SH0016");
}

#[test]
fn numbered_cause_fixes_stay_in_order() {
    let bytes = std::fs::read(fixtures().join("cause-list.md")).expect("fixture");
    let article = compile("cause-list.md", "cause-list.md", &bytes)
        .article
        .expect("article");
    let ArticleBody::Tree(tree) = &article.body else {
        panic!("a tree");
    };
    // Preamble resolution first (the intro), then the checks.
    let NodeKind::Resolution {
        if_unsolved: Some(first_check),
        ..
    } = &tree.nodes[0].kind
    else {
        panic!("the intro leads to the checks: {:?}", tree.nodes[0]);
    };
    let kinds: Vec<&str> = tree.nodes[first_check.0 as usize..]
        .iter()
        .map(|n| match n.kind {
            NodeKind::Check { .. } => "check",
            NodeKind::Resolution { .. } => "resolution",
            NodeKind::Choice { .. } => "choice",
        })
        .collect();
    assert_eq!(
        kinds,
        [
            "check",
            "resolution",
            "check",
            "resolution",
            "check",
            "resolution",
            "resolution"
        ]
    );
}

#[test]
fn numbered_steps_chain_and_bold_pseudo_headings() {
    let bytes = std::fs::read(fixtures().join("steps-chain.md")).expect("fixture");
    let compiled = compile("steps-chain.md", "steps-chain.md", &bytes);
    assert!(
        compiled.diagnostics.is_empty(),
        "{:?}",
        compiled.diagnostics
    );
    let article = compiled.article.expect("article");
    // Both reading spellings ("Reccommended Documents ##", "Next steps") are further reading.
    assert_eq!(article.further_reading.len(), 2);
    let ArticleBody::Tree(tree) = &article.body else {
        panic!("a tree");
    };
    // Bold-only lines are the scenarios of the bold "Recommended Steps".
    let NodeKind::Choice { choices, .. } = &tree.nodes[0].kind else {
        panic!("a choice first: {:?}", tree.nodes[0]);
    };
    let labels: Vec<String> = choices
        .iter()
        .map(|c| selfhelp_bundle::Inline::plain_text(&c.label))
        .collect();
    assert_eq!(
        labels,
        [
            "My password expired",
            "I use a new device",
            "None of these (the general case)"
        ]
    );
    // Each numbered step is one resolution; "No" goes to the next, then to the advice after.
    let mut id = choices[0].next;
    let mut numbers = Vec::new();
    loop {
        let NodeKind::Resolution {
            body, if_unsolved, ..
        } = &tree.nodes[id.0 as usize].kind
        else {
            panic!("a resolution");
        };
        match body.last() {
            Some(selfhelp_bundle::Block::List { start, items }) => {
                assert_eq!(items.len(), 1);
                numbers.push(start.unwrap_or(0));
            }
            other => {
                let text = selfhelp_bundle::Block::plain_text(body);
                assert!(other.is_some());
                assert!(text.starts_with("If none of these steps helped"), "{text}");
                assert_eq!(*if_unsolved, None);
                break;
            }
        }
        id = if_unsolved.expect("a next step");
    }
    assert_eq!(numbers, [1, 2, 3]);
}

/// Every article of a bundle in one chunk, for round trips through the wire format.
fn chunk_of(bundle: &Bundle) -> Chunk {
    Chunk {
        articles: bundle
            .articles
            .iter()
            .map(|article| ChunkArticle {
                article: article.clone(),
                related: Default::default(),
            })
            .collect(),
    }
}
