//! End-to-end: the widget embedded in host pages the way a support site would: several
//! on a page, popup and launcher, events, host values, themes, locales, a strict
//! Content-Security-Policy, host styles on both sides, and axe-core.

use serde_json::{json, Value};

use crate::browser::{Browser, DEEP_ACTIVE};
use crate::host::{
    axe, axe_source, element, events, text_in, text_is, wait_for, Host, DATABASE, DATABASE_TITLE,
    FORM,
};
use crate::site::Site;

/// A host page, served, and a browser on it.
async fn open(host: &Host, page: &str) -> (Site, Browser) {
    let site = Site::serve(host.path());
    let browser = Browser::start().await;
    browser.open(&format!("{}{page}", site.url)).await;
    (site, browser)
}

async fn click_in(browser: &Browser, widget: &str, css: &str) {
    let target = element(
        browser,
        &format!("return document.querySelector({widget:?}).shadowRoot.querySelector({css:?})"),
    )
    .await;
    target
        .click()
        .await
        .unwrap_or_else(|e| panic!("clicking {css} in {widget}: {e}"));
}

/// Clicks the button of widget `widget` whose text is `label`.
async fn click_button_in(browser: &Browser, widget: &str, label: &str) {
    let script = format!(
        "return [...(document.querySelector({widget:?})?.shadowRoot?.querySelectorAll('button') || [])]\
         .find(b => b.textContent.trim() === {label:?}) || null"
    );
    wait_for(browser, &format!("the button {label:?}"), &script).await;
    element(browser, &script)
        .await
        .click()
        .await
        .expect("click");
}

#[tokio::test]
async fn two_widgets_answer_on_their_own_and_leave_the_hosts_address_alone() {
    let Some(dist) = crate::dist() else { return };
    let host = Host::new(&dist);
    host.page(
        "two.html",
        "",
        &format!(
            "<h1 id=\"top\">Support</h1>\n\
             <selfhelp-widget id=\"one\" article=\"{DATABASE}\"></selfhelp-widget>\n\
             <selfhelp-widget id=\"two\"></selfhelp-widget>"
        ),
    );
    let (site, browser) = open(&host, "two.html#top").await;
    let history = browser.script("return history.length").await;
    wait_for(&browser, "widget one's article", &text_in("#one", "h1")).await;
    assert_eq!(
        browser.script(&text_in("#one", "h1")).await,
        json!(DATABASE_TITLE)
    );
    wait_for(
        &browser,
        "widget two's start page",
        &text_in("#two", ".sh-start h1"),
    )
    .await;

    click_button_in(&browser, "#one", "No, it's not solved").await;
    wait_for(
        &browser,
        "the next step",
        &text_is("#one", ".sh-question", "Is this the cause?"),
    )
    .await;
    // The other widget did not move, and the host's address and history are its own.
    assert_eq!(
        browser.script(&text_in("#two", ".sh-start h1")).await,
        json!("How can we help?")
    );
    assert_eq!(browser.current_hash().await, "#top");
    assert_eq!(browser.script("return history.length").await, history);

    // Widget two browses on its own.
    click_in(&browser, "#two", ".sh-products a").await;
    wait_for(
        &browser,
        "widget two's product",
        &text_in("#two", ".sh-articles a"),
    )
    .await;
    assert_eq!(
        browser.script(&text_in("#one", ".sh-question")).await,
        json!("Is this the cause?")
    );
    assert_eq!(browser.current_hash().await, "#top");

    // A reload keeps each widget's place (session storage, per widget id).
    browser.client.refresh().await.unwrap();
    wait_for(
        &browser,
        "widget one after the reload",
        &text_is("#one", ".sh-question", "Is this the cause?"),
    )
    .await;
    wait_for(
        &browser,
        "widget two after the reload",
        &text_in("#two", ".sh-articles a"),
    )
    .await;
    browser.close().await;
    drop(site);
}

