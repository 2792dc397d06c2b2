//! Unit tests of the raw HTML recogniser.

use super::*;

#[test]
fn tags_are_sorted_into_kinds() {
    let kind = |html: &str| parse_tag(html).map(|t| t.kind);
    assert_eq!(kind("<B>"), Some(TagKind::Strong));
    assert_eq!(kind("</strong>"), Some(TagKind::Strong));
    assert_eq!(kind("<em class=\"x\">"), Some(TagKind::Emphasis));
    assert_eq!(kind("<kbd>"), Some(TagKind::Code));
    assert_eq!(kind("<sup>"), Some(TagKind::Plain));
    assert_eq!(
        kind("<a target=_blank HREF='https://x.y/?a=1&amp;b=2'>"),
        Some(TagKind::Link("https://x.y/?a=1&b=2".into()))
    );
    assert_eq!(kind("<a name=\"top\">"), Some(TagKind::Plain));
    assert_eq!(kind("<script src=x>"), Some(TagKind::DropWithContent));
    assert_eq!(kind("<div class=\"note\">"), Some(TagKind::Drop));
    assert_eq!(kind("<img src=\"a.png\"/>"), Some(TagKind::Drop));
    assert_eq!(kind("<value>"), Some(TagKind::Pseudo));
    assert_eq!(kind("<your-name>"), Some(TagKind::Pseudo));
    assert_eq!(kind("<output txt file path>"), Some(TagKind::Pseudo));
    assert_eq!(kind("<audio controls autoplay>"), Some(TagKind::Drop));
    assert_eq!(kind("<input disabled>"), Some(TagKind::Drop));
    assert_eq!(kind("<sas-token>"), Some(TagKind::Pseudo));
    assert_eq!(kind("<!-- c -->"), None);
    assert_eq!(kind("<1>"), None);
    assert_eq!(
        pre_text("<pre>\nline &lt;1&gt;<br>\n  <b>two</b>\n</pre>"),
        "line <1>\n\n  two\n"
    );
}

#[test]
fn line_breaks() {
    for br in ["<br>", "<BR/>", "<br />", " <br  /> ", "</br>"] {
        assert!(is_line_break(br), "{br}");
    }
    assert!(!is_line_break("<b>"));
    assert!(!is_line_break("<brx>"));
}

#[test]
fn placeholders() {
    assert_eq!(placeholder_open("<!--$VNetId-->"), Some("VNetId".into()));
    assert_eq!(
        placeholder_open("<!-- $start_Time -->"),
        Some("start_Time".into())
    );
    assert_eq!(placeholder_close("<!--/$VNetId-->"), Some("VNetId".into()));
    assert_eq!(placeholder_open("<!--/$VNetId-->"), None);
    assert_eq!(placeholder_open("<!-- note -->"), None);
    assert_eq!(placeholder_open("<!--$-->"), None);
    assert_eq!(placeholder_open("<!--$a b-->"), None);
}

#[test]
fn silence() {
    assert!(is_silent("<!-- a -->\n<!-- b -->\n"));
    assert!(is_silent("<br>"));
    assert!(is_silent("</div>"));
    assert!(is_silent("<!--- unclosed\ncomment"));
    assert!(!is_silent("<div>text</div>"));
    assert!(!is_silent("<Insight>"));
    assert!(!is_silent("<!-- a --> <b>"));
    assert!(!is_silent("<a"));
    assert!(!is_silent("<!--$Name-->x<!--/$Name-->"));
    assert_eq!(silent_prefix_len("<br />\n**text**"), 7);
    assert_eq!(silent_prefix_len("<!-- a --><div>"), 10);
    assert_eq!(silent_prefix_len("<!--$N-->x"), 0);
}

#[test]
fn placeholders_in_code() {
    assert_eq!(
        split_placeholders("az --id <!--$Sub-->SubId<!--/$Sub--> -n <!-- note --> x"),
        [
            (None, "az --id ".to_string()),
            (Some("Sub".to_string()), "SubId".to_string()),
            (None, " -n <!-- note --> x".to_string()),
        ]
    );
    assert_eq!(
        split_placeholders("<!--$A-->unclosed"),
        [(None, "<!--$A-->unclosed".to_string())]
    );
    assert_eq!(split_placeholders(""), []);
}
