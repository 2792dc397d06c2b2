//! Why an index cannot be used, said for people.

use std::fmt;

/// An index that cannot be used, said for people.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IndexError {
    Version {
        found: u32,
        expected: u32,
    },
    Damaged {
        file: Option<u64>,
        what: String,
    },
    /// A file the index needs was not found.
    Missing(u64),
}

impl IndexError {
    pub(crate) fn damaged(file: u64, what: &str) -> IndexError {
        IndexError::Damaged {
            file: Some(file),
            what: what.to_string(),
        }
    }
}

impl fmt::Display for IndexError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IndexError::Version { found, expected } => write!(
                f,
                "the search index was built by another version of selfhelp (index format {found}, this page reads {expected}): reload the page, or rebuild the site"
            ),
            IndexError::Damaged { file: Some(file), what } => write!(f, "search file {file:016x} is damaged: {what} cannot be read"),
            IndexError::Damaged { file: None, what } => write!(f, "the search index is damaged: {what} cannot be read"),
            IndexError::Missing(file) => write!(f, "search file {file:016x} could not be found"),
        }
    }
}

impl std::error::Error for IndexError {}
