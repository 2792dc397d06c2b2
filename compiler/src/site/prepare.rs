//! What a site build keeps of each article: its encoded bytes and a small summary.
//!
//! This runs on the worker that compiled the article, so the build never holds every
//! article as a tree at once: a corpus build keeps about 2 KB of postcard per article
//! instead of the ~7 KB its blocks and strings take in memory.

use selfhelp_bundle::{Article, ArticleBody, DataKind, Kind, Metadata};

/// An article ready to be placed in a chunk.
#[derive(Debug, Clone)]
pub struct Prepared {
    pub summary: Summary,
    /// The article, postcard-encoded (a chunk's payload is these bytes back to back).
    pub bytes: Vec<u8>,
    /// Its terms for the search index, analysed on the worker; `None` for data articles,
    /// and once the index has taken it.
    pub search: Option<selfhelp_search::AnalyzedDoc>,
}

/// What the catalogue, the lookup and the cross-article links need of an article.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Summary {
    pub id: String,
    pub title: String,
    /// Empty when it would only repeat the title.
    pub description: String,
    /// `None` for data articles, which are published but not browsed.
    pub kind: Option<Kind>,
    pub clouds: u8,
    pub display_order: Option<i64>,
    pub service: String,
    pub resource: String,
    pub product_ids: Vec<String>,
    pub topic_ids: Vec<String>,
    /// The source path relative to the compiled folder.
    pub source: String,
    /// The article's version: the hash of its source bytes.
    pub version: String,
    /// What a support-topic description says about products and topics.
    pub names: Option<TopicNames>,
}

/// Names from a `SupportTopicDescription` data article.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TopicNames {
    pub product_ids: Vec<String>,
    pub product: String,
    /// `(topic id, name, category)`.
    pub topics: Vec<(String, String, String)>,
}

/// Descriptions longer than this are cut at a word boundary for listings.
const DESCRIPTION_CHARS: usize = 200;

impl Prepared {
    /// Encodes the article and summarises it; `None` only if postcard cannot encode it,
    /// which the build reports as an error for that file.
    pub fn new(article: &Article) -> Result<Prepared, postcard::Error> {
        Ok(Prepared {
            summary: Summary::of(article),
            bytes: published_bytes(article)?,
            search: super::search::document(article)
                .map(|doc| selfhelp_search::analyze(doc, &selfhelp_search::Config::default())),
        })
    }
}

/// The article as a chunk carries it: what the site's pages and builds use, without
/// the header's people and unmodelled attributes (`authors`, `ms.author`, the rest),
/// which no page shows and which are not every visitor's to download. `bundle.json`
/// keeps them.
///
/// Encoded field by field, as postcard would encode the `Article` itself (a struct is
/// its fields in order), so the metadata alone is copied.
fn published_bytes(article: &Article) -> Result<Vec<u8>, postcard::Error> {
    let meta = Metadata {
        authors: Vec::new(),
        ms_author: String::new(),
        extra: Default::default(),
        ..article.meta.clone()
    };
    let Article {
        meta: _,
        content_hash,
        source,
        title,
        body,
        further_reading,
    } = article;
    postcard::to_allocvec(&(&meta, content_hash, source, title, body, further_reading))
}

impl Summary {
    pub fn of(article: &Article) -> Summary {
        let meta = &article.meta;
        let title = article.display_title();
        let kind = match &article.body {
            ArticleBody::Tree(_) => Some(Kind::Troubleshooter),
            ArticleBody::Form(_) => Some(Kind::Questionnaire),
            ArticleBody::Data(_) => None,
        };
        Summary {
            id: meta.article_id.clone(),
            description: listing_description(&meta.description, &title),
            title,
            kind,
            clouds: selfhelp_bundle::clouds_mask(&meta.cloud_environments),
            display_order: meta.display_order,
            service: meta.service.trim().to_ascii_lowercase(),
            resource: meta.resource.trim().to_ascii_lowercase(),
            product_ids: non_empty(&meta.product_pes_ids),
            topic_ids: non_empty(&meta.support_topic_ids),
            source: article.source.clone(),
            version: article.content_hash.clone(),
            names: topic_names(article),
        }
    }
}

