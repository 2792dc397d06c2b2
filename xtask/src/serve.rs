//! `cargo xtask serve`: the widget with `content/` compiled, rebuilt when anything changes.

use anyhow::Result;

use crate::process::{command, exec};
use crate::tools::{self, Need};

#[derive(clap::Args)]
pub struct Args {
    /// Port on 127.0.0.1.
    #[arg(long, default_value_t = 8080)]
    pub port: u16,
}

pub fn run(args: Args) -> Result<()> {
    let path = tools::ensure_all(Need::Site)?;
    exec(command("cargo", &["fetch"]))?;
    let port = args.port.to_string();
    eprintln!("xtask: serving the widget on http://127.0.0.1:{port}/ (Ctrl-C stops)");
    let mut trunk = command(
        "trunk",
        &[
            "--config",
            "Trunkfile.toml",
            "serve",
            "--offline",
            "--address",
            "127.0.0.1",
            "--port",
            &port,
        ],
    );
    trunk.env("PATH", path);
    exec(trunk)
}
