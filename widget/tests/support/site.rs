//! A site in memory, built from a bundle the way the compiler lays one out: one chunk per
//! article, one lookup bucket, the product list, a product per `service` with all its
//! articles in one group.

use std::collections::{BTreeMap, HashMap};
use std::rc::Rc;

use selfhelp_bundle::site::clouds_mask;
use selfhelp_bundle::{
    encode_file, fingerprint, Article, ArticleBody, Bundle, CatalogPage, Chunk, ChunkArticle,
    Count, Entry, FileId, FileKind, Group, Kind, Listing, Located, Lookup, Product, Products,
    Related, ENTRY_FILE,
};
use selfhelp_widget::Source;

pub const GENERATOR: &str = "widget tests";

/// The files of a site, by path, to change before mounting.
pub type Files = HashMap<String, Vec<u8>>;

fn kind_of(article: &Article) -> Option<Kind> {
    match article.body {
        ArticleBody::Tree(_) => Some(Kind::Troubleshooter),
        ArticleBody::Form(_) => Some(Kind::Questionnaire),
        ArticleBody::Data(_) => None,
    }
}

/// Files named as a build names them; `related` gives an article's scoping form.
pub fn site_files(bundle: &Bundle, related: impl Fn(&Article) -> Related) -> Files {
    let mut files = Files::new();
    let mut add = |kind: FileKind, bytes: Vec<u8>| -> FileId {
        let id = FileId(files.len() as u64 + 1);
        files.insert(id.path(kind), bytes);
        id
    };
    let mut lookup = Lookup::default();
    let mut products: BTreeMap<String, Vec<(Listing, FileId)>> = BTreeMap::new();
    for article in &bundle.articles {
        let chunk = Chunk {
            articles: vec![ChunkArticle {
                article: article.clone(),
                related: related(article),
            }],
        };
        let chunk_id = add(
            FileKind::Chunk,
            encode_file(FileKind::Chunk, &chunk, GENERATOR).unwrap(),
        );
        lookup.articles.push(Located {
            fingerprint: FileId(fingerprint(&article.meta.article_id)),
            chunk: lookup.chunks.len() as u32,
        });
        lookup.chunks.push(chunk_id);
        if let Some(kind) = kind_of(article) {
            let service = match article.meta.service.as_str() {
                "" => "general".to_string(),
                service => service.to_string(),
            };
            products.entry(service).or_default().push((
                Listing {
                    id: article.meta.article_id.clone(),
                    title: article.display_title(),
                    description: match article.meta.description.trim() {
                        d if d == article.display_title() => String::new(),
                        d => d.to_string(),
                    },
                    kind,
                    clouds: clouds_mask(&article.meta.cloud_environments),
                    chunk: 0,
                },
                chunk_id,
            ));
        }
    }
    lookup.articles.sort_by_key(|a| a.fingerprint);
    let lookup = add(
        FileKind::Lookup,
        encode_file(FileKind::Lookup, &lookup, GENERATOR).unwrap(),
    );
    let mut entry_products = Vec::new();
    for (key, listings) in products {
        let chunks: Vec<FileId> = listings.iter().map(|(_, c)| *c).collect();
        let articles: Vec<Listing> = listings
            .into_iter()
            .enumerate()
            .map(|(n, (listing, _))| Listing {
                chunk: n as u32,
                ..listing
            })
            .collect();
        let counts: Vec<Count> = articles
            .iter()
            .map(|a| Count {
                kind: a.kind,
                clouds: a.clouds,
                articles: 1,
            })
            .collect();
        let name = if key == "general" {
            "General".to_string()
        } else {
            key.clone()
        };
        let page = CatalogPage {
            key: key.clone(),
            name: name.clone(),
            groups: vec![Group {
                key: "all".into(),
                name: "All articles".into(),
                counts: counts.clone(),
                articles,
                page: None,
            }],
            chunks,
        };
        let page = add(
            FileKind::Catalog,
            encode_file(FileKind::Catalog, &page, GENERATOR).unwrap(),
        );
        entry_products.push(Product {
            key,
            name,
            counts,
            page,
        });
    }
    let products = add(
        FileKind::Products,
        encode_file(
            FileKind::Products,
            &Products {
                products: entry_products,
            },
            GENERATOR,
        )
        .unwrap(),
    );
    let entry = Entry {
        build_id: "test-build".into(),
        articles: bundle.articles.len() as u32,
        lookup: vec![lookup],
        products,
        search: None,
    };
    files.insert(
        ENTRY_FILE.to_string(),
        encode_file(FileKind::Entry, &entry, GENERATOR).unwrap(),
    );
    files
}

/// The site of a bundle, with no scoping forms linked.
pub fn site(bundle: &Bundle) -> Source {
    memory(site_files(bundle, |_| Related::default()))
}

pub fn memory(files: Files) -> Source {
    Source::Memory(Rc::new(files))
}
