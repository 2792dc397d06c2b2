//! Hash routes: which page the widget shows, as text in `location.hash` and back.
//!
//! `#/` is the start page, `#/browse/<product>[/<group>]` a product's topics or a topic's
//! articles (either with `?kind=…&cloud=…`), `#/article/<id>` an article at its first
//! question (or a form's questions), `#/article/<id>@<version>/<answers>` an answer path
//! made for one version of the article, tokens joined by `.`, and
//! `#/article/<id>/summary` a form's summary. Keeping the whole path in the address
//! makes every step a link and lets the browser's back button work.

use std::fmt;

use selfhelp_bundle::Kind;

/// One answer on the path through a decision tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Answer {
    /// The index of the picked choice of a Choice node.
    Choice(u32),
    /// "This is it" on a Check, "Yes, it's solved" on a Resolution.
    Yes,
    /// "Rule it out" on a Check, "No, it's not solved" on a Resolution.
    No,
}

impl Answer {
    /// Reads one path token; `None` for anything that is not a token.
    pub fn parse(token: &str) -> Option<Answer> {
        match token {
            "y" => Some(Answer::Yes),
            "n" => Some(Answer::No),
            // `u32::from_str` would accept a leading `+`; only plain digits are tokens.
            digits if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) => {
                digits.parse().ok().map(Answer::Choice)
            }
            _ => None,
        }
    }
}

impl fmt::Display for Answer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Answer::Choice(index) => write!(f, "{index}"),
            Answer::Yes => f.write_str("y"),
            Answer::No => f.write_str("n"),
        }
    }
}

/// What the browse pages show: every article, or those of one kind or cloud.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub struct Filter {
    pub kind: Option<Kind>,
    /// One cloud bit (see `selfhelp_bundle::site::cloud_bit`).
    pub cloud: Option<u8>,
}

/// The clouds a visitor can filter by, with their names in addresses.
pub const CLOUDS: [(&str, u8); 6] = [
    ("public", 1),
    ("usgov", 1 << 1),
    ("china", 1 << 2),
    ("germany", 1 << 3),
    ("usnat", 1 << 4),
    ("ussec", 1 << 5),
];

impl Filter {
    pub fn is_empty(&self) -> bool {
        self.kind.is_none() && self.cloud.is_none()
    }

    /// `?kind=troubleshooter&cloud=china`, or nothing for no filter.
    fn to_query(self) -> String {
        let mut parts = Vec::new();
        if let Some(kind) = self.kind {
            parts.push(format!("kind={}", kind_name(kind)));
        }
        if let Some(name) = self.cloud.and_then(cloud_name) {
            parts.push(format!("cloud={name}"));
        }
        match parts.is_empty() {
            true => String::new(),
            false => format!("?{}", parts.join("&")),
        }
    }

    /// Reads a query; unknown keys and values are ignored.
    fn parse(query: &str) -> Filter {
        let mut filter = Filter::default();
        for pair in query.split('&') {
            match pair.split_once('=') {
                Some(("kind", "troubleshooter")) => filter.kind = Some(Kind::Troubleshooter),
                Some(("kind", "questionnaire")) => filter.kind = Some(Kind::Questionnaire),
                Some(("cloud", name)) => {
                    filter.cloud = CLOUDS.iter().find(|(n, _)| *n == name).map(|(_, bit)| *bit)
                }
                _ => {}
            }
        }
        filter
    }
}

pub fn kind_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Troubleshooter => "troubleshooter",
        Kind::Questionnaire => "questionnaire",
    }
}

pub fn cloud_name(bit: u8) -> Option<&'static str> {
    CLOUDS
        .iter()
        .find(|(_, b)| *b == bit)
        .map(|(name, _)| *name)
}

/// A page of the widget.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// The start page: products and services.
    Home { filter: Filter },
    /// A product's topics, or one topic's articles.
    Browse {
        product: String,
        group: Option<String>,
        filter: Filter,
    },
    /// An article, after the given answers (not yet checked against the tree). The
    /// version is the one the address was made for, when it says.
    Article {
        id: String,
        version: Option<String>,
        answers: Vec<Answer>,
    },
    /// The summary of a submitted form.
    Summary { id: String },
    /// Search results, narrowed to a product (by key), a kind and a cloud.
    Search {
        query: String,
        product: Option<String>,
        filter: Filter,
    },
}

