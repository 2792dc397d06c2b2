//! Small indexes built in memory, and searches driven to the end, for the tests.
#![allow(dead_code)]

use selfhelp_search::{
    analyze, build, search_with, Config, Document, Driven, Facets, Field, Filters, MemoryStore,
    Passage, Request, Results, Searcher, Synonyms,
};

pub struct Index {
    pub root: Vec<u8>,
    pub store: MemoryStore,
}

pub fn doc(key: &str, title: &str, passages: &[(Field, &str)]) -> Document {
    let passages = passages
        .iter()
        .map(|(field, text)| Passage {
            field: *field,
            text: text.to_string(),
            target: None,
        })
        .collect();
    Document {
        key: key.to_string(),
        title: title.to_string(),
        facets: Facets {
            product: 0,
            kind: 0,
            clouds: 1,
        },
        passages,
    }
}

pub fn index_with(docs: Vec<Document>, synonyms: &str, config: &Config) -> Index {
    let (synonyms, errors) = Synonyms::parse(synonyms);
    assert!(errors.is_empty(), "{errors:?}");
    let analyzed = docs.into_iter().map(|doc| analyze(doc, config)).collect();
    let built = build(analyzed, &synonyms, config, &MemoryStore::digest);
    let (root, store) = MemoryStore::keep(built);
    Index { root, store }
}

pub fn index(docs: Vec<Document>) -> Index {
    index_with(docs, "", &Config::default())
}

impl Index {
    pub fn run(&self, request: &Request) -> Driven {
        let mut searcher = Searcher::open(&self.root).expect("the root opens");
        search_with(&mut searcher, request, &self.store.files).expect("the search finishes")
    }

    pub fn search(&self, text: &str) -> Results {
        self.run(&Request {
            text: text.to_string(),
            limit: 10,
            ..Request::default()
        })
        .results
    }

    pub fn filtered(&self, text: &str, filters: Filters) -> Results {
        self.run(&Request {
            text: text.to_string(),
            limit: 10,
            filters,
            ..Request::default()
        })
        .results
    }

    pub fn plain(&self, text: &str) -> Results {
        self.run(&Request {
            text: text.to_string(),
            limit: 10,
            plain: true,
            ..Request::default()
        })
        .results
    }

    /// The keys of the hits, best first.
    pub fn keys(&self, text: &str) -> Vec<String> {
        self.search(text)
            .hits
            .into_iter()
            .map(|hit| hit.key)
            .collect()
    }
}

/// Filler text with no word of the tests in it, so documents can be of equal length.
pub fn filler(words: usize) -> String {
    const FILL: [&str; 8] = [
        "lorem", "ipsum", "dolor", "amet", "sed", "tempor", "magna", "aliqua",
    ];
    (0..words)
        .map(|i| FILL[i % FILL.len()])
        .collect::<Vec<_>>()
        .join(" ")
}
