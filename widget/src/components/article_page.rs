//! `ArticlePage`: one article's flow: title, progress, the current step and navigation,
//! or, for a problem-scoping form, its questions and summary.
//!
//! It owns what every step shares: the step heading (which takes focus on each new
//! step), the live region that announces it, and the correction of addresses whose
//! answers do not fit the tree.

use std::rc::Rc;

use selfhelp_bundle::{Article, ArticleBody, ChunkArticle, DecisionTree, NodeKind};
use yew::prelude::*;

use crate::components::article_title;
use crate::components::check_step::CheckStep;
use crate::components::choice_step::ChoiceStep;
use crate::components::error_message::ErrorMessage;
use crate::components::form::FormFlow;
use crate::components::nav_bar::NavBar;
use crate::components::not_solved_step::NotSolvedStep;
use crate::components::progress::Progress;
use crate::components::resolution_step::ResolutionStep;
use crate::components::solved_step::SolvedStep;
use crate::embed::{Detail, Emitter};
use crate::hooks::use_focus_on_change;
use crate::host_values::HostValues;
use crate::i18n::Strings;
use crate::route::{Answer, Route, VERSION_DIGITS};
use crate::shared::Shared;
use crate::state::Action;
use crate::walk::{walk, Position, Walk};

#[derive(Debug, Clone, PartialEq, Properties)]
pub struct ArticlePageProps {
    pub article: Shared<ChunkArticle>,
    /// What the host fills in: placeholders, dynamic dropdowns' options.
    #[prop_or_default]
    pub host: Rc<HostValues>,
    /// The version the address was made for, when it says.
    #[prop_or_default]
    pub version: Option<String>,
    /// The answers from the address, not yet checked against the tree.
    pub answers: Vec<Answer>,
    /// The address asks for a form's summary.
    #[prop_or_default]
    pub summary: bool,
    #[prop_or_default]
    pub support_email: Option<String>,
    pub on_action: Callback<Action>,
    /// Move focus to the step heading when the step changes (false on a fresh page).
    #[prop_or_default]
    pub focus: bool,
}

#[function_component]
pub fn ArticlePage(props: &ArticlePageProps) -> Html {
    let t = crate::hooks::use_strings();
    let emitter = use_context::<Emitter>().unwrap_or_default();
    let shown = use_memo(
        (props.article.clone(), props.host.clone()),
        |(article, host)| match host.is_empty() {
            true => article.clone(),
            false => Shared::new(host.apply(article)),
        },
    );
    let article = &shown.article;
    let article_id = article.meta.article_id.clone();
    let tree = playable_tree(article);
    let walked = tree.map(|tree| walk(tree, &props.answers));
    let current = version_of(article);
    // Said once, for the address the page was opened with: it stays until the reader
    // leaves the article, though the address is corrected to the current version.
    let updated = use_state(|| {
        props
            .version
            .as_ref()
            .is_some_and(|v| !current.starts_with(v.as_str()))
    });

    // Hooks run on every render, before any early return.
    let heading = use_node_ref();
    let step_key = (article_id.clone(), walked.as_ref().map(|w| w.taken.clone()));
    use_focus_on_change(heading.clone(), step_key.clone(), props.focus);
    {
        // What the reader sees, for the host: the step, and how a walk ended.
        let emitter = emitter.clone();
        let position = walked.as_ref().map(|w| w.position);
        let title = article.display_title();
        let is_form = matches!(article.body, ArticleBody::Form(_));
        let summary = props.summary;
        let scoping_form = shown.related.scoping_form.clone().unwrap_or_default();
        use_effect_with((step_key, summary), move |((id, taken), _)| {
            let path = taken
                .as_ref()
                .map(|t| {
                    t.iter()
                        .map(ToString::to_string)
                        .collect::<Vec<_>>()
                        .join(".")
                })
                .unwrap_or_default();
            let step = match (position, is_form, summary) {
                (Some(Position::Node(_)), _, _) => "question",
                (Some(Position::Solved), _, _) => "solved",
                (Some(Position::NotSolved), _, _) => "not-solved",
                (None, true, false) => "form",
                (None, true, true) => "summary",
                (None, false, _) => "data",
            };
            let detail = || {
                Detail::new()
                    .text("articleId", id)
                    .text("title", &title)
                    .text("path", &path)
            };
            emitter.emit("view", detail().text("step", step));
            match position {
                Some(Position::Solved) => emitter.emit("resolved", detail()),
                Some(Position::NotSolved) => {
                    emitter.emit("escalated", detail().text("scopingForm", &scoping_form))
                }
                _ => {}
            }
        });
    }
    {
        // An address with answers that do not fit (stale or hand-edited) or made for
        // another version is corrected in place, so Back and the address bar agree with
        // the step shown, and a copied link carries the version it was made on. A tree
        // has no summary, and a form no answer path.
        let is_form = matches!(article.body, ArticleBody::Form(_));
        let stale_version = props.version.as_deref() != Some(current.as_str());
        let correction = match &walked {
            Some(w) if w.taken.len() < props.answers.len() || props.summary || stale_version => {
                Some(Route::Article {
                    id: article_id.clone(),
                    version: Some(current.clone()),
                    answers: w.taken.clone(),
                })
            }
            None if is_form && !props.answers.is_empty() => {
                Some(Route::article(article_id.clone()))
            }
            _ => None,
        };
        let on_action = props.on_action.clone();
        use_effect_with(correction, move |correction| {
            if let Some(route) = correction {
                on_action.emit(Action::Replace(route.clone()));
            }
        });
    }

    let title = article_title(article);
    let content = match (tree, walked) {
        (Some(tree), Some(walked)) => flow(props, t, &emitter, &shown, tree, &walked, heading),
        _ if matches!(article.body, ArticleBody::Data(_)) => data_view(&article.body),
        _ if matches!(article.body, ArticleBody::Form(_)) => html! {
            // Keyed by article, so another form starts with its own state.
            <FormFlow
                key={article_id.clone()}
                article={(*shown).clone()}
                summary={props.summary}
                support_email={props.support_email.clone()}
                on_action={props.on_action.clone()}
                focus={props.focus}
            />
        },
        _ => html! {
            <ErrorMessage
                message={t.damaged_steps}
                link_home=true
            />
        },
    };
    html! {
        <article class="sh-article" data-article-id={article_id.clone()}>
            <h1>{ title }</h1>
            if *updated {
                <p class="sh-updated" role="status">
                    { t.updated }
                </p>
            }
            { content }
        </article>
    }
}

