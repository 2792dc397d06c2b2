//! A static server for a built site on 127.0.0.1 that logs every request it answers.
//!
//! Like any plain static host: no compression, no cache headers. The log is the server's
//! side of a visit, to check the page's own list of fetches against (a service worker's
//! fetches, for one, never appear in the page's performance timeline).

use std::path::Path;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{SystemTime, UNIX_EPOCH};

use anyhow::{anyhow, Result};
use selfhelp_harness::static_files::{content_type, resolve};

/// One request as the server saw it.
#[derive(Debug, Clone)]
pub struct Hit {
    /// The URL's path, without query or fragment.
    pub path: String,
    /// When it arrived, in milliseconds since the Unix epoch (the clock
    /// `performance.timeOrigin` uses, on the same machine).
    pub at_ms: f64,
    /// Sent by the service worker: its script (`Service-Worker: script`) or a fetch of
    /// its own, whose referrer is the worker's script.
    pub worker: bool,
}

pub struct Server {
    pub url: String,
    server: Arc<tiny_http::Server>,
    hits: Arc<Mutex<Vec<Hit>>>,
    thread: Option<thread::JoinHandle<()>>,
}

impl Server {
    pub fn serve(root: &Path) -> Result<Server> {
        let server = tiny_http::Server::http("127.0.0.1:0").map_err(|e| anyhow!("{e}"))?;
        let port = server
            .server_addr()
            .to_ip()
            .ok_or_else(|| anyhow!("no IP address"))?
            .port();
        let server = Arc::new(server);
        let hits = Arc::new(Mutex::new(Vec::new()));
        let (serving, log, root) = (Arc::clone(&server), Arc::clone(&hits), root.to_path_buf());
        let thread = thread::spawn(move || {
            for request in serving.incoming_requests() {
                let (log, root) = (Arc::clone(&log), root.clone());
                // A thread per request: a browser asks for several files at once, and one
                // thread answering them in turn would time the server, not the site.
                thread::spawn(move || {
                    let _ = respond(&root, request, &log);
                });
            }
        });
        Ok(Server {
            url: format!("http://127.0.0.1:{port}/"),
            server,
            hits,
            thread: Some(thread),
        })
    }

    /// Ms since the last request arrived (since the epoch, for none).
    pub fn idle_ms(&self) -> f64 {
        let hits = self.hits.lock().unwrap_or_else(|e| e.into_inner());
        now_ms() - hits.iter().map(|h| h.at_ms).fold(0.0, f64::max)
    }

    /// Every request so far, in order of arrival; the log starts again empty.
    pub fn take_hits(&self) -> Vec<Hit> {
        let mut hits = std::mem::take(&mut *self.hits.lock().unwrap_or_else(|e| e.into_inner()));
        hits.sort_by(|a, b| a.at_ms.total_cmp(&b.at_ms));
        hits
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.server.unblock();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn now_ms() -> f64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0.0, |d| d.as_secs_f64() * 1000.0)
}

fn respond(root: &Path, request: tiny_http::Request, log: &Mutex<Vec<Hit>>) -> std::io::Result<()> {
    let at_ms = now_ms();
    let header = |name: &'static str| {
        request
            .headers()
            .iter()
            .find(|h| h.field.equiv(name))
            .map(|h| h.value.as_str().to_string())
    };
    let worker = header("Service-Worker").is_some()
        || header("Referer")
            .is_some_and(|r| r.split(['?', '#']).next().unwrap_or("").ends_with("/sw.js"));
    let path = request
        .url()
        .split(['?', '#'])
        .next()
        .unwrap_or("/")
        .to_string();
    if let Ok(mut hits) = log.lock() {
        hits.push(Hit {
            path,
            at_ms,
            worker,
        });
    }
    let Some(file) = resolve(root, request.url()) else {
        return request.respond(tiny_http::Response::empty(404));
    };
    match std::fs::read(&file) {
        Ok(bytes) => {
            let header = tiny_http::Header::from_bytes("Content-Type", content_type(&file))
                .expect("a valid header");
            request.respond(tiny_http::Response::from_data(bytes).with_header(header))
        }
        Err(_) => request.respond(tiny_http::Response::empty(404)),
    }
}
