//! What search sees of an article: its text as passages of typed fields, each with the
//! step of the flow it belongs to, so a result whose best match is a cause opens the
//! article at that cause.

use std::collections::VecDeque;

use selfhelp_bundle::{
    encode_with_header, Article, ArticleBody, Block, BundleError, DecisionTree, FileId, FileKind,
    Header, Inline, NodeKind,
};
use selfhelp_search::{AnalyzedDoc, Config, Document, Facets, Field, Passage, Synonyms};

use super::catalog::Plan;
use super::pack::{file_id, SiteFile};
use super::prepare::Prepared;

/// The kinds' numbers in the index's facets (the widget reads them back the same way).
pub const TROUBLESHOOTER: u8 = 0;
pub const QUESTIONNAIRE: u8 = 1;

/// The document of a playable article (data articles are not searched: nobody plays
/// them); its product is set once the catalogue is planned.
pub fn document(article: &Article) -> Option<Document> {
    let kind = match &article.body {
        ArticleBody::Tree(_) => TROUBLESHOOTER,
        ArticleBody::Form(_) => QUESTIONNAIRE,
        ArticleBody::Data(_) => return None,
    };
    let title = article.display_title();
    let mut passages = Passages::default();
    let description = article.meta.description.trim();
    if !description.is_empty() && !description.eq_ignore_ascii_case(title.trim()) {
        passages.push(Field::Description, description.to_string(), None);
    }
    match &article.body {
        ArticleBody::Tree(tree) => tree_passages(tree, &mut passages),
        ArticleBody::Form(form) => {
            for field in &form.fields {
                let mut text = field.label.clone();
                for option in &field.options {
                    text.push_str(". ");
                    text.push_str(&option.text);
                }
                passages.push(Field::Form, text, None);
                passages.blocks(Field::Form, &field.info_balloon, None);
                for hint in &field.hints {
                    passages.blocks(Field::Form, hint, None);
                }
            }
        }
        ArticleBody::Data(_) => {}
    }
    passages.blocks(Field::FurtherReading, &article.further_reading, None);
    Some(Document {
        key: article.meta.article_id.clone(),
        title,
        facets: Facets {
            product: 0,
            kind,
            clouds: selfhelp_bundle::clouds_mask(&article.meta.cloud_environments),
        },
        passages: passages.0,
    })
}

#[derive(Default)]
struct Passages(Vec<Passage>);

impl Passages {
    fn push(&mut self, field: Field, text: String, target: Option<&str>) {
        if !text.trim().is_empty() {
            self.0.push(Passage {
                field,
                text,
                target: target.filter(|t| !t.is_empty()).map(str::to_string),
            });
        }
    }

    /// Blocks as passages: headings of their own, the rest together in `field`, and
    /// placeholders' default text as a field of its own too.
    fn blocks(&mut self, field: Field, blocks: &[Block], target: Option<&str>) {
        let mut text = Vec::new();
        for block in blocks {
            match block {
                Block::Heading { content, .. } => {
                    self.push(Field::Heading, Inline::plain_text(content), target)
                }
                other => text.push(other.clone()),
            }
            self.placeholders(block, target);
        }
        self.push(field, Block::plain_text(&text), target);
    }

    fn placeholders(&mut self, block: &Block, target: Option<&str>) {
        let mut defaults = Vec::new();
        collect_placeholders(std::slice::from_ref(block), &mut defaults);
        for default in defaults {
            self.push(Field::Placeholder, default, target);
        }
    }
}

fn collect_placeholders(blocks: &[Block], out: &mut Vec<String>) {
    fn inlines(content: &[Inline], out: &mut Vec<String>) {
        for inline in content {
            match inline {
                Inline::Placeholder { default, .. } => out.push(Inline::plain_text(default)),
                Inline::Strong(c) | Inline::Emphasis(c) | Inline::Strikethrough(c) => {
                    inlines(c, out)
                }
                Inline::Link { content, .. } => inlines(content, out),
                _ => {}
            }
        }
    }
    for block in blocks {
        match block {
            Block::Paragraph(content) | Block::Heading { content, .. } => inlines(content, out),
            Block::List { items, .. } => items
                .iter()
                .for_each(|item| collect_placeholders(item, out)),
            Block::Quote(inner) | Block::Region { content: inner, .. } => {
                collect_placeholders(inner, out)
            }
            _ => {}
        }
    }
}