impl Default for Route {
    fn default() -> Route {
        Route::home()
    }
}

/// How many hex digits of an article's content hash an address carries.
pub const VERSION_DIGITS: usize = 8;

impl Route {
    pub fn home() -> Route {
        Route::Home {
            filter: Filter::default(),
        }
    }

    pub fn article(id: impl Into<String>) -> Route {
        Route::Article {
            id: id.into(),
            version: None,
            answers: Vec::new(),
        }
    }

    /// The article this route is in, if any.
    pub fn article_id(&self) -> Option<&str> {
        match self {
            Route::Article { id, .. } | Route::Summary { id } => Some(id),
            Route::Home { .. } | Route::Browse { .. } | Route::Search { .. } => None,
        }
    }

    /// Reads a `location.hash` value (with or without its `#`).
    ///
    /// Returns `None` for a hash that is not one of ours (such as `#top`), so a host
    /// page's own anchors do not throw the reader back to the start page. An unknown
    /// path under `#/` is the start page; unreadable answer tokens cut the path there.
    pub fn parse(hash: &str) -> Option<Route> {
        let path = hash.strip_prefix('#').unwrap_or(hash);
        if path.is_empty() {
            return Some(Route::home());
        }
        let path = path.strip_prefix('/')?;
        let (path, query_part) = path.split_once('?').unwrap_or((path, ""));
        let filter = Filter::parse(query_part);
        let mut parts = path.splitn(3, '/');
        match (parts.next(), parts.next()) {
            (Some("article"), Some(id))
                if !id.is_empty()
                    && parts.clone().next().map(|rest| rest.trim_end_matches('/'))
                        == Some(SUMMARY) =>
            {
                Some(Route::Summary {
                    id: percent_decode(id.rsplit_once('@').map_or(id, |(id, _)| id)),
                })
            }
            (Some("article"), Some(id)) if !id.is_empty() => {
                let answers = parts
                    .next()
                    .filter(|tokens| !tokens.is_empty())
                    .map(|tokens| tokens.split('.').map_while(Answer::parse).collect())
                    .unwrap_or_default();
                // `@` is always percent-encoded in ids, so a bare one starts the version.
                let (id, version) = match id.rsplit_once('@') {
                    Some((id, version)) if !id.is_empty() => (id, Some(version)),
                    _ => (id, None),
                };
                let version = version
                    .filter(|v| {
                        !v.is_empty() && v.len() <= 64 && v.bytes().all(|b| b.is_ascii_hexdigit())
                    })
                    .map(str::to_ascii_lowercase);
                Some(Route::Article {
                    id: percent_decode(id),
                    version,
                    answers,
                })
            }
            (Some("search"), None | Some("")) => {
                let mut query = String::new();
                let mut product = None;
                for pair in query_part.split('&') {
                    match pair.split_once('=') {
                        Some(("q", text)) => query = percent_decode(&text.replace('+', " ")),
                        Some(("product", key)) if !key.is_empty() => {
                            product = Some(percent_decode(key))
                        }
                        _ => {}
                    }
                }
                Some(Route::Search {
                    query,
                    product,
                    filter,
                })
            }
            (Some("browse"), Some(product)) if !product.is_empty() => Some(Route::Browse {
                product: percent_decode(product),
                group: parts
                    .next()
                    .map(|g| g.trim_end_matches('/'))
                    .filter(|g| !g.is_empty())
                    .map(percent_decode),
                filter,
            }),
            _ => Some(Route::Home { filter }),
        }
    }

