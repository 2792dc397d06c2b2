//! Project automation, in the cargo-xtask style: `cargo xtask <command>`.

mod bench;
mod bench_search;
mod bench_web;
mod chromium;
mod dist;
mod fuzz;
mod import_names;
mod library;
mod probe;
mod process;
mod rusage;
mod serve;
mod single_file;
mod size;
mod size_library;
mod table;
mod test;
mod tools;
mod visit;
mod web_server;

use std::path::PathBuf;

use clap::{Parser, Subcommand};

// The `selfhelp` binary's allocator, so `bench` measures the compiler as it ships.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "cargo xtask",
    about = "Build, serve, test and measure selfhelp"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Install what is missing, compile `content/` and serve the widget on localhost.
    Serve(serve::Args),
    /// Build the static site (release) ready to copy to any static host.
    Dist(dist::Args),
    /// Run every check: fmt, clippy, unit, golden, browser and end-to-end tests.
    Test(test::Args),
    /// Print the gzip and brotli size of each file of the release dist (`--library`: what
    /// a visitor downloads from library sites built from the corpus).
    Size(size::Args),
    /// Time the full compile of the real corpus against a bare markdown pass (`--web`: the
    /// library sites' page timings in headless Chromium).
    Bench(bench::Args),
    /// One phase of `bench`, run as a child process so its peak memory is its own.
    #[command(hide = true)]
    BenchPhase {
        #[arg(value_enum)]
        phase: bench::Phase,
        corpus: PathBuf,
    },
    /// Fuzz the compiler (cargo-fuzz, installed if missing), one target at a time.
    Fuzz(fuzz::Args),
    /// Install the toolchain only (wasm32 target, trunk, wasm-bindgen, wasm-opt, Chromium).
    Install,
    /// Short import names in a wasm module and its glue (trunk's post-build hook runs it).
    #[command(hide = true)]
    ImportNames(import_names::Args),
}

fn main() {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Serve(args) => serve::run(args),
        Command::Dist(args) => dist::run(args).map(|_| ()),
        Command::Test(args) => test::run(args),
        Command::Size(args) => size::run(args),
        Command::Bench(args) => bench::run(args),
        Command::BenchPhase { phase, corpus } => bench::phase(phase, &corpus),
        Command::Fuzz(args) => fuzz::run(args),
        Command::Install => tools::ensure_all(tools::Need::Browser).map(|_| ()),
        Command::ImportNames(args) => import_names::run(args),
    };
    if let Err(error) = result {
        eprintln!("xtask: {error:#}");
        std::process::exit(1);
    }
}

/// The workspace root (xtask lives one level below it).
pub fn project_root() -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().map(PathBuf::from).unwrap_or(manifest)
}
