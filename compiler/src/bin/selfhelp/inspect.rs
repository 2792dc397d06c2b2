//! `selfhelp inspect <file>`: an article compiled to JSON, or a bundle file decoded to JSON.

use std::path::Path;

use selfhelp_compiler::write::BundleJson;

use crate::report;

/// Returns false on any error.
pub fn run(file: &Path) -> bool {
    let bytes = match std::fs::read(file) {
        Ok(bytes) => bytes,
        Err(error) => {
            eprintln!("error: cannot read {}: {error}", file.display());
            return false;
        }
    };
    if bytes.starts_with(selfhelp_bundle::MAGIC) {
        return bundle(file, &bytes);
    }
    let relative = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let compiled = selfhelp_compiler::compile(&file.display().to_string(), &relative, &bytes);
    report::print(&compiled.diagnostics);
    if let Some(article) = &compiled.article {
        if !print_json(article) {
            return false;
        }
    }
    compiled.article.is_some() && !compiled.has_errors()
}

fn bundle(file: &Path, bytes: &[u8]) -> bool {
    match selfhelp_bundle::decode(bytes) {
        Ok((header, bundle)) => print_json(&BundleJson {
            header: &header,
            bundle: &bundle,
        }),
        Err(error) => {
            eprintln!("error: {}: {error}", file.display());
            false
        }
    }
}

fn print_json(value: &impl serde::Serialize) -> bool {
    match serde_json::to_string_pretty(value) {
        Ok(json) => {
            println!("{json}");
            true
        }
        Err(error) => {
            eprintln!("error: cannot print JSON: {error}");
            false
        }
    }
}
