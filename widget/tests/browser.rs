//! Component tests in headless Chromium: mount `App` on a bundle built here and click.
//!
//! Run with `cargo test -p selfhelp-widget --target wasm32-unknown-unknown --test browser`.

#![cfg(target_arch = "wasm32")]

mod support;

use selfhelp_bundle::{encode_with_header, Bundle, FileKind, Header, ENTRY_FILE, FORMAT_VERSION};
use selfhelp_widget::Source;
use support::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn start_page_lists_products_and_a_product_its_articles() {
    let app = mount(&bundle()).await;
    app.expect_text("h1", "How can we help?").await;
    assert_eq!(app.labels(".sh-products a"), ["General"]);
    assert_eq!(app.labels(".sh-products .sh-count"), ["2 articles"]);
    app.click_css(".sh-products a").await;
    assert_eq!(hash(), "#/browse/general");
    app.expect_text("h1", "General").await;
    let links = app.find_all(".sh-articles a");
    assert_eq!(
        app.labels(".sh-articles a"),
        ["Printer does not print", "Wi-Fi drops"]
    );
    assert_eq!(
        links[0].get_attribute("href").as_deref(),
        Some("#/article/printer")
    );
    assert_eq!(
        links[1].get_attribute("href").as_deref(),
        Some("#/article/wi%20fi%2F5")
    );
    // A description is shown unless it only repeats the title.
    assert_eq!(app.labels(".sh-articles p"), ["Fix printing problems"]);
    assert_eq!(app.text(".sh-crumbs a").as_deref(), Some("All products"));
    app.unmount();
}

#[wasm_bindgen_test]
async fn a_path_through_the_tree_ends_solved() {
    let app = mount(&bundle()).await;
    app.open_article("Printer does not print").await;
    app.expect_text(".sh-question", "Which situation fits?")
        .await;
    app.expect_text("h1", "Printer does not print").await;
    assert_eq!(app.text(".sh-progress-label").as_deref(), Some("Step 1"));
    let progress = app.find(".sh-progress").unwrap();
    assert_eq!(progress.get_attribute("value").as_deref(), Some("0"));
    assert_eq!(progress.get_attribute("max").as_deref(), Some("3"));
    assert_eq!(
        app.labels(".sh-step button"),
        ["Nothing prints", "Prints garbage"]
    );
    assert_eq!(
        app.text(".sh-choice-detail").as_deref(),
        Some("Not even a test page.")
    );
    assert!(
        app.question_has_focus(),
        "focus moves to the first question"
    );
    let start_over = app.button("Start over").unwrap();
    assert!(
        start_over.has_attribute("disabled"),
        "nothing to start over yet"
    );

    app.click("Nothing prints").await;
    app.expect_text(".sh-question", "Is this the cause?").await;
    assert_eq!(hash(), format!("#/article/printer@{V}/0"));
    assert_eq!(app.text(".sh-progress-label").as_deref(), Some("Step 2"));
    assert!(app
        .text(".sh-step")
        .unwrap()
        .contains("The printer is offline"));
    assert_eq!(app.labels(".sh-step button"), ["This is it", "Rule it out"]);
    assert!(app.question_has_focus(), "focus is on the new question");
    assert_eq!(app.text(".sh-live").as_deref(), Some("Is this the cause?"));
    let live = app.find(".sh-live").unwrap();
    assert_eq!(live.get_attribute("aria-live").as_deref(), Some("polite"));

    app.click("This is it").await;
    app.expect_text(".sh-question", "Try this").await;
    assert_eq!(app.text(".sh-live").as_deref(), Some("Try this"));
    assert!(app.question_has_focus());
    let cause = app.text(".sh-cause").unwrap();
    assert!(cause.starts_with("The cause:") && cause.contains("The printer is offline."));
    assert_eq!(
        app.labels(".sh-alternatives > li"),
        ["Restart it.", "Plug it in."]
    );
    assert_eq!(
        app.labels(".sh-step button"),
        ["Yes, it's solved", "No, it's not solved"]
    );
    assert!(app
        .text(".sh-step")
        .unwrap()
        .contains("Did this solve your problem?"));

    app.click("Yes, it's solved").await;
    app.expect_text(".sh-question", "Glad it's solved").await;
    assert_eq!(hash(), format!("#/article/printer@{V}/0.y.y"));
    let progress = app.find(".sh-progress").unwrap();
    assert_eq!(
        progress.get_attribute("value"),
        progress.get_attribute("max")
    );
    assert!(app.question_has_focus());
    app.unmount();
}

