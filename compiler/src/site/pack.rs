//! Lays out a site in memory: articles packed into chunks, lookup buckets, catalogue
//! pages and the entry, every file but the entry named by a hash of its bytes.

use std::collections::{HashMap, HashSet};

use selfhelp_bundle::{
    bucket_of, encode_file, fingerprint, BundleError, CatalogPage, Count, Entry, FileId, FileKind,
    Group, Kind, Listing, Located, Lookup, Product, Products, Related,
};

use super::catalog::{GroupPlan, Plan};
use super::prepare::Prepared;

mod chunks;

pub use chunks::{chunk_bytes, ChunkSizes};

/// Ids per lookup file: 8 bytes of fingerprint and a chunk index each, and the ids of
/// the chunks they are in (3.5 KB gzip on the corpus).
const LOOKUP_IDS: usize = 256;
/// A product listing more articles than this puts each group on a page of its own...
const INLINE_LISTINGS: usize = 60;
/// ...but for groups this small, which stay on the product's page: a file of a few
/// listings costs a request and a file of the host's budget for a few hundred bytes.
const SMALL_GROUP: usize = 20;

/// One file of a site, not yet written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteFile {
    pub kind: FileKind,
    pub id: FileId,
    pub bytes: Vec<u8>,
}

impl SiteFile {
    pub fn path(&self) -> String {
        self.id.path(self.kind)
    }
}

/// A whole site, in memory.
#[derive(Debug, Clone, Default)]
pub struct SiteFiles {
    /// Every file but the entry.
    pub files: Vec<SiteFile>,
    pub entry: Vec<u8>,
    pub build_id: String,
    /// Which chunk each published article is in, in catalogue order.
    pub placed: Vec<Placed>,
}

/// Where one article was published.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placed {
    pub index: usize,
    pub chunk: FileId,
}

/// Names a file by the first 64 bits of its xxh3 hash. Not a cryptographic hash: names
/// only need to differ between different files of one site, which 64 bits do.
pub fn file_id(bytes: &[u8]) -> FileId {
    FileId(xxhash_rust::xxh3::xxh3_64(bytes))
}

struct Files<'g> {
    generator: &'g str,
    files: Vec<SiteFile>,
    seen: HashSet<(FileKind, FileId)>,
}

impl Files<'_> {
    fn add(&mut self, kind: FileKind, bytes: Vec<u8>) -> FileId {
        let id = file_id(&bytes);
        // Identical files (two empty pages, say) are one file.
        if self.seen.insert((kind, id)) {
            self.files.push(SiteFile { kind, id, bytes });
        }
        id
    }

    fn encode<T: serde::Serialize>(
        &mut self,
        kind: FileKind,
        value: &T,
    ) -> Result<FileId, BundleError> {
        let bytes = encode_file(kind, value, self.generator)?;
        Ok(self.add(kind, bytes))
    }
}

/// Lays out `prepared` articles as `plan` orders them. `related[i]` goes with
/// `prepared[i]`; `search` is the search index (its root and files), when the site
/// has one.
pub fn assemble(
    prepared: &[Prepared],
    related: &[Related],
    plan: &Plan,
    search: Option<(FileId, Vec<SiteFile>)>,
    generator: &str,
) -> Result<SiteFiles, BundleError> {
    finish(
        layout(prepared, related, plan, ChunkSizes::default(), generator)?,
        search,
        generator,
    )
}

/// Everything of a site but its search index and its entry: what can be built while
/// the index is (see [`finish`]).
pub struct Layout {
    files: Vec<SiteFile>,
    placed: Vec<Placed>,
    lookup: Vec<FileId>,
    products: FileId,
}

impl Layout {
    /// Files it holds, chunks included.
    pub fn file_count(&self) -> usize {
        self.files.len()
    }

    pub fn chunk_count(&self) -> usize {
        self.files
            .iter()
            .filter(|f| f.kind == FileKind::Chunk)
            .count()
    }
}

/// Adds the search index and writes the entry, which names everything.
pub fn finish(
    layout: Layout,
    search: Option<(FileId, Vec<SiteFile>)>,
    generator: &str,
) -> Result<SiteFiles, BundleError> {
    let Layout {
        mut files,
        placed,
        lookup,
        products,
    } = layout;
    let search = search.map(|(root, search_files)| {
        files.extend(search_files);
        root
    });
    let mut entry = Entry {
        build_id: String::new(),
        articles: placed.len() as u32,
        lookup,
        products,
        search,
    };
    // The build id is the hash of everything else the entry says, which names every file.
    let encoded = postcard::to_allocvec(&entry).map_err(|e| BundleError::Encode(e.to_string()))?;
    entry.build_id = format!("{:016x}", file_id(&encoded).0);
    Ok(SiteFiles {
        entry: encode_file(FileKind::Entry, &entry, generator)?,
        build_id: entry.build_id,
        files,
        placed,
    })
}

