//! The index builder: documents analysed one by one (in parallel by the caller), then
//! merged and cut into files.

mod analyze;
mod merge;
mod write;

pub use analyze::{analyze, AnalyzedDoc};

use analyze::cut;

use crate::document::Config;
use crate::format::{file_name, FileClass, Id, Record, Root, INDEX_VERSION};
use crate::synonyms::Synonyms;

/// Facet classes are a byte in each posting; past this many, the rest share the last.
const MAX_CLASSES: usize = 256;
/// Bytes of a title kept in its record.
const MAX_TITLE: usize = 300;

/// An index: the root's payload, and every other file's payload by name.
#[derive(Debug, Clone, Default)]
pub struct IndexFiles {
    pub root: Vec<u8>,
    pub files: Vec<(u64, Vec<u8>)>,
}

/// Builds the index of `docs`, numbered in the order given. `digest` hashes a file's
/// payload as the site will store it (a header around it, say): the seed that names the
/// files is a digest of every file's, so a change anywhere renames them all.
pub fn build(
    mut docs: Vec<AnalyzedDoc>,
    synonyms: &Synonyms,
    config: &Config,
    digest: &dyn Fn(&[u8]) -> u64,
) -> IndexFiles {
    let mut classes: Vec<(u8, u8)> = Vec::new();
    let mut doc_classes = Vec::with_capacity(docs.len());
    let mut product_runs: Vec<(u32, u32)> = Vec::new();
    for (number, doc) in docs.iter().enumerate() {
        let class = (doc.facets.kind, doc.facets.clouds);
        let index = match classes.iter().position(|known| *known == class) {
            Some(index) => index,
            None if classes.len() < MAX_CLASSES => {
                classes.push(class);
                classes.len() - 1
            }
            None => MAX_CLASSES - 1,
        };
        doc_classes.push(index as u8);
        if product_runs
            .last()
            .is_none_or(|(_, product)| *product != doc.facets.product)
        {
            product_runs.push((number as u32, doc.facets.product));
        }
    }
    let merged = merge::merge(&mut docs, &doc_classes, synonyms, config);
    let records: Vec<Record> = docs
        .into_iter()
        .map(|doc| Record {
            key: doc.key,
            // A title is shown on one line; a runaway one must not bloat its file.
            title: cut(&doc.title, MAX_TITLE).to_owned(),
            passages: doc.stored,
        })
        .collect();
    let count = records.len() as u32;
    let written = write::vocabulary(merged.terms, config);
    let record_files = write::records(records, config);
    let synonyms = if config.plain {
        Vec::new()
    } else {
        synonyms.phrases()
    };
    let classes_of_files = [
        (FileClass::Vocabulary, written.shards),
        (FileClass::Tails, written.tails),
        (FileClass::Records, record_files),
    ];
    let mut digests = Vec::new();
    for (class, files) in &classes_of_files {
        digests.push(*class as u64);
        digests.extend(files.iter().map(|file| digest(file)));
    }
    let digest_bytes: Vec<u8> = digests.iter().flat_map(|d| d.to_le_bytes()).collect();
    let seed = Id(digest(&digest_bytes));
    let tails = classes_of_files[1].1.len() as u32;
    let root = Root {
        version: INDEX_VERSION,
        plain: config.plain,
        docs: count,
        product_runs,
        classes,
        seed,
        vocabulary: written.firsts,
        tails,
        records_per_file: config.records_per_file.max(1),
        synonyms,
    };
    let files = classes_of_files
        .into_iter()
        .flat_map(|(class, files)| {
            files
                .into_iter()
                .enumerate()
                .map(move |(number, payload)| (file_name(seed, class, number as u32), payload))
        })
        .collect();
    IndexFiles {
        root: write::payload(&root),
        files,
    }
}
