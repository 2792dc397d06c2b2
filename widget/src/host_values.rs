//! What a host page supplies for an article: text for its placeholders and options for
//! its dynamic dropdowns, applied to a copy of the article before it is shown.
//!
//! A placeholder's value becomes its text, so it renders as text whatever it holds;
//! placeholders the host did not fill keep their default.

use std::collections::HashMap;

use selfhelp_bundle::{ArticleBody, Block, ChoiceOption, ChunkArticle, Inline, NodeKind};

/// The host's values for one widget.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct HostValues {
    pub placeholders: HashMap<String, String>,
    /// Field id → the options to offer.
    pub options: HashMap<String, Vec<ChoiceOption>>,
}

impl HostValues {
    pub fn is_empty(&self) -> bool {
        self.placeholders.is_empty() && self.options.is_empty()
    }

    /// `article` with the host's values in it.
    pub fn apply(&self, article: &ChunkArticle) -> ChunkArticle {
        let mut article = article.clone();
        if self.is_empty() {
            return article;
        }
        let a = &mut article.article;
        self.inlines(&mut a.title);
        self.blocks(&mut a.further_reading);
        match &mut a.body {
            ArticleBody::Tree(tree) => {
                for node in &mut tree.nodes {
                    match &mut node.kind {
                        NodeKind::Choice { choices, .. } => {
                            for choice in choices {
                                self.inlines(&mut choice.label);
                                self.blocks(&mut choice.detail);
                            }
                        }
                        NodeKind::Check { cause, .. } => self.blocks(cause),
                        NodeKind::Resolution {
                            cause,
                            body,
                            alternatives,
                            ..
                        } => {
                            self.blocks(cause);
                            self.blocks(body);
                            alternatives.iter_mut().for_each(|a| self.blocks(a));
                        }
                    }
                }
            }
            ArticleBody::Form(form) => {
                for field in &mut form.fields {
                    self.blocks(&mut field.info_balloon);
                    field.hints.iter_mut().for_each(|h| self.blocks(h));
                    if let Some(options) = self.options.get(&field.id) {
                        field.options = options.clone();
                        field.dynamic_options = None;
                    }
                }
            }
            ArticleBody::Data(data) => self.blocks(&mut data.blocks),
        }
        article
    }

    fn blocks(&self, blocks: &mut [Block]) {
        for block in blocks {
            match block {
                Block::Paragraph(content) | Block::Heading { content, .. } => self.inlines(content),
                Block::List { items, .. } => items.iter_mut().for_each(|item| self.blocks(item)),
                Block::Quote(inner) | Block::Region { content: inner, .. } => self.blocks(inner),
                Block::Table { header, rows } => {
                    header.iter_mut().for_each(|cell| self.inlines(cell));
                    rows.iter_mut()
                        .flatten()
                        .for_each(|cell| self.inlines(cell));
                }
                _ => {}
            }
        }
    }

    fn inlines(&self, inlines: &mut [Inline]) {
        for inline in inlines {
            match inline {
                Inline::Placeholder { name, default } => match self.placeholders.get(name) {
                    Some(value) => *default = vec![Inline::Text(value.clone())],
                    None => self.inlines(default),
                },
                Inline::Strong(c) | Inline::Emphasis(c) | Inline::Strikethrough(c) => {
                    self.inlines(c)
                }
                Inline::Link { content, .. } => self.inlines(content),
                _ => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use selfhelp_bundle::{
        Article, ControlType, DecisionTree, Field, Form, Metadata, Node, NodeId, Related,
    };

    use super::*;

    fn placeholder(name: &str, default: &str) -> Inline {
        Inline::Placeholder {
            name: name.into(),
            default: vec![Inline::Text(default.into())],
        }
    }

    fn article(body: ArticleBody) -> ChunkArticle {
        ChunkArticle {
            article: Article {
                meta: Metadata::default(),
                content_hash: String::new(),
                source: String::new(),
                title: vec![placeholder("server", "your server")],
                body,
                further_reading: Vec::new(),
            },
            related: Related::default(),
        }
    }

    #[test]
    fn placeholders_take_the_hosts_text_and_the_others_keep_their_default() {
        let tree = DecisionTree {
            root: NodeId(0),
            nodes: vec![Node {
                line: 1,
                kind: NodeKind::Check {
                    cause: vec![Block::Paragraph(vec![Inline::Strong(vec![
                        placeholder("db", "the database"),
                        placeholder("other", "something"),
                    ])])],
                    if_confirmed: NodeId(0),
                    if_ruled_out: NodeId(0),
                },
            }],
        };
        let values = HostValues {
            placeholders: [
                ("db".to_string(), "<b>sales</b>".to_string()),
                ("server".to_string(), "srv-1".to_string()),
            ]
            .into(),
            ..HostValues::default()
        };
        let applied = values.apply(&article(ArticleBody::Tree(tree)));
        assert_eq!(Inline::plain_text(&applied.article.title), "srv-1");
        let ArticleBody::Tree(tree) = &applied.article.body else {
            unreachable!()
        };
        let NodeKind::Check { cause, .. } = &tree.nodes[0].kind else {
            unreachable!()
        };
        // Text, not markup: the value is a text node whatever it holds.
        assert_eq!(Block::plain_text(cause), "<b>sales</b>something");
    }

    #[test]
    fn dynamic_dropdowns_take_the_hosts_options() {
        let mut region = Field::new("region", ControlType::Dropdown);
        region.dynamic_options = Some("{}".into());
        let form = Form {
            fields: vec![region, Field::new("other", ControlType::Dropdown)],
            ..Form::default()
        };
        let values = HostValues {
            options: [(
                "region".to_string(),
                vec![ChoiceOption {
                    value: "weu".into(),
                    text: "West Europe".into(),
                }],
            )]
            .into(),
            ..HostValues::default()
        };
        let applied = values.apply(&article(ArticleBody::Form(form)));
        let ArticleBody::Form(form) = &applied.article.body else {
            unreachable!()
        };
        assert_eq!(form.fields[0].options[0].text, "West Europe");
        assert_eq!(form.fields[0].dynamic_options, None);
        assert!(form.fields[1].options.is_empty());
    }
}
