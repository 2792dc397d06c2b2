//! The browse catalogue: every playable article placed under a product, then a group.
//!
//! Products come from the metadata: `service`, else the service that other articles with
//! the same `productPesIds` name, else the article's folder (matched to a known service
//! when the folder names one, as `problemscopingques.storage` names `microsoft.storage`).
//! Groups are resource types, support-topic categories, kinds or folders, whichever
//! splits a product's articles best; small products get one group.

use std::collections::{BTreeMap, HashMap, HashSet};

use rayon::prelude::*;
use selfhelp_bundle::Kind;

use super::names::Vocabulary;
use super::prepare::Summary;

/// Products with at most this many articles list them all in one group.
const ONE_GROUP_UP_TO: usize = 30;
/// Groups smaller than this fold into "Other" when a product would have too many.
const SMALL_GROUP: usize = 3;
const MANY_GROUPS: usize = 24;
/// A folder's first segment shared by this many folders is a prefix, not a product.
const PREFIX_FOLDERS: usize = 3;
/// The shortest service name a folder segment may start with to be read as it.
const SERVICE_PREFIX_MIN: usize = 3;

/// Where every article goes.
#[derive(Debug, Default)]
pub struct Plan {
    /// In display order.
    pub products: Vec<ProductPlan>,
    /// Data articles (indices into the summaries), in source order: published, not browsed.
    pub data: Vec<usize>,
}

#[derive(Debug)]
pub struct ProductPlan {
    pub key: String,
    pub name: String,
    pub groups: Vec<GroupPlan>,
}

#[derive(Debug)]
pub struct GroupPlan {
    pub key: String,
    pub name: String,
    /// Indices into the summaries, in display order.
    pub members: Vec<usize>,
}

impl Plan {
    /// Every article index in catalogue order, browsable ones first.
    pub fn order(&self) -> impl Iterator<Item = usize> + '_ {
        self.products
            .iter()
            .flat_map(|p| p.groups.iter().flat_map(|g| g.members.iter().copied()))
            .chain(self.data.iter().copied())
    }
}

pub fn plan(summaries: &[&Summary]) -> Plan {
    // Words a product's own titles do not spell out are often in other titles: the
    // library's vocabulary takes as long as the keys and topic names, on the other core.
    let ((products, topic_names), library) = rayon::join(
        || (ProductKeys::new(summaries), topic_names(summaries)),
        || Vocabulary::from_titles(summaries.iter().map(|s| s.title.as_str())),
    );
    let mut by_product: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    let mut data = Vec::new();
    for (index, summary) in summaries.iter().enumerate() {
        match summary.kind {
            Some(_) => by_product
                .entry(products.key_of(summary))
                .or_default()
                .push(index),
            None => data.push(index),
        }
    }
    // Naming and grouping each product reads only its own articles and the shared
    // words: done on every core, in key order, so the plan is the same.
    let by_product: Vec<(String, Vec<usize>, String)> = by_product
        .into_par_iter()
        .map(|(key, members)| {
            let name = products.name_of(&key, &members, summaries, &library);
            (key, members, name)
        })
        .collect();
    // Products whose names come out the same are one product to a visitor.
    let mut named: BTreeMap<String, (String, String, Vec<usize>)> = BTreeMap::new();
    for (key, members, name) in by_product {
        let entry = named
            .entry(name.to_lowercase())
            .or_insert_with(|| (key.clone(), name, Vec::new()));
        entry.2.extend(members);
    }
    let mut products: Vec<ProductPlan> = named
        .into_par_iter()
        .map(|(_, (key, name, members))| ProductPlan {
            groups: groups(&key, members, summaries, &topic_names, &library),
            key: slug(&key),
            name,
        })
        .collect();
    products.sort_by_key(|p| p.name.to_lowercase());
    unique_keys(products.iter_mut().map(|p| &mut p.key));
    for product in &mut products {
        unique_keys(product.groups.iter_mut().map(|g| &mut g.key));
    }
    data.sort_by(|&a, &b| summaries[a].source.cmp(&summaries[b].source));
    Plan { products, data }
}

/// How articles map to product keys.
struct ProductKeys<'a> {
    /// `productPesIds` → the service most articles with that id name.
    service_of_product: HashMap<&'a str, &'a str>,
    /// Services by their short name (`storage` for `microsoft.storage`), longest first.
    services: Vec<(&'a str, &'a str)>,
    /// First segments of folder names that many folders share (`problemscopingques`).
    prefixes: HashSet<String>,
    /// Product ids named by support-topic descriptions.
    product_names: HashMap<&'a str, &'a str>,
}

