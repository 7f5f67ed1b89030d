//! `papan serve` through the real binary: it serves a copy of the sample village, rebuilds
//! after an edit, pushes a reload event, and shows the errors instead of stale pages.

#![allow(clippy::unwrap_used)]

mod common;
use common::*;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// Generous: the first build of a debug binary on a busy 2-core machine.
const TIMEOUT: Duration = Duration::from_secs(60);

/// The server process; killed when the test ends, even on failure.
struct Serve {
    child: Child,
    lines: mpsc::Receiver<String>,
    seen: Vec<String>,
}

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Serve {
    fn start(site: &std::path::Path, port: u16) -> Serve {
        let mut child = Command::new(env!("CARGO_BIN_EXE_papan"))
            .args([
                "serve",
                site.to_str().unwrap(),
                "--port",
                &port.to_string(),
                "--tanpa-peramban",
            ])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let (tx, lines) = mpsc::channel();
        for stream in [
            Box::new(child.stdout.take().unwrap()) as Box<dyn Read + Send>,
            Box::new(child.stderr.take().unwrap()),
        ] {
            let tx = tx.clone();
            std::thread::spawn(move || {
                for line in BufReader::new(stream).lines() {
                    let Ok(line) = line else { break };
                    if tx.send(line).is_err() {
                        break;
                    }
                }
            });
        }
        Serve {
            child,
            lines,
            seen: Vec::new(),
        }
    }

    /// Waits for a line of the terminal output containing `text`.
    fn wait_line(&mut self, text: &str) -> String {
        if let Some(l) = self.seen.iter().find(|l| l.contains(text)) {
            return l.clone();
        }
        let deadline = Instant::now() + TIMEOUT;
        while let Some(left) = deadline.checked_duration_since(Instant::now()) {
            let Ok(line) = self.lines.recv_timeout(left) else {
                break;
            };
            self.seen.push(line.clone());
            if line.contains(text) {
                return line;
            }
        }
        panic!("no line with {text:?}; got:\n{}", self.seen.join("\n"));
    }
}

/// One HTTP GET: (status, headers and body as text).
fn get(port: u16, path: &str) -> (u16, String) {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    s.set_read_timeout(Some(TIMEOUT)).unwrap();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut text = String::new();
    s.read_to_string(&mut text).unwrap();
    let status = text.split(' ').nth(1).unwrap().parse().unwrap();
    (status, text)
}

/// Polls `path` until `ok` holds, or fails after the timeout.
fn until(port: u16, path: &str, ok: impl Fn(u16, &str) -> bool) -> String {
    let deadline = Instant::now() + TIMEOUT;
    loop {
        let (status, text) = get(port, path);
        if ok(status, &text) {
            return text;
        }
        assert!(Instant::now() < deadline, "timed out; last answer:\n{text}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// The next `data:` line of an event stream.
fn next_event(reader: &mut BufReader<TcpStream>) -> String {
    let mut line = String::new();
    loop {
        line.clear();
        assert!(reader.read_line(&mut line).unwrap() > 0, "stream closed");
        if let Some(data) = line.strip_prefix("data: ") {
            return data.trim().to_owned();
        }
    }
}

#[test]
fn serve_rebuilds_after_an_edit_pushes_a_reload_and_shows_errors() {
    let dir = sample_site();
    let site = dir.path();
    // Hold a port so serve has to move on to another one and say so.
    let taken = TcpListener::bind("127.0.0.1:0").unwrap();
    let asked = taken.local_addr().unwrap().port();
    let mut serve = Serve::start(site, asked);
    let url = serve.wait_line("Pratinjau situs: http://127.0.0.1:");
    let port: u16 = url
        .rsplit(':')
        .next()
        .unwrap()
        .trim_end_matches('/')
        .parse()
        .unwrap();
    assert_ne!(port, asked);
    serve.wait_line(&format!(
        "Port {asked} sudah terpakai; memakai port {port}."
    ));
    serve.wait_line("tekan Ctrl+C untuk berhenti");
    serve.wait_line("Situs dibangun dalam ");

    // Pages and folders come from memory, with the reload script; nothing is written.
    let (status, home) = get(port, "/");
    assert_eq!(status, 200);
    assert!(home.contains("Desa Sukamaju Lestari"));
    assert!(home.contains("<script src=\"/__papan/muat-ulang.js\" data-versi=\""));
    let (status, anggaran) = get(port, "/anggaran/");
    assert_eq!(status, 200);
    assert!(anggaran.contains("<h1>"), "{anggaran}");
    let (status, css) = get(port, "/assets/style.css");
    assert_eq!(status, 200);
    assert!(!css.contains("muat-ulang"));
    assert!(
        get(port, "/__papan/muat-ulang.js")
            .1
            .contains("EventSource")
    );
    assert!(
        !site.join("output").exists(),
        "serve must not write output/"
    );

    // The reload stream says the current version at once, and a new one after a rebuild.
    let mut events = TcpStream::connect(("127.0.0.1", port)).unwrap();
    events.set_read_timeout(Some(TIMEOUT)).unwrap();
    write!(
        events,
        "GET /__papan/peristiwa HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
    )
    .unwrap();
    let mut events = BufReader::new(events);
    let first = next_event(&mut events);

    let desa = site.join("content/desa.yaml");
    let text = std::fs::read_to_string(&desa).unwrap();
    std::fs::write(
        &desa,
        text.replace("nama: Sukamaju Lestari", "nama: Sukamaju Berseri"),
    )
    .unwrap();
    until(port, "/", |s, t| {
        s == 200 && t.contains("Desa Sukamaju Berseri")
    });
    assert_ne!(next_event(&mut events), first);
    serve.wait_line("Situs dibangun ulang dalam ");

    // A mistake: every page shows it, with file, line, column, message and hint.
    std::fs::write(&desa, format!("{text}anggran: 5\n")).unwrap();
    let page = until(port, "/anggaran/", |s, _| s == 500);
    assert!(
        page.contains("<span class=\"posisi\">content/desa.yaml:"),
        "{page}"
    );
    assert!(
        page.contains("kesalahan: kunci `anggran` tidak dikenal"),
        "{page}"
    );
    assert!(page.contains("<pre>"), "{page}");
    assert!(page.contains("saran: "), "{page}");
    assert_eq!(get(port, "/").0, 500);
    serve.wait_line("kesalahan: kunci `anggran` tidak dikenal");
    serve.wait_line("Situs belum bisa dibangun");

    // Fixed again: the pages come back.
    std::fs::write(&desa, &text).unwrap();
    until(port, "/", |s, t| {
        s == 200 && t.contains("Desa Sukamaju Lestari")
    });
    drop(taken);
}

#[test]
fn serve_without_a_site_says_how_to_start_one() {
    let dir = tempfile::tempdir().unwrap();
    let out = papan(&["serve", dir.path().to_str().unwrap(), "--port", "1"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("folder `content/` tidak ditemukan"),
        "{}",
        stderr(&out)
    );
    assert!(stderr(&out).contains("papan new"));
}
