//! `cargo xtask fuzz [--seconds N] [target]`: runs the cargo-fuzz targets in `fuzz/`, one
//! at a time, seeded from the compiler's fixtures. Not part of CI.
//!
//! cargo-fuzz needs nightly compiler flags; rustup cannot fetch a nightly toolchain on
//! project machines, so the stable toolchain runs with `RUSTC_BOOTSTRAP=1`. Sanitizers
//! are off (`-s none`): the code under test has no `unsafe`, and the instrumented std a
//! sanitizer wants needs nightly sources; what is hunted here is panics and hangs.

use std::path::Path;

use anyhow::{bail, Context, Result};

use crate::process::{command, exec, output};
use crate::project_root;

/// The targets in `fuzz/Cargo.toml`.
pub const TARGETS: [&str; 4] = ["header", "visibility", "form_json", "compile"];

#[derive(clap::Args)]
pub struct Args {
    /// How long to fuzz each target.
    #[arg(long, default_value_t = 60)]
    pub seconds: u64,
    /// One target (header, visibility, form_json, compile); all of them when omitted.
    pub target: Option<String>,
}

pub fn run(args: Args) -> Result<()> {
    let targets: Vec<&str> = match &args.target {
        Some(one) if TARGETS.contains(&one.as_str()) => vec![one.as_str()],
        Some(other) => bail!("no fuzz target `{other}`; the targets are {TARGETS:?}"),
        None => TARGETS.to_vec(),
    };
    if output(command("cargo", &["fuzz", "--version"])).is_none() {
        exec(command("cargo", &["install", "--locked", "cargo-fuzz"]))?;
    }
    for target in targets {
        let corpus = project_root().join("fuzz/corpus").join(target);
        seed(target, &corpus)?;
        let max_time = format!("-max_total_time={}", args.seconds);
        let corpus_arg = corpus.display().to_string();
        let mut cmd = command(
            "cargo",
            &[
                "fuzz",
                "run",
                "--sanitizer",
                "none",
                "--fuzz-dir",
                "fuzz",
                target,
                &corpus_arg,
                "--",
                &max_time,
                "-timeout=10",
                "-print_final_stats=1",
            ],
        );
        cmd.env("RUSTC_BOOTSTRAP", "1");
        exec(cmd)?;
    }
    Ok(())
}

/// Copies the fixtures (or, for `visibility`, the visibility strings in them) into the
/// target's corpus folder; libFuzzer then grows it.
fn seed(target: &str, corpus: &Path) -> Result<()> {
    std::fs::create_dir_all(corpus).with_context(|| format!("creating {}", corpus.display()))?;
    let fixtures = project_root().join("compiler/tests/fixtures");
    let mut files = Vec::new();
    for entry in std::fs::read_dir(&fixtures)? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "md") {
            files.push(path);
        }
    }
    files.sort();
    for (i, path) in files.iter().enumerate() {
        let bytes = std::fs::read(path)?;
        if target == "visibility" {
            let text = String::from_utf8_lossy(&bytes);
            for (j, condition) in visibility_strings(&text).into_iter().enumerate() {
                std::fs::write(corpus.join(format!("seed-{i}-{j}")), condition)?;
            }
        } else {
            std::fs::write(corpus.join(format!("seed-{i}")), &bytes)?;
        }
    }
    Ok(())
}

/// The values of `"visibility": "..."` in a file (no escapes in the fixtures).
fn visibility_strings(text: &str) -> Vec<&str> {
    text.match_indices("\"visibility\"")
        .filter_map(|(at, key)| {
            let rest = text.get(at + key.len()..)?.trim_start().strip_prefix(':')?;
            let rest = rest.trim_start().strip_prefix('"')?;
            rest.find('"').map(|end| &rest[..end])
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn finds_visibility_strings() {
        let text = r#"{ "visibility": "a == b", "x": 1, "visibility" : "c != d" }"#;
        assert_eq!(super::visibility_strings(text), ["a == b", "c != d"]);
    }
}
