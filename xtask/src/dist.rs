//! `cargo xtask dist`: the release site, ready to copy to any static host.
//!
//! trunk builds the app (page, loader, wasm, styles) into `target/app-dist`; its files
//! are copied into the site folder, and the release `selfhelp build` publishes the
//! content there, so the folder keeps the previous build's files the way the compiler
//! publishes them (a visitor with the old page open still finds everything it names).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};

use crate::process::{command, exec};
use crate::project_root;
use crate::tools::{self, Need};

#[derive(clap::Args, Clone)]
pub struct Args {
    /// Folder of articles to compile into the site.
    #[arg(long, default_value = "content")]
    pub content: PathBuf,
    /// Where to write the site.
    #[arg(long, default_value = "dist")]
    pub out: PathBuf,
    /// Publish the articles without errors (`selfhelp build --keep-going`).
    #[arg(long)]
    pub keep_going: bool,
    /// The most files the content may take (`selfhelp build --max-files`).
    #[arg(long, value_name = "N")]
    pub max_files: Option<u64>,
    /// One HTML file with everything in it (`<out>/selfhelp.html`), to open from disk;
    /// for small sites.
    #[arg(long)]
    pub single_file: bool,
}

/// The app files of the last two builds, so the previous page's files stay one build.
const APP_MANIFEST: &str = "app-manifest.json";

/// Builds the site and returns the absolute path of the output folder.
pub fn run(args: Args) -> Result<PathBuf> {
    let path = tools::ensure_all(Need::Site)?;
    build_site(&args, &path)
}

/// Builds with tools already ensured; `path` is the PATH that finds them.
pub fn build_site(args: &Args, path: &std::ffi::OsStr) -> Result<PathBuf> {
    let content = absolute(&args.content)?;
    let out = absolute(&args.out)?;
    if args.single_file {
        let args = Args {
            content,
            out,
            ..args.clone()
        };
        return crate::single_file::build(&args, path).map(|_| args.out);
    }
    let app = build_app(path)?;
    std::fs::create_dir_all(&out).with_context(|| format!("creating {}", out.display()))?;
    copy_app(&app, &out)?;
    publish_content(&content, &out, args)?;
    eprintln!("xtask: site written to {}", out.display());
    Ok(out)
}

/// The release app alone (no content), in `target/app-dist`.
pub fn build_app(path: &std::ffi::OsStr) -> Result<PathBuf> {
    let root = project_root();
    // trunk runs cargo offline (so it never downloads its own tools): fetch crates first.
    exec(command("cargo", &["fetch"]))?;
    exec(command(
        "cargo",
        &[
            "build",
            "--quiet",
            "--release",
            "--package",
            "selfhelp-compiler",
            "--bin",
            "selfhelp",
        ],
    ))?;
    // The wasm first, online, with the settings trunk's (offline) build then finds done:
    // the widget and the search engine it loads on first search.
    for target in [
        ["--package", "selfhelp-widget", "--bin", "selfhelp-widget"],
        ["--package", "selfhelp-search-web", "--lib", ""],
    ] {
        let mut wasm = command("cargo", &["build", "--quiet"]);
        wasm.args(target.iter().filter(|arg| !arg.is_empty()))
            .args([
                "--target",
                "wasm32-unknown-unknown",
                "--profile",
                "wasm-release",
            ]);
        wasm_size_settings(&mut wasm);
        exec(wasm)?;
    }
    let app = root.join("target").join("app-dist");
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
        .arg(&app)
        .env("PATH", path)
        .env("SELFHELP_APP_ONLY", "1")
        .current_dir(&root);
    // The post-build hook shortens the modules' import names with `xtask import-names`.
    if let Ok(xtask) = std::env::current_exe() {
        trunk.env("SELFHELP_XTASK", xtask);
    }
    wasm_size_settings(&mut trunk);
    exec(trunk)?;
    Ok(app)
}

/// The standard library rebuilt for the widget, with panics that abort at once: about
/// 16 KB gzip less wasm than the prebuilt one (its panic machinery and formatting), which
/// the size budget needs. A panic then traps like any WebAssembly fault, and `selfhelp.js`
/// catches traps and says the help stopped, on every widget of the page. `-Zbuild-std`
/// is unstable: RUSTC_BOOTSTRAP lets this stable toolchain use it, for the wasm only.
fn wasm_size_settings(cmd: &mut std::process::Command) {
    cmd.env("RUSTC_BOOTSTRAP", "1")
        .env("CARGO_UNSTABLE_BUILD_STD", "std,panic_abort")
        .env(
            "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS",
            "-Zunstable-options -Cpanic=immediate-abort",
        );
}

/// Copies the app's files into the site, removing those of the build before the
/// previous one.
pub fn copy_app(app: &Path, out: &Path) -> Result<()> {
    let mut current = BTreeSet::new();
    for entry in std::fs::read_dir(app).with_context(|| format!("reading {}", app.display()))? {
        let entry = entry?;
        if !entry.file_type()?.is_file() {
            continue;
        }
        let name = entry.file_name().to_string_lossy().into_owned();
        std::fs::copy(entry.path(), out.join(&name))
            .with_context(|| format!("copying {name} into {}", out.display()))?;
        current.insert(name);
    }
    let manifest_path = out.join(APP_MANIFEST);
    let stored: serde_json::Value = std::fs::read_to_string(&manifest_path)
        .ok()
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default();
    let names = |key: &str| -> BTreeSet<String> {
        stored[key]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|v| v.as_str().map(String::from))
            .collect()
    };
    let (previous, before) = (names("current"), names("previous"));
    for old in before.difference(&previous) {
        if !current.contains(old) && !old.contains('/') {
            let _ = std::fs::remove_file(out.join(old));
        }
    }
    let manifest = serde_json::json!({ "current": current, "previous": previous });
    std::fs::write(&manifest_path, format!("{manifest:#}\n"))
        .with_context(|| format!("writing {}", manifest_path.display()))?;
    Ok(())
}

/// `selfhelp build <content> --out <out>` with the release binary, and the flags of
/// `args` it passes through.
pub fn publish_content(content: &Path, out: &Path, args: &Args) -> Result<()> {
    let keep_going = args.keep_going;
    let mut build = command(project_root().join("target/release/selfhelp"), &["build"]);
    build.arg(content).arg("--out").arg(out);
    if keep_going {
        build.arg("--keep-going");
    }
    if let Some(max_files) = args.max_files {
        build.arg("--max-files").arg(max_files.to_string());
    }
    let status = build
        .status()
        .context("could not run target/release/selfhelp")?;
    match status.code() {
        Some(0) => Ok(()),
        Some(2) if keep_going => {
            eprintln!(
                "xtask: published with articles refused; see {}",
                out.join("build-report.json").display()
            );
            Ok(())
        }
        _ => bail!(
            "selfhelp build failed ({status}); the site in {} is unchanged",
            out.display()
        ),
    }
}

fn absolute(path: &Path) -> Result<PathBuf> {
    if path.is_absolute() {
        return Ok(path.to_path_buf());
    }
    let base = std::env::current_dir().context("no current directory")?;
    Ok(base.join(path))
}
