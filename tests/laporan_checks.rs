//! Contributor text that must never run in a reader's browser, and the validation of
//! report files: every rule's exact message, with file, line and column, all at once.

#![allow(clippy::unwrap_used)]

mod common;
use common::*;
use std::process::{Command, Output};

/// 2026-11-25 12:00 WIB.
const TODAY: &str = "1795582800";

fn papan_on(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_papan"))
        .args(args)
        .env("NO_COLOR", "1")
        .env("SOURCE_DATE_EPOCH", TODAY)
        .output()
        .unwrap()
}

const BUDGET: &str = "tahun: 2025\ntahap: realisasi\nper_tanggal: 2025-12-31\nbelanja:\n  - { kode: \"02.03.10\", uraian: Pengerasan Jalan Dusun Karet, jenis: \"5.3.5\", anggaran: 100.000.000, realisasi: 90.000.000 }\n  - { kode: \"04.04.01\", uraian: Pelatihan Mocaf, jenis: \"5.2.1\", anggaran: 10.000.000, realisasi: 0 }\n";

#[test]
fn every_report_rule_is_reported_with_file_and_line() {
    let dir = site(&[
        ("content/desa.yaml", DESA),
        ("content/anggaran/2025.yaml", BUDGET),
        (
            "content/laporan/salah-kegiatan.md",
            "---\njudul: Jalan\ntanggal: 2025-05-01\nkegiatan: [\"02.03.10\", \"02.03.11\"]\ntahun_anggaran: 2025\nstatus: selesai\n---\nIsi.\n",
        ),
        (
            "content/laporan/tanpa-apbdes.md",
            "---\njudul: Jalan\ntanggal: 2026-05-01\nkegiatan: \"02.03.10\"\ntahun_anggaran: 2026\nstatus: selesai\n---\n",
        ),
        (
            "content/laporan/tanpa-tahun.md",
            "---\njudul: Jalan\ntanggal: 2025-05-01\nkegiatan: \"02.03.10\"\nstatus: selesai\n---\n",
        ),
        (
            "content/laporan/banyak-salah.md",
            "---\njudul: Banyak Salah\ntanggal: 31-12-2025\nstatus: selessai\nprogres: 120\nfoto:\n  - foto/tidak-ada.jpg\n  - berkas: ../rahasia.jpg\n    keterangan: Di luar\n---\nIsi laporan.\n\n![hilang](foto/hilang.jpg)\n",
        ),
        (
            "content/laporan/tidak-ditutup.md",
            "---\njudul: A\ntanggal: 2025-01-01\n\nIsi tanpa penutup.\n",
        ),
        ("rahasia.jpg", "bukan foto desa"),
    ]);
    let out = papan_on(&["check", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    // Lines and columns counted by hand in the texts above (line 1 is the opening `---`).
    let expected = [
        ("banyak-salah.md:3:10", "tanggal `31-12-2025` tidak sah"),
        ("banyak-salah.md:4:9", "status `selessai` tidak dikenal"),
        ("banyak-salah.md:5:10", "progres `120` di luar 0–100"),
        (
            "banyak-salah.md:7:5",
            "foto `foto/tidak-ada.jpg` tidak ditemukan di content/foto/tidak-ada.jpg",
        ),
        (
            "banyak-salah.md:8:13",
            "foto `../rahasia.jpg` berada di luar folder content/; tulis alamat di dalam content/, misalnya `foto/nama-berkas.jpg`",
        ),
        (
            "banyak-salah.md:13:1",
            "foto `foto/hilang.jpg` tidak ditemukan di content/foto/hilang.jpg",
        ),
        (
            "salah-kegiatan.md:4:24",
            "kegiatan 02.03.11 tidak ada di APBDes 2025 (content/anggaran/2025.yaml)",
        ),
        (
            "tanpa-apbdes.md:5:17",
            "tidak ada APBDes tahun 2026: berkas content/anggaran/2026.yaml tidak ada",
        ),
        (
            "tanpa-tahun.md:4:11",
            "`kegiatan` diisi tetapi `tahun_anggaran` tidak ada",
        ),
        (
            "tidak-ditutup.md:1:1",
            "bagian isian di awal berkas tidak ditutup: baris `---` penutupnya tidak ada",
        ),
    ];
    for (at, message) in expected {
        let block = format!("kesalahan: {message}\n  --> content/laporan/{at}\n");
        assert!(err.contains(&block), "missing:\n{block}\nin:\n{err}");
    }
    assert!(err.contains("= saran: maksud Anda `02.03.10` (Pengerasan Jalan Dusun Karet)?"));
    assert!(err.contains("= saran: APBDes yang ada: 2025; perbaiki `tahun_anggaran`, atau tambahkan content/anggaran/2026.yaml"));
    assert!(err.contains(
        "= saran: maksud Anda `selesai`? pilihannya `rencana`, `berjalan`, `selesai`, `tertunda`"
    ));
    assert!(err.contains("= saran: tulis tahun-bulan-tanggal: maksud Anda 2025-12-31?"));
    assert!(err.contains("= saran: tambahkan `tahun_anggaran: 2025`"));
    assert!(err.ends_with("Ditemukan 10 kesalahan.\n"), "{err}");
}

#[test]
fn front_matter_keys_and_forms() {
    let dir = site(&[
        ("content/desa.yaml", DESA),
        (
            "content/laporan/kunci.md",
            "---\njudul: A\ntanggal: 2025-01-01\nstatus: selesai\npenerimaan_manfaat: 35\n---\n",
        ),
        (
            "content/laporan/angka.md",
            "---\njudul: B\ntanggal: 2025-01-01\nstatus: selesai\npenerima_manfaat: tiga puluh\nprogres: setengah\n---\n",
        ),
        (
            "content/laporan/kode-angka.md",
            "---\njudul: C\ntanggal: 2025-01-01\nstatus: selesai\ntahun_anggaran: 2025\nkegiatan: 2.10\n---\n",
        ),
        ("content/anggaran/2025.yaml", BUDGET),
        ("content/laporan/2025/jalan.md", "---\njudul: D\n---\n"),
    ]);
    let out = papan_on(&["check", dir.path().to_str().unwrap()]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("peringatan: laporan di dalam subfolder tidak dibaca\n  --> content/laporan/2025/jalan.md\n"), "{err}");
    for block in [
        "kesalahan: kunci `penerimaan_manfaat` tidak dikenal\n  --> content/laporan/kunci.md:5:1\n",
        "kesalahan: penerima_manfaat `tiga puluh` bukan bilangan bulat\n  --> content/laporan/angka.md:5:19\n",
        "kesalahan: progres `setengah` bukan angka bulat\n  --> content/laporan/angka.md:6:10\n",
    ] {
        assert!(err.contains(block), "missing:\n{block}\nin:\n{err}");
    }
    assert!(
        err.contains("= saran: maksud Anda `penerima_manfaat`?"),
        "{err}"
    );
    assert!(
        err.contains("Nilai ini terbaca sebagai angka 2.1; tulis di antara tanda kutip"),
        "{err}"
    );
}

/// Every start tag in the text: its name and its attributes (name, value).
fn tags(text: &str) -> Vec<(String, Vec<(String, String)>)> {
    let mut out = Vec::new();
    let bytes: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != '<' || !bytes.get(i + 1).is_some_and(|c| c.is_ascii_alphabetic()) {
            i += 1;
            continue;
        }
        i += 1;
        let mut name = String::new();
        while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == '-') {
            name.push(bytes[i].to_ascii_lowercase());
            i += 1;
        }
        let mut attrs = Vec::new();
        loop {
            while i < bytes.len() && bytes[i].is_whitespace() {
                i += 1;
            }
            if i >= bytes.len() || bytes[i] == '>' || bytes[i] == '/' {
                break;
            }
            let mut attr = String::new();
            while i < bytes.len() && !bytes[i].is_whitespace() && !"=>/".contains(bytes[i]) {
                attr.push(bytes[i].to_ascii_lowercase());
                i += 1;
            }
            let mut value = String::new();
            if bytes.get(i) == Some(&'=') {
                i += 1;
                let quote = bytes[i];
                assert!(quote == '"', "unquoted attribute {attr} in <{name}>");
                i += 1;
                while i < bytes.len() && bytes[i] != quote {
                    value.push(bytes[i]);
                    i += 1;
                }
                i += 1;
            }
            attrs.push((attr, value));
        }
        out.push((name, attrs));
    }
    out
}