/// Each node's text, with the shortest answer path that reaches the node.
fn tree_passages(tree: &DecisionTree, passages: &mut Passages) {
    let paths = shortest_paths(tree);
    for (index, node) in tree.nodes.iter().enumerate() {
        let Some(path) = paths.get(index).and_then(Option::as_deref) else {
            continue;
        };
        match &node.kind {
            NodeKind::Choice { prompt, choices } => {
                passages.push(Field::Heading, prompt.clone(), Some(path));
                for (number, choice) in choices.iter().enumerate() {
                    // A scenario opens the step it leads to: the reader picked it.
                    let picked = join(path, &number.to_string());
                    passages.push(
                        Field::Scenario,
                        Inline::plain_text(&choice.label),
                        Some(&picked),
                    );
                    passages.blocks(Field::Scenario, &choice.detail, Some(&picked));
                }
            }
            NodeKind::Check { cause, .. } => passages.blocks(Field::Cause, cause, Some(path)),
            NodeKind::Resolution {
                body, alternatives, ..
            } => {
                // A resolution's cause repeats its check's, indexed there.
                passages.blocks(Field::Resolution, body, Some(path));
                for alternative in alternatives {
                    passages.blocks(Field::Resolution, alternative, Some(path));
                }
            }
        }
    }
}

fn join(path: &str, token: &str) -> String {
    match path {
        "" => token.to_string(),
        _ => format!("{path}.{token}"),
    }
}

/// The answer path (`0.n.y`) of the shortest walk to each node, breadth first; `None`
/// for a node no walk reaches.
fn shortest_paths(tree: &DecisionTree) -> Vec<Option<String>> {
    let mut paths: Vec<Option<String>> = vec![None; tree.nodes.len()];
    let Some(root) = paths.get_mut(tree.root.0 as usize) else {
        return paths;
    };
    *root = Some(String::new());
    let mut queue = VecDeque::from([tree.root.0 as usize]);
    while let Some(index) = queue.pop_front() {
        let (Some(node), Some(path)) = (tree.nodes.get(index), paths[index].clone()) else {
            continue;
        };
        let next: Vec<(usize, String)> = match &node.kind {
            NodeKind::Choice { choices, .. } => choices
                .iter()
                .enumerate()
                .map(|(n, c)| (c.next.0 as usize, n.to_string()))
                .collect(),
            NodeKind::Check {
                if_confirmed,
                if_ruled_out,
                ..
            } => vec![
                (if_confirmed.0 as usize, "y".to_string()),
                (if_ruled_out.0 as usize, "n".to_string()),
            ],
            NodeKind::Resolution { if_unsolved, .. } => if_unsolved
                .iter()
                .map(|next| (next.0 as usize, "n".to_string()))
                .collect(),
        };
        for (target, token) in next {
            if let Some(slot @ None) = paths.get_mut(target) {
                *slot = Some(join(&path, &token));
                queue.push_back(target);
            }
        }
    }
    paths
}

/// The search index of a site: each playable article's analysed document (from
/// [`take_documents`], in catalogue order: articles of a product together, which keeps
/// their result records together), written as search files. `None` for a site with
/// nothing to search.
pub fn index(
    docs: Vec<AnalyzedDoc>,
    synonyms: &Synonyms,
    generator: &str,
) -> Result<Option<(FileId, Vec<SiteFile>)>, BundleError> {
    if docs.is_empty() {
        return Ok(None);
    }
    let header = Header::current(FileKind::SearchShard, generator);
    // A file's digest covers its header as the site stores it, so a new generator
    // renames the files as it changes their bytes.
    let header_digest = encode_with_header(&header, &[]).map(|bytes| file_id(&bytes).0)?;
    let digest = |payload: &[u8]| xxhash_rust::xxh3::xxh3_64_with_seed(payload, header_digest);
    let built = selfhelp_search::build(docs, synonyms, &Config::default(), &digest);
    let mut files = Vec::with_capacity(built.files.len() + 1);
    for (name, payload) in built.files {
        files.push(SiteFile {
            kind: FileKind::SearchShard,
            id: FileId(name),
            bytes: encode_with_header(&header, &payload)?,
        });
    }
    let root = built.root;
    let bytes = encode_with_header(&Header::current(FileKind::SearchRoot, generator), &root)?;
    let id = file_id(&bytes);
    files.push(SiteFile {
        kind: FileKind::SearchRoot,
        id,
        bytes,
    });
    Ok(Some((id, files)))
}

