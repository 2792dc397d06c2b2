//! The index builder: documents analysed one by one (in parallel by the caller), then
//! merged and cut into files.

mod analyze;
mod merge;
mod write;

pub use analyze::{analyze, AnalyzedDoc};

use analyze::cut;

use crate::document::Config;
use crate::format::{Record, Root, INDEX_VERSION};
use crate::synonyms::Synonyms;

/// Facet classes are a byte in each posting; past this many, the rest share the last.
const MAX_CLASSES: usize = 256;
/// Bytes of a title kept in its record.
const MAX_TITLE: usize = 300;

/// Builds the index of `docs`, numbered in the order given. `store` receives the payload
/// of each file and returns its id; the root's payload is returned.
pub fn build(
    mut docs: Vec<AnalyzedDoc>,
    products: Vec<String>,
    synonyms: &Synonyms,
    config: &Config,
    store: &mut dyn FnMut(&[u8]) -> u64,
) -> Vec<u8> {
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
    let vocabulary = write::vocabulary(merged.terms, config, store);
    let directories = write::records(records, config, store);
    let synonyms = if config.plain {
        Vec::new()
    } else {
        synonyms.phrases()
    };
    let root = Root {
        version: INDEX_VERSION,
        plain: config.plain,
        docs: count,
        products,
        product_runs,
        classes,
        vocabulary,
        records_per_file: config.records_per_file.max(1),
        files_per_directory: config.files_per_directory.max(1),
        directories,
        synonyms,
    };
    write::payload(&root)
}
