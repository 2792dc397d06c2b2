//! Library sites built from the corpus at three sizes, for `size --library` and `bench --web`.
//!
//! 100 and 1,000 articles are a spread over the whole corpus (every k-th file in sorted
//! path order, folders kept, since folders feed the catalogue), hard-linked under
//! `target/library/`; the third site is every article. Each always holds the sample
//! article, so the three can be compared on the same page. The app is built once and
//! copied into each site, as `cargo xtask dist` does.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use anyhow::{bail, Context, Result};
use selfhelp_bundle::{decode_file, CatalogPage, Entry, FileKind, Products, ENTRY_FILE};

use crate::tools::{self, Need};
use crate::{dist, project_root};

/// The sample article, relative to the corpus, and its id.
pub const SAMPLE_SOURCE: &str =
    "microsoft.activedirectory/active-directory-aadconnect-sync-phsnotworking.md";
pub const SAMPLE_ID: &str = "dcb1cb39-ac8b-4542-9575-9f52ff11cecf";

/// The subsets' sizes; the last site is the whole corpus.
const SUBSETS: [usize; 2] = [100, 1_000];

/// One built site.
pub struct Site {
    /// Articles given to the compiler.
    pub articles: usize,
    /// Articles it published (the corpus has broken ones, refused with `--keep-going`).
    pub published: u64,
    pub dir: PathBuf,
}

/// The corpus folder, or `None` (after saying so) where this machine has none.
pub fn corpus(arg: Option<PathBuf>, command: &str) -> Option<PathBuf> {
    let corpus = arg.unwrap_or_else(|| project_root().join("../shared/corpus/articles"));
    if corpus.is_dir() {
        return Some(corpus);
    }
    eprintln!(
        "xtask {command}: skipped: no corpus at {} (only present on project machines)",
        corpus.display()
    );
    None
}

/// Builds the app once, then the three sites into `target/library/site-*`, each from an
/// empty folder so its files are this build's only.
pub fn build_sites(corpus: &Path) -> Result<Vec<Site>> {
    let path = tools::ensure_all(Need::Browser)?;
    let files = markdown_files(corpus);
    if !files.iter().any(|f| f == SAMPLE_SOURCE) {
        bail!(
            "{} has no {SAMPLE_SOURCE}: the sites are compared on that article",
            corpus.display()
        );
    }
    let app = dist::build_app(&path)?;
    let root = project_root().join("target").join("library");
    let mut sites = Vec::new();
    for n in SUBSETS.into_iter().filter(|&n| n < files.len()) {
        let content = root.join(format!("articles-{n}"));
        fresh_dir(&content)?;
        for index in pick(&files, n, SAMPLE_SOURCE) {
            let relative = &files[index];
            let link = content.join(relative);
            if let Some(parent) = link.parent() {
                std::fs::create_dir_all(parent)?;
            }
            // A hard link, not a copy: the corpus stays the only copy of its text.
            std::fs::hard_link(corpus.join(relative), &link)
                .with_context(|| format!("linking {relative} into {}", content.display()))?;
        }
        sites.push(publish(&app, &content, n, &root.join(format!("site-{n}")))?);
    }
    sites.push(publish(&app, corpus, files.len(), &root.join("site-all"))?);
    Ok(sites)
}

/// The corpus's markdown files, relative and `/`-separated, in the order the compiler
/// walks them.
fn markdown_files(corpus: &Path) -> Vec<String> {
    corpus_files(corpus)
        .iter()
        .filter_map(|path| {
            let relative = path.strip_prefix(corpus).ok()?;
            Some(relative.to_string_lossy().replace('\\', "/"))
        })
        .collect()
}

/// The corpus's markdown files in the order the compiler walks them (each folder sorted
/// by name).
pub fn corpus_files(corpus: &Path) -> Vec<PathBuf> {
    walkdir::WalkDir::new(corpus)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter(|e| {
            e.path()
                .extension()
                .is_some_and(|x| x.eq_ignore_ascii_case("md"))
        })
        .map(|e| e.into_path())
        .collect()
}

