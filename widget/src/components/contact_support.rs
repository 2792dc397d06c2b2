//! `ContactSupport`: how to reach people when self-help is not enough.

use yew::prelude::*;

use crate::hooks::use_strings;

#[derive(Debug, Clone, PartialEq, Properties)]
pub struct ContactSupportProps {
    /// The page's `data-support-email`; without it the text says to contact support.
    pub email: Option<String>,
}

#[function_component]
pub fn ContactSupport(props: &ContactSupportProps) -> Html {
    let t = use_strings();
    let email = props
        .email
        .as_deref()
        .map(str::trim)
        .filter(|email| !email.is_empty());
    html! {
        <section class="sh-contact">
            <h3>{ t.contact_support }</h3>
            if let Some(email) = email {
                <p>{ t.contact_intro }</p>
                <p>
                    <a class="sh-contact-link" href={format!("mailto:{email}")}>
                        { t.email_support }
                    </a>
                </p>
            } else {
                <p>{ t.contact_your_team }</p>
            }
        </section>
    }
}
