//! Finds the files to compile: the input folders walked in sorted order, each file handed
//! over as soon as it is found.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use super::unreadable;
use crate::diagnostics::Diagnostic;

/// One file to compile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Input {
    /// Its place in the walk: results are put back in this order.
    pub index: usize,
    pub path: PathBuf,
    /// Relative to the input root, `/`-separated.
    pub relative: String,
}

/// What the walk found besides the files themselves.
#[derive(Debug, Default)]
pub(super) struct Walked {
    /// Inputs that could not be listed (a missing path, an unreadable folder).
    pub diagnostics: Vec<Diagnostic>,
    /// How many files were handed over.
    pub files: usize,
}

/// Walks `paths` (files as they are, folders recursively for `*.md`), in sorted order,
/// handing each file to `found` once.
pub(super) fn walk(paths: &[PathBuf], mut found: impl FnMut(Input)) -> Walked {
    let mut walked = Walked::default();
    // One folder never lists a file twice; overlapping inputs can.
    let mut seen = (paths.len() > 1).then(HashSet::new);
    let mut hand_over = |path: PathBuf, relative: String| {
        if let Some(seen) = seen.as_mut() {
            if !seen.insert(path.clone()) {
                return;
            }
        }
        found(Input {
            index: walked.files,
            path,
            relative,
        });
        walked.files += 1;
    };
    for root in paths {
        if root.is_file() {
            let relative = root
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            hand_over(root.clone(), relative);
            continue;
        }
        if !root.exists() {
            walked
                .diagnostics
                .push(unreadable(root, &"no such file or folder"));
            continue;
        }
        for entry in WalkDir::new(root).sort_by_file_name() {
            let entry = match entry {
                Ok(entry) => entry,
                Err(error) => {
                    let path = error.path().unwrap_or(root).to_path_buf();
                    walked.diagnostics.push(unreadable(&path, &error));
                    continue;
                }
            };
            let is_markdown = entry
                .path()
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("md"));
            if entry.file_type().is_file() && is_markdown {
                let relative = relative_name(entry.path(), root);
                hand_over(entry.into_path(), relative);
            }
        }
    }
    walked
}

/// `path` relative to `root`, `/`-separated on every platform.
fn relative_name(path: &Path, root: &Path) -> String {
    let relative = path.strip_prefix(root).unwrap_or(path).to_string_lossy();
    if std::path::MAIN_SEPARATOR == '/' {
        relative.into_owned()
    } else {
        relative.replace(std::path::MAIN_SEPARATOR, "/")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walks_in_name_order_once_per_file_and_reports_missing_inputs() {
        let root = tempfile::tempdir().expect("temp dir");
        for file in ["b.md", "a/z.md", "a/y.MD", "a.md", "notes.txt"] {
            let path = root.path().join(file);
            std::fs::create_dir_all(path.parent().expect("parent")).expect("folder");
            std::fs::write(&path, "x").expect("file");
        }
        // The folder, one of its files again, and a path that does not exist.
        let paths = [
            root.path().to_path_buf(),
            root.path().join("b.md"),
            root.path().join("missing"),
        ];
        let mut found = Vec::new();
        let walked = walk(&paths, |input| found.push(input));
        let seen: Vec<(usize, &str)> = found
            .iter()
            .map(|input| (input.index, input.relative.as_str()))
            .collect();
        // A folder's files come before a file that sorts after the folder's name.
        assert_eq!(
            seen,
            [(0, "a/y.MD"), (1, "a/z.md"), (2, "a.md"), (3, "b.md")]
        );
        assert_eq!(walked.files, 4);
        assert_eq!(walked.diagnostics.len(), 1);
        assert!(walked.diagnostics[0].message.contains("missing"));
    }
}
