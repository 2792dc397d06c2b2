//! Articles packed into chunk files, cut where the content says, at a size a host's
//! file limit can choose.

use std::collections::HashMap;

use selfhelp_bundle::{bucket_of, encode_with_header, BundleError, FileKind, Header, Related};

use super::{Files, Placed};
use crate::site::catalog::Plan;
use crate::site::prepare::Prepared;

/// Chunks are cut where the content says, so the boundaries depend on the articles
/// around them and not on everything before: an added article changes its own chunk,
/// not every chunk after it. Past `min` bytes a chunk closes at an article whose id
/// hashes to a multiple of `CUT_EARLY`, and past `target` at one of `CUT_LATE`
/// (FastCDC's normalised chunking): sizes gather near the target, so few articles pay
/// for a large chunk, while a boundary still moves only locally.
const CUT_EARLY: usize = 32;
const CUT_LATE: usize = 2;

/// How large chunks grow, in postcard bytes (about 3.5 times their gzip size).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChunkSizes {
    pub min: usize,
    pub target: usize,
    /// No chunk grows past this, unless one article alone is larger.
    pub max: usize,
    /// A product's articles start a chunk of their own unless the open one is this small.
    pub share: usize,
}

impl Default for ChunkSizes {
    /// The sizes of a site within its file limit: the largest chunk of the corpus is
    /// 19.8 KB gzip, half of what opening one article may cost beyond its own size.
    fn default() -> ChunkSizes {
        ChunkSizes {
            min: 18 * 1024,
            target: 32 * 1024,
            max: 64 * 1024,
            share: 8 * 1024,
        }
    }
}

impl ChunkSizes {
    /// Every size `factor` times the default (never smaller): fewer, larger chunks.
    pub fn scaled(factor: f64) -> ChunkSizes {
        let base = ChunkSizes::default();
        let times = |bytes: usize| (bytes as f64 * factor.max(1.0)) as usize;
        ChunkSizes {
            min: times(base.min),
            target: times(base.target),
            max: times(base.max),
            share: times(base.share),
        }
    }
}

/// Packs articles into chunks in catalogue order.
pub(super) fn pack_chunks(
    prepared: &[Prepared],
    related: &[Related],
    plan: &Plan,
    sizes: ChunkSizes,
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
        if (product != open_product && open_bytes >= sizes.share) || open_bytes + size > sizes.max {
            close(&mut open, &mut open_bytes, files)?;
        }
        open_product = product;
        open.push(index);
        open_bytes += size;
        let every = if open_bytes < sizes.target {
            CUT_EARLY
        } else {
            CUT_LATE
        };
        if open_bytes >= sizes.min && bucket_of(&article.summary.id, every) == 0 {
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
