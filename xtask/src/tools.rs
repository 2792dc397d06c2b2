//! Installs the toolchain a fresh machine lacks, from the registries only (see TOOLCHAIN.md).
//!
//! Each tool is checked first and installed only when missing or at the wrong version,
//! so a second run costs a few `--version` calls.

use std::ffi::OsString;
use std::path::PathBuf;

use anyhow::{bail, Context, Result};

use crate::process::{command, exec, output};
use crate::project_root;

/// trunk 0.22 needs a newer rustc than this machine has.
const TRUNK_VERSION: &str = "0.21.14";
/// Debian's binaryen and the wasm-opt crate cannot parse rustc 1.95's wasm; npm's 132 can.
const BINARYEN_VERSION: &str = "132.0.0";
/// Minifies the JavaScript and CSS trunk does not (its minifier fails on the wasm-bindgen
/// glue): the loader's post-build hook (`www/loader.sh`) runs it.
const ESBUILD_VERSION: &str = "0.25.0";
/// The accessibility checker the browser tests run (TOOLCHAIN.md).
const AXE_VERSION: &str = "4.11.0";

/// The esbuild binary the project installs.
pub fn esbuild() -> PathBuf {
    npm_bin_dir().join("esbuild")
}

/// axe-core's script, for the end-to-end tests (`SELFHELP_AXE`).
pub fn axe_script() -> PathBuf {
    npm_tools_dir().join("node_modules/axe-core/axe.min.js")
}

/// How much of the toolchain a command needs.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Need {
    /// The wasm target, trunk, wasm-bindgen and wasm-opt.
    Site,
    /// The site tools plus Chromium and chromedriver.
    Browser,
}

/// Ensures the tools are installed and returns the PATH to run them with.
pub fn ensure_all(need: Need) -> Result<OsString> {
    ensure_wasm_target()?;
    ensure_cargo_tool(
        "trunk",
        TRUNK_VERSION,
        &["install", "--locked", &format!("trunk@{TRUNK_VERSION}")],
    )?;
    let bindgen = wasm_bindgen_version()?;
    // Without --locked: one of its locked dependencies is gone from the registry.
    ensure_cargo_tool(
        "wasm-bindgen",
        &bindgen,
        &["install", "--force", &format!("wasm-bindgen-cli@{bindgen}")],
    )?;
    ensure_wasm_opt()?;
    if need >= Need::Browser {
        ensure_browser()?;
    }
    tool_path()
}

/// PATH with the project's npm tools first.
pub fn tool_path() -> Result<OsString> {
    let mut paths = vec![npm_bin_dir()];
    if let Some(current) = std::env::var_os("PATH") {
        paths.extend(std::env::split_paths(&current));
    }
    std::env::join_paths(paths).context("PATH contains an invalid entry")
}

/// Where the npm tools live (`node_modules` under it), never in the project's own tree.
pub fn npm_tools_dir() -> PathBuf {
    project_root().join("target").join("tools")
}

/// Whether the npm package `name` is installed in [`npm_tools_dir`] at `version`.
pub fn npm_has(name: &str, version: &str) -> bool {
    let manifest = npm_tools_dir()
        .join("node_modules")
        .join(name)
        .join("package.json");
    std::fs::read_to_string(manifest)
        .unwrap_or_default()
        .contains(&format!("\"version\": \"{version}\""))
}

/// Installs `packages` (`name@version`) into [`npm_tools_dir`].
pub fn npm_install(packages: &[String]) -> Result<()> {
    let dir = npm_tools_dir();
    std::fs::create_dir_all(&dir)?;
    let prefix = dir.to_string_lossy().into_owned();
    let mut args = vec!["install", "--no-audit", "--no-fund", "--prefix", &prefix];
    args.extend(packages.iter().map(String::as_str));
    exec(command("npm", &args))
}

fn npm_bin_dir() -> PathBuf {
    npm_tools_dir().join("node_modules").join(".bin")
}

fn ensure_wasm_target() -> Result<()> {
    let installed =
        output(command("rustup", &["target", "list", "--installed"])).unwrap_or_default();
    if !installed
        .lines()
        .any(|line| line.trim() == "wasm32-unknown-unknown")
    {
        exec(command(
            "rustup",
            &["target", "add", "wasm32-unknown-unknown"],
        ))?;
    }
    // The release wasm rebuilds the standard library (see `dist::wasm_size_settings`).
    let components =
        output(command("rustup", &["component", "list", "--installed"])).unwrap_or_default();
    if !components
        .lines()
        .any(|line| line.trim().starts_with("rust-src"))
    {
        exec(command("rustup", &["component", "add", "rust-src"]))?;
    }
    Ok(())
}

fn ensure_cargo_tool(binary: &str, version: &str, install_args: &[&str]) -> Result<()> {
    let found = output(command(binary, &["--version"])).unwrap_or_default();
    if found
        .split_whitespace()
        .any(|word| word.trim_start_matches('v') == version)
    {
        return Ok(());
    }
    eprintln!(
        "xtask: installing {binary} {version} (found: {})",
        found.trim()
    );
    exec(command("cargo", install_args))
}

/// The wasm-bindgen version in Cargo.lock, which the CLI must match exactly.
pub fn wasm_bindgen_version() -> Result<String> {
    let lock_path = project_root().join("Cargo.lock");
    let lock = std::fs::read_to_string(&lock_path)
        .with_context(|| format!("could not read {}", lock_path.display()))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == "name = \"wasm-bindgen\"" {
            if let Some(version) = lines
                .next()
                .and_then(|l| l.trim().strip_prefix("version = "))
            {
                return Ok(version.trim_matches('"').to_string());
            }
        }
    }
    bail!("Cargo.lock has no wasm-bindgen package")
}

fn ensure_wasm_opt() -> Result<()> {
    let wasm_opt = npm_bin_dir().join("wasm-opt");
    let found = output(command(&wasm_opt, &["--version"])).unwrap_or_default();
    let esbuild =
        output(command(npm_bin_dir().join("esbuild"), &["--version"])).unwrap_or_default();
    let major = BINARYEN_VERSION.split('.').next().unwrap_or_default();
    if found.contains(&format!("version {major}"))
        && esbuild.trim() == ESBUILD_VERSION
        && npm_has("axe-core", AXE_VERSION)
    {
        return Ok(());
    }
    npm_install(&[
        format!("binaryen@{BINARYEN_VERSION}"),
        format!("esbuild@{ESBUILD_VERSION}"),
        format!("axe-core@{AXE_VERSION}"),
    ])
}

fn ensure_browser() -> Result<()> {
    let have = |binary: &str| output(command(binary, &["--version"])).is_some();
    if have("chromium") && have("chromedriver") {
        return Ok(());
    }
    eprintln!("xtask: installing Chromium and chromedriver with apt-get");
    exec(command("apt-get", &["update"]))?;
    exec(command(
        "apt-get",
        &["install", "-y", "chromium", "chromium-driver"],
    ))
}
