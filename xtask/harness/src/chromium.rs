//! How headless Chromium is started for a session: switches, profile and a free port.

use std::net::TcpListener;
use std::path::Path;

use serde_json::{json, Map, Value};

/// Headless, and none of the background networking, component updates or sync that
/// would add requests and CPU load nobody's page asked for.
pub const SWITCHES: [&str; 9] = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--window-size=1000,900",
];

/// WebDriver capabilities for a Chromium with [`SWITCHES`], then `extra`, and its own
/// profile folder (empty: nothing cached, no service worker).
pub fn capabilities(profile: &Path, extra: &[&str]) -> Map<String, Value> {
    let args: Vec<String> = SWITCHES
        .iter()
        .chain(extra)
        .map(|a| a.to_string())
        .chain([format!("--user-data-dir={}", profile.display())])
        .collect();
    let mut caps = Map::new();
    caps.insert("goog:chromeOptions".into(), json!({ "args": args }));
    caps
}

/// A port on 127.0.0.1 that is free now, for chromedriver to listen on.
pub fn free_port() -> std::io::Result<u16> {
    let listener = TcpListener::bind("127.0.0.1:0")?;
    Ok(listener.local_addr()?.port())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extra_switches_follow_the_shared_ones_and_the_profile_comes_last() {
        let caps = capabilities(Path::new("/tmp/p"), &["--lang=ar"]);
        let args = caps["goog:chromeOptions"]["args"].as_array().unwrap();
        assert_eq!(args.len(), SWITCHES.len() + 2);
        assert_eq!(args[0], "--headless=new");
        assert_eq!(args[SWITCHES.len()], "--lang=ar");
        assert_eq!(args[SWITCHES.len() + 1], "--user-data-dir=/tmp/p");
    }
}
