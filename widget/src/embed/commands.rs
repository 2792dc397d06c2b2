//! Commands from the host (`handle.open(…)`, `setPlaceholders`, …) on their way to a
//! mounted `App`: queued until it listens, so none sent right after mounting is lost.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use selfhelp_bundle::ChoiceOption;
use yew::Callback;

use crate::route::Answer;

#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Open an article, optionally at an answer path.
    Open { id: String, answers: Vec<Answer> },
    /// Back to the start page, every answer forgotten.
    Reset,
    /// Values for placeholders, by name; they replace earlier ones.
    Placeholders(HashMap<String, String>),
    /// The options of a dynamic dropdown, by field id.
    Options {
        field: String,
        options: Vec<ChoiceOption>,
    },
}

#[derive(Default)]
struct Inner {
    queued: Vec<Command>,
    listener: Option<Callback<Command>>,
}

/// The host's end and the app's end of one widget's commands.
#[derive(Clone, Default)]
pub struct Commands(Rc<RefCell<Inner>>);

impl PartialEq for Commands {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::fmt::Debug for Commands {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Commands")
    }
}

impl Commands {
    pub fn send(&self, command: Command) {
        let listener = self.0.borrow().listener.clone();
        match listener {
            Some(listener) => listener.emit(command),
            None => self.0.borrow_mut().queued.push(command),
        }
    }

    /// The app listens: what was queued is delivered now, in order.
    pub fn listen(&self, listener: Callback<Command>) {
        let queued = {
            let mut inner = self.0.borrow_mut();
            inner.listener = Some(listener.clone());
            std::mem::take(&mut inner.queued)
        };
        for command in queued {
            listener.emit(command);
        }
    }

    pub fn stop(&self) {
        self.0.borrow_mut().listener = None;
    }
}