#[wasm_bindgen_test]
async fn not_solved_offers_further_reading_and_support() {
    let app = mount(&bundle()).await;
    app.open_article("Printer does not print").await;
    app.click("Nothing prints").await;
    app.click("Rule it out").await;
    app.expect_text(".sh-question", "Try this").await;
    assert!(app
        .text(".sh-step")
        .unwrap()
        .contains("Reinstall the driver."));
    app.click("No, it's not solved").await;
    app.expect_text(".sh-question", "Still not solved?").await;
    assert_eq!(hash(), format!("#/article/printer@{V}/0.n.n"));
    app.expect_text(".sh-further-reading h3", "Recommended documents")
        .await;
    app.expect_text(".sh-further-reading a", "Printing guide")
        .await;
    app.expect_text(".sh-contact h3", "Contact support").await;
    let contact = app.find(".sh-contact-link").unwrap();
    assert_eq!(contact.text_content().as_deref(), Some("Email support"));
    assert_eq!(
        contact.get_attribute("href").as_deref(),
        Some("mailto:help@example.com")
    );
    app.unmount();
}

#[wasm_bindgen_test]
async fn without_a_support_address_there_is_no_mail_link() {
    let source = site(&bundle());
    let app = mount_at("#/article/printer/0.n.n", source, None).await;
    app.expect_text(".sh-question", "Still not solved?").await;
    assert!(app.find(".sh-contact-link").is_none());
    assert!(app
        .text(".sh-contact")
        .unwrap()
        .contains("contact your support team"));
    app.unmount();
}

#[wasm_bindgen_test]
async fn back_and_start_over() {
    let app = mount(&bundle()).await;
    app.open_article("Printer does not print").await;
    app.click("Nothing prints").await;
    app.click("Rule it out").await;
    app.expect_text(".sh-progress-label", "Step 3").await;

    app.click("Back").await;
    app.expect_text(".sh-question", "Is this the cause?").await;
    assert_eq!(hash(), format!("#/article/printer@{V}/0"));
    assert!(app.question_has_focus());

    app.click("Rule it out").await;
    app.expect_text(".sh-progress-label", "Step 3").await;
    app.click("Start over").await;
    app.expect_text(".sh-question", "Which situation fits?")
        .await;
    assert_eq!(hash(), format!("#/article/printer@{V}"));

    // Back from the first question goes to the start page.
    app.click("Back").await;
    app.expect_text("h1", "How can we help?").await;
    assert_eq!(hash(), "#/");
    app.unmount();
}

#[wasm_bindgen_test]
async fn the_all_articles_link_and_the_browser_back_button() {
    let app = mount(&bundle()).await;
    app.open_article("Printer does not print").await;
    app.click("Nothing prints").await;
    app.click("This is it").await;
    app.expect_text(".sh-question", "Try this").await;

    web_sys::window()
        .unwrap()
        .history()
        .unwrap()
        .back()
        .unwrap();
    app.expect_text(".sh-question", "Is this the cause?").await;
    web_sys::window()
        .unwrap()
        .history()
        .unwrap()
        .back()
        .unwrap();
    app.expect_text(".sh-question", "Which situation fits?")
        .await;

    app.click_css(".sh-nav a").await;
    app.expect_text("h1", "How can we help?").await;
    app.unmount();
}

#[wasm_bindgen_test]
async fn deep_links_open_their_step_without_taking_focus() {
    let source = site(&bundle());
    let app = mount_at("#/article/printer/0.n", source, Some("help@example.com")).await;
    app.expect_text(".sh-question", "Try this").await;
    assert!(app
        .text(".sh-step")
        .unwrap()
        .contains("Reinstall the driver."));
    assert_eq!(app.text(".sh-progress-label").as_deref(), Some("Step 3"));
    assert!(
        !app.question_has_focus(),
        "a page load keeps the host's focus"
    );
    app.unmount();

    let source = site(&bundle());
    let app = mount_at("#/article/wi%20fi%2F5", source, None).await;
    app.expect_text("h1", "Wi-Fi drops").await;
    app.unmount();
}

