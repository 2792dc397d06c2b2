//! How a plain static host maps a URL to a file of a built site, and the file's type.

use std::path::{Path, PathBuf};

/// Maps a URL path into the root, refusing anything that climbs out of it; a folder
/// (the root included) stands for its `index.html`.
pub fn resolve(root: &Path, url: &str) -> Option<PathBuf> {
    let path = url.split(['?', '#']).next().unwrap_or("/");
    if path.split('/').any(|part| part == "..") {
        return None;
    }
    let relative = path.trim_start_matches('/');
    let file = root.join(if relative.is_empty() {
        "index.html"
    } else {
        relative
    });
    Some(if file.is_dir() {
        file.join("index.html")
    } else {
        file
    })
}

/// The `Content-Type` a host sends for a site file: the browser compiles wasm streaming
/// and runs modules only with the right one.
pub fn content_type(path: &Path) -> &'static str {
    match path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
    {
        "html" => "text/html; charset=utf-8",
        "js" => "text/javascript",
        "wasm" => "application/wasm",
        "css" => "text/css",
        "svg" => "image/svg+xml",
        "json" => "application/json",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_map_into_the_root_and_never_out_of_it() {
        let root = std::env::temp_dir();
        assert_eq!(resolve(&root, "/"), Some(root.join("index.html")));
        assert_eq!(
            resolve(&root, "/a/b.wasm?v=1#x"),
            Some(root.join("a/b.wasm"))
        );
        assert_eq!(resolve(&root, "/a/../../etc/passwd"), None);
        assert_eq!(content_type(Path::new("x/y.wasm")), "application/wasm");
        assert_eq!(content_type(Path::new("chunk")), "application/octet-stream");
    }
}
