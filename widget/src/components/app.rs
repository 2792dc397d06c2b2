//! `App`: opens the library, keeps the widget's place, takes the host's commands and
//! shows the page the route names.

use std::rc::Rc;

use selfhelp_bundle::Products;
use wasm_bindgen::JsCast;
use web_sys::{Element, KeyboardEvent, MouseEvent};
use yew::prelude::*;

use crate::components::article_page::ArticlePage;
use crate::components::browse_page::BrowsePage;
use crate::components::error_message::ErrorMessage;
use crate::components::loading::Loading;
use crate::components::search_box::SearchBox;
use crate::components::search_page::SearchPage;
use crate::components::start_page::StartPage;
use crate::embed::{Command, Commands, Detail, Emitter};
use crate::hooks::{use_library_root, use_router, Language, LibraryContext, Routing, SourceKey};
use crate::host_values::HostValues;
use crate::i18n::strings_for;
use crate::library::{Load, SearchOpener, Source};
use crate::route::Route;
use crate::shared::Shared;
use crate::state::Action;

#[derive(Debug, Clone, PartialEq, Properties)]
pub struct AppProps {
    /// Where the site comes from: the page's entry URL, or files in memory in tests.
    pub source: SourceKey,
    /// The support address; `None` shows no mail link.
    #[prop_or_default]
    pub support_email: Option<String>,
    /// The language to speak (a BCP 47 tag); English when it has no table.
    #[prop_or_default]
    pub lang: Option<String>,
    /// `rtl` or `ltr` from the host page; the language's own direction when `None`.
    #[prop_or_default]
    pub dir: Option<String>,
    /// Where the widget keeps its place.
    #[prop_or(Routing::Hash)]
    pub routing: Routing,
    /// The page to open when the address or storage names none.
    #[prop_or_default]
    pub initial: Option<Route>,
    #[prop_or_default]
    pub emitter: Emitter,
    #[prop_or_default]
    pub commands: Commands,
    /// Opens the search engine; without one, search says it is not available.
    #[prop_or_default]
    pub search: SearchOpener,
}

impl AppProps {
    /// A widget on the page's address, with no host listening: the standalone shape.
    pub fn new(source: Source, support_email: Option<String>) -> AppProps {
        AppProps {
            source: SourceKey(source),
            support_email,
            lang: None,
            dir: None,
            routing: Routing::Hash,
            initial: None,
            emitter: Emitter::default(),
            commands: Commands::default(),
            search: SearchOpener::default(),
        }
    }
}