impl<'a> ProductKeys<'a> {
    fn new(summaries: &'a [&'a Summary]) -> Self {
        let mut votes: HashMap<&str, HashMap<&str, usize>> = HashMap::new();
        let mut services: HashSet<&str> = HashSet::new();
        let mut first_segments: HashMap<String, HashSet<&str>> = HashMap::new();
        let mut product_names = HashMap::new();
        for s in summaries {
            if let Some(names) = &s.names {
                for id in &names.product_ids {
                    product_names.insert(id.as_str(), names.product.as_str());
                }
            }
            if !s.service.is_empty() {
                services.insert(&s.service);
                for id in &s.product_ids {
                    *votes.entry(id).or_default().entry(&s.service).or_default() += 1;
                }
            }
            let folder = folder_of(&s.source);
            if let Some(first) = folder_segments(folder).into_iter().next() {
                first_segments.entry(first).or_default().insert(folder);
            }
        }
        let service_of_product = votes
            .into_iter()
            .filter_map(|(id, counts)| {
                let best = counts
                    .into_iter()
                    .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(a.0)))?;
                Some((id, best.0))
            })
            .collect();
        let mut services: Vec<(&str, &str)> = services
            .into_iter()
            .map(|service| (short_name(service), service))
            .filter(|(short, _)| short.len() >= SERVICE_PREFIX_MIN)
            .collect();
        services.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(b.0)));
        let prefixes = first_segments
            .into_iter()
            .filter(|(_, folders)| folders.len() >= PREFIX_FOLDERS)
            .map(|(segment, _)| segment)
            .collect();
        ProductKeys {
            service_of_product,
            services,
            prefixes,
            product_names,
        }
    }

    fn key_of(&self, s: &Summary) -> String {
        if !s.service.is_empty() {
            return s.service.clone();
        }
        if let Some(service) = s
            .product_ids
            .iter()
            .find_map(|id| self.service_of_product.get(id.as_str()))
        {
            return service.to_string();
        }
        let segments = folder_segments(folder_of(&s.source));
        for segment in segments.iter().rev() {
            if let Some((_, service)) = self
                .services
                .iter()
                .find(|(short, _)| segment.starts_with(short))
            {
                return service.to_string();
            }
        }
        let own: Vec<&str> = segments
            .iter()
            .skip_while(|segment| self.prefixes.contains(*segment))
            .map(String::as_str)
            .collect();
        match (own.is_empty(), segments.is_empty()) {
            (false, _) => own.join("."),
            (true, false) => segments.join("."),
            (true, true) => "general".to_string(),
        }
    }

    fn name_of(
        &self,
        key: &str,
        members: &[usize],
        summaries: &[&Summary],
        library: &Vocabulary,
    ) -> String {
        let named = members
            .iter()
            .flat_map(|&m| &summaries[m].product_ids)
            .find_map(|id| self.product_names.get(id.as_str()));
        if let Some(name) = named.filter(|name| !name.is_empty()) {
            return name.to_string();
        }
        if key == "general" {
            return "General".to_string();
        }
        vocabulary(members, summaries).name_within(key, library)
    }
}

fn vocabulary(members: &[usize], summaries: &[&Summary]) -> Vocabulary {
    Vocabulary::from_titles(members.iter().map(|&m| summaries[m].title.as_str()))
}

