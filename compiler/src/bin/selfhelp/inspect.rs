//! `selfhelp inspect <file or folder>`: an article compiled to JSON, a site file decoded
//! to JSON, or a whole site folder walked from its entry, every file it names decoded.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::Path;

use selfhelp_bundle::{
    decode_payload, read_header, BundleError, CatalogPage, Chunk, Entry, FileId, FileKind, Header,
    Lookup, Products, ENTRY_FILE,
};
use serde_json::{json, Value};

use crate::report;

/// Returns false on any error (for a folder: any file it names that is missing or damaged).
pub fn run(path: &Path) -> bool {
    if path.is_dir() {
        return folder(path);
    }
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(error) => {
            eprintln!("error: cannot read {}: {error}", path.display());
            return false;
        }
    };
    if bytes.starts_with(selfhelp_bundle::MAGIC) {
        return match decode_any(&bytes) {
            Ok((header, content)) => print_json(&json!({ "header": header, "content": content })),
            Err(error) => {
                eprintln!("error: {}: {error}", path.display());
                false
            }
        };
    }
    article(path, &bytes)
}

fn article(path: &Path, bytes: &[u8]) -> bool {
    let relative = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let compiled = selfhelp_compiler::compile(&path.display().to_string(), &relative, bytes);
    report::print(&compiled.diagnostics);
    if let Some(article) = &compiled.article {
        if !print_json(article) {
            return false;
        }
    }
    compiled.article.is_some() && !compiled.has_errors()
}

/// Any site file, decoded by the kind its header names.
fn decode_any(bytes: &[u8]) -> Result<(Header, Value), BundleError> {
    let (header, payload) = read_header(bytes)?;
    let value = match header.kind {
        FileKind::Entry => to_value(decode_payload::<Entry>(payload)?),
        FileKind::Chunk => to_value(decode_payload::<Chunk>(payload)?),
        FileKind::Catalog => to_value(decode_payload::<CatalogPage>(payload)?),
        FileKind::Lookup => to_value(decode_payload::<Lookup>(payload)?),
        FileKind::Products => to_value(decode_payload::<Products>(payload)?),
        FileKind::SearchRoot => json!({
            "bytes": payload.len(),
            "names": hex_names(selfhelp_search::named_files(payload, true)),
        }),
        FileKind::SearchShard => json!({
            "bytes": payload.len(),
            "names": hex_names(selfhelp_search::named_files(payload, false)),
        }),
    };
    Ok((header, value))
}

/// File ids as JSON writes them everywhere: their 16 hex digits, the file's name.
fn hex_names(ids: Vec<u64>) -> Vec<String> {
    ids.into_iter().map(|id| format!("{id:016x}")).collect()
}

fn to_value(value: impl serde::Serialize) -> Value {
    serde_json::to_value(value).unwrap_or(Value::Null)
}

/// The entry, then every file it names (catalogue pages, lookups, the chunks they name),
/// each once, as one JSON object streamed to stdout.
fn folder(dir: &Path) -> bool {
    let entry_path = dir.join(ENTRY_FILE);
    let (header, entry) = match std::fs::read(&entry_path)
        .map_err(|e| e.to_string())
        .and_then(|bytes| {
            selfhelp_bundle::decode_file::<Entry>(FileKind::Entry, &bytes)
                .map_err(|e| e.to_string())
        }) {
        Ok(read) => read,
        Err(error) => {
            eprintln!("error: {}: {error}", entry_path.display());
            return false;
        }
    };
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut ok = writeln!(
        out,
        "{{\"header\": {},\n\"entry\": {},\n\"files\": {{",
        to_value(&header),
        to_value(&entry)
    )
    .is_ok();
    let mut pending: Vec<(FileKind, FileId)> =
        std::iter::once((FileKind::Products, entry.products))
            .chain(entry.lookup.iter().map(|id| (FileKind::Lookup, *id)))
            .chain(entry.search.iter().map(|id| (FileKind::SearchRoot, *id)))
            .collect();
    let mut seen = BTreeSet::new();
    let mut first = true;
    while let Some((kind, id)) = pending.pop() {
        let path = id.path(kind);
        if !seen.insert(path.clone()) {
            continue;
        }
        let value = match std::fs::read(dir.join(&path)) {
            Err(error) => Err(error.to_string()),
            Ok(bytes) => selfhelp_bundle::read_header(&bytes)
                .map_err(|e| e.to_string())
                .and_then(|(header, _)| match header.kind == kind {
                    true => decode_any(&bytes).map_err(|e| e.to_string()),
                    false => Err(BundleError::WrongKind {
                        expected: kind,
                        found: header.kind,
                    }
                    .to_string()),
                }),
        };
        let value = match value {
            Ok((_, value)) => {
                pending.extend(named_by(kind, &value));
                value
            }
            Err(error) => {
                eprintln!("error: {}: {error}", dir.join(&path).display());
                ok = false;
                json!({ "error": error })
            }
        };
        let separator = if first { "" } else { ",\n" };
        first = false;
        ok &= write!(out, "{separator}{}: {value}", Value::String(path)).is_ok();
    }
    ok &= writeln!(out, "\n}}}}").is_ok();
    ok
}

/// The files a decoded file names.
fn named_by(kind: FileKind, value: &Value) -> Vec<(FileKind, FileId)> {
    let id = |value: &Value| {
        value
            .as_str()
            .and_then(|hex| u64::from_str_radix(hex, 16).ok())
            .map(FileId)
    };
    let ids = |value: Option<&Value>| -> Vec<FileId> {
        value
            .and_then(Value::as_array)
            .map(|items| items.iter().filter_map(id).collect())
            .unwrap_or_default()
    };
    let each = |list: Option<&Value>, field: &str| -> Vec<FileId> {
        list.and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(|item| item.get(field).and_then(id))
            .collect()
    };
    let of = |kind: FileKind, ids: Vec<FileId>| ids.into_iter().map(move |id| (kind, id));
    match kind {
        FileKind::Products => of(FileKind::Catalog, each(value.get("products"), "page")).collect(),
        FileKind::Catalog => of(FileKind::Chunk, ids(value.get("chunks")))
            .chain(of(FileKind::Catalog, each(value.get("groups"), "page")))
            .collect(),
        FileKind::Lookup => of(FileKind::Chunk, ids(value.get("chunks"))).collect(),
        FileKind::SearchRoot | FileKind::SearchShard => {
            of(FileKind::SearchShard, ids(value.get("names"))).collect()
        }
        _ => Vec::new(),
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
