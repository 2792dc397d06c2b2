//! A build of a whole library into a site folder: the entry, catalogue pages, lookup
//! buckets and chunks of `selfhelp_bundle::site`, published around broken articles.
//!
//! [`build_site`] compiles every file ([`crate::build::compile_all`], each article
//! encoded on its worker), places the articles in the catalogue ([`catalog`]), packs them
//! into files ([`pack`]) and writes them ([`publish`]). With `keep_going`, articles with
//! errors are left out and the previous build's version of each stays published
//! ([`previous`]); what happened is in the [`report`].

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use selfhelp_bundle::{Kind, Related};

use crate::build::{compile_all, FileReport};
use crate::diagnostics::{counts, Diagnostic};

pub mod budget;
pub mod catalog;
pub mod json;
pub mod names;
pub mod pack;
pub mod prepare;
pub mod previous;
pub mod publish;
pub mod report;
pub mod search;

use pack::SiteFiles;
use prepare::Prepared;
use previous::Previous;
use publish::{PublishError, Published};
use report::{BuildReport, Kept, Manifest, ManifestArticle, Refused};

/// The generator string written into file headers, e.g. `selfhelp 0.1.0`.
pub fn generator() -> String {
    format!("selfhelp {}", env!("CARGO_PKG_VERSION"))
}

/// How a site build goes.
#[derive(Debug, Clone, Default)]
pub struct SiteOptions {
    /// Leave articles with errors out (keeping the previous build's version) instead of
    /// writing nothing.
    pub keep_going: bool,
    /// Also write `bundle.json`, every article as JSON.
    pub json: bool,
    /// The synonyms file for search; `synonyms.txt` in the first input folder when
    /// `None` (and none when there is no such file).
    pub synonyms: Option<PathBuf>,
    /// The most files the site may have (the host's limit); chunks grow to fit it.
    /// [`budget::DEFAULT_MAX_FILES`] when `None`.
    pub max_files: Option<usize>,
}

/// What a site build did.
#[derive(Debug)]
pub struct SiteBuild {
    pub diagnostics: Vec<Diagnostic>,
    /// One entry per file, in file order.
    pub reports: Vec<FileReport>,
    pub report: BuildReport,
    /// `None` when errors stopped the build before anything was written.
    pub published: Option<Published>,
    /// Things worth saying that are not about one file (an unreadable previous manifest).
    pub notes: Vec<String>,
    /// The files of the site, in memory, when it was assembled.
    pub site: Option<SiteFiles>,
}

impl SiteBuild {
    pub fn counts(&self) -> (usize, usize) {
        counts(&self.diagnostics)
    }
}

