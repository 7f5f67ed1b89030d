//! The Content-Security-Policy of every page: present, first in the head, and compatible
//! with the theme (no inline script or style anywhere). Where Chromium is installed, the
//! sample's pages are opened from disk (file://) and the browser must report no violation
//! while the stylesheet and katalog.js load and run.

#![allow(clippy::unwrap_used)]

mod common;
use common::*;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const POLICY: &str = "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'none'\">";

fn built_sample() -> tempfile::TempDir {
    let dir = sample_site();
    let out = papan(&["build", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    dir
}

#[test]
fn every_page_carries_the_policy_before_anything_it_governs() {
    let dir = built_sample();
    let pages: Vec<(String, Vec<u8>)> = snapshot(&dir.path().join("output"))
        .into_iter()
        .filter(|(p, _)| p.ends_with(".html"))
        .collect();
    assert!(pages.len() > 50, "{}", pages.len());
    for (path, bytes) in pages {
        let html = String::from_utf8(bytes).unwrap();
        let head = html.split("</head>").next().unwrap();
        let at = head
            .find(POLICY)
            .unwrap_or_else(|| panic!("{path}: no policy"));
        for governed in ["<link", "<script", "<style", "<img"] {
            assert!(
                head.find(governed).is_none_or(|g| g > at),
                "{path}: {governed} before the policy"
            );
        }
        // Inline style and inline script would be blocked: the theme uses neither.
        assert!(!html.contains(" style="), "{path}: inline style");
        for script in html.split("<script").skip(1) {
            assert!(
                script.starts_with(" src=\"")
                    || script.starts_with(" type=\"application/ld+json\""),
                "{path}: inline script"
            );
        }
    }
}

fn chromium() -> Option<PathBuf> {
    let candidates = [
        std::env::var_os("PAPAN_CHROMIUM").map(PathBuf::from),
        Some(PathBuf::from("/usr/bin/chromium")),
        Some(PathBuf::from("/usr/bin/chromium-browser")),
    ];
    candidates.into_iter().flatten().find(|p| p.is_file())
}

/// Opens `url` in headless Chromium; returns (the DOM after scripts ran, the console log).
fn open(browser: &Path, profile: &Path, url: &str) -> (String, String) {
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--enable-logging=stderr",
            "--v=0",
            "--virtual-time-budget=2000",
            "--dump-dom",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(url)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let (mut out, mut err) = (child.stdout.take().unwrap(), child.stderr.take().unwrap());
    let dom = std::thread::spawn(move || std::io::read_to_string(&mut out).unwrap_or_default());
    let log = std::thread::spawn(move || std::io::read_to_string(&mut err).unwrap_or_default());
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > Duration::from_secs(60) {
            child.kill().unwrap();
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait().unwrap();
    (dom.join().unwrap(), log.join().unwrap())
}

fn violations(log: &str) -> Vec<&str> {
    log.lines()
        .filter(|l| l.contains("Content Security Policy") || l.contains("violates"))
        .collect()
}

#[test]
fn chromium_loads_the_theme_from_disk_without_violations() {
    let Some(browser) = chromium() else {
        eprintln!("Chromium not found (set PAPAN_CHROMIUM): browser check skipped");
        return;
    };
    let dir = built_sample();
    let output = dir.path().join("output").canonicalize().unwrap();
    let profile = tempfile::tempdir().unwrap();
    let url = |page: &str| format!("file://{}", output.join(page).display());
    // The harness must see a violation when there is one.
    let catalog = std::fs::read_to_string(output.join("produk/index.html")).unwrap();
    let broken = catalog.replace(
        "<main id=\"isi\"",
        "<script>document.title='x'</script><main id=\"isi\"",
    );
    std::fs::write(output.join("produk/uji-csp.html"), broken).unwrap();
    let (_, log) = open(&browser, profile.path(), &url("produk/uji-csp.html"));
    assert!(
        !violations(&log).is_empty(),
        "an inline script went unnoticed:\n{log}"
    );
    std::fs::remove_file(output.join("produk/uji-csp.html")).unwrap();

    for page in [
        "index.html",
        "produk/index.html",
        "produk/keripik-singkong-balado/index.html",
        "anggaran/2025/index.html",
        "laporan/index.html",
        "halaman/profil-desa/index.html",
        "404.html",
    ] {
        let (dom, log) = open(&browser, profile.path(), &url(page));
        assert!(
            dom.contains("<main id=\"isi\""),
            "{page} did not load:\n{log}"
        );
        let found = violations(&log);
        assert!(found.is_empty(), "{page}:\n{}", found.join("\n"));
        if page == "produk/index.html" {
            // katalog.js ran: it adds the search form.
            assert!(
                dom.contains("<form class=\"saring\""),
                "katalog.js did not run on {page}"
            );
        }
    }
}

#[test]
fn a_site_template_with_inline_script_or_style_is_warned_about_at_its_line() {
    for (template, line) in [
        (
            "{% extends \"base.html\" %}\n{% block content %}\n<p style=\"color:red\">x</p>\n{% endblock content %}\n",
            3,
        ),
        (
            "{% extends \"base.html\" %}\n{% block content %}\n<p>x</p>\n\n<script>alert(1)</script>\n{% endblock content %}\n",
            5,
        ),
        (
            "{% extends \"base.html\" %}\n{% block content %}<button onclick=\"x()\">x</button>{% endblock content %}\n",
            2,
        ),
    ] {
        let dir = site(&[
            ("content/desa.yaml", DESA),
            ("themes/default/templates/index.html", template),
        ]);
        let out = papan(&["build", dir.path().to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let err = stderr(&out);
        assert!(
            err.contains("peringatan:")
                && err.contains("Content-Security-Policy")
                && err.contains(&format!("--> themes/default/templates/index.html:{line}:1")),
            "{err}"
        );
    }
    // The theme's own ways of loading script raise nothing.
    let dir = site(&[
        ("content/desa.yaml", DESA),
        (
            "themes/default/templates/index.html",
            "{% extends \"base.html\" %}{% block content %}<script src=\"x.js\" defer></script><script type=\"application/ld+json\">{}</script>{% endblock content %}",
        ),
    ]);
    let out = papan(&["build", dir.path().to_str().unwrap()]);
    assert!(
        !stderr(&out).contains("Content-Security-Policy"),
        "{}",
        stderr(&out)
    );
}
