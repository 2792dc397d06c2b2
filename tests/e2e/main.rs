//! End-to-end: the release site built by `cargo xtask test`, served on 127.0.0.1 and
//! played in headless Chromium through chromedriver, the way a visitor would.
//!
//! `cargo xtask test` builds the site and passes it in `SELFHELP_DIST`; run alone, without
//! it, these tests say so and pass without checking anything.

mod browser;
mod corpus_articles;
mod embed;
mod forms;
mod host;
mod site;

use std::path::PathBuf;

use browser::Browser;
use site::Site;

const SEED_ID: &str = "dcb1cb39-ac8b-4542-9575-9f52ff11cecf";
const SEED_TITLE: &str = "Password hash sync not working";
const SPECIFIC_USER: &str = "Password synchronization does not work for specific user";
const GENERAL_CASE: &str = "None of these (the general case)";

fn dist() -> Option<PathBuf> {
    match std::env::var_os("SELFHELP_DIST") {
        Some(dir) => Some(PathBuf::from(dir)),
        None => {
            eprintln!(
                "skipping end-to-end test: SELFHELP_DIST is not set (cargo xtask test sets it)"
            );
            None
        }
    }
}

/// The site served and a browser to visit it; `None` (skip) without `SELFHELP_DIST`.
async fn session() -> Option<(Site, Browser)> {
    let dist = dist()?;
    Some((Site::serve(&dist), Browser::start().await))
}

async fn open_seed(browser: &Browser, site: &Site) {
    browser.open(&site.url).await;
    browser.expect_text("h1", "How can we help?").await;
    browser.click_css(".sh-products a").await;
    let link = browser.find(".sh-articles a").await;
    assert_eq!(link.text().await.unwrap(), SEED_TITLE);
    link.click().await.unwrap();
    browser.expect_text("h1", SEED_TITLE).await;
    browser
        .expect_text(".sh-question", "Which situation fits?")
        .await;
}

async fn assert_focus_on_question(browser: &Browser) {
    let focused = browser
        .script(&format!("{} return e && e.className", browser::DEEP_ACTIVE))
        .await;
    assert!(
        focused.as_str().unwrap_or_default().contains("sh-question"),
        "focus is on {focused:?}, not on the question"
    );
}

#[tokio::test]
async fn general_case_rules_out_every_cause_and_reaches_the_fallback() {
    let Some((site, browser)) = session().await else {
        return;
    };
    open_seed(&browser, &site).await;
    assert_eq!(browser.answer_labels().await, [SPECIFIC_USER, GENERAL_CASE]);
    assert_eq!(
        browser.text(".sh-progress-label").await.as_deref(),
        Some("Step 1")
    );

    browser.click_button(GENERAL_CASE).await;
    browser
        .expect_text(".sh-question", "Is this the cause?")
        .await;
    assert!(browser
        .text(".sh-step")
        .await
        .unwrap()
        .contains("Replicate Directory Changes All"));
    assert_eq!(browser.answer_labels().await, ["This is it", "Rule it out"]);
    assert_focus_on_question(&browser).await;
    browser.expect_text(".sh-live", "Is this the cause?").await;

    let causes = [
        "Federation with AD FS",
        "connectivity issue",
        "staging mode",
    ];
    for (step, cause) in causes.iter().enumerate() {
        browser.click_button("Rule it out").await;
        browser
            .expect_text(".sh-progress-label", &format!("Step {}", step + 3))
            .await;
        assert!(
            browser.text(".sh-step").await.unwrap().contains(cause),
            "step about {cause}"
        );
    }
    browser.click_button("Rule it out").await;
    browser.expect_text(".sh-question", "Try this").await;
    let link = browser
        .find(".sh-step a[href*='no-passwords-are-synchronized']")
        .await;
    assert_eq!(
        link.attr("target").await.unwrap().as_deref(),
        Some("_blank")
    );
    assert!(link
        .text()
        .await
        .unwrap()
        .contains("No passwords are synchronized"));
    assert_focus_on_question(&browser).await;

    browser.click_button("Yes, it's solved").await;
    browser
        .expect_text(".sh-question", "Glad it's solved")
        .await;
    browser.screenshot("seed-solved.png").await;
    browser.close().await;
}

