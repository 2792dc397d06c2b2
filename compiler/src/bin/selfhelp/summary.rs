//! The summary `selfhelp check` ends with: files by `selfHelpType` (compiled, refused) and
//! diagnostics by code, as a text table or as JSON for tools.

use std::collections::BTreeMap;

use selfhelp_compiler::{BuildOutput, Diagnostic};
use serde::Serialize;

#[derive(Serialize)]
pub struct Summary<'a> {
    pub files: usize,
    pub compiled: usize,
    pub refused: usize,
    pub errors: usize,
    pub warnings: usize,
    pub types: Vec<TypeRow>,
    pub codes: Vec<CodeRow>,
    /// Filled only for `--format json`.
    pub diagnostics: Vec<JsonDiagnostic<'a>>,
}

#[derive(Serialize, Default)]
pub struct TypeRow {
    #[serde(rename = "type")]
    pub kind: String,
    pub files: usize,
    pub compiled: usize,
    pub refused: usize,
}

#[derive(Serialize, Default)]
pub struct CodeRow {
    pub code: String,
    pub errors: usize,
    pub warnings: usize,
}

#[derive(Serialize)]
pub struct JsonDiagnostic<'a> {
    pub code: &'a str,
    pub severity: String,
    pub message: &'a str,
    pub file: &'a str,
    pub line: usize,
    pub column: usize,
    /// Byte range in the file.
    pub start: usize,
    pub end: usize,
    pub label: &'a str,
    pub help: Option<&'a str>,
}

impl<'a> Summary<'a> {
    pub fn new(output: &'a BuildOutput, with_diagnostics: bool) -> Self {
        let mut types: BTreeMap<&str, TypeRow> = BTreeMap::new();
        for report in &output.reports {
            let row = types.entry(&report.kind).or_default();
            row.files += 1;
            if report.compiled {
                row.compiled += 1;
            } else {
                row.refused += 1;
            }
        }
        let (errors, warnings) = output.counts();
        Summary {
            files: output.files,
            compiled: output.compiled,
            refused: output.files - output.compiled.min(output.files),
            errors,
            warnings,
            // Most files first; ties by name.
            types: {
                let mut rows: Vec<TypeRow> = types
                    .into_iter()
                    .map(|(kind, row)| TypeRow {
                        kind: kind.to_string(),
                        ..row
                    })
                    .collect();
                rows.sort_by(|a, b| b.files.cmp(&a.files).then(a.kind.cmp(&b.kind)));
                rows
            },
            codes: code_rows(&output.diagnostics),
            diagnostics: if with_diagnostics {
                output.diagnostics.iter().map(json_diagnostic).collect()
            } else {
                Vec::new()
            },
        }
    }

    /// The two tables and the closing totals line.
    pub fn table(&self) -> String {
        let mut out = format!(
            "{:<32} {:>7} {:>9} {:>8}\n",
            "selfHelpType", "files", "compiled", "refused"
        );
        for row in &self.types {
            out += &format!(
                "{:<32} {:>7} {:>9} {:>8}\n",
                row.kind, row.files, row.compiled, row.refused
            );
        }
        out += &format!(
            "{:<32} {:>7} {:>9} {:>8}\n",
            "total", self.files, self.compiled, self.refused
        );
        if !self.codes.is_empty() {
            out += &format!("\n{:<8} {:>7} {:>9}\n", "code", "errors", "warnings");
            for row in &self.codes {
                out += &format!("{:<8} {:>7} {:>9}\n", row.code, row.errors, row.warnings);
            }
        }
        out += &format!(
            "\n{} files, {} compiled, {} errors, {} warnings\n",
            self.files, self.compiled, self.errors, self.warnings
        );
        out
    }
}

/// Errors and warnings of each code, by code (`check`'s table, `build`'s by-code line).
pub fn code_rows(diagnostics: &[Diagnostic]) -> Vec<CodeRow> {
    let mut codes: BTreeMap<&str, CodeRow> = BTreeMap::new();
    for d in diagnostics {
        let row = codes.entry(d.code).or_default();
        if d.is_error() {
            row.errors += 1;
        } else {
            row.warnings += 1;
        }
    }
    codes
        .into_iter()
        .map(|(code, row)| CodeRow {
            code: code.to_string(),
            ..row
        })
        .collect()
}

fn json_diagnostic(d: &Diagnostic) -> JsonDiagnostic<'_> {
    let (line, column) = d.primary.source.line_col(d.primary.range.start);
    JsonDiagnostic {
        code: d.code,
        severity: d.severity.to_string(),
        message: &d.message,
        file: &d.file,
        line,
        column,
        start: d.primary.range.start,
        end: d.primary.range.end,
        label: &d.primary.message,
        help: d.help.as_deref(),
    }
}
