//! Compiles every article under the input paths in parallel into one deterministic bundle.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;
use selfhelp_bundle::{Article, Bundle, Inline};

use crate::diagnostics::{codes, counts, Diagnostic, Label};
use crate::lower::{compile_owned, Compiled};
use crate::source::SourceFile;

mod inputs;

use inputs::Input;

/// What a build produced. The bundle holds only articles that compiled without errors.
#[derive(Debug, Clone, Default)]
pub struct BuildOutput {
    pub bundle: Bundle,
    /// In file order, then the cross-file ones (duplicate ids).
    pub diagnostics: Vec<Diagnostic>,
    /// Markdown files found.
    pub files: usize,
    /// Articles that compiled without errors (those in the bundle).
    pub compiled: usize,
    /// Files that yielded neither an article nor an error (always 0 unless there is a bug).
    pub unaccounted: usize,
    /// Content dropped without a diagnostic, summed over files (always 0 unless a bug).
    pub silent_drops: usize,
    /// One entry per file, in file order, for summaries (`selfhelp check`).
    pub reports: Vec<FileReport>,
}

/// What became of one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileReport {
    pub path: String,
    /// The path relative to the input folder, `/`-separated (what `Article::source` says).
    pub relative: String,
    /// The `selfHelpType` as the compiler understood it, lower case; `(no article)` when
    /// the file could not be read as an article at all.
    pub kind: String,
    /// Whether the article is in the bundle.
    pub compiled: bool,
}

impl FileReport {
    fn of(unit: &Compiled, relative: &str) -> Self {
        FileReport {
            path: unit.source.name.clone(),
            relative: relative.to_string(),
            kind: unit.article.as_ref().map_or_else(
                || "(no article)".to_string(),
                |a| type_name(&a.meta.self_help_type),
            ),
            compiled: !unit.has_errors() && unit.article.is_some(),
        }
    }
}

/// The lower-case name of a `selfHelpType`, as summaries show it.
pub fn type_name(kind: &selfhelp_bundle::SelfHelpType) -> String {
    match kind {
        selfhelp_bundle::SelfHelpType::Other(name) => name.to_ascii_lowercase(),
        known => format!("{known:?}").to_ascii_lowercase(),
    }
}

impl BuildOutput {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    /// `(errors, warnings)`.
    pub fn counts(&self) -> (usize, usize) {
        counts(&self.diagnostics)
    }
}

/// Compiles the given files and folders (folders recursively, `*.md` only).
pub fn build(paths: &[PathBuf]) -> BuildOutput {
    build_observed(paths, |_| {}, || {})
}

/// [`build`], telling `on_total` (from any thread) how many files were found once the
/// walk is over, and calling `on_file` (from any thread) after each one, for progress bars.
pub fn build_observed(
    paths: &[PathBuf],
    on_total: impl FnOnce(usize) + Send,
    on_file: impl Fn() + Sync,
) -> BuildOutput {
    let compilation = compile_all(paths, on_total, on_file, |article| article);
    let mut articles = Vec::with_capacity(compilation.units.len());
    let mut reports = Vec::with_capacity(compilation.units.len());
    let files = compilation.units.len();
    let (mut unaccounted, mut silent_drops) = (0, 0);
    for unit in compilation.units {
        unaccounted += usize::from(unit.unaccounted());
        silent_drops += unit.silent_drops;
        // Articles involved in a duplicate stay in; the build fails on the error anyway.
        if let Some(article) = unit.kept {
            articles.push(article);
        }
        reports.push(unit.report);
    }
    sort_articles(&mut articles);
    BuildOutput {
        compiled: articles.len(),
        bundle: Bundle { articles },
        diagnostics: compilation.diagnostics,
        files,
        unaccounted,
        silent_drops,
        reports,
    }
}

/// What became of one file, its article (when it compiled without errors) turned into
/// whatever the caller keeps of it.
pub struct Unit<T> {
    pub report: FileReport,
    /// The article id the file declares, if it could be read as an article.
    pub article_id: Option<String>,
    pub kept: Option<T>,
    /// An error found across files (a duplicate id) refuses the article too.
    pub refused_across_files: bool,
    pub silent_drops: usize,
    /// Whether the file yielded neither an article nor an error (a bug if ever true).
    yielded_nothing: bool,
}

impl<T> Unit<T> {
    fn unaccounted(&self) -> bool {
        self.yielded_nothing
    }

    /// Whether the article can be published: it compiled and no error concerns it.
    pub fn publishable(&self) -> bool {
        self.kept.is_some() && !self.refused_across_files
    }
}

/// Every file compiled, in walk order, with the build's diagnostics.
pub struct Compilation<T> {
    pub units: Vec<Unit<T>>,
    /// In file order, then the cross-file ones (duplicate ids, references).
    pub diagnostics: Vec<Diagnostic>,
}

