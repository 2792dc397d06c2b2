//! Lays out a site in memory: articles packed into chunks, lookup buckets, catalogue
//! pages and the entry, every file but the entry named by a hash of its bytes.

use std::collections::{HashMap, HashSet};

use selfhelp_bundle::{
    bucket_of, encode_file, encode_with_header, fingerprint, BundleError, CatalogPage, Count,
    Entry, FileId, FileKind, Group, Header, Kind, Listing, Located, Lookup, Product, Products,
    Related,
};

use super::catalog::{GroupPlan, Plan};
use super::prepare::Prepared;

/// Chunks are cut where the content says, so the boundaries depend on the articles
/// around them and not on everything before: an added article changes its own chunk,
/// not every chunk after it. Past `CHUNK_MIN` bytes a chunk closes at an article whose
/// id hashes to a multiple of `CHUNK_CUT_EARLY`, and past `CHUNK_TARGET` at one of
/// `CHUNK_CUT_LATE` (FastCDC's normalised chunking): sizes gather near the target, so
/// few articles pay for a large chunk, while a boundary still moves only locally.
const CHUNK_CUT_EARLY: usize = 32;
const CHUNK_CUT_LATE: usize = 2;
const CHUNK_MIN: usize = 18 * 1024;
const CHUNK_TARGET: usize = 32 * 1024;
/// No chunk grows past this (postcard bytes, about 3.5 times its gzip size), unless one
/// article alone is larger.
const CHUNK_MAX: usize = 64 * 1024;
/// A product's articles start a chunk of their own unless the open one is this small.
const CHUNK_SHARE: usize = 8 * 1024;
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
        layout(prepared, related, plan, generator)?,
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
    generator: &str,
) -> Result<Layout, BundleError> {
    let mut files = Files {
        generator,
        seen: HashSet::new(),
        files: Vec::new(),
    };
    let placed = pack_chunks(prepared, related, plan, &mut files)?;
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

/// Packs articles into chunks in catalogue order (see the `CHUNK_` constants).
fn pack_chunks(
    prepared: &[Prepared],
    related: &[Related],
    plan: &Plan,
    files: &mut Files,
) -> Result<Vec<Placed>, BundleError> {
    // The product each article is in; data articles are a product of their own.
    let mut product_of: HashMap<usize, usize> = HashMap::new();
    for (p, product) in plan.products.iter().enumerate() {
        for member in product.groups.iter().flat_map(|g| &g.members) {
            product_of.insert(*member, p);
        }
    }
    let mut placed = Vec::with_capacity(prepared.len());
    let mut open: Vec<usize> = Vec::new();
    let mut open_bytes = 0;
    let mut open_product = None;
    let mut close = |open: &mut Vec<usize>, open_bytes: &mut usize, files: &mut Files| {
        if open.is_empty() {
            return Ok::<(), BundleError>(());
        }
        let bytes = chunk_bytes(
            open.iter().map(|&i| (&prepared[i].bytes[..], &related[i])),
            files.generator,
        )?;
        let id = files.add(FileKind::Chunk, bytes);
        placed.extend(open.drain(..).map(|index| Placed { index, chunk: id }));
        *open_bytes = 0;
        Ok(())
    };
    for index in plan.order() {
        let Some(article) = prepared.get(index) else {
            continue;
        };
        let product = product_of.get(&index).copied();
        let size = article.bytes.len();
        if (product != open_product && open_bytes >= CHUNK_SHARE) || open_bytes + size > CHUNK_MAX {
            close(&mut open, &mut open_bytes, files)?;
        }
        open_product = product;
        open.push(index);
        open_bytes += size;
        let every = if open_bytes < CHUNK_TARGET {
            CHUNK_CUT_EARLY
        } else {
            CHUNK_CUT_LATE
        };
        if open_bytes >= CHUNK_MIN && bucket_of(&article.summary.id, every) == 0 {
            close(&mut open, &mut open_bytes, files)?;
        }
    }
    close(&mut open, &mut open_bytes, files)?;
    Ok(placed)
}

/// A chunk file from articles already encoded: postcard writes a sequence as its length
/// then its items, and a struct as its fields in order, so this is byte for byte what
/// encoding a `Chunk` would give (a test holds it to that).
pub fn chunk_bytes<'a>(
    articles: impl ExactSizeIterator<Item = (&'a [u8], &'a Related)>,
    generator: &str,
) -> Result<Vec<u8>, BundleError> {
    let encode = |e: postcard::Error| BundleError::Encode(e.to_string());
    let mut payload = postcard::to_allocvec(&(articles.len() as u64)).map_err(encode)?;
    for (article, related) in articles {
        payload.extend_from_slice(article);
        payload.extend(postcard::to_allocvec(related).map_err(encode)?);
    }
    encode_with_header(&Header::current(FileKind::Chunk, generator), &payload)
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