#[wasm_bindgen_test]
async fn answers_that_do_not_fit_are_cut_from_the_address() {
    let source = site(&bundle());
    // `y` does not answer a choice; `n` follows an end.
    let app = mount_at("#/article/printer/1.y.n.0", source, None).await;
    app.expect_text(".sh-question", "Glad it's solved").await;
    wait_for("the address to be corrected", || {
        (hash() == format!("#/article/printer@{V}/1.y")).then_some(())
    })
    .await;
    app.click("Back").await;
    app.expect_text(".sh-question", "Try this").await;
    assert_eq!(hash(), format!("#/article/printer@{V}/1"));
    app.unmount();
}

#[wasm_bindgen_test]
async fn an_unknown_article_says_so() {
    let source = site(&bundle());
    let app = mount_at("#/article/no-such-article", source, None).await;
    let error = wait_for("an error", || app.find(".sh-error")).await;
    assert_eq!(error.get_attribute("role").as_deref(), Some("alert"));
    let message = error.text_content().unwrap();
    assert!(
        message.contains("No article with the id \"no-such-article\""),
        "{message}"
    );
    assert_eq!(app.text(".sh-error a").as_deref(), Some("All articles"));
    app.unmount();
}

#[wasm_bindgen_test]
async fn a_garbage_entry_shows_an_error() {
    let source = memory([(ENTRY_FILE.to_string(), b"nonsense".to_vec())].into());
    let app = mount_at("", source, None).await;
    let error = wait_for("an error", || app.text(".sh-error")).await;
    assert!(error.contains("not a selfhelp bundle"), "{error}");
    app.unmount();
}

fn from_the_future(kind: FileKind) -> Vec<u8> {
    let header = Header {
        format_version: FORMAT_VERSION + 1,
        min_compatible_version: FORMAT_VERSION + 1,
        generator: "the future".to_string(),
        kind,
    };
    encode_with_header(&header, b"whatever the future holds").unwrap()
}

#[wasm_bindgen_test]
async fn a_newer_entry_asks_to_update_the_widget() {
    let source = memory([(ENTRY_FILE.to_string(), from_the_future(FileKind::Entry))].into());
    let app = mount_at("", source, None).await;
    let error = wait_for("an error", || app.text(".sh-error")).await;
    assert!(error.contains("update the widget"), "{error}");
    app.unmount();
}

/// The path of the chunk that holds `id` in a site built by [`site_files`].
fn chunk_path(files: &Files, id: &str) -> String {
    files
        .iter()
        .find(|(path, bytes)| {
            path.starts_with("chunks/")
                && selfhelp_bundle::decode_file::<selfhelp_bundle::Chunk>(FileKind::Chunk, bytes)
                    .is_ok_and(|(_, chunk)| chunk.article(id).is_some())
        })
        .map(|(path, _)| path.clone())
        .expect("the article's chunk")
}

#[wasm_bindgen_test]
async fn a_newer_or_damaged_chunk_says_so_and_the_rest_keeps_working() {
    for (damage, expected) in [
        (from_the_future(FileKind::Chunk), "update the widget"),
        (
            [
                b"SELFHELP".as_slice(),
                &[selfhelp_bundle::FORMAT_VERSION as u8; 2],
                b"\x01x\x01garbage",
            ]
            .concat(),
            "damaged",
        ),
    ] {
        let mut files = site_files(&bundle(), |_| Default::default());
        let path = chunk_path(&files, "printer");
        files.insert(path, damage);
        let app = mount_at("#/article/printer", memory(files), None).await;
        let error = wait_for("an error", || app.text(".sh-error")).await;
        assert!(error.contains(expected), "{error}");
        assert!(app.button("Try again").is_some(), "a way to try again");
        // Another article of the same site still opens.
        app.click_css(".sh-error a").await;
        app.open_article("Wi-Fi drops").await;
        app.expect_text("h1", "Wi-Fi drops").await;
        app.unmount();
    }
}

