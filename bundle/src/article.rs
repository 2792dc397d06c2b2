//! The bundle and its articles.

use serde::{Deserialize, Serialize};

use crate::form::Form;
use crate::meta::Metadata;
use crate::rich::{Block, Inline};
use crate::tree::DecisionTree;

/// Every compiled article of a site.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Bundle {
    /// Articles sorted by display order, then title.
    pub articles: Vec<Article>,
}

/// One compiled article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    pub meta: Metadata,
    /// Hex digest of the source bytes, so hosts and caches can tell versions apart.
    pub content_hash: String,
    /// The source path relative to the compiled folder, with `/` separators.
    pub source: String,
    /// The problem, from the first H1 (or the page title when there is none).
    pub title: Vec<Inline>,
    pub body: ArticleBody,
    /// "Recommended Documents": further reading shown when the problem is not solved.
    pub further_reading: Vec<Block>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ArticleBody {
    /// An interactive troubleshooting flow.
    Tree(DecisionTree),
    /// A problem-scoping questionnaire.
    Form(Form),
    /// Typed data for hosts and tools (advisor recommendations, support topics, ...),
    /// not a flow to play.
    Data(DataArticle),
}

/// A data article: its kind, its fields and any prose around them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DataArticle {
    pub kind: DataKind,
    /// `name`, `value` pairs in source order. Nested JSON is flattened to dotted paths
    /// (`owner.email`, `commonProblems.0.title`); null values are left out.
    pub fields: Vec<DataField>,
    /// Markdown around the data, e.g. the tool links of a `tools` article.
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DataField {
    pub name: String,
    pub value: String,
}

/// Which `selfHelpType` the data comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum DataKind {
    AdvisorRecommendation,
    SupportTopicDescription,
    DiagnoseAndSolve,
    Tools,
    PartnerCenterQuickstart,
}

impl Article {
    /// The title people see: the H1's plain text, else the page title, else the id, so no
    /// link or heading is ever empty.
    pub fn display_title(&self) -> String {
        let title = Inline::plain_text(&self.title);
        let chosen = [title.trim(), self.meta.page_title.trim()]
            .into_iter()
            .find(|candidate| !candidate.is_empty())
            .unwrap_or(self.meta.article_id.as_str())
            .to_string();
        chosen
    }
}

impl Bundle {
    pub fn article(&self, article_id: &str) -> Option<&Article> {
        self.articles
            .iter()
            .find(|a| a.meta.article_id == article_id)
    }
}
