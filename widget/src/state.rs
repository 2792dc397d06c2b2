//! The widget's state (which page, which answers) and the actions that change it.

use std::rc::Rc;

use yew::Reducible;

use crate::route::{Answer, Route};

/// What the widget shows; mirrored in `location.hash` by `use_hash_route`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AppState {
    pub route: Route,
    /// Whether the hash should be updated in place rather than with a new history
    /// entry: true after [`Action::Replace`], which corrects an address that does not
    /// fit its article. A new entry there would send the back button to the bad
    /// address, which would be corrected again, trapping the reader.
    pub replace_history: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Show a route, e.g. after the reader changed the address or used the back button.
    Navigate(Route),
    /// Show a route without adding a history entry (see [`AppState::replace_history`]).
    Replace(Route),
    /// Open an article at its first question.
    OpenArticle(String),
    /// Answer the current question.
    Answer(Answer),
    /// Undo the last answer; from the first question, go to the start page.
    Back,
    /// Go back to the first question of the article.
    StartOver,
    /// Go to the start page.
    Home,
}

impl AppState {
    pub fn new(route: Route) -> Self {
        AppState {
            route,
            replace_history: false,
        }
    }

    /// The state after `action`; pure, so it is tested without a browser.
    pub fn next(&self, action: Action) -> AppState {
        let route = match action {
            Action::Navigate(route) => route,
            Action::Replace(route) => {
                return AppState {
                    route,
                    replace_history: true,
                }
            }
            Action::OpenArticle(id) => Route::article(id),
            Action::Home => Route::home(),
            Action::Answer(answer) => match &self.route {
                Route::Article {
                    id,
                    version,
                    answers,
                } => {
                    let mut answers = answers.clone();
                    answers.push(answer);
                    Route::Article {
                        id: id.clone(),
                        version: version.clone(),
                        answers,
                    }
                }
                // No question is shown on browse pages or a summary: nothing to answer.
                _ => self.route.clone(),
            },
            Action::Back => match &self.route {
                Route::Article {
                    id,
                    version,
                    answers,
                } if !answers.is_empty() => Route::Article {
                    id: id.clone(),
                    version: version.clone(),
                    answers: answers[..answers.len() - 1].to_vec(),
                },
                // From a form's summary, back to its questions.
                Route::Summary { id } => Route::article(id.clone()),
                _ => Route::home(),
            },
            Action::StartOver => match &self.route {
                Route::Article { id, version, .. } => Route::Article {
                    id: id.clone(),
                    version: version.clone(),
                    answers: Vec::new(),
                },
                Route::Summary { id } => Route::article(id.clone()),
                other => other.clone(),
            },
        };
        AppState::new(route)
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let next = self.next(action);
        // Returning the same Rc keeps `use_reducer_eq` from re-rendering for nothing.
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Answer::{Choice, No, Yes};

    fn at(id: &str, answers: &[Answer]) -> AppState {
        AppState::new(Route::Article {
            id: id.to_string(),
            version: None,
            answers: answers.to_vec(),
        })
    }

    #[test]
    fn opening_an_article_starts_at_its_first_question() {
        let state = AppState::default().next(Action::OpenArticle("a".into()));
        assert_eq!(state, at("a", &[]));
    }

    #[test]
    fn answers_append_to_the_path() {
        let state = at("a", &[])
            .next(Action::Answer(Choice(1)))
            .next(Action::Answer(No))
            .next(Action::Answer(Yes));
        assert_eq!(state, at("a", &[Choice(1), No, Yes]));
        assert_eq!(
            AppState::default().next(Action::Answer(Yes)),
            AppState::default()
        );
    }

    #[test]
    fn back_drops_the_last_answer_then_goes_home() {
        let state = at("a", &[Choice(0), Yes]).next(Action::Back);
        assert_eq!(state, at("a", &[Choice(0)]));
        let state = state.next(Action::Back);
        assert_eq!(state, at("a", &[]));
        assert_eq!(state.next(Action::Back), AppState::default());
        assert_eq!(AppState::default().next(Action::Back), AppState::default());
    }

    #[test]
    fn start_over_clears_the_answers() {
        let state = at("a", &[Choice(0), No, No]).next(Action::StartOver);
        assert_eq!(state, at("a", &[]));
        assert_eq!(
            AppState::default().next(Action::StartOver),
            AppState::default()
        );
    }

    #[test]
    fn a_summary_goes_back_to_its_form_and_takes_no_answers() {
        let summary = AppState::new(Route::Summary { id: "f".into() });
        assert_eq!(summary.next(Action::Answer(Yes)), summary);
        assert_eq!(summary.next(Action::Back), at("f", &[]));
        assert_eq!(summary.next(Action::StartOver), at("f", &[]));
    }

    #[test]
    fn home_and_navigate() {
        assert_eq!(at("a", &[Yes]).next(Action::Home), AppState::default());
        let route = Route::article("b");
        let state = AppState::default().next(Action::Navigate(route.clone()));
        assert_eq!(state, AppState::new(route));
    }

    #[test]
    fn replace_marks_the_history_update_and_the_next_action_clears_it() {
        let state = at("a", &[Choice(9)]).next(Action::Replace(Route::article("a")));
        assert!(state.replace_history);
        assert_eq!(state.route, Route::article("a"));
        assert!(!state.next(Action::Answer(Choice(0))).replace_history);
    }

    #[test]
    fn reduce_keeps_the_same_state_when_nothing_changes() {
        let state = Rc::new(at("a", &[]));
        let next = state.clone().reduce(Action::Navigate(Route::article("a")));
        assert!(Rc::ptr_eq(&state, &next));
        let next = state.clone().reduce(Action::Answer(Yes));
        assert!(!Rc::ptr_eq(&state, &next));
    }
}
