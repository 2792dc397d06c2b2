//! Running child processes with the project's tool PATH, echoing each command first.

use std::ffi::OsStr;
use std::process::Command;

use anyhow::{bail, Context, Result};

use crate::project_root;

/// A command rooted at the project, announced on stderr before it runs.
pub fn command<S: AsRef<OsStr>>(program: S, args: &[&str]) -> Command {
    let mut cmd = Command::new(program);
    cmd.args(args).current_dir(project_root());
    cmd
}

/// Runs a command to completion and fails unless it exits successfully.
pub fn exec(mut cmd: Command) -> Result<()> {
    eprintln!("$ {}", describe(&cmd));
    let status = cmd
        .status()
        .with_context(|| format!("could not start {}", describe(&cmd)))?;
    if !status.success() {
        bail!("`{}` failed with {status}", describe(&cmd));
    }
    Ok(())
}

/// Runs a command and returns its standard output, or `None` if it cannot run or fails.
pub fn output(mut cmd: Command) -> Option<String> {
    let out = cmd.output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

fn describe(cmd: &Command) -> String {
    let mut text = cmd.get_program().to_string_lossy().into_owned();
    for arg in cmd.get_args() {
        text.push(' ');
        text.push_str(&arg.to_string_lossy());
    }
    text
}
