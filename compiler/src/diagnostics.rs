//! Diagnostics with stable codes, rendered as source snippets by codespan-reporting.

use std::fmt;
use std::ops::Range;
use std::sync::Arc;

use codespan_reporting::diagnostic as cs;
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::{self, termcolor};

use crate::source::SourceFile;

/// The stable codes; each is documented with an example in `docs/diagnostics.md`.
pub mod codes {
    /// Every code, in order; each must have a section in `docs/diagnostics.md`.
    pub const ALL: [&str; 36] = [
        NO_HEADER,
        UNCLOSED_HEADER,
        MISSING_TITLE,
        DUPLICATE_ARTICLE_ID,
        UNSAFE_LINK,
        INVALID_UTF8,
        MISSING_ARTICLE_ID,
        RAW_HTML,
        BAD_FORM_JSON,
        NO_FORM_FENCE,
        CONTENT_BEFORE_HEADER,
        MALFORMED_HEADER,
        DUPLICATE_ATTRIBUTE,
        BAD_DISPLAY_ORDER,
        BAD_FORM_FIELD,
        UNREADABLE,
        BAD_VISIBILITY,
        BAD_CUSTOM_BLOCK,
        BAD_REGION,
        UNKNOWN_CLOUD,
        ATTRIBUTE_TYPO,
        LINK_REPAIRED,
        ANCHOR_NOT_FOUND,
        HEADING_REPAIRED,
        BARE_URL,
        TABLE_ROW_TOO_WIDE,
        NESTING_FLATTENED,
        LENIENT_JSON,
        DUPLICATE_KEY,
        KEY_SPELLING,
        UNKNOWN_VISIBILITY_FIELD,
        UNKNOWN_VISIBILITY_VALUE,
        VISIBILITY_ORDER,
        MISSING_SOLUTION_ARTICLE,
        BAD_DATA_JSON,
        BAD_SYNONYM,
    ];

    /// No `<properties ... />` header.
    pub const NO_HEADER: &str = "SH0001";
    /// The header has no closing `/>` (or `>`).
    pub const UNCLOSED_HEADER: &str = "SH0002";
    /// Neither an H1 nor a `pageTitle`.
    pub const MISSING_TITLE: &str = "SH0003";
    /// Two files share an `articleId`.
    pub const DUPLICATE_ARTICLE_ID: &str = "SH0004";
    /// A `javascript:`, `data:` or `vbscript:` link.
    pub const UNSAFE_LINK: &str = "SH0005";
    /// Bytes that are not UTF-8 (decoded as Windows-1252).
    pub const INVALID_UTF8: &str = "SH0006";
    /// No (or an empty) `articleId`.
    pub const MISSING_ARTICLE_ID: &str = "SH0007";
    /// Raw HTML that was dropped.
    pub const RAW_HTML: &str = "SH0008";
    /// The JSON of a problem-scoping form is malformed or has the wrong shape.
    pub const BAD_FORM_JSON: &str = "SH0009";
    /// A problem-scoping form without its `---` fences.
    pub const NO_FORM_FENCE: &str = "SH0010";
    /// Text before the header, which is ignored.
    pub const CONTENT_BEFORE_HEADER: &str = "SH0011";
    /// Header syntax the scanner had to guess at (a stray character, an unquoted value).
    pub const MALFORMED_HEADER: &str = "SH0012";
    /// The same attribute twice in a header; the first one wins.
    pub const DUPLICATE_ATTRIBUTE: &str = "SH0013";
    /// A `displayOrder` that is not a whole number.
    pub const BAD_DISPLAY_ORDER: &str = "SH0014";
    /// A form element that is incomplete or has an unknown validation.
    pub const BAD_FORM_FIELD: &str = "SH0015";
    /// A file or folder that could not be read.
    pub const UNREADABLE: &str = "SH0016";
    /// A form element's `visibility` condition that cannot be parsed.
    pub const BAD_VISIBILITY: &str = "SH0017";

