//! Page weight and what every page gives a slow phone and a share preview: each page's
//! HTML with its CSS and JavaScript within 50 KB, every photo with its size and copies,
//! every og:image an existing 1200×630 PNG or JPEG.

#![allow(clippy::unwrap_used)]

mod common;
use common::*;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

const BUDGET: usize = 50 * 1024;

/// The attributes of every tag named `tag`, each with a space in front.
fn tags<'a>(html: &'a str, tag: &str) -> Vec<&'a str> {
    let open = format!("<{tag} ");
    html.match_indices(&open)
        .map(|(i, _)| {
            let rest = &html[i + open.len() - 1..];
            &rest[..rest.find('>').unwrap()]
        })
        .collect()
}

fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    tag[start..].split('"').next()
}

/// `../assets/style.css` seen from `laporan/index.html`, as a path in the output.
fn resolve(page: &str, target: &str) -> String {
    let mut parts: Vec<&str> = page.split('/').collect();
    parts.pop();
    for piece in target.split('/') {
        match piece {
            ".." => {
                parts.pop();
            }
            "." | "" => {}
            p => parts.push(p),
        }
    }
    parts.join("/")
}

fn pages(output: &Path) -> BTreeMap<String, String> {
    snapshot(output)
        .into_iter()
        .filter(|(p, _)| p.ends_with(".html"))
        .map(|(p, b)| (p, String::from_utf8(b).unwrap()))
        .collect()
}

#[test]
fn every_page_with_its_css_and_js_stays_within_50_kb() {
    let dir = sample_site();
    let out = papan(&["build", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let output = dir.path().join("output");
    let mut heaviest = (0, String::new());
    let pages = pages(&output);
    for (path, html) in &pages {
        let mut linked = BTreeSet::new();
        for link in tags(html, "link") {
            if attr(link, "rel") == Some("stylesheet") {
                linked.insert(resolve(path, attr(link, "href").unwrap()));
            }
        }
        for script in tags(html, "script") {
            if let Some(src) = attr(script, "src") {
                linked.insert(resolve(path, src));
            }
        }
        let assets: usize = linked
            .iter()
            .map(|a| std::fs::metadata(output.join(a)).unwrap().len() as usize)
            .sum();
        let total = html.len() + assets;
        assert!(
            total <= BUDGET,
            "{path}: {total} bytes with {linked:?}, over {BUDGET}"
        );
        heaviest = heaviest.max((total, path.clone()));
    }
    // Home, 404, 3 free pages, budget list + 3 years, 13 reports, report listings, the
    // catalog: at least 60.
    assert!(pages.len() >= 60, "{} pages", pages.len());
    eprintln!("heaviest page: {} ({} bytes)", heaviest.1, heaviest.0);
}

#[test]
fn check_warns_about_a_page_over_the_budget() {
    // 60 paragraphs of 1000 characters: 60 000 bytes of text, over 51 200 on its own.
    let body = format!("{}\n", "Kalimat panjang. ".repeat(59)).repeat(60);
    let dir = site(&[
        ("content/desa.yaml", DESA),
        (
            "content/halaman/panjang.md",
            &format!("---\njudul: Panjang\n---\n{body}"),
        ),
    ]);
    let out = papan(&["check", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("peringatan: halaman ini berukuran ")
            && err.contains(" bersama CSS dan JavaScript-nya; batasnya 50 KB\n  --> halaman/panjang/index.html\n"),
        "{err}"
    );
}

#[test]
fn every_photo_has_its_size_and_copies_and_every_share_image_exists() {
    let dir = sample_site();
    let desa = dir.path().join("content/desa.yaml");
    let base = "https://sukamaju.example/desa/";
    let text = std::fs::read_to_string(&desa).unwrap();
    std::fs::write(&desa, format!("{text}base_url: {base}\n")).unwrap();
    let out = papan(&["build", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let output = dir.path().join("output");
    let (mut photos, mut cards) = (0, BTreeSet::new());
    for (path, html) in pages(&output) {
        for img in tags(&html, "img") {
            let src = attr(img, "src").unwrap();
            // Charts are vector drawings: one file is sharp at every width.
            if src.ends_with(".svg") {
                assert!(attr(img, "width").is_some() && attr(img, "height").is_some());
                continue;
            }
            photos += 1;
            for a in ["width", "height", "srcset", "sizes", "alt"] {
                assert!(attr(img, a).is_some(), "{path}: no {a} in <img {img}>");
            }
            let w: u32 = attr(img, "width").unwrap().parse().unwrap();
            let h: u32 = attr(img, "height").unwrap().parse().unwrap();
            let file = std::fs::read(output.join(resolve(&path, src))).unwrap();
            let shown = image::load_from_memory(&file).unwrap();
            assert_eq!((shown.width(), shown.height()), (w, h), "{path}: {src}");
            for candidate in attr(img, "srcset").unwrap().split(", ") {
                let file = candidate.split(' ').next().unwrap();
                assert!(
                    output.join(resolve(&path, file)).is_file(),
                    "{path}: {file}"
                );
            }
        }
        let meta = |property: &str| {
            let tag = tags(&html, "meta").into_iter().find(|m| {
                attr(m, "property") == Some(property) || attr(m, "name") == Some(property)
            });
            tag.and_then(|t| attr(t, "content")).map(str::to_owned)
        };
        let og = meta("og:image").unwrap_or_else(|| panic!("{path}: no og:image"));
        assert_eq!(
            meta("twitter:image").as_deref(),
            Some(og.as_str()),
            "{path}"
        );
        assert_eq!(meta("og:image:width").as_deref(), Some("1200"), "{path}");
        assert_eq!(meta("og:image:height").as_deref(), Some("630"), "{path}");
        let file = og
            .strip_prefix(base)
            .unwrap_or_else(|| panic!("{path}: {og}"));
        let bytes = std::fs::read(output.join(file)).unwrap_or_else(|_| panic!("{path}: {og}"));
        let png = bytes.starts_with(b"\x89PNG\r\n\x1a\n");
        let jpeg = bytes.starts_with(&[0xFF, 0xD8, 0xFF]);
        assert!(png || jpeg, "{path}: {og} is neither PNG nor JPEG");
        let size = image::load_from_memory(&bytes).unwrap();
        assert_eq!((size.width(), size.height()), (1200, 630), "{og}");
        cards.insert(file.to_owned());
    }
    // 12 report photos, 14 product and 1 producer photo, shown on listings and pages.
    assert!(photos > 27, "{photos} photos");
    // Three budget years, the site card, and a crop per report or product with a photo.
    assert!(
        cards
            .iter()
            .any(|c| c.starts_with("bagikan/apbdes-2025-") && c.ends_with(".png"))
    );
    assert!(
        cards
            .iter()
            .any(|c| c.starts_with("bagikan/situs-") && c.ends_with(".png"))
    );
    let k = sample_key("foto/produk-tepung-mocaf.jpg");
    assert!(cards.contains(&format!("bagikan/produk-tepung-mocaf-{k}.jpg")));
}