/// Every playable article of `paths` as search documents, in catalogue order with their
/// facets, and the products table: what a site's index is built from, for tools that
/// build indexes of their own (`cargo xtask bench --search` builds the plain-BM25 one
/// and feeds Pagefind the same text).
pub fn corpus_documents(paths: &[std::path::PathBuf]) -> (Vec<Document>, Vec<String>) {
    let compilation = crate::build::compile_all(
        paths,
        |_| {},
        || {},
        |article| {
            let summary = super::prepare::Summary::of(&article);
            (summary, document(&article))
        },
    );
    let mut seen = std::collections::HashSet::new();
    let kept: Vec<(super::prepare::Summary, Option<Document>)> = compilation
        .units
        .into_iter()
        .filter(|unit| unit.publishable())
        .filter_map(|unit| unit.kept)
        .filter(|(summary, _)| seen.insert(summary.id.clone()))
        .collect();
    let summaries: Vec<_> = kept.iter().map(|(summary, _)| summary).collect();
    let plan = super::catalog::plan(&summaries);
    let mut documents = Vec::new();
    let mut kept: Vec<Option<Document>> = kept.into_iter().map(|(_, doc)| doc).collect();
    for (product, plan) in plan.products.iter().enumerate() {
        for member in plan.groups.iter().flat_map(|g| &g.members) {
            if let Some(mut doc) = kept.get_mut(*member).and_then(Option::take) {
                doc.facets.product = product as u32;
                documents.push(doc);
            }
        }
    }
    (
        documents,
        plan.products.into_iter().map(|p| p.name).collect(),
    )
}

/// The analysed documents, taken out of the prepared articles in catalogue order with
/// their facets: the index numbers them in this order.
pub fn take_documents(prepared: &mut [Prepared], plan: &Plan) -> Vec<AnalyzedDoc> {
    let mut docs = Vec::new();
    for (product, plan) in plan.products.iter().enumerate() {
        for member in plan.groups.iter().flat_map(|g| &g.members) {
            let Some(article) = prepared.get_mut(*member) else {
                continue;
            };
            if let Some(mut doc) = article.search.take() {
                doc.set_facets(Facets {
                    product: product as u32,
                    ..doc_facets(article)
                });
                docs.push(doc);
            }
        }
    }
    docs
}

/// The kind and clouds of a prepared article, as its search document has them.
fn doc_facets(prepared: &Prepared) -> Facets {
    Facets {
        product: 0,
        kind: match prepared.summary.kind {
            Some(selfhelp_bundle::Kind::Questionnaire) => QUESTIONNAIRE,
            _ => TROUBLESHOOTER,
        },
        clouds: prepared.summary.clouds,
    }
}

#[cfg(test)]
mod tests {
    use selfhelp_bundle::{Choice, Metadata, Node, NodeId};

    use super::*;

    fn text(t: &str) -> Vec<Block> {
        vec![Block::Paragraph(vec![Inline::Text(t.to_string())])]
    }

    #[test]
    fn passages_carry_the_path_of_their_step() {
        let tree = DecisionTree {
            root: NodeId(0),
            nodes: vec![
                Node {
                    line: 1,
                    kind: NodeKind::Choice {
                        prompt: "Which fits?".into(),
                        choices: vec![
                            Choice {
                                label: vec![Inline::Text("Printing fails".into())],
                                detail: Vec::new(),
                                next: NodeId(1),
                            },
                            Choice {
                                label: vec![Inline::Text("Scanning fails".into())],
                                detail: Vec::new(),
                                next: NodeId(2),
                            },
                        ],
                    },
                },
                Node {
                    line: 2,
                    kind: NodeKind::Check {
                        cause: text("The spooler stopped"),
                        if_confirmed: NodeId(2),
                        if_ruled_out: NodeId(2),
                    },
                },
                Node {
                    line: 3,
                    kind: NodeKind::Resolution {
                        cause: Vec::new(),
                        body: text("Restart it"),
                        alternatives: Vec::new(),
                        if_unsolved: None,
                    },
                },
            ],
        };
        let article = Article {
            meta: Metadata {
                article_id: "a".into(),
                description: "Printers".into(),
                ..Metadata::default()
            },
            content_hash: String::new(),
            source: String::new(),
            title: vec![Inline::Text("Printer <!--$Name-->".into())],
            body: ArticleBody::Tree(tree),
            further_reading: text("Printing guide"),
        };
        let document = document(&article).expect("a playable article");
        let seen: Vec<(Field, &str, Option<&str>)> = document
            .passages
            .iter()
            .map(|p| (p.field, p.text.as_str(), p.target.as_deref()))
            .collect();
        assert_eq!(
            seen,
            [
                (Field::Description, "Printers", None),
                (Field::Heading, "Which fits?", None),
                (Field::Scenario, "Printing fails", Some("0")),
                (Field::Scenario, "Scanning fails", Some("1")),
                (Field::Cause, "The spooler stopped", Some("0")),
                // Reached by the second choice first, breadth first.
                (Field::Resolution, "Restart it", Some("1")),
                (Field::FurtherReading, "Printing guide", None),
            ]
        );
        assert_eq!(document.facets.kind, TROUBLESHOOTER);
    }
}