    /// A custom XML block (`<insight>`, `<video>`, …) without the fields it needs.
    pub const BAD_CUSTOM_BLOCK: &str = "SH0100";
    /// A template region comment without its pair, or regions that cross.
    pub const BAD_REGION: &str = "SH0101";
    /// A `cloudEnvironments` name no known cloud has.
    pub const UNKNOWN_CLOUD: &str = "SH0102";
    /// An attribute name that looks like a misspelt known one.
    pub const ATTRIBUTE_TYPO: &str = "SH0103";
    /// Broken link syntax, repaired.
    pub const LINK_REPAIRED: &str = "SH0104";
    /// A `#anchor` link that matches no heading of the article.
    pub const ANCHOR_NOT_FOUND: &str = "SH0105";
    /// A `#Heading` without a space, read as a heading.
    pub const HEADING_REPAIRED: &str = "SH0106";
    /// A bare URL in text, made a link.
    pub const BARE_URL: &str = "SH0107";
    /// A table row with more cells than its header.
    pub const TABLE_ROW_TOO_WIDE: &str = "SH0108";
    /// Lists, quotes, regions or inline spans nested too deep were flattened.
    pub const NESTING_FLATTENED: &str = "SH0109";
    /// Form or data JSON with a quirk the reader tolerated (trailing comma, unquoted key, raw control character).
    pub const LENIENT_JSON: &str = "SH0200";
    /// A JSON key set twice in one object (ignoring case); the last value wins.
    pub const DUPLICATE_KEY: &str = "SH0201";
    /// A form key written in another case or with a known misspelling; it is read as the right key.
    pub const KEY_SPELLING: &str = "SH0202";
    /// A visibility condition names a field the form does not have.
    pub const UNKNOWN_VISIBILITY_FIELD: &str = "SH0203";
    /// A visibility condition compares a choice field with a value that is not one of its options.
    pub const UNKNOWN_VISIBILITY_VALUE: &str = "SH0204";
    /// A visibility condition reads the field itself or a field that comes later in the form.
    pub const VISIBILITY_ORDER: &str = "SH0205";
    /// A `commonSolutionArticleId` names an article that is not in the build.
    pub const MISSING_SOLUTION_ARTICLE: &str = "SH0206";
    /// The JSON of a data article (advisor, support topics, diagnose and solve) cannot be read.
    pub const BAD_DATA_JSON: &str = "SH0207";
    /// A line of the synonyms file for search cannot be read.
    pub const BAD_SYNONYM: &str = "SH0208";
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        })
    }
}

/// A byte range of a source file with a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    pub source: Arc<SourceFile>,
    pub range: Range<usize>,
    pub message: String,
}

impl Label {
    pub fn new(source: &Arc<SourceFile>, range: Range<usize>, message: impl Into<String>) -> Self {
        Label {
            range: source.clamp_range(range),
            source: Arc::clone(source),
            message: message.into(),
        }
    }

    /// `path:line:col` of the start of the label.
    pub fn location(&self) -> String {
        let (line, col) = self.source.line_col(self.range.start);
        format!("{}:{line}:{col}", self.source.name)
    }
}

/// One problem found in the sources.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub code: &'static str,
    pub severity: Severity,
    pub message: String,
    /// The path of the file the primary label is in.
    pub file: String,
    pub primary: Label,
    /// Further places, possibly in other files.
    pub secondary: Vec<Label>,
    pub help: Option<String>,
}

impl Diagnostic {
    pub fn new(
        code: &'static str,
        severity: Severity,
        message: impl Into<String>,
        source: &Arc<SourceFile>,
        range: Range<usize>,
        label: impl Into<String>,
    ) -> Self {
        Diagnostic {
            code,
            severity,
            message: message.into(),
            file: source.name.clone(),
            primary: Label::new(source, range, label),
            secondary: Vec::new(),
            help: None,
        }
    }

    pub fn error(
        code: &'static str,
        message: impl Into<String>,
        source: &Arc<SourceFile>,
        range: Range<usize>,
        label: impl Into<String>,
    ) -> Self {
        Self::new(code, Severity::Error, message, source, range, label)
    }

    pub fn warning(
        code: &'static str,
        message: impl Into<String>,
        source: &Arc<SourceFile>,
        range: Range<usize>,
        label: impl Into<String>,
    ) -> Self {
        Self::new(code, Severity::Warning, message, source, range, label)
    }

