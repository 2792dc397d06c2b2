//! Lowers one parsed article (header + markdown outline) into a `selfhelp_bundle::Article`.

use std::ops::Range;
use std::sync::Arc;

use selfhelp_bundle::{Article, ArticleBody, Block, Inline, Node, NodeKind, SelfHelpType};
use sha2::{Digest, Sha256};

use crate::diagnostics::{codes, Diagnostic, Label};
use crate::flow::{TreeBuilder, GENERAL_CASE_LABEL};
use crate::header::{self, Header};
use crate::markdown;
use crate::sections;
use crate::source::{InvalidUtf8, SourceFile};
use crate::{form, form::Fenced};

/// The result of compiling one file.
#[derive(Debug, Clone)]
pub struct Compiled {
    pub source: Arc<SourceFile>,
    /// `None` when the file could not be read as an article at all.
    pub article: Option<Article>,
    pub diagnostics: Vec<Diagnostic>,
    /// Where the article id is written, for duplicate-id diagnostics.
    pub id_span: Range<usize>,
    /// Pieces of content dropped without a diagnostic; always 0 unless there is a bug
    /// (the corpus test checks it).
    pub silent_drops: usize,
}

impl Compiled {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    /// Lets go of the source text that nothing will point into any more: a file without
    /// diagnostics keeps only its lines up to the article id, which a duplicate-id error
    /// found later may still show. A build over thousands of files holds much less this
    /// way, and the text is freed by the thread that read it.
    pub fn release_source(&mut self) {
        let keep = !self.diagnostics.is_empty()
            || self
                .article
                .as_ref()
                .is_some_and(crate::data::references_articles);
        if !keep {
            self.source = Arc::new(self.source.head(self.id_span.end));
        }
    }
}

/// Compiles one article. `name` is shown in diagnostics; `relative` becomes
/// `Article::source`. Never panics, whatever the bytes.
pub fn compile(name: &str, relative: &str, bytes: &[u8]) -> Compiled {
    compile_decoded(relative, hex_sha256(bytes), SourceFile::decode(name, bytes))
}

/// [`compile`] for bytes the caller is done with: valid UTF-8 becomes the text as it is,
/// without a copy (a build reads every file just for this).
pub fn compile_owned(name: &str, relative: &str, bytes: Vec<u8>) -> Compiled {
    let content_hash = hex_sha256(&bytes);
    compile_decoded(
        relative,
        content_hash,
        SourceFile::decode_owned(name, bytes),
    )
}

fn compile_decoded(
    relative: &str,
    content_hash: String,
    (source, invalid): (SourceFile, Option<InvalidUtf8>),
) -> Compiled {
    let source = Arc::new(source);
    let mut diagnostics = Vec::new();
    if let Some(invalid) = invalid {
        diagnostics.push(invalid.diagnostic(&source));
    }
    let Some(header) = header::parse(&source, &mut diagnostics) else {
        return Compiled {
            source,
            article: None,
            diagnostics,
            id_span: 0..0,
            silent_drops: 0,
        };
    };
    let mut silent_drops = 0;
    let body = lower(&source, &header, &mut diagnostics, &mut silent_drops);
    // Report in source order (the header's checks run after its scan, for example).
    diagnostics.sort_by_key(|d| d.primary.range.start);
    let id_span = header.article_id_span();
    let article = body.map(|(title, body, further_reading)| Article {
        meta: header.meta,
        content_hash,
        source: relative.to_string(),
        title,
        body,
        further_reading,
    });
    Compiled {
        source,
        article,
        diagnostics,
        id_span,
        silent_drops,
    }
}

/// Lowercase hex SHA-256.
pub fn hex_sha256(bytes: &[u8]) -> String {
    format!("{:x}", Sha256::digest(bytes))
}

type Lowered = (Vec<Inline>, ArticleBody, Vec<Block>);

