//! Packing a library into files.

use std::collections::HashSet;

use selfhelp_bundle::{
    decode_file, Article, ArticleBody, Block, CatalogPage, Chunk, ChunkArticle, DecisionTree,
    Entry, Inline, Metadata, Node, NodeId, NodeKind,
};

use super::*;
use crate::site::catalog;

fn article(id: &str, service: &str, words: usize) -> Article {
    let text = format!("{id} ") + &"lorem ipsum dolor sit amet ".repeat(words);
    Article {
        meta: Metadata {
            article_id: id.to_string(),
            page_title: format!("Title of {id}"),
            service: service.to_string(),
            ..Metadata::default()
        },
        content_hash: format!("hash-{id}-{words}"),
        source: format!("{service}/{id}.md"),
        title: vec![Inline::Text(format!("Title of {id}"))],
        body: ArticleBody::Tree(DecisionTree {
            root: NodeId(0),
            nodes: vec![Node {
                line: 1,
                kind: NodeKind::Resolution {
                    cause: Vec::new(),
                    body: vec![Block::Paragraph(vec![Inline::Text(text)])],
                    alternatives: Vec::new(),
                    if_unsolved: None,
                },
            }],
        }),
        further_reading: Vec::new(),
    }
}

fn library(ids: impl IntoIterator<Item = usize>) -> Vec<Prepared> {
    ids.into_iter()
        .map(|n| {
            let service = ["microsoft.a", "microsoft.b", "microsoft.c"][n % 3];
            Prepared::new(&article(&format!("id-{n:04}"), service, 40 + n % 90)).unwrap()
        })
        .collect()
}

fn site(prepared: &[Prepared]) -> SiteFiles {
    let summaries: Vec<_> = prepared.iter().map(|p| p.summary.clone()).collect();
    let plan = catalog::plan(&summaries.iter().collect::<Vec<_>>());
    let related = vec![Related::default(); prepared.len()];
    assemble(prepared, &related, &plan, None, "test").unwrap()
}

fn file(site: &SiteFiles, kind: FileKind, id: FileId) -> &SiteFile {
    site.files
        .iter()
        .find(|f| f.kind == kind && f.id == id)
        .unwrap_or_else(|| panic!("no {kind:?} {id:?}"))
}

#[test]
fn chunks_from_parts_are_what_encoding_a_chunk_gives() {
    let articles: Vec<Article> = (0..3).map(|n| article(&n.to_string(), "s", n)).collect();
    let related = [
        Related::default(),
        Related {
            scoping_form: Some("form".into()),
        },
        Related::default(),
    ];
    let encoded: Vec<Vec<u8>> = articles
        .iter()
        .map(|a| postcard::to_allocvec(a).unwrap())
        .collect();
    let parts = encoded.iter().map(Vec::as_slice).zip(related.iter());
    let chunk = Chunk {
        articles: articles
            .into_iter()
            .zip(related.clone())
            .map(|(article, related)| ChunkArticle { article, related })
            .collect(),
    };
    assert_eq!(
        chunk_bytes(parts, "g").unwrap(),
        selfhelp_bundle::encode_file(FileKind::Chunk, &chunk, "g").unwrap()
    );
}

#[test]
fn every_article_is_reachable_from_the_entry_by_id_and_by_browsing() {
    let prepared = library(0..400);
    let site = site(&prepared);
    let (_, entry): (_, Entry) = decode_file(FileKind::Entry, &site.entry).unwrap();
    assert_eq!(entry.articles, 400);
    assert_eq!(entry.lookup.len(), 400usize.div_ceil(LOOKUP_IDS));
    for p in &prepared {
        let id = &p.summary.id;
        let bucket = entry.lookup[selfhelp_bundle::bucket_of(id, entry.lookup.len())];
        let (_, lookup): (_, Lookup) = decode_file(
            FileKind::Lookup,
            &file(&site, FileKind::Lookup, bucket).bytes,
        )
        .unwrap();
        let chunk_id = lookup
            .chunk_of(id)
            .unwrap_or_else(|| panic!("{id} not in its bucket"));
        let (_, chunk): (_, Chunk) = decode_file(
            FileKind::Chunk,
            &file(&site, FileKind::Chunk, chunk_id).bytes,
        )
        .unwrap();
        assert_eq!(chunk.article(id).unwrap().article.meta.article_id, *id);
    }
    let mut listed = HashSet::new();
    let (_, products): (_, selfhelp_bundle::Products) = decode_file(
        FileKind::Products,
        &file(&site, FileKind::Products, entry.products).bytes,
    )
    .unwrap();
    for product in &products.products {
        let (_, page): (_, CatalogPage) = decode_file(
            FileKind::Catalog,
            &file(&site, FileKind::Catalog, product.page).bytes,
        )
        .unwrap();
        let mut total = 0;
        for group in &page.groups {
            let (listings, chunks) = match group.page {
                Some(own) => {
                    let (_, own): (_, CatalogPage) = decode_file(
                        FileKind::Catalog,
                        &file(&site, FileKind::Catalog, own).bytes,
                    )
                    .unwrap();
                    (own.groups[0].articles.clone(), own.chunks)
                }
                None => (group.articles.clone(), page.chunks.clone()),
            };
            total += listings.len();
            for listing in listings {
                let chunk_id = chunks[listing.chunk as usize];
                let (_, chunk): (_, Chunk) = decode_file(
                    FileKind::Chunk,
                    &file(&site, FileKind::Chunk, chunk_id).bytes,
                )
                .unwrap();
                assert!(
                    chunk.article(&listing.id).is_some(),
                    "{} not in the chunk it is listed in",
                    listing.id
                );
                listed.insert(listing.id);
            }
        }
        assert_eq!(
            total as u32,
            selfhelp_bundle::site::count_matching(&product.counts, None, None)
        );
    }
    assert_eq!(listed.len(), 400);
}

