//! The host's file limit: when a library would need more files than it allows, chunks
//! grow until the site fits.

use selfhelp_bundle::BundleError;

use super::pack::{ChunkSizes, Layout};

/// Files a site may have by default. Some hosts cap a site at 2,000 files; the app beside
/// the content takes a dozen, and its previous build's files stay for pages still open.
pub const DEFAULT_MAX_FILES: usize = 1_975;

/// Files a build writes beside the layout and the search index: the entry, the build
/// report and the manifest.
const OWN_FILES: usize = 3;

/// Chunks grow to at most this many times their default size: the corpus's largest is
/// then 27 KB gzip (19.7 KB at the usual sizes), within the 40 KB that opening one
/// article may cost beyond its own size. Past this the site is published over the
/// limit, and the build says so.
pub const MAX_SCALE: f64 = 2.0;

/// Cut boundaries fall where ids hash, so a chunk count only roughly follows the sizes:
/// each retry aims this much below the room left.
const MARGIN: f64 = 1.05;

/// Retries of the layout, each aimed at the room the last one left.
const ROUNDS: usize = 4;

/// What fitting the site into its file limit did.
#[derive(Debug, Clone, PartialEq)]
pub struct Fitted {
    /// Files of the whole site.
    pub files: usize,
    /// How many times their default size chunks were allowed to grow (1 when they were not).
    pub scale: f64,
    /// Set when even the largest chunks leave the site over the limit.
    pub over: bool,
}

/// Returns a layout whose site, with `search_files` more, has at most `max_files` files,
/// laying the chunks out again (`relayout`) at larger sizes only when the first is over.
pub fn fit(
    mut layout: Layout,
    search_files: usize,
    max_files: usize,
    relayout: impl Fn(ChunkSizes) -> Result<Layout, BundleError>,
) -> Result<(Layout, Fitted), BundleError> {
    let total = |layout: &Layout| layout.file_count() + search_files + OWN_FILES;
    let mut scale = 1.0_f64;
    for _ in 0..ROUNDS {
        if total(&layout) <= max_files || scale >= MAX_SCALE {
            break;
        }
        let chunks = layout.chunk_count().max(1);
        let others = total(&layout) - chunks;
        let room = max_files.saturating_sub(others).max(1);
        scale = (scale * chunks as f64 / room as f64 * MARGIN).min(MAX_SCALE);
        layout = relayout(ChunkSizes::scaled(scale))?;
    }
    let files = total(&layout);
    Ok((
        layout,
        Fitted {
            files,
            scale,
            over: files > max_files,
        },
    ))
}

impl Fitted {
    /// A line for the build's notes, when the limit changed or beat the layout.
    pub fn note(&self, max_files: usize) -> Option<String> {
        if self.over {
            Some(format!(
                "the site has {} files, more than the limit of {max_files} (--max-files), \
                 even with chunks {MAX_SCALE} times their usual size; a host that caps \
                 files at {max_files} refuses it",
                self.files
            ))
        } else if self.scale > 1.0 {
            Some(format!(
                "chunks were made {:.2} times their usual size to keep the site within \
                 {max_files} files (--max-files): {} files",
                self.scale, self.files
            ))
        } else {
            None
        }
    }
}
