//! The build already in the output folder: its manifest says which files a visitor may
//! still hold and where the last good version of each article is.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use selfhelp_bundle::{decode_file, Chunk, ChunkArticle, FileKind};

use super::report::{Manifest, MANIFEST_FILE};

/// The previous build, as its manifest describes it.
#[derive(Debug)]
pub struct Previous {
    dir: PathBuf,
    pub manifest: Manifest,
    /// Decoded chunks, by path, so several stale articles of one chunk read it once.
    chunks: HashMap<String, Result<Chunk, String>>,
}

impl Previous {
    /// Reads `dir`'s manifest: `Ok(None)` when there is none (a first build), `Err` with
    /// a message when there is one that cannot be read.
    pub fn read(dir: &Path) -> Result<Option<Previous>, String> {
        let path = dir.join(MANIFEST_FILE);
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(error) => return Err(format!("cannot read {}: {error}", path.display())),
        };
        let manifest: Manifest = serde_json::from_str(&text)
            .map_err(|error| format!("cannot read {}: {error}", path.display()))?;
        Ok(Some(Previous {
            dir: dir.to_path_buf(),
            manifest,
            chunks: HashMap::new(),
        }))
    }

    /// The article the previous build published from `source`, read back from its chunk.
    /// `Ok(None)` when it published none; `Err` when its chunk cannot be read.
    pub fn article_from(&mut self, source: &str) -> Result<Option<ChunkArticle>, String> {
        let Some(entry) = self.manifest.articles.iter().find(|a| a.source == source) else {
            return Ok(None);
        };
        let (path, id) = (entry.chunk.clone(), entry.id.clone());
        let dir = &self.dir;
        let chunk = self.chunks.entry(path.clone()).or_insert_with(|| {
            let file = dir.join(&path);
            let bytes =
                std::fs::read(&file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
            decode_file::<Chunk>(FileKind::Chunk, &bytes)
                .map(|(_, chunk)| chunk)
                .map_err(|e| format!("cannot read {}: {e}", file.display()))
        });
        match chunk {
            Ok(chunk) => Ok(chunk.article(&id).cloned()),
            Err(error) => Err(error.clone()),
        }
    }
}
