//! `ArticlePage`: one article's flow: title, progress, the current step and navigation,
//! or, for a problem-scoping form, its questions and summary.
//!
//! It owns what every step shares: the step heading (which takes focus on each new
//! step), the live region that announces it, and the correction of addresses whose
//! answers do not fit the tree.

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
use crate::hooks::use_focus_on_change;
use crate::route::{Answer, Route, VERSION_DIGITS};
use crate::shared::Shared;
use crate::state::Action;
use crate::walk::{walk, Position, Walk};

#[derive(Debug, Clone, PartialEq, Properties)]
pub struct ArticlePageProps {
    pub article: Shared<ChunkArticle>,
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
    let article = &props.article.article;
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
    use_focus_on_change(heading.clone(), step_key, props.focus);
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
        (Some(tree), Some(walked)) => flow(props, article, tree, &walked, heading),
        _ if matches!(article.body, ArticleBody::Data(_)) => data_view(&article.body),
        _ if matches!(article.body, ArticleBody::Form(_)) => html! {
            // Keyed by article, so another form starts with its own state.
            <FormFlow
                key={article_id.clone()}
                article={props.article.clone()}
                summary={props.summary}
                support_email={props.support_email.clone()}
                on_action={props.on_action.clone()}
                focus={props.focus}
            />
        },
        _ => html! {
            <ErrorMessage
                message="The steps of this article are damaged, so it cannot be shown."
                link_home=true
            />
        },
    };
    html! {
        <article class="sh-article" data-article-id={article_id.clone()}>
            <h1>{ title }</h1>
            if *updated {
                <p class="sh-updated" role="status">
                    { "This article has been updated since this link was made. Your answers \
                       were replayed as far as they still fit the new version; check them, \
                       or start over." }
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
    article: &Article,
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
    let heading_text = step_heading(tree, walked.position);
    let on_answer = props.on_action.reform(Action::Answer);
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
                further_reading={article.further_reading.clone()}
                support_email={props.support_email.clone()}
                scoping_form={props.article.related.scoping_form.as_ref()
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
            <section class="sh-step">
                <h2 class="sh-question" tabindex="-1" ref={heading}>{ heading_text }</h2>
                { body }
            </section>
        </>
    }
}

/// The heading of the step at `position`.
fn step_heading(tree: &DecisionTree, position: Position) -> String {
    match position {
        Position::Node(id) => match tree.node(id).map(|node| &node.kind) {
            Some(NodeKind::Choice { prompt, .. }) if !prompt.trim().is_empty() => prompt.clone(),
            Some(NodeKind::Choice { .. }) => "Which of these fits?".to_string(),
            Some(NodeKind::Check { .. }) => "Is this the cause?".to_string(),
            Some(NodeKind::Resolution { .. }) | None => "Try this".to_string(),
        },
        Position::Solved => "Glad it's solved".to_string(),
        Position::NotSolved => "Still not solved?".to_string(),
    }
}
