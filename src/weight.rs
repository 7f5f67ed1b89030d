//! Page weight: what a resident's phone downloads to show a page, images aside.
//!
//! In: the rendered files of a site (pages, CSS, scripts). Out: a warning for every page
//! whose HTML plus the stylesheets and scripts it links exceeds [`BUDGET`] bytes. Inline
//! SVG is part of the HTML, so it counts; images load separately and are made small by
//! [`crate::images`], so they do not.

use crate::diagnostic::Diagnostic;
use crate::output::OutputFile;
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};

/// 50 KB: a page opens in a few seconds on a slow mobile connection.
pub const BUDGET: usize = 50 * 1024;

/// Every page's weight in bytes, by path.
pub fn weights(files: &[OutputFile]) -> BTreeMap<String, usize> {
    let sizes: BTreeMap<&str, usize> = files
        .iter()
        .map(|f| (f.path.as_str(), f.bytes.len()))
        .collect();
    files
        .par_iter()
        .filter(|f| f.path.ends_with(".html"))
        .map(|page| {
            let html = String::from_utf8_lossy(&page.bytes);
            let linked: usize = linked_assets(&page.path, &html)
                .iter()
                .filter_map(|a| sizes.get(a.as_str()))
                .sum();
            (page.path.clone(), page.bytes.len() + linked)
        })
        .collect()
}

/// Warnings for the pages over [`BUDGET`].
pub fn check(files: &[OutputFile]) -> Vec<Diagnostic> {
    weights(files)
        .into_iter()
        .filter(|(_, w)| *w > BUDGET)
        .map(|(path, w)| {
            Diagnostic::warning(
                &path,
                format!(
                    "halaman ini berukuran {} bersama CSS dan JavaScript-nya; batasnya {}",
                    kb(w),
                    kb(BUDGET)
                ),
            )
            .hint("halaman seberat ini lambat dibuka di ponsel murah dengan data seluler; pendekkan isinya atau bagi menjadi beberapa halaman")
        })
        .collect()
}

/// `52,3 KB` (1 KB = 1024 bytes), rounded half up to a tenth.
fn kb(bytes: usize) -> String {
    let tenths = (bytes * 10 + 512) / 1024;
    match tenths % 10 {
        0 => format!("{} KB", tenths / 10),
        d => format!("{},{d} KB", tenths / 10),
    }
}

/// The stylesheets and scripts a page links, as paths from the site root.
fn linked_assets(page: &str, html: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for attr in ["href=\"", "src=\""] {
        for (i, _) in html.match_indices(attr) {
            let rest = &html[i + attr.len()..];
            let Some(end) = rest.find('"') else { continue };
            let target = rest[..end].split(['?', '#']).next().unwrap_or_default();
            if (target.ends_with(".css") || target.ends_with(".js"))
                && !target.contains("://")
                && !target.starts_with("//")
                && let Some(path) = resolve(page, target)
            {
                out.insert(path);
            }
        }
    }
    out
}

/// `../assets/style.css` seen from `laporan/index.html` → `assets/style.css`.
fn resolve(page: &str, target: &str) -> Option<String> {
    let mut parts: Vec<&str> = if let Some(abs) = target.strip_prefix('/') {
        return Some(abs.to_owned());
    } else {
        page.split('/').collect()
    };
    parts.pop();
    for piece in target.split('/') {
        match piece {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            p => parts.push(p),
        }
    }
    Some(parts.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_weighs_its_html_and_what_it_links_once() {
        let page = "<link rel=\"stylesheet\" href=\"../assets/style.css\"><script src=\"../assets/a.js?v=1\"></script><a href=\"../assets/style.css\">css</a><img src=\"../grafik.svg\">";
        let files = vec![
            OutputFile::new("laporan/index.html", page),
            OutputFile::new("assets/style.css", vec![b'x'; 1000]),
            OutputFile::new("assets/a.js", vec![b'x'; 300]),
            OutputFile::new("grafik.svg", vec![b'x'; 90_000]),
        ];
        // The page's own bytes, plus 1000 + 300: the CSS linked twice counts once, the
        // SVG shown as an image does not count.
        assert_eq!(weights(&files)["laporan/index.html"], page.len() + 1300);
        assert!(check(&files).is_empty());
    }

    #[test]
    fn heavy_pages_are_warned_about_in_kilobytes() {
        let files = vec![OutputFile::new("index.html", vec![b'x'; 53_555])];
        let d = check(&files);
        assert_eq!(d.len(), 1);
        // 53 555 / 1024 = 52.30 KB.
        assert_eq!(
            d[0].message,
            "halaman ini berukuran 52,3 KB bersama CSS dan JavaScript-nya; batasnya 50 KB"
        );
        assert_eq!(d[0].file, std::path::Path::new("index.html"));
    }

    #[test]
    fn links_resolve_from_the_page_folder() {
        assert_eq!(
            resolve("anggaran/2025/index.html", "../../assets/style.css").as_deref(),
            Some("assets/style.css")
        );
        assert_eq!(resolve("index.html", "../x.css"), None);
        assert_eq!(
            resolve("a/index.html", "/assets/s.css").as_deref(),
            Some("assets/s.css")
        );
    }
}