#[tokio::test]
async fn popup_and_launcher_move_focus_in_close_on_escape_and_give_it_back() {
    let Some(dist) = crate::dist() else { return };
    let host = Host::new(&dist);
    host.file(
        "popup.js",
        &format!(
            "import selfhelp from './selfhelp.js';\n\
             const handle = selfhelp.mount(document.getElementById('popup'));\n\
             document.getElementById('opener').addEventListener('click', () => handle.open('{DATABASE}'));\n"
        ),
    );
    host.page(
        "popup.html",
        "<script type=\"module\" src=\"popup.js\"></script>",
        "<button id=\"opener\" type=\"button\">Help with the database</button>\n\
         <selfhelp-widget id=\"popup\" mode=\"popup\"></selfhelp-widget>\n\
         <selfhelp-widget id=\"launch\" mode=\"launcher\" label=\"Need help?\"></selfhelp-widget>",
    );
    let (_site, browser) = open(&host, "popup.html").await;
    let opener = browser.find_in_page("#opener").await;
    wait_for(&browser, "the module", "return !!window.selfhelp").await;
    opener.click().await.unwrap();
    wait_for(
        &browser,
        "the dialog",
        "return document.querySelector('#popup').shadowRoot.querySelector('dialog').open",
    )
    .await;
    assert_eq!(
        browser.script("return document.querySelector('#popup').shadowRoot.querySelector('dialog').matches(':modal')").await,
        json!(true),
        "a modal dialog: the page behind is inert"
    );
    assert_eq!(
        browser.script("return document.querySelector('#popup').shadowRoot.querySelector('dialog').getAttribute('aria-modal')").await,
        json!("true")
    );
    wait_for(
        &browser,
        "the article in the dialog",
        &text_in("#popup", "h1"),
    )
    .await;
    let inside = browser
        .script(&format!(
            "{DEEP_ACTIVE} return document.querySelector('#popup').shadowRoot.querySelector('dialog').contains(e)"
        ))
        .await;
    assert_eq!(inside, json!(true), "focus moved into the dialog");
    let close = element(
        &browser,
        "return document.querySelector('#popup').shadowRoot.querySelector('.sh-close')",
    )
    .await;
    close.send_keys("\u{E00C}").await.unwrap();
    wait_for(
        &browser,
        "the dialog to close",
        "return !document.querySelector('#popup').shadowRoot.querySelector('dialog').open",
    )
    .await;
    assert_eq!(
        browser.script(&format!("{DEEP_ACTIVE} return e.id")).await,
        json!("opener"),
        "focus returned"
    );

    // The launcher: a labelled button that opens its dialog, and gets focus back.
    assert_eq!(
        browser.script(&text_in("#launch", ".sh-launcher")).await,
        json!("Need help?")
    );
    click_in(&browser, "#launch", ".sh-launcher").await;
    wait_for(
        &browser,
        "the launcher's dialog",
        "return document.querySelector('#launch').shadowRoot.querySelector('dialog').open",
    )
    .await;
    wait_for(
        &browser,
        "the start page in it",
        &text_in("#launch", ".sh-start h1"),
    )
    .await;
    click_in(&browser, "#launch", ".sh-close").await;
    wait_for(
        &browser,
        "the dialog to close",
        "return !document.querySelector('#launch').shadowRoot.querySelector('dialog').open",
    )
    .await;
    assert_eq!(
        browser
            .script(&format!("{DEEP_ACTIVE} return e.className"))
            .await,
        json!("sh-launcher")
    );
    let opened: Vec<String> = events(&browser)
        .await
        .iter()
        .filter(|e| matches!(e["name"].as_str(), Some("open" | "close")))
        .map(|e| {
            format!(
                "{} {}",
                e["name"].as_str().unwrap_or(""),
                e["detail"]["instanceId"].as_str().unwrap_or("")
            )
        })
        .collect();
    assert_eq!(
        opened,
        ["open popup", "close popup", "open launch", "close launch"]
    );
    browser.close().await;
}

