//! What a query word may match besides itself: typos, the word being typed, synonyms,
//! and "did you mean".

mod common;

use common::{doc, filler, index, index_with};
use selfhelp_search::{Config, Field};

fn library() -> common::Index {
    index(vec![
        doc(
            "backup",
            "Backup fails",
            &[(Field::Body, "The backup job stops.")],
        ),
        doc(
            "gateway",
            "Gateway down",
            &[(Field::Body, "The gateway restarts.")],
        ),
        doc(
            "certificate",
            "Certificate expired",
            &[(Field::Body, "Renew the certificate.")],
        ),
        doc(
            "kubernetes",
            "Kubernetes nodes",
            &[(Field::Body, "Nodes are not ready.")],
        ),
        doc("disk", "Disk full", &[(Field::Body, "Free some space.")]),
        doc("filler", "Other", &[(Field::Body, &filler(8))]),
    ])
}

#[test]
fn one_edit_from_four_letters() {
    let library = library();
    assert_eq!(library.keys("bakup "), ["backup"], "a deletion");
    assert_eq!(library.keys("backkup "), ["backup"], "an insertion");
    assert_eq!(library.keys("bacxup "), ["backup"], "a substitution");
    assert_eq!(
        library.keys("bakcup "),
        ["backup"],
        "a transposition is one edit"
    );
    assert_eq!(library.keys("dsik "), ["disk"], "four letters, transposed");
    assert!(
        library.keys("dsk ").is_empty(),
        "no typos under four letters"
    );
}

#[test]
fn two_edits_from_eight_letters() {
    let library = library();
    assert_eq!(
        library.keys("certficte "),
        ["certificate"],
        "two deletions in nine letters"
    );
    assert_eq!(library.keys("crtificat "), ["certificate"]);
    assert!(
        library.keys("gtwaey ").is_empty(),
        "two edits in six letters are too many"
    );
    assert_eq!(
        library.keys("gatway "),
        ["gateway"],
        "one edit in six letters"
    );
}

/// Shards of one term each, so every typo that changes the word's place in sorted
/// order lands it in another shard than the word it means.
fn one_term_per_shard() -> common::Index {
    let words = [
        "cement",
        "census",
        "certificate",
        "cesium",
        "chart",
        "cloud",
    ];
    let docs = words
        .iter()
        .map(|word| doc(word, word, &[(Field::Body, &filler(6))]))
        .collect();
    let config = Config {
        vocabulary_bytes: 1,
        ..Config::default()
    };
    index_with(docs, "", &config)
}

#[test]
fn a_typo_is_found_in_the_neighbouring_shard() {
    let library = one_term_per_shard();
    // `cetrificate` sorts after `cesium`, in the shard after the one of `certificate`.
    let driven = library.run(&selfhelp_search::Request {
        text: "cetrificate ".to_string(),
        limit: 10,
        ..Default::default()
    });
    let keys: Vec<_> = driven.results.hits.iter().map(|hit| &hit.key).collect();
    assert_eq!(
        keys,
        ["certificate"],
        "one transposition, across a boundary"
    );
    // `certificatz` sorts before `cesium`: its own shard holds `certificate`.
    assert_eq!(library.keys("certificatz "), ["certificate"]);
    // A known word costs no neighbour: one round and one file fewer.
    let known = library.run(&selfhelp_search::Request {
        text: "census ".to_string(),
        limit: 10,
        ..Default::default()
    });
    assert_eq!(known.results.hits.len(), 1);
    assert_eq!(
        driven.rounds.len(),
        known.rounds.len() + 1,
        "the neighbour is fetched in a round of its own: {:?}",
        driven.rounds
    );
    let fetched: usize = known.rounds.iter().map(Vec::len).sum();
    let typo: usize = driven.rounds.iter().map(Vec::len).sum();
    assert_eq!(
        fetched + 1,
        typo,
        "{fetched} files for a known word, {typo} for a typo"
    );
    // `cluod` sorts into the shard of `cloud` itself.
    assert!(library.keys("cluod ").contains(&"cloud".to_string()));
    // The boundary is crossed only between words that start alike: `dloud` sorts into
    // the shard of the filler's `dolor`, and the boundary before it (`d`) is not among
    // words that start `dl`, so a typo in the first letters is not corrected.
    assert!(
        library.keys("dloud ").is_empty(),
        "a typo in the first letters"
    );
}

#[test]
fn the_word_being_typed_is_a_prefix() {
    let library = library();
    assert_eq!(library.keys("kuber"), ["kubernetes"]);
    assert!(library.keys("kuber ").is_empty(), "a space ends the word");
    assert_eq!(library.keys("gateway rest"), ["gateway"]);
    // Only the last word: `rest` first matches nothing, and the gateway article is
    // found for `gateway` alone, scoring less.
    let first = library.search("rest gateway").hits[0].score;
    assert!(first < library.search("gateway rest").hits[0].score);
    assert_eq!(library.keys("certifi"), ["certificate"], "past the stem");
}

#[test]
fn did_you_mean_when_little_is_found() {
    let docs = (0..6)
        .map(|n| {
            doc(
                &format!("k{n}"),
                "Kubernetes cluster",
                &[(Field::Body, "kubernetes")],
            )
        })
        .collect();
    let index = index(docs);
    let results = index.search("kubernetse cluster ");
    assert_eq!(results.suggestion.as_deref(), Some("kubernetes cluster"));
    assert_eq!(results.total, 6, "found through the correction");
    assert_eq!(index.search("kubernetes cluster ").suggestion, None);
    assert_eq!(
        index.search("zzzz").suggestion,
        None,
        "nothing near to suggest"
    );
}

const SYNONYMS: &str = "vm = virtual machine\naad = azure active directory = entra id\n";

fn synonym_docs() -> Vec<selfhelp_search::Document> {
    vec![
        doc(
            "long",
            "Virtual machines",
            &[(Field::Body, "A virtual machine that will not boot.")],
        ),
        doc(
            "short",
            "VM boot",
            &[(Field::Body, "The VM will not boot.")],
        ),
        doc(
            "entra",
            "Sign-in",
            &[(
                Field::Body,
                "Users of Azure Active Directory cannot sign in.",
            )],
        ),
        doc(
            "machine",
            "Machine learning",
            &[(Field::Body, "A machine learning workspace.")],
        ),
    ]
}

#[test]
fn multi_word_synonyms_match_either_way() {
    let index = index_with(synonym_docs(), SYNONYMS, &Config::default());
    let mut vm = index.keys("vm ");
    vm.sort();
    assert_eq!(vm, ["long", "short"]);
    let mut long = index.keys("virtual machine ");
    long.sort();
    assert_eq!(long, ["long", "short"]);
    assert_eq!(index.keys("entra id "), ["entra"]);
    assert_eq!(index.keys("aad sign "), ["entra"]);
    // Marks show the words the article says.
    let hit = &index.search("aad ").hits[0];
    let marked: Vec<&str> = hit
        .excerpt
        .marks
        .iter()
        .map(|r| &hit.excerpt.text[r.clone()])
        .collect();
    assert_eq!(marked, ["Azure", "Active", "Directory"]);
}

#[test]
fn plain_mode_has_no_synonyms() {
    let index = index_with(synonym_docs(), SYNONYMS, &Config::plain());
    assert_eq!(
        index
            .plain("vm")
            .hits
            .iter()
            .map(|h| h.key.as_str())
            .collect::<Vec<_>>(),
        ["short"]
    );
}
