//! The visibility language on the shapes real forms use.

use selfhelp_bundle::visibility::{parse, Condition, Operand};

fn answers<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Vec<String> + 'a {
    move |field| {
        pairs
            .iter()
            .filter(|(f, _)| *f == field)
            .map(|(_, v)| v.to_string())
            .collect()
    }
}

fn holds(source: &str, pairs: &[(&str, &str)]) -> bool {
    parse(source)
        .unwrap_or_else(|e| panic!("{source}: {e:?}"))
        .condition
        .eval(&answers(pairs))
}

#[test]
fn compares_values_with_spaces_apostrophes_and_parentheses() {
    let src = "client_type == Azure Information Protection client (classic)";
    assert!(holds(
        src,
        &[(
            "client_type",
            "Azure Information Protection client (classic)"
        )]
    ));
    assert!(!holds(
        src,
        &[("client_type", "Azure Information Protection client")]
    ));
    assert!(holds(
        "ipprivate == I don't have a Public IP",
        &[("ipprivate", "I don't have a Public IP")]
    ));
    let parsed = parse("a == x (y) && b == z").unwrap();
    assert_eq!(parsed.condition.fields(), ["a", "b"]);
}

#[test]
fn precedence_and_parentheses() {
    let src = "IssueType == Performance && (s == a || s == b)";
    assert!(holds(src, &[("IssueType", "Performance"), ("s", "b")]));
    assert!(!holds(src, &[("IssueType", "Other"), ("s", "b")]));
    assert!(holds("a == 1 || b == 2 && c == 3", &[("a", "1")]));
    assert!(!holds("a == 1 || b == 2 && c == 3", &[("b", "2")]));
}

#[test]
fn null_means_unanswered() {
    assert!(holds("x != null && x != dont_know", &[("x", "yes")]));
    assert!(!holds("x != null", &[]));
    assert!(holds("x == null", &[("x", "  ")]));
    assert_eq!(parse("null").unwrap().condition, Condition::Always(true));
    assert_eq!(parse("  ").unwrap().condition, Condition::Always(true));
    assert_eq!(parse("false").unwrap().condition, Condition::Always(false));
    assert_eq!(parse("true").unwrap().condition, Condition::Always(true));
}

#[test]
fn multi_select_matches_any_selected_value() {
    assert!(holds("m == b", &[("m", "a"), ("m", "b")]));
    assert!(!holds("m != b", &[("m", "a"), ("m", "b")]));
}

#[test]
fn spans_point_at_fields_and_values() {
    let src = "hasErrorData==no && other != null";
    let parsed = parse(src).unwrap();
    assert_eq!(&src[parsed.comparisons[0].field.clone()], "hasErrorData");
    assert_eq!(&src[parsed.comparisons[0].value.clone().unwrap()], "no");
    assert_eq!(&src[parsed.comparisons[1].field.clone()], "other");
    assert_eq!(parsed.comparisons[1].value, None);
    assert!(
        matches!(&parsed.condition, Condition::All(parts) if matches!(&parts[0],
        Condition::Compare { value: Operand::Value(v), equal: true, .. } if v == "no"))
    );
}

#[test]
fn errors_carry_an_offset_and_never_panic() {
    let error = parse("a == ").unwrap_err();
    assert_eq!(error.offset, 5);
    assert!(parse("(a == b").is_err());
    assert!(parse("a b").is_err());
    assert!(parse("== b").is_err());
    let deep = "(".repeat(10_000) + "a == b" + &")".repeat(10_000);
    assert!(parse(&deep).is_err());
    for src in ["))", "&&", "a == (", "a == b)", "ä == ö || (", "a ==\u{0}"] {
        let _ = parse(src);
    }
}