    pub fn with_secondary(mut self, label: Label) -> Self {
        self.secondary.push(label);
        self
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `path:line:col` of the primary label.
    pub fn location(&self) -> String {
        self.primary.location()
    }

    /// Renders as `error[SH0001]: message`, ` ┌─ path:line:col` and the snippet.
    pub fn render(&self, color: bool) -> String {
        let mut out = if color {
            termcolor::Buffer::ansi()
        } else {
            termcolor::Buffer::no_color()
        };
        self.emit(&mut out);
        String::from_utf8_lossy(out.as_slice()).into_owned()
    }

    /// Writes the rendered diagnostic; the writer decides about colour.
    pub fn emit(&self, writer: &mut dyn termcolor::WriteColor) {
        let mut sources: Vec<&Arc<SourceFile>> = Vec::new();
        for label in std::iter::once(&self.primary).chain(&self.secondary) {
            if !sources.iter().any(|s| Arc::ptr_eq(s, &label.source)) {
                sources.push(&label.source);
            }
        }
        let mut files = SimpleFiles::new();
        let ids: Vec<usize> = sources
            .iter()
            .map(|s| files.add(s.name.as_str(), s.text.as_str()))
            .collect();
        let id_of = |source: &Arc<SourceFile>| -> usize {
            sources
                .iter()
                .position(|s| Arc::ptr_eq(s, source))
                .and_then(|i| ids.get(i).copied())
                .unwrap_or(0)
        };
        let primary = cs::Label::primary(id_of(&self.primary.source), self.primary.range.clone())
            .with_message(&self.primary.message);
        // A file with no text (unreadable input) has nothing to show: no snippet then.
        let mut labels = if self.primary.source.text.is_empty() {
            Vec::new()
        } else {
            vec![primary]
        };
        for label in &self.secondary {
            labels.push(
                cs::Label::secondary(id_of(&label.source), label.range.clone())
                    .with_message(&label.message),
            );
        }
        let diagnostic = match self.severity {
            Severity::Error => cs::Diagnostic::error(),
            Severity::Warning => cs::Diagnostic::warning(),
        }
        .with_code(self.code)
        .with_message(&self.message)
        .with_labels(labels)
        .with_notes(self.help.iter().map(|h| format!("help: {h}")).collect());
        let config = term::Config::default();
        if term::emit(writer, &config, &files, &diagnostic).is_err() {
            // Rendering only fails on a write error or a range outside the file, which the
            // clamped labels rule out; fall back to one plain line rather than panic.
            let _ = writeln!(
                writer,
                "{}[{}]: {} at {}",
                self.severity,
                self.code,
                self.message,
                self.location()
            );
        }
    }
}

/// Counts of errors and warnings.
pub fn counts(diagnostics: &[Diagnostic]) -> (usize, usize) {
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    (errors, diagnostics.len() - errors)
}

/// Renders a list of diagnostics without colour, one after another.
pub fn render_all(diagnostics: &[Diagnostic]) -> String {
    diagnostics.iter().map(|d| d.render(false)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_increasing_and_documented() {
        // Codes come in ranges (SH00xx general, SH01xx markdown, SH02xx forms): unique,
        // increasing, and well formed.
        for pair in codes::ALL.windows(2) {
            assert!(pair[0] < pair[1], "{} then {}", pair[0], pair[1]);
        }
        for code in codes::ALL {
            assert!(code.len() == 6 && code.starts_with("SH"), "{code}");
            assert!(code[2..].chars().all(|c| c.is_ascii_digit()), "{code}");
        }
        let docs = concat!(env!("CARGO_MANIFEST_DIR"), "/../docs/diagnostics.md");
        let docs = std::fs::read_to_string(docs).expect("docs/diagnostics.md exists");
        for code in codes::ALL {
            assert!(
                docs.contains(&format!("\n## {code}\n")),
                "{code} is not documented"
            );
        }
    }

    #[test]
    fn renders_without_colour_and_with_location() {
        let source = Arc::new(SourceFile::new("a.md", "one\ntwo three\n"));
        let diagnostic = Diagnostic::error(codes::UNSAFE_LINK, "bad", &source, 8..13, "here")
            .with_help("fix it");
        assert_eq!(diagnostic.location(), "a.md:2:5");
        let text = diagnostic.render(false);
        assert!(text.starts_with("error[SH0005]: bad\n"), "{text}");
        assert!(text.contains("┌─ a.md:2:5"), "{text}");
        assert!(text.contains("= help: fix it"), "{text}");
        assert!(!text.contains('\u{1b}'));
        assert!(diagnostic.render(true).contains('\u{1b}'));
    }
}