/// Why a site could not be written at all.
#[derive(Debug, thiserror::Error)]
pub enum SiteError {
    #[error(transparent)]
    Publish(#[from] PublishError),
    #[error("cannot encode the site: {0}")]
    Encode(#[from] selfhelp_bundle::BundleError),
}

/// Compiles `paths` into the site folder `out`.
pub fn build_site(
    paths: &[PathBuf],
    out: &Path,
    options: &SiteOptions,
    on_total: impl FnOnce(usize) + Send,
    on_file: impl Fn() + Sync,
) -> Result<SiteBuild, SiteError> {
    let compilation = compile_all(paths, on_total, on_file, |article| Prepared::new(&article));
    let diagnostics = compilation.diagnostics;
    let (errors, warnings) = counts(&diagnostics);
    let mut build = SiteBuild {
        reports: Vec::with_capacity(compilation.units.len()),
        report: BuildReport {
            generator: generator(),
            files: compilation.units.len(),
            errors,
            warnings,
            ..BuildReport::default()
        },
        published: None,
        notes: Vec::new(),
        site: None,
        diagnostics: Vec::new(),
    };
    let mut prepared: Vec<Prepared> = Vec::with_capacity(compilation.units.len());
    let mut refused: Vec<(String, Vec<String>)> = Vec::new();
    for unit in compilation.units {
        let publishable = unit.publishable();
        match unit.kept {
            Some(Ok(article)) if publishable => prepared.push(article),
            other => {
                let mut errors = errors_of(&diagnostics, &unit.report.path);
                if let Some(Err(error)) = other {
                    errors.push(format!("error: the article cannot be encoded: {error}"));
                }
                refused.push((unit.report.relative.clone(), errors));
            }
        }
        build.reports.push(unit.report);
    }
    build.diagnostics = diagnostics;
    if !refused.is_empty() && !options.keep_going {
        return Ok(build);
    }
    let mut previous = match Previous::read(out) {
        Ok(previous) => previous,
        Err(note) => {
            build.notes.push(format!(
                "{note}: no article can be kept from the previous build"
            ));
            None
        }
    };
    build.report.refused =
        keep_previous(&mut prepared, refused, previous.as_mut(), &mut build.notes);

    let plan = catalog::plan(&prepared.iter().map(|p| &p.summary).collect::<Vec<_>>());
    let related = related(&prepared, &plan);
    let synonyms = read_synonyms(paths, options, &mut build.diagnostics);
    let docs = search::take_documents(&mut prepared, &plan);
    // The index is built on one core while the other lays out the chunks and pages.
    let (index, layout) = rayon::join(
        || search::index(docs, &synonyms, &generator()),
        || pack::layout(&prepared, &related, &plan, Default::default(), &generator()),
    );
    let index = index?;
    let max_files = options.max_files.unwrap_or(budget::DEFAULT_MAX_FILES);
    let (layout, fitted) = budget::fit(
        layout?,
        index.as_ref().map_or(0, |(_, files)| files.len()),
        max_files,
        |sizes| pack::layout(&prepared, &related, &plan, sizes, &generator()),
    )?;
    build.notes.extend(fitted.note(max_files));
    build.report.site_files = fitted.files;
    build.report.max_files = max_files;
    let site = pack::finish(layout, index, &generator())?;
    let manifest = Manifest {
        build_id: site.build_id.clone(),
        generator: generator(),
        files: site.files.iter().map(|f| f.path()).collect(),
        articles: site
            .placed
            .iter()
            .map(|placed| {
                let summary = &prepared[placed.index].summary;
                ManifestArticle {
                    source: summary.source.clone(),
                    id: summary.id.clone(),
                    version: summary.version.clone(),
                    chunk: placed.chunk.path(selfhelp_bundle::FileKind::Chunk),
                }
            })
            .collect(),
    };
    build.report.build_id = site.build_id.clone();
    build.report.published = site.placed.len();
    let published = publish::publish(
        out,
        &site,
        &manifest,
        &build.report,
        previous.as_ref().map(|p| &p.manifest),
    )?;
    if options.json {
        json::write(out, &site, &prepared)?;
    }
    build.published = Some(published);
    build.site = Some(site);
    Ok(build)
}

/// The synonyms search reads, with a warning (SH0208) for each line it cannot.
fn read_synonyms(
    paths: &[PathBuf],
    options: &SiteOptions,
    diagnostics: &mut Vec<Diagnostic>,
) -> selfhelp_search::Synonyms {
    let path = options.synonyms.clone().or_else(|| {
        paths
            .first()
            .filter(|p| p.is_dir())
            .map(|dir| dir.join(SYNONYMS_FILE))
            .filter(|file| file.is_file())
    });
    let Some(path) = path else {
        return selfhelp_search::Synonyms::default();
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(error) => {
            let mut diagnostic = crate::build::unreadable(&path, &error);
            diagnostic.severity = crate::diagnostics::Severity::Warning;
            diagnostics.push(diagnostic);
            return selfhelp_search::Synonyms::default();
        }
    };
    let (synonyms, errors) = selfhelp_search::Synonyms::parse(&text);
    let source = std::sync::Arc::new(crate::source::SourceFile::new(
        path.display().to_string(),
        text,
    ));
    for error in errors {
        let range = source.line_range(error.line);
        diagnostics.push(
            Diagnostic::warning(
                crate::diagnostics::codes::BAD_SYNONYM,
                error.message,
                &source,
                range,
                "this line is ignored",
            )
            .with_help("write one group a line: `vm = virtual machine`"),
        );
    }
    synonyms
}

/// The synonyms file's name in a content folder.
pub const SYNONYMS_FILE: &str = "synonyms.txt";

/// One line per error of the file at `path`.
fn errors_of(diagnostics: &[Diagnostic], path: &str) -> Vec<String> {
    diagnostics
        .iter()
        .filter(|d| d.is_error() && d.file == path)
        .map(|d| format!("error[{}]: {} ({})", d.code, d.message, d.location()))
        .collect()
}

/// For each refused file, the previous build's article from it, when there is one and
/// no article of this build has taken its id; returns what became of each.
fn keep_previous(
    prepared: &mut Vec<Prepared>,
    refused: Vec<(String, Vec<String>)>,
    mut previous: Option<&mut Previous>,
    notes: &mut Vec<String>,
) -> Vec<Refused> {
    let mut ids: HashSet<String> = prepared.iter().map(|p| p.summary.id.clone()).collect();
    let mut out = Vec::with_capacity(refused.len());
    for (source, errors) in refused {
        let old = match previous.as_deref_mut().map(|p| p.article_from(&source)) {
            Some(Ok(old)) => old,
            Some(Err(note)) => {
                notes.push(format!(
                    "{source}: the previous version cannot be kept: {note}"
                ));
                None
            }
            None => None,
        };
        let kept = old
            .filter(|old| !ids.contains(&old.article.meta.article_id))
            .and_then(|old| Prepared::new(&old.article).ok())
            .map(|article| {
                let kept = Kept {
                    article_id: article.summary.id.clone(),
                    version: article.summary.version.clone(),
                };
                ids.insert(article.summary.id.clone());
                prepared.push(article);
                kept
            });
        out.push(Refused {
            source,
            errors,
            kept,
        });
    }
    out
}

/// What the build works out across articles: each troubleshooter's scoping form is the
/// first form in catalogue order that shares one of its support topics.
fn related(prepared: &[Prepared], plan: &catalog::Plan) -> Vec<Related> {
    let mut form_of_topic: HashMap<&str, &str> = HashMap::new();
    for index in plan.order() {
        let summary = &prepared[index].summary;
        if summary.kind == Some(Kind::Questionnaire) {
            for topic in &summary.topic_ids {
                form_of_topic.entry(topic).or_insert(&summary.id);
            }
        }
    }
    prepared
        .iter()
        .map(|p| Related {
            scoping_form: match p.summary.kind {
                Some(Kind::Troubleshooter) => p
                    .summary
                    .topic_ids
                    .iter()
                    .filter_map(|topic| form_of_topic.get(topic.as_str()))
                    .find(|form| **form != p.summary.id)
                    .map(|form| form.to_string()),
                _ => None,
            },
        })
        .collect()
}
