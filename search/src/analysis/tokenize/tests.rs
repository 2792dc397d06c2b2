//! Tests of the tokenizer: words, code tokens, compounds, spans.

use super::Kind::*;
use super::*;

fn texts(text: &str) -> Vec<(String, Kind)> {
    tokens(text)
        .into_iter()
        .map(|(text, kind, _)| (text, kind))
        .collect()
}

fn owned(list: &[(&str, Kind)]) -> Vec<(String, Kind)> {
    list.iter()
        .map(|(text, kind)| (text.to_string(), *kind))
        .collect()
}

#[test]
fn plain_words_and_positions() {
    let found = tokens("The VM, won't start.");
    let expected = [
        ("the", Word, 0),
        ("vm", Word, 1),
        ("wont", Word, 2),
        ("start", Word, 3),
    ];
    assert_eq!(found, expected.map(|(t, k, p)| (t.to_string(), k, p)));
}

#[test]
fn hex_error_code_is_whole_and_digits() {
    assert_eq!(
        texts("error 0x80070005."),
        owned(&[("error", Word), ("0x80070005", Whole), ("80070005", Part)])
    );
}

#[test]
fn letters_then_digits_split_once() {
    assert_eq!(
        texts("AADSTS50076"),
        owned(&[("aadsts50076", Whole), ("aadsts", Part), ("50076", Part)])
    );
}

#[test]
fn word_and_number_make_a_compound() {
    let found = tokens("HTTP 429 errors");
    assert_eq!(found[0], ("http".to_string(), Word, 0));
    assert_eq!(found[1], ("http429".to_string(), Compound, 0));
    assert_eq!(found[2], ("429".to_string(), Word, 1));
    // Two spaces, a short number or a non-letter first word: no compound.
    assert!(texts("HTTP  429").iter().all(|(_, kind)| *kind == Word));
    assert!(texts("step 12").iter().all(|(_, kind)| *kind == Word));
    assert_eq!(texts("HTTP-429")[0], ("http429".to_string(), Whole));
}

#[test]
fn cmdlets_keep_whole_and_parts() {
    let found = tokens("Run Set-AzVM now");
    let expected = [
        ("run", Word, 0),
        ("setazvm", Whole, 1),
        ("set", Part, 1),
        ("azvm", Part, 2),
        ("now", Word, 3),
    ];
    assert_eq!(found, expected.map(|(t, k, p)| (t.to_string(), k, p)));
}

#[test]
fn connectors_join_only_between_word_characters() {
    assert_eq!(texts("-end. "), owned(&[("end", Word)]));
    assert_eq!(
        texts("portal.azure.com/"),
        owned(&[
            ("portalazurecom", Whole),
            ("portal", Part),
            ("azure", Part),
            ("com", Part)
        ])
    );
    assert_eq!(
        texts("10.0.0.1"),
        owned(&[
            ("10.0.0.1", Whole),
            ("10", Part),
            ("0", Part),
            ("0", Part),
            ("1", Part)
        ])
    );
    // Single letters are dropped as parts, kept in the whole.
    assert_eq!(texts("e.g."), owned(&[("eg", Whole)]));
}

#[test]
fn spans_point_into_the_source() {
    let text = "Ünïcode Set-AzVM";
    let mut spans = Vec::new();
    Tokenizer::default().run(text, 0, &mut |token| {
        spans.push((token.kind, &text[token.span]))
    });
    assert_eq!(
        spans,
        [
            (Word, "Ünïcode"),
            (Whole, "Set-AzVM"),
            (Part, "Set"),
            (Part, "AzVM")
        ]
    );
}

#[test]
fn overlong_runs_are_dropped() {
    let key = "a".repeat(MAX_PART + 1);
    assert!(texts(&key).is_empty());
    let url = "https://example.com/".to_string() + &"x".repeat(30);
    let found = texts(&url);
    assert!(found.iter().all(|(_, kind)| *kind == Part), "{found:?}");
}

#[test]
fn ids_and_hashes_are_not_words() {
    assert!(texts("id 85704dfb-be6b-435f-a927-bbe6ad4fd93f here")
        .iter()
        .all(|(text, _)| text == "id" || text == "here"));
    assert_eq!(
        texts("thumbprint 1dd04765c9932fde874062c990b4249e"),
        owned(&[("thumbprint", Word)])
    );
    // Short hex codes are error codes, and stay.
    assert_eq!(texts("0x8007000E")[0], ("0x8007000e".to_string(), Whole));
}