#[tokio::test]
async fn every_event_reaches_the_host_with_its_payload() {
    let Some(dist) = crate::dist() else { return };
    let host = Host::new(&dist);
    host.file(
        "events.js",
        "import selfhelp from './selfhelp.js';\n\
         window.__handled = [];\n\
         const handle = selfhelp.mount(document.getElementById('help'));\n\
         const stop = handle.on('*', (detail) => window.__handled.push(detail.type));\n\
         window.__stop = stop; window.__handle = handle;\n",
    );
    host.page(
        "events.html",
        "<script type=\"module\" src=\"events.js\"></script>",
        &format!(
            "<selfhelp-widget id=\"help\" article=\"{DATABASE}\"></selfhelp-widget>\n\
             <selfhelp-widget id=\"broken\" bundle=\"missing/bundle.bin\"></selfhelp-widget>"
        ),
    );
    let (_site, browser) = open(&host, "events.html").await;
    wait_for(
        &browser,
        "the first step",
        &text_in("#help", ".sh-question"),
    )
    .await;
    click_button_in(&browser, "#help", "No, it's not solved").await;
    click_button_in(&browser, "#help", "This is it").await;
    click_button_in(&browser, "#help", "Yes, it's solved").await;
    wait_for(
        &browser,
        "the end",
        &text_is("#help", ".sh-question", "Glad it's solved"),
    )
    .await;
    // Back, then the other way: not solved, on to support.
    browser
        .script("window.__handle.open('embed-database-connection', { answers: 'n.n.n.n' })")
        .await;
    wait_for(
        &browser,
        "not solved",
        &text_is("#help", ".sh-question", "Still not solved?"),
    )
    .await;
    // The scoping form, submitted.
    click_in(&browser, "#help", ".sh-scoping-link").await;
    wait_for(
        &browser,
        "the form",
        "return document.querySelector('#help').shadowRoot.querySelector('.sh-form')",
    )
    .await;
    let select = element(
        &browser,
        "return document.querySelector('#help').shadowRoot.querySelector('#sh-field-region')",
    )
    .await;
    select.select_by_value("default").await.unwrap();
    click_button_in(&browser, "#help", "Submit").await;
    wait_for(
        &browser,
        "the submit event",
        "return window.__events.some(e => e.name === 'submit')",
    )
    .await;
    wait_for(
        &browser,
        "the error of the broken widget",
        "return window.__events.some(e => e.name === 'error')",
    )
    .await;

    let events = events(&browser).await;
    let of = |name: &str, instance: &str| -> Vec<Value> {
        events
            .iter()
            .filter(|e| e["name"] == name && e["detail"]["instanceId"] == instance)
            .map(|e| e["detail"].clone())
            .collect()
    };
    for event in &events {
        assert_eq!(event["bubbles"], json!(true), "{event}");
        assert_eq!(event["composed"], json!(true), "{event}");
        assert!(
            event["detail"].get("instanceId").is_some() && event["detail"].get("buildId").is_some(),
            "{event}"
        );
    }
    let ready = &of("ready", "help")[0];
    assert_eq!(ready["buildId"].as_str().map(str::len), Some(16));
    assert_eq!(ready["articles"], 2);
    let views = of("view", "help");
    assert_eq!(views[0]["articleId"], DATABASE);
    assert_eq!(views[0]["title"], DATABASE_TITLE);
    assert_eq!(views[0]["step"], "question");
    assert_eq!(views[0]["buildId"], ready["buildId"]);
    let answers: Vec<(Value, Value)> = of("answer", "help")
        .iter()
        .map(|a| (a["path"].clone(), a["answer"].clone()))
        .collect();
    assert_eq!(
        answers,
        [
            (json!(""), json!("n")),
            (json!("n"), json!("y")),
            (json!("n.y"), json!("y"))
        ]
    );
    let resolved = &of("resolved", "help")[0];
    assert_eq!(
        (resolved["articleId"].as_str(), resolved["path"].as_str()),
        (Some(DATABASE), Some("n.y.y"))
    );
    let escalated = &of("escalated", "help")[0];
    assert_eq!(escalated["path"], "n.n.n.n");
    assert_eq!(escalated["scopingForm"], FORM);
    let submitted = &of("submit", "help")[0];
    assert_eq!(submitted["articleId"], FORM);
    assert_eq!(submitted["answers"][0]["id"], "region");
    assert_eq!(submitted["answers"][0]["value"], "default");
    let error = &of("error", "broken")[0];
    assert!(
        error["message"].as_str().unwrap_or("").contains("404"),
        "{error}"
    );
    assert!(of("ready", "broken").is_empty());
    // The same events reached the handle's handler, in order.
    let handled = browser.script("return window.__handled").await;
    let names: Vec<Value> = events
        .iter()
        .filter(|e| e["detail"]["instanceId"] == "help")
        .map(|e| e["name"].clone())
        .collect();
    assert_eq!(handled, Value::Array(names));
    // Unsubscribed: no more.
    browser
        .script("window.__stop(); window.__handle.reset();")
        .await;
    wait_for(
        &browser,
        "the start page",
        &text_in("#help", ".sh-start h1"),
    )
    .await;
    let after = browser.script("return window.__handled.length").await;
    assert_eq!(after, json!(handled.as_array().map(Vec::len).unwrap_or(0)));
    browser.close().await;
}

