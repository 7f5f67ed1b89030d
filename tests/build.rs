//! Whole builds of fixture sites through the real binary.

#![allow(clippy::unwrap_used)]

mod common;
use common::*;
use std::collections::BTreeSet;
use std::path::Path;

fn build(site: &Path) -> std::process::Output {
    papan(&["build", site.to_str().unwrap()])
}

#[test]
fn sample_village_builds_every_page_and_its_totals_match_the_documents() {
    let dir = sample_site();
    let out = build(dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let output = dir.path().join("output");
    for page in [
        "index.html",
        "anggaran/index.html",
        "anggaran/tren.svg",
        "assets/style.css",
    ] {
        assert!(output.join(page).is_file(), "{page}");
    }
    // Totals computed from the YAML with a separate script when the sample data was written.
    let expected = [
        (
            2023,
            "1724125500",
            "1722183930",
            "1762303500",
            "1721480000",
            "5040650",
            "43922580",
        ),
        (
            2024,
            "1901422300",
            "1897611715",
            "1905344500",
            "1836773000",
            "10000380",
            "74761295",
        ),
        (
            2025,
            "1832444800",
            "1016471230",
            "1857178000",
            "799595000",
            "10028095",
            "251637525",
        ),
    ];
    for (year, pa, pr, ba, br, sa, sr) in expected {
        let dir = output.join(format!("anggaran/{year}"));
        assert!(dir.join("index.html").is_file());
        let json: serde_json::Value = serde_json::from_slice(
            &std::fs::read(dir.join(format!("apbdes-{year}.json"))).unwrap(),
        )
        .unwrap();
        let r = &json["ringkasan"];
        assert_eq!(r["pendapatan"]["anggaran"], pa, "{year}");
        assert_eq!(r["pendapatan"]["realisasi"], pr, "{year}");
        assert_eq!(r["belanja"]["anggaran"], ba, "{year}");
        assert_eq!(r["belanja"]["realisasi"], br, "{year}");
        assert_eq!(r["silpa_tahun_berjalan"]["anggaran"], sa, "{year}");
        assert_eq!(r["silpa_tahun_berjalan"]["realisasi"], sr, "{year}");
        let html = std::fs::read_to_string(dir.join("index.html")).unwrap();
        assert!(html.contains("<html lang=\"id\">"));
        assert!(html.contains("Data contoh."), "sample data must be marked");
        for svg in [
            "pendapatan-sumber.svg",
            "belanja-bidang.svg",
            "belanja-jenis.svg",
            "belanja-sumber-dana.svg",
        ] {
            assert!(html.contains(&format!("src=\"{svg}\"")), "{year} {svg}");
            let chart = std::fs::read_to_string(dir.join(svg)).unwrap();
            assert!(
                chart.contains("role=\"img\"") && chart.contains("<title"),
                "{svg}"
            );
        }
    }
}

#[test]
fn year_page_states_stage_date_and_complaints_address() {
    let dir = sample_site();
    assert_eq!(build(dir.path()).status.code(), Some(0));
    let html = std::fs::read_to_string(dir.path().join("output/anggaran/2025/index.html")).unwrap();
    assert!(html.contains("<strong>laporan realisasi semester pertama</strong>, keadaan per <strong>30 Juni 2025</strong>"));
    assert!(html.contains("Pertanyaan dan pengaduan"));
    assert!(html.contains("<details open>"));
    assert!(html.contains("<th scope=\"col\">Lebih/(Kurang)</th>"));
    // Rupiah and percentages in Indonesian notation.
    assert!(html.contains("Rp 1.832.444.800"));
    let belanja = html.split("<dt>Belanja</dt>").nth(1).unwrap();
    // 799.595.000 / 1.857.178.000 = 43,054…% → 43,05%.
    assert!(
        belanja.contains("Rp 799.595.000</span> <span class=\"persen\">(43,05%)</span>"),
        "{}",
        &belanja[..400]
    );
}

#[test]
fn csv_has_one_row_per_table_row_with_exact_amounts() {
    let dir = budget_site(
        2025,
        "tahun: 2025\npendapatan:\n  - { kode: \"4.1.1\", anggaran: \"Rp 1.220.937.619,09\" }\nbelanja:\n  - { kode: \"02.03.10\", uraian: \"Jalan, \\\"Dusun\\\" Karet\", jenis: \"5.3.5\", anggaran: 5.000.000 }\n",
    );
    assert_eq!(build(dir.path()).status.code(), Some(0));
    let csv =
        std::fs::read_to_string(dir.path().join("output/anggaran/2025/apbdes-2025.csv")).unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "bagian,kode,uraian,tingkat,jenis_belanja,sumber_dana,lokasi,anggaran,realisasi,lebih_kurang,persen"
    );
    assert_eq!(
        &lines[1..],
        [
            "pendapatan,4.1,Pendapatan Asli Desa,kelompok,,,,1220937619.09,,,",
            "pendapatan,4.1.1,Hasil Usaha Desa,baris,,,,1220937619.09,,,",
            "belanja,02,Bidang Pelaksanaan Pembangunan Desa,kelompok,,,,5000000,,,",
            "belanja,02.03,Sub Bidang Pekerjaan Umum dan Tata Ruang,kelompok,,,,5000000,,,",
            "belanja,02.03.10,\"Jalan, \"\"Dusun\"\" Karet\",baris,5.3.5,,,5000000,,,",
        ]
    );
}