#[tokio::test]
async fn specific_user_cause_offers_both_fixes_then_support_when_not_solved() {
    let Some((site, browser)) = session().await else {
        return;
    };
    open_seed(&browser, &site).await;

    browser.click_button(SPECIFIC_USER).await;
    browser
        .expect_text(".sh-question", "Is this the cause?")
        .await;
    assert!(browser
        .text(".sh-step")
        .await
        .unwrap()
        .contains("User must change password at next logon"));
    browser.click_button("This is it").await;
    browser.expect_text(".sh-question", "Try this").await;
    let alternatives = browser.find_all(".sh-alternatives > li").await;
    assert_eq!(alternatives.len(), 2);
    assert!(alternatives[0]
        .text()
        .await
        .unwrap()
        .contains("change the password"));
    assert!(alternatives[1]
        .text()
        .await
        .unwrap()
        .contains("administrator update"));
    browser.screenshot("seed-resolution.png").await;

    browser.click_button("No, it's not solved").await;
    browser
        .expect_text(".sh-question", "Still not solved?")
        .await;
    let reading = browser.find(".sh-further-reading a").await;
    assert_eq!(
        reading.text().await.unwrap(),
        "Troubleshoot password hash synchronization with Azure AD Connect sync"
    );
    let contact = browser.find(".sh-contact-link").await;
    assert_eq!(
        contact.attr("href").await.unwrap().as_deref(),
        Some("mailto:support@example.com")
    );
    browser.screenshot("seed-not-solved.png").await;
    browser.close().await;
}

#[tokio::test]
async fn back_start_over_and_the_browser_back_button() {
    let Some((site, browser)) = session().await else {
        return;
    };
    open_seed(&browser, &site).await;

    browser.click_button(SPECIFIC_USER).await;
    browser.click_button("Rule it out").await;
    browser.expect_text(".sh-progress-label", "Step 3").await;
    assert!(browser
        .text(".sh-step")
        .await
        .unwrap()
        .contains("not correctly configured"));

    browser.click_button("Back").await;
    browser.expect_text(".sh-progress-label", "Step 2").await;
    assert!(browser
        .text(".sh-step")
        .await
        .unwrap()
        .contains("User must change password"));
    assert_focus_on_question(&browser).await;

    browser.click_button("Start over").await;
    browser
        .expect_text(".sh-question", "Which situation fits?")
        .await;
    assert_eq!(
        browser.current_hash().await,
        format!("#/article/{SEED_ID}@{}", seed_version())
    );

    browser.click_button(GENERAL_CASE).await;
    browser.click_button("Rule it out").await;
    browser.expect_text(".sh-progress-label", "Step 3").await;
    assert!(browser
        .text(".sh-step")
        .await
        .unwrap()
        .contains("Federation with AD FS"));
    browser.client.back().await.unwrap();
    browser.expect_text(".sh-progress-label", "Step 2").await;
    assert!(browser
        .text(".sh-step")
        .await
        .unwrap()
        .contains("Replicate Directory Changes"));
    browser.client.back().await.unwrap();
    browser
        .expect_text(".sh-question", "Which situation fits?")
        .await;

    browser.find(".sh-nav a").await.click().await.unwrap();
    browser.expect_text("h1", "How can we help?").await;
    browser.close().await;
}

#[tokio::test]
async fn deep_links_open_an_article_and_an_answer_path() {
    let Some((site, browser)) = session().await else {
        return;
    };

    browser
        .open(&format!("{}#/article/{SEED_ID}", site.url))
        .await;
    browser
        .expect_text(".sh-question", "Which situation fits?")
        .await;

    browser
        .open(&format!("{}#/article/{SEED_ID}/1.n.n", site.url))
        .await;
    browser.expect_text(".sh-progress-label", "Step 4").await;
    assert!(browser
        .text(".sh-step")
        .await
        .unwrap()
        .contains("connectivity issue"));

    browser
        .open(&format!("{}#/article/no-such-article", site.url))
        .await;
    let error = browser.find(".sh-error").await;
    assert!(error.text().await.unwrap().contains("no-such-article"));
    browser.close().await;
}

