//! `cargo xtask bench`: building the real corpus as users do, the release `selfhelp` binary
//! as a process writing a site folder, against a bare pass that only reads every file
//! and runs pulldown-cmark over it; the in-process compile (`selfhelp_compiler::build`)
//! is printed beside them.
//!
//! Every phase runs in parallel with rayon (the compiler does; the bare pass uses
//! `par_iter` the same way), so the ratio compares like with like. Each run of each phase
//! is a child process, so its wall time, CPU time and peak memory are its own: the bare
//! and in-process phases are this binary (release), the site phase is `selfhelp` itself.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use anyhow::{bail, Context, Result};
use rayon::prelude::*;

use crate::process::{command, exec};
use crate::{library, project_root};

#[derive(clap::Args)]
pub struct Args {
    /// Runs of each phase; the medians are reported (a shared host is noisy: runs are
    /// cheap, so take enough of them).
    #[arg(long, default_value_t = 11)]
    pub runs: usize,
    /// The corpus folder (default: ../shared/corpus/articles beside the workspace).
    #[arg(long)]
    pub corpus: Option<PathBuf>,
    /// Instead: page timings of library sites built from the corpus, in headless
    /// Chromium (`bench_web.rs`).
    #[arg(long)]
    pub web: bool,
    /// Instead: our search against Pagefind and plain BM25 on the corpus: index and
    /// first-query bytes, query times in headless Chromium, relevance (`bench_search.rs`).
    #[arg(long)]
    pub search: bool,
    /// With --search: our engines only, natively (no Pagefind, no browser): relevance,
    /// first-query bytes at two library sizes and the heaviest queries, in seconds.
    #[arg(long, requires = "search")]
    pub quick: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Phase {
    /// Read every file and run pulldown-cmark over it.
    Bare,
    /// `selfhelp_compiler::build`: the whole compile.
    Full,
}

/// The release CLI, as `cargo build --release` leaves it.
fn selfhelp_exe() -> PathBuf {
    project_root().join("target/release/selfhelp")
}

/// One measured run, as a child prints it.
struct Sample {
    millis: f64,
    /// User + system CPU time of the child, less noisy than wall time on a busy machine.
    cpu_millis: f64,
    peak_kib: u64,
    files: usize,
    /// Files `selfhelp build` wrote (0 for the phases that write none).
    written: usize,
}

pub fn run(args: Args) -> Result<()> {
    if args.web {
        return crate::bench_web::run(args.runs, args.corpus);
    }
    if args.search {
        return crate::bench_search::run(args.corpus, args.quick);
    }
    let Some(corpus) = library::corpus(args.corpus, "bench") else {
        return Ok(());
    };
    exec(command(
        "cargo",
        &[
            "build",
            "--quiet",
            "--release",
            "-p",
            "xtask",
            "-p",
            "selfhelp-compiler",
        ],
    ))?;
    let exe = project_root().join("target/release/xtask");
    let mut bare = Vec::new();
    let mut full = Vec::new();
    let mut site = Vec::new();
    let mut rebuild = Vec::new();
    // Every run's site stays until the last run: on ext4 without a journal (this kind of
    // machine) the inodes of files deleted in the last seconds are skipped one by one when
    // new files are made, so deleting a run's 2,000 files just before the next run made
    // that run's writes cost up to twice its compile. No user deletes a site a second
    // before each build.
    let sites = tempfile::tempdir_in(project_root().join("target"))
        .context("a folder for the benchmark's sites")?;
    // Alternate the phases so drift (page cache, thermal) touches all alike.
    for run in 0..args.runs.max(1) {
        bare.push(child(&exe, "bare", &corpus)?);
        let out = sites.path().join(format!("run-{run}"));
        site.push(site_build(&corpus, &out)?);
        rebuild.push(site_build(&corpus, &out)?);
        full.push(child(&exe, "full", &corpus)?);
    }
    let (b, f) = (median(&bare), median(&full));
    let files = full.first().map_or(0, |s| s.files);
    println!(
        "corpus: {} files, {} runs per phase, both phases parallel (rayon, {} threads)",
        files,
        args.runs.max(1),
        rayon::current_num_threads()
    );
    println!(
        "bare pass (read + pulldown-cmark): median {b:8.1} ms, peak memory {:6.1} MiB",
        peak(&bare)
    );
    println!(
        "in-process compile (build()):      median {f:8.1} ms, peak memory {:6.1} MiB",
        peak(&full)
    );
    let sw = median(&site);
    println!(
        "selfhelp build (release process):  median {sw:8.1} ms, peak memory {:6.1} MiB (target: 256)",
        peak(&site)
    );
    let rw = median(&rebuild);
    println!(
        "selfhelp build again, same folder: median {rw:8.1} ms, peak memory {:6.1} MiB ({} files written: \
         an unchanged library rewrites nothing)",
        peak(&rebuild),
        rebuild.iter().map(|s| s.written).max().unwrap_or(0),
    );
    println!(
        "ratio selfhelp build / bare: {:.2} wall (target: 2.00 or less), CPU {:.2}",
        sw / b,
        median_of(&site, |s| s.cpu_millis) / median_of(&bare, |s| s.cpu_millis).max(1.0)
    );
    let paired_site = middle(
        bare.iter()
            .zip(&site)
            .map(|(b, s)| s.millis / b.millis.max(f64::EPSILON))
            .collect(),
    );
    println!(
        "selfhelp build: median of paired ratios {paired_site:.2}, fastest runs ratio {:.2}",
        fastest(&site) / fastest(&bare).max(f64::EPSILON)
    );
    let (bc, fc) = (
        median_of(&bare, |s| s.cpu_millis),
        median_of(&full, |s| s.cpu_millis),
    );
    println!("ratio in-process / bare: {:.2} wall", f / b);
    println!(
        "CPU time (user + system), medians: bare {bc:.0} ms, full {fc:.0} ms, ratio {:.2}",
        fc / bc.max(1.0)
    );
    // Each bare run is followed at once by a full run, so the pair shares the host's load
    // at that moment; the median of the pairs' ratios drifts less than the ratio of the
    // medians when the load comes and goes.
    let paired = middle(
        bare.iter()
            .zip(&full)
            .map(|(b, f)| f.millis / b.millis.max(f64::EPSILON))
            .collect(),
    );
    println!("median of paired runs' ratios: {paired:.2}");
    // The host's noise only ever adds time, so the fastest run of each phase shows what
    // the code itself costs; printed beside the medians, not instead of them.
    let (bf, ff) = (fastest(&bare), fastest(&full));
    println!(
        "fastest runs: bare {bf:.1} ms, full {ff:.1} ms, ratio {:.2}",
        ff / bf.max(f64::EPSILON)
    );
    Ok(())
}

fn child(exe: &Path, phase: &str, corpus: &Path) -> Result<Sample> {
    let output = Command::new(exe)
        .args(["bench-phase", phase])
        .arg(corpus)
        .output()
        .with_context(|| format!("could not run {}", exe.display()))?;
    if !output.status.success() {
        bail!(
            "bench phase {phase} failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let text = String::from_utf8_lossy(&output.stdout);
    let field = |name: &str| -> Option<&str> {
        text.split_whitespace()
            .find_map(|w| w.strip_prefix(name)?.strip_prefix('='))
    };
    Ok(Sample {
        millis: field("ms").and_then(|v| v.parse().ok()).context("no ms")?,
        cpu_millis: field("cpu_ms").and_then(|v| v.parse().ok()).unwrap_or(0.0),
        peak_kib: field("hwm_kib").and_then(|v| v.parse().ok()).unwrap_or(0),
        files: field("files").and_then(|v| v.parse().ok()).unwrap_or(0),
        written: 0,
    })
}

/// One run of the release `selfhelp build` into `out` (new, or holding the last run's
/// site), measured from outside: wall time around the process, its CPU time and peak
/// memory from `wait4`.
fn site_build(corpus: &Path, out: &Path) -> Result<Sample> {
    let start = Instant::now();
    let mut child = Command::new(selfhelp_exe())
        .arg("build")
        .arg(corpus)
        .arg("--out")
        .arg(out)
        .arg("--keep-going")
        // One line on stdout (what was written), read once the process has ended.
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .context("could not run target/release/selfhelp")?;
    let usage = crate::rusage::wait(&mut child)?;
    let millis = start.elapsed().as_secs_f64() * 1000.0;
    // 0: all published; 2: published with articles refused (the corpus has broken ones).
    if !matches!(usage.status, 0 | 2) {
        bail!("selfhelp build exited with {}", usage.status);
    }
    let mut said = String::new();
    if let Some(mut stdout) = child.stdout.take() {
        std::io::Read::read_to_string(&mut stdout, &mut said)?;
    }
    let files = std::fs::read_to_string(out.join("build-report.json"))
        .ok()
        .and_then(|text| serde_json::from_str::<serde_json::Value>(&text).ok())
        .and_then(|report| report.get("files")?.as_u64())
        .unwrap_or(0) as usize;
    Ok(Sample {
        millis,
        cpu_millis: usage.cpu_millis,
        peak_kib: usage.peak_kib,
        files,
        written: files_written(&said),
    })
}

/// `N` of the "…: N files written, …" that `selfhelp build` prints when it publishes.
fn files_written(said: &str) -> usize {
    said.find(" files written")
        .and_then(|end| said[..end].rsplit(' ').next()?.parse().ok())
        .unwrap_or(0)
}

fn median(samples: &[Sample]) -> f64 {
    median_of(samples, |s| s.millis)
}

fn median_of(samples: &[Sample], value: fn(&Sample) -> f64) -> f64 {
    middle(samples.iter().map(value).collect())
}

/// The median (the upper one of an even count); 0 for none.
fn middle(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values.get(values.len() / 2).copied().unwrap_or(0.0)
}

fn fastest(samples: &[Sample]) -> f64 {
    samples
        .iter()
        .map(|s| s.millis)
        .min_by(f64::total_cmp)
        .unwrap_or(0.0)
}

fn peak(samples: &[Sample]) -> f64 {
    samples.iter().map(|s| s.peak_kib).max().unwrap_or(0) as f64 / 1024.0
}

/// Runs one phase in this process and prints `ms=… hwm_kib=… files=…`.
pub fn phase(phase: Phase, corpus: &Path) -> Result<()> {
    let start = Instant::now();
    // Timed up to the result: freeing it afterwards is not part of producing it.
    let (files, elapsed, output) = match phase {
        Phase::Bare => (bare(corpus), start.elapsed(), None),
        Phase::Full => {
            let output = selfhelp_compiler::build(&[corpus.to_path_buf()]);
            (output.files, start.elapsed(), Some(output))
        }
    };
    std::hint::black_box(&output);
    let millis = elapsed.as_secs_f64() * 1000.0;
    println!(
        "ms={millis:.3} cpu_ms={:.0} hwm_kib={} files={files}",
        cpu_millis(),
        vm_hwm_kib()
    );
    Ok(())
}

/// Walks the folder like the compiler does, then reads and parses each file in parallel.
fn bare(corpus: &Path) -> usize {
    let files = library::corpus_files(corpus);
    let events: usize = files
        .par_iter()
        .map(|path| {
            let bytes = std::fs::read(path).unwrap_or_default();
            let text = String::from_utf8_lossy(&bytes);
            // The compiler's options and offset iterator, so the parse itself is the same.
            let options = pulldown_cmark::Options::ENABLE_STRIKETHROUGH
                | pulldown_cmark::Options::ENABLE_TABLES;
            pulldown_cmark::Parser::new_ext(&text, options)
                .into_offset_iter()
                .count()
        })
        .sum();
    std::hint::black_box(events);
    files.len()
}

/// Peak resident memory of this process in KiB (0 where /proc is not available).
fn vm_hwm_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        })
        .unwrap_or(0)
}

/// User + system CPU time of this process so far, from /proc/self/stat (clock ticks of
/// 10 ms, the Linux USER_HZ); 0 where /proc is not available.
fn cpu_millis() -> f64 {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else {
        return 0.0;
    };
    // Fields after the `(comm)`, which may hold spaces: state is field 3, utime 14, stime 15.
    let after = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
    let fields: Vec<&str> = after.split_whitespace().collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|v| v.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    (ticks(11) + ticks(12)) * 10.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_files_written_from_what_the_build_printed() {
        let said = "Published 12897 articles into site (build 3f2a): 1949 files written, \
                    2 unchanged, 0 removed; report in site/build-report.json\n";
        assert_eq!(files_written(said), 1949);
        assert_eq!(
            files_written("Published 2 articles into s (build a): 0 files written, 35 unchanged"),
            0
        );
        assert_eq!(files_written(""), 0);
    }
}
