//! Serves a built site folder on 127.0.0.1, as any static host would.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::thread;

/// A static file server on an ephemeral localhost port; it stops with the test process.
pub struct Site {
    pub url: String,
}

impl Site {
    pub fn serve(root: &Path) -> Site {
        let server = tiny_http::Server::http("127.0.0.1:0").expect("bind 127.0.0.1");
        let port = server.server_addr().to_ip().expect("an IP address").port();
        let server = Arc::new(server);
        let root = root.to_path_buf();
        thread::spawn(move || {
            for request in server.incoming_requests() {
                let _ = respond(&root, request);
            }
        });
        Site {
            url: format!("http://127.0.0.1:{port}/"),
        }
    }
}

fn respond(root: &Path, request: tiny_http::Request) -> std::io::Result<()> {
    let Some(path) = resolve(root, request.url()) else {
        return request.respond(tiny_http::Response::empty(404));
    };
    match std::fs::read(&path) {
        Ok(bytes) => {
            let header = tiny_http::Header::from_bytes("Content-Type", content_type(&path))
                .expect("a valid header");
            request.respond(tiny_http::Response::from_data(bytes).with_header(header))
        }
        Err(_) => request.respond(tiny_http::Response::empty(404)),
    }
}

/// Maps a URL path into the root, refusing anything that climbs out of it.
fn resolve(root: &Path, url: &str) -> Option<PathBuf> {
    let path = url.split(['?', '#']).next().unwrap_or("/");
    if path.split('/').any(|part| part == "..") {
        return None;
    }
    let relative = path.trim_start_matches('/');
    let file = root.join(if relative.is_empty() {
        "index.html"
    } else {
        relative
    });
    Some(if file.is_dir() {
        file.join("index.html")
    } else {
        file
    })
}

fn content_type(path: &Path) -> &'static str {
    match path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
    {
        "html" => "text/html; charset=utf-8",
        "js" => "text/javascript",
        "wasm" => "application/wasm",
        "css" => "text/css",
        "svg" => "image/svg+xml",
        "json" => "application/json",
        _ => "application/octet-stream",
    }
}
