//! `ErrorMessage`: a problem the reader should know about, announced as an alert, with a
//! way back and, for files that failed to arrive, a way to try again.

use yew::prelude::*;

use crate::hooks::use_library;

#[derive(Debug, Clone, PartialEq, Properties)]
pub struct ErrorMessageProps {
    pub message: AttrValue,
    /// Offer a way back to the start page, for errors inside a page.
    #[prop_or_default]
    pub link_home: bool,
    /// Offer "Try again", which fetches what failed once more.
    #[prop_or_default]
    pub retry: bool,
}

#[function_component]
pub fn ErrorMessage(props: &ErrorMessageProps) -> Html {
    let library = use_library();
    let t = crate::hooks::use_strings();
    let on_retry = Callback::from(move |_| library.retry());
    html! {
        <div class="sh-error" role="alert" part="error">
            <p><strong>{ t.error_prefix }</strong>{ props.message.clone() }</p>
            if props.retry || props.link_home {
                <p class="sh-error-actions">
                    if props.retry {
                        <button type="button" class="sh-retry" onclick={on_retry}>{ t.try_again }</button>
                    }
                    if props.link_home {
                        <a class="sh-all-articles" href="#/">{ t.all_articles }</a>
                    }
                </p>
            }
        </div>
    }
}
