//! `SummaryActions`: copy the summary, download it as text or JSON, or email it.

use yew::platform::spawn_local;
use yew::prelude::*;

use crate::dom::{copy_text, download};
use crate::form::Submission;

#[derive(Debug, Clone, PartialEq, Properties)]
pub struct SummaryActionsProps {
    pub submission: Submission,
    /// The page's `data-support-email`; without it there is no email link.
    pub support_email: Option<String>,
}

#[function_component]
pub fn SummaryActions(props: &SummaryActionsProps) -> Html {
    let t = crate::hooks::use_strings();
    // What the last copy did, announced by the status region.
    let status = use_state(|| None::<&'static str>);
    let container = use_node_ref();
    let copy = {
        let status = status.clone();
        let text = props.submission.to_text();
        Callback::from(move |_: MouseEvent| {
            let status = status.clone();
            let text = text.clone();
            spawn_local(async move {
                status.set(Some(if copy_text(&text).await {
                    t.copied
                } else {
                    t.copy_failed
                }));
            });
        })
    };
    let save = |extension: &'static str, mime: &'static str, content: String| {
        let container = container.clone();
        let name = props.submission.file_name(extension);
        Callback::from(move |_: MouseEvent| {
            if let Some(parent) = container.cast::<web_sys::Element>() {
                download(&parent, &name, mime, &content);
            }
        })
    };
    let save_text = save(
        "txt",
        "text/plain;charset=utf-8",
        props.submission.to_text(),
    );
    let save_json = save("json", "application/json", props.submission.to_json());
    let mailto = props
        .support_email
        .as_deref()
        .and_then(|email| props.submission.mailto(email));
    html! {
        <div class="sh-summary-actions" ref={container}>
            <button type="button" class="sh-copy" onclick={copy}>{ t.copy }</button>
            <button type="button" class="sh-download-text" onclick={save_text}>
                { t.download_text }
            </button>
            <button type="button" class="sh-download-json" onclick={save_json}>
                { t.download_json }
            </button>
            if let Some(href) = mailto {
                <a class="sh-email sh-button" {href}>{ t.email_summary }</a>
            }
            <p class="sh-copy-status" role="status">{ status.unwrap_or_default() }</p>
        </div>
    }
}
