//! The rounds of a search, versions, and what damaged or missing files do.

mod common;

use common::{doc, filler, index, Index};
use selfhelp_search::{Field, IndexError, Outcome, Request, Searcher, INDEX_VERSION};

fn library() -> Index {
    let docs = (0..300)
        .map(|n| {
            let topic = ["storage", "network", "compute"][n % 3];
            let body = format!(
                "{topic} {} error{} {}",
                if n % 5 == 0 { "timeout" } else { "quota" },
                n % 7,
                filler(20)
            );
            doc(
                &format!("doc{n}"),
                &format!("{topic} article {n}"),
                &[(Field::Body, &body)],
            )
        })
        .collect();
    index(docs)
}

#[test]
fn each_round_asks_for_new_files_only() {
    let library = library();
    let request = Request {
        text: "storage timeout".into(),
        limit: 10,
        ..Request::default()
    };
    let mut searcher = Searcher::open(&library.root).unwrap();
    let mut seen = Vec::new();
    let mut rounds = 0;
    let results = loop {
        match searcher.search(&request) {
            Outcome::Done(results) => break results,
            Outcome::Need(files) => {
                assert!(!files.is_empty(), "a round asks for something");
                for file in files {
                    assert!(!seen.contains(&file), "{file:x} asked twice");
                    searcher.insert(file, &library.store.files[&file]).unwrap();
                    seen.push(file);
                }
                rounds += 1;
                assert!(rounds < 8);
            }
        }
    };
    assert!(rounds >= 2, "shards first, then records");
    assert_eq!(results.total, 20);
    assert!(
        seen.len() < library.store.files.len(),
        "a search fetches part of the index"
    );
    // Everything is there now: one more search needs nothing.
    assert!(matches!(searcher.search(&request), Outcome::Done(again) if again == results));
}

#[test]
fn another_version_is_refused_with_a_message() {
    let library = library();
    let mut root = library.root.clone();
    root[0] = (INDEX_VERSION + 1) as u8;
    let error = Searcher::open(&root).unwrap_err();
    assert_eq!(
        error,
        IndexError::Version {
            found: INDEX_VERSION + 1,
            expected: INDEX_VERSION
        }
    );
    assert!(
        error.to_string().contains("another version of selfhelp"),
        "{error}"
    );
}

#[test]
fn a_damaged_file_is_an_error_not_a_panic() {
    let library = library();
    let mut searcher = Searcher::open(&library.root).unwrap();
    for (id, payload) in &library.store.files {
        for cut in [0, 1, payload.len() / 2, payload.len().saturating_sub(1)] {
            if let Err(error) = searcher.insert(*id, &payload[..cut]) {
                assert!(error.to_string().contains("damaged"), "{error}");
            }
        }
        assert!(searcher.insert(*id, &[0xff; 40]).is_err());
        let mut flipped = payload.clone();
        for at in (0..flipped.len()).step_by(7) {
            flipped[at] ^= 0x5a;
            let _ = searcher.insert(*id, &flipped);
            flipped[at] ^= 0x5a;
        }
    }
    // A searcher that took damaged files answers without panicking.
    let _ = searcher.search(&Request {
        text: "storage timeout".into(),
        limit: 10,
        ..Request::default()
    });
    for cut in 0..library.root.len() {
        let _ = Searcher::open(&library.root[..cut]);
    }
}

#[test]
fn a_missing_file_is_reported() {
    let mut library = library();
    let request = Request {
        text: "network quota".into(),
        limit: 10,
        ..Request::default()
    };
    let mut searcher = Searcher::open(&library.root).unwrap();
    let Outcome::Need(first) = searcher.search(&request) else {
        panic!("the root alone cannot answer")
    };
    library.store.files.remove(&first[0]);
    let error =
        selfhelp_search::search_with(&mut searcher, &request, &library.store.files).unwrap_err();
    assert_eq!(error, IndexError::Missing(first[0]));
}

#[test]
fn filters_and_facet_counts() {
    let mut docs = Vec::new();
    for n in 0..12u32 {
        let mut article = doc(
            &format!("d{n}"),
            "Firewall rules",
            &[(Field::Body, "blocked port")],
        );
        article.facets.product = n % 3;
        article.facets.kind = (n % 2) as u8;
        article.facets.clouds = if n < 4 { 0b11 } else { 0b01 };
        docs.push(article);
    }
    docs.push(doc("unrelated", "Quota", &[(Field::Body, "limits")]));
    let index = index(docs);
    let all = index.search("firewall");
    assert_eq!(all.total, 12);
    assert_eq!(all.facets.products, [(0, 4), (1, 4), (2, 4)]);
    assert_eq!(all.facets.kinds, [(0, 6), (1, 6)]);
    assert_eq!(all.facets.clouds, [(1, 12), (2, 4)]);
    let filters = selfhelp_search::Filters {
        product: Some(1),
        kind: None,
        cloud: Some(2),
    };
    let some = index.filtered("firewall", filters);
    // Products 1 among the docs 0..4 (the two clouds): doc 1 only.
    assert_eq!(some.total, 1);
    assert_eq!(
        some.hits.iter().map(|h| h.key.as_str()).collect::<Vec<_>>(),
        ["d1"]
    );
    // Each facet is counted without its own filter.
    assert_eq!(some.facets.products, [(0, 2), (1, 1), (2, 1)]);
    assert_eq!(some.facets.clouds, [(1, 4), (2, 1)]);
    assert_eq!(some.facets.kinds, [(1, 1)]);
}
