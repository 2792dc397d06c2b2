//! `FilterBar`: narrow the browse pages to one kind of article and one cloud, each
//! choice with the number of articles it leaves.

use selfhelp_bundle::site::count_matching;
use selfhelp_bundle::{Count, Kind};
use wasm_bindgen::JsCast;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::i18n::fill;
use crate::route::{kind_name, Filter, CLOUDS};

#[derive(Debug, Clone, PartialEq, Properties)]
pub struct FilterBarProps {
    pub filter: Filter,
    /// The counts of everything the page could show, unfiltered.
    pub counts: Vec<Count>,
    pub on_change: Callback<Filter>,
}

const KINDS: [Kind; 2] = [Kind::Troubleshooter, Kind::Questionnaire];

#[function_component]
pub fn FilterBar(props: &FilterBarProps) -> Html {
    let t = crate::hooks::use_strings();
    let counted =
        |label: &str, count: u32| format!("{label}{}", fill(t.with_count, &[&count.to_string()]));
    let filter = props.filter;
    let counts = &props.counts;
    let kind_count = |kind: Option<Kind>| count_matching(counts, kind, filter.cloud);
    let cloud_count = |cloud: Option<u8>| count_matching(counts, filter.kind, cloud);
    let on_kind = {
        let on_change = props.on_change.clone();
        Callback::from(move |event: Event| {
            let value = selected(&event);
            let kind = KINDS.iter().copied().find(|k| kind_name(*k) == value);
            on_change.emit(Filter { kind, ..filter });
        })
    };
    let on_cloud = {
        let on_change = props.on_change.clone();
        Callback::from(move |event: Event| {
            let value = selected(&event);
            let cloud = CLOUDS
                .iter()
                .find(|(name, _)| *name == value)
                .map(|(_, bit)| *bit);
            on_change.emit(Filter { cloud, ..filter });
        })
    };
    html! {
        <div class="sh-filters" role="group" aria-label={t.filters}>
            <label class="sh-filter">
                <span>{ t.show }</span>
                <select class="sh-filter-kind" onchange={on_kind}>
                    <option value="" selected={filter.kind.is_none()}>
                        { counted(t.everything, kind_count(None)) }
                    </option>
                    { for KINDS.iter().zip([t.troubleshooters, t.questionnaires]).map(|(kind, label)| html! {
                        <option value={kind_name(*kind)} selected={filter.kind == Some(*kind)}>
                            { counted(label, kind_count(Some(*kind))) }
                        </option>
                    }) }
                </select>
            </label>
            <label class="sh-filter">
                <span>{ t.cloud }</span>
                <select class="sh-filter-cloud" onchange={on_cloud}>
                    <option value="" selected={filter.cloud.is_none()}>
                        { counted(t.all_clouds, cloud_count(None)) }
                    </option>
                    { for CLOUDS.iter().zip(t.clouds).map(|((name, bit), label)| html! {
                        <option value={*name} selected={filter.cloud == Some(*bit)}>
                            { counted(label, cloud_count(Some(*bit))) }
                        </option>
                    }) }
                </select>
            </label>
        </div>
    }
}

fn selected(event: &Event) -> String {
    event
        .target()
        .and_then(|t| t.dyn_into::<HtmlSelectElement>().ok())
        .map(|select| select.value())
        .unwrap_or_default()
}
