//! `cargo xtask dist --single-file`: the whole site in one HTML file that works opened
//! from disk (`file://`), where a browser fetches nothing: the wasm, the styles and the
//! site's files travel in the page, and the loader and the glue in one inline module.

use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use base64::Engine;

use crate::dist::{build_app, publish_content, Args};
use crate::process::{command, exec};
use crate::tools;

/// Content beyond this does not belong in one file: a browser decodes all of it before
/// the first question, and a folder site fetches only what a visitor opens.
const LIMIT_BYTES: u64 = 8 * 1024 * 1024;

/// The file's name in the output folder.
pub const FILE: &str = "selfhelp.html";

/// Builds `<out>/selfhelp.html` and returns its path.
pub fn build(args: &Args, path: &std::ffi::OsStr) -> Result<PathBuf> {
    let app = build_app(path)?;
    let content = tempfile::tempdir().context("a temporary site folder")?;
    publish_content(&args.content, content.path(), args)?;
    let files = site_files(content.path())?;
    let total: u64 = files.iter().map(|(_, bytes)| bytes.len() as u64).sum();
    if total > LIMIT_BYTES {
        bail!(
            "this library is {:.1} MB, too large for one file (at most {} MB): publish it \
             as a folder with `cargo xtask dist` instead",
            total as f64 / 1e6,
            LIMIT_BYTES / (1024 * 1024)
        );
    }
    let find = |prefix: &str, suffix: &str| -> Result<PathBuf> {
        std::fs::read_dir(&app)?
            .flatten()
            .map(|e| e.path())
            .find(|p| {
                let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
                name.starts_with(prefix) && name.ends_with(suffix)
            })
            .with_context(|| format!("no {prefix}*{suffix} in {}", app.display()))
    };
    let wasm = std::fs::read(find("selfhelp-widget-", "_bg.wasm")?)?;
    let search_wasm = std::fs::read(find("search-", "_bg.wasm")?)?;
    let widget_css = std::fs::read_to_string(find("widget-", ".css")?)?;
    let script = bundle_loader(&app, path)?;
    let b64 = base64::engine::general_purpose::STANDARD;
    let mut files_json = String::from("{");
    for (n, (name, bytes)) in files.iter().enumerate() {
        if n > 0 {
            files_json.push(',');
        }
        files_json.push_str(&format!("\"{name}\":\"{}\"", b64.encode(bytes)));
    }
    files_json.push('}');
    let html = format!(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>Self-help</title>\n<style>{widget_css}</style>\n</head>\n<body>\n\
         <header class=\"site-header\"><span class=\"site-name\">Self-help</span></header>\n\
         <main class=\"site-main\">\n<selfhelp-widget routing=\"hash\" support-email=\"support@example.com\">\n\
         <p class=\"site-fallback\">Loading the self-help… <span class=\"site-fallback-help\">If this \
         message stays, this browser cannot run it: it needs JavaScript and WebAssembly.</span></p>\n\
         </selfhelp-widget>\n</main>\n\
         <script type=\"application/json\" id=\"selfhelp-files\">{files_json}</script>\n\
         <script type=\"application/json\" id=\"selfhelp-wasm\">\"{wasm64}\"</script>\n\
         <script type=\"application/json\" id=\"selfhelp-search-wasm\">\"{search64}\"</script>\n\
         <script type=\"application/json\" id=\"selfhelp-css\">{css}</script>\n\
         <script>{DECODE}</script>\n<script type=\"module\">{script}</script>\n</body>\n</html>\n",
        wasm64 = b64.encode(&wasm),
        search64 = b64.encode(&search_wasm),
        css = serde_json::to_string(&widget_css)?.replace("</", "<\\/"),
        script = script.replace("</script", "<\\/script"),
    );
    std::fs::create_dir_all(&args.out)?;
    let out = args.out.join(FILE);
    std::fs::write(&out, html).with_context(|| format!("writing {}", out.display()))?;
    eprintln!(
        "xtask: single-file site written to {} ({:.0} KB; open it from disk)",
        out.display(),
        std::fs::metadata(&out)?.len() as f64 / 1024.0
    );
    Ok(out)
}

/// Decodes what the page carries, before the module runs (the search engine's wasm only
/// when a visitor first searches).
const DECODE: &str = "(() => { const read = (id) => JSON.parse(document.getElementById(id).textContent); \
    const bytes = (b64) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0)); \
    const files = {}; for (const [name, b64] of Object.entries(read('selfhelp-files'))) files[name] = bytes(b64); \
    globalThis.selfhelpInline = { wasm: bytes(read('selfhelp-wasm')), css: read('selfhelp-css'), files, \
    get searchWasm() { return bytes(read('selfhelp-search-wasm')); } }; })();";

/// The site's files by path (`bundle.bin`, `chunks/….bin`, …), the records left out.
fn site_files(dir: &Path) -> Result<Vec<(String, Vec<u8>)>> {
    let mut files = vec![(
        "bundle.bin".to_string(),
        std::fs::read(dir.join("bundle.bin")).context("the built entry")?,
    )];
    for folder in ["catalog", "lookup", "chunks", "search"] {
        let Ok(entries) = std::fs::read_dir(dir.join(folder)) else {
            continue;
        };
        let mut names: Vec<String> = entries
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".bin"))
            .collect();
        names.sort();
        for name in names {
            files.push((
                format!("{folder}/{name}"),
                std::fs::read(dir.join(folder).join(&name))?,
            ));
        }
    }
    Ok(files)
}

/// `selfhelp.js` and the wasm-bindgen glue it imports (the search engine's too, which
/// esbuild inlines for the dynamic import), bundled into one module.
fn bundle_loader(app: &Path, path: &std::ffi::OsStr) -> Result<String> {
    let out = tempfile::NamedTempFile::new()?;
    let mut esbuild = command(
        tools::esbuild(),
        &[
            "--bundle",
            "--format=esm",
            "--minify",
            "--log-level=warning",
        ],
    );
    esbuild
        .arg(app.join("selfhelp.js"))
        .arg(format!("--outfile={}", out.path().display()))
        .arg("--allow-overwrite")
        .env("PATH", path);
    exec(esbuild)?;
    Ok(std::fs::read_to_string(out.path())?)
}
