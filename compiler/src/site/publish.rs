//! Writes a site into its folder so that a visitor never meets a half-published build:
//! new files first (named by their bytes, so none is read before the entry names it),
//! the manifest and report, the entry last (written to a temporary name, then renamed);
//! then files that neither this build nor the previous one names are removed.

use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use selfhelp_bundle::{FileKind, ENTRY_FILE};
use tempfile::NamedTempFile;

use super::pack::SiteFiles;
use super::report::{BuildReport, Manifest, MANIFEST_FILE, REPORT_FILE};

/// Why a site could not be written.
#[derive(Debug, thiserror::Error)]
pub enum PublishError {
    #[error("cannot write {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot write {path}: {source}")]
    Json {
        path: PathBuf,
        source: serde_json::Error,
    },
}

/// What publishing did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Published {
    /// Files written (every file but the entry, manifest and report).
    pub written: usize,
    /// Files already there with the same name, from an earlier build.
    pub reused: usize,
    /// Files of builds before the previous one, removed.
    pub removed: usize,
    /// Bytes of the entry.
    pub entry_bytes: u64,
}

/// The folders a site's named files live in.
const FILE_KINDS: [FileKind; 4] = [
    FileKind::Chunk,
    FileKind::Catalog,
    FileKind::Lookup,
    FileKind::SearchShard,
];

pub fn publish(
    dir: &Path,
    site: &SiteFiles,
    manifest: &Manifest,
    report: &BuildReport,
    previous: Option<&Manifest>,
) -> Result<Published, PublishError> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| PublishError::Io { path, source }
    };
    std::fs::create_dir_all(dir).map_err(io(dir))?;
    for kind in FILE_KINDS {
        let folder = dir.join(kind.dir());
        std::fs::create_dir_all(&folder).map_err(io(&folder))?;
    }
    // Named by their bytes: a file already there under its name is this file.
    let results: Vec<Result<bool, PublishError>> = site
        .files
        .par_iter()
        .map(|file| {
            let path = dir.join(file.path());
            match std::fs::metadata(&path) {
                Ok(meta) if meta.len() == file.bytes.len() as u64 => Ok(false),
                _ => write_named(&path, &file.bytes).map(|()| true),
            }
        })
        .collect();
    let mut published = Published::default();
    for result in results {
        match result? {
            true => published.written += 1,
            false => published.reused += 1,
        }
    }
    write_json(dir, MANIFEST_FILE, manifest)?;
    write_json(dir, REPORT_FILE, report)?;
    write_atomically(dir, &dir.join(ENTRY_FILE), &site.entry, true)?;
    published.entry_bytes = site.entry.len() as u64;
    if let Some(previous) = previous {
        published.removed = remove_unnamed(dir, manifest, previous);
    }
    Ok(published)
}

/// A file named by its bytes, written in place: no visitor can ask for it before the
/// entry that names it is published, and a half-written one (a crash) has the wrong
/// size, which the next build sees and writes again. Creating a temporary file and
/// renaming it for each of a library's two thousand files cost more than the compile.
fn write_named(path: &Path, bytes: &[u8]) -> Result<(), PublishError> {
    std::fs::write(path, bytes).map_err(|source| PublishError::Io {
        path: path.to_path_buf(),
        source,
    })
}

fn write_json(dir: &Path, name: &str, value: &impl serde::Serialize) -> Result<(), PublishError> {
    let path = dir.join(name);
    let mut text = serde_json::to_vec_pretty(value).map_err(|source| PublishError::Json {
        path: path.clone(),
        source,
    })?;
    text.push(b'\n');
    write_atomically(dir, &path, &text, false)
}

/// Writes `bytes` to a temporary file beside `path` and renames it into place. Only the
/// entry is synced to disk: the other files are reproducible, and syncing a thousand
/// of them would cost seconds.
fn write_atomically(dir: &Path, path: &Path, bytes: &[u8], sync: bool) -> Result<(), PublishError> {
    let wrap = |source| PublishError::Io {
        path: path.to_path_buf(),
        source,
    };
    let folder = path.parent().unwrap_or(dir);
    let mut file = NamedTempFile::new_in(folder).map_err(wrap)?;
    file.write_all(bytes).map_err(wrap)?;
    // Temporary files are private (0600); a site is published, so make it readable.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        file.as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o644))
            .map_err(wrap)?;
    }
    if sync {
        file.as_file().sync_all().map_err(wrap)?;
    }
    file.persist(path).map_err(|e| wrap(e.error))?;
    Ok(())
}

/// Removes the named files that neither this build nor the previous one lists. Only
/// files named as a build names them (`<16 hex digits>.bin`) are touched.
fn remove_unnamed(dir: &Path, current: &Manifest, previous: &Manifest) -> usize {
    let keep: HashSet<&str> = current
        .files
        .iter()
        .chain(&previous.files)
        .map(String::as_str)
        .collect();
    let mut removed = 0;
    let folders: HashSet<&str> = FILE_KINDS.iter().map(|k| k.dir()).collect();
    for folder in folders {
        let Ok(entries) = std::fs::read_dir(dir.join(folder)) else {
            continue;
        };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let ours = name.strip_suffix(".bin").is_some_and(|stem| {
                stem.len() == 16 && stem.bytes().all(|b| b.is_ascii_hexdigit())
            });
            if ours && !keep.contains(format!("{folder}/{name}").as_str()) {
                removed += usize::from(std::fs::remove_file(entry.path()).is_ok());
            }
        }
    }
    removed
}
