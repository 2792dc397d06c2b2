//! Serves a built site folder on 127.0.0.1, as any static host would.

use std::path::Path;
use std::sync::{Arc, Mutex};
use std::thread;

use selfhelp_harness::static_files::{content_type, resolve};

/// A static file server on an ephemeral localhost port; it stops with the test process,
/// or when [`Site::stop`] takes it off the network (a visitor going offline).
pub struct Site {
    pub url: String,
    server: Arc<tiny_http::Server>,
    thread: Option<thread::JoinHandle<()>>,
    requested: Arc<Mutex<Vec<String>>>,
}

impl Site {
    pub fn serve(root: &Path) -> Site {
        Site::serve_with(root, &[])
    }

    /// Serves with these headers on every response (a Content-Security-Policy, say).
    pub fn serve_with(root: &Path, headers: &[(&str, &str)]) -> Site {
        let server = tiny_http::Server::http("127.0.0.1:0").expect("bind 127.0.0.1");
        let port = server.server_addr().to_ip().expect("an IP address").port();
        let server = Arc::new(server);
        let root = root.to_path_buf();
        let headers: Vec<tiny_http::Header> = headers
            .iter()
            .map(|(name, value)| tiny_http::Header::from_bytes(*name, *value).expect("a header"))
            .collect();
        let serving = Arc::clone(&server);
        let requested = Arc::new(Mutex::new(Vec::new()));
        let log = Arc::clone(&requested);
        let thread = thread::spawn(move || {
            for request in serving.incoming_requests() {
                if let Ok(mut log) = log.lock() {
                    log.push(request.url().to_string());
                }
                let _ = respond(&root, request, &headers);
            }
        });
        Site {
            url: format!("http://127.0.0.1:{port}/"),
            server,
            thread: Some(thread),
            requested,
        }
    }

    /// Every URL asked of the server so far, in order (path and query).
    pub fn requested(&self) -> Vec<String> {
        self.requested
            .lock()
            .map(|log| log.clone())
            .unwrap_or_default()
    }

    /// Stops serving and closes the port: requests now fail as they do offline.
    pub fn stop(mut self) {
        self.server.unblock();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn respond(
    root: &Path,
    request: tiny_http::Request,
    headers: &[tiny_http::Header],
) -> std::io::Result<()> {
    let Some(path) = resolve(root, request.url()) else {
        return request.respond(tiny_http::Response::empty(404));
    };
    match std::fs::read(&path) {
        Ok(bytes) => {
            let header = tiny_http::Header::from_bytes("Content-Type", content_type(&path))
                .expect("a valid header");
            let mut response = tiny_http::Response::from_data(bytes).with_header(header);
            for header in headers {
                response.add_header(header.clone());
            }
            request.respond(response)
        }
        Err(_) => request.respond(tiny_http::Response::empty(404)),
    }
}
