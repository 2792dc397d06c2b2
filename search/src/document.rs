//! What the compiler hands the index builder, and how it is built.

/// One article as search sees it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Document {
    /// The article id.
    pub key: String,
    pub title: String,
    pub facets: Facets,
    /// Everything searchable but the title, in article order.
    pub passages: Vec<Passage>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Facets {
    /// Index into the products table given to [`crate::build`].
    pub product: u32,
    pub kind: u8,
    /// A mask of cloud bits; a document may be in several clouds.
    pub clouds: u8,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Passage {
    pub field: Field,
    pub text: String,
    /// Opaque to search: where the widget opens the article when this passage is the
    /// best match (e.g. the answer path of the step where a cause lives).
    pub target: Option<String>,
}

/// The part of an article a passage comes from; each has its weight.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Title,
    Description,
    Heading,
    Scenario,
    Cause,
    Resolution,
    Form,
    FurtherReading,
    Placeholder,
    Body,
}

impl Field {
    pub const ALL: [Field; 10] = [
        Field::Title,
        Field::Description,
        Field::Heading,
        Field::Scenario,
        Field::Cause,
        Field::Resolution,
        Field::Form,
        Field::FurtherReading,
        Field::Placeholder,
        Field::Body,
    ];

    pub fn index(self) -> usize {
        self as usize
    }

    /// Which passages an excerpt prefers, best first: those that say what the problem
    /// is before those that say what to do.
    pub(crate) fn excerpt_rank(self) -> u8 {
        match self {
            Field::Description => 0,
            Field::Scenario | Field::Cause => 1,
            Field::Heading => 2,
            Field::Resolution | Field::Form => 3,
            Field::Body | Field::Placeholder => 4,
            Field::FurtherReading | Field::Title => 5,
        }
    }
}

/// How the index is built. [`Config::default`] is the product's; [`Config::plain`] the
/// benchmark's plain BM25.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// BM25F weight of each [`Field`], by [`Field::index`].
    pub weights: [f32; 10],
    /// Plain BM25: every weight 1, no synonyms in the index, and queries without
    /// prefixes, typos or synonyms.
    pub plain: bool,
    /// Documents of a posting list kept with positions in the vocabulary shard (its
    /// head); longer lists keep the rest in tail files.
    pub head_size: usize,
    /// Postings per tail part: what a query fetches of a long list at a time.
    pub tail_part: usize,
    /// Raw bytes after which a vocabulary shard or a tail file is closed. A query fetches
    /// whole tail files for the parts it needs, so smaller ones cost less per common
    /// word, but every file counts against a host's limit. 5,000 and 6,000 instead of
    /// 8,000 and 8,000 took the search box's first query on the corpus from 40.3 to
    /// 33.8 KB (median) and from 10 of 245 over 60 KB to none, for 181 files more; the
    /// site's chunks were made larger to pay for them (`cargo xtask bench --search
    /// --quick`, `cargo xtask size --library`). Smaller vocabulary shards move more
    /// typos out of the word's own shard, which the lookup's neighbour round covers.
    pub vocabulary_bytes: usize,
    pub tail_bytes: usize,
    pub records_per_file: u32,
    /// Bytes of passage text a record keeps for excerpts, and per passage.
    pub excerpt_budget: usize,
    pub excerpt_length: usize,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            //        title desc head scen cause resol form further placeh body
            weights: [6.0, 3.0, 2.5, 2.5, 2.0, 1.0, 1.5, 0.8, 0.5, 1.0],
            plain: false,
            head_size: 24,
            tail_part: 1024,
            vocabulary_bytes: 5_000,
            tail_bytes: 6_000,
            records_per_file: 32,
            excerpt_budget: 320,
            excerpt_length: 140,
        }
    }
}

impl Config {
    pub fn plain() -> Config {
        Config {
            weights: [1.0; 10],
            plain: true,
            ..Config::default()
        }
    }

    pub(crate) fn weight(&self, field: Field) -> f32 {
        if self.plain {
            1.0
        } else {
            self.weights.get(field.index()).copied().unwrap_or(1.0)
        }
    }
}