#[wasm_bindgen_test]
async fn a_missing_entry_url_reports_the_http_status() {
    let source = Source::Remote {
        entry: "no-such-bundle.bin".to_string(),
    };
    let app = mount_at("", source, None).await;
    let error = wait_for("an error", || app.text(".sh-error")).await;
    assert!(
        error.contains("(HTTP 404) from no-such-bundle.bin"),
        "{error}"
    );
    app.unmount();
}

#[wasm_bindgen_test]
async fn a_link_to_an_older_version_says_the_article_changed_and_replays_what_fits() {
    // Made for version 0123abcd; the article is now at 00000000.
    let app = mount_at("#/article/printer@0123abcd/0.n", site(&bundle()), None).await;
    app.expect_text(".sh-question", "Try this").await;
    let notice = app.text(".sh-updated").expect("a notice");
    assert!(
        notice.contains("updated since this link was made"),
        "{notice}"
    );
    // The address now names the current version; the notice stays until the reader leaves.
    wait_for("the address to carry the current version", || {
        (hash() == format!("#/article/printer@{V}/0.n")).then_some(())
    })
    .await;
    app.click("Back").await;
    app.expect_text(".sh-question", "Is this the cause?").await;
    assert!(app.find(".sh-updated").is_some());
    app.unmount();

    // A link made for this version says nothing.
    let app = mount_at(&format!("#/article/printer@{V}/0"), site(&bundle()), None).await;
    app.expect_text(".sh-question", "Is this the cause?").await;
    assert!(app.find(".sh-updated").is_none());
    app.unmount();
}

#[wasm_bindgen_test]
async fn rich_text_is_rendered_as_elements_never_as_html() {
    let source = site(&bundle());
    let app = mount_at("#/article/printer/1", source, None).await;
    app.expect_text(".sh-question", "Try this").await;
    assert_eq!(
        app.text(".sh-step strong").as_deref(),
        Some("Use the right cable.")
    );
    assert!(
        app.find("script").is_none(),
        "text never becomes an element"
    );
    assert!(app
        .text(".sh-step")
        .unwrap()
        .contains("<script>window.pwned = 1</script>"));
    app.unmount();

    let source = site(&bundle());
    let app = mount_at("#/article/printer/0.y", source, None).await;
    app.expect_text(".sh-question", "Try this").await;
    let link = app.find(".sh-body a").unwrap();
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("https://example.com/help")
    );
    assert_eq!(link.get_attribute("target").as_deref(), Some("_blank"));
    assert_eq!(
        link.get_attribute("rel").as_deref(),
        Some("noopener noreferrer")
    );
    assert_eq!(link.text_content().as_deref(), Some("the help"));
    app.unmount();
}

