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
pub const TARGETS: [&str; 6] = [
    "header",
    "visibility",
    "form_json",
    "compile",
    "search",
    "site_files",
];

#[derive(clap::Args)]
pub struct Args {
    /// How long to fuzz each target.
    #[arg(long, default_value_t = 60)]
    pub seconds: u64,
    /// One target (header, visibility, form_json, compile, search, site_files); all of them
    /// when omitted.
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
    if target == "search" {
        return seed_search(corpus);
    }
    if target == "site_files" {
        return seed_site_files(corpus);
    }
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

/// Queries as visitors type them, each over the four index states the `search` target
/// knows (intact, damaged root, damaged file, file cut short): mode, file, limit, flags,
/// damage, 0xff, then the query.
fn seed_search(corpus: &Path) -> Result<()> {
    const QUERIES: [&str; 8] = [
        "virtual machine",
        "vm sta",
        "acess denied",
        "0x80070005",
        "HTTP 429",
        "sql login failed error",
        "Set-AzVM",
        "netwrk",
    ];
    for (i, query) in QUERIES.iter().enumerate() {
        for mode in 0..4u8 {
            let mut seed = vec![mode, i as u8, 10, (i % 16) as u8, 3, 0x55, 0xff];
            seed.extend_from_slice(query.as_bytes());
            std::fs::write(corpus.join(format!("seed-{i}-{mode}")), seed)?;
        }
    }
    Ok(())
}

/// The files of the site the end-to-end tests build, when there is one (libFuzzer starts
/// from nothing otherwise).
fn seed_site_files(corpus: &Path) -> Result<()> {
    let site = project_root().join("target/e2e-dist");
    let mut n = 0;
    for folder in ["chunks", "catalog", "lookup"] {
        let Ok(entries) = std::fs::read_dir(site.join(folder)) else {
            continue;
        };
        for entry in entries.flatten() {
            std::fs::copy(entry.path(), corpus.join(format!("seed-{n}")))?;
            n += 1;
        }
    }
    if let Ok(entry) = std::fs::read(site.join("bundle.bin")) {
        std::fs::write(corpus.join("seed-entry"), entry)?;
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