#[tokio::test]
async fn the_host_fills_placeholders_and_dynamic_dropdowns_as_text() {
    let Some(dist) = crate::dist() else { return };
    let host = Host::new(&dist);
    host.file(
        "values.js",
        "import selfhelp from './selfhelp.js';\n\
         const handle = selfhelp.mount(document.getElementById('help'));\n\
         handle.setPlaceholders({ DatabaseName: 'sales-db <b>bold</b>' });\n\
         handle.setOptions('region', [{ value: 'weu', text: 'West Europe' }, 'East US']);\n\
         window.__handle = handle;\n",
    );
    host.page(
        "values.html",
        "<script type=\"module\" src=\"values.js\"></script>",
        &format!("<selfhelp-widget id=\"help\" article=\"{DATABASE}\"></selfhelp-widget>"),
    );
    let (_site, browser) = open(&host, "values.html").await;
    wait_for(
        &browser,
        "the host's value in the first step",
        "return document.querySelector('#help').shadowRoot.querySelector('.sh-body')?.textContent.includes('Connections to sales-db <b>bold</b> time out')",
    )
    .await;
    assert_eq!(
        browser.script("return document.querySelector('#help').shadowRoot.querySelectorAll('.sh-body b').length").await,
        json!(0),
        "the value is text, never markup"
    );
    // Changed later: the page shows the new value.
    browser
        .script("window.__handle.setPlaceholders({ DatabaseName: 'billing' })")
        .await;
    wait_for(&browser, "the new value", "return document.querySelector('#help').shadowRoot.querySelector('.sh-body').textContent.includes('Connections to billing')").await;
    browser
        .script(&format!("window.__handle.open('{FORM}')"))
        .await;
    wait_for(
        &browser,
        "the form",
        "return document.querySelector('#help').shadowRoot.querySelector('#sh-field-region')",
    )
    .await;
    let options = browser
        .script("return [...document.querySelector('#help').shadowRoot.querySelectorAll('#sh-field-region option')].map(o => [o.value, o.textContent.trim()]).filter(o => o[0])")
        .await;
    assert_eq!(
        options,
        json!([["weu", "West Europe"], ["East US", "East US"]])
    );
    browser.close().await;
}

const STRICT: &str = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; \
                      connect-src 'self'; img-src 'self'";