#[function_component]
pub fn App(props: &AppProps) -> Html {
    let context = use_library_root(&props.source, &props.search);
    let strings = strings_for(props.lang.as_deref().unwrap_or(""));
    let dir = match props.dir.as_deref() {
        Some("rtl") => "rtl",
        Some("ltr") => "ltr",
        _ if strings.right_to_left => "rtl",
        _ => "ltr",
    };
    let state = use_router(&props.routing, props.initial.clone());
    // The host's values: gathered in `store` as commands come (each command changes one
    // part), shown through `host` (a new value, so pages render again).
    let store = use_mut_ref(HostValues::default);
    let host = use_state(|| Rc::new(HostValues::default()));
    let on_action = {
        let state = state.clone();
        Callback::from(move |action: Action| state.dispatch(action))
    };
    {
        // The host's commands: queued until now, delivered as they come from here on.
        let commands = props.commands.clone();
        let on_action = on_action.clone();
        let host = host.clone();
        let store = store.clone();
        use_effect_with(commands, move |commands| {
            commands.listen(Callback::from(move |command: Command| match command {
                Command::Open { id, answers } => on_action.emit(Action::Navigate(Route::Article {
                    id,
                    version: None,
                    answers,
                })),
                Command::Reset => on_action.emit(Action::Home),
                Command::Placeholders(placeholders) => {
                    store.borrow_mut().placeholders = placeholders;
                    host.set(Rc::new(store.borrow().clone()));
                }
                Command::Options { field, options } => {
                    store.borrow_mut().options.insert(field, options);
                    host.set(Rc::new(store.borrow().clone()));
                }
            }));
            let commands = commands.clone();
            move || commands.stop()
        });
    }

    // Focus follows the reader's moves only: a page opened at a deep link keeps the
    // host page's focus and scroll position until the reader acts.
    let first_route = {
        let route = state.route.clone();
        use_memo((), move |_| route)
    };
    let moved = use_mut_ref(|| false);
    if state.route != *first_route {
        *moved.borrow_mut() = true;
    }
    let focus = *moved.borrow();

    let library = context.library.clone();
    let entry = library.entry();
    let search_input = use_node_ref();
    use_slash_focuses(&search_input, &props.routing);
    let search_bar = match &entry {
        Load::Ready(entry) if entry.search.is_some() => {
            let query = match &state.route {
                Route::Search { query, .. } => query.clone(),
                _ => String::new(),
            };
            html! {
                <SearchBox key={query.clone()} query={query.clone()}
                    on_action={on_action.clone()} input_ref={search_input.clone()} />
            }
        }
        _ => Html::default(),
    };
    use_events(&props.emitter, &entry, &state.route);
    let page = match entry {
        Load::Pending => html! { <Loading /> },
        Load::Failed(message) => html! { <ErrorMessage {message} retry=true /> },
        Load::Ready(_) => {
            // The pages that browse need the product list; an article does not.
            let with_products = |page: &dyn Fn(Shared<Products>) -> Html| match library.products() {
                Load::Pending => html! { <Loading /> },
                Load::Failed(message) => html! { <ErrorMessage {message} retry=true /> },
                Load::Ready(products) => page(Shared(products)),
            };
            match &state.route {
                Route::Home { filter } => with_products(&|products| {
                    html! {
                        <StartPage {products} filter={*filter} on_action={on_action.clone()} />
                    }
                }),
                Route::Browse {
                    product,
                    group,
                    filter,
                } => with_products(&|products| {
                    html! {
                        <BrowsePage {products} product={product.clone()}
                            group={group.clone().map(AttrValue::from)} filter={*filter}
                            on_action={on_action.clone()} />
                    }
                }),
                Route::Search {
                    query,
                    product,
                    filter,
                } => with_products(&|products| {
                    html! {
                        <SearchPage {products} query={query.clone()}
                            product={product.clone().map(AttrValue::from)} filter={*filter}
                            on_action={on_action.clone()} />
                    }
                }),
                Route::Article { id, .. } | Route::Summary { id } => match library.article(id) {
                    Load::Pending => html! { <Loading /> },
                    Load::Failed(message) => {
                        html! { <ErrorMessage {message} link_home=true retry=true /> }
                    }
                    Load::Ready(article) => {
                        let (version, answers, summary) = match &state.route {
                            Route::Article {
                                version, answers, ..
                            } => (version.clone(), answers.clone(), false),
                            _ => (None, Vec::new(), true),
                        };
                        html! {
                            // Keyed by article, so each starts with its own state.
                            <ArticlePage key={id.clone()} article={Shared(article)}
                                host={(*host).clone()} {version} {answers} {summary}
                                support_email={props.support_email.clone()}
                                on_action={on_action.clone()} {focus} />
                        }
                    }
                },
            }
        }
    };
    // Links inside the widget name routes (`#/article/…`); an embedded widget follows
    // them itself rather than let them change the host's address.
    let onclick = (props.routing != Routing::Hash).then(|| {
        let on_action = on_action.clone();
        Callback::from(move |event: MouseEvent| follow_link(&event, &on_action))
    });
    // An embedded widget takes `/` only while the visitor is inside it.
    let onkeydown = (props.routing != Routing::Hash).then(|| {
        let input = search_input.clone();
        Callback::from(move |event: KeyboardEvent| slash_focus(&event, &input))
    });
    html! {
        <ContextProvider<LibraryContext> {context}>
            <ContextProvider<Language> context={Language(strings)}>
                <ContextProvider<Emitter> context={props.emitter.clone()}>
                    <div class="sh-widget" lang={strings.lang} {onclick} {onkeydown} {dir}>
                        { search_bar }
                        { page }
                    </div>
                </ContextProvider<Emitter>>
            </ContextProvider<Language>>
        </ContextProvider<LibraryContext>>
    }
}

