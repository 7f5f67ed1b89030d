//! Answering one request of `papan serve` from the snapshot in memory.
//!
//! In: the request path and the current [`Snapshot`]. Out: a [`Reply`] (status, content
//! type, body, optional redirect). A pure function, so every rule is unit-tested: folder
//! addresses serve their `index.html`, a folder without its trailing `/` is redirected so
//! relative links resolve, HTML gets the reload script, and while the content has errors
//! every HTML page is the problem list.

use super::page;
use super::state::Snapshot;

#[derive(Debug, PartialEq, Eq)]
pub struct Reply {
    pub status: u16,
    pub content_type: &'static str,
    pub body: Vec<u8>,
    /// For a redirect (302, never cached, as the site may change): the address to go to.
    pub location: Option<String>,
}

fn reply(status: u16, content_type: &'static str, body: impl Into<Vec<u8>>) -> Reply {
    Reply {
        status,
        content_type,
        body: body.into(),
        location: None,
    }
}

const HTML: &str = "text/html; charset=utf-8";

/// The answer to `GET url`.
pub fn respond(snapshot: &Snapshot, url: &str) -> Reply {
    let raw = url.split(['?', '#']).next().unwrap_or("");
    if raw == page::SCRIPT_PATH {
        return reply(200, "text/javascript; charset=utf-8", page::SCRIPT);
    }
    let Some(path) = decode(raw.trim_start_matches('/')) else {
        return reply(400, "text/plain; charset=utf-8", "alamat tidak sah");
    };
    let file = if path.is_empty() || path.ends_with('/') {
        format!("{path}index.html")
    } else {
        path.clone()
    };
    let is_page = file.ends_with(".html") || !last_segment(&file).contains('.');
    if is_page && !snapshot.errors.is_empty() {
        return reply(500, HTML, page::errors(&snapshot.errors, snapshot.version));
    }
    if let Some(bytes) = snapshot.files.get(&file) {
        let kind = content_type(&file);
        let body = if kind == HTML {
            page::inject(bytes, snapshot.version)
        } else {
            bytes.clone()
        };
        return reply(200, kind, body);
    }
    if !file.ends_with("/index.html") && snapshot.files.contains_key(&format!("{file}/index.html"))
    {
        return Reply {
            location: Some(format!("{}/", raw.trim_end_matches('/'))),
            ..reply(302, HTML, "")
        };
    }
    reply(404, HTML, page::not_found(&path, snapshot.version))
}

fn last_segment(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

/// Percent-decodes a path; None for anything that could leave the site (`..`, `\`, NUL)
/// or is not UTF-8.
fn decode(path: &str) -> Option<String> {
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    let text = String::from_utf8(out).ok()?;
    let bad = text.contains(['\\', '\0']) || text.split('/').any(|s| s == ".." || s == ".");
    (!bad).then_some(text)
}

/// The content type of an output file, by extension.
pub fn content_type(path: &str) -> &'static str {
    let ext = last_segment(path)
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase());
    match ext.as_deref() {
        Some("html") => HTML,
        Some("css") => "text/css; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("json") => "application/json",
        Some("xml") => "application/xml",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("webp") => "image/webp",
        Some("ico") => "image/x-icon",
        Some("csv") => "text/csv; charset=utf-8",
        Some("txt") => "text/plain; charset=utf-8",
        Some("pdf") => "application/pdf",
        Some("woff2") => "font/woff2",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Diagnostic;
    use std::collections::HashMap;
    use std::sync::Arc;

    fn snapshot() -> Snapshot {
        let files: HashMap<String, Vec<u8>> = [
            ("index.html", "<body>beranda</body>"),
            ("anggaran/index.html", "<body>anggaran</body>"),
            ("assets/style.css", "body{}"),
            ("foto/pasar desa.jpg", "jpg"),
        ]
        .into_iter()
        .map(|(p, b)| (p.to_owned(), b.as_bytes().to_vec()))
        .collect();
        Snapshot {
            version: 3,
            files: Arc::new(files),
            errors: Vec::new(),
        }
    }

    fn text(r: &Reply) -> &str {
        std::str::from_utf8(&r.body).unwrap()
    }

    #[test]
    fn folders_serve_their_index_with_the_reload_script() {
        let s = snapshot();
        for url in ["/", "/index.html", "/?x=1"] {
            let r = respond(&s, url);
            assert_eq!((r.status, r.content_type), (200, HTML), "{url}");
            assert!(
                text(&r)
                    .contains("beranda<script src=\"/__papan/muat-ulang.js\" data-versi=\"3\">")
            );
        }
        assert!(text(&respond(&s, "/anggaran/")).contains("anggaran<script"));
        let r = respond(&s, "/anggaran");
        assert_eq!((r.status, r.location.as_deref()), (302, Some("/anggaran/")));
    }

    #[test]
    fn other_files_are_served_unchanged() {
        let s = snapshot();
        let r = respond(&s, "/assets/style.css");
        assert_eq!(
            (r.status, r.content_type, text(&r)),
            (200, "text/css; charset=utf-8", "body{}")
        );
        let r = respond(&s, "/foto/pasar%20desa.jpg");
        assert_eq!((r.status, r.content_type), (200, "image/jpeg"));
        let r = respond(&s, page::SCRIPT_PATH);
        assert!(text(&r).contains("EventSource"));
    }

    #[test]
    fn unknown_and_unsafe_addresses() {
        let s = snapshot();
        assert_eq!(respond(&s, "/laporan/").status, 404);
        assert!(text(&respond(&s, "/tidak-ada.html")).contains("Halaman tidak ditemukan"));
        assert_eq!(respond(&s, "/../Cargo.toml").status, 400);
        assert_eq!(respond(&s, "/%2e%2e/x").status, 400);
        assert_eq!(respond(&s, "/%zz").status, 400);
    }

    #[test]
    fn errors_replace_every_page_but_not_assets() {
        let mut s = snapshot();
        s.errors = vec![Diagnostic::error(
            "content/desa.yaml",
            "kunci `nma` tidak dikenal",
        )];
        for url in ["/", "/anggaran/", "/anggaran", "/tidak-ada.html"] {
            let r = respond(&s, url);
            assert_eq!(r.status, 500, "{url}");
            assert!(text(&r).contains("kunci `nma` tidak dikenal"), "{url}");
        }
        assert_eq!(respond(&s, "/assets/style.css").status, 200);
    }
}
