//! Unit tests of the header scanner.

use super::*;
use selfhelp_bundle::Cloud;

fn parse_text(text: &str) -> (Option<Header>, Vec<Diagnostic>) {
    let source = Arc::new(SourceFile::new("t.md", text));
    let mut diagnostics = Vec::new();
    let header = parse(&source, &mut diagnostics);
    (header, diagnostics)
}

fn codes_of(diagnostics: &[Diagnostic]) -> Vec<&'static str> {
    diagnostics.iter().map(|d| d.code).collect()
}

#[test]
fn parses_every_seed_attribute() {
    let text = "<properties\n    pageTitle=\"Title\"\n    description=\"Desc\"\n    service=\"svc\"\n    resource=\"res\"\n    authors=\"a, b,,\"\n    ms.author=\"me\"\n    displayOrder=\"\"\n    selfHelpType=\"generic\"\n    supportTopicIds=\"1,2\"\n    resourceTags=\"\"\n    productPesIds=\"16666\"\n    cloudEnvironments=\"public, Fairfax,mooncake\"\n    articleId=\"id-1\"\n    ownershipId=\"Team\"\n/>\n\n# Body\n";
    let (header, diagnostics) = parse_text(text);
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    let header = header.expect("a header");
    let meta = &header.meta;
    assert_eq!(meta.page_title, "Title");
    assert_eq!(meta.description, "Desc");
    assert_eq!(meta.service, "svc");
    assert_eq!(meta.resource, "res");
    assert_eq!(meta.authors, ["a", "b"]);
    assert_eq!(meta.ms_author, "me");
    assert_eq!(meta.display_order, None);
    assert_eq!(meta.self_help_type, SelfHelpType::Generic);
    assert_eq!(meta.support_topic_ids, ["1", "2"]);
    assert!(meta.resource_tags.is_empty());
    assert_eq!(meta.product_pes_ids, ["16666"]);
    assert_eq!(
        meta.cloud_environments,
        [Cloud::Public, Cloud::UsGovernment, Cloud::China]
    );
    assert_eq!(meta.article_id, "id-1");
    assert_eq!(
        meta.extra.get("ownershipId").map(String::as_str),
        Some("Team")
    );
    assert_eq!(&text[header.body_start()..], "\n\n# Body\n");
    let id = header.attribute("ARTICLEID").expect("articleId");
    assert_eq!(&text[id.value_span.clone()], "id-1");
    assert_eq!(&text[header.article_id_span()], "id-1");
}

#[test]
fn tolerates_case_single_quotes_crlf_and_leading_blank_lines() {
    let text = "\r\n\r\n<PROPERTIES ARTICLEID='x1'\r\n PageTitle = \"It's\"\r\n displayorder=\" 7 \"\r\n/>\r\n";
    let (header, diagnostics) = parse_text(text);
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    let meta = header.expect("a header").meta;
    assert_eq!(meta.article_id, "x1");
    assert_eq!(meta.page_title, "It's");
    assert_eq!(meta.display_order, Some(7));
}

#[test]
fn greater_than_inside_values_and_multiline_values() {
    let text =
        "<properties articleId=\"a\" pageTitle=\"Apps > Status\"\n description=\"one\ntwo\" />";
    let (header, diagnostics) = parse_text(text);
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    let meta = header.expect("a header").meta;
    assert_eq!(meta.page_title, "Apps > Status");
    // A value over several lines reads as one line.
    assert_eq!(meta.description, "one two");
}

#[test]
fn missing_header_is_sh0001() {
    let (header, diagnostics) = parse_text("# Just markdown\n");
    assert!(header.is_none());
    assert_eq!(codes_of(&diagnostics), ["SH0001"]);
}

#[test]
fn unclosed_header_is_sh0002() {
    let (header, diagnostics) = parse_text("<properties articleId=\"a\"\n\n\n# Title\n");
    assert!(header.is_none());
    assert_eq!(codes_of(&diagnostics), ["SH0002"]);
    let (header, diagnostics) = parse_text("<properties articleId=\"a");
    assert!(header.is_none());
    assert_eq!(codes_of(&diagnostics), ["SH0002"]);
    let (header, diagnostics) = parse_text("<properties articleId=\"a\"\n\nSome prose here.\n");
    assert!(header.is_none());
    assert_eq!(codes_of(&diagnostics), ["SH0002"]);
}

