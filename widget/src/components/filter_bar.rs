//! `FilterBar`: narrow the browse pages to one kind of article and one cloud, each
//! choice with the number of articles it leaves.

use selfhelp_bundle::site::count_matching;
use selfhelp_bundle::{Count, Kind};
use wasm_bindgen::JsCast;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::route::{kind_name, Filter, CLOUDS};

#[derive(Debug, Clone, PartialEq, Properties)]
pub struct FilterBarProps {
    pub filter: Filter,
    /// The counts of everything the page could show, unfiltered.
    pub counts: Vec<Count>,
    pub on_change: Callback<Filter>,
}

const KINDS: [(Kind, &str); 2] = [
    (Kind::Troubleshooter, "Troubleshooters"),
    (Kind::Questionnaire, "Questionnaires"),
];

const CLOUD_NAMES: [&str; 6] = [
    "Azure public cloud",
    "Azure US Government",
    "Azure China",
    "Azure Germany",
    "US Nat",
    "US Sec",
];

#[function_component]
pub fn FilterBar(props: &FilterBarProps) -> Html {
    let filter = props.filter;
    let counts = &props.counts;
    let kind_count = |kind: Option<Kind>| count_matching(counts, kind, filter.cloud);
    let cloud_count = |cloud: Option<u8>| count_matching(counts, filter.kind, cloud);
    let on_kind = {
        let on_change = props.on_change.clone();
        Callback::from(move |event: Event| {
            let value = selected(&event);
            let kind = KINDS
                .iter()
                .map(|(k, _)| *k)
                .find(|k| kind_name(*k) == value);
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
        <div class="sh-filters" role="group" aria-label="Filters">
            <label class="sh-filter">
                <span>{ "Show" }</span>
                <select class="sh-filter-kind" onchange={on_kind}>
                    <option value="" selected={filter.kind.is_none()}>
                        { format!("Everything ({})", kind_count(None)) }
                    </option>
                    { for KINDS.iter().map(|(kind, label)| html! {
                        <option value={kind_name(*kind)} selected={filter.kind == Some(*kind)}>
                            { format!("{label} ({})", kind_count(Some(*kind))) }
                        </option>
                    }) }
                </select>
            </label>
            <label class="sh-filter">
                <span>{ "Cloud" }</span>
                <select class="sh-filter-cloud" onchange={on_cloud}>
                    <option value="" selected={filter.cloud.is_none()}>
                        { format!("All clouds ({})", cloud_count(None)) }
                    </option>
                    { for CLOUDS.iter().zip(CLOUD_NAMES).map(|((name, bit), label)| html! {
                        <option value={*name} selected={filter.cloud == Some(*bit)}>
                            { format!("{label} ({})", cloud_count(Some(*bit))) }
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
