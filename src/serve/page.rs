//! The pages `papan serve` makes itself: the problem list shown instead of stale content,
//! the not-found page, and the reload script tag added to every HTML response.
//!
//! In: diagnostics, or an HTML page and the build version. Out: HTML. Every text from the
//! content goes through [`html::escape`]; the script tag is added here, at serve time, so
//! it never reaches the output of `papan build`.

use crate::diagnostic::Diagnostic;
use crate::html::escape;
use std::fmt::Write as _;

/// Where the reload script is served; an external same-origin script, so a strict
/// Content-Security-Policy still allows it.
pub const SCRIPT_PATH: &str = "/__papan/muat-ulang.js";
/// The Server-Sent Events stream the script listens to.
pub const EVENTS_PATH: &str = "/__papan/peristiwa";
pub const SCRIPT: &str = include_str!("muat-ulang.js");

fn script_tag(version: u64) -> String {
    format!("<script src=\"{SCRIPT_PATH}\" data-versi=\"{version}\"></script>")
}

/// Adds the reload script before the last `</body>`, or at the end when there is none.
pub fn inject(html: &[u8], version: u64) -> Vec<u8> {
    let tag = script_tag(version);
    let at = find_last_ci(html, b"</body>").unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + tag.len() + 1);
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(tag.as_bytes());
    out.push(b'\n');
    out.extend_from_slice(&html[at..]);
    out
}

fn find_last_ci(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    (0..=haystack.len().checked_sub(needle.len())?)
        .rev()
        .find(|&i| haystack[i..i + needle.len()].eq_ignore_ascii_case(needle))
}

const STYLE: &str = "body{font-family:system-ui,sans-serif;max-width:52rem;margin:0 auto;padding:1rem;line-height:1.5;color:#1a1a1a}\
h1{color:#9b1c1c;font-size:1.4rem}li{margin:0 0 1.25rem}pre{background:#f4f4f4;padding:.5rem;overflow-x:auto}\
.posisi{font-family:monospace;font-weight:bold}.saran{color:#14532d}";

fn page(title: &str, body: &str, version: u64) -> String {
    format!(
        "<!doctype html>\n<html lang=\"id\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<title>{title} · Papan</title>\n<style>{STYLE}</style>\n</head>\n<body>\n{body}{}\n</body>\n</html>\n",
        script_tag(version)
    )
}

/// The page shown for every HTML request while the content has errors.
pub fn errors(problems: &[Diagnostic], version: u64) -> String {
    let mut body = format!(
        "<h1>Situs belum bisa dibangun: {} kesalahan</h1>\n\
<p>Perbaiki masalah di bawah ini lalu simpan berkasnya; halaman ini dimuat ulang sendiri.</p>\n<ol>\n",
        problems.len()
    );
    for d in problems {
        let _ = writeln!(
            body,
            "<li><p><span class=\"posisi\">{}</span><br>{}: {}</p>",
            escape(&d.position()),
            d.severity.label(),
            escape(&d.message)
        );
        if let (Some(line), Some(loc)) = (&d.snippet, d.location) {
            let shown = line.replace('\t', " ");
            let caret = " ".repeat(loc.column.saturating_sub(1).min(shown.chars().count()));
            let _ = writeln!(
                body,
                "<pre>{:>3} | {}\n    | {caret}^</pre>",
                loc.line,
                escape(&shown)
            );
        }
        for note in &d.notes {
            let _ = writeln!(body, "<p>{}</p>", escape(note));
        }
        if let Some(hint) = &d.hint {
            let _ = writeln!(body, "<p class=\"saran\">saran: {}</p>", escape(hint));
        }
        body.push_str("</li>\n");
    }
    body.push_str("</ol>\n");
    page("Ada kesalahan", &body, version)
}

/// The page for an address the site does not have.
pub fn not_found(path: &str, version: u64) -> String {
    let body = format!(
        "<h1>Halaman tidak ditemukan</h1>\n<p>Situs ini tidak punya halaman <code>/{}</code>.</p>\n\
<p><a href=\"/\">Kembali ke beranda</a></p>\n",
        escape(path)
    );
    page("Tidak ditemukan", &body, version)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Location;

    #[test]
    fn injects_before_the_last_body_end_tag() {
        let html = b"<html><body><p>&lt;/body&gt;</p></BODY></html>";
        let out = String::from_utf8(inject(html, 7)).unwrap();
        assert_eq!(
            out,
            "<html><body><p>&lt;/body&gt;</p><script src=\"/__papan/muat-ulang.js\" data-versi=\"7\"></script>\n</BODY></html>"
        );
        let out = String::from_utf8(inject(b"<p>x", 1)).unwrap();
        assert!(out.starts_with("<p>x<script"), "{out}");
    }

    #[test]
    fn error_page_escapes_everything_from_the_content() {
        let d = Diagnostic::error("content/laporan/<x>.md", "kunci `<script>` tidak dikenal")
            .at(Some(Location::new(3, 1)))
            .snippet(Some("<script>alert(1)</script>: 5"))
            .note("catatan & lainnya")
            .hint("maksud Anda `\"judul\"`?");
        let html = errors(&[d], 2);
        assert!(!html.contains("<script>alert"), "{html}");
        assert!(html.contains("<span class=\"posisi\">content/laporan/&lt;x&gt;.md:3:1</span>"));
        assert!(html.contains("kesalahan: kunci `&lt;script&gt;` tidak dikenal"));
        assert!(
            html.contains("<pre>  3 | &lt;script&gt;alert(1)&lt;/script&gt;: 5\n    | ^</pre>")
        );
        assert!(html.contains("<p>catatan &amp; lainnya</p>"));
        assert!(html.contains("saran: maksud Anda `&quot;judul&quot;`?"));
        assert!(html.contains("data-versi=\"2\""));
    }
}