#[tokio::test]
async fn a_strict_content_security_policy_sees_no_violation() {
    let Some(dist) = crate::dist() else { return };
    let host = Host::new(&dist);
    host.page(
        "strict.html",
        "<link rel=\"stylesheet\" href=\"host.css\">",
        &format!(
            "<selfhelp-widget id=\"help\" article=\"{DATABASE}\"></selfhelp-widget>\n\
             <selfhelp-widget id=\"pop\" mode=\"launcher\"></selfhelp-widget>"
        ),
    );
    host.file("host.css", "body { margin: 2rem; }");
    // The standalone site's own page, with the watcher first in its head.
    let index = std::fs::read_to_string(host.path().join("index.html")).expect("index.html");
    host.file(
        "index-watched.html",
        &index.replacen("<script", "<script src=\"watch.js\"></script><script", 1),
    );
    let site = Site::serve_with(host.path(), &[("Content-Security-Policy", STRICT)]);
    let browser = Browser::start().await;
    for page in ["strict.html", "index-watched.html"] {
        browser.open(&format!("{}{page}", site.url)).await;
        wait_for(&browser, "the widget", "return document.querySelector('selfhelp-widget').shadowRoot.querySelector('.sh-widget h1')").await;
        assert_eq!(
            browser.script("return window.__violations").await,
            json!([]),
            "{page}"
        );
    }
    browser.open(&format!("{}strict.html", site.url)).await;
    wait_for(
        &browser,
        "the first step",
        &text_in("#help", ".sh-question"),
    )
    .await;
    click_button_in(&browser, "#help", "No, it's not solved").await;
    wait_for(
        &browser,
        "the next step",
        &text_is("#help", ".sh-question", "Is this the cause?"),
    )
    .await;
    click_in(&browser, "#pop", ".sh-launcher").await;
    wait_for(
        &browser,
        "the launcher's dialog",
        "return document.querySelector('#pop').shadowRoot.querySelector('dialog').open",
    )
    .await;
    // Styled: the stylesheet loaded under the policy.
    let styled = browser
        .script("return getComputedStyle(document.querySelector('#help').shadowRoot.querySelector('.sh-mount')).borderTopStyle")
        .await;
    assert_eq!(styled, json!("solid"));
    assert_eq!(
        browser.script("return window.__violations").await,
        json!([])
    );
    browser.close().await;
}

#[tokio::test]
async fn host_styles_and_widget_styles_stay_on_their_side() {
    let Some(dist) = crate::dist() else { return };
    let host = Host::new(&dist);
    let body = format!(
        "<h1 id=\"title\">Host title</h1><button id=\"own\" type=\"button\">Host button</button>\n\
         <selfhelp-widget id=\"help\" article=\"{DATABASE}\"></selfhelp-widget>"
    );
    host.file(
        "loud.css",
        "* { color: rgb(255, 0, 0) !important; font-family: monospace !important; letter-spacing: 3px; }\n\
         button { background: rgb(0, 255, 0); border-radius: 0; padding: 20px; }\n\
         h1 { font-size: 50px; margin: 0; }\n\
         :root { --sh-accent: rgb(1, 2, 3); font-size: 40px; }\n",
    );
    host.page("plain.html", "", &body);
    host.page(
        "loud.html",
        "<link rel=\"stylesheet\" href=\"loud.css\">",
        &body,
    );
    host.page(
        "alone.html",
        "<link rel=\"stylesheet\" href=\"loud.css\">",
        "<h1 id=\"title\">Host title</h1><button id=\"own\" type=\"button\">Host button</button>",
    );
    let site = Site::serve(host.path());
    let browser = Browser::start().await;
    let probe = "const r = document.querySelector('#help').shadowRoot; \
        const s = (el, p) => getComputedStyle(el).getPropertyValue(p); \
        const h1 = r.querySelector('h1'), b = r.querySelector('.sh-answers button'); \
        return [s(h1, 'font-size'), s(h1, 'color'), s(h1, 'font-family'), s(b, 'background-color'), s(b, 'padding-top'), s(b, 'color'), s(b, 'letter-spacing')];";
    let mut widget = Vec::new();
    for page in ["plain.html", "loud.html"] {
        browser.open(&format!("{}{page}", site.url)).await;
        wait_for(
            &browser,
            "the first step",
            &text_in("#help", ".sh-answers button"),
        )
        .await;
        widget.push(browser.script(probe).await);
    }
    assert_eq!(widget[0], widget[1], "the host's rules changed the widget");
    // And the widget changes nothing of the host: the same rules give the same host styles.
    let host_probe = "const s = (el, p) => getComputedStyle(el).getPropertyValue(p); \
        const h1 = document.getElementById('title'), b = document.getElementById('own'); \
        return [s(h1, 'font-size'), s(h1, 'color'), s(b, 'background-color'), s(b, 'padding-top'), s(document.body, 'margin-top')];";
    let with_widget = browser.script(host_probe).await;
    browser.open(&format!("{}alone.html", site.url)).await;
    browser.find_in_page("#own").await;
    assert_eq!(
        browser.script(host_probe).await,
        with_widget,
        "the widget changed the host"
    );
    browser.close().await;
}