const HOSTILE_MD: &str = "<script>alert(1)</script>\n\n<img src=x onerror=alert(2)>\n\n[klik](javascript:alert(3))\n\n<a href=\"JaVaScRiPt:alert(4)\">x</a>\n\n<iframe src=\"https://evil.example\"></iframe>\n\n<p style=\"position:fixed\" onclick=\"alert(5)\">teks aman</p>\n\n<svg><script>alert(6)</script></svg>\n\n[data](data:text/html;base64,PHNjcmlwdD4=)\n\n<a href=\" javascript:alert(7)\">spasi</a>\n\n<style>body{display:none}</style>\n";

#[test]
fn hostile_text_never_reaches_the_output() {
    let hostile = "<script>alert(1)</script><img src=x onerror=alert(2)><a href='javascript:alert(3)' style='color:red'>x</a><iframe src=//evil.example></iframe>";
    let q = |s: &str| format!("\"{}\"", s.replace('"', "\\\""));
    let desa = format!(
        "nama: {}\nkecamatan: {}\nkabupaten: Contoh\nprovinsi: Jawa Tengah\nalamat: {}\nalamat_pengaduan: {}\ndeskripsi: {}\n",
        q(&format!("Uji {hostile}")),
        q(hostile),
        q(hostile),
        q(hostile),
        q(hostile)
    );
    let budget = format!(
        "tahun: 2025\ntahap: realisasi\nper_tanggal: 2025-12-31\nbelanja:\n  - kode: \"02.03.10\"\n    uraian: {}\n    jenis: \"5.3.5\"\n    lokasi: {}\n    keterangan: {}\n    anggaran: 5000000\n    realisasi: 0\n",
        q(hostile),
        q(hostile),
        q(hostile)
    );
    let report = format!(
        "---\njudul: {}\ntanggal: 2025-03-01\nkegiatan: \"02.03.10\"\ntahun_anggaran: 2025\nstatus: berjalan\nprogres: 10\nlokasi: {}\nfoto:\n  - berkas: foto/a.jpg\n    keterangan: {}\n---\n{HOSTILE_MD}",
        q(hostile),
        q(hostile),
        q("\" onerror=\"alert(8)")
    );
    let page = format!(
        "---\njudul: {}\nringkasan: {}\n---\n{HOSTILE_MD}",
        q(hostile),
        q(hostile)
    );
    let dir = site(&[
        ("content/desa.yaml", &desa),
        ("content/anggaran/2025.yaml", &budget),
        ("content/laporan/serangan.md", &report),
        ("content/halaman/serangan.md", &page),
    ]);
    put_jpeg(dir.path(), "content/foto/a.jpg", 40, 30);
    let out = papan_on(&["build", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let output = dir.path().join("output");
    let files = snapshot(&output);
    let mut scanned = 0;
    for (path, bytes) in files
        .iter()
        .filter(|(p, _)| p.ends_with(".html") || p.ends_with(".xml"))
    {
        let text = String::from_utf8(bytes.clone()).unwrap();
        for (tag, attrs) in tags(&text) {
            assert!(
                ![
                    "script", "iframe", "object", "embed", "style", "form", "svg"
                ]
                .contains(&tag.as_str()),
                "{path}: <{tag}> survived"
            );
            for (name, value) in attrs {
                assert!(!name.starts_with("on"), "{path}: {name} on <{tag}>");
                assert!(name != "style", "{path}: style on <{tag}>");
                let v = value.trim().to_ascii_lowercase();
                assert!(
                    !v.starts_with("javascript:") && !v.starts_with("data:"),
                    "{path}: {name}={value} on <{tag}>"
                );
            }
        }
        scanned += 1;
    }
    assert!(scanned >= 10, "only {scanned} files scanned");
    // The text itself is shown, escaped, and the harmless parts of the body survive.
    let report = std::fs::read_to_string(output.join("laporan/serangan/index.html")).unwrap();
    assert!(
        report.contains("<h1>&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{report}"
    );
    assert!(report.contains("<p>teks aman</p>"), "{report}");
    let halaman = std::fs::read_to_string(output.join("halaman/serangan/index.html")).unwrap();
    assert!(halaman.contains("<p>teks aman</p>"));
}
