//! Compiling never panics: truncated and corrupted fixtures, and (where present) the real
//! corpus in `../shared/corpus/articles`, which is skipped with a message when absent.

use std::path::{Path, PathBuf};

use selfhelp_bundle::ArticleBody;
use selfhelp_compiler::{build, compile};

fn fixture_files() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("fixtures folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    files.sort();
    files
}

#[test]
fn truncated_and_corrupted_fixtures_never_panic() {
    for path in fixture_files() {
        let bytes = std::fs::read(&path).expect("fixture");
        for end in (0..=bytes.len()).step_by(3) {
            let prefix = &bytes[..end];
            let compiled = compile("f.md", "f.md", prefix);
            assert!(
                compiled.article.is_some() || compiled.has_errors(),
                "{} cut at {end}: no article and no error",
                path.display()
            );
            assert_eq!(compiled.silent_drops, 0, "{} cut at {end}", path.display());
            if let Some(ArticleBody::Tree(tree)) = compiled.article.map(|a| a.body) {
                assert!(tree.is_well_formed(), "{} cut at {end}", path.display());
            }
        }
        // Flip bytes into characters that matter to the parsers.
        for (i, poison) in [b'<', b'>', b'"', b'\n', b'#', b'*', b'[', b'`', 0xFF, 0xE2]
            .iter()
            .enumerate()
        {
            let mut corrupted = bytes.clone();
            for at in (i..corrupted.len()).step_by(17) {
                corrupted[at] = *poison;
            }
            let _ = compile("f.md", "f.md", &corrupted);
        }
    }
}

#[test]
fn the_real_corpus_compiles_without_panicking() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus/articles");
    if !corpus.is_dir() {
        eprintln!(
            "skipped: no corpus at {} (only present on project machines)",
            corpus.display()
        );
        return;
    }
    let output = build(&[corpus]);
    assert!(output.files > 10_000, "found only {} files", output.files);
    // Every file is accounted for: an article, or at least one error with a location.
    assert_eq!(
        output.unaccounted, 0,
        "files with neither an article nor an error"
    );
    // Every block of markdown ends up in the tree or in a warning.
    assert_eq!(
        output.silent_drops, 0,
        "content dropped without a diagnostic"
    );
    eprintln!(
        "corpus: {} files, {} compiled, {:?} (errors, warnings), {} silent drops",
        output.files,
        output.compiled,
        output.counts(),
        output.silent_drops
    );
    assert!(
        output.compiled * 100 >= output.files * 99,
        "only {} of {} articles compiled",
        output.compiled,
        output.files
    );
    for article in &output.bundle.articles {
        if let ArticleBody::Tree(tree) = &article.body {
            assert!(tree.is_well_formed(), "{}", article.source);
            assert!(!tree.nodes.is_empty(), "{}", article.source);
        }
    }
    let encoded = selfhelp_bundle::encode(&output.bundle, "test").expect("encodes");
    let (_, decoded) = selfhelp_bundle::decode(&encoded).expect("decodes");
    assert_eq!(decoded, output.bundle);
}
