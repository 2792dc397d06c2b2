//! One search result: its title as a link to where the best match is, its product and
//! an excerpt with the matched words marked (as `<mark>` elements, never HTML).

use selfhelp_search::{Excerpt, Hit};
use yew::prelude::*;

use crate::route::{Answer, Route};

/// The route a hit opens: the article at the step of its best-matching passage.
pub fn hit_route(hit: &Hit) -> Route {
    let answers = hit
        .target
        .as_deref()
        .unwrap_or("")
        .split('.')
        .filter(|t| !t.is_empty())
        .map_while(Answer::parse)
        .collect();
    Route::Article {
        id: hit.key.clone(),
        version: None,
        answers,
    }
}

/// The excerpt's text, its matched ranges as `<mark>`s; ranges that do not fall on
/// character boundaries are left unmarked rather than trusted.
pub fn render_excerpt(excerpt: &Excerpt) -> Html {
    let text = excerpt.text.as_str();
    let mut out = Vec::new();
    let mut at = 0;
    for mark in &excerpt.marks {
        let (Some(before), Some(marked)) = (text.get(at..mark.start), text.get(mark.clone()))
        else {
            continue;
        };
        if !before.is_empty() {
            out.push(html! { { before.to_string() } });
        }
        out.push(html! { <mark>{ marked.to_string() }</mark> });
        at = mark.end;
    }
    if let Some(rest) = text.get(at..) {
        out.push(html! { { rest.to_string() } });
    }
    out.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hit_opens_its_step() {
        let hit = Hit {
            key: "a".into(),
            title: "T".into(),
            product: 0,
            excerpt: Excerpt {
                text: String::new(),
                marks: Vec::new(),
            },
            target: Some("1.n.y".into()),
            score: 1.0,
        };
        assert_eq!(
            hit_route(&hit),
            Route::Article {
                id: "a".into(),
                version: None,
                answers: vec![Answer::Choice(1), Answer::No, Answer::Yes],
            }
        );
    }
}
