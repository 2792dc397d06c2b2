//! Unit tests of the pre-pass and the XML block reader.

use std::collections::BTreeMap;

use super::super::xml;
use super::*;
use selfhelp_bundle::{AzureKb, Insight, Video};

fn kinds(text: &str) -> Vec<String> {
    split(text, 100)
        .into_iter()
        .map(|piece| match piece {
            Piece::Markdown(r) => format!(
                "md {:?}",
                text.get(r.start - 100..r.end - 100).unwrap_or("?")
            ),
            Piece::Block(Ok(b), r) => format!(
                "block {}..{} {}",
                r.start - 100,
                r.end - 100,
                Block::plain_text(&[b])
            ),
            Piece::Block(Err(e), _) => format!("bad {e}"),
            Piece::RegionOpen(n, r) => format!("open {n} {}", r.start - 100),
            Piece::RegionClose(n, r) => format!("close {n} {}", r.start - 100),
            Piece::Heading(level, line, title) => format!(
                "heading {level} {}..{} title from {}",
                line.start - 100,
                line.end - 100,
                title.start - 100
            ),
        })
        .collect()
}

#[test]
fn xml_blocks_with_blank_lines_are_cut_out_with_their_spans() {
    let text = "Intro\n\n<videoGroup>\n <video>\n  <src>https://v/1</src>\n\n  <title>One</title>\n </video>\n</videoGroup>\nAfter\n";
    assert_eq!(
        kinds(text),
        [
            "md \"Intro\\n\\n\"",
            "block 7..99 One",
            "md \"\\nAfter\\n\"",
        ]
    );
}

#[test]
fn fenced_code_is_left_alone() {
    let text = "```\n<video>\n<src>x</src>\n</video>\n<!--issueDescription-->\n```\n";
    assert_eq!(kinds(text), [format!("md {text:?}")]);
}

#[test]
fn sections_and_regions() {
    let text = ":::Section Insights:::\n<!--issueDescription-->\nAt **x**.<!--/issueDescription--> Then.\n<!--Text--> <!--pair-->a<!--/pair-->\n";
    assert_eq!(
        kinds(text),
        [
            "block 0..23 Insights",
            "open issueDescription 23",
            "md \"\\nAt **x**.\"",
            "close issueDescription 56",
            "md \" Then.\\n<!--Text--> \"",
            "open pair 99",
            "md \"a\"",
            "close pair 111",
            "md \"\\n\"",
        ]
    );
    // Not a section marker: no `Section` word, or nothing after it.
    assert_eq!(kinds(":::22 :::\n").len(), 1);
    assert_eq!(kinds(":::Section:::\n").len(), 1);
}

#[test]
fn region_comments_in_headings_are_plain_comments() {
    let text = "# <!--issueDescription-->Title<!--/issueDescription-->\n";
    assert_eq!(kinds(text), [format!("md {text:?}")]);
}

#[test]
fn insight_fields_any_case_with_extras() {
    let block = xml::parse(
        "insight",
        "<Insight>\n  <symptomId>S1</symptomId>\n  <executionText>Running &amp; checking</executionText>\n\n  <timeoutText>Slow</timeoutText>\n  <noResultText>None<br>found</noResultText>\n  <maxInsightCount>5</maxInsightCount>\n</Insight>",
    );
    assert_eq!(
        block,
        Ok(Block::Insight(Box::new(Insight {
            symptom_id: "S1".into(),
            execution_text: "Running & checking".into(),
            timeout_text: "Slow".into(),
            no_result_text: "None found".into(),
            attributes: BTreeMap::from([("maxInsightCount".into(), "5".into())]),
        })))
    );
    assert!(xml::parse(
        "insight",
        "<insight><executionText>x</executionText></insight>"
    )
    .is_err());
}

#[test]
fn videos_metrics_and_kb() {
    assert_eq!(
        xml::parse("video", "<video class=\"x\">\n<source src=\"https://v/2\" type=\"t\" />\n<p>fallback</p>\n</video>"),
        Ok(Block::Video(Video { src: "https://v/2".into(), title: "https://v/2".into() }))
    );
    assert!(xml::parse("video", "<video><title>No source</title></video>").is_err());
    let metric = xml::parse(
        "metric",
        "<metric><title>Hosts</title><name>HealthyHostCount</name><aggregationType>Avg</aggregationType><timeSpanDuration>3d</timeSpanDuration></metric>",
    );
    assert!(
        matches!(metric, Ok(Block::Metric(ref m)) if m.name == "HealthyHostCount" && m.time_span_duration == "3d")
    );
    assert_eq!(
        xml::parse("azurekb", "<azureKB>\n<client>portal</client>\n</azureKB>"),
        Ok(Block::AzureKb(Box::new(AzureKb {
            client: "portal".into(),
            attributes: BTreeMap::new()
        })))
    );
    assert_eq!(xml::block_tag("<VideoGroup>"), Some("videogroup"));
    assert_eq!(xml::block_tag("<videos>"), None);
    assert_eq!(
        xml::element_end("<video><video/></video> x", 0, "video"),
        Some(23)
    );
    assert_eq!(xml::element_end("<video>never closed", 0, "video"), None);
}

#[test]
fn headings_without_a_space() {
    assert_eq!(
        kinds("##Title here\n#1 is not one\n # nor indented\n####### nor seven\n"),
        [
            "heading 2 0..12 title from 2",
            "md \"#1 is not one\\n # nor indented\\n####### nor seven\\n\"",
        ]
    );
}