/// Builds the sample twice, into folders with different names in different places, with
/// and without base_url; every file (pages, charts, feed, sitemap, downloads, photos) must
/// be byte for byte the same, and none may mention where it was built.
#[test]
fn two_builds_are_byte_identical() {
    for base_url in [None, Some("https://sukamaju.desa.id/")] {
        let dir = sample_site();
        if let Some(url) = base_url {
            let desa = dir.path().join("content/desa.yaml");
            let text = std::fs::read_to_string(&desa).unwrap();
            std::fs::write(&desa, format!("{text}\nbase_url: {url}\n")).unwrap();
        }
        let a = tempfile::tempdir().unwrap();
        let b = tempfile::tempdir().unwrap();
        let (out_a, out_b) = (a.path().join("situs"), b.path().join("lain/hasil"));
        for out in [&out_a, &out_b] {
            let o = papan(&[
                "build",
                dir.path().to_str().unwrap(),
                "--output",
                out.to_str().unwrap(),
            ]);
            assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        }
        let (sa, sb) = (snapshot(&out_a), snapshot(&out_b));
        assert_eq!(sa.keys().collect::<Vec<_>>(), sb.keys().collect::<Vec<_>>());
        let mut expected = vec![
            "index.html",
            "404.html",
            "robots.txt",
            "laporan/atom.xml",
            "anggaran/tren.svg",
            "anggaran/2025/belanja-bidang.svg",
            "anggaran/2025/apbdes-2025.csv",
            "anggaran/2025/apbdes-2025.json",
            "assets/katalog.js",
            ".papan-output",
        ];
        if base_url.is_some() {
            expected.push("sitemap.xml");
        }
        for file in expected {
            assert!(sa.contains_key(file), "{file} missing ({base_url:?})");
        }
        // Photos are published as resized copies named by content hash, in both formats.
        for ext in [".jpg", ".webp"] {
            assert!(
                sa.keys().any(
                    |k| k.starts_with("foto/balai-desa-") && k.ends_with(&format!("-960{ext}"))
                ),
                "no 960 px {ext} of balai-desa"
            );
        }
        assert_eq!(sa.contains_key("sitemap.xml"), base_url.is_some());
        let places = [a.path(), b.path(), dir.path()].map(|p| p.to_string_lossy().into_owned());
        for (path, bytes) in &sa {
            assert!(
                bytes == &sb[path],
                "{path} differs between builds ({base_url:?})"
            );
            let text = String::from_utf8_lossy(bytes);
            for place in &places {
                assert!(!text.contains(place.as_str()), "{path} names {place}");
            }
        }
    }
}

#[test]
fn failed_build_leaves_previous_output_untouched() {
    let dir = sample_site();
    assert_eq!(build(dir.path()).status.code(), Some(0));
    let before = snapshot(&dir.path().join("output"));
    std::fs::write(
        dir.path().join("content/anggaran/2024.yaml"),
        "tahun: 2024\npendapatan:\n  - { kode: \"4.2.1\", anggaran: 1.500 }\n",
    )
    .unwrap();
    let out = build(dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("content/anggaran/2024.yaml:3:"),
        "{}",
        stderr(&out)
    );
    assert_eq!(snapshot(&dir.path().join("output")), before);
    // The photo cache of the first build stays too; no staging folder is left behind.
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name())
        .filter(|n| n != ".papan-cache")
        .collect();
    assert_eq!(
        leftovers.len(),
        2,
        "only content/ and output/ remain: {leftovers:?}"
    );
}

#[test]
fn refuses_output_folders_with_files_it_did_not_write() {
    let dir = sample_site();
    let mine = dir.path().join("punya-saya");
    std::fs::create_dir_all(&mine).unwrap();
    std::fs::write(mine.join("skripsi.docx"), b"penting").unwrap();
    let out = papan(&[
        "build",
        dir.path().to_str().unwrap(),
        "--output",
        mine.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("berisi berkas yang tidak dibuat oleh Papan: skripsi.docx"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        std::fs::read(mine.join("skripsi.docx")).unwrap(),
        b"penting"
    );
    // A file added by hand to a Papan output is also protected.
    assert_eq!(build(dir.path()).status.code(), Some(0));
    std::fs::write(dir.path().join("output/CNAME"), "desa.id").unwrap();
    assert_eq!(build(dir.path()).status.code(), Some(2));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("output/CNAME")).unwrap(),
        "desa.id"
    );
    for bad in [
        dir.path().to_path_buf(),
        dir.path().join("content"),
        std::path::PathBuf::from("/"),
    ] {
        let out = papan(&[
            "build",
            dir.path().to_str().unwrap(),
            "--output",
            bad.to_str().unwrap(),
        ]);
        assert_eq!(out.status.code(), Some(2), "{}", bad.display());
    }
}

