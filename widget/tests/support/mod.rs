//! Test support: a small bundle built in Rust, and a mounted `App` to poke at.

#![allow(dead_code)]

mod site;

#[allow(unused_imports)]
pub use site::{memory, site, site_files, Files, GENERATOR};

use std::time::Duration;

use selfhelp_bundle::{
    Article, ArticleBody, Block, Bundle, Choice, DecisionTree, Inline, LinkKind, Metadata, Node,
    NodeId, NodeKind,
};
use selfhelp_widget::{App, AppProps, Source};
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement};
use yew::platform::time::sleep;
use yew::AppHandle;

pub fn text(value: &str) -> Inline {
    Inline::Text(value.to_string())
}

pub fn para(content: Vec<Inline>) -> Block {
    Block::Paragraph(content)
}

pub fn plain(value: &str) -> Vec<Block> {
    vec![para(vec![text(value)])]
}

pub fn web_link(href: &str, label: &str) -> Inline {
    Inline::Link {
        kind: LinkKind::Web,
        href: href.to_string(),
        content: vec![text(label)],
    }
}

fn node(kind: NodeKind) -> Node {
    Node { line: 1, kind }
}

fn resolution(body: Vec<Block>) -> Node {
    node(NodeKind::Resolution {
        cause: Vec::new(),
        body,
        alternatives: Vec::new(),
        if_unsolved: None,
    })
}

pub fn article(id: &str, title: &str, description: &str, tree: DecisionTree) -> Article {
    Article {
        meta: Metadata {
            article_id: id.to_string(),
            page_title: title.to_string(),
            description: description.to_string(),
            ..Metadata::default()
        },
        content_hash: "0".repeat(16),
        source: format!("{id}.md"),
        title: vec![text(title)],
        body: ArticleBody::Tree(tree),
        further_reading: vec![para(vec![web_link(
            "https://docs.example.com/printing",
            "Printing guide",
        )])],
    }
}

/// The printer article:
///
/// 0. Choice "Which situation fits?": "Nothing prints" → 1, "Prints garbage" → 4
/// 1. Check "The printer is offline": this is it → 2, rule it out → 3
/// 2. Resolution with a cause, a web link and two alternatives
/// 3. Resolution "Reinstall the driver"
/// 4. Resolution whose text looks like a script, and bold text
pub fn printer_tree() -> DecisionTree {
    let choice = |label: &str, detail: Vec<Block>, next| Choice {
        label: vec![Inline::Strong(vec![text(label)])],
        detail,
        next: NodeId(next),
    };
    DecisionTree {
        root: NodeId(0),
        nodes: vec![
            node(NodeKind::Choice {
                prompt: "Which situation fits?".to_string(),
                choices: vec![
                    choice("Nothing prints", plain("Not even a test page."), 1),
                    choice("Prints garbage", Vec::new(), 4),
                ],
            }),
            node(NodeKind::Check {
                cause: vec![para(vec![
                    text("The printer is "),
                    Inline::Strong(vec![text("offline")]),
                ])],
                if_confirmed: NodeId(2),
                if_ruled_out: NodeId(3),
            }),
            node(NodeKind::Resolution {
                cause: plain("The printer is offline."),
                body: vec![para(vec![
                    text("Turn it on; see "),
                    web_link("https://example.com/help", "the help"),
                    text("."),
                ])],
                alternatives: vec![plain("Restart it."), plain("Plug it in.")],
                if_unsolved: None,
            }),
            resolution(plain("Reinstall the driver.")),
            resolution(vec![
                para(vec![text("<script>window.pwned = 1</script>")]),
                para(vec![Inline::Strong(vec![text("Use the right cable.")])]),
            ]),
        ],
    }
}

pub fn bundle() -> Bundle {
    let wifi = DecisionTree {
        root: NodeId(0),
        nodes: vec![resolution(plain("Move closer to the router."))],
    };
    Bundle {
        articles: vec![
            article(
                "printer",
                "Printer does not print",
                "Fix printing problems",
                printer_tree(),
            ),
            article("wi fi/5", "Wi-Fi drops", "Wi-Fi drops", wifi),
        ],
    }
}

pub fn document() -> Document {
    web_sys::window().unwrap().document().unwrap()
}

pub fn hash() -> String {
    web_sys::window().unwrap().location().hash().unwrap()
}

/// Sets the address's hash without a `hashchange` event or a history entry, as a page
/// load with that address would have it.
pub fn set_initial_hash(hash: &str) {
    let window = web_sys::window().unwrap();
    let location = window.location();
    let url = format!(
        "{}{}{}",
        location.pathname().unwrap(),
        location.search().unwrap(),
        hash
    );
    window
        .history()
        .unwrap()
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        .unwrap();
}

/// An `App` mounted in a fresh `<div>`, unmounted by [`Mounted::unmount`].
pub struct Mounted {
    pub root: Element,
    handle: AppHandle<App>,
}

