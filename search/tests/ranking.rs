//! Ranking: field weights, BM25 saturation, phrase and proximity boosts, plain mode.

mod common;

use common::{doc, filler, index, index_with};
use selfhelp_search::{Config, Field};

#[test]
fn a_title_match_beats_a_body_match() {
    let body = format!("{} backup", filler(12));
    let index = index(vec![
        doc("body", "Restore files", &[(Field::Body, &body)]),
        doc("title", "Backup fails", &[(Field::Body, &filler(13))]),
        doc("other", "Unrelated", &[(Field::Body, &filler(13))]),
    ]);
    assert_eq!(index.keys("backup"), ["title", "body"]);
}

#[test]
fn a_cause_counts_more_than_resolution_text() {
    let index = index(vec![
        doc(
            "resolution",
            "One",
            &[(Field::Resolution, "quota exceeded")],
        ),
        doc("cause", "Two", &[(Field::Cause, "quota exceeded")]),
        doc("other", "Three", &[(Field::Body, &filler(3))]),
    ]);
    assert_eq!(index.keys("quota"), ["cause", "resolution"]);
}

#[test]
fn repeating_a_word_saturates() {
    let many = format!("{} {}", vec!["disk"; 20].join(" "), filler(10));
    let once = format!("disk {}", filler(29));
    let index = index(vec![
        doc("many", "A", &[(Field::Body, &many)]),
        doc("once", "B", &[(Field::Body, &once)]),
        doc("none", "C", &[(Field::Body, &filler(30))]),
    ]);
    let hits = index.search("disk").hits;
    assert_eq!(hits[0].key, "many");
    let ratio = hits[0].score / hits[1].score;
    // Twenty occurrences against one: BM25 (k1 = 1.2) keeps it under (k1 + 1).
    assert!(ratio > 1.2 && ratio < 2.2, "ratio {ratio}");
}

#[test]
fn words_side_by_side_beat_words_apart() {
    let apart = format!("access {} denied", filler(10));
    let index = index(vec![
        doc("apart", "A", &[(Field::Body, &apart)]),
        doc(
            "phrase",
            "B",
            &[(Field::Body, &format!("access denied {}", filler(10)))],
        ),
        doc(
            "near",
            "C",
            &[(
                Field::Body,
                &format!("access {} denied {}", filler(2), filler(8)),
            )],
        ),
        doc("none", "D", &[(Field::Body, &filler(12))]),
    ]);
    assert_eq!(index.keys("access denied"), ["phrase", "near", "apart"]);
    // The other order is no phrase.
    let reversed = index.search("denied access");
    assert!(reversed.hits[0].score < index.search("access denied").hits[0].score);
}

#[test]
fn documents_with_every_word_come_first_then_the_most_words() {
    let index = index(vec![
        doc("both", "A", &[(Field::Body, "storage firewall")]),
        doc("one", "B", &[(Field::Body, "storage")]),
        doc("none", "C", &[(Field::Body, "network")]),
    ]);
    let both = index.search("storage firewall");
    assert_eq!(both.total, 1);
    assert_eq!(both.hits[0].key, "both");
    // No document has all three words: those with the most of them.
    let relaxed = index.search("storage firewall quasar");
    assert_eq!(relaxed.total, 1);
    assert_eq!(relaxed.hits[0].key, "both");
}

#[test]
fn plain_mode_ignores_field_weights_and_prefixes() {
    let docs = || {
        vec![
            doc("title", "Certificate", &[(Field::Body, &filler(5))]),
            doc(
                "body",
                "Expired",
                &[(Field::Body, &format!("certificate {}", filler(4)))],
            ),
            doc("none", "Third", &[(Field::Body, &filler(6))]),
        ]
    };
    let plain = index_with(docs(), "", &Config::plain());
    let scores: Vec<f32> = plain
        .plain("certificate")
        .hits
        .iter()
        .map(|hit| hit.score)
        .collect();
    assert_eq!(scores.len(), 2);
    assert!(
        (scores[0] - scores[1]).abs() < 0.01 * scores[0],
        "{scores:?}"
    );
    assert!(
        plain.plain("certifica").hits.is_empty(),
        "no prefix in plain mode"
    );
    let weighted = index_with(docs(), "", &Config::default());
    assert_eq!(weighted.keys("certifica"), ["title", "body"]);
}

#[test]
fn hits_carry_title_product_excerpt_and_target() {
    let mut article = doc(
        "key",
        "VM does not start",
        &[(Field::Description, "The virtual machine is stuck.")],
    );
    article.facets.product = 2;
    article.passages.push(selfhelp_search::Passage {
        field: Field::Cause,
        text: "The OS disk is full".to_string(),
        target: Some("1.2.y".to_string()),
    });
    let index = index(vec![
        article,
        doc("other", "Other", &[(Field::Body, "nothing here")]),
    ]);
    let hit = &index.search("disk full").hits[0];
    assert_eq!(
        (hit.key.as_str(), hit.title.as_str(), hit.product),
        ("key", "VM does not start", 2)
    );
    assert_eq!(hit.excerpt.text, "The OS disk is full");
    let marked: Vec<&str> = hit
        .excerpt
        .marks
        .iter()
        .map(|r| &hit.excerpt.text[r.clone()])
        .collect();
    assert_eq!(marked, ["disk", "full"]);
    assert_eq!(hit.target.as_deref(), Some("1.2.y"));
}

#[test]
fn among_the_hits_a_title_with_every_word_ranks_first() {
    // The body of "mentions" has both words, side by side and more than once; "titled"
    // is a long article whose title is the query. BM25F alone ranks "mentions" first.
    let mentions = format!("delete vault delete vault {}", filler(4));
    let titled = format!("{} delete", filler(120));
    let index = index(vec![
        doc("mentions", "Settings", &[(Field::Body, &mentions)]),
        doc("titled", "Delete vault", &[(Field::Body, &titled)]),
        doc("other", "Unrelated", &[(Field::Body, &filler(8))]),
    ]);
    assert_eq!(index.keys("delete vault"), ["titled", "mentions"]);
}

#[test]
fn a_word_in_thousands_of_documents_ranks_without_restricting() {
    // 10,000 documents; "widespread" is in 4,500 of them: under half the library, but
    // restricting by it would cost its whole tail, so it only adds to the score.
    let docs: Vec<_> = (0..10_000)
        .map(|n| {
            let mut text = filler(12);
            if n < 4_500 {
                text.push_str(" widespread");
            }
            if n == 10 || (9_000..9_005).contains(&n) {
                text.push_str(" needle");
            }
            doc(
                &format!("d{n:05}"),
                &format!("document {n}"),
                &[(Field::Body, &text)],
            )
        })
        .collect();
    let index = index(docs);
    let driven = index.run(&selfhelp_search::Request {
        text: "widespread needle ".to_string(),
        limit: 10,
        ..Default::default()
    });
    let keys: Vec<&str> = driven.results.hits.iter().map(|h| h.key.as_str()).collect();
    assert_eq!(driven.results.total, 6, "{keys:?}");
    assert_eq!(
        keys.first(),
        Some(&"d00010"),
        "the one with both words first"
    );
    // Nothing of the common word's tail: the root, two shards at most, one record file
    // for the five needles and one for d00010.
    let fetched: usize = driven.rounds.iter().map(Vec::len).sum();
    assert!(fetched <= 4, "{:?}", driven.rounds);
}
