//! `selfhelp build <paths>... --out <dir>`.

use std::path::{Path, PathBuf};

use crate::report;

/// Returns false when the build failed (nothing was written).
pub fn run(paths: &[PathBuf], out: &Path) -> bool {
    let output = crate::progress::build(paths);
    report::print(&output.diagnostics);
    let (errors, warnings) = output.counts();
    if errors > 0 {
        eprintln!(
            "Build failed: {errors} errors, {warnings} warnings; nothing written to {}",
            out.display()
        );
        return false;
    }
    match selfhelp_compiler::write_bundle(out, &output.bundle) {
        Ok(written) => {
            println!(
                "Compiled {} articles into {} ({} bytes)",
                output.compiled,
                written.bin.display(),
                written.bin_bytes
            );
            true
        }
        Err(error) => {
            eprintln!("error: {error}");
            false
        }
    }
}
