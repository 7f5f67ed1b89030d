//! The APBDes notice board (baliho) through the real binary: its three files for every
//! budget year, the figures in its PDF, its QR code, its cache, and its bad input.
//!
//! Expected figures were worked out from the sample YAML by a separate Python script
//! (leaf rows summed with `decimal`, formatted `Rp 1.234.567`), not taken from Papan.
//! `pdftotext` (poppler-utils) and `zbarimg` (zbar-tools) are installed by `.ci/run`; when
//! they are missing here, the tests that need them say so and fail under CI.

#![allow(clippy::unwrap_used)]

mod common;
use common::*;
use std::path::Path;
use std::process::Command;

fn build(site: &Path) -> std::process::Output {
    papan(&["build", site.to_str().unwrap()])
}

/// Whether a tool is installed; under CI its absence is a failure, not a skip.
fn tool(name: &str) -> bool {
    let found = Command::new(name).arg("--version").output().is_ok();
    assert!(
        found || std::env::var_os("CI").is_none(),
        "{name} is missing on CI"
    );
    if !found {
        eprintln!("{name} not found: check skipped");
    }
    found
}

/// The text of a PDF, its whitespace runs made single spaces (the board wraps long lines).
fn pdf_text(pdf: &Path) -> String {
    let out = Command::new("pdftotext")
        .args([pdf.to_str().unwrap(), "-"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Per year: total pendapatan and belanja, then every bidang's belanja, anggaran and
/// realisasi (Python over content/anggaran/*.yaml).
type Year = (u32, [&'static str; 4], [(&'static str, &'static str); 5]);
const SAMPLE: [Year; 3] = [
    (
        2023,
        [
            "Rp 1.724.125.500",
            "Rp 1.722.183.930",
            "Rp 1.762.303.500",
            "Rp 1.721.480.000",
        ],
        [
            ("Rp 649.776.000", "Rp 643.754.000"),
            ("Rp 693.680.000", "Rp 673.350.000"),
            ("Rp 48.900.000", "Rp 48.872.500"),
            ("Rp 240.347.500", "Rp 225.903.500"),
            ("Rp 129.600.000", "Rp 129.600.000"),
        ],
    ),
    (
        2024,
        [
            "Rp 1.901.422.300",
            "Rp 1.897.611.715",
            "Rp 1.905.344.500",
            "Rp 1.836.773.000",
        ],
        [
            ("Rp 676.757.000", "Rp 671.898.500"),
            ("Rp 784.725.000", "Rp 733.864.000"),
            ("Rp 61.900.000", "Rp 60.780.000"),
            ("Rp 266.762.500", "Rp 255.030.500"),
            ("Rp 115.200.000", "Rp 115.200.000"),
        ],
    ),
    (
        2025,
        [
            "Rp 1.832.444.800",
            "Rp 1.016.471.230",
            "Rp 1.857.178.000",
            "Rp 799.595.000",
        ],
        [
            ("Rp 713.738.000", "Rp 338.730.000"),
            ("Rp 700.190.000", "Rp 294.710.000"),
            ("Rp 64.500.000", "Rp 26.280.000"),
            ("Rp 270.750.000", "Rp 85.875.000"),
            ("Rp 108.000.000", "Rp 54.000.000"),
        ],
    ),
];

const PENGADUAN: &str = "Kantor Desa Sukamaju Lestari, Jl. Raya Sukamaju Lestari No. 1; WhatsApp 0812-0000-0000; surel pengaduan@sukamajulestari.example";

#[test]
fn every_sample_year_has_the_board_with_the_figures_of_its_page() {
    let dir = sample_site();
    let out = build(dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let output = dir.path().join("output");
    let check_pdf = tool("pdftotext");
    for (year, totals, bidang) in SAMPLE {
        let folder = output.join(format!("anggaran/{year}"));
        let svg = std::fs::read_to_string(folder.join("baliho.svg")).unwrap();
        roxmltree::Document::parse(&svg).unwrap();
        let png = std::fs::read(folder.join("baliho.png")).unwrap();
        assert!(png.len() < 400 * 1024, "{year}: PNG of {} bytes", png.len());
        let img = image::load_from_memory(&png).unwrap();
        assert_eq!((img.width(), img.height()), (1080, 1620));
        let pdf = std::fs::read(folder.join("baliho.pdf")).unwrap();
        assert!(pdf.starts_with(b"%PDF-"));
        // The page links all three and offers the WhatsApp share.
        let page = std::fs::read_to_string(folder.join("index.html")).unwrap();
        for link in ["baliho.pdf", "baliho.png", "baliho.svg"] {
            assert!(page.contains(&format!("href=\"{link}\"")), "{year}: {link}");
        }
        assert!(page.contains(">Bagikan ke WhatsApp</a>"));
        assert!(page.contains(&format!(
            "href=\"https://wa.me/?text=APBDes%20{year}%20Desa%20Sukamaju%20Lestari%3A%20pendapatan%20"
        )));
        let mut expected: Vec<&str> = totals.to_vec();
        expected.extend(bidang.iter().flat_map(|(a, r)| [*a, *r]));
        expected.push(PENGADUAN);
        // Shown on the year page; without pdftotext the board's text is not read.
        for figure in &expected {
            assert!(page.contains(figure), "{year}: {figure} not on the page");
        }
        if !check_pdf {
            continue;
        }
        let text = pdf_text(&folder.join("baliho.pdf"));
        for figure in expected {
            // On the board in the same notation as on the page.
            assert!(
                text.contains(figure),
                "{year}: {figure} not in the PDF:\n{text}"
            );
        }
        assert!(text.contains(&format!("APBDes Tahun Anggaran {year}")));
        assert!(text.contains("DATA CONTOH"));
    }
}

#[test]
fn the_qr_code_reads_as_the_year_page_address() {
    if !tool("zbarimg") {
        return;
    }
    let dir = sample_site();
    let desa = dir.path().join("content/desa.yaml");
    let text = std::fs::read_to_string(&desa).unwrap();
    std::fs::write(
        &desa,
        format!("{text}base_url: https://sukamaju.desa.id/\n"),
    )
    .unwrap();
    let out = build(dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    for year in [2023, 2024, 2025] {
        let png = dir
            .path()
            .join(format!("output/anggaran/{year}/baliho.png"));
        let read = Command::new("zbarimg")
            .args(["--raw", "-q", png.to_str().unwrap()])
            .output()
            .unwrap();
        assert_eq!(
            String::from_utf8_lossy(&read.stdout).trim(),
            format!("https://sukamaju.desa.id/anggaran/{year}/"),
            "{}",
            String::from_utf8_lossy(&read.stderr)
        );
    }
    // Without base_url there is no address to point to, and no code.
    let plain = sample_site();
    assert_eq!(build(plain.path()).status.code(), Some(0));
    let png = plain.path().join("output/anggaran/2025/baliho.png");
    let read = Command::new("zbarimg")
        .args(["--raw", "-q", png.to_str().unwrap()])
        .output()
        .unwrap();
    // The board is there, and zbarimg read it and found no code (its exit status 4).
    assert!(png.is_file());
    assert_eq!(
        read.status.code(),
        Some(4),
        "{}",
        String::from_utf8_lossy(&read.stderr)
    );
    assert!(read.stdout.is_empty());
}

/// The notice board files of an output folder.
fn boards(output: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    snapshot(output)
        .into_iter()
        .filter(|(p, _)| p.contains("/baliho."))
        .collect()
}

#[test]
fn boards_are_the_same_bytes_in_two_builds_and_come_from_the_cache() {
    let (a, b) = (sample_site_cold(), sample_site_cold());
    for d in [&a, &b] {
        assert_eq!(build(d.path()).status.code(), Some(0));
    }
    let cold = boards(&a.path().join("output"));
    assert_eq!(cold.len(), 9);
    assert!(
        cold == boards(&b.path().join("output")),
        "two builds differ"
    );
    let warm = build(a.path());
    assert!(
        stdout(&warm).contains("; 3 baliho dari cache, 0 dibuat."),
        "{}",
        stdout(&warm)
    );
    assert!(
        cold == boards(&a.path().join("output")),
        "the cache changed a board"
    );
    let pdf = &cold["anggaran/2025/baliho.pdf"];
    let pdf = String::from_utf8_lossy(pdf);
    // No dates and no document ID, which would differ from build to build.
    assert!(!pdf.contains("/CreationDate") && !pdf.contains("/ModDate") && !pdf.contains("/ID ["));
}

#[test]
fn a_year_without_belanja_says_so() {
    let dir = budget_site(
        2026,
        "tahun: 2026\ntahap: anggaran\npendapatan:\n  - { kode: \"4.2.1\", anggaran: 900000000 }\n",
    );
    let out = build(dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let svg = std::fs::read_to_string(dir.path().join("output/anggaran/2026/baliho.svg")).unwrap();
    assert!(svg.contains(">Tidak ada belanja yang tercatat untuk tahun ini.</text>"));
    assert!(svg.contains(">Rp 900.000.000</text>"));
    assert!(!svg.contains("Kegiatan dengan anggaran terbesar"));
    if tool("pdftotext") {
        let text = pdf_text(&dir.path().join("output/anggaran/2026/baliho.pdf"));
        assert!(
            text.contains("Tidak ada belanja yang tercatat untuk tahun ini."),
            "{text}"
        );
    }
}

const BUDGET: &str = "tahun: 2026\ntahap: anggaran\npendapatan:\n  - { kode: \"4.2.1\", anggaran: 900000000 }\nbelanja:\n  - { kode: \"01.01.01\", anggaran: 900000000 }\n";

#[test]
fn a_logo_that_is_not_a_picture_is_an_error_at_its_line() {
    let dir = site(&[
        ("content/desa.yaml", &format!("{DESA}logo: foto/logo.png\n")),
        ("content/anggaran/2026.yaml", BUDGET),
        ("content/foto/logo.png", "ini teks, bukan gambar"),
    ]);
    for command in ["check", "build"] {
        let out = papan(&[command, dir.path().to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(1), "{command}");
        let err = stderr(&out);
        assert!(
            err.contains(
                "kesalahan: logo `foto/logo.png` bukan gambar PNG, JPEG atau WebP\n  --> content/desa.yaml:6:7\n"
            ),
            "{err}"
        );
        assert!(err.contains(" 6 | logo: foto/logo.png\n"), "{err}");
    }
    assert!(!dir.path().join("output").exists());
}

#[test]
fn a_logo_is_drawn_on_the_board() {
    // A pure red square, so its pixels are easy to find in the header (which has none).
    let mut png = Vec::new();
    image::RgbImage::from_pixel(300, 300, image::Rgb([255, 0, 0]))
        .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .unwrap();
    let dir = site(&[
        ("content/desa.yaml", &format!("{DESA}logo: logo.png\n")),
        ("content/anggaran/2026.yaml", BUDGET),
    ]);
    std::fs::write(dir.path().join("content/logo.png"), png).unwrap();
    let out = build(dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let board = image::open(dir.path().join("output/anggaran/2026/baliho.png"))
        .unwrap()
        .into_rgb8();
    // The logo box: 150 units at the right margin (x 886–1036, y 26–176), the picture
    // inset by 8.
    assert_eq!(board.get_pixel(961, 101).0, [255, 0, 0]);
    assert_ne!(board.get_pixel(500, 101).0, [255, 0, 0]);
}
