//! `NotSolvedStep`: the end when nothing worked: further reading, then a way to
//! describe the problem to support (a scoping form, when there is one) and contact.

use selfhelp_bundle::Block;
use yew::prelude::*;

use crate::hooks::use_strings;

use crate::components::contact_support::ContactSupport;
use crate::components::rich_text::render_blocks;

#[derive(Debug, Clone, PartialEq, Properties)]
pub struct NotSolvedStepProps {
    /// The article's "Recommended Documents"; the section is left out when empty.
    pub further_reading: Vec<Block>,
    pub support_email: Option<String>,
    /// The address of a problem-scoping form on the same support topic, if any.
    #[prop_or_default]
    pub scoping_form: Option<String>,
}

#[function_component]
pub fn NotSolvedStep(props: &NotSolvedStepProps) -> Html {
    let t = use_strings();
    html! {
            <>
                <p>{ t.sorry }</p>
                if !props.further_reading.is_empty() {
                    <section class="sh-further-reading">
                        <h3>{ t.recommended_documents }</h3>
                        // Content headings sit under this section's <h3>.
                        { render_blocks(&props.further_reading, 4) }
                    </section>
                }
                if let Some(href) = props.scoping_form.clone() {
                    <section class="sh-handoff">
                        <p>
    { t.handoff_intro }
                        </p>
                        <p>
                            <a class="sh-button sh-scoping-link" {href}>
                                { t.describe_to_support }
                            </a>
                        </p>
                    </section>
                }
                <ContactSupport email={props.support_email.clone()} />
            </>
        }
}
