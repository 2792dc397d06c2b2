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
    /// Compile articles into <out>/bundle.bin and <out>/bundle.json.
    Build {
        /// Article files or folders (searched recursively for *.md).
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// The output folder; nothing in it changes when the build has errors.
        #[arg(long, short)]
        out: PathBuf,
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
    /// Print an article (.md) or a bundle (bundle.bin) as JSON.
    Inspect {
        /// An article or a bundle file.
        file: PathBuf,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let ok = match cli.command {
        Command::Build { paths, out } => build::run(&paths, &out),
        Command::Check { paths, format } => check::run(&paths, format),
        Command::Inspect { file } => inspect::run(&file),
    };
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
