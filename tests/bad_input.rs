//! The bad-input corpus: broken, strange and hostile files of every kind a site holds.
//! Every case must end with exit code 1 and a message naming the file (and the line where
//! the parser knows it) with a hint, without a panic, within 5 s of processor time and 512
//! MB of address space (`ulimit -t`, `ulimit -v`: past them the system stops the run),
//! and without writing output/. Lines are counted by hand from the texts.
//!
//! Run with `PAPAN_TEST_VERBOSE=1` to see every message.

#![allow(clippy::unwrap_used)]
#![cfg(unix)]

#[path = "common/bad.rs"]
mod bad;
mod common;

use bad::{F, assert_corpus, b, case, link, t};
use common::DESA;

const BUDGET_HEAD: &str = "tahun: 2025\ntahap: realisasi\nper_tanggal: 2025-12-31\n";
const REPORT: &str = "---\njudul: Kerja Bakti\ntanggal: 2025-03-01\nstatus: selesai\n---\nIsi.\n";
const PRODUCT: &str =
    "nama: Keripik\nkategori: makanan-olahan\nharga: 15000\nwhatsapp: \"0812-3456-7890\"\n";
const PRODUCER: &str = "nama: KUB Srikandi\nwhatsapp: 0812-0000-0001\n";

/// A billion-laughs document: nine levels of nine aliases, 9⁹ strings once expanded. Every
/// content file is read into typed fields, and no field takes nested lists, so the first
/// error (the unknown key holding the anchors) comes before any expansion; reading keeps
/// aliases unexpanded, so time and memory stay small whatever the document says.
fn alias_bomb(key: &str) -> String {
    let mut text = String::from(
        "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    for (prev, next) in ('a'..='h').zip('b'..='i') {
        let refs = vec![format!("*{prev}"); 9].join(",");
        text.push_str(&format!("{next}: &{next} [{refs}]\n"));
    }
    text.push_str(&format!("{key}: *i\n"));
    text
}

/// One long string anchored, then repeated by 100 000 aliases: about 600 KB of text that
/// typed reading would copy into 30 GB of strings.
fn scalar_bomb(anchor_key: &str, list_key: &str) -> String {
    let aliases = vec!["*a"; 100_000].join(",");
    format!(
        "{anchor_key}: &a \"{}\"\n{list_key}: [{aliases}]\n",
        "x".repeat(300_000)
    )
}

fn report(front: &str, body: &str) -> String {
    format!("---\n{front}---\n{body}")
}

