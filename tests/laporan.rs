//! Reports, free pages, listings and feeds, built through the real binary: the sample
//! village's reports and budget lines link both ways, validation messages name file and
//! line, planned reports follow the date, listings paginate.

#![allow(clippy::unwrap_used)]

mod common;
use common::*;
use std::path::Path;
use std::process::{Command, Output};

/// 2026-11-25 12:00 WIB (2026-11-25T05:00:00Z, worked out with Python's datetime).
const TODAY: &str = "1795582800";

/// Runs papan with a fixed "today".
fn papan_on(epoch: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_papan"))
        .args(args)
        .env("NO_COLOR", "1")
        .env("SOURCE_DATE_EPOCH", epoch)
        .output()
        .unwrap()
}

fn build_on(epoch: &str, site: &Path) -> Output {
    papan_on(epoch, &["build", site.to_str().unwrap()])
}

fn read(site: &Path, page: &str) -> String {
    std::fs::read_to_string(site.join("output").join(page))
        .unwrap_or_else(|e| panic!("{page}: {e}"))
}

/// The `<tr …>` row with `id` on a page, up to its `</tr>`.
fn row<'a>(html: &'a str, id: &str) -> &'a str {
    let start = html
        .find(&format!("<tr id=\"{id}\""))
        .unwrap_or_else(|| panic!("no row {id}"));
    let end = html[start..].find("</tr>").unwrap() + start;
    &html[start..end]
}

/// The section of a page that starts at the heading with `id`, up to `</section>`.
fn section<'a>(html: &'a str, id: &str) -> &'a str {
    let start = html
        .find(&format!("id=\"{id}\""))
        .unwrap_or_else(|| panic!("no section {id}"));
    let end = html[start..].find("</section>").unwrap() + start;
    &html[start..end]
}