#[wasm_bindgen_test]
async fn every_block_and_inline_kind_has_its_element() {
    use selfhelp_bundle::{Block, Inline, LinkKind};
    use selfhelp_widget::components::{RichText, RichTextProps};

    let link = |kind, href: &str| Inline::Link {
        kind,
        href: href.to_string(),
        content: vec![text("link")],
    };
    let blocks = vec![
        Block::Heading {
            level: 1,
            content: vec![text("Top")],
        },
        Block::Heading {
            level: 2,
            content: vec![text("Sub")],
        },
        Block::Heading {
            level: 6,
            content: vec![text("Deep")],
        },
        para(vec![
            Inline::Emphasis(vec![text("em")]),
            Inline::Strikethrough(vec![text("gone")]),
            Inline::Code("x = 1".to_string()),
            Inline::LineBreak,
            Inline::Placeholder {
                name: "userName".to_string(),
                default: vec![text("your user")],
            },
        ]),
        para(vec![
            link(LinkKind::Email, "mailto:a@example.com"),
            link(LinkKind::Anchor, "#causes"),
            link(LinkKind::Relative, "docs/setup.md"),
            link(LinkKind::Portal, "data-blade:Extension/Blade"),
            link(LinkKind::Web, "javascript:alert(1)"),
        ]),
        Block::List {
            start: Some(3),
            items: vec![plain("three"), plain("four")],
        },
        Block::List {
            start: None,
            items: vec![plain("dot")],
        },
        Block::CodeBlock {
            language: "powershell".to_string(),
            code: "Get-Thing <b>".to_string(),
        },
        Block::Quote(plain("quoted")),
        Block::Rule,
    ];
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    let props = RichTextProps {
        blocks,
        heading_level: 3,
    };
    let handle = yew::Renderer::<RichText>::with_root_and_props(root.clone(), props).render();
    settle().await;
    let html = |css: &str| {
        root.query_selector(css)
            .unwrap()
            .map(|element| element.outer_html())
    };
    assert_eq!(html("h3").as_deref(), Some("<h3>Top</h3>"));
    assert_eq!(html("h4").as_deref(), Some("<h4>Sub</h4>"));
    assert_eq!(html("h6").as_deref(), Some("<h6>Deep</h6>"));
    assert_eq!(html("em").as_deref(), Some("<em>em</em>"));
    assert_eq!(html("s").as_deref(), Some("<s>gone</s>"));
    assert_eq!(html("p > code").as_deref(), Some("<code>x = 1</code>"));
    assert!(html("p > br").is_some());
    let attribute = |css: &str, name: &str| {
        root.query_selector(css)
            .unwrap()
            .and_then(|element| element.get_attribute(name))
    };
    assert_eq!(
        attribute(".sh-placeholder", "data-name").as_deref(),
        Some("userName")
    );
    assert_eq!(
        html("span.sh-placeholder").map(|h| h.ends_with(">your user</span>")),
        Some(true)
    );
    assert_eq!(
        html("a[href^=mailto]").as_deref(),
        Some(r#"<a href="mailto:a@example.com">link</a>"#)
    );
    assert!(html(r##"a[href="#causes"]"##).is_some());
    assert!(html(r#"a[href="docs/setup.md"]"#).is_some());
    assert_eq!(
        attribute("span.sh-portal-link", "data-href").as_deref(),
        Some("data-blade:Extension/Blade")
    );
    assert!(
        html("a[href^=javascript]").is_none(),
        "unsafe targets are not links"
    );
    assert_eq!(root.query_selector_all("a").unwrap().length(), 3);
    assert_eq!(
        html("ol").as_deref(),
        Some(r#"<ol start="3"><li><p>three</p></li><li><p>four</p></li></ol>"#)
    );
    assert_eq!(html("ul").as_deref(), Some("<ul><li><p>dot</p></li></ul>"));
    assert_eq!(
        html("pre").as_deref(),
        Some(
            r#"<pre class="sh-code"><code data-language="powershell">Get-Thing &lt;b&gt;</code></pre>"#
        )
    );
    assert_eq!(
        html("blockquote").as_deref(),
        Some("<blockquote><p>quoted</p></blockquote>")
    );
    assert!(html("hr").is_some());
    handle.destroy();
    root.remove();
}

#[wasm_bindgen_test]
async fn forms_show_their_questions_and_damaged_trees_a_message() {
    use selfhelp_bundle::{ArticleBody, DecisionTree, Form, NodeId};

    let mut form = article("form", "Describe the problem", "", DecisionTree::default());
    form.body = ArticleBody::Form(Form::default());
    let mut damaged = article("damaged", "Broken flow", "", printer_tree());
    if let ArticleBody::Tree(tree) = &mut damaged.body {
        tree.root = NodeId(3);
    }
    let empty = article("empty", "Nothing here", "", DecisionTree::default());
    let bundle = Bundle {
        articles: vec![form, damaged, empty],
    };

    let source = site(&bundle);
    let app = mount_at("#/article/form", source, Some("help@example.com")).await;
    app.expect_text("h1", "Describe the problem").await;
    assert!(app.find(".sh-form").is_some());
    assert!(app.find(".sh-question").is_none());
    assert!(app.find(".sh-error").is_none());
    app.unmount();

    for id in ["damaged", "empty"] {
        let source = site(&bundle);
        let app = mount_at(&format!("#/article/{id}"), source, None).await;
        let error = wait_for("an error", || app.text(".sh-error")).await;
        assert!(error.contains("damaged"), "{error}");
        assert!(app.find(".sh-question").is_none());
        app.unmount();
    }
}