fn lower(
    source: &Arc<SourceFile>,
    header: &Header,
    diagnostics: &mut Vec<Diagnostic>,
    silent_drops: &mut usize,
) -> Option<Lowered> {
    let end = source.text.len();
    if matches!(
        header.meta.self_help_type,
        SelfHelpType::ProblemScopingQuestions | SelfHelpType::TsgQuestions
    ) {
        let fenced: Fenced = form::find_fences(source, header.body_start(), diagnostics)?;
        let (before, drops) = markdown::parse_counted(source, fenced.before.clone(), diagnostics);
        *silent_drops += drops;
        let sections = sections::split(before);
        let form = form::parse(source, &fenced, diagnostics)?;
        let fallback = form.title.clone();
        let title = title(source, header, sections.title, &fallback, diagnostics);
        return Some((title, ArticleBody::Form(form), sections.further_reading));
    }
    if let Some(kind) = crate::data::kind(&header.meta.self_help_type) {
        let (sections, body, fallback) =
            crate::data::lower(source, kind, header.body_start(), diagnostics)?;
        let title = title(source, header, sections.title, &fallback, diagnostics);
        return Some((title, body, sections.further_reading));
    }
    let (blocks, drops) = markdown::parse_counted(source, header.body_start()..end, diagnostics);
    *silent_drops += drops;
    let mut sections = sections::split(blocks);
    let title = title(source, header, sections.title.take(), "", diagnostics);
    let mut builder = TreeBuilder::new(source);
    let body_offset = header.body_start();
    if sections.scenarios.is_empty() {
        builder.flow(std::mem::take(&mut sections.general), body_offset);
    } else {
        let choice_offset = sections.steps_offset.unwrap_or(body_offset);
        let mut options: Vec<_> = std::mem::take(&mut sections.scenarios)
            .into_iter()
            .map(|s| (s.label, s.offset, s.blocks))
            .collect();
        options.push((
            vec![Inline::Text(GENERAL_CASE_LABEL.into())],
            choice_offset,
            std::mem::take(&mut sections.general),
        ));
        builder.choice(choice_offset, options);
    }
    let mut tree = builder.finish();
    let mut further_reading = sections.further_reading;
    // An article that is only links (its steps are the documents) shows them as its one
    // step rather than an empty step with the links hidden behind "No".
    if let [Node {
        kind: NodeKind::Resolution {
            body, alternatives, ..
        },
        ..
    }] = tree.nodes.as_mut_slice()
    {
        if body.is_empty() && alternatives.is_empty() {
            *body = std::mem::take(&mut further_reading);
        }
    }
    Some((title, ArticleBody::Tree(tree), further_reading))
}

/// The first H1, else `pageTitle`, else `fallback`; SH0003 when all are empty.
fn title(
    source: &Arc<SourceFile>,
    header: &Header,
    body_title: Option<(Vec<Inline>, usize)>,
    fallback: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Inline> {
    if let Some((content, _)) = body_title {
        if !Inline::plain_text(&content).trim().is_empty() {
            return content;
        }
    }
    // An H1 written above the header is the title too (SH0011 does not fire for it).
    let mut ignored = Vec::new();
    let before = markdown::parse(source, 0..header.span.start, &mut ignored);
    if let Some((content, _)) = &sections::split(before).title {
        if !Inline::plain_text(content).trim().is_empty() {
            return content.clone();
        }
    }
    for text in [header.meta.page_title.trim(), fallback.trim()] {
        if !text.is_empty() {
            return vec![Inline::Text(text.to_string())];
        }
    }
    let (range, label) = match header.attribute("pageTitle") {
        Some(attribute) => (attribute.value_span.clone(), "`pageTitle` is empty"),
        None => (
            header.span.start..header.span.start + "<properties".len(),
            "no `pageTitle` in this header",
        ),
    };
    let mut diagnostic = Diagnostic::error(
        codes::MISSING_TITLE,
        "the article has no title",
        source,
        range,
        label,
    )
    .with_help("start the body with `# The problem` or set `pageTitle`");
    let body = header.body_start();
    diagnostic =
        diagnostic.with_secondary(Label::new(source, body..body, "and no `# H1` in the body"));
    diagnostics.push(diagnostic);
    Vec::new()
}