/// The version the seed's addresses carry: the start of its source's hash.
fn seed_version() -> String {
    let seed =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../content/phs-not-working.md");
    let bytes = std::fs::read(seed).expect("the seed article");
    selfhelp_compiler::lower::hex_sha256(&bytes)[..8].to_string()
}

/// A copy of a built site, files and folders, to damage.
pub fn copy_site(dist: &std::path::Path) -> tempfile::TempDir {
    let copy = tempfile::tempdir().unwrap();
    copy_dir(dist, copy.path());
    copy
}

fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            std::fs::copy(&path, target).unwrap();
        }
    }
}

#[tokio::test]
async fn a_broken_or_missing_bundle_shows_a_message_not_a_blank_page() {
    let Some(dist) = dist() else { return };
    let copy = copy_site(&dist);
    std::fs::write(copy.path().join("bundle.bin"), b"<html>not a bundle</html>").unwrap();
    let site = Site::serve(copy.path());
    let browser = Browser::start().await;
    browser.open(&site.url).await;
    let error = browser.find(".sh-error").await;
    assert!(error
        .text()
        .await
        .unwrap()
        .contains("not a selfhelp bundle"));

    std::fs::remove_file(copy.path().join("bundle.bin")).unwrap();
    browser.open(&format!("{}?missing", site.url)).await;
    let error = browser.find(".sh-error").await;
    assert!(
        error.text().await.unwrap().contains("404"),
        "{:?}",
        error.text().await
    );
    browser.close().await;
}