fn non_empty(ids: &[String]) -> Vec<String> {
    ids.iter()
        .map(|id| id.trim().to_ascii_lowercase())
        .filter(|id| !id.is_empty())
        .collect()
}

/// The description as a listing shows it: trimmed, cut to about two lines, and empty
/// when it only repeats the title (a screen reader would read it twice).
fn listing_description(description: &str, title: &str) -> String {
    let text = description.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.is_empty() || text.eq_ignore_ascii_case(title.trim()) {
        return String::new();
    }
    if text.chars().count() <= DESCRIPTION_CHARS {
        return text;
    }
    let cut: String = text.chars().take(DESCRIPTION_CHARS).collect();
    let at_word = cut.rfind(' ').map_or(cut.as_str(), |end| &cut[..end]);
    format!("{}…", at_word.trim_end_matches([',', ';', ':', '.']))
}

/// The product and topic names of a `SupportTopicDescription`, from its flattened JSON
/// (`shortDescription`, `supportTopics.<n>.id`, `supportTopics.<n>.shortDescription`).
fn topic_names(article: &Article) -> Option<TopicNames> {
    let ArticleBody::Data(data) = &article.body else {
        return None;
    };
    if data.kind != DataKind::SupportTopicDescription {
        return None;
    }
    let field = |name: &str| {
        data.fields
            .iter()
            .find(|f| f.name.eq_ignore_ascii_case(name))
            .map(|f| f.value.trim().to_string())
            .unwrap_or_default()
    };
    let mut topics: Vec<(String, String, String)> = Vec::new();
    for f in &data.fields {
        let mut parts = f.name.splitn(3, '.');
        let (Some(list), Some(index), Some(key)) = (parts.next(), parts.next(), parts.next())
        else {
            continue;
        };
        if !list.eq_ignore_ascii_case("supportTopics") {
            continue;
        }
        let Ok(index) = index.parse::<usize>() else {
            continue;
        };
        if topics.len() <= index && index < 100_000 {
            topics.resize(index + 1, Default::default());
        }
        let Some(topic) = topics.get_mut(index) else {
            continue;
        };
        let value = f.value.trim().to_string();
        match key.to_ascii_lowercase().as_str() {
            "id" => topic.0 = value.to_ascii_lowercase(),
            "shortdescription" => topic.1 = value,
            "category" => topic.2 = value,
            _ => {}
        }
    }
    topics.retain(|(id, name, _)| !id.is_empty() && !name.is_empty());
    let product = match field("shortDescription") {
        name if !name.is_empty() => name,
        _ => article.meta.page_title.trim().to_string(),
    };
    Some(TopicNames {
        product_ids: non_empty(&article.meta.product_pes_ids),
        product,
        topics,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn descriptions_that_repeat_the_title_are_dropped_and_long_ones_cut() {
        assert_eq!(listing_description(" Same  title ", "same title"), "");
        assert_eq!(listing_description("Short.", "T"), "Short.");
        let long = "word ".repeat(100);
        let cut = listing_description(&long, "T");
        assert!(cut.ends_with("word…"), "{cut}");
        assert!(cut.chars().count() <= DESCRIPTION_CHARS + 1);
    }

    #[test]
    fn a_chunk_carries_the_article_without_its_people_and_unmodelled_attributes() {
        let mut article = Article {
            meta: Metadata {
                article_id: "a".into(),
                page_title: "Page".into(),
                service: "svc".into(),
                authors: vec!["someone".into()],
                ms_author: "alias".into(),
                ..Metadata::default()
            },
            content_hash: "00ff".into(),
            source: "a.md".into(),
            title: Vec::new(),
            body: ArticleBody::Tree(Default::default()),
            further_reading: Vec::new(),
        };
        article
            .meta
            .extra
            .insert("ownershipId".into(), "team".into());
        let published: Article = postcard::from_bytes(&published_bytes(&article).unwrap()).unwrap();
        assert!(published.meta.authors.is_empty() && published.meta.ms_author.is_empty());
        assert!(published.meta.extra.is_empty());
        let mut expected = article.clone();
        expected.meta.authors.clear();
        expected.meta.ms_author.clear();
        expected.meta.extra.clear();
        assert_eq!(published, expected);
    }
}