/// Support topic id → (name, category), from support-topic descriptions.
fn topic_names<'a>(summaries: &'a [&'a Summary]) -> HashMap<&'a str, (&'a str, &'a str)> {
    summaries
        .iter()
        .filter_map(|s| s.names.as_ref())
        .flat_map(|names| &names.topics)
        .map(|(id, name, category)| (id.as_str(), (name.as_str(), category.as_str())))
        .collect()
}

/// Splits a product's articles into groups, in display order.
fn groups(
    product: &str,
    members: Vec<usize>,
    summaries: &[&Summary],
    topics: &HashMap<&str, (&str, &str)>,
    library: &Vocabulary,
) -> Vec<GroupPlan> {
    let vocabulary = vocabulary(&members, summaries);
    let by_resource = |s: &Summary| resource_key(&s.resource, product);
    let by_topic = |s: &Summary| topic_key(s, topics);
    let by_kind = |s: &Summary| kind_key(s.kind);
    let by_folder = |s: &Summary| folder_of(&s.source).to_lowercase();
    let groupings: [&dyn Fn(&Summary) -> String; 4] =
        [&by_resource, &by_topic, &by_kind, &by_folder];
    let split = match members.len() > ONE_GROUP_UP_TO {
        true => groupings
            .into_iter()
            .find_map(|key| split_by(&members, summaries, key)),
        false => None,
    };
    let Some(buckets) = split else {
        return vec![GroupPlan {
            key: "all".to_string(),
            name: "All articles".to_string(),
            members: sorted(members, summaries),
        }];
    };
    let mut groups: Vec<GroupPlan> = buckets
        .into_iter()
        .map(|(key, members)| GroupPlan {
            name: match key.as_str() {
                "" => "Other".to_string(),
                "~troubleshooter" => "Troubleshooters".to_string(),
                "~questionnaire" => "Questionnaires".to_string(),
                _ => match topics.get(key.as_str()) {
                    Some((name, "")) => name.to_string(),
                    _ => vocabulary.name_within(&key, library),
                },
            },
            key: match key.as_str() {
                "" => "other".to_string(),
                _ => slug(key.trim_start_matches('~')),
            },
            members: sorted(members, summaries),
        })
        .collect();
    groups.sort_by(|a, b| {
        (a.key == "other", a.name.to_lowercase()).cmp(&(b.key == "other", b.name.to_lowercase()))
    });
    groups
}

/// Groups `members` by `key` when that gives at least two groups that between them
/// hold most articles; too many small groups fold into the unnamed one.
fn split_by(
    members: &[usize],
    summaries: &[&Summary],
    key: impl Fn(&Summary) -> String,
) -> Option<BTreeMap<String, Vec<usize>>> {
    let mut buckets: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for &m in members {
        buckets.entry(key(summaries[m])).or_default().push(m);
    }
    if buckets.len() > MANY_GROUPS {
        let small: Vec<String> = buckets
            .iter()
            .filter(|(k, v)| !k.is_empty() && v.len() < SMALL_GROUP)
            .map(|(k, _)| k.clone())
            .collect();
        for k in small {
            if let Some(moved) = buckets.remove(&k) {
                buckets.entry(String::new()).or_default().extend(moved);
            }
        }
    }
    let named = buckets.iter().filter(|(k, _)| !k.is_empty()).count();
    let unnamed = buckets.get("").map_or(0, Vec::len);
    (named >= 2 && unnamed * 2 <= members.len()).then_some(buckets)
}

fn sorted(mut members: Vec<usize>, summaries: &[&Summary]) -> Vec<usize> {
    members.sort_by_cached_key(|&m| {
        let s = &summaries[m];
        (
            s.display_order.is_none(),
            s.display_order,
            s.title.to_lowercase(),
            s.id.clone(),
        )
    });
    members
}

/// `microsoft.compute/virtualmachines, …` → `virtualmachines`; empty when it only
/// repeats the product.
fn resource_key(resource: &str, product: &str) -> String {
    let first = resource.split(',').next().unwrap_or("").trim();
    let last = first.rsplit('/').next().unwrap_or("").trim().to_lowercase();
    if last == short_name(product) || last == product {
        return String::new();
    }
    last
}

fn topic_key(s: &Summary, topics: &HashMap<&str, (&str, &str)>) -> String {
    s.topic_ids
        .iter()
        .find_map(|id| topics.get(id.as_str()))
        .map(|(name, category)| match category.is_empty() {
            true => name.to_lowercase(),
            false => category.to_lowercase(),
        })
        .unwrap_or_default()
}

fn kind_key(kind: Option<Kind>) -> String {
    match kind {
        Some(Kind::Troubleshooter) => "~troubleshooter".to_string(),
        Some(Kind::Questionnaire) => "~questionnaire".to_string(),
        None => String::new(),
    }
}

/// The first folder of a relative source path; empty for a file at the root.
fn folder_of(source: &str) -> &str {
    match source.split_once('/') {
        Some((folder, _)) => folder,
        None => "",
    }
}

fn folder_segments(folder: &str) -> Vec<String> {
    folder
        .split(['.', '-', '_', ' '])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn short_name(service: &str) -> &str {
    service.strip_prefix("microsoft.").unwrap_or(service)
}

/// Makes keys unique by numbering repeats (`storage`, `storage-2`), so every address
/// names one product or group.
fn unique_keys<'k>(keys: impl Iterator<Item = &'k mut String>) {
    let mut seen = HashSet::new();
    for key in keys {
        let base = key.clone();
        let mut n = 1;
        while !seen.insert(key.clone()) {
            n += 1;
            *key = format!("{base}-{n}");
        }
    }
}

/// A key as it appears in an address: lower case, `-` for anything else.
pub fn slug(key: &str) -> String {
    let mut out = String::with_capacity(key.len());
    for c in key.chars() {
        match c {
            c if c.is_alphanumeric() => out.extend(c.to_lowercase()),
            '.' => out.push('.'),
            _ if !out.ends_with('-') => out.push('-'),
            _ => {}
        }
    }
    match out.trim_matches('-') {
        "" => "general".to_string(),
        slug => slug.to_string(),
    }
}

#[cfg(test)]
mod tests;