#[test]
fn missing_or_empty_article_id_is_sh0007() {
    let (header, diagnostics) = parse_text("<properties pageTitle=\"t\" />");
    assert!(header.is_some());
    assert_eq!(codes_of(&diagnostics), ["SH0007"]);
    let (_, diagnostics) = parse_text("<properties articleId=\" \" />");
    assert_eq!(codes_of(&diagnostics), ["SH0007"]);
}

#[test]
fn duplicates_bad_order_and_junk_are_warnings() {
    let text = "junk\n<properties articleId=\"a\" ArticleId=\"b\" displayOrder=\"x\" bare , u=v />";
    let (header, diagnostics) = parse_text(text);
    let meta = header.expect("a header").meta;
    assert_eq!(meta.article_id, "a");
    assert_eq!(meta.display_order, None);
    assert_eq!(meta.extra.get("bare").map(String::as_str), Some(""));
    assert_eq!(meta.extra.get("u").map(String::as_str), Some("v"));
    assert_eq!(
        codes_of(&diagnostics),
        ["SH0011", "SH0012", "SH0012", "SH0012", "SH0013", "SH0014"]
    );
}

#[test]
fn comments_before_the_header_are_fine() {
    let (header, diagnostics) = parse_text("<!-- note -->\n\n<properties articleId=\"a\" />");
    assert!(header.is_some());
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
}

#[test]
fn never_panics_on_truncated_input() {
    let text = "<properties articleId=\"é\" pageTitle='t' x = y\u{a0} z=\"é\" />";
    for end in 0..=text.len() {
        if let Some(prefix) = text.get(..end) {
            let _ = parse_text(prefix);
        }
    }
}

#[test]
fn lists_trim_and_drop_empties() {
    assert_eq!(list(" a , ,b,"), ["a", "b"]);
    assert!(list("").is_empty());
}

#[test]
fn entities_lists_braces_and_clouds() {
    let text = "<properties pageTitle=\"Say &quot;hi&quot; &amp; go\" articleId=\"{AB-12}\" supportTopicIds=\" 1 ,2,1,, 3 \" cloudEnvironments=\"public,Public, MoonCake,mars\" />";
    let (header, diagnostics) = parse_text(text);
    let meta = header.expect("a header").meta;
    assert_eq!(meta.page_title, "Say \"hi\" & go");
    assert_eq!(meta.article_id, "AB-12");
    assert_eq!(meta.support_topic_ids, ["1", "2", "3"]);
    assert_eq!(
        meta.cloud_environments,
        [Cloud::Public, Cloud::China, Cloud::Other("mars".into())]
    );
    assert_eq!(codes_of(&diagnostics), ["SH0102"]);
    assert!(diagnostics[0].message.contains("`mars`"));
}

#[test]
fn did_you_mean_known_attribute_names() {
    assert_eq!(known::suggestion("supportToicIds"), Some("supportTopicIds"));
    assert_eq!(known::suggestion("SUPPORTTOPICID"), Some("supportTopicIds"));
    assert_eq!(known::suggestion("infoBubbleTest"), Some("infoBubbleText"));
    assert_eq!(known::suggestion("artcleId"), Some("articleId"));
    assert_eq!(known::suggestion("supportTopicIds"), None);
    assert_eq!(known::suggestion("ownershipid"), None);
    assert_eq!(known::suggestion("partition"), None);
    assert_eq!(known::suggestion("editor"), None);
    let (_, diagnostics) =
        parse_text("<properties pageTitle=\"T\" articleId=\"a\" supportToicIds=\"1\" />");
    assert_eq!(codes_of(&diagnostics), ["SH0103"]);
    assert_eq!(
        diagnostics[0].help.as_deref(),
        Some("did you mean `supportTopicIds`?")
    );
}
