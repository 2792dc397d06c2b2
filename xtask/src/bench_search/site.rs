//! The bench's static site: both engines' indexes and runtimes, and a page for each.
//!
//! ```text
//! pagefind/          Pagefind's bundle (its runtime and index)
//! pagefind.html      imports it; pagefind.js drives it
//! ours.html          loads wasm/ (the bench-only wasm build); ours.js drives it
//! selfhelp/, plain/  our two indexes: `root`, and every file by its id in hex
//! ```

use std::ffi::OsStr;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use selfhelp_search::Document;

use super::index::{gzip_len, Index};
use super::{browser, pagefind};
use crate::process::{command, exec};
use crate::project_root;

pub struct Site {
    pub dir: PathBuf,
    pub pagefind: Pagefind,
    /// Our engine's wasm and glue, gzip -9: close to the widget's own engine module
    /// (search-web), which it loads when a visitor starts to search.
    pub engine_bytes: usize,
}

/// What Pagefind's bundle weighs.
pub struct Pagefind {
    pub dir: PathBuf,
    pub index_bytes: usize,
    pub index_files: usize,
    /// `pagefind.js`, its worker and its wasm: what every visit loads before a search.
    pub runtime_bytes: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Index,
    Runtime,
}

impl Pagefind {
    /// What a request for `path` (a URL path under `/pagefind/`) is and weighs on the
    /// wire: its data files and wasm are gzip already (served as they are), its scripts
    /// count at gzip -9 as a host would send them. `None` for anything else.
    pub fn weigh(&self, path: &str) -> Option<(Part, usize)> {
        let name = path.strip_prefix("/pagefind/")?;
        let file = self.dir.join(name);
        let size = std::fs::metadata(&file).ok()?.len() as usize;
        let extension = Path::new(name).extension().and_then(OsStr::to_str)?;
        match extension {
            "pf_meta" | "pf_index" | "pf_fragment" | "pf_filter" => Some((Part::Index, size)),
            "pagefind" => Some((Part::Runtime, size)),
            "json" => Some((Part::Index, gzip_len(&std::fs::read(file).ok()?))),
            "js" if name == "pagefind.js" || name == "pagefind-worker.js" => {
                Some((Part::Runtime, gzip_len(&std::fs::read(file).ok()?)))
            }
            _ => None,
        }
    }
}

pub fn prepare(
    work: &Path,
    docs: &[Document],
    products: &[String],
    indexes: &[&Index],
    path: &OsStr,
) -> Result<Site> {
    let dir = work.join("site");
    std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    for index in indexes {
        index.write(&dir.join(browser::dir_name(index.plain)))?;
    }
    for (name, text) in browser::PAGES {
        std::fs::write(dir.join(name), text)?;
    }
    let engine_bytes = wasm(&dir.join("wasm"), path)?;
    let out = dir.join("pagefind");
    pagefind::build(docs, products, work, &out)?;
    let mut pagefind = Pagefind {
        dir: out.clone(),
        index_bytes: 0,
        index_files: 0,
        runtime_bytes: 0,
    };
    for entry in walkdir::WalkDir::new(&out)
        .into_iter()
        .filter_map(|e| e.ok())
    {
        let Ok(relative) = entry.path().strip_prefix(&out) else {
            continue;
        };
        let url = format!("/pagefind/{}", relative.to_string_lossy());
        match pagefind.weigh(&url) {
            Some((Part::Index, bytes)) => {
                pagefind.index_bytes += bytes;
                pagefind.index_files += 1;
            }
            // The English wasm only: the page is English.
            Some((Part::Runtime, bytes)) if !url.ends_with("wasm.unknown.pagefind") => {
                pagefind.runtime_bytes += bytes
            }
            _ => {}
        }
    }
    Ok(Site {
        dir,
        pagefind,
        engine_bytes,
    })
}

/// The widget's engine module with its `bench` method, built and optimised as the site's
/// is (`z`, fat LTO, one codegen unit, abort on panic, then wasm-opt) so its speed is the
/// shipped engine's; in the release profile's own wasm folder, which no other build
/// uses, so it evicts nothing.
/// Returns the gzip bytes of the wasm and its glue.
fn wasm(out: &Path, path: &OsStr) -> Result<usize> {
    let mut cargo = command(
        "cargo",
        &[
            "build",
            "--quiet",
            "--release",
            "--target",
            "wasm32-unknown-unknown",
            "-p",
            "selfhelp-search-web",
            "--features",
            "bench",
            "--config",
            "profile.release.opt-level=\"z\"",
            "--config",
            "profile.release.lto=true",
            "--config",
            "profile.release.codegen-units=1",
            "--config",
            "profile.release.panic=\"abort\"",
        ],
    );
    cargo.env("PATH", path);
    exec(cargo)?;
    let built =
        project_root().join("target/wasm32-unknown-unknown/release/selfhelp_search_web.wasm");
    let mut bindgen = command("wasm-bindgen", &["--target", "web", "--no-typescript"]);
    bindgen
        .arg("--out-dir")
        .arg(out)
        .arg(&built)
        .env("PATH", path);
    exec(bindgen)?;
    // As trunk optimises the shipped module (`data-wasm-opt` in www/index.html).
    let module = out.join("selfhelp_search_web_bg.wasm");
    let mut optimise = command("wasm-opt", &["-Oz", "--low-memory-unused", "-o"]);
    optimise.arg(&module).arg(&module).env("PATH", path);
    exec(optimise)?;
    let mut bytes = 0;
    for name in ["selfhelp_search_web_bg.wasm", "selfhelp_search_web.js"] {
        let file = out.join(name);
        bytes +=
            gzip_len(&std::fs::read(&file).with_context(|| format!("reading {}", file.display()))?);
    }
    Ok(bytes)
}