#[tokio::test]
async fn light_dark_and_auto_themes() {
    let Some(dist) = crate::dist() else { return };
    let host = Host::new(&dist);
    host.page(
        "themes.html",
        "",
        "<selfhelp-widget id=\"light\" theme=\"light\"></selfhelp-widget>\n\
         <selfhelp-widget id=\"dark\" theme=\"dark\"></selfhelp-widget>\n\
         <selfhelp-widget id=\"auto\"></selfhelp-widget>\n\
         <selfhelp-widget id=\"tokens\" theme=\"light\" class=\"branded\"></selfhelp-widget>",
    );
    let background = |id: &str| {
        format!("return getComputedStyle(document.querySelector('#{id}').shadowRoot.querySelector('.sh-mount')).backgroundColor")
    };
    let site = Site::serve(host.path());
    for (flags, auto) in [
        (&[][..], "rgb(255, 255, 255)"),
        (&["--force-dark-mode"][..], "rgb(23, 25, 30)"),
    ] {
        let browser = Browser::start_with(flags).await;
        browser.open(&format!("{}themes.html", site.url)).await;
        wait_for(&browser, "the widgets", &text_in("#auto", ".sh-start h1")).await;
        assert_eq!(
            browser.script(&background("light")).await,
            json!("rgb(255, 255, 255)")
        );
        assert_eq!(
            browser.script(&background("dark")).await,
            json!("rgb(23, 25, 30)")
        );
        assert_eq!(
            browser.script(&background("auto")).await,
            json!(auto),
            "auto follows the browser ({flags:?})"
        );
        // The theme contract: a host token changes the widget.
        browser.script("document.querySelector('#tokens').style.setProperty('--selfhelp-color-bg', 'rgb(250, 240, 230)')").await;
        assert_eq!(
            browser.script(&background("tokens")).await,
            json!("rgb(250, 240, 230)")
        );
        // Switching the attribute switches the theme.
        browser
            .script("document.querySelector('#light').setAttribute('theme', 'dark')")
            .await;
        assert_eq!(
            browser.script(&background("light")).await,
            json!("rgb(23, 25, 30)")
        );
        browser.close().await;
    }
}

#[tokio::test]
async fn a_second_language_and_right_to_left() {
    let Some(dist) = crate::dist() else { return };
    let host = Host::new(&dist);
    host.page(
        "lang.html",
        "",
        &format!(
            "<selfhelp-widget id=\"fr\" lang=\"fr\" article=\"{DATABASE}\"></selfhelp-widget>\n\
             <selfhelp-widget id=\"ar\" lang=\"ar\"></selfhelp-widget>\n\
             <div dir=\"rtl\"><selfhelp-widget id=\"rtl\" lang=\"en\"></selfhelp-widget></div>"
        ),
    );
    let (_site, browser) = open(&host, "lang.html").await;
    wait_for(
        &browser,
        "the French widget",
        &text_in("#fr", ".sh-answers button"),
    )
    .await;
    let buttons = browser
        .script("return [...document.querySelector('#fr').shadowRoot.querySelectorAll('.sh-answers button')].map(b => b.textContent.trim())")
        .await;
    assert_eq!(
        buttons,
        json!(["Oui, c’est résolu", "Non, ce n’est pas résolu"])
    );
    assert_eq!(
        browser.script(&text_in("#fr", ".sh-back")).await,
        json!("Retour")
    );
    let widget_attr = |id: &str, name: &str| {
        format!("return document.querySelector('#{id}').shadowRoot.querySelector('.sh-widget').getAttribute('{name}')")
    };
    assert_eq!(
        browser.script(&widget_attr("fr", "lang")).await,
        json!("fr")
    );
    wait_for(
        &browser,
        "the Arabic widget",
        &text_in("#ar", ".sh-start h1"),
    )
    .await;
    assert_eq!(
        browser.script(&text_in("#ar", ".sh-start h1")).await,
        json!("كيف يمكننا مساعدتك؟")
    );
    assert_eq!(
        browser.script(&widget_attr("ar", "dir")).await,
        json!("rtl")
    );
    // The page's direction wins for a language written left to right.
    wait_for(
        &browser,
        "the right-to-left widget",
        &text_in("#rtl", ".sh-start h1"),
    )
    .await;
    assert_eq!(
        browser.script(&widget_attr("rtl", "dir")).await,
        json!("rtl")
    );
    let direction = browser
        .script("return getComputedStyle(document.querySelector('#rtl').shadowRoot.querySelector('.sh-start')).direction")
        .await;
    assert_eq!(direction, json!("rtl"));
    browser.close().await;
}