/// Navigates to the route a clicked `#/…` link names, unless the click asks the browser
/// for something else (a new tab, a download).
fn follow_link(event: &MouseEvent, on_action: &Callback<Action>) {
    if event.button() != 0
        || event.ctrl_key()
        || event.meta_key()
        || event.shift_key()
        || event.alt_key()
    {
        return;
    }
    let link = event
        .target()
        .and_then(|t| t.dyn_into::<Element>().ok())
        .and_then(|e| e.closest("a[href^='#/']").ok().flatten());
    let Some(route) = link
        .and_then(|a| a.get_attribute("href"))
        .and_then(|href| Route::parse(&href))
    else {
        return;
    };
    event.prevent_default();
    on_action.emit(Action::Navigate(route));
}

/// Focuses the search field on `/`, unless the visitor is typing somewhere.
fn slash_focus(event: &KeyboardEvent, input: &NodeRef) {
    if event.key() != "/" || event.ctrl_key() || event.meta_key() || event.alt_key() {
        return;
    }
    let typing = event
        .target()
        .and_then(|t| t.dyn_into::<Element>().ok())
        .is_some_and(|e| {
            matches!(e.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                || e.has_attribute("contenteditable")
        });
    if typing {
        return;
    }
    if let Some(input) = input.cast::<web_sys::HtmlElement>() {
        event.prevent_default();
        let _ = input.focus();
    }
}

/// The standalone site (hash routing) takes `/` anywhere on its page.
#[hook]
fn use_slash_focuses(input: &NodeRef, routing: &Routing) {
    let input = input.clone();
    use_effect_with(*routing == Routing::Hash, move |page_wide| {
        let listener = page_wide
            .then(web_sys::window)
            .flatten()
            .and_then(|w| w.document())
            .map(|document| {
                // Not passive (gloo's default): the `/` must not land in the field it
                // focuses, so the listener has to be able to prevent its default.
                let options = gloo::events::EventListenerOptions::enable_prevent_default();
                gloo::events::EventListener::new_with_options(
                    &document,
                    "keydown",
                    options,
                    move |event| {
                        if let Some(event) = event.dyn_ref::<KeyboardEvent>() {
                            slash_focus(event, &input);
                        }
                    },
                )
            });
        move || drop(listener)
    });
}

/// `ready` once the entry arrives, `error` when it cannot, and `view` for each browse
/// page (articles report their own views).
#[hook]
fn use_events(emitter: &Emitter, entry: &Load<Rc<selfhelp_bundle::Entry>>, route: &Route) {
    let status = match entry {
        Load::Pending => None,
        Load::Ready(entry) => Some(Ok((entry.build_id.clone(), entry.articles))),
        Load::Failed(message) => Some(Err(message.clone())),
    };
    {
        let emitter = emitter.clone();
        use_effect_with(status.clone(), move |status| match status {
            Some(Ok((build, articles))) => emitter.emit(
                "ready",
                Detail::new()
                    .text("buildId", build)
                    .number("articles", u64::from(*articles)),
            ),
            Some(Err(message)) => emitter.emit("error", Detail::new().text("message", message)),
            None => {}
        });
    }
    let browse = match route {
        Route::Home { .. } => Some(("home", String::new(), String::new())),
        Route::Browse { product, group, .. } => {
            Some(("browse", product.clone(), group.clone().unwrap_or_default()))
        }
        _ => None,
    };
    let emitter = emitter.clone();
    let ready = matches!(status, Some(Ok(_)));
    use_effect_with((browse, ready), move |(browse, ready)| {
        if let (Some((page, product, group)), true) = (browse, ready) {
            let mut detail = Detail::new().text("page", page);
            if !product.is_empty() {
                detail = detail.text("product", product).text("group", group);
            }
            emitter.emit("view", detail);
        }
    });
}
