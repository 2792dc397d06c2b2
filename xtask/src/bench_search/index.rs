//! Our indexes of the corpus, built as the compiler builds a site's, kept in memory.

use std::collections::HashMap;
use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result};
use flate2::{write::GzEncoder, Compression};
use rayon::prelude::*;
use selfhelp_bundle::{encode_with_header, FileKind, Header};
use selfhelp_search::{Config, Document, FileClass, MemoryStore, Synonyms};

/// One index: the root's payload, every other file by id, and what each weighs on the
/// wire.
pub struct Index {
    pub name: &'static str,
    /// Built with `Config::plain` and queried with `Request { plain: true }`.
    pub plain: bool,
    pub root: Vec<u8>,
    pub store: MemoryStore,
    /// gzip -9 bytes of each file as a site publishes it (its payload in the bundle
    /// envelope: magic and version header), which a static host would send compressed.
    pub gzip: HashMap<u64, usize>,
    pub root_gzip: usize,
    /// What each file is, to say where a query's bytes go.
    pub kinds: HashMap<u64, Part>,
}

/// The kinds of file of an index (`search/src/format.rs`), the root first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Root,
    Vocabulary,
    Tails,
    Records,
}

impl Part {
    pub const ALL: [Part; 4] = [Part::Root, Part::Vocabulary, Part::Tails, Part::Records];

    pub fn label(self) -> &'static str {
        match self {
            Part::Root => "root",
            Part::Vocabulary => "vocabulary",
            Part::Tails => "tails",
            Part::Records => "records",
        }
    }
}

impl Index {
    pub fn total_gzip(&self) -> usize {
        self.root_gzip + self.gzip.values().sum::<usize>()
    }

    pub fn files(&self) -> usize {
        1 + self.gzip.len()
    }

    /// The payloads as the bench page fetches them: `root`, and each file by its id in
    /// hex (the page hands the engine payloads, as the widget does once it has opened
    /// the envelope).
    pub fn write(&self, dir: &Path) -> Result<()> {
        if dir.exists() {
            std::fs::remove_dir_all(dir).with_context(|| format!("clearing {}", dir.display()))?;
        }
        std::fs::create_dir_all(dir)?;
        std::fs::write(dir.join("root"), &self.root)?;
        for (id, payload) in &self.store.files {
            std::fs::write(dir.join(format!("{id:016x}")), payload)?;
        }
        Ok(())
    }
}

pub fn build(name: &'static str, docs: &[Document], synonyms: &Synonyms, plain: bool) -> Index {
    let config = if plain {
        Config::plain()
    } else {
        Config::default()
    };
    let started = std::time::Instant::now();
    let analyzed = docs
        .par_iter()
        .map(|doc| selfhelp_search::analyze(doc.clone(), &config))
        .collect();
    let built = selfhelp_search::build(analyzed, synonyms, &config, &MemoryStore::digest);
    let (root, store) = MemoryStore::keep(built);
    let generator = selfhelp_compiler::generator();
    let gzip = store
        .files
        .par_iter()
        .map(|(id, payload)| (*id, shipped(FileKind::SearchShard, &generator, payload)))
        .collect();
    let root_gzip = shipped(FileKind::SearchRoot, &generator, &root);
    let kinds = kinds(&root);
    eprintln!(
        "xtask: {name} index built in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    Index {
        name,
        plain,
        root,
        store,
        gzip,
        root_gzip,
        kinds,
    }
}

/// Each file's kind, as the root names it.
fn kinds(root: &[u8]) -> HashMap<u64, Part> {
    selfhelp_search::index_files(root)
        .into_iter()
        .map(|(id, class)| {
            let part = match class {
                FileClass::Vocabulary => Part::Vocabulary,
                FileClass::Tails => Part::Tails,
                FileClass::Records => Part::Records,
            };
            (id, part)
        })
        .collect()
}

/// gzip -9 bytes of a payload in its envelope.
fn shipped(kind: FileKind, generator: &str, payload: &[u8]) -> usize {
    let bytes = encode_with_header(&Header::current(kind, generator), payload)
        .unwrap_or_else(|_| payload.to_vec());
    gzip_len(&bytes)
}

pub fn gzip_len(bytes: &[u8]) -> usize {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
    let _ = encoder.write_all(bytes);
    encoder.finish().map_or(bytes.len(), |out| out.len())
}
