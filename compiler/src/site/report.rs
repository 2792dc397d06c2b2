//! The two files a build leaves beside the site for people and for the next build: the
//! build report (what was refused or kept stale) and the manifest (every file and
//! article of the build).

use serde::{Deserialize, Serialize};

/// `build-report.json`: what a build published, refused and kept from before.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct BuildReport {
    pub build_id: String,
    pub generator: String,
    /// Markdown files found.
    pub files: usize,
    /// Articles in the site, stale ones included.
    pub published: usize,
    pub errors: usize,
    pub warnings: usize,
    /// Files of the site: content, entry and these records (the app's are not counted).
    #[serde(default)]
    pub site_files: usize,
    /// The file limit it was built for (`--max-files`).
    #[serde(default)]
    pub max_files: usize,
    /// Files whose article was left out of this build, in file order.
    pub refused: Vec<Refused>,
}

/// A file whose article had errors.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Refused {
    /// The path relative to the compiled folder.
    pub source: String,
    /// One line per error: `error[SH0009]: message (path:line:col)`.
    pub errors: Vec<String>,
    /// The previous build's version of the article, still published; `None` when there
    /// was none to keep, so the article is not in the site.
    pub kept: Option<Kept>,
}

/// A good version of a refused article, carried over from the previous build.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Kept {
    pub article_id: String,
    /// The hash of the source it was compiled from.
    pub version: String,
}

impl BuildReport {
    pub fn refused_count(&self) -> usize {
        self.refused.len()
    }

    pub fn kept_count(&self) -> usize {
        self.refused.iter().filter(|r| r.kept.is_some()).count()
    }
}

/// `build-manifest.json`: what the next build needs to know of this one.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Manifest {
    pub build_id: String,
    pub generator: String,
    /// Every file of the build but the entry, as paths relative to the site.
    pub files: Vec<String>,
    pub articles: Vec<ManifestArticle>,
}

/// One published article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ManifestArticle {
    pub source: String,
    pub id: String,
    pub version: String,
    /// The chunk it is in, relative to the site.
    pub chunk: String,
}

/// The manifest's name in the site folder.
pub const MANIFEST_FILE: &str = "build-manifest.json";
/// The build report's name in the site folder.
pub const REPORT_FILE: &str = "build-report.json";
