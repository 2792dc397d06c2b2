//! The real corpus (`../shared/corpus/articles` from the workspace root), when present:
//! no panic, every file accounted for, no silent drops, well-formed trees, a lossless
//! round trip through the bundle codec, and the counts per `selfHelpType` and per
//! diagnostic code pinned in a snapshot, so a change of behaviour on real content shows
//! in review. Skipped with a message where the corpus is absent (a fresh clone).
//!
//! After an intended change: `INSTA_UPDATE=always cargo test -p selfhelp-compiler --test corpus`.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::Path;

use selfhelp_bundle::{decode_file, encode_file, ArticleBody, Chunk, ChunkArticle, FileKind};
use selfhelp_compiler::build;

#[test]
fn corpus_counts_by_type_and_code() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus/articles");
    if !corpus.is_dir() {
        eprintln!(
            "skipped: no corpus at {} (only present on project machines)",
            corpus.display()
        );
        return;
    }
    let output = build(&[corpus]);
    eprintln!(
        "corpus: {} files, {} compiled, {:?} (errors, warnings), {} silent drops",
        output.files,
        output.compiled,
        output.counts(),
        output.silent_drops
    );
    assert!(output.files > 10_000, "found only {} files", output.files);
    // Every block of markdown ends up in the tree or in a warning.
    assert_eq!(
        output.silent_drops, 0,
        "content dropped without a diagnostic"
    );
    // Every file is accounted for: one report each, and each is compiled or has an error.
    assert_eq!(output.reports.len(), output.files);
    assert_eq!(output.unaccounted, 0);
    for report in output.reports.iter().filter(|r| !r.compiled) {
        assert!(
            output
                .diagnostics
                .iter()
                .any(|d| d.is_error() && d.file == report.path),
            "{} was refused without an error",
            report.path
        );
    }
    let mut types: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for report in &output.reports {
        let entry = types.entry(&report.kind).or_default();
        entry.0 += 1;
        entry.1 += usize::from(report.compiled);
    }
    let mut codes: BTreeMap<(&str, String), usize> = BTreeMap::new();
    for d in &output.diagnostics {
        *codes.entry((d.code, d.severity.to_string())).or_default() += 1;
    }
    let mut text = format!(
        "files: {}\ncompiled: {}\n\nselfHelpType: files compiled\n",
        output.files, output.compiled
    );
    for (kind, (files, compiled)) in &types {
        let _ = writeln!(text, "{kind}: {files} {compiled}");
    }
    text.push_str("\ncode severity: count\n");
    for ((code, severity), count) in &codes {
        let _ = writeln!(text, "{code} {severity}: {count}");
    }
    insta::assert_snapshot!("corpus_counts", text);

    // What the widget relies on holds for every compiled article, and the whole corpus
    // survives the wire format.
    for article in &output.bundle.articles {
        if let ArticleBody::Tree(tree) = &article.body {
            assert!(tree.is_well_formed(), "{}", article.source);
            assert!(!tree.nodes.is_empty(), "{}", article.source);
        }
    }
    let chunk = Chunk {
        articles: output
            .bundle
            .articles
            .into_iter()
            .map(|article| ChunkArticle {
                article,
                related: Default::default(),
            })
            .collect(),
    };
    let encoded = encode_file(FileKind::Chunk, &chunk, "test").expect("encodes");
    let (_, decoded): (_, Chunk) = decode_file(FileKind::Chunk, &encoded).expect("decodes");
    assert_eq!(decoded, chunk);
}