    /// The hash for this route, `#` included.
    pub fn to_hash(&self) -> String {
        match self {
            Route::Home { filter } => format!("#/{}", filter.to_query()),
            Route::Browse {
                product,
                group,
                filter,
            } => {
                let group = group
                    .as_ref()
                    .map(|g| format!("/{}", percent_encode(g)))
                    .unwrap_or_default();
                format!(
                    "#/browse/{}{group}{}",
                    percent_encode(product),
                    filter.to_query()
                )
            }
            Route::Article {
                id,
                version,
                answers,
            } => {
                let version = version
                    .as_ref()
                    .map(|v| format!("@{v}"))
                    .unwrap_or_default();
                let tokens: Vec<String> = answers.iter().map(Answer::to_string).collect();
                match tokens.is_empty() {
                    true => format!("#/article/{}{version}", percent_encode(id)),
                    false => format!(
                        "#/article/{}{version}/{}",
                        percent_encode(id),
                        tokens.join(".")
                    ),
                }
            }
            Route::Summary { id } => format!("#/article/{}/{SUMMARY}", percent_encode(id)),
            Route::Search {
                query,
                product,
                filter,
            } => {
                let mut hash = format!("#/search?q={}", percent_encode(query));
                if let Some(product) = product {
                    hash.push_str(&format!("&product={}", percent_encode(product)));
                }
                let rest = filter.to_query();
                if let Some(rest) = rest.strip_prefix('?') {
                    hash.push('&');
                    hash.push_str(rest);
                }
                hash
            }
        }
    }
}

/// The last path segment of a form's summary; never an answer token.
const SUMMARY: &str = "summary";

