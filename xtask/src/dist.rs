//! `cargo xtask dist`: the release site, ready to copy to any static host.

use std::path::PathBuf;

use anyhow::{Context, Result};

use crate::process::{command, exec};
use crate::project_root;
use crate::tools::{self, Need};

#[derive(clap::Args)]
pub struct Args {
    /// Folder of articles to compile into the bundle.
    #[arg(long, default_value = "content")]
    pub content: PathBuf,
    /// Where to write the site.
    #[arg(long, default_value = "dist")]
    pub out: PathBuf,
}

/// Builds the site and returns the absolute path of the output folder.
pub fn run(args: Args) -> Result<PathBuf> {
    let path = tools::ensure_all(Need::Site)?;
    build_site(&args, &path)
}

/// Builds with tools already ensured; `path` is the PATH that finds them.
pub fn build_site(args: &Args, path: &std::ffi::OsStr) -> Result<PathBuf> {
    let root = project_root();
    let content = absolute(&args.content)?;
    let out = absolute(&args.out)?;
    // trunk runs cargo offline (so it never downloads its own tools): fetch crates first.
    exec(command("cargo", &["fetch"]))?;
    // Build the compiler up front so trunk's pre-build hook only runs it.
    exec(command(
        "cargo",
        &[
            "build",
            "--quiet",
            "--package",
            "selfhelp-compiler",
            "--bin",
            "selfhelp",
        ],
    ))?;
    let mut trunk = command(
        "trunk",
        &[
            "--config",
            "Trunkfile.toml",
            "build",
            "--release",
            "--offline",
        ],
    );
    trunk
        .arg("--dist")
        .arg(&out)
        .env("PATH", path)
        .env("SELFHELP_CONTENT", &content)
        .current_dir(&root);
    exec(trunk)?;
    eprintln!("xtask: site written to {}", out.display());
    Ok(out)
}

fn absolute(path: &std::path::Path) -> Result<PathBuf> {
    if path.is_absolute() {
        return Ok(path.to_path_buf());
    }
    let base = std::env::current_dir().context("no current directory")?;
    Ok(base.join(path))
}