#[tokio::test]
async fn axe_finds_no_violation_inline_popup_light_and_dark() {
    let Some(dist) = crate::dist() else { return };
    let Some(axe_js) = axe_source() else {
        eprintln!("skipping axe: axe-core is not installed (cargo xtask install)");
        return;
    };
    let host = Host::new(&dist);
    host.page(
        "a11y.html",
        "",
        &format!(
            "<h1>Support</h1>\n\
             <selfhelp-widget id=\"light\" theme=\"light\" article=\"{DATABASE}\"></selfhelp-widget>\n\
             <selfhelp-widget id=\"dark\" theme=\"dark\" article=\"{FORM}\"></selfhelp-widget>\n\
             <selfhelp-widget id=\"pop\" mode=\"launcher\" theme=\"dark\"></selfhelp-widget>"
        ),
    );
    let (_site, browser) = open(&host, "a11y.html").await;
    wait_for(
        &browser,
        "the inline widgets",
        &text_in("#light", ".sh-question"),
    )
    .await;
    wait_for(
        &browser,
        "the form",
        "return document.querySelector('#dark').shadowRoot.querySelector('.sh-form')",
    )
    .await;
    let inline = axe(&browser, &axe_js).await;
    assert!(
        inline.is_empty(),
        "inline, light and dark:\n{}",
        inline.join("\n")
    );
    click_in(&browser, "#pop", ".sh-launcher").await;
    wait_for(
        &browser,
        "the dialog's start page",
        &text_in("#pop", ".sh-start h1"),
    )
    .await;
    let popup = axe(&browser, &axe_js).await;
    assert!(popup.is_empty(), "popup:\n{}", popup.join("\n"));
    browser.close().await;
}

#[tokio::test]
async fn the_embedding_demo_page_shows_three_ways_and_logs_the_events() {
    let Some(dist) = crate::dist() else { return };
    let site = Site::serve(&dist);
    let browser = Browser::start().await;
    browser.open(&format!("{}embed.html", site.url)).await;
    wait_for(
        &browser,
        "the inline widget's start page",
        &text_in("#help-inline", ".sh-start h1"),
    )
    .await;
    wait_for(
        &browser,
        "the dark widget's form",
        "return document.querySelector('#help-dark').shadowRoot.querySelector('.sh-form')",
    )
    .await;
    let log = "return document.querySelectorAll('#event-log li').length";
    wait_for(
        &browser,
        "the ready events in the log",
        &format!("{log} >= 2"),
    )
    .await;
    browser.screenshot("embed.png").await;
    browser
        .find_in_page("#open-popup")
        .await
        .click()
        .await
        .expect("click");
    wait_for(
        &browser,
        "the launcher's dialog at the article",
        &text_is("#help-launcher", ".sh-question", "Which situation fits?"),
    )
    .await;
    assert_eq!(
        browser
            .script("return document.querySelector('#help-launcher').shadowRoot.querySelector('dialog').open")
            .await,
        json!(true)
    );
    let logged = browser
        .script("return [...document.querySelectorAll('#event-log li')].map(li => li.textContent.split(' ')[0])")
        .await;
    for name in ["ready", "open", "view"] {
        assert!(
            logged.as_array().unwrap().contains(&json!(name)),
            "no {name} event in the log: {logged}"
        );
    }
    // The dialog fades in: the picture waits for it.
    tokio::time::sleep(std::time::Duration::from_millis(400)).await;
    browser.screenshot("embed-popup.png").await;
    if let Some(source) = axe_source() {
        let violations = axe(&browser, &source).await;
        assert!(
            violations.is_empty(),
            "the demo page:\n{}",
            violations.join("\n")
        );
    }
    browser.close().await;
}