/// Encodes everything but RFC 3986 unreserved characters, so ids with `/`, `.`,
/// spaces or non-ASCII letters survive the round trip through the address bar.
pub fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'~') {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Decodes `%XX` escapes; a malformed escape is kept as written rather than refused,
/// since browsers hand over hashes typed by people.
pub fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        let escaped = match bytes.get(index..index + 3) {
            Some([b'%', high, low]) => hex_value(*high).zip(hex_value(*low)),
            _ => None,
        };
        match escaped {
            Some((high, low)) => {
                out.push(high << 4 | low);
                index += 3;
            }
            None => {
                out.push(bytes[index]);
                index += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex_value(digit: u8) -> Option<u8> {
    (digit as char).to_digit(16).map(|value| value as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(id: &str, answers: &[Answer]) -> Route {
        Route::Article {
            id: id.to_string(),
            version: None,
            answers: answers.to_vec(),
        }
    }

    #[test]
    fn empty_and_root_hashes_are_the_start_page() {
        for hash in [
            "",
            "#",
            "#/",
            "/",
            "#/unknown/page",
            "#/article",
            "#/article/",
        ] {
            assert_eq!(Route::parse(hash), Some(Route::home()), "{hash:?}");
        }
        assert_eq!(Route::home().to_hash(), "#/");
    }

    #[test]
    fn foreign_anchors_are_not_routes() {
        assert_eq!(Route::parse("#top"), None);
        assert_eq!(Route::parse("#section-2"), None);
    }

    #[test]
    fn article_routes_parse() {
        assert_eq!(Route::parse("#/article/phs"), Some(article("phs", &[])));
        assert_eq!(Route::parse("#/article/phs/"), Some(article("phs", &[])));
        assert_eq!(
            Route::parse("#/article/phs/1.n.y.12"),
            Some(article(
                "phs",
                &[
                    Answer::Choice(1),
                    Answer::No,
                    Answer::Yes,
                    Answer::Choice(12)
                ]
            ))
        );
    }

    #[test]
    fn unreadable_tokens_cut_the_path() {
        let expected = Some(article("a", &[Answer::Choice(0), Answer::Yes]));
        assert_eq!(Route::parse("#/article/a/0.y.x.n"), expected);
        assert_eq!(Route::parse("#/article/a/0.y..n"), expected);
        assert_eq!(Route::parse("#/article/a/0.y.+1"), expected);
        assert_eq!(Route::parse("#/article/a/0.y.99999999999"), expected);
        let cut = Some(article("a", &[Answer::Choice(0)]));
        assert_eq!(Route::parse("#/article/a/0.y/extra"), cut);
        assert_eq!(Route::parse("#/article/a/Y"), Some(article("a", &[])));
    }

    #[test]
    fn routes_round_trip() {
        let routes = [
            Route::home(),
            Route::Home {
                filter: Filter {
                    kind: Some(Kind::Questionnaire),
                    cloud: Some(4),
                },
            },
            Route::Browse {
                product: "microsoft.network".into(),
                group: Some("vpn gateways".into()),
                filter: Filter {
                    kind: Some(Kind::Troubleshooter),
                    cloud: None,
                },
            },
            Route::Browse {
                product: "p/q".into(),
                group: None,
                filter: Filter::default(),
            },
            Route::Article {
                id: "a@b".into(),
                version: Some("0123abcd".into()),
                answers: vec![Answer::Choice(2), Answer::No],
            },
            Route::Search {
                query: "vm won't start & crash?".into(),
                product: Some("microsoft.compute".into()),
                filter: Filter {
                    kind: None,
                    cloud: Some(2),
                },
            },
            Route::Search {
                query: String::new(),
                product: None,
                filter: Filter::default(),
            },
            article("phs-not-working", &[]),
            article("phs", &[Answer::Choice(0), Answer::No, Answer::Yes]),
            article("with space/and.dot", &[Answer::Choice(3)]),
            article("ünïcödé ✓", &[Answer::No]),
            article("100%", &[]),
            Route::Summary {
                id: "form/1 é".to_string(),
            },
        ];
        for route in routes {
            assert_eq!(Route::parse(&route.to_hash()), Some(route.clone()));
        }
    }

    #[test]
    fn summary_routes() {
        let summary = |id: &str| Some(Route::Summary { id: id.to_string() });
        assert_eq!(Route::parse("#/article/f/summary"), summary("f"));
        assert_eq!(Route::parse("#/article/f/summary/"), summary("f"));
        assert_eq!(Route::parse("#/article/a%2Fb/summary"), summary("a/b"));
        assert_eq!(
            Route::Summary { id: "a b".into() }.to_hash(),
            "#/article/a%20b/summary"
        );
        // Not a summary: other words, or `summary` as an id.
        assert_eq!(
            Route::parse("#/article/f/summaryx"),
            Some(article("f", &[]))
        );
        assert_eq!(
            Route::parse("#/article/summary"),
            Some(article("summary", &[]))
        );
    }

    #[test]
    fn ids_are_percent_encoded() {
        assert_eq!(article("a b/c", &[]).to_hash(), "#/article/a%20b%2Fc");
        assert_eq!(
            article("é.x", &[Answer::Yes]).to_hash(),
            "#/article/%C3%A9%2Ex/y"
        );
        // Browsers may hand the hash over encoded or not.
        assert_eq!(Route::parse("#/article/a b"), Some(article("a b", &[])));
        assert_eq!(Route::parse("#/article/%zz%4"), Some(article("%zz%4", &[])));
    }

    #[test]
    fn versions_ride_on_the_id() {
        assert_eq!(
            Route::parse("#/article/a@00ff/1.y"),
            Some(Route::Article {
                id: "a".into(),
                version: Some("00ff".into()),
                answers: vec![Answer::Choice(1), Answer::Yes],
            })
        );
        // Not hex: no version, and the id stays as written before the `@`.
        assert_eq!(
            Route::parse("#/article/a@zz"),
            Some(Route::Article {
                id: "a".into(),
                version: None,
                answers: vec![],
            })
        );
        assert_eq!(
            Route::parse("#/article/f@12/summary"),
            Some(Route::Summary { id: "f".into() })
        );
    }

    #[test]
    fn browse_routes_and_filters() {
        assert_eq!(
            Route::parse("#/browse/storage?cloud=china&kind=questionnaire&x=1"),
            Some(Route::Browse {
                product: "storage".into(),
                group: None,
                filter: Filter {
                    kind: Some(Kind::Questionnaire),
                    cloud: Some(4),
                },
            })
        );
        assert_eq!(Route::parse("#/?kind=nonsense"), Some(Route::home()));
        assert_eq!(Route::parse("#/browse/"), Some(Route::home()));
    }
}