#[tokio::test]
async fn a_visited_article_opens_offline() {
    let Some(dist) = dist() else { return };
    let copy = copy_site(&dist);
    let site = Site::serve(copy.path());
    let browser = Browser::start().await;
    let article = format!("{}#/article/{SEED_ID}", site.url);
    browser.open(&article).await;
    browser
        .expect_text(".sh-question", "Which situation fits?")
        .await;
    // The worker controls the page and has kept the article's chunk.
    browser
        .wait_until(
            "the service worker",
            "return !!navigator.serviceWorker.controller",
        )
        .await;
    let kept = "const done = arguments[arguments.length - 1]; \
        (async () => { const names = await caches.keys(); \
          for (const name of names) { const cache = await caches.open(name); \
            for (const request of await cache.keys()) if (request.url.includes('/chunks/')) return true; } \
          return false; })().then(done);";
    let started = std::time::Instant::now();
    loop {
        let value = browser.client.execute_async(kept, vec![]).await.unwrap();
        if value == serde_json::json!(true) {
            break;
        }
        assert!(
            started.elapsed().as_secs() < 15,
            "the chunk was never cached"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    // The worker kept what the page had fetched without asking the host again (a host
    // that sends no cache headers, like this one, would otherwise send the whole app
    // twice on a first visit), and it did not fetch the search engine for a visitor who
    // has not searched.
    browser
        .wait_until(
            "the worker's install",
            "return navigator.serviceWorker.controller.state === 'activated'",
        )
        .await;
    let requested = site.requested();
    let hashed = |url: &&String| {
        let name = url.rsplit('/').next().unwrap_or_default();
        let stem = name.split('.').next().unwrap_or_default();
        let hash = stem.trim_end_matches("_bg");
        hash.len() >= 16
            && hash[hash.len() - 16..]
                .bytes()
                .all(|b| b.is_ascii_hexdigit())
    };
    let app: Vec<&String> = requested.iter().filter(hashed).collect();
    assert!(
        app.iter().any(|url| url.ends_with("_bg.wasm"))
            && app.iter().any(|url| url.contains("/chunks/")),
        "the widget and the article's chunk were fetched: {requested:?}"
    );
    for url in &app {
        let times = requested.iter().filter(|other| other == url).count();
        assert_eq!(times, 1, "{url} was fetched {times} times: {requested:?}");
    }
    assert!(
        !requested.iter().any(|url| url.contains("/search")),
        "the search engine or index was fetched before anyone searched: {requested:?}"
    );
    // Offline: the server is gone. The page and the article still open, from the worker.
    site.stop();
    browser.client.refresh().await.unwrap();
    browser
        .expect_text(".sh-question", "Which situation fits?")
        .await;
    browser.click_button(SPECIFIC_USER).await;
    browser
        .expect_text(".sh-question", "Is this the cause?")
        .await;
    browser.close().await;
}

const TAB: &str = "\u{E004}";
const ENTER: &str = "\u{E007}";

/// Presses Tab until the focused element's text is `label`, then Enter.
async fn tab_to_and_enter(browser: &Browser, label: &str) {
    for _ in 0..40 {
        browser.press(TAB).await;
        let focused = browser
            .script(&format!(
                "{} return e ? e.textContent.trim() : ''",
                browser::DEEP_ACTIVE
            ))
            .await;
        if focused.as_str() == Some(label) {
            browser.press(ENTER).await;
            return;
        }
    }
    panic!("Tab never reached {label:?}");
}

#[tokio::test]
async fn the_library_browses_by_keyboard_and_axe_finds_nothing() {
    let Some((site, browser)) = session().await else {
        return;
    };
    browser.open(&site.url).await;
    browser.expect_text("h1", "How can we help?").await;
    let axe_js = host::axe_source();
    let check = |page: &'static str| {
        let browser = &browser;
        let axe_js = axe_js.clone();
        async move {
            if let Some(source) = axe_js {
                let violations = host::axe(browser, &source).await;
                assert!(violations.is_empty(), "{page}:\n{}", violations.join("\n"));
            }
        }
    };
    check("the start page").await;
    assert_eq!(
        browser.text(".sh-products .sh-count").await.as_deref(),
        Some("2 articles")
    );
    // The filters narrow the counts.
    let select = browser.find(".sh-filter-kind").await;
    select.select_by_value("questionnaire").await.unwrap();
    browser
        .expect_text(".sh-products .sh-count", "1 article")
        .await;
    assert!(browser.current_hash().await.contains("kind=questionnaire"));
    browser
        .find(".sh-filter-kind")
        .await
        .select_by_value("")
        .await
        .unwrap();
    browser
        .expect_text(".sh-products .sh-count", "2 articles")
        .await;

    let product = browser.text(".sh-products a").await.unwrap();
    tab_to_and_enter(&browser, &product).await;
    browser.expect_text("h1", &product).await;
    check("a product page").await;
    tab_to_and_enter(&browser, SEED_TITLE).await;
    browser
        .expect_text(".sh-question", "Which situation fits?")
        .await;
    check("an article").await;
    tab_to_and_enter(&browser, SPECIFIC_USER).await;
    browser
        .expect_text(".sh-question", "Is this the cause?")
        .await;
    browser.close().await;
}

#[tokio::test]
async fn search_finds_through_a_typo_and_opens_the_matching_step() {
    let Some((site, browser)) = session().await else {
        return;
    };
    browser.open(&site.url).await;
    browser.expect_text("h1", "How can we help?").await;
    // The engine is a module of its own: a visit that has not searched has not fetched it.
    let engine_fetched = "return performance.getEntriesByType('resource')\
        .some((r) => /\\/search-[0-9a-f]{16}_bg\\.wasm$/.test(r.name))";
    assert_eq!(
        browser.script(engine_fetched).await,
        serde_json::json!(false),
        "the search engine was fetched before anyone searched"
    );
    // `/` goes to the search field from anywhere on the page.
    browser.press("/").await;
    let focused = browser
        .script(&format!("{} return e ? e.id : ''", browser::DEEP_ACTIVE))
        .await;
    assert_eq!(focused, serde_json::json!("sh-search-input"));
    assert_eq!(
        browser
            .script(&format!("{} return e.value", browser::DEEP_ACTIVE))
            .await,
        serde_json::json!(""),
        "the `/` that focused the field was typed into it"
    );
    // A typo in the first word, the scenario's words after it.
    browser.press("pasword sync for a specific user").await;
    let first = browser.find("#sh-search-option-0 .sh-search-title").await;
    assert_eq!(first.text().await.unwrap(), SEED_TITLE);
    assert_eq!(
        browser.script(engine_fetched).await,
        serde_json::json!(true)
    );
    let input = browser.find("#sh-search-input").await;
    assert_eq!(
        input.attr("aria-expanded").await.unwrap().as_deref(),
        Some("true")
    );
    // The matched words are marked, as elements.
    assert!(!browser
        .find_all("#sh-search-option-0 mark")
        .await
        .is_empty());
    browser
        .wait_until(
            "the count to be announced",
            &format!(
                "{} return /result/.test(W.querySelector('.sh-search-status').textContent)",
                browser::WIDGET
            ),
        )
        .await;
    browser.press("\u{E015}").await; // ArrowDown
    assert_eq!(
        input
            .attr("aria-activedescendant")
            .await
            .unwrap()
            .as_deref(),
        Some("sh-search-option-0")
    );
    browser.press(ENTER).await;
    // The best match is the scenario: the article opens at the step it leads to.
    browser
        .expect_text(".sh-question", "Is this the cause?")
        .await;
    assert!(browser
        .text(".sh-step")
        .await
        .unwrap()
        .contains("User must change password at next logon"));
    assert_eq!(
        browser.current_hash().await,
        format!("#/article/{SEED_ID}@{}/0", seed_version())
    );

    // Enter without a pick: every result, with filters and their counts.
    let input = browser.find("#sh-search-input").await;
    input.clear().await.unwrap();
    input.send_keys("password hash sync").await.unwrap();
    browser.find("#sh-search-option-0").await;
    browser.press(ENTER).await;
    browser.expect_text("h1", "Search results").await;
    browser
        .wait_for_hash("#/search?q=password%20hash%20sync")
        .await;
    let results = browser.find_all(".sh-search-results > li").await;
    assert_eq!(results.len(), 2, "the tree and its form");
    let kinds = browser.text(".sh-filter-kind").await.unwrap_or_default();
    assert!(
        kinds.contains("Troubleshooters (1)") && kinds.contains("Questionnaires (1)"),
        "{kinds}"
    );
    browser
        .find(".sh-filter-kind")
        .await
        .select_by_value("questionnaire")
        .await
        .unwrap();
    browser.expect_text(".sh-search-count", "1 result").await;
    if let Some(source) = host::axe_source() {
        let violations = host::axe(&browser, &source).await;
        assert!(
            violations.is_empty(),
            "the search page:\n{}",
            violations.join("\n")
        );
    }
    // Nothing found: a suggestion or browsing.
    let input = browser.find("#sh-search-input").await;
    input.clear().await.unwrap();
    input.send_keys("zzzqqq").await.unwrap();
    browser.press(ENTER).await;
    browser.expect_text(".sh-search-count", "0 results").await;
    assert_eq!(
        browser
            .text(".sh-search-page a[href='#/']")
            .await
            .as_deref(),
        Some("Browse all products")
    );
    browser.close().await;
}

#[tokio::test]
async fn the_single_file_build_works_opened_from_disk() {
    let Some(file) = std::env::var_os("SELFHELP_SINGLE").map(PathBuf::from) else {
        eprintln!(
            "skipping the single-file test: SELFHELP_SINGLE is not set (cargo xtask test sets it)"
        );
        return;
    };
    let browser = Browser::start().await;
    let url = format!("file://{}", file.display());
    browser.open(&url).await;
    browser.expect_text("h1", "How can we help?").await;
    browser.click_css(".sh-products a").await;
    browser.click_css(".sh-articles a").await;
    browser
        .expect_text(".sh-question", "Which situation fits?")
        .await;
    browser.click_button(SPECIFIC_USER).await;
    browser
        .expect_text(".sh-question", "Is this the cause?")
        .await;
    // Deep links and search work from disk too.
    browser
        .open(&format!("{url}#/article/{SEED_ID}/1.n.n"))
        .await;
    browser.expect_text(".sh-progress-label", "Step 4").await;
    let input = browser.find("#sh-search-input").await;
    input.send_keys("password sync").await.unwrap();
    browser.find("#sh-search-option-0").await;
    let mut titles = Vec::new();
    for title in browser.find_all(".sh-search-option .sh-search-title").await {
        titles.push(title.text().await.unwrap());
    }
    assert!(titles.iter().any(|t| t == SEED_TITLE), "{titles:?}");
    browser.close().await;
}
