//! `selfhelp build <paths>... --out <dir> [--keep-going] [--json]`: compile into a site.

use std::path::{Path, PathBuf};

use selfhelp_compiler::site::report::REPORT_FILE;
use selfhelp_compiler::{Diagnostic, SiteBuild, SiteOptions};

use crate::{progress, report, summary, Status};

pub fn run(paths: &[PathBuf], out: &Path, options: &SiteOptions) -> Status {
    let bar = progress::bar();
    let build = selfhelp_compiler::build_site(
        paths,
        out,
        options,
        |total| progress::counted(&bar, total),
        || bar.inc(1),
    );
    bar.finish_and_clear();
    let build = match build {
        Ok(build) => build,
        Err(error) => {
            eprintln!(
                "error: {error}; the previous site in {} is untouched",
                out.display()
            );
            return Status::Failed;
        }
    };
    report::print(&build.diagnostics);
    print_codes(&build.diagnostics);
    for note in &build.notes {
        eprintln!("note: {note}");
    }
    let (errors, warnings) = build.counts();
    let Some(published) = build.published else {
        eprintln!(
            "Build failed: {errors} errors, {warnings} warnings; nothing written to {} \
             (--keep-going publishes the articles without errors)",
            out.display()
        );
        return Status::Failed;
    };
    print_refused(&build);
    println!(
        "Published {} articles into {} (build {}): {} files written, {} unchanged, {} removed; \
         report in {}",
        build.report.published,
        out.display(),
        build.report.build_id,
        published.written,
        published.reused,
        published.removed,
        out.join(REPORT_FILE).display(),
    );
    match build.report.refused_count() {
        0 => Status::Ok,
        _ => Status::Refused,
    }
}

/// Codes shown by name in the by-code line; the rest are counted.
const CODES_SHOWN: usize = 6;

/// The diagnostics by code, most frequent first, on one line after them: a library's build
/// prints thousands, and this is where an operator starts.
fn print_codes(diagnostics: &[Diagnostic]) {
    let mut codes = summary::code_rows(diagnostics);
    if codes.is_empty() {
        return;
    }
    let count = |row: &summary::CodeRow| row.errors + row.warnings;
    codes.sort_by(|a, b| count(b).cmp(&count(a)).then(a.code.cmp(&b.code)));
    let shown: Vec<String> = codes
        .iter()
        .take(CODES_SHOWN)
        .map(|row| format!("{} ×{}", row.code, count(row)))
        .collect();
    let more = match codes.len().saturating_sub(CODES_SHOWN) {
        0 => String::new(),
        n => format!(" and {n} more codes"),
    };
    eprintln!(
        "by code: {}{more} (`selfhelp check` prints the full table)",
        shown.join(", ")
    );
}

/// What was left out, on stderr, so a script's log shows it beside the diagnostics.
fn print_refused(build: &SiteBuild) {
    let report = &build.report;
    if report.refused.is_empty() {
        return;
    }
    eprintln!(
        "Refused {} articles with errors ({} kept at their previous version, {} not published):",
        report.refused_count(),
        report.kept_count(),
        report.refused_count() - report.kept_count()
    );
    for refused in &report.refused {
        match &refused.kept {
            Some(kept) => eprintln!(
                "  {}: previous version {} of {} kept",
                refused.source,
                kept.version.get(..12).unwrap_or(&kept.version),
                kept.article_id
            ),
            None => eprintln!("  {}: not published", refused.source),
        }
    }
}