/// Chunks, lookups and catalogue pages.
pub fn layout(
    prepared: &[Prepared],
    related: &[Related],
    plan: &Plan,
    sizes: ChunkSizes,
    generator: &str,
) -> Result<Layout, BundleError> {
    let mut files = Files {
        generator,
        seen: HashSet::new(),
        files: Vec::new(),
    };
    let placed = chunks::pack_chunks(prepared, related, plan, sizes, &mut files)?;
    let chunk_of: HashMap<usize, FileId> = placed.iter().map(|p| (p.index, p.chunk)).collect();
    let lookup = lookups(prepared, &placed, &mut files)?;
    let mut products = Vec::with_capacity(plan.products.len());
    for product in &plan.products {
        let mut page = CatalogPage {
            key: product.key.clone(),
            name: product.name.clone(),
            ..CatalogPage::default()
        };
        let total: usize = product.groups.iter().map(|g| g.members.len()).sum();
        let own_pages = total > INLINE_LISTINGS && product.groups.len() > 1;
        for plan_group in &product.groups {
            let mut group = listed(plan_group, prepared, &chunk_of, &mut page.chunks);
            if own_pages && plan_group.members.len() > SMALL_GROUP {
                let mut group_page = CatalogPage {
                    key: product.key.clone(),
                    name: product.name.clone(),
                    ..CatalogPage::default()
                };
                let mut own = listed(plan_group, prepared, &chunk_of, &mut group_page.chunks);
                group_page.groups.push(own.clone());
                own.articles.clear();
                own.page = Some(files.encode(FileKind::Catalog, &group_page)?);
                group = own;
            }
            page.groups.push(group);
        }
        products.push(Product {
            key: product.key.clone(),
            name: product.name.clone(),
            counts: sum_counts(page.groups.iter().flat_map(|g| g.counts.iter())),
            page: files.encode(FileKind::Catalog, &page)?,
        });
    }
    let products = files.encode(FileKind::Products, &Products { products })?;
    Ok(Layout {
        files: files.files,
        placed,
        lookup,
        products,
    })
}

fn lookups(
    prepared: &[Prepared],
    placed: &[Placed],
    files: &mut Files,
) -> Result<Vec<FileId>, BundleError> {
    let buckets = placed.len().div_ceil(LOOKUP_IDS).max(1);
    let mut members: Vec<Vec<(FileId, FileId, &str)>> = vec![Vec::new(); buckets];
    for p in placed {
        let id = prepared[p.index].summary.id.as_str();
        if let Some(bucket) = members.get_mut(bucket_of(id, buckets)) {
            bucket.push((FileId(fingerprint(id)), p.chunk, id));
        }
    }
    members
        .iter_mut()
        .map(|bucket| {
            bucket.sort();
            if let Some(pair) = bucket.windows(2).find(|pair| pair[0].0 == pair[1].0) {
                // 64-bit FNV-1a: about one site in 10^11 of 15,000 articles meets this.
                return Err(BundleError::Encode(format!(
                    "the article ids `{}` and `{}` have the same fingerprint; rename one",
                    pair[0].2, pair[1].2
                )));
            }
            let mut lookup = Lookup::default();
            for &(fingerprint, chunk, _) in bucket.iter() {
                let index = match lookup.chunks.iter().position(|&c| c == chunk) {
                    Some(index) => index,
                    None => {
                        lookup.chunks.push(chunk);
                        lookup.chunks.len() - 1
                    }
                };
                lookup.articles.push(Located {
                    fingerprint,
                    chunk: index as u32,
                });
            }
            files.encode(FileKind::Lookup, &lookup)
        })
        .collect()
}

/// A group with its listings, adding the chunks they point into to `chunks`.
fn listed(
    plan: &GroupPlan,
    prepared: &[Prepared],
    chunk_of: &HashMap<usize, FileId>,
    chunks: &mut Vec<FileId>,
) -> Group {
    let mut articles = Vec::with_capacity(plan.members.len());
    for &member in &plan.members {
        let (Some(article), Some(chunk)) = (prepared.get(member), chunk_of.get(&member)) else {
            continue;
        };
        let Some(kind) = article.summary.kind else {
            continue;
        };
        let slot = match chunks.iter().position(|c| c == chunk) {
            Some(slot) => slot,
            None => {
                chunks.push(*chunk);
                chunks.len() - 1
            }
        };
        articles.push(Listing {
            id: article.summary.id.clone(),
            title: article.summary.title.clone(),
            description: article.summary.description.clone(),
            kind,
            clouds: article.summary.clouds,
            chunk: slot as u32,
        });
    }
    let counts = sum_counts(
        articles
            .iter()
            .map(|a| Count {
                kind: a.kind,
                clouds: a.clouds,
                articles: 1,
            })
            .collect::<Vec<_>>()
            .iter(),
    );
    Group {
        key: plan.key.clone(),
        name: plan.name.clone(),
        counts,
        articles,
        page: None,
    }
}

fn sum_counts<'c>(counts: impl Iterator<Item = &'c Count>) -> Vec<Count> {
    let mut sums: std::collections::BTreeMap<(Kind, u8), u32> = Default::default();
    for count in counts {
        *sums.entry((count.kind, count.clouds)).or_default() += count.articles;
    }
    sums.into_iter()
        .map(|((kind, clouds), articles)| Count {
            kind,
            clouds,
            articles,
        })
        .collect()
}

#[cfg(test)]
mod tests;
