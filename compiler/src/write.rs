//! Writes `bundle.bin` and `bundle.json` atomically (temp file in the same folder, then rename).

use std::io::Write;
use std::path::{Path, PathBuf};

use selfhelp_bundle::{Bundle, Header};
use serde::Serialize;
use tempfile::NamedTempFile;

/// The generator string written into bundle headers, e.g. `selfhelp 0.1.0`.
pub fn generator() -> String {
    format!("selfhelp {}", env!("CARGO_PKG_VERSION"))
}

/// Why the bundle could not be written.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("cannot encode the bundle: {0}")]
    Encode(#[from] selfhelp_bundle::BundleError),
    #[error("cannot write the bundle as JSON: {0}")]
    Json(#[from] serde_json::Error),
    #[error("cannot write {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// What was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    pub bin: PathBuf,
    pub bin_bytes: u64,
    pub json: PathBuf,
}

/// The JSON twin of `bundle.bin`: the same header and bundle, for people and tools.
#[derive(Serialize)]
pub struct BundleJson<'a> {
    pub header: &'a Header,
    pub bundle: &'a Bundle,
}

/// Writes `dir/bundle.bin` and `dir/bundle.json`, creating `dir` if needed. Both are
/// fully written to temporary files before either is renamed into place.
pub fn write_bundle(dir: &Path, bundle: &Bundle) -> Result<Written, WriteError> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| WriteError::Io { path, source }
    };
    std::fs::create_dir_all(dir).map_err(io(dir))?;
    let bin = selfhelp_bundle::encode(bundle, &generator())?;
    // Read the header back from the bytes so the JSON says exactly what the binary says.
    let (header, _) = selfhelp_bundle::decode(&bin)?;
    let json = serde_json::to_string_pretty(&BundleJson {
        header: &header,
        bundle,
    })?;
    let bin_path = dir.join("bundle.bin");
    let json_path = dir.join("bundle.json");
    let bin_file = temp_with(dir, &bin).map_err(io(&bin_path))?;
    let json_file = temp_with(dir, format!("{json}\n").as_bytes()).map_err(io(&json_path))?;
    bin_file
        .persist(&bin_path)
        .map_err(|e| e.error)
        .map_err(io(&bin_path))?;
    json_file
        .persist(&json_path)
        .map_err(|e| e.error)
        .map_err(io(&json_path))?;
    Ok(Written {
        bin: bin_path,
        bin_bytes: bin.len() as u64,
        json: json_path,
    })
}

fn temp_with(dir: &Path, bytes: &[u8]) -> std::io::Result<NamedTempFile> {
    let mut file = NamedTempFile::new_in(dir)?;
    file.write_all(bytes)?;
    // Temporary files are private (0600); a bundle is published, so make it readable.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        file.as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o644))?;
    }
    file.as_file().sync_all()?;
    Ok(file)
}
