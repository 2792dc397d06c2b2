//! Form component tests in headless Chromium: every control, conditions, validation,
//! the error summary, the summary page, the `selfhelp:submit` event and reloads.
//!
//! Run with `cargo test -p selfhelp-widget --target wasm32-unknown-unknown --test forms`.

#![cfg(target_arch = "wasm32")]

mod support;

use selfhelp_bundle::visibility::parse;
use selfhelp_bundle::{
    Article, ArticleBody, Block, Bundle, ChoiceOption, ControlType, Field, Form, FormSettings,
    Inline, Validation,
};
use selfhelp_widget::Source;
use support::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;
use web_sys::{Element, EventInit, FocusEvent, FocusEventInit, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

const FORM: &str = "#/article/scoping";
const STORAGE_KEY: &str = "selfhelp:form:scoping:0000000000000000";

fn option(value: &str, text: &str) -> ChoiceOption {
    ChoiceOption {
        value: value.into(),
        text: text.into(),
    }
}

fn field(id: &str, control: ControlType, label: &str) -> Field {
    Field {
        label: label.into(),
        ..Field::new(id, control)
    }
}

/// Every control type; `upn` shows for one user, `error_text` when an error is seen,
/// and `nested` only when both hold.
fn form() -> Form {
    let mut who = field("who", ControlType::RadioButtonGroup, "Who is affected?");
    who.required = true;
    who.options = vec![option("all", "Everyone"), option("one", "Just one person")];
    who.hints = vec![plain("Pick the closest.")];
    let mut upn = field("upn", ControlType::TextBox, "User name");
    upn.required = true;
    upn.watermark = "name@contoso.com".into();
    upn.visibility = parse("who == one").unwrap().condition;
    upn.validations = vec![Validation::RegexMatch {
        pattern: r"^[^@\s]+@[^@\s]+$".into(),
        message: "Enter a UPN like a@b.c".into(),
    }];
    let mut count = field("count", ControlType::NumericTextBox, "How many?");
    count.validations = vec![Validation::GreaterThan {
        value: "0".into(),
        message: String::new(),
    }];
    let mut since = field("since", ControlType::DateTimePicker, "Since when?");
    since.validations = vec![Validation::GreaterThan {
        value: "2020-01-01".into(),
        message: String::new(),
    }];
    let mut seen = field("seen", ControlType::Dropdown, "Any error?");
    seen.required = true;
    seen.watermark = "Choose one".into();
    seen.options = vec![option("yes", "Yes, an error"), option("no", "No error")];
    let mut error_text = field("error_text", ControlType::MultiLineTextBox, "Error text");
    error_text.visibility = parse("seen == yes").unwrap().condition;
    error_text.validations = vec![Validation::MaxLength {
        length: 20,
        message: String::new(),
    }];
    error_text.info_balloon = vec![para(vec![
        text("See the "),
        Inline::Strong(vec![text("event log")]),
    ])];
    let mut nested = field("nested", ControlType::TextBox, "What do they share?");
    nested.visibility = parse("who == one && seen == yes").unwrap().condition;
    let mut region = field("region", ControlType::Dropdown, "Region");
    region.options = vec![option("west", "West Europe")];
    region.dynamic_options = Some("{}".into());
    let mut tried = field("tried", ControlType::MultiSelectDropdown, "Tried");
    tried.options = vec![option("a", "Restarted"), option("b", "Full sync")];
    let note = field("note", ControlType::InfoBlock, "Have the logs ready.");
    let empty_note = field("empty_note", ControlType::TextBlock, " ");
    let mut broken = field("broken", ControlType::TextBox, "Version");
    broken.validations = vec![Validation::RegexMatch {
        pattern: "(".into(),
        message: "never shown".into(),
    }];
    Form {
        title: "Tell us".into(),
        fields: vec![
            who, upn, count, since, seen, error_text, nested, region, tried, note, broken,
            empty_note,
        ],
        settings: FormSettings {
            file_attachment_hint: "A photo of the printer's display".into(),
            ..FormSettings::default()
        },
    }
}

fn form_bundle() -> Bundle {
    let mut tree = article("printer", "Printer does not print", "", printer_tree());
    tree.meta.support_topic_ids = vec!["42".into()];
    let mut scoping: Article = article(
        "scoping",
        "Describe the printer problem",
        "",
        printer_tree(),
    );
    scoping.meta.support_topic_ids = vec!["7".into(), "42".into()];
    scoping.body = ArticleBody::Form(form());
    Bundle {
        articles: vec![tree, scoping],
    }
}

/// The site of a bundle whose trees offer the first form that shares a support topic,
/// as the compiler links them.
fn linked(bundle: &Bundle) -> Source {
    let forms: Vec<(String, Vec<String>)> = bundle
        .articles
        .iter()
        .filter(|a| matches!(a.body, ArticleBody::Form(_)))
        .map(|a| (a.meta.article_id.clone(), a.meta.support_topic_ids.clone()))
        .collect();
    memory(site_files(bundle, |article| selfhelp_bundle::Related {
        scoping_form: match article.body {
            ArticleBody::Tree(_) => forms
                .iter()
                .find(|(_, topics)| {
                    topics
                        .iter()
                        .any(|t| article.meta.support_topic_ids.contains(t))
                })
                .map(|(id, _)| id.clone()),
            _ => None,
        },
    }))
}

fn storage() -> web_sys::Storage {
    web_sys::window()
        .unwrap()
        .session_storage()
        .unwrap()
        .unwrap()
}

async fn open(hash: &str) -> Mounted {
    let source = linked(&form_bundle());
    let app = mount_at(hash, source, Some("help@example.com")).await;
    wait_for("the form", || app.find(".sh-form, .sh-summary")).await;
    app
}

async fn open_fresh() -> Mounted {
    storage().clear().unwrap();
    open(FORM).await
}

fn el(app: &Mounted, css: &str) -> Element {
    app.find(css).unwrap_or_else(|| panic!("no `{css}`"))
}

fn attr(app: &Mounted, css: &str, name: &str) -> Option<String> {
    el(app, css).get_attribute(name)
}

fn fire(target: &Element, kind: &str) {
    let init = EventInit::new();
    init.set_bubbles(true);
    let event = web_sys::Event::new_with_event_init_dict(kind, &init).unwrap();
    target.dispatch_event(&event).unwrap();
}

/// Types `value` into an input or textarea, as one `input` event.
async fn type_in(app: &Mounted, css: &str, value: &str) {
    let target = el(app, css);
    js_sys::Reflect::set(&target, &"value".into(), &value.into()).unwrap();
    fire(&target, "input");
    settle().await;
}

async fn select(app: &Mounted, css: &str, value: &str) {
    let target = el(app, css);
    js_sys::Reflect::set(&target, &"value".into(), &value.into()).unwrap();
    fire(&target, "change");
    settle().await;
}

/// Leaves a field: `blur` on it and `focusout` bubbling from it, focus going nowhere.
async fn leave(app: &Mounted, css: &str) {
    let target = el(app, css);
    target
        .dispatch_event(&FocusEvent::new("blur").unwrap())
        .unwrap();
    let init = FocusEventInit::new();
    init.set_bubbles(true);
    let out = FocusEvent::new_with_focus_event_init_dict("focusout", &init).unwrap();
    target.dispatch_event(&out).unwrap();
    settle().await;
}

async fn click_el(app: &Mounted, css: &str) {
    el(app, css).dyn_into::<HtmlElement>().unwrap().click();
    settle().await;
}

fn field_ids(app: &Mounted) -> Vec<String> {
    app.find_all(".sh-form .sh-field")
        .iter()
        .filter_map(|f| f.get_attribute("data-field-id"))
        .collect()
}

fn active_id() -> Option<String> {
    document().active_element().map(|e| e.id())
}

fn value_of(app: &Mounted, css: &str) -> String {
    js_sys::Reflect::get(&el(app, css), &"value".into())
        .unwrap()
        .as_string()
        .unwrap_or_default()
}

/// Fills every required question of the initial form validly.
async fn fill_required(app: &Mounted) {
    click_el(app, "#sh-field-who").await; // Everyone
    select(app, "#sh-field-seen", "no").await;
}

#[wasm_bindgen_test]
async fn every_control_renders_with_its_label_and_takes_answers() {
    let app = open_fresh().await;
    app.expect_text("h1", "Describe the printer problem").await;
    assert_eq!(
        field_ids(&app),
        ["who", "count", "since", "seen", "region", "tried", "note", "broken"]
    );
    // Groups are fieldsets with a legend; the required mark is words.
    assert_eq!(
        app.text("[data-field-id=who] legend").as_deref(),
        Some("Who is affected? (required)")
    );
    assert_eq!(el(&app, "[data-field-id=who]").tag_name(), "FIELDSET");
    assert_eq!(
        attr(&app, "[data-field-id=who]", "aria-describedby").as_deref(),
        Some("sh-field-who-hint")
    );
    assert_eq!(
        app.text("#sh-field-who-hint").as_deref(),
        Some("Pick the closest.")
    );
    assert_eq!(
        app.labels("[data-field-id=who] label"),
        ["Everyone", "Just one person"]
    );
    assert_eq!(
        attr(&app, "label[for=sh-field-who-1]", "for").as_deref(),
        Some("sh-field-who-1")
    );
    // Single controls have a label for their input.
    for (id, label) in [
        ("count", "How many?"),
        ("since", "Since when?"),
        ("seen", "Any error? (required)"),
        ("region", "Region"),
        ("broken", "Version"),
    ] {
        assert_eq!(
            app.text(&format!("label[for=sh-field-{id}]")).as_deref(),
            Some(label)
        );
    }
    assert_eq!(
        attr(&app, "#sh-field-seen", "aria-required").as_deref(),
        Some("true")
    );
    assert_eq!(attr(&app, "#sh-field-count", "aria-required"), None);
    assert_eq!(
        attr(&app, "#sh-field-since", "type").as_deref(),
        Some("datetime-local")
    );
    assert_eq!(
        attr(&app, "#sh-field-count", "inputmode").as_deref(),
        Some("decimal")
    );
    assert_eq!(
        app.labels("#sh-field-seen option"),
        ["Choose one", "Yes, an error", "No error"]
    );
    // The dynamic dropdown offers "Other", which reveals a labelled text entry.
    assert_eq!(
        app.labels("#sh-field-region option"),
        ["Choose an option", "West Europe", "Other"]
    );
    assert!(app.find("#sh-field-region-other").is_none());
    select(&app, "#sh-field-region", "__sh_other__").await;
    assert_eq!(
        app.text("label[for=sh-field-region-other]").as_deref(),
        Some("Other: please describe")
    );
    type_in(&app, "#sh-field-region-other", "Mars").await;
    // The info block is text, with no input.
    assert_eq!(
        app.text("[data-field-id=note]").as_deref(),
        Some("Have the logs ready.")
    );
    assert!(app.find("[data-field-id=note] input").is_none());

    click_el(&app, "#sh-field-who-1").await;
    assert!(el(&app, "#sh-field-who-1")
        .unchecked_into::<HtmlInputElement>()
        .checked());
    type_in(&app, "#sh-field-upn", "pat@contoso.com").await;
    assert_eq!(
        attr(&app, "#sh-field-upn", "placeholder").as_deref(),
        Some("name@contoso.com")
    );
    type_in(&app, "#sh-field-count", "12").await;
    type_in(&app, "#sh-field-since", "2024-05-01T10:30").await;
    select(&app, "#sh-field-seen", "yes").await;
    // The multi-line text box counts characters as they are typed.
    assert_eq!(
        app.text("#sh-field-error_text-count").as_deref(),
        Some("0 / 20")
    );
    type_in(&app, "#sh-field-error_text", "Event 611 failed").await;
    assert_eq!(
        app.text("#sh-field-error_text-count").as_deref(),
        Some("16 / 20")
    );
    assert_eq!(
        attr(&app, "#sh-field-error_text", "aria-describedby").as_deref(),
        Some("sh-field-error_text-count")
    );
    // The info balloon is a disclosure of typed rich text.
    assert_eq!(
        app.text("[data-field-id=error_text] details summary")
            .as_deref(),
        Some("More about this question")
    );
    assert_eq!(
        app.text(".sh-info-body strong").as_deref(),
        Some("event log")
    );
    click_el(&app, "#sh-field-tried-1").await;
    click_el(&app, "#sh-field-tried").await;
    assert_eq!(el(&app, "[data-field-id=tried]").tag_name(), "FIELDSET");
    assert_eq!(
        app.text("[data-field-id=tried] legend").as_deref(),
        Some("Tried")
    );

    app.click("Submit").await;
    app.expect_text(".sh-summary-heading", "Your problem description")
        .await;
    assert_eq!(hash(), "#/article/scoping/summary");
    let rows: Vec<String> = app.labels(".sh-summary-row");
    assert_eq!(
        rows,
        [
            "Who is affected?Just one person",
            "User namepat@contoso.com",
            "How many?12",
            "Since when?2024-05-01 10:30",
            "Any error?Yes, an error",
            "Error textEvent 611 failed",
            "What do they share?Not answered",
            "RegionMars",
            "TriedFull sync, Restarted",
            "VersionNot answered",
        ]
    );
    app.unmount();
}

#[wasm_bindgen_test]
async fn conditions_turn_fields_on_and_off_and_hidden_values_leave_the_summary() {
    let app = open_fresh().await;
    assert!(app.find("#sh-field-upn").is_none());
    click_el(&app, "#sh-field-who-1").await;
    assert!(field_ids(&app).contains(&"upn".to_string()));
    type_in(&app, "#sh-field-upn", "pat@contoso.com").await;
    select(&app, "#sh-field-seen", "yes").await;
    // Both conditions of the nested field hold.
    assert_eq!(
        &field_ids(&app)[..6],
        ["who", "upn", "count", "since", "seen", "error_text"]
    );
    assert!(field_ids(&app).contains(&"nested".to_string()));
    type_in(&app, "#sh-field-nested", "Same OU").await;
    select(&app, "#sh-field-seen", "no").await;
    assert!(app.find("#sh-field-nested").is_none() && app.find("#sh-field-error_text").is_none());
    click_el(&app, "#sh-field-who").await;
    assert!(app.find("#sh-field-upn").is_none());
    // Back on: the kept answer returns.
    click_el(&app, "#sh-field-who-1").await;
    assert_eq!(value_of(&app, "#sh-field-upn"), "pat@contoso.com");
    click_el(&app, "#sh-field-who").await;

    app.click("Submit").await;
    app.expect_text(".sh-summary-heading", "Your problem description")
        .await;
    let summary = app.text(".sh-summary").unwrap();
    assert!(
        !summary.contains("pat@contoso.com") && !summary.contains("Same OU"),
        "{summary}"
    );
    assert!(!summary.contains("User name") && !summary.contains("What do they share?"));
    assert_eq!(app.labels(".sh-summary dt")[0], "Who is affected?");
    assert_eq!(app.labels(".sh-summary dd")[0], "Everyone");
    app.unmount();
}

#[wasm_bindgen_test]
async fn blur_shows_a_message_next_to_the_field() {
    let app = open_fresh().await;
    leave(&app, "#sh-field-seen").await;
    assert_eq!(
        app.text("#sh-field-seen-error").as_deref(),
        Some("Error: Choose an option for “Any error?”.")
    );
    assert_eq!(
        attr(&app, "#sh-field-seen", "aria-invalid").as_deref(),
        Some("true")
    );
    assert_eq!(
        attr(&app, "#sh-field-seen", "aria-describedby").as_deref(),
        Some("sh-field-seen-error")
    );
    assert!(el(&app, "[data-field-id=seen]")
        .class_list()
        .contains("sh-field-invalid"));
    select(&app, "#sh-field-seen", "no").await;
    assert!(app.find("#sh-field-seen-error").is_none());
    assert_eq!(attr(&app, "#sh-field-seen", "aria-invalid"), None);

    // A group is checked when focus leaves it.
    leave(&app, "#sh-field-who").await;
    assert_eq!(
        app.text("#sh-field-who-error").as_deref(),
        Some("Error: Choose an option for “Who is affected?”.")
    );
    assert_eq!(
        attr(&app, "[data-field-id=who]", "aria-describedby").as_deref(),
        Some("sh-field-who-hint sh-field-who-error")
    );

    // Each rule, on leaving the field.
    click_el(&app, "#sh-field-who-1").await;
    type_in(&app, "#sh-field-upn", "not-a-upn").await;
    leave(&app, "#sh-field-upn").await;
    assert_eq!(
        app.text("#sh-field-upn-error").as_deref(),
        Some("Error: Enter a UPN like a@b.c")
    );
    type_in(&app, "#sh-field-upn", "pat@contoso.com").await;
    assert!(
        app.find("#sh-field-upn-error").is_none(),
        "fixed as it is typed"
    );
    for (value, message) in [
        ("twelve", "“How many?” must be a number, like 25."),
        ("0", "“How many?” must be a number greater than 0."),
    ] {
        type_in(&app, "#sh-field-count", value).await;
        leave(&app, "#sh-field-count").await;
        assert_eq!(
            app.text("#sh-field-count-error").as_deref(),
            Some(&*format!("Error: {message}"))
        );
    }
    type_in(&app, "#sh-field-since", "2019-05-01T10:30").await;
    leave(&app, "#sh-field-since").await;
    assert_eq!(
        app.text("#sh-field-since-error").as_deref(),
        Some("Error: “Since when?” must be after 2020-01-01.")
    );
    select(&app, "#sh-field-seen", "yes").await;
    type_in(
        &app,
        "#sh-field-error_text",
        "This error text is far too long",
    )
    .await;
    assert_eq!(
        app.text("#sh-field-error_text-count").as_deref(),
        Some("31 / 20 (11 too many)")
    );
    leave(&app, "#sh-field-error_text").await;
    assert_eq!(
        app.text("#sh-field-error_text-error").as_deref(),
        Some("Error: “Error text” must be 20 characters or fewer.")
    );
    // A pattern the browser cannot read is skipped, not fatal.
    type_in(&app, "#sh-field-broken", "1.2.3").await;
    leave(&app, "#sh-field-broken").await;
    assert!(app.find("#sh-field-broken-error").is_none());
    // Hiding a field takes its message away.
    select(&app, "#sh-field-seen", "no").await;
    assert!(app.find("#sh-field-error_text-error").is_none());
    app.unmount();
}

#[wasm_bindgen_test]
async fn submit_shows_an_error_summary_that_takes_focus_and_links_to_fields() {
    let app = open_fresh().await;
    click_el(&app, "#sh-field-who-1").await;
    type_in(&app, "#sh-field-upn", "bad").await;
    type_in(&app, "#sh-field-count", "-3").await;
    app.click("Submit").await;
    let summary = wait_for("the error summary", || app.find(".sh-error-summary")).await;
    assert_eq!(summary.get_attribute("role").as_deref(), Some("alert"));
    assert_eq!(summary.get_attribute("tabindex").as_deref(), Some("-1"));
    assert_eq!(
        document().active_element().as_ref(),
        Some(&summary),
        "the summary has focus"
    );
    assert_eq!(
        app.text(".sh-error-summary h2").as_deref(),
        Some("There is a problem")
    );
    assert_eq!(
        app.labels(".sh-error-summary a"),
        [
            "Enter a UPN like a@b.c",
            "“How many?” must be a number greater than 0.",
            "Choose an option for “Any error?”.",
        ]
    );
    let hrefs: Vec<_> = app
        .find_all(".sh-error-summary a")
        .iter()
        .filter_map(|a| a.get_attribute("href"))
        .collect();
    assert_eq!(
        hrefs,
        ["#sh-field-upn", "#sh-field-count", "#sh-field-seen"]
    );
    assert_eq!(
        hash(),
        "#/article/scoping",
        "no summary while there are errors"
    );

    // A link moves focus to its field and leaves the address alone.
    click_el(&app, ".sh-error-summary li:nth-child(2) a").await;
    assert_eq!(active_id().as_deref(), Some("sh-field-count"));
    assert_eq!(hash(), "#/article/scoping");

    // Fixed answers leave the list; the last fix takes the summary away.
    type_in(&app, "#sh-field-count", "4").await;
    assert_eq!(app.find_all(".sh-error-summary a").len(), 2);
    type_in(&app, "#sh-field-upn", "a@b").await;
    select(&app, "#sh-field-seen", "no").await;
    assert!(app.find(".sh-error-summary").is_none());
    app.unmount();
}

async fn blob_text(blobs: &js_sys::Array, n: u32) -> String {
    let blob: web_sys::Blob = blobs.get(n).unchecked_into();
    assert!(!blob.type_().is_empty());
    JsFuture::from(blob.text())
        .await
        .unwrap()
        .as_string()
        .unwrap()
}

#[wasm_bindgen_test]
async fn the_summary_page_and_its_actions() {
    let app = open_fresh().await;
    js_sys::eval(
        "Object.defineProperty(navigator, 'clipboard', { configurable: true, value: \
           { writeText: t => { window.__copied = t; return Promise.resolve(); } } });\
         window.__blobs = []; window.__names = [];\
         if (!window.__wrapped) { window.__wrapped = true;\
           const create = URL.createObjectURL;\
           URL.createObjectURL = b => { window.__blobs.push(b); return create.call(URL, b); };\
           document.addEventListener('click', e => { const a = e.target;\
             if (a.tagName === 'A' && a.hasAttribute('download')) {\
               window.__names.push(a.getAttribute('download')); e.preventDefault(); } }, true); }",
    )
    .unwrap();
    fill_required(&app).await;
    type_in(&app, "#sh-field-count", "3").await;
    app.click("Submit").await;
    app.expect_text(".sh-summary-heading", "Your problem description")
        .await;
    assert_eq!(
        app.labels(".sh-summary dt")[..3],
        ["Who is affected?", "How many?", "Since when?"]
    );
    assert_eq!(
        app.labels(".sh-summary dd")[..3],
        ["Everyone", "3", "Not answered"]
    );
    // The form's attachment hint comes with the answers handed to support.
    assert_eq!(
        app.text(".sh-attachment-hint").as_deref(),
        Some("Files to attach: A photo of the printer's display")
    );

    let expected_text = "Describe the printer problem\n============================\n\n\
        Who is affected?\nEveryone\n\nHow many?\n3\n\nSince when?\nNot answered\n\n\
        Any error?\nNo error\n\nRegion\nNot answered\n\nTried\nNot answered\n\n\
        Version\nNot answered\n";
    app.click("Copy summary").await;
    app.expect_text(".sh-copy-status", "Copied").await;
    let copied = js_sys::Reflect::get(&web_sys::window().unwrap(), &"__copied".into()).unwrap();
    assert_eq!(copied.as_string().as_deref(), Some(expected_text));

    app.click("Download as text").await;
    app.click("Download as JSON").await;
    let window = web_sys::window().unwrap();
    let names = js_sys::Reflect::get(&window, &"__names".into()).unwrap();
    assert_eq!(
        js_sys::JSON::stringify(&names)
            .unwrap()
            .as_string()
            .as_deref(),
        Some(r#"["describe-the-printer-problem.txt","describe-the-printer-problem.json"]"#)
    );
    let blobs: js_sys::Array = js_sys::Reflect::get(&window, &"__blobs".into())
        .unwrap()
        .into();
    assert_eq!(blob_text(&blobs, 0).await, expected_text);
    let json = blob_text(&blobs, 1).await;
    assert!(json.starts_with(r#"{"articleId":"scoping","title":"Describe the printer problem","answers":[{"id":"who","label":"Who is affected?","value":"all","text":"Everyone"}"#), "{json}");

    let mail = attr(&app, ".sh-email", "href").unwrap();
    assert!(mail.starts_with("mailto:help@example.com?subject=Describe%20the%20printer%20problem&body=Describe%20the%20printer%20problem%0D%0A"), "{mail}");
    assert_eq!(app.text(".sh-email").as_deref(), Some("Email support"));

    // Edit answers keeps them; Start over clears them.
    app.click("Edit answers").await;
    wait_for("the form", || app.find(".sh-form")).await;
    assert_eq!(hash(), "#/article/scoping");
    assert!(el(&app, "#sh-field-who")
        .unchecked_into::<HtmlInputElement>()
        .checked());
    assert_eq!(value_of(&app, "#sh-field-count"), "3");
    app.click("Submit").await;
    app.expect_text(".sh-summary-heading", "Your problem description")
        .await;
    app.click("Start over").await;
    wait_for("the form", || app.find(".sh-form")).await;
    assert_eq!(hash(), "#/article/scoping");
    assert!(!el(&app, "#sh-field-who")
        .unchecked_into::<HtmlInputElement>()
        .checked());
    assert_eq!(value_of(&app, "#sh-field-count"), "");
    assert_eq!(value_of(&app, "#sh-field-seen"), "");
    app.unmount();
}

#[wasm_bindgen_test]
async fn a_valid_submit_sends_the_submit_event_with_the_answers() {
    storage().clear().unwrap();
    let (emitter, seen) = recording_emitter();
    let mut props =
        selfhelp_widget::AppProps::new(linked(&form_bundle()), Some("help@example.com".into()));
    props.emitter = emitter;
    let app = mount_props(FORM, props).await;
    wait_for("the form", || app.find(".sh-form")).await;
    let submits = || -> Vec<String> {
        seen.borrow()
            .iter()
            .filter(|(name, _)| name == "submit")
            .map(|(_, json)| json.clone())
            .collect()
    };
    app.click("Submit").await;
    assert!(submits().is_empty(), "no event for an invalid form");
    fill_required(&app).await;
    click_el(&app, "#sh-field-tried-1").await;
    click_el(&app, "#sh-field-tried").await;
    select(&app, "#sh-field-region", "__sh_other__").await;
    type_in(&app, "#sh-field-region-other", "Mars \"north\"").await;
    app.click("Submit").await;
    app.expect_text(".sh-summary-heading", "Your problem description")
        .await;
    let events = submits();
    assert_eq!(events.len(), 1);
    assert_eq!(
        events[0],
        concat!(
            r#"{"articleId":"scoping","title":"Describe the printer problem","answers":["#,
            r#"{"id":"who","label":"Who is affected?","value":"all","text":"Everyone"},"#,
            r#"{"id":"count","label":"How many?","value":"","text":"Not answered"},"#,
            r#"{"id":"since","label":"Since when?","value":"","text":"Not answered"},"#,
            r#"{"id":"seen","label":"Any error?","value":"no","text":"No error"},"#,
            r#"{"id":"region","label":"Region","value":"Mars \"north\"","text":"Mars \"north\""},"#,
            r#"{"id":"tried","label":"Tried","value":"b, a","text":"Full sync, Restarted"},"#,
            r#"{"id":"broken","label":"Version","value":"","text":"Not answered"}]}"#
        )
    );
    // The form's own view came before, and the summary's after.
    let views: Vec<String> = seen
        .borrow()
        .iter()
        .filter(|(name, _)| name == "view")
        .map(|(_, json)| json.clone())
        .collect();
    assert!(
        views
            .first()
            .is_some_and(|v| v.contains(r#""step":"form""#)),
        "{views:?}"
    );
    assert!(
        views
            .last()
            .is_some_and(|v| v.contains(r#""step":"summary""#)),
        "{views:?}"
    );
    app.unmount();
}

#[wasm_bindgen_test]
async fn answers_survive_a_reload_until_submitted() {
    let app = open_fresh().await;
    click_el(&app, "#sh-field-who-1").await;
    type_in(&app, "#sh-field-upn", "pat@contoso.com").await;
    click_el(&app, "#sh-field-tried-1").await;
    select(&app, "#sh-field-seen", "no").await;
    assert!(storage().get_item(STORAGE_KEY).unwrap().is_some());
    app.unmount();

    // A new widget on the same page session: the answers are back.
    let app = open(FORM).await;
    assert!(el(&app, "#sh-field-who-1")
        .unchecked_into::<HtmlInputElement>()
        .checked());
    assert_eq!(value_of(&app, "#sh-field-upn"), "pat@contoso.com");
    assert!(el(&app, "#sh-field-tried-1")
        .unchecked_into::<HtmlInputElement>()
        .checked());
    assert_eq!(value_of(&app, "#sh-field-seen"), "no");
    app.click("Submit").await;
    app.expect_text(".sh-summary-heading", "Your problem description")
        .await;
    assert_eq!(
        storage().get_item(STORAGE_KEY).unwrap(),
        None,
        "forgotten once submitted"
    );
    app.unmount();

    // Another version of the article does not pick up these answers.
    storage()
        .set_item("selfhelp:form:scoping:other-hash", "a.who=one")
        .unwrap();
    let app = open(FORM).await;
    assert!(!el(&app, "#sh-field-who-1")
        .unchecked_into::<HtmlInputElement>()
        .checked());
    app.unmount();
}

#[wasm_bindgen_test]
async fn a_summary_address_before_a_submit_shows_the_questions() {
    storage().clear().unwrap();
    let app = open("#/article/scoping/summary").await;
    wait_for("the form", || app.find(".sh-form")).await;
    wait_for("the address", || {
        (hash() == "#/article/scoping").then_some(())
    })
    .await;
    assert!(app.find(".sh-summary").is_none());
    app.unmount();
}

#[wasm_bindgen_test]
async fn addresses_that_do_not_fit_the_article_are_corrected() {
    storage().clear().unwrap();
    // A tree has no summary; a form has no answer path.
    for (hash, corrected) in [
        ("#/article/printer/summary", "#/article/printer@00000000"),
        ("#/article/scoping/0.y", "#/article/scoping"),
    ] {
        let source = linked(&form_bundle());
        let app = mount_at(hash, source, None).await;
        wait_for("the address to be corrected", || {
            (self::hash() == corrected).then_some(())
        })
        .await;
        assert!(app.find(".sh-question, .sh-form").is_some());
        app.unmount();
    }
}

#[wasm_bindgen_test]
async fn a_tree_that_is_not_solved_offers_its_form() {
    storage().clear().unwrap();
    let source = linked(&form_bundle());
    let app = mount_at("#/article/printer/0.n.n", source, Some("help@example.com")).await;
    app.expect_text(".sh-question", "Still not solved?").await;
    let link = wait_for("the form link", || app.find(".sh-scoping-link")).await;
    assert_eq!(
        link.text_content().as_deref(),
        Some("Describe your problem to support")
    );
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("#/article/scoping")
    );
    assert!(
        app.find(".sh-contact-link").is_some(),
        "the email contact stays"
    );
    click_el(&app, ".sh-scoping-link").await;
    wait_for("the form", || app.find(".sh-form")).await;
    app.expect_text("h1", "Describe the printer problem").await;
    assert_eq!(
        active_id().as_deref(),
        Some(""),
        "focus on the heading, which has no id"
    );
    assert!(document()
        .active_element()
        .is_some_and(|e| e.class_list().contains("sh-form-heading")));
    app.unmount();

    // Without a form on the same topic, only the contact is offered.
    let mut bundle = form_bundle();
    bundle.articles[0].meta.support_topic_ids = vec!["99".into()];
    let source = linked(&bundle);
    let app = mount_at("#/article/printer/0.n.n", source, None).await;
    app.expect_text(".sh-question", "Still not solved?").await;
    assert!(app.find(".sh-scoping-link").is_none());
    app.unmount();
}

#[wasm_bindgen_test]
async fn a_panic_marks_the_root_and_shows_a_message() {
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    root.append_child(&document().create_element("p").unwrap())
        .unwrap();
    selfhelp_widget::panic::report_panic(&root, "panicked at widget/src/x.rs: boom");
    selfhelp_widget::panic::report_panic(&root, "panicked again");
    assert_eq!(
        root.get_attribute("data-sh-panic").as_deref(),
        Some("panicked again")
    );
    let errors = root.query_selector_all(".sh-error").unwrap();
    assert_eq!(errors.length(), 1, "one message, however many panics");
    let first = root.first_element_child().unwrap();
    assert!(first.class_list().contains("sh-error"));
    assert_eq!(first.get_attribute("role").as_deref(), Some("alert"));
    assert_eq!(
        first.text_content().as_deref(),
        Some(selfhelp_widget::panic::PANIC_MESSAGE)
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn a_form_without_questions_still_submits() {
    storage().clear().unwrap();
    let mut bundle = form_bundle();
    bundle.articles[1].body = ArticleBody::Form(Form::default());
    let _ = Block::Rule;
    let app = mount_at(FORM, linked(&bundle), None).await;
    app.expect_text(".sh-empty", "This form has no questions.")
        .await;
    app.click("Submit").await;
    app.expect_text(".sh-summary-heading", "Your problem description")
        .await;
    assert!(app.find(".sh-email").is_none(), "no address, no email link");
    app.unmount();
}