/// `target` (relative, `/`-separated) seen from the folder `base`, or None when it climbs
/// out of the site.
fn resolve(base: &Path, target: &str) -> Option<String> {
    let mut resolved = base.to_path_buf();
    for seg in target.split('/') {
        match seg {
            ".." => {
                if !resolved.pop() {
                    return None;
                }
            }
            "" | "." => {}
            s => resolved.push(s),
        }
    }
    Some(resolved.to_string_lossy().into_owned())
}

/// Every `href` and `src` in every page and feed that points inside the site resolves to a
/// file, and every `#fragment` to an element with that id on the target page.
#[test]
fn every_local_link_resolves() {
    let dir = sample_site();
    assert_eq!(build(dir.path()).status.code(), Some(0));
    let output = dir.path().join("output");
    let files: BTreeSet<String> = snapshot(&output).into_keys().collect();
    let read = |f: &str| std::fs::read_to_string(output.join(f)).unwrap();
    let (mut checked, mut fragments) = (0, 0);
    let pages = files
        .iter()
        .filter(|f| f.ends_with(".html") || f.ends_with(".xml"));
    for page in pages {
        let html = read(page);
        let base = Path::new(page).parent().unwrap().to_path_buf();
        for attr in [" href=\"", " src=\""] {
            for part in html.split(attr).skip(1) {
                let link = part.split('"').next().unwrap().replace("&amp;", "&");
                if ["http:", "https:", "mailto:", "tel:"]
                    .iter()
                    .any(|s| link.starts_with(s))
                {
                    continue;
                }
                assert!(!link.starts_with('/'), "{page}: absolute link {link}");
                let (target, fragment) = match link.split_once('#') {
                    Some((t, f)) => (t, Some(f)),
                    None => (link.as_str(), None),
                };
                let key = if target.is_empty() {
                    page.clone()
                } else {
                    resolve(&base, target)
                        .unwrap_or_else(|| panic!("{page}: {link} leaves the site"))
                };
                assert!(files.contains(&key), "{page}: broken link {link}");
                if let Some(f) = fragment {
                    assert!(
                        read(&key).contains(&format!("id=\"{f}\"")),
                        "{page}: {link} names no element on {key}"
                    );
                    fragments += 1;
                }
                checked += 1;
            }
        }
    }
    // The sample has ~60 pages with a menu of 6 links each, and 33+ kegiatan rows linked
    // from the lists under the 2023–2025 tables.
    assert!(checked > 600, "only {checked} links checked");
    assert!(fragments > 60, "only {fragments} fragments checked");
}

#[test]
fn a_site_theme_overrides_one_template_and_errors_name_the_file() {
    let dir = sample_site();
    let custom = dir.path().join("themes/default/templates");
    std::fs::create_dir_all(&custom).unwrap();
    std::fs::write(custom.join("index.html"), "{% extends \"base.html\" %}{% block content %}<p>Beranda khusus {{ site.nama }}</p>{% endblock content %}").unwrap();
    assert_eq!(build(dir.path()).status.code(), Some(0));
    let home = std::fs::read_to_string(dir.path().join("output/index.html")).unwrap();
    assert!(home.contains("<p>Beranda khusus Sukamaju Lestari</p>"));
    assert!(
        home.contains("assets/style.css"),
        "the default base template is still used"
    );
    std::fs::write(
        custom.join("index.html"),
        "{% extends \"base.html\" %}{% block content %}{{ site.nama }{% endblock content %}",
    )
    .unwrap();
    let out = build(dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("--> themes/default/templates/index.html"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn usage_errors_exit_2_and_missing_content_exits_1() {
    assert_eq!(papan(&["bangun"]).status.code(), Some(2));
    let empty = tempfile::tempdir().unwrap();
    let out = papan(&["check", empty.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("folder `content/` tidak ditemukan"));
}

#[test]
fn upper_case_extensions_are_read_and_notepads_txt_is_named() {
    let budget = "tahun: 2026\ntahap: anggaran\npendapatan:\n  - { kode: \"4.2.1\", anggaran: 900000000 }\nbelanja:\n  - { kode: \"01.01.01\", anggaran: 900000000 }\n";
    let dir = site(&[
        ("content/desa.yaml", DESA),
        ("content/anggaran/2026.YAML", budget),
        ("content/anggaran/2025.yaml.txt", "tahun: 2025\n"),
        (
            "content/laporan/Rapat.MD",
            "---\njudul: Rapat Desa\ntanggal: 2026-01-05\nstatus: selesai\n---\nIsi.\n",
        ),
    ]);
    let out = build(dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let output = dir.path().join("output");
    assert!(output.join("anggaran/2026/index.html").is_file());
    assert!(output.join("laporan/rapat/index.html").is_file());
    assert!(
        stderr(&out).contains(
            "peringatan: berkas ini tidak dibaca: namanya berakhiran `.txt`\n  --> content/anggaran/2025.yaml.txt\n   = saran: ganti namanya menjadi `2025.yaml`;"
        ),
        "{}",
        stderr(&out)
    );
}