/// A data article (advisor metadata, support topics, tools...): its fields and prose.
fn data_view(body: &ArticleBody) -> Html {
    let ArticleBody::Data(data) = body else {
        return html! {};
    };
    html! {
        <>
            <dl class="sh-data">
                { for data.fields.iter().map(|f| html! {
                    <><dt>{ f.name.clone() }</dt><dd>{ f.value.clone() }</dd></>
                }) }
            </dl>
            { crate::components::rich_text::render_blocks(&data.blocks, 2) }
        </>
    }
}

/// The version an address carries: the start of the article's content hash.
pub fn version_of(article: &Article) -> String {
    article
        .content_hash
        .chars()
        .take(VERSION_DIGITS)
        .collect::<String>()
        .to_ascii_lowercase()
}

/// The article's tree, if it is one the walk can play: links forward and in range.
fn playable_tree(article: &Article) -> Option<&DecisionTree> {
    match &article.body {
        ArticleBody::Tree(tree) if !tree.nodes.is_empty() && tree.is_well_formed() => Some(tree),
        _ => None,
    }
}

/// The navigation bar, progress, live region and the step.
fn flow(
    props: &ArticlePageProps,
    t: &Strings,
    emitter: &Emitter,
    shown: &ChunkArticle,
    tree: &DecisionTree,
    walked: &Walk,
    heading: NodeRef,
) -> Html {
    let remaining = match walked.position {
        Position::Node(id) => tree
            .remaining_depths()
            .get(id.0 as usize)
            .copied()
            .unwrap_or(1),
        Position::Solved | Position::NotSolved => 0,
    };
    let heading_text = step_heading(t, tree, walked.position);
    let on_answer = {
        let on_action = props.on_action.clone();
        let detail = Detail::new()
            .text("articleId", &shown.article.meta.article_id)
            .text(
                "path",
                &walked
                    .taken
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("."),
            )
            .finish();
        let emitter = emitter.clone();
        Callback::from(move |answer: Answer| {
            let text = answer.to_string();
            emitter.emit("answer", Detail::extend(&detail).text("answer", &text));
            on_action.emit(Action::Answer(answer));
        })
    };
    let body = match walked.position {
        Position::Node(id) => match tree.node(id).map(|node| &node.kind) {
            Some(NodeKind::Choice { choices, .. }) => html! {
                <ChoiceStep choices={choices.clone()} {on_answer} />
            },
            Some(NodeKind::Check { cause, .. }) => html! {
                <CheckStep cause={cause.clone()} {on_answer} />
            },
            Some(NodeKind::Resolution {
                cause,
                body,
                alternatives,
                ..
            }) => html! {
                <ResolutionStep
                    cause={cause.clone()}
                    body={body.clone()}
                    alternatives={alternatives.clone()}
                    {on_answer}
                />
            },
            // Ruled out by `playable_tree`; kept total rather than panicking.
            None => html! {},
        },
        Position::Solved => html! { <SolvedStep /> },
        Position::NotSolved => html! {
            <NotSolvedStep
                further_reading={shown.article.further_reading.clone()}
                support_email={props.support_email.clone()}
                scoping_form={shown.related.scoping_form.as_ref()
                    .map(|form| Route::article(form.clone()).to_hash())}
            />
        },
    };
    html! {
        <>
            <NavBar at_start={walked.taken.is_empty()} on_action={props.on_action.clone()} />
            <Progress answered={walked.depth} {remaining} />
            // Announces each new step for screen readers that do not follow focus.
            <div class="sh-live sh-visually-hidden" aria-live="polite">
                { heading_text.clone() }
            </div>
            <section class="sh-step" part="step">
                <h2 class="sh-question" part="question" tabindex="-1" ref={heading}>{ heading_text }</h2>
                { body }
            </section>
        </>
    }
}

/// The heading of the step at `position`.
fn step_heading(t: &Strings, tree: &DecisionTree, position: Position) -> String {
    match position {
        Position::Node(id) => match tree.node(id).map(|node| &node.kind) {
            Some(NodeKind::Choice { prompt, .. }) if !prompt.trim().is_empty() => prompt.clone(),
            Some(NodeKind::Choice { .. }) => t.which_fits.to_string(),
            Some(NodeKind::Check { .. }) => t.is_this_the_cause.to_string(),
            Some(NodeKind::Resolution { .. }) | None => t.try_this.to_string(),
        },
        Position::Solved => t.glad_solved.to_string(),
        Position::NotSolved => t.still_not_solved.to_string(),
    }
}
