//! Compiling never panics on truncated and corrupted fixtures (the real corpus is checked
//! in `corpus.rs`).

use std::path::{Path, PathBuf};

use selfhelp_bundle::ArticleBody;
use selfhelp_compiler::compile;

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