/// The core of every build: walks `paths` on a thread of its own, compiles each file on
/// the rayon pool as soon as it is found, and turns each article that compiled without
/// errors into a `T` with `keep`, on the worker that compiled it (a site build encodes
/// it there, so no build holds every article as a tree at once).
pub fn compile_all<T: Send>(
    paths: &[PathBuf],
    on_total: impl FnOnce(usize) + Send,
    on_file: impl Fn() + Sync,
    keep: impl Fn(Article) -> T + Sync,
) -> Compilation<T> {
    let (sender, receiver) = std::sync::mpsc::channel();
    let (walked, compiled) = std::thread::scope(|scope| {
        let walker = scope.spawn(move || {
            let walked = inputs::walk(paths, |input| {
                // The receiver lives until every file is compiled, so this cannot fail.
                let _ = sender.send(input);
            });
            on_total(walked.files);
            walked
        });
        // Boxed: a result is large, and it is moved several times on its way back.
        let compiled: Vec<(usize, Box<Finished<T>>)> = receiver
            .into_iter()
            .par_bridge()
            .map(|input| {
                let finished = finish(compile_input(&input), &input.relative, &keep);
                (input.index, Box::new(finished))
            })
            .inspect(|_| on_file())
            .collect();
        // The walk cannot panic; were it to, the files it sent are still compiled.
        (walker.join().unwrap_or_default(), compiled)
    });
    // Back in walk order, each result put straight into its slot.
    let mut slots: Vec<Option<Box<Finished<T>>>> = Vec::new();
    slots.resize_with(compiled.len(), || None);
    for (index, result) in compiled {
        if let Some(slot) = slots.get_mut(index) {
            *slot = Some(result);
        }
    }
    let results: Vec<Box<Finished<T>>> = slots.into_iter().flatten().collect();
    let outlines: Vec<&Outline> = results.iter().map(|result| &result.outline).collect();
    let ((duplicates, refused), references) = rayon::join(
        || duplicate_ids(&outlines),
        || crate::data::check_references(&outlines),
    );
    let mut diagnostics = walked.diagnostics;
    let mut units = Vec::with_capacity(results.len());
    for (index, result) in results.into_iter().enumerate() {
        let Finished {
            outline,
            report,
            kept,
            diagnostics: own,
        } = *result;
        diagnostics.extend(own);
        units.push(Unit {
            yielded_nothing: !outline.has_errors && outline.article_id.is_none(),
            report,
            article_id: outline.article_id,
            kept,
            refused_across_files: refused.contains(&index),
            silent_drops: outline.silent_drops,
        });
    }
    diagnostics.extend(duplicates);
    diagnostics.extend(references);
    Compilation { units, diagnostics }
}

/// What the cross-file checks need of a compiled file, once its article has been kept.
pub struct Outline {
    pub source: Arc<SourceFile>,
    pub id_span: std::ops::Range<usize>,
    pub article_id: Option<String>,
    /// Whether its article names other articles ([`crate::data::references_articles`]).
    pub references: bool,
    pub has_errors: bool,
    pub silent_drops: usize,
}

struct Finished<T> {
    outline: Outline,
    report: FileReport,
    kept: Option<T>,
    diagnostics: Vec<Diagnostic>,
}

fn finish<T>(unit: Compiled, relative: &str, keep: &impl Fn(Article) -> T) -> Finished<T> {
    let report = FileReport::of(&unit, relative);
    let has_errors = unit.has_errors();
    let outline = Outline {
        article_id: unit.article.as_ref().map(|a| a.meta.article_id.clone()),
        references: unit
            .article
            .as_ref()
            .is_some_and(crate::data::references_articles),
        has_errors,
        silent_drops: unit.silent_drops,
        source: unit.source,
        id_span: unit.id_span,
    };
    let kept = match (has_errors, unit.article) {
        (false, Some(article)) => Some(keep(article)),
        _ => None,
    };
    Finished {
        outline,
        report,
        kept,
        diagnostics: unit.diagnostics,
    }
}

/// Sorts by display order (none last), then title, then id.
pub fn sort_articles(articles: &mut [Article]) {
    articles.par_sort_by_cached_key(|a| {
        (
            a.meta.display_order.is_none(),
            a.meta.display_order,
            Inline::plain_text(&a.title),
            a.meta.article_id.clone(),
            a.source.clone(),
        )
    });
}

/// Reads and compiles one file.
fn compile_input(input: &Input) -> Compiled {
    let name = input.path.display().to_string();
    match std::fs::read(&input.path) {
        Ok(bytes) => {
            let mut unit = compile_owned(&name, &input.relative, bytes);
            unit.release_source();
            unit
        }
        Err(error) => Compiled {
            diagnostics: vec![unreadable(&input.path, &error)],
            source: Arc::new(SourceFile::new(name, "")),
            article: None,
            id_span: 0..0,
            silent_drops: 0,
        },
    }
}

pub(crate) fn unreadable(path: &Path, error: &dyn std::fmt::Display) -> Diagnostic {
    let source = Arc::new(SourceFile::new(path.display().to_string(), ""));
    Diagnostic::error(
        codes::UNREADABLE,
        format!("cannot read `{}`: {error}", path.display()),
        &source,
        0..0,
        "unreadable",
    )
}

/// SH0004 for every article whose id an earlier file already uses, labelled in both,
/// with the indices of the later files, whose articles the error refuses.
fn duplicate_ids(units: &[&Outline]) -> (Vec<Diagnostic>, HashSet<usize>) {
    let mut first: HashMap<&str, &Outline> = HashMap::with_capacity(units.len());
    let mut diagnostics = Vec::new();
    let mut refused = HashSet::new();
    for (index, unit) in units.iter().enumerate() {
        let Some(id) = unit.article_id.as_deref() else {
            continue;
        };
        if id.is_empty() {
            continue;
        }
        match first.get(id) {
            Some(original) => {
                refused.insert(index);
                diagnostics.push(
                    Diagnostic::error(
                        codes::DUPLICATE_ARTICLE_ID,
                        format!(
                            "articleId `{id}` is used by both `{}` and `{}`",
                            original.source.name, unit.source.name
                        ),
                        &unit.source,
                        unit.id_span.clone(),
                        "duplicate id here",
                    )
                    .with_secondary(Label::new(
                        &original.source,
                        original.id_span.clone(),
                        "first used here",
                    ))
                    .with_help("every article needs its own articleId"),
                )
            }
            None => {
                first.insert(id, unit);
            }
        }
    }
    (diagnostics, refused)
}
