//! The widget as a host page mounts it: [`Widget`], exported to JavaScript, mounts an
//! `App` into an element (the `<selfhelp-widget>`'s shadow root, from `selfhelp.js`),
//! takes the host's commands and reports events through the loader.

pub mod commands;
pub mod events;

use std::collections::HashMap;

use js_sys::{Array, Function, Object, Reflect};
use selfhelp_bundle::ChoiceOption;
use wasm_bindgen::prelude::*;
use web_sys::Element;
use yew::AppHandle;

use crate::components::{App, AppProps};
use crate::hooks::{Routing, SourceKey};
use crate::library::{SearchOpener, Source};
use crate::route::{Answer, Route};
pub use commands::{Command, Commands};
pub use events::{Detail, Emitter};

/// A mounted widget, as JavaScript holds it.
#[wasm_bindgen]
pub struct Widget {
    handle: Option<AppHandle<App>>,
    commands: Commands,
}

/// A string option, trimmed; `None` when missing or empty.
fn text(options: &JsValue, key: &str) -> Option<String> {
    Reflect::get(options, &key.into())
        .ok()
        .and_then(|value| value.as_string())
        .map(|value| value.trim().to_string())
        .filter(|value| !value.is_empty())
}

#[wasm_bindgen]
impl Widget {
    /// Mounts into `root`. `options`: `bundle` (the entry's URL), `routing` (`hash` or
    /// `memory`), `storageKey`, `article`, `answers` (`1.n.y`), `supportEmail`, `lang`, `dir`, `files` (a site
    /// carried by the page: path → bytes) and `search` (`open(rootBytes)` → a promise of
    /// an engine, see `library::search`).
    /// `emit(name, detailJson)` receives the events.
    #[wasm_bindgen(constructor)]
    pub fn new(root: Element, options: JsValue, emit: Function) -> Widget {
        let routing = match text(&options, "routing").as_deref() {
            Some("hash") => Routing::Hash,
            _ => Routing::Memory {
                key: format!(
                    "selfhelp:route:{}",
                    text(&options, "storageKey").unwrap_or_else(|| "widget".to_string())
                ),
            },
        };
        let initial = text(&options, "article").map(|id| Route::Article {
            id,
            version: None,
            answers: answers(text(&options, "answers").as_deref().unwrap_or("")),
        });
        crate::panic::install(&root);
        let commands = Commands::default();
        let source = match files(&options) {
            Some(files) => Source::Memory(std::rc::Rc::new(files)),
            None => Source::Remote {
                entry: text(&options, "bundle")
                    .unwrap_or_else(|| crate::DEFAULT_BUNDLE_URL.to_string()),
            },
        };
        let props = AppProps {
            source: SourceKey(source),
            support_email: text(&options, "supportEmail"),
            lang: text(&options, "lang"),
            dir: text(&options, "dir"),
            routing,
            initial,
            emitter: Emitter(Some(std::rc::Rc::new(emit))),
            commands: commands.clone(),
            search: SearchOpener(
                Reflect::get(&options, &"search".into())
                    .ok()
                    .and_then(|open| open.dyn_into::<Function>().ok())
                    .map(std::rc::Rc::new),
            ),
        };
        let handle = yew::Renderer::<App>::with_root_and_props(root, props).render();
        Widget {
            handle: Some(handle),
            commands,
        }
    }

    /// `open` (value: `{ article, answers }`), `reset`, `placeholders` (an object of
    /// name → text) or `options` (value: `{ field, options: [{ value, text }] }`).
    /// Unknown commands and malformed values are ignored.
    pub fn command(&self, name: &str, value: JsValue) {
        let command = match name {
            "open" => text(&value, "article").map(|id| Command::Open {
                id,
                answers: answers(text(&value, "answers").as_deref().unwrap_or("")),
            }),
            "reset" => Some(Command::Reset),
            "placeholders" => Some(Command::Placeholders(entries(&value))),
            "options" => text(&value, "field").map(|field| Command::Options {
                field,
                options: options(&Reflect::get(&value, &"options".into()).unwrap_or(JsValue::NULL)),
            }),
            _ => None,
        };
        if let Some(command) = command {
            self.commands.send(command);
        }
    }

    /// Unmounts; the element can be mounted again.
    pub fn destroy(&mut self) {
        self.commands.stop();
        if let Some(handle) = self.handle.take() {
            handle.destroy();
        }
    }
}

/// The site's files carried by the page (`files`: path → `Uint8Array`), if it does.
fn files(options: &JsValue) -> Option<HashMap<String, Vec<u8>>> {
    let files = Reflect::get(options, &"files".into()).ok()?;
    let object = files.dyn_ref::<Object>()?;
    let files: HashMap<String, Vec<u8>> = Object::entries(object)
        .iter()
        .filter_map(|pair| {
            let pair = pair.dyn_into::<Array>().ok()?;
            let bytes = pair.get(1).dyn_into::<js_sys::Uint8Array>().ok()?;
            Some((pair.get(0).as_string()?, bytes.to_vec()))
        })
        .collect();
    (!files.is_empty()).then_some(files)
}

fn answers(path: &str) -> Vec<Answer> {
    path.split('.')
        .filter(|t| !t.is_empty())
        .map_while(Answer::parse)
        .collect()
}

/// An object's string values by key: placeholders' values stay text, whatever they are.
fn entries(value: &JsValue) -> HashMap<String, String> {
    let Some(object) = value.dyn_ref::<Object>() else {
        return HashMap::new();
    };
    Object::entries(object)
        .iter()
        .filter_map(|pair| {
            let pair = pair.dyn_into::<Array>().ok()?;
            let key = pair.get(0).as_string()?;
            let value = pair.get(1);
            // Numbers are written by JavaScript itself: no float formatting in the wasm.
            let text = value.as_string().or_else(|| {
                value.as_f64()?;
                js_sys::Number::from(value)
                    .to_string_with_radix(10)
                    .ok()
                    .map(String::from)
            })?;
            Some((key, text))
        })
        .collect()
}

/// `[{ value, text }]` or `["text"]` as options.
fn options(value: &JsValue) -> Vec<ChoiceOption> {
    let Some(array) = value.dyn_ref::<Array>() else {
        return Vec::new();
    };
    array
        .iter()
        .filter_map(|item| match item.as_string() {
            Some(text) => Some(ChoiceOption {
                value: text.clone(),
                text,
            }),
            None => {
                let value = Reflect::get(&item, &"value".into()).ok()?.as_string()?;
                let text = Reflect::get(&item, &"text".into())
                    .ok()
                    .and_then(|t| t.as_string())
                    .unwrap_or_else(|| value.clone());
                Some(ChoiceOption { value, text })
            }
        })
        .collect()
}
