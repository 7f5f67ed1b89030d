//! A site without base_url works everywhere: at a domain root, under a sub-path and opened
//! from disk, because every link is relative and names its file. With base_url, the
//! canonical links use it.

#![allow(clippy::unwrap_used)]

mod common;
use common::*;
use std::path::Path;

/// Every `href="…"` and `src="…"` value in `html`.
fn links(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    for attr in ["href=\"", "src=\""] {
        for part in html.split(attr).skip(1) {
            out.push(part.split('"').next().unwrap().to_owned());
        }
    }
    out
}

fn html_pages(output: &Path) -> Vec<(String, String)> {
    snapshot(output)
        .into_iter()
        .filter(|(p, _)| p.ends_with(".html"))
        .map(|(p, b)| (p, String::from_utf8(b).unwrap()))
        .collect()
}

/// Builds `site` and checks that no link starts at the domain root and that every
/// internal link points at a file that exists, as a browser opening files from disk needs.
fn assert_relative_and_complete(site: &Path) {
    let out = papan(&["build", site.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let output = site.join("output");
    let pages = html_pages(&output);
    assert!(pages.len() >= 3, "{pages:?}");
    let mut checked = 0;
    for (page, html) in &pages {
        assert!(
            !html.contains("href=\"/"),
            "{page} has a link from the domain root"
        );
        assert!(
            !html.contains("src=\"/"),
            "{page} loads something from the domain root"
        );
        assert!(!html.contains("__papan"), "{page} carries the serve script");
        let dir = Path::new(page).parent().unwrap();
        for link in links(html) {
            if link.starts_with('#') || link.contains(':') {
                continue; // in-page anchors, https:, mailto:, tel:
            }
            let target = link.split(['#', '?']).next().unwrap();
            assert!(
                !target.ends_with('/'),
                "{page}: {link} does not name its file"
            );
            let file = output.join(dir).join(target);
            assert!(file.is_file(), "{page}: {link} points at nothing");
            checked += 1;
        }
    }
    // Menu, stylesheet, charts and downloads on every page: far more than this.
    assert!(checked > 5 * pages.len(), "only {checked} links checked");
    for (page, html) in &pages {
        assert!(
            !html.contains("rel=\"canonical\""),
            "{page}: canonical without base_url"
        );
    }
}

#[test]
fn the_sample_village_without_base_url_has_only_relative_links() {
    let dir = sample_site();
    let desa = std::fs::read_to_string(dir.path().join("content/desa.yaml")).unwrap();
    assert!(
        !desa.lines().any(|l| l.starts_with("base_url:")),
        "the sample sets no base_url"
    );
    assert_relative_and_complete(dir.path());
}

#[test]
fn a_new_site_has_only_relative_links() {
    let parent = tempfile::tempdir().unwrap();
    let site = parent.path().join("desa");
    let out = papan(&["new", site.to_str().unwrap(), "--tahun", "2025"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_relative_and_complete(&site);
}

#[test]
fn with_base_url_canonical_links_use_it() {
    let dir = sample_site();
    let desa = dir.path().join("content/desa.yaml");
    let text = std::fs::read_to_string(&desa).unwrap();
    std::fs::write(
        &desa,
        format!("{text}base_url: https://sukamaju.desa.id/desa\n"),
    )
    .unwrap();
    let out = papan(&["build", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let read = |p: &str| std::fs::read_to_string(dir.path().join("output").join(p)).unwrap();
    // base_url gains its trailing slash; index.html is left out, as hosts serve it.
    assert!(
        read("index.html")
            .contains("<link rel=\"canonical\" href=\"https://sukamaju.desa.id/desa/\">")
    );
    assert!(read("anggaran/2025/index.html").contains(
        "<link rel=\"canonical\" href=\"https://sukamaju.desa.id/desa/anggaran/2025/\">"
    ));
    // The links between pages stay relative.
    assert!(!read("anggaran/2025/index.html").contains("href=\"/"));
}
