//! Compiles every article under the input paths in parallel into one deterministic bundle.

use std::collections::HashMap;
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
    /// The `selfHelpType` as the compiler understood it, lower case; `(no article)` when
    /// the file could not be read as an article at all.
    pub kind: String,
    /// Whether the article is in the bundle.
    pub compiled: bool,
}

impl FileReport {
    fn of(unit: &Compiled) -> Self {
        FileReport {
            path: unit.source.name.clone(),
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
///
/// The walk runs on a thread of its own and hands each file over as it finds it, so
/// compiling starts at once instead of after the whole tree has been listed.
pub fn build_observed(
    paths: &[PathBuf],
    on_total: impl FnOnce(usize) + Send,
    on_file: impl Fn() + Sync,
) -> BuildOutput {
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
        let compiled: Vec<(usize, Box<(Compiled, FileReport)>)> = receiver
            .into_iter()
            .par_bridge()
            .map(|input| (input.index, Box::new(compile_input(&input))))
            .inspect(|_| on_file())
            .collect();
        // The walk cannot panic; were it to, the files it sent are still compiled.
        (walker.join().unwrap_or_default(), compiled)
    });
    // Back in walk order, each result put straight into its slot.
    let mut slots: Vec<Option<Box<(Compiled, FileReport)>>> = Vec::new();
    slots.resize_with(compiled.len(), || None);
    for (index, result) in compiled {
        if let Some(slot) = slots.get_mut(index) {
            *slot = Some(result);
        }
    }
    let results: Vec<Box<(Compiled, FileReport)>> = slots.into_iter().flatten().collect();
    let units: Vec<&Compiled> = results.iter().map(|result| &result.0).collect();
    let mut diagnostics = walked.diagnostics;
    let files = units.len();
    let (mut duplicates, references) = rayon::join(
        || duplicate_ids(&units),
        || crate::data::check_references(&units),
    );
    duplicates.extend(references);
    let mut articles = Vec::with_capacity(files);
    let mut reports = Vec::with_capacity(files);
    let mut unaccounted = 0;
    let mut silent_drops = 0;
    for result in results {
        let (unit, report) = *result;
        reports.push(report);
        let clean = !unit.has_errors();
        if clean && unit.article.is_none() {
            unaccounted += 1;
        }
        silent_drops += unit.silent_drops;
        diagnostics.extend(unit.diagnostics);
        if let (true, Some(article)) = (clean, unit.article) {
            articles.push(article);
        }
    }
    diagnostics.extend(duplicates);
    // Articles involved in a duplicate stay in; the build fails on the error anyway.
    sort_articles(&mut articles);
    BuildOutput {
        compiled: articles.len(),
        bundle: Bundle { articles },
        diagnostics,
        files,
        unaccounted,
        silent_drops,
        reports,
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

/// Reads and compiles one file, and says what became of it.
fn compile_input(input: &Input) -> (Compiled, FileReport) {
    let name = input.path.display().to_string();
    let unit = match std::fs::read(&input.path) {
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
    };
    let report = FileReport::of(&unit);
    (unit, report)
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

/// SH0004 for every article whose id an earlier file already uses, labelled in both.
fn duplicate_ids(units: &[&Compiled]) -> Vec<Diagnostic> {
    let mut first: HashMap<&str, &Compiled> = HashMap::with_capacity(units.len());
    let mut diagnostics = Vec::new();
    for unit in units {
        let Some(article) = &unit.article else {
            continue;
        };
        let id = article.meta.article_id.as_str();
        if id.is_empty() {
            continue;
        }
        match first.get(id) {
            Some(original) => diagnostics.push(
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
            ),
            None => {
                first.insert(id, unit);
            }
        }
    }
    diagnostics
}