pub async fn mount_at(hash: &str, source: Source, support_email: Option<&str>) -> Mounted {
    mount_props(
        hash,
        AppProps::new(source, support_email.map(str::to_string)),
    )
    .await
}

/// An `App` with these props, at this address.
pub async fn mount_props(hash: &str, props: AppProps) -> Mounted {
    set_initial_hash(hash);
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    let handle = yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    settle().await;
    Mounted { root, handle }
}

/// Every event an emitter sent: `(name, detail JSON)`.
pub type Recorded = std::rc::Rc<std::cell::RefCell<Vec<(String, String)>>>;

/// An emitter that records every event, and what it recorded.
pub fn recording_emitter() -> (selfhelp_widget::embed::Emitter, Recorded) {
    use wasm_bindgen::closure::Closure;
    let seen: Recorded = Default::default();
    let record = {
        let seen = seen.clone();
        Closure::<dyn Fn(String, String)>::new(move |name: String, detail: String| {
            seen.borrow_mut().push((name, detail));
        })
    };
    let function: js_sys::Function = record.into_js_value().unchecked_into();
    (
        selfhelp_widget::embed::Emitter(Some(std::rc::Rc::new(function))),
        seen,
    )
}

pub async fn mount(bundle: &Bundle) -> Mounted {
    mount_at("", site(bundle), Some("help@example.com")).await
}

/// The version an address carries for the test articles (their hash is all zeros).
pub const V: &str = "00000000";

/// Lets Yew render and run effects.
pub async fn settle() {
    sleep(Duration::ZERO).await;
    sleep(Duration::ZERO).await;
}

/// Polls `probe` until it gives a value; rendering and `hashchange` are asynchronous.
pub async fn wait_for<T>(what: &str, mut probe: impl FnMut() -> Option<T>) -> T {
    for _ in 0..300 {
        if let Some(value) = probe() {
            return value;
        }
        sleep(Duration::from_millis(10)).await;
    }
    panic!("timed out waiting for {what}");
}

impl Mounted {
    pub fn find(&self, css: &str) -> Option<Element> {
        self.root.query_selector(css).ok().flatten()
    }

    pub fn find_all(&self, css: &str) -> Vec<Element> {
        let list = self.root.query_selector_all(css).unwrap();
        (0..list.length())
            .filter_map(|index| list.item(index)?.dyn_into::<Element>().ok())
            .collect()
    }

    pub fn text(&self, css: &str) -> Option<String> {
        self.find(css).map(|element| {
            element
                .text_content()
                .unwrap_or_default()
                .trim()
                .to_string()
        })
    }

    /// Waits until the first match of `css` has exactly `expected` as its text.
    pub async fn expect_text(&self, css: &str, expected: &str) {
        let mut last = None;
        for _ in 0..300 {
            last = self.text(css);
            if last.as_deref() == Some(expected) {
                return;
            }
            sleep(Duration::from_millis(10)).await;
        }
        panic!("`{css}` reads {last:?}, expected {expected:?}");
    }

    /// The texts of the buttons matching `css`.
    pub fn labels(&self, css: &str) -> Vec<String> {
        self.find_all(css)
            .iter()
            .map(|element| {
                element
                    .text_content()
                    .unwrap_or_default()
                    .trim()
                    .to_string()
            })
            .collect()
    }

    pub fn button(&self, label: &str) -> Option<HtmlElement> {
        self.find_all("button")
            .into_iter()
            .find(|button| button.text_content().unwrap_or_default().trim() == label)
            .and_then(|button| button.dyn_into().ok())
    }

    /// Clicks the button labelled `label` and lets the widget render.
    pub async fn click(&self, label: &str) {
        let button = wait_for(&format!("a button {label:?}"), || self.button(label)).await;
        button.click();
        settle().await;
    }

    /// Clicks the first element matching `css` (a link) and lets the widget render.
    pub async fn click_css(&self, css: &str) {
        let element = wait_for(&format!("`{css}`"), || self.find(css)).await;
        element.dyn_into::<HtmlElement>().unwrap().click();
        settle().await;
    }

    /// From the start page: the product (when there are several), then the article.
    pub async fn open_article(&self, title: &str) {
        let link = wait_for("a product link", || self.find(".sh-products a")).await;
        if self.find_all(".sh-products a").len() == 1 {
            link.dyn_into::<HtmlElement>().unwrap().click();
            settle().await;
        }
        let article = wait_for(&format!("a link to {title:?}"), || {
            self.find_all(".sh-articles a")
                .into_iter()
                .find(|a| a.text_content().unwrap_or_default().trim() == title)
        })
        .await;
        article.dyn_into::<HtmlElement>().unwrap().click();
        settle().await;
    }

    /// Whether the focused element is this step's question heading.
    pub fn question_has_focus(&self) -> bool {
        let active = document().active_element();
        active.is_some() && active == self.find(".sh-question")
    }

    pub fn unmount(self) {
        self.handle.destroy();
        self.root.remove();
        set_initial_hash("");
    }
}
