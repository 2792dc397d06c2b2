//! `ErrorMessage`: a problem the reader should know about, announced as an alert.

use yew::prelude::*;

#[derive(Debug, Clone, PartialEq, Properties)]
pub struct ErrorMessageProps {
    pub message: String,
    /// Offer a way back to the article list, for errors inside an article.
    #[prop_or_default]
    pub link_home: bool,
}

#[function_component]
pub fn ErrorMessage(props: &ErrorMessageProps) -> Html {
    html! {
        <div class="sh-error" role="alert">
            <p>{ props.message.clone() }</p>
            if props.link_home {
                <p><a class="sh-all-articles" href="#/">{ "All articles" }</a></p>
            }
        </div>
    }
}
