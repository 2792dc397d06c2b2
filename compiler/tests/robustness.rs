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

/// Extreme but valid content: it compiles, with the deep levels flattened (SH0109), and
/// the article goes through the wire format the widget decodes (which refuses content
/// nested deeper than it can render). Run on a small stack, so deep recursion anywhere
/// in the compiler would show.
#[test]
fn extreme_content_compiles_flat_enough_to_render() {
    let header = "<properties pageTitle=\"Extreme\" articleId=\"extreme\" />\n\n# Extreme\n\n";
    let deep_list: String = (0..500)
        .map(|k| format!("{}- level {k}\n", "  ".repeat(k)))
        .collect();
    let deep_quote = format!("{} deep\n", "> ".repeat(2000));
    let deep_tags = format!("{}deep{}\n", "<b><i>".repeat(600), "</i></b>".repeat(600));
    let deep_regions: String = (0..200)
        .map(|k| format!("<!--r{k}-->\n\nline {k}\n\n"))
        .collect::<String>()
        + &(0..200)
            .rev()
            .map(|k| format!("<!--/r{k}-->\n"))
            .collect::<String>();
    let long_line = format!("{}\n", "word ".repeat(400_000));
    let wide_table = format!(
        "|{}|\n|{}|\n|{}|\n",
        (0..300)
            .map(|c| format!(" h{c} "))
            .collect::<Vec<_>>()
            .join("|"),
        vec![" --- "; 300].join("|"),
        (0..300)
            .map(|c| format!(" v{c} "))
            .collect::<Vec<_>>()
            .join("|"),
    );
    let cases = [
        ("list", deep_list, true),
        ("quote", deep_quote, true),
        ("tags", deep_tags, true),
        ("regions", deep_regions, true),
        ("line", long_line, false),
        ("table", wide_table, false),
    ];
    for (name, body, flattens) in cases {
        let text = format!("{header}{body}");
        let compiled = std::thread::Builder::new()
            .stack_size(1 << 20)
            .spawn(move || {
                let compiled = compile("x.md", "x.md", text.as_bytes());
                let article = compiled.article.clone().expect("an article");
                let chunk = selfhelp_bundle::Chunk {
                    articles: vec![selfhelp_bundle::ChunkArticle {
                        article,
                        related: Default::default(),
                    }],
                };
                let bytes =
                    selfhelp_bundle::encode_file(selfhelp_bundle::FileKind::Chunk, &chunk, "t")
                        .expect("encodes");
                let decoded = selfhelp_bundle::decode_file::<selfhelp_bundle::Chunk>(
                    selfhelp_bundle::FileKind::Chunk,
                    &bytes,
                );
                (compiled, decoded.map(|(_, c)| c == chunk))
            })
            .expect("a thread")
            .join()
            .unwrap_or_else(|_| panic!("{name}: the compiler crashed"));
        let (compiled, decoded) = compiled;
        assert!(!compiled.has_errors(), "{name}: {:?}", compiled.diagnostics);
        assert_eq!(
            decoded,
            Ok(true),
            "{name}: the widget could not read it back"
        );
        assert_eq!(
            compiled.diagnostics.iter().any(|d| d.code == "SH0109"),
            flattens,
            "{name}: {:?}",
            compiled
                .diagnostics
                .iter()
                .map(|d| d.code)
                .collect::<Vec<_>>()
        );
        assert_eq!(compiled.silent_drops, 0, "{name}");
    }
}
