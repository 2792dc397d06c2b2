//! The `selfhelp` CLI: build, check and inspect self-help content.

mod build;
mod check;
mod inspect;
mod progress;
mod report;
mod summary;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use selfhelp_compiler::SiteOptions;

// Compiling allocates many small values (blocks, inlines, strings): mimalloc makes a
// corpus build measurably faster than the system allocator (see `cargo xtask bench`).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "selfhelp",
    version,
    about = "Compiles self-help articles into a bundle"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Compile articles into a site folder: <out>/bundle.bin (the entry) and the chunk,
    /// catalogue and lookup files it names.
    ///
    /// Exit status: 0 when every article was published, 1 when nothing was written
    /// (errors without --keep-going, or the folder cannot be written), 2 when the site
    /// was published with articles refused (--keep-going).
    Build {
        /// Article files or folders (searched recursively for *.md).
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// The site folder. Without --keep-going, nothing in it changes when the build
        /// has errors.
        #[arg(long, short)]
        out: PathBuf,
        /// Publish the articles without errors; a refused article stays published at
        /// its previous build's version when the folder holds one.
        #[arg(long)]
        keep_going: bool,
        /// Also write <out>/bundle.json: every published article as JSON.
        #[arg(long)]
        json: bool,
        /// The synonyms file for search (default: synonyms.txt in the first folder).
        #[arg(long)]
        synonyms: Option<PathBuf>,
        /// The most files the site may have, as the host allows (default 1,975: 2,000
        /// less the app's). Chunks grow, up to twice their size, to keep within it.
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
        max_files: Option<u64>,
    },
    /// Compile articles and report problems without writing anything.
    Check {
        /// Article files or folders (searched recursively for *.md).
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// `text`: diagnostics and a summary table; `json`: one JSON object for tools.
        #[arg(long, value_enum, default_value = "text")]
        format: check::Format,
    },
    /// Print as JSON an article (.md), a site file (the entry, a chunk, a catalogue
    /// page, a lookup bucket) or a whole site folder.
    Inspect {
        /// An article, a site file or a site folder.
        file: PathBuf,
    },
}

/// How a command ended, as the exit status tells a script.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Ok,
    Failed,
    /// Published, with articles left out (`build --keep-going`).
    Refused,
}

impl From<bool> for Status {
    fn from(ok: bool) -> Status {
        if ok {
            Status::Ok
        } else {
            Status::Failed
        }
    }
}

/// mimalloc keeps memory it has freed for a while and commits arena memory eagerly, which
/// is fast but holds a library build's peak far above what it uses: returning freed pages
/// at once and committing on demand cut the corpus build's peak by about a third, at no
/// measurable cost in time (`cargo xtask bench`).
///
/// mimalloc 3 also asks the kernel for transparent huge pages for its arenas; with pages
/// returned at once, each one taken back costs the kernel zeroing 2 MiB again
/// (`clear_page_erms` was the top entry of `perf`). Without them the corpus build peaks
/// about 40 MiB lower and runs 5-10% faster. mimalloc's own switch (`allow_thp`) is read
/// when it reserves its first arena, before `main`, and libmimalloc-sys's `no_thp` feature
/// would reach every binary of the workspace (the bench's bare pass among them); the
/// process-wide flag below applies to every page fault from here on, whatever the
/// arena asked for.
///
/// Option numbers (libmimalloc-sys names neither): `mi_option_arena_eager_commit` is 4
/// and `mi_option_purge_delay` 15, in mimalloc 2 and 3.
fn tune_allocator() {
    const ARENA_EAGER_COMMIT: i32 = 4;
    const PURGE_DELAY: i32 = 15;
    // SAFETY: plain setters of the allocator's options, called before any thread starts.
    unsafe {
        libmimalloc_sys::mi_option_set(ARENA_EAGER_COMMIT, 0);
        libmimalloc_sys::mi_option_set(PURGE_DELAY, 0);
    }
    #[cfg(target_os = "linux")]
    // SAFETY: PR_SET_THP_DISABLE takes plain integers and changes only this process's
    // flag; a kernel without it returns an error, which leaves things as they were.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}

fn main() -> ExitCode {
    tune_allocator();
    let cli = Cli::parse();
    let status = match cli.command {
        Command::Build {
            paths,
            out,
            keep_going,
            json,
            synonyms,
            max_files,
        } => build::run(
            &paths,
            &out,
            &SiteOptions {
                keep_going,
                json,
                synonyms,
                max_files: max_files.map(|n| n as usize),
            },
        ),
        Command::Check { paths, format } => check::run(&paths, format).into(),
        Command::Inspect { file } => inspect::run(&file).into(),
    };
    ExitCode::from(match status {
        Status::Ok => 0,
        Status::Failed => 1,
        Status::Refused => 2,
    })
}
