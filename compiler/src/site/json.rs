//! `bundle.json` (`selfhelp build --json`): every published article as JSON, for people
//! and tools, written one article at a time so a library never sits in memory as text.

use std::io::{BufWriter, Write};
use std::path::Path;

use selfhelp_bundle::{read_header, Article};
use tempfile::NamedTempFile;

use super::pack::SiteFiles;
use super::prepare::Prepared;
use super::publish::PublishError;

/// The file's name in the site folder.
pub const JSON_FILE: &str = "bundle.json";

/// Writes `{"header": …, "bundle": {"articles": [...]}}` in catalogue order, to a
/// temporary file renamed into place.
pub fn write(dir: &Path, site: &SiteFiles, prepared: &[Prepared]) -> Result<(), PublishError> {
    let path = dir.join(JSON_FILE);
    let io = |source| PublishError::Io {
        path: path.clone(),
        source,
    };
    let json = |source| PublishError::Json {
        path: path.clone(),
        source,
    };
    let file = NamedTempFile::new_in(dir).map_err(io)?;
    let mut out = BufWriter::new(file);
    let header = read_header(&site.entry).ok().map(|(header, _)| header);
    out.write_all(b"{\n\"header\": ").map_err(io)?;
    serde_json::to_writer_pretty(&mut out, &header).map_err(json)?;
    out.write_all(b",\n\"bundle\": {\"articles\": [\n")
        .map_err(io)?;
    for (n, placed) in site.placed.iter().enumerate() {
        let Some(article) = prepared.get(placed.index) else {
            continue;
        };
        let article: Article = postcard::from_bytes(&article.bytes)
            .map_err(|e| io(std::io::Error::other(e.to_string())))?;
        if n > 0 {
            out.write_all(b",\n").map_err(io)?;
        }
        serde_json::to_writer_pretty(&mut out, &article).map_err(json)?;
    }
    out.write_all(b"\n]}}\n").map_err(io)?;
    let file = out.into_inner().map_err(|e| io(e.into_error()))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        file.as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o644))
            .map_err(io)?;
    }
    file.persist(&path).map_err(|e| io(e.error))?;
    Ok(())
}
