//! `StartPage`: "How can we help?" and the list of articles.

use selfhelp_bundle::Bundle;
use yew::prelude::*;

use crate::components::article_title;
use crate::route::Route;
use crate::shared::Shared;

#[derive(Debug, Clone, PartialEq, Properties)]
pub struct StartPageProps {
    pub bundle: Shared<Bundle>,
}

#[function_component]
pub fn StartPage(props: &StartPageProps) -> Html {
    let articles = &props.bundle.articles;
    let items = articles.iter().map(|article| {
        let title = article_title(article);
        let href = Route::article(article.meta.article_id.clone()).to_hash();
        let description = article.meta.description.trim();
        // A description that only repeats the title would be read out twice.
        let description = (!description.is_empty() && description != title)
            .then(|| html! { <p>{ description.to_string() }</p> });
        html! {
            <li>
                <a {href}>{ title }</a>
                { description }
            </li>
        }
    });
    html! {
        <section class="sh-start">
            <h1>{ "How can we help?" }</h1>
            if articles.is_empty() {
                <p class="sh-empty">{ "There are no help articles yet." }</p>
            } else {
                <ul class="sh-articles">{ for items }</ul>
            }
        </section>
    }
}