#[test]
fn chunks_stay_within_their_size_and_products_keep_to_their_own() {
    let site = site(&library(0..600));
    for chunk in site.files.iter().filter(|f| f.kind == FileKind::Chunk) {
        assert!(
            chunk.bytes.len() <= ChunkSizes::default().max + 4096,
            "{} bytes",
            chunk.bytes.len()
        );
        let (_, decoded): (_, Chunk) = decode_file(FileKind::Chunk, &chunk.bytes).unwrap();
        // A product may join a chunk only while it is small: what comes before the last
        // product in a chunk is under the share size.
        let last = decoded
            .articles
            .last()
            .unwrap()
            .article
            .meta
            .service
            .clone();
        let before: usize = decoded
            .articles
            .iter()
            .filter(|a| a.article.meta.service != last)
            .map(|a| postcard::to_allocvec(&a.article).unwrap().len())
            .sum();
        assert!(
            before < ChunkSizes::default().share,
            "{before} bytes of other products"
        );
    }
}

#[test]
fn an_added_article_changes_few_chunks_and_the_same_input_the_same_build() {
    let before = site(&library((0..600).filter(|n| *n != 301)));
    let after = site(&library(0..600));
    assert_eq!(
        site(&library((0..600).filter(|n| *n != 301))).build_id,
        before.build_id
    );
    assert_ne!(before.build_id, after.build_id);
    let chunks = |site: &SiteFiles| -> HashSet<FileId> {
        site.files
            .iter()
            .filter(|f| f.kind == FileKind::Chunk)
            .map(|f| f.id)
            .collect()
    };
    let (old, new) = (chunks(&before), chunks(&after));
    let changed = new.difference(&old).count();
    assert!(changed <= 3, "{changed} of {} chunks changed", new.len());
}

#[test]
fn a_large_product_gives_its_large_groups_pages_and_keeps_small_ones_inline() {
    // 90 articles of one product: 70 of one resource type, 12 and 8 of two others.
    let prepared: Vec<Prepared> = (0..90)
        .map(|n| {
            let mut article = article(&format!("id-{n:04}"), "microsoft.network", 40);
            article.meta.resource = match n {
                0..70 => "microsoft.network/loadbalancers",
                70..82 => "microsoft.network/dnszones",
                _ => "microsoft.network/firewalls",
            }
            .to_string();
            Prepared::new(&article).unwrap()
        })
        .collect();
    let site = site(&prepared);
    let (_, entry): (_, Entry) = decode_file(FileKind::Entry, &site.entry).unwrap();
    let (_, products): (_, selfhelp_bundle::Products) = decode_file(
        FileKind::Products,
        &file(&site, FileKind::Products, entry.products).bytes,
    )
    .unwrap();
    let product = &products.products[0];
    let (_, page): (_, CatalogPage) = decode_file(
        FileKind::Catalog,
        &file(&site, FileKind::Catalog, product.page).bytes,
    )
    .unwrap();
    let shape: Vec<(usize, bool)> = page
        .groups
        .iter()
        .map(|g| (g.articles.len(), g.page.is_some()))
        .collect();
    assert_eq!(shape.len(), 3, "{shape:?}");
    for (inline, own_page) in shape {
        match own_page {
            true => assert_eq!(inline, 0),
            false => assert!(
                (1..=SMALL_GROUP).contains(&inline),
                "{inline} listed inline"
            ),
        }
    }
    assert_eq!(page.groups.iter().filter(|g| g.page.is_some()).count(), 1);
}

#[test]
fn larger_chunk_sizes_give_fewer_chunks_that_still_hold_every_article() {
    let prepared = library(0..600);
    let summaries: Vec<_> = prepared.iter().map(|p| p.summary.clone()).collect();
    let plan = catalog::plan(&summaries.iter().collect::<Vec<_>>());
    let related = vec![Related::default(); prepared.len()];
    let chunks_at = |sizes: ChunkSizes| {
        let layout = layout(&prepared, &related, &plan, sizes, "test").unwrap();
        let site = finish(layout, None, "test").unwrap();
        let chunks: Vec<SiteFile> = site
            .files
            .into_iter()
            .filter(|f| f.kind == FileKind::Chunk)
            .collect();
        let held: usize = chunks
            .iter()
            .map(|c| {
                assert!(c.bytes.len() <= sizes.max + 4096, "{} bytes", c.bytes.len());
                decode_file::<Chunk>(FileKind::Chunk, &c.bytes)
                    .unwrap()
                    .1
                    .articles
                    .len()
            })
            .sum();
        assert_eq!(held, 600);
        chunks.len()
    };
    let usual = chunks_at(ChunkSizes::default());
    let doubled = chunks_at(ChunkSizes::scaled(2.0));
    assert!(
        doubled * 10 <= usual * 7,
        "{usual} chunks at the usual sizes, {doubled} at twice them"
    );
    // A factor below 1 never makes chunks smaller than the usual ones.
    assert_eq!(ChunkSizes::scaled(0.5), ChunkSizes::default());
}