/// `n` indices spread evenly over `files` (every `len / n`-th), with the sample in place
/// of the pick nearest to it, so the count and the spread stay as they are.
fn pick(files: &[String], n: usize, sample: &str) -> Vec<usize> {
    let total = files.len();
    if n >= total {
        return (0..total).collect();
    }
    let mut picks: Vec<usize> = (0..n).map(|i| i * total / n).collect();
    if let Some(at) = files.iter().position(|f| f == sample) {
        if !picks.contains(&at) {
            let nearest = (0..picks.len()).min_by_key(|&i| picks[i].abs_diff(at));
            if let Some(nearest) = nearest {
                picks[nearest] = at;
            }
            picks.sort_unstable();
        }
    }
    picks
}

fn fresh_dir(dir: &Path) -> Result<()> {
    if dir.exists() {
        std::fs::remove_dir_all(dir).with_context(|| format!("removing {}", dir.display()))?;
    }
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))
}

/// The app's files, then `selfhelp build --keep-going` (its diagnostics, thousands for
/// the corpus, go to `<out>.log` rather than the terminal).
fn publish(app: &Path, content: &Path, articles: usize, out: &Path) -> Result<Site> {
    fresh_dir(out)?;
    dist::copy_app(app, out)?;
    let log_path = out.with_extension("log");
    let log = std::fs::File::create(&log_path)?;
    eprintln!(
        "xtask: building the {articles}-article site into {}",
        out.display()
    );
    let status = Command::new(project_root().join("target/release/selfhelp"))
        .arg("build")
        .arg(content)
        .arg("--out")
        .arg(out)
        .arg("--keep-going")
        .stdout(Stdio::from(log.try_clone()?))
        .stderr(Stdio::from(log))
        .status()
        .context("could not run target/release/selfhelp")?;
    // 0: all published; 2: published with articles refused.
    if !matches!(status.code(), Some(0 | 2)) {
        bail!(
            "selfhelp build failed ({status}); see {}",
            log_path.display()
        );
    }
    let published = std::fs::read_to_string(out.join("build-report.json"))
        .ok()
        .and_then(|text| serde_json::from_str::<serde_json::Value>(&text).ok())
        .and_then(|report| report.get("published")?.as_u64())
        .unwrap_or(0);
    Ok(Site {
        articles,
        published,
        dir: out.to_path_buf(),
    })
}

/// The links a visitor follows from the start page to an article: the product's name,
/// the topic's name when the product lists topics first, and the article's title.
pub struct BrowsePath {
    pub product: String,
    pub topic: Option<String>,
    pub title: String,
}

/// Finds `id` in the site's catalogue, reading the entry and catalogue pages as the widget
/// does, so the browse measurement clicks the same links a visitor would.
pub fn browse_path(site: &Path, id: &str) -> Result<BrowsePath> {
    let read = |relative: &str| -> Result<Vec<u8>> {
        std::fs::read(site.join(relative)).with_context(|| format!("reading {relative}"))
    };
    let (_, entry): (_, Entry) = decode_file(FileKind::Entry, &read(ENTRY_FILE)?)?;
    let path = entry.products.path(FileKind::Products);
    let (_, products): (_, Products) = decode_file(FileKind::Products, &read(&path)?)?;
    for product in &products.products {
        let path = product.page.path(FileKind::Catalog);
        let (_, page): (_, CatalogPage) = decode_file(FileKind::Catalog, &read(&path)?)?;
        for group in &page.groups {
            let mut listings = group.articles.clone();
            if let Some(own) = group.page {
                let path = own.path(FileKind::Catalog);
                let (_, own): (_, CatalogPage) = decode_file(FileKind::Catalog, &read(&path)?)?;
                listings.extend(own.groups.into_iter().flat_map(|g| g.articles));
            }
            if let Some(listing) = listings.iter().find(|l| l.id == id) {
                return Ok(BrowsePath {
                    product: product.name.clone(),
                    // A product with one topic lists its articles at once.
                    topic: (page.groups.len() > 1).then(|| group.name.clone()),
                    title: listing.title.clone(),
                });
            }
        }
    }
    bail!("{id} is in no product of {}", site.display())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_spread_evenly_and_keep_the_sample() {
        let files: Vec<String> = (0..1000).map(|i| format!("f{i:04}.md")).collect();
        let picks = pick(&files, 10, "f0503.md");
        assert_eq!(picks.len(), 10);
        assert!(picks.contains(&503));
        assert!(picks.contains(&0) && picks.contains(&900));
        assert!(
            !picks.contains(&500),
            "the sample takes the nearest pick's place"
        );
        assert_eq!(pick(&files, 2000, "x"), (0..1000).collect::<Vec<_>>());
    }
}
