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
}

impl Bundle {
    pub fn article(&self, article_id: &str) -> Option<&Article> {
        self.articles
            .iter()
            .find(|a| a.meta.article_id == article_id)
    }
}
