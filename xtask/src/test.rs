//! `cargo xtask test`: every check CI runs, in order, cheapest first.

use anyhow::{bail, Result};

use crate::process::{command, exec, output};
use crate::project_root;
use crate::tools::{self, Need};
use crate::{dist, size};

#[derive(clap::Args)]
pub struct Args {}

pub fn run(_args: Args) -> Result<()> {
    let path = tools::ensure_all(Need::Browser)?;
    let with_tools = |program: &str, args: &[&str]| {
        let mut cmd = command(program, args);
        cmd.env("PATH", &path).env("CHROMEDRIVER", chromedriver());
        cmd
    };

    step("formatting");
    exec(with_tools("cargo", &["fmt", "--all", "--check"]))?;

    step("clippy (native and wasm32)");
    exec(with_tools(
        "cargo",
        &[
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ],
    ))?;
    exec(with_tools(
        "cargo",
        &[
            "clippy",
            "-p",
            "selfhelp-widget",
            "--target",
            "wasm32-unknown-unknown",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ],
    ))?;

    step("the widget never links a markdown parser");
    check_widget_dependencies()?;

    step("release site for the end-to-end tests");
    let site = project_root().join("target").join("e2e-dist");
    dist::build_site(
        &dist::Args {
            content: project_root().join("content"),
            out: site.clone(),
            keep_going: false,
            max_files: None,
            single_file: false,
        },
        &path,
    )?;

    step("the single-file site, for its test from disk");
    let single = crate::single_file::build(
        &dist::Args {
            content: project_root().join("content"),
            out: project_root().join("target").join("single-file"),
            keep_going: false,
            max_files: None,
            single_file: true,
        },
        &path,
    )?;

    step("unit, golden, CLI and end-to-end tests");
    // --show-output: the corpus tests print what they covered (files, forms rendered).
    let mut tests = with_tools("cargo", &["test", "--workspace", "--", "--show-output"]);
    tests
        .env("SELFHELP_DIST", &site)
        .env("SELFHELP_SINGLE", &single)
        .env("SELFHELP_AXE", tools::axe_script());
    exec(tests)?;

    step("widget component tests in headless Chromium");
    exec(with_tools(
        "cargo",
        &[
            "test",
            "-p",
            "selfhelp-widget",
            "--target",
            "wasm32-unknown-unknown",
        ],
    ))?;

    // Printed, not enforced: the budget is a benchmark's target (`cargo xtask size`
    // fails when it is missed), and a test run must not pass or fail on it.
    step("size of the release site");
    size::print_report(&site)?;
    eprintln!("xtask: all checks passed");
    Ok(())
}

fn step(name: &str) {
    eprintln!("\n==> {name}");
}

fn chromedriver() -> String {
    std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".to_string())
}

/// The widget must stay free of markdown parsing: only the compiler may link pulldown-cmark.
fn check_widget_dependencies() -> Result<()> {
    let tree = output(command(
        "cargo",
        &[
            "tree",
            "-p",
            "selfhelp-widget",
            "--target",
            "wasm32-unknown-unknown",
            "-e",
            "normal",
            "--prefix",
            "none",
        ],
    ));
    let Some(tree) = tree else {
        bail!("`cargo tree` failed")
    };
    if !tree.lines().any(|line| line.starts_with("selfhelp-bundle")) {
        bail!("`cargo tree` output does not list selfhelp-bundle: the check would prove nothing");
    }
    if let Some(line) = tree.lines().find(|line| line.starts_with("pulldown-cmark")) {
        bail!("the widget depends on a markdown parser: {line}");
    }
    eprintln!(
        "xtask: no pulldown-cmark in the widget's {} dependencies",
        tree.lines().count()
    );
    Ok(())
}
