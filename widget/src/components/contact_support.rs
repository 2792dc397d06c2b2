//! `ContactSupport`: how to reach people when self-help is not enough.

use yew::prelude::*;

#[derive(Debug, Clone, PartialEq, Properties)]
pub struct ContactSupportProps {
    /// The page's `data-support-email`; without it the text says to contact support.
    pub email: Option<String>,
}

#[function_component]
pub fn ContactSupport(props: &ContactSupportProps) -> Html {
    let email = props
        .email
        .as_deref()
        .map(str::trim)
        .filter(|email| !email.is_empty());
    html! {
        <section class="sh-contact">
            <h3>{ "Contact support" }</h3>
            if let Some(email) = email {
                <p>{ "Tell us what you tried, and we will help you from there." }</p>
                <p>
                    <a class="sh-contact-link" href={format!("mailto:{email}")}>
                        { "Email support" }
                    </a>
                </p>
            } else {
                <p>{ "Please contact your support team and tell them what you tried." }</p>
            }
        </section>
    }
}