#[test]
fn desa_yaml() {
    const D: &str = "content/desa.yaml";
    assert_corpus(vec![
        // A second `: ` in a plain value: the YAML parser stops at line 2.
        case(
            "desa-sintaks",
            vec![t(
                D,
                "nama: Uji\nkecamatan: Contoh: Lagi\nkabupaten: Contoh\n",
            )],
            D,
            Some(2),
            "penulisan YAML tidak sah",
        ),
        // A bracket never closed: the value on line 2 is read as a list.
        case(
            "desa-kurung-terbuka",
            vec![t(D, "nama: Uji\nkecamatan: [Contoh\nkabupaten: Contoh\n")],
            D,
            Some(2),
            "seharusnya teks",
        ),
        case(
            "desa-jenis-salah",
            vec![t(D, DESA.replace("nama: Uji Coba", "nama: [Uji, Coba]"))],
            D,
            Some(1),
            "seharusnya teks",
        ),
        // DESA has five lines; the unknown key is the sixth.
        case(
            "desa-kunci-asing",
            vec![t(D, format!("{DESA}kepala_dessa: Budi\n"))],
            D,
            Some(6),
            "kunci `kepala_dessa` tidak dikenal",
        ),
        case("desa-kosong", vec![t(D, "")], D, None, "berkas kosong"),
        case(
            "desa-biner",
            vec![b(D, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR".to_vec())],
            D,
            None,
            "bukan berkas teks",
        ),
        // Latin-1 é on line 2, after "kecamatan: Cilacap".
        case(
            "desa-bukan-utf8",
            vec![b(D, b"nama: Uji\nkecamatan: Cilacap\xe9\n".to_vec())],
            D,
            Some(2),
            "bukan teks UTF-8",
        ),
        case(
            "desa-tidak-ada",
            vec![(D, F::Absent)],
            D,
            None,
            "berkas tidak dapat dibaca: tidak ada",
        ),
        case(
            "desa-folder",
            vec![(D, F::Dir)],
            D,
            None,
            "ini sebuah folder",
        ),
        case(
            "desa-tautan-keluar",
            vec![link(D, "luar/rahasia.yaml")],
            D,
            None,
            "di luar folder situs",
        ),
        case(
            "desa-bom-alias",
            vec![t(D, alias_bomb("nama"))],
            D,
            Some(1),
            "kunci `a` tidak dikenal",
        ),
        // DESA has five lines; the anchored value is on the sixth.
        case(
            "desa-bom-skalar",
            vec![t(
                D,
                format!("{DESA}{}", scalar_bomb("deskripsi", "kategori_produk")),
            )],
            D,
            Some(6),
            "diulang terlalu banyak kali lewat alias YAML",
        ),
        case(
            "desa-50mb",
            vec![(D, F::Big(50 * 1024 * 1024))],
            D,
            None,
            "berkas terlalu besar (50 MB)",
        ),
        case(
            "desa-bersarang",
            vec![t(D, format!("nama: {}", "[".repeat(100_000)))],
            D,
            Some(1),
            "bertingkat terlalu dalam",
        ),
        case(
            "desa-tema-keluar",
            vec![t(D, format!("{DESA}tema: ../../luar\n"))],
            D,
            Some(6),
            "nama tema `../../luar` tidak sah",
        ),
        case(
            "desa-tema-tidak-ada",
            vec![t(D, format!("{DESA}tema: hijau\n"))],
            D,
            None,
            "tema `hijau` tidak ditemukan",
        ),
        case(
            "desa-base-url-javascript",
            vec![t(D, format!("{DESA}base_url: \"javascript:alert(1)\"\n"))],
            D,
            Some(6),
            "bukan alamat web yang lengkap",
        ),
        case(
            "desa-dua-dokumen",
            vec![t(D, format!("{DESA}---\nnama: Lain\n"))],
            D,
            Some(6),
            "lebih dari satu dokumen",
        ),
        case(
            "desa-daftar-bersarang",
            vec![t(
                D,
                format!("{DESA}kategori_produk:\n{}x\n", "- ".repeat(400_000)),
            )],
            D,
            Some(7),
            "bertingkat terlalu dalam",
        ),
        case(
            "desa-penduduk-negatif",
            vec![t(D, format!("{DESA}jumlah_penduduk: -4312\n"))],
            D,
            Some(6),
            "bukan bilangan bulat positif",
        ),
    ]);
}

#[test]
fn budgets() {
    const A: &str = "content/anggaran/2025.yaml";
    let row = |amount: &str| {
        format!(
            "{BUDGET_HEAD}belanja:\n  - kode: \"02.03.10\"\n    uraian: Jalan\n    jenis: \"5.3.5\"\n    anggaran: {amount}\n    realisasi: 0\n"
        )
    };
    assert_corpus(vec![
        case("anggaran-tab", vec![t(A, "tahun: 2025\nbelanja:\n\t- kode: \"01\"\n")], A, Some(3), "penulisan YAML tidak sah"),
        case("anggaran-jenis-salah", vec![t(A, "tahun: [2025]\n")], A, Some(1), "seharusnya"),
        case("anggaran-kunci-asing", vec![t(A, "tahun: 2025\nbelanja:\n  - kode: \"02.03.10\"\n    anggran: 5\n")], A, Some(4), "kunci `anggran` tidak dikenal"),
        case("anggaran-kosong", vec![t(A, "# belum diisi\n")], A, None, "berkas kosong"),
        case("anggaran-biner", vec![b(A, b"PK\x03\x04\x14\x00\x06\x00".to_vec())], A, None, "bukan berkas teks"),
        // Windows-1252 quotes around Laptop on line 5.
        case("anggaran-bukan-utf8", vec![b(A, format!("{BUDGET_HEAD}belanja:\n  - {{ kode: \"02.03.10\", uraian: \"Pengadaan \x00\" }}\n").replace('\0', "\u{93}Laptop").into_bytes().into_iter().map(|c| if c == 0xc2 { b' ' } else { c }).collect::<Vec<u8>>())], A, Some(5), "bukan teks UTF-8"),
        // Line 8: `anggaran:` is the fifth line of the row, which starts on line 4.
        case("anggaran-negatif", vec![t(A, row("-5000000"))], A, Some(8), "negatif"),
        case("anggaran-mustahil", vec![t(A, row("99999999999999999999999999999999"))], A, Some(8), "jumlah"),
        case("anggaran-10-triliun", vec![t(A, row("10.000.000.000.000"))], A, Some(8), "tidak masuk akal"),
        case("anggaran-ambigu", vec![t(A, row("1.500"))], A, Some(8), "bermakna ganda"),
        case("anggaran-tahun-ganda", vec![t(A, row("5000000")), t("content/anggaran/2025.yml", row("5000000"))], "content/anggaran/2025.yml", None, "ada 2 berkas untuk tahun anggaran 2025"),
        case("anggaran-kode-ganda", vec![t(A, format!("{BUDGET_HEAD}belanja:\n  - {{ kode: \"02.03.10\", uraian: Jalan, jenis: \"5.3.5\", anggaran: 5000000, realisasi: 0 }}\n  - {{ kode: \"02.03.10\", uraian: Jalan, jenis: \"5.3.5\", anggaran: 5000000, realisasi: 0 }}\n"))], A, Some(6), "02.03.10"),
        case("anggaran-tanggal-salah", vec![t(A, "tahun: 2025\ntahap: realisasi\nper_tanggal: 2025-02-30\nbelanja: []\n")], A, Some(3), "2025-02-30"),
        case("anggaran-nama-berkas", vec![t("content/anggaran/2024.yaml", row("5000000"))], "content/anggaran/2024.yaml", None, "tidak sama dengan `tahun: 2025`"),
        case("anggaran-bom-alias", vec![t(A, alias_bomb("belanja"))], A, Some(1), "kunci `a` tidak dikenal"),
        case("anggaran-bom-skalar", vec![t(A, format!("tahun: 2025\n{}", scalar_bomb("keterangan", "belanja")))], A, Some(2), "diulang terlalu banyak kali lewat alias YAML"),
        case("anggaran-kode-raksasa", vec![t(A, format!("{BUDGET_HEAD}belanja:\n  - {{ kode: \"{}\", uraian: x, anggaran: 1 }}\n", vec!["1"; 200_000].join(".")))], A, Some(5), "terlalu panjang: paling banyak 12 bagian"),
        case("anggaran-daftar-bersarang", vec![t(A, format!("tahun: 2025\nbelanja:\n{}x\n", "- ".repeat(400_000)))], A, Some(3), "bertingkat terlalu dalam"),
        case("anggaran-bersarang", vec![t(A, format!("tahun: 2025\nbelanja: {}", "[".repeat(50_000)))], A, Some(2), "bertingkat terlalu dalam"),
        case("anggaran-tahun-mustahil", vec![t(A, "tahun: 99999999999999999999\nbelanja: []\n")], A, Some(1), "tahun"),
        case("anggaran-tautan-keluar", vec![link(A, "luar/rahasia.yaml")], A, None, "di luar folder situs"),
        case("anggaran-50mb", vec![(A, F::Big(50 * 1024 * 1024))], A, None, "terlalu besar"),
    ]);
}

#[test]
fn reports() {
    const L: &str = "content/laporan/kerja-bakti.md";
    let front = "judul: Kerja Bakti\ntanggal: 2025-03-01\nstatus: selesai\n";
    assert_corpus(vec![
        case(
            "laporan-tanpa-pembuka",
            vec![t(L, "judul: Kerja Bakti\n")],
            L,
            Some(1),
            "tidak diawali baris `---`",
        ),
        case(
            "laporan-tidak-ditutup",
            vec![t(L, "---\njudul: Kerja Bakti\nIsi.\n")],
            L,
            Some(1),
            "tidak ditutup",
        ),
        case(
            "laporan-kosong",
            vec![t(L, "")],
            L,
            Some(1),
            "tidak diawali baris `---`",
        ),
        case(
            "laporan-tanggal-salah",
            vec![t(L, REPORT.replace("2025-03-01", "2025-13-01"))],
            L,
            Some(3),
            "2025-13-01",
        ),
        case(
            "laporan-tahun-nol",
            vec![t(L, REPORT.replace("2025-03-01", "0000-01-01"))],
            L,
            Some(3),
            "tahunnya harus antara 1945 dan 2200",
        ),
        case(
            "laporan-tanggal-indonesia",
            vec![t(L, REPORT.replace("2025-03-01", "01-03-2025"))],
            L,
            Some(3),
            "01-03-2025",
        ),
        case(
            "laporan-kunci-asing",
            vec![t(L, report(&format!("{front}judull: x\n"), "Isi.\n"))],
            L,
            Some(5),
            "kunci `judull` tidak dikenal",
        ),
        case(
            "laporan-foto-keluar",
            vec![t(
                L,
                report(&format!("{front}foto: [../../luar/rahasia.jpg]\n"), ""),
            )],
            L,
            Some(5),
            "di luar folder content/",
        ),
        case(
            "laporan-foto-naik-di-tengah",
            vec![t(
                L,
                report(
                    &format!(
                        "{front}foto:\n  - berkas: foto/../../../luar/rahasia.jpg\n    keterangan: x\n"
                    ),
                    "",
                ),
            )],
            L,
            Some(6),
            "di luar folder content/",
        ),
        case(
            "laporan-foto-raksasa",
            vec![
                t(L, report(&format!("{front}foto: foto/besar.jpg\n"), "")),
                ("content/foto/besar.jpg", F::Sparse(3 * 1024 * 1024 * 1024)),
            ],
            L,
            Some(5),
            "terlalu besar (3072 MB; batasnya 50 MB)",
        ),
        case(
            "laporan-foto-absolut",
            vec![t(
                L,
                report(&format!("{front}foto: /etc/rahasia.jpg\n"), ""),
            )],
            L,
            Some(5),
            "di luar folder content/",
        ),
        case(
            "laporan-foto-tautan",
            vec![
                t(L, report(&format!("{front}foto: foto/a.jpg\n"), "")),
                link("content/foto/a.jpg", "luar/rahasia.jpg"),
            ],
            L,
            Some(5),
            "tautan simbolik",
        ),
        // The body starts on line 6; the image is on its third line.
        case(
            "laporan-gambar-keluar",
            vec![t(
                L,
                report(front, "Pembuka.\n\n![rahasia](../../luar/rahasia.jpg)\n"),
            )],
            L,
            Some(8),
            "di luar folder content/",
        ),
        case(
            "laporan-bukan-utf8",
            vec![b(
                L,
                b"---\njudul: Kerja Bakti\ntanggal: 2025-03-01\n---\nGotong royong\xa0warga.\n"
                    .to_vec(),
            )],
            L,
            Some(5),
            "bukan teks UTF-8",
        ),
        case(
            "laporan-biner",
            vec![b(L, b"\x7fELF\x02\x01\x01\x00\x00\x00".to_vec())],
            L,
            None,
            "bukan berkas teks",
        ),
        case(
            "laporan-progres-mustahil",
            vec![t(L, report(&format!("{front}progres: 150\n"), ""))],
            L,
            Some(5),
            "150",
        ),
        case(
            "laporan-penerima-mustahil",
            vec![t(
                L,
                report(
                    &format!("{front}penerima_manfaat: 99999999999999999999999\n"),
                    "",
                ),
            )],
            L,
            Some(5),
            "99999999999999999999999",
        ),
        // 200 quote markers on the body's first line (line 6): the 101st is too deep.
        case(
            "laporan-isi-bersarang",
            vec![t(L, report(front, &format!("{}\n", "> ".repeat(200))))],
            L,
            Some(6),
            "bertingkat terlalu dalam",
        ),
        case(
            "laporan-isi-html-bersarang",
            vec![t(
                L,
                report(front, &format!("Pembuka.\n\n{}\n", "<div>".repeat(150_000))),
            )],
            L,
            Some(8),
            "bertingkat terlalu dalam",
        ),
        // 30 000 kegiatan codes, all but 02.03.10 missing from the budget: the first 50 are
        // shown, the rest counted (the count is checked in the diagnostic module's tests).
        case(
            "laporan-kegiatan-banjir",
            vec![
                t(
                    "content/anggaran/2025.yaml",
                    format!(
                        "{BUDGET_HEAD}belanja:\n  - {{ kode: \"02.03.10\", uraian: Jalan, jenis: \"5.3.5\", anggaran: 1 }}\n"
                    ),
                ),
                t(
                    L,
                    report(
                        &format!(
                            "{front}tahun_anggaran: 2025\nkegiatan: [{}]\n",
                            (0..80_000)
                                .map(|i| format!(
                                    "\"{:02}.{:02}.{:02}\"",
                                    i / 10_000,
                                    i / 100 % 100,
                                    i % 100
                                ))
                                .collect::<Vec<_>>()
                                .join(",")
                        ),
                        "",
                    ),
                ),
            ],
            L,
            Some(6),
            "tidak ada di APBDes 2025",
        ),
        case(
            "laporan-bom-skalar",
            vec![t(L, report(&scalar_bomb("judul", "kegiatan"), ""))],
            L,
            Some(2),
            "diulang terlalu banyak kali lewat alias YAML",
        ),
        case(
            "laporan-tautan-keluar",
            vec![link(L, "luar/rahasia.md")],
            L,
            None,
            "di luar folder situs",
        ),
        case(
            "laporan-yaml-bersarang",
            vec![t(
                L,
                report(&format!("{front}lokasi: {}\n", "[".repeat(10_000)), ""),
            )],
            L,
            Some(5),
            "bertingkat terlalu dalam",
        ),
    ]);
}

#[test]
fn products_and_producers() {
    const P: &str = "content/produk/keripik.yaml";
    const U: &str = "content/umkm/kub.yaml";
    assert_corpus(vec![
        case(
            "produk-sintaks",
            vec![t(P, "nama: \"Keripik\nkategori: makanan-olahan\n")],
            P,
            // At the quote left open, not at the end of the file where libyaml noticed.
            Some(1),
            "penulisan YAML tidak sah",
        ),
        case("produk-kosong", vec![t(P, "")], P, None, "berkas kosong"),
        case(
            "produk-harga-negatif",
            vec![t(P, PRODUCT.replace("15000", "-15000"))],
            P,
            Some(3),
            "negatif",
        ),
        case(
            "produk-harga-mustahil",
            vec![t(P, PRODUCT.replace("15000", "15000000000000000"))],
            P,
            Some(3),
            "tidak masuk akal",
        ),
        case(
            "produk-harga-nol",
            vec![t(P, PRODUCT.replace("15000", "0"))],
            P,
            Some(3),
            "harus lebih dari nol",
        ),
        case(
            "produk-tautan-javascript",
            vec![t(
                P,
                format!("{PRODUCT}tautan: {{ shopee: \"javascript:alert(1)\" }}\n"),
            )],
            P,
            Some(5),
            "bukan alamat web lengkap",
        ),
        case(
            "produk-tautan-data",
            vec![t(
                P,
                format!(
                    "{PRODUCT}tautan:\n  instagram: \"data:text/html,<script>alert(1)</script>\"\n"
                ),
            )],
            P,
            Some(6),
            "bukan alamat web lengkap",
        ),
        case(
            "produk-umkm-keluar",
            vec![t(P, format!("umkm: ../../luar/rahasia\n{PRODUCT}"))],
            P,
            Some(1),
            "tidak ditemukan",
        ),
        case(
            "produk-whatsapp-salah",
            vec![t(
                P,
                PRODUCT.replace("0812-3456-7890", "javascript:alert(1)"),
            )],
            P,
            Some(4),
            "nomor WhatsApp",
        ),
        case(
            "produk-foto-keluar",
            vec![t(P, format!("{PRODUCT}foto: [../luar/rahasia.jpg]\n"))],
            P,
            Some(5),
            "di luar folder content/",
        ),
        case(
            "produk-deskripsi-bersarang",
            vec![t(
                P,
                format!("{PRODUCT}deskripsi: \"{}\"\n", "<b>".repeat(300_000)),
            )],
            P,
            Some(5),
            "bertingkat terlalu dalam",
        ),
        case(
            "produk-bom-alias",
            vec![t(P, alias_bomb("nama"))],
            P,
            Some(1),
            "kunci `a` tidak dikenal",
        ),
        case(
            "produk-bom-skalar",
            vec![t(P, scalar_bomb("nama", "foto"))],
            P,
            Some(1),
            "diulang terlalu banyak kali lewat alias YAML",
        ),
        case(
            "umkm-bom-skalar",
            vec![t(U, scalar_bomb("alamat", "dusun"))],
            U,
            Some(1),
            "diulang terlalu banyak kali lewat alias YAML",
        ),
        case(
            "umkm-kunci-asing",
            vec![t(U, format!("{PRODUCER}alamatt: Dusun Krajan\n"))],
            U,
            Some(3),
            "kunci `alamatt` tidak dikenal",
        ),
        case(
            "umkm-biner",
            vec![b(U, vec![0u8; 64])],
            U,
            None,
            "bukan berkas teks",
        ),
        case(
            "umkm-foto-tautan",
            vec![
                t(U, format!("{PRODUCER}foto: foto/kub.jpg\n")),
                link("content/foto/kub.jpg", "luar/rahasia.jpg"),
            ],
            U,
            Some(3),
            "tautan simbolik",
        ),
        case(
            "umkm-tautan-keluar",
            vec![link(U, "luar/rahasia.yaml")],
            U,
            None,
            "di luar folder situs",
        ),
    ]);
}

#[test]
fn free_pages() {
    const H: &str = "content/halaman/profil.md";
    assert_corpus(vec![
        case(
            "halaman-yaml-salah",
            vec![t(H, "---\njudul: Profil: Desa\n---\nIsi.\n")],
            H,
            Some(2),
            "penulisan YAML tidak sah",
        ),
        case(
            "halaman-kurung-terbuka",
            vec![t(H, "---\njudul: [Profil\n---\nIsi.\n")],
            H,
            Some(2),
            "seharusnya teks",
        ),
        case(
            "halaman-kosong",
            vec![t(H, "")],
            H,
            Some(1),
            "tidak diawali baris `---`",
        ),
        case(
            "halaman-bukan-utf8",
            vec![b(
                H,
                b"---\njudul: Profil\n---\nSejarah desa \x96 singkat.\n".to_vec(),
            )],
            H,
            Some(4),
            "bukan teks UTF-8",
        ),
        case(
            "halaman-utf16",
            vec![b(H, {
                let mut bytes = vec![0xff, 0xfe];
                bytes.extend(
                    "---\njudul: Profil\n---\n"
                        .encode_utf16()
                        .flat_map(u16::to_le_bytes),
                );
                bytes
            })],
            H,
            None,
            "pengodean UTF-16",
        ),
        case(
            "halaman-tautan-keluar",
            vec![link(H, "luar/rahasia.md")],
            H,
            None,
            "di luar folder situs",
        ),
        case(
            "halaman-bom-skalar",
            vec![t(
                H,
                format!("---\n{}---\nIsi.\n", scalar_bomb("judul", "ringkasan")),
            )],
            H,
            Some(2),
            "diulang terlalu banyak kali lewat alias YAML",
        ),
        case(
            "halaman-urutan-salah",
            vec![t(H, "---\njudul: Profil\nurutan: pertama\n---\n")],
            H,
            Some(3),
            "urutan `pertama` bukan angka bulat",
        ),
        case(
            "halaman-bom-alias",
            vec![t(H, format!("---\n{}---\n", alias_bomb("judul")))],
            H,
            Some(2),
            "kunci `a` tidak dikenal",
        ),
    ]);
}

#[test]
fn theme_templates() {
    const I: &str = "themes/default/templates/index.html";
    assert_corpus(vec![
        // The brace missing on line 3.
        case(
            "tema-sintaks",
            vec![t(
                I,
                "{% extends \"base.html\" %}\n{% block content %}\n<p>{{ site.nama }</p>\n{% endblock content %}\n",
            )],
            I,
            Some(3),
            "templat tidak dapat dipakai",
        ),
        case(
            "tema-variabel-asing",
            vec![t(
                I,
                "{% extends \"base.html\" %}\n{% block content %}\n\n<p>{{ tidak_ada.x }}</p>\n{% endblock content %}\n",
            )],
            I,
            Some(4),
            "Variable `tidak_ada` is not defined",
        ),
        case(
            "tema-include-melingkar",
            vec![t(
                I,
                "{% extends \"base.html\" %}{% block content %}{% include \"index.html\" %}{% endblock content %}",
            )],
            I,
            None,
            "templat tidak dapat dipakai",
        ),
        case(
            "tema-biner",
            vec![b(I, b"GIF89a\x01\x00\x01\x00\x00\x00".to_vec())],
            I,
            None,
            "bukan berkas teks",
        ),
        case(
            "tema-tautan-keluar",
            vec![link(I, "luar/templates/index.html")],
            I,
            None,
            "di luar folder situs",
        ),
        case(
            "tema-statis-tautan-keluar",
            vec![link(
                "themes/default/static/assets/logo.png",
                "luar/rahasia.jpg",
            )],
            "themes/default/static/assets/logo.png",
            None,
            "di luar folder situs",
        ),
        case(
            "tema-folder-tautan-keluar",
            vec![link("themes/default/templates", "luar/templates")],
            I,
            None,
            "di luar folder situs",
        ),
        case(
            "tema-50mb",
            vec![(I, F::Big(50 * 1024 * 1024))],
            I,
            None,
            "terlalu besar",
        ),
    ]);
}

/// The largest files allowed (just under 1 MB) are valid and build within the corpus's
/// limits of processor time and memory.
#[test]
fn the_largest_files_allowed_still_build_in_time() {
    let paragraph =
        "Kerja bakti warga, dengan **tebal** dan [tautan](https://desa.id/). ".repeat(8);
    let body: String = format!("{paragraph}\n\n").repeat(2000);
    let report = format!("{REPORT}{}", &body[..1_000_000]);
    let rows: String = (0..20_000)
        .map(|i| format!("  - {{ kode: \"02.03.10\", uraian: Jalan {i}, jenis: \"5.3.5\", anggaran: 5000000 }}\n"))
        .collect();
    let budget = format!("tahun: 2025\nbelanja:\n{rows}");
    let budget = &budget[..budget[..1_040_000].rfind('\n').unwrap() + 1];
    // Beside them, the dangling link Emacs keeps while a file is open: not content.
    for (path, text) in [
        ("content/laporan/besar.md", report.as_str()),
        ("content/anggaran/2025.yaml", budget),
    ] {
        assert!(text.len() > 950_000 && text.len() <= 1024 * 1024, "{path}");
        let dir = common::site(&[("content/desa.yaml", DESA), (path, text)]);
        let laporan = dir.path().join("content/laporan");
        std::fs::create_dir_all(&laporan).unwrap();
        std::os::unix::fs::symlink("user@host.1234", laporan.join(".#besar.md")).unwrap();
        let out = bad::run(&["build", dir.path().to_str().unwrap()]);
        assert_eq!(
            out.code,
            Some(0),
            "{path} ({:?}): {}",
            out.elapsed,
            out.stderr
        );
    }
}
