//! `papan serve`: a local preview that rebuilds on every save and reloads the open tabs.
//!
//! In: the site folder and a port. Out: an HTTP server on 127.0.0.1 answering from a build
//! held in memory ([`state`]); a watcher ([`watch`]) rebuilds after changes in content/ or
//! themes/; open pages listen on a Server-Sent Events stream and reload when the build
//! changes ([`page::SCRIPT`]). While the content has errors, pages show them. The output
//! folder is never written.

pub mod http;
pub mod page;
pub mod state;
pub mod watch;

use crate::diagnostic::{Diagnostic, Diagnostics, Severity};
use crate::error::Error;
use state::{Built, Shared};
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// How many ports after the chosen one are tried when it is taken.
const PORTS_TO_TRY: u16 = 20;
/// Reload streams send a comment this often, so a closed tab is noticed and its thread ends.
const KEEP_ALIVE: Duration = Duration::from_secs(15);

/// Builds the site, serves it and rebuilds on every change; `no_browser` keeps the browser
/// closed (it is also kept closed in CI, see [`crate::browser`]).
pub fn run(root: &Path, port: u16, no_browser: bool) -> Result<(), Error> {
    if !root.join("content").is_dir() {
        // Let the loader say what is wrong and how to start a site.
        let mut diags = Diagnostics::new();
        let _ = crate::site::load(root, &mut diags);
        return Err(Error::content(diags));
    }
    let Some((server, used)) = bind(port) else {
        return Err(Error::usage(
            Diagnostic::general(
                Severity::Error,
                format!(
                    "port {port} sampai {} semuanya sudah terpakai",
                    port.saturating_add(PORTS_TO_TRY - 1)
                ),
            )
            .hint("pilih port lain, misalnya `papan serve --port 8080`"),
        ));
    };
    if used != port {
        println!("Port {port} sudah terpakai; memakai port {used}.");
    }
    // Numbered from the clock, so tabs left open from an earlier run reload as well.
    let first = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as u64);
    let shared = Arc::new(Shared::new(first));
    report(&shared.rebuild(root), "dibangun");
    let watcher = {
        let shared = Arc::clone(&shared);
        let site = root.to_path_buf();
        // The watcher reports absolute paths; show them from the site folder.
        let shown_from = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
        watch::start(root, move |changed| {
            announce(&shown_from, &changed);
            report(&shared.rebuild(&site), "dibangun ulang");
        })
    };
    let _watch = watcher
        .map_err(|e| Error::environment(format!("perubahan berkas tidak dapat dipantau: {e}")))?;
    let url = format!("http://127.0.0.1:{used}/");
    println!("Pratinjau situs: {url}");
    crate::browser::open(&url, no_browser);
    println!(
        "Halaman dimuat ulang setiap kali berkas di content/ atau themes/ disimpan; tekan Ctrl+C untuk berhenti."
    );
    for request in server.incoming_requests() {
        handle(&shared, request);
    }
    Ok(())
}

/// The first free port from `port` on, on 127.0.0.1 only.
fn bind(port: u16) -> Option<(tiny_http::Server, u16)> {
    (0..PORTS_TO_TRY)
        .filter_map(|i| port.checked_add(i))
        .find_map(|p| {
            tiny_http::Server::http(("127.0.0.1", p))
                .ok()
                .map(|s| (s, p))
        })
}

fn announce(root: &Path, changed: &[PathBuf]) {
    let names: Vec<String> = changed
        .iter()
        .take(3)
        .map(|p| p.strip_prefix(root).unwrap_or(p).display().to_string())
        .collect();
    let more = changed.len().saturating_sub(3);
    let more = if more > 0 {
        format!(" dan {more} lainnya")
    } else {
        String::new()
    };
    println!("Berubah: {}{more}", names.join(", "));
}

/// The terminal's view of a build: every problem, then one line.
fn report(built: &Built, verb: &str) {
    if !built.diags.is_empty() {
        eprint!("{}", built.diags.report());
    }
    if built.ok {
        println!("Situs {verb} dalam {} ms.", built.took.as_millis());
    } else {
        println!(
            "Situs belum bisa dibangun; peramban menampilkan daftar kesalahannya. Perbaiki lalu simpan lagi."
        );
    }
}

fn handle(shared: &Arc<Shared>, request: tiny_http::Request) {
    use tiny_http::Method;
    if request.url().split('?').next() == Some(page::EVENTS_PATH) {
        let shared = Arc::clone(shared);
        std::thread::spawn(move || events(&shared, request));
        return;
    }
    let head = *request.method() == Method::Head;
    if !head && *request.method() != Method::Get {
        let _ = request.respond(tiny_http::Response::empty(405));
        return;
    }
    let snapshot = shared.snapshot();
    let reply = http::respond(&snapshot, request.url());
    let length = reply.body.len();
    let body = if head { Vec::new() } else { reply.body };
    let mut response = tiny_http::Response::from_data(body).with_status_code(reply.status);
    let mut headers = vec![
        ("Content-Type", reply.content_type.to_owned()),
        ("Cache-Control", "no-store".to_owned()),
    ];
    if head {
        headers.push(("Content-Length", length.to_string()));
    }
    if let Some(location) = reply.location {
        headers.push(("Location", location));
    }
    for (name, value) in headers {
        // Only ASCII names and values we made ourselves; a value that is not valid is
        // left out rather than sent broken.
        if let Ok(h) = tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes()) {
            response.add_header(h);
        }
    }
    let _ = request.respond(response);
}

/// A Server-Sent Events stream: the current build version at once, then each new one.
fn events(shared: &Shared, request: tiny_http::Request) {
    let mut out = request.into_writer();
    let mut seen = shared.snapshot().version;
    let head = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: close\r\n\r\nretry: 1000\n\ndata: {seen}\n\n"
    );
    if out
        .write_all(head.as_bytes())
        .and_then(|()| out.flush())
        .is_err()
    {
        return;
    }
    loop {
        let now = shared.wait_change(seen, KEEP_ALIVE);
        let message = if now == seen {
            ": tetap tersambung\n\n".to_owned()
        } else {
            seen = now;
            format!("data: {now}\n\n")
        };
        if out
            .write_all(message.as_bytes())
            .and_then(|()| out.flush())
            .is_err()
        {
            return;
        }
    }
}
