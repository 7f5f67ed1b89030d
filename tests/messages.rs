//! The exact texts a volunteer sees for the commonest mistakes: an unknown key with a
//! did-you-mean, a code close to an official one, a YAML syntax error with the caret under
//! the column, an ambiguous amount; all at once, errors before warnings, a count at the end.

#![allow(clippy::unwrap_used)]

mod common;
use common::*;

/// Three budget files with one kind of mistake each (a file whose YAML cannot be read
/// stops at its first problem, so the unknown key and the syntax error get their own).
fn site_with_mistakes() -> tempfile::TempDir {
    site(&[
        ("content/desa.yaml", DESA),
        (
            "content/anggaran/2023.yaml",
            "tahun: 2023\nbelanja:\n  - kode: \"01.01.01\"\n    anggran: 36000000\n",
        ),
        (
            "content/anggaran/2024.yaml",
            "tahun: 2024\ndasar_hukum: Perdes No. 5: APBDes 2024\n",
        ),
        (
            "content/anggaran/2025.yaml",
            "\
tahun: 2025
pendapatan:
  - kode: \"4.2.7\"
    anggaran: 850000000
  - kode: \"4.1.1\"
    anggaran: 1.500
belanja:
  - kode: \"02.03.99\"
    uraian: Jalan Tani Dusun Karet
    anggaran: 5000000
",
        ),
    ])
}

// Positions worked out by hand from the files above: `    anggran:` starts at column 5;
// the second `:` of `dasar_hukum: Perdes No. 5: …` is character 26; the `"` of
// `  - kode: "4.2.7"` is character 11; `    anggaran: 1.500` has its value at column 15.
// 4.2.1 to 4.2.5 are all one edit from 4.2.7; the first in code order is offered.
const EXPECTED: &str = r#"kesalahan: kunci `anggran` tidak dikenal
  --> content/anggaran/2023.yaml:4:5
   |
 4 |     anggran: 36000000
   |     ^
   = kunci yang boleh di sini: `kode`, `uraian`, `jenis`, `sumber_dana`, `lokasi`, `keterangan`, `anggaran`, `realisasi`
   = saran: maksud Anda `anggaran`?

kesalahan: penulisan YAML tidak sah
  --> content/anggaran/2024.yaml:2:26
   |
 2 | dasar_hukum: Perdes No. 5: APBDes 2024
   |                          ^
   = ada titik dua yang diikuti spasi (`: `) di tengah nilai; YAML membacanya sebagai kunci baru
   = pesan asli pembaca YAML (bahasa Inggris): mapping values are not allowed in this context
   = saran: setelah titik dua harus ada spasi; jika nilainya mengandung `: `, apit dengan tanda kutip "…"

kesalahan: kode 4.2.7 tidak ada dalam daftar kode pendapatan Permendagri No. 20 Tahun 2018
  --> content/anggaran/2025.yaml:3:11
   |
 3 |   - kode: "4.2.7"
   |           ^
   = saran: maksud Anda `4.2.1` (Dana Desa)?

kesalahan: anggaran: jumlah `1.500` bermakna ganda: bisa 1500 atau 1,5
  --> content/anggaran/2025.yaml:6:15
   |
 6 |     anggaran: 1.500
   |               ^
   = saran: untuk ribuan tulis 1500 (tanpa pemisah); untuk pecahan tulis 1,5

----

peringatan: kegiatan 02.03.99 tidak ada dalam Permendagri No. 20 Tahun 2018; dianggap kegiatan tambahan desa
  --> content/anggaran/2025.yaml:8:11
   |
 8 |   - kode: "02.03.99"
   |           ^
   = saran: jika ini salah ketik, perbaiki kodenya; jika memang kegiatan tambahan desa, peringatan ini boleh diabaikan

Ditemukan 4 kesalahan dan 1 peringatan.
"#;

#[test]
fn check_prints_every_problem_with_position_caret_and_suggestion() {
    let dir = site_with_mistakes();
    let out = papan(&["check", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stderr(&out), EXPECTED);
}

#[test]
fn build_prints_the_same_report_and_writes_nothing() {
    let dir = site_with_mistakes();
    let out = papan(&["build", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.starts_with(EXPECTED), "{err}");
    assert!(err.ends_with("tidak diubah.\n"), "{err}");
    assert!(!dir.path().join("output").exists());
}

#[test]
fn an_unclosed_quote_points_at_where_it_opened() {
    let dir = budget_site(
        2025,
        "tahun: 2025\ndasar_hukum: \"Perdes No. 5\npendapatan: []\n",
    );
    let out = papan(&["check", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    // The parser notices at the end of the file; the caret goes under the opening quote,
    // character 14 of line 2.
    assert_eq!(
        stderr(&out),
        r#"kesalahan: penulisan YAML tidak sah
  --> content/anggaran/2025.yaml:2:14
   |
 2 | dasar_hukum: "Perdes No. 5
   |              ^
   = tanda kutip atau kurung ini dibuka tetapi tidak ditutup sampai akhir berkas
   = pesan asli pembaca YAML (bahasa Inggris): found unexpected end of stream
   = saran: periksa tanda kutip atau kurung yang belum ditutup

Ditemukan 1 kesalahan.
"#
    );
}

#[test]
fn a_tab_in_the_indentation_is_named() {
    let dir = budget_site(
        2025,
        "tahun: 2025\npendapatan:\n  - kode: \"4.2.1\"\n\tanggaran: 5\n",
    );
    let out = papan(&["check", dir.path().to_str().unwrap()]);
    let err = stderr(&out);
    assert!(
        err.contains("  --> content/anggaran/2025.yaml:4:1\n"),
        "{err}"
    );
    assert!(
        err.contains("   = ada karakter Tab di indentasi baris ini\n"),
        "{err}"
    );
    assert!(
        err.contains("   = saran: gunakan spasi untuk indentasi, bukan tombol Tab\n"),
        "{err}"
    );
}

#[test]
fn an_unknown_key_in_desa_yaml_gets_a_did_you_mean() {
    let dir = site(&[("content/desa.yaml", &format!("{DESA}kepala_dsa: Budi\n"))]);
    let out = papan(&["check", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    // DESA has five lines; the mistake is on the sixth.
    assert!(
        err.starts_with(
            "kesalahan: kunci `kepala_dsa` tidak dikenal\n  --> content/desa.yaml:6:1\n"
        ),
        "{err}"
    );
    assert!(
        err.contains("   = saran: maksud Anda `kepala_desa`?\n"),
        "{err}"
    );
}