#[test]
fn sample_reports_and_budget_lines_link_both_ways() {
    let dir = sample_site();
    let out = build_on(TODAY, dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // Every sample report that names kegiatan, by hand from content/laporan/*.md.
    let linked = [
        ("2023-sumur-bor-sidomukti", 2023, "02-04-11"),
        ("2024-pelatihan-mocaf-pkk", 2024, "04-04-01"),
        ("2024-pengerasan-jalan-krajan-tegalsari", 2024, "02-03-10"),
        ("2024-gapura-batas-desa-ditunda", 2024, "02-03-20"),
        ("2024-blt-dana-desa", 2024, "05-03-01"),
        (
            "2025-pengerasan-jalan-ngasem-sidomukti-progres",
            2025,
            "02-03-10",
        ),
        (
            "2025-pengerasan-jalan-ngasem-sidomukti-selesai",
            2025,
            "02-03-10",
        ),
        ("2025-posyandu-pmt-semester-1", 2025, "02-02-02"),
        ("2025-blt-dana-desa-semester-1", 2025, "05-03-01"),
        ("2025-pelatihan-mocaf-pkk", 2025, "04-04-01"),
        ("2025-pelatihan-mocaf-pkk", 2025, "04-05-90"),
        ("2025-gapura-batas-desa-dilanjutkan", 2025, "02-03-20"),
    ];
    for (slug, year, code) in linked {
        let report = read(dir.path(), &format!("laporan/{slug}/index.html"));
        let to_budget = format!("href=\"../../anggaran/{year}/index.html#kegiatan-{code}\"");
        assert!(report.contains(&to_budget), "{slug} → {year} {code}");
        let budget = read(dir.path(), &format!("anggaran/{year}/index.html"));
        let to_report = format!("href=\"../../laporan/{slug}/index.html\"");
        assert!(
            row(&budget, &format!("kegiatan-{code}")).contains(&to_report),
            "{year} {code} → {slug}"
        );
    }
    let y2025 = read(dir.path(), "anggaran/2025/index.html");
    let tanpa = section(&y2025, "judul-tanpa-laporan");
    assert!(tanpa.contains("href=\"#kegiatan-02-03-14\""), "{tanpa}");
    assert!(!tanpa.contains("#kegiatan-02-03-10"), "{tanpa}");
    // 2025 is a mid-year document: nothing spent on the mocaf training by 30 June yet.
    let nol = section(&y2025, "judul-tanpa-realisasi");
    assert!(nol.contains("Kegiatan dengan realisasi Rp 0 per 30 Juni 2025 (belum terlaksana)"));
    assert!(nol.contains("href=\"#kegiatan-04-04-01\""));
    // 2024 is the year-end document: the postponed gapura was not carried out.
    let y2024 = read(dir.path(), "anggaran/2024/index.html");
    let nol = section(&y2024, "judul-tanpa-realisasi");
    assert!(nol.contains("Kegiatan dengan realisasi Rp 0 (tidak terlaksana)"));
    assert!(nol.contains("href=\"#kegiatan-02-03-20\""));
    assert!(nol.contains("href=\"../../laporan/2024-gapura-batas-desa-ditunda/index.html\""));
    // 2023 has no report on its road: listed as without report.
    let y2023 = read(dir.path(), "anggaran/2023/index.html");
    assert!(section(&y2023, "judul-tanpa-laporan").contains("#kegiatan-02-03-10"));
}

#[test]
fn report_page_shows_status_progress_figures_and_photos() {
    let dir = sample_site();
    assert_eq!(build_on(TODAY, dir.path()).status.code(), Some(0));
    let page = read(
        dir.path(),
        "laporan/2025-pengerasan-jalan-ngasem-sidomukti-progres/index.html",
    );
    assert!(page.contains("<meta property=\"og:type\" content=\"article\">"));
    // The share preview is the first photo cropped to 1200×630.
    let awal = sample_key("foto/jalan-ngasem-awal.jpg");
    assert!(page.contains(&format!(
        "<meta property=\"og:image\" content=\"../../bagikan/jalan-ngasem-awal-{awal}.jpg\">"
    )));
    assert!(page.contains("<a class=\"status status-berjalan\" href=\"../../laporan/status/berjalan/index.html\">Sedang berjalan</a>"));
    assert!(page.contains("<progress max=\"100\" value=\"45\">45%</progress>"));
    assert!(page.contains("<dd>960 orang</dd>"));
    // 02.03.10 in 2025 is two rincian: 228.640.000 + 30.150.000 = 258.790.000 anggaran,
    // 96.029.000 + 12.060.000 = 108.089.000 realisasi; 108.089.000 / 258.790.000 = 41,767…%.
    assert!(
        page.contains("<dd class=\"angka\">Rp 258.790.000</dd>"),
        "{page}"
    );
    assert!(page.contains(
        "<span class=\"angka\">Rp 108.089.000</span> <span class=\"persen\">(41,77%)</span>"
    ));
    assert!(page.contains("laporan realisasi semester pertama, per 30 Juni 2025"));
    // The photo in the body is routed through the photo pipeline, relative to the page:
    // the 1200×900 sample at 960 wide is 960×720; it is the page's first photo, so eager.
    let k = sample_key("foto/jalan-ngasem-progres-45.jpg");
    let f = format!("../../foto/jalan-ngasem-progres-45-{k}");
    assert!(page.contains(&format!("<img src=\"{f}-960.jpg\" srcset=\"{f}-480.jpg 480w, {f}-960.jpg 960w, {f}-1200.jpg 1200w\" sizes=\"(min-width: 62rem) 60rem, 100vw\" width=\"960\" height=\"720\" alt=\"Pengecoran ruas pertama, akhir Juni 2025\" decoding=\"async\">")), "{page}");
    assert!(page.contains("<figcaption>Keadaan jalan sebelum dikerjakan, April 2025</figcaption>"));
    // A caption is the alt text; the second photo of a page loads lazily.
    let mocaf = read(dir.path(), "laporan/2024-pelatihan-mocaf-pkk/index.html");
    let k = sample_key("foto/mocaf-2024-hasil.jpg");
    assert!(mocaf.contains(&format!(
        "<img src=\"../../foto/mocaf-2024-hasil-{k}-960.jpg\""
    )));
    assert!(mocaf.contains("width=\"960\" height=\"720\" alt=\"Tepung mocaf hasil pelatihan, siap dikemas\" loading=\"lazy\" decoding=\"async\"></picture>"));
    // A report without kegiatan (pembiayaan) has no budget box and still builds.
    let bumdes = read(
        dir.path(),
        "laporan/2025-penyertaan-modal-bumdes/index.html",
    );
    assert!(!bumdes.contains("kotak-anggaran"));
}

#[test]
fn sample_check_has_no_warnings_and_notes_the_missing_sitemap() {
    let dir = sample_site();
    let out = papan_on(TODAY, &["check", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    let err = stderr(&out);
    assert!(
        err.starts_with("catatan: `base_url` belum diisi; situs tetap berfungsi, tetapi:\n  --> content/desa.yaml\n   = sitemap.xml untuk mesin pencari tidak dibuat\n"),
        "{err}"
    );
    assert!(
        err.ends_with("Tidak ada masalah. Ada 1 catatan.\n"),
        "{err}"
    );
}

#[test]
fn planned_reports_follow_today_in_wib() {
    let dir = site(&[
        ("content/desa.yaml", DESA),
        (
            "content/laporan/rencana.md",
            "---\njudul: Pelatihan Kemasan\ntanggal: 2027-03-15\nstatus: rencana\n---\nRencana.\n",
        ),
        (
            "content/laporan/terlalu-cepat.md",
            "---\njudul: Jembatan\ntanggal: 2027-01-10\nstatus: selesai\n---\nSudah?\n",
        ),
    ]);
    let out = build_on(TODAY, dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("peringatan: laporan bertanggal 2027-01-10 (belum tiba) berstatus `selesai`; ditampilkan sebagai rencana\n  --> content/laporan/terlalu-cepat.md:4:9\n"), "{}", stderr(&out));
    let page = read(dir.path(), "laporan/rencana/index.html");
    assert!(
        page.contains("<strong>Direncanakan.</strong> Kegiatan ini dijadwalkan pada 15 Maret 2027")
    );
    let planned = read(dir.path(), "laporan/status/rencana/index.html");
    assert!(
        planned.contains("laporan/rencana/index.html")
            && planned.contains("laporan/terlalu-cepat/index.html")
    );
    assert!(!dir.path().join("output/laporan/status/selesai").exists());
    // One second before midnight WIB of 15 March 2027 (2027-03-14T17:00:00Z) the plan is
    // still ahead; at midnight its date has come and the stale status is pointed out.
    let before = build_on("1805043599", dir.path());
    assert!(
        !stderr(&before).contains("sudah lewat"),
        "{}",
        stderr(&before)
    );
    let at = build_on("1805043600", dir.path());
    assert!(stderr(&at).contains("peringatan: laporan berstatus `rencana` tetapi tanggalnya (2027-03-15) sudah lewat\n  --> content/laporan/rencana.md:4:9\n"), "{}", stderr(&at));
    assert!(read(dir.path(), "laporan/status/selesai/index.html").contains("Jembatan"));
}

#[test]
fn listings_have_ten_reports_a_page_newest_first() {
    let reports: Vec<(String, String)> = (1..=23)
        .map(|d| {
            (
                format!("content/laporan/laporan-{d:02}.md"),
                format!("---\njudul: Laporan nomor {d}\ntanggal: 2025-01-{d:02}\nstatus: selesai\n---\nIsi {d}.\n"),
            )
        })
        .collect();
    let mut files: Vec<(&str, &str)> = vec![("content/desa.yaml", DESA)];
    files.extend(reports.iter().map(|(p, t)| (p.as_str(), t.as_str())));
    let dir = site(&files);
    let out = build_on(TODAY, dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let cards = |page: &str| {
        read(dir.path(), page)
            .matches("<li class=\"kartu-laporan")
            .count()
    };
    // 23 reports: 10 + 10 + 3.
    assert_eq!(cards("laporan/index.html"), 10);
    assert_eq!(cards("laporan/halaman/2/index.html"), 10);
    assert_eq!(cards("laporan/halaman/3/index.html"), 3);
    assert!(!dir.path().join("output/laporan/halaman/4").exists());
    assert_eq!(cards("laporan/tahun/2025/halaman/3/index.html"), 3);
    let first = read(dir.path(), "laporan/index.html");
    let newest = first.find("Laporan nomor 23").unwrap();
    let next = first.find("Laporan nomor 22").unwrap();
    assert!(newest < next);
    assert!(!first.contains("Laporan nomor 13<"));
    let second = read(dir.path(), "laporan/halaman/2/index.html");
    assert!(second.contains("<a href=\"../../../laporan/index.html\" rel=\"prev\">"));
    assert!(second.contains("<a href=\"../../../laporan/halaman/3/index.html\" rel=\"next\">"));
    assert!(
        second.contains(
            "<a href=\"../../../laporan/halaman/2/index.html\" aria-current=\"page\">2</a>"
        )
    );
    let last = read(dir.path(), "laporan/halaman/3/index.html");
    assert!(last.contains("Laporan nomor 1<") && !last.contains("rel=\"next\""));
}

#[test]
fn free_pages_follow_their_order_in_the_menu() {
    let dir = site(&[
        ("content/desa.yaml", DESA),
        (
            "content/halaman/kontak.md",
            "---\njudul: Kontak\nurutan: 2\n---\nTelepon kantor desa.\n",
        ),
        (
            "content/halaman/profil.md",
            "---\njudul: Profil Desa\nurutan: 1\n---\n# Wilayah\n\nEnam dusun.\n",
        ),
        (
            "content/halaman/sejarah.md",
            "---\njudul: Sejarah\n---\nDulu.\n",
        ),
        (
            "content/halaman/adat.md",
            "---\njudul: Adat Istiadat\n---\nSedekah bumi.\n",
        ),
    ]);
    let out = build_on(TODAY, dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let home = read(dir.path(), "index.html");
    let order: Vec<usize> = [
        "halaman/profil/index.html\">Profil Desa<",
        "halaman/kontak/index.html\">Kontak<",
        "halaman/adat/index.html\">Adat Istiadat<",
        "halaman/sejarah/index.html\">Sejarah<",
    ]
    .iter()
    .map(|l| home.find(l).unwrap_or_else(|| panic!("{l} not in menu")))
    .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
    let profil = read(dir.path(), "halaman/profil/index.html");
    assert!(profil.contains("<h1>Profil Desa</h1>"));
    assert!(profil.contains("<h2 id=\"bagian-wilayah\">Wilayah</h2>"));
    assert!(profil.contains(
        "<a href=\"../../halaman/profil/index.html\" aria-current=\"page\">Profil Desa</a>"
    ));
}

#[test]
fn with_base_url_feed_sitemap_robots_and_404_use_absolute_addresses() {
    let dir = sample_site();
    let desa = dir.path().join("content/desa.yaml");
    let text = std::fs::read_to_string(&desa).unwrap();
    std::fs::write(
        &desa,
        format!("{text}\nbase_url: https://sukamaju.example/desa/\n"),
    )
    .unwrap();
    let out = build_on(TODAY, dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(!stderr(&out).contains("sitemap"), "{}", stderr(&out));
    let base = "https://sukamaju.example/desa/";
    let robots = read(dir.path(), "robots.txt");
    assert!(
        robots.ends_with(&format!("Sitemap: {base}sitemap.xml\n")),
        "{robots}"
    );
    let sitemap = read(dir.path(), "sitemap.xml");
    let doc = roxmltree::Document::parse(&sitemap).unwrap();
    let locs: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("loc"))
        .filter_map(|n| n.text())
        .collect();
    let pages = snapshot(&dir.path().join("output"))
        .into_keys()
        .filter(|k| k.ends_with(".html"))
        .count();
    assert_eq!(locs.len(), pages - 1, "every page but 404.html");
    for loc in &locs {
        let rel = loc.strip_prefix(base).unwrap();
        let file = if rel.is_empty() || rel.ends_with('/') {
            format!("{rel}index.html")
        } else {
            rel.to_owned()
        };
        assert!(dir.path().join("output").join(&file).is_file(), "{loc}");
    }
    assert!(locs.contains(&"https://sukamaju.example/desa/laporan/2024-blt-dana-desa/"));
    let not_found = read(dir.path(), "404.html");
    assert!(not_found.contains(&format!("href=\"{base}assets/style.css\"")));
    assert!(not_found.contains(&format!("<a href=\"{base}laporan/index.html\">")));
    let report = read(
        dir.path(),
        "laporan/2025-pengerasan-jalan-ngasem-sidomukti-selesai/index.html",
    );
    let k = sample_key("foto/jalan-ngasem-selesai.jpg");
    assert!(report.contains(&format!(
        "<meta property=\"og:image\" content=\"{base}bagikan/jalan-ngasem-selesai-{k}.jpg\">"
    )));
    assert!(report.contains(&format!("<link rel=\"canonical\" href=\"{base}laporan/2025-pengerasan-jalan-ngasem-sidomukti-selesai/\">")));
    let feed = read(dir.path(), "laporan/atom.xml");
    let doc = roxmltree::Document::parse(&feed).unwrap();
    let entries: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("entry"))
        .collect();
    assert_eq!(entries.len(), 13, "one entry per sample report");
    let link = entries[1]
        .children()
        .find(|n| n.has_tag_name("link"))
        .and_then(|n| n.attribute("href"))
        .unwrap();
    assert_eq!(
        link,
        format!("{base}laporan/2025-pengerasan-jalan-ngasem-sidomukti-selesai/")
    );
}

#[test]
fn feed_without_base_url_is_well_formed_with_relative_links() {
    let dir = sample_site();
    assert_eq!(build_on(TODAY, dir.path()).status.code(), Some(0));
    let feed = read(dir.path(), "laporan/atom.xml");
    let doc = roxmltree::Document::parse(&feed).unwrap();
    let titles: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("entry"))
        .filter_map(|e| e.children().find(|n| n.has_tag_name("title")))
        .filter_map(|n| n.text())
        .collect();
    assert_eq!(
        titles[0],
        "Direncanakan: Pelatihan Pengemasan dan Pemasaran Daring Tepung Mocaf"
    );
    assert!(feed.contains("<id>urn:papan:sukamaju-lestari:laporan:2024-blt-dana-desa</id>"));
    assert!(feed.contains("<link rel=\"alternate\" type=\"text/html\" href=\"../laporan/2024-blt-dana-desa/index.html\"/>"));
    assert!(feed.contains("<updated>2027-03-15T00:00:00+07:00</updated>"));
    let home = read(dir.path(), "index.html");
    assert!(home.contains("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Laporan kegiatan Desa Sukamaju Lestari\" href=\"laporan/atom.xml\">"));
    assert!(!dir.path().join("output/sitemap.xml").exists());
    assert_eq!(
        read(dir.path(), "robots.txt").lines().last(),
        Some("Disallow:")
    );
}

#[test]
fn every_sample_page_with_its_css_stays_under_50_kb() {
    let dir = sample_site();
    assert_eq!(build_on(TODAY, dir.path()).status.code(), Some(0));
    let files = snapshot(&dir.path().join("output"));
    let css = files["assets/style.css"].len();
    for (path, bytes) in files.iter().filter(|(p, _)| p.ends_with(".html")) {
        assert!(
            bytes.len() + css < 50_000,
            "{path}: {} bytes with the CSS",
            bytes.len() + css
        );
    }
}

/// One h1 per page, and no heading level skipped on the way down (h2 → h4).
#[test]
fn sample_pages_have_one_h1_and_headings_in_order() {
    let dir = sample_site();
    assert_eq!(build_on(TODAY, dir.path()).status.code(), Some(0));
    let files = snapshot(&dir.path().join("output"));
    for (path, bytes) in files.iter().filter(|(p, _)| p.ends_with(".html")) {
        let html = String::from_utf8(bytes.clone()).unwrap();
        let levels: Vec<u32> = html
            .split("<h")
            .skip(1)
            .filter_map(|rest| {
                let mut chars = rest.chars();
                let level = chars.next()?.to_digit(10)?;
                matches!(chars.next(), Some(' ' | '>')).then_some(level)
            })
            .collect();
        assert_eq!(levels.iter().filter(|&&l| l == 1).count(), 1, "{path}");
        let mut previous = 0;
        for level in levels {
            assert!(level <= previous + 1, "{path}: h{previous} then h{level}");
            previous = level;
        }
    }
}
