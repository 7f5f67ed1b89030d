//! `papan impor` on sources made here: Siskeudes tables with transactions (realisasi), a
//! database holding two villages, spreadsheet layouts written with rust_xlsxwriter, the
//! real empty Siskeudes database, and the exact text of every bad-input message. Expected
//! figures are worked out by hand in the comments.

#![allow(clippy::unwrap_used)]

mod common;
use common::*;
use papan::budget::summary::summarize;
use papan::diagnostic::Diagnostics;
use papan::impor::{Choice, import};
use rust_decimal::Decimal;
use rust_xlsxwriter::{Format, Formula, Workbook};
use std::io::Write;
use std::path::{Path, PathBuf};

fn zip_of(files: &[(&str, String)]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, text) in files {
        w.start_file(*name, zip::write::SimpleFileOptions::default())
            .unwrap();
        w.write_all(text.as_bytes()).unwrap();
    }
    w.finish().unwrap().into_inner()
}

fn save(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

fn csv(header: &str, rows: &[&str]) -> String {
    let mut s = format!("{header}\r\n");
    for r in rows {
        s.push_str(r);
        s.push_str("\r\n");
    }
    s
}

const RINCI: &str = "\"Tahun\",\"Kd_Desa\",\"Kd_Keg\",\"Kd_Rincian\",\"Kd_SubRinci\",\"No_Urut\",\"SumberDana\",\"Uraian\",\"Anggaran\",\"AnggaranStlhPAK\"";

/// One village, 2017: Dana Desa 100.000.000; a kegiatan with two obyek.
fn base_tables(desa: &str) -> Vec<(&'static str, String)> {
    let r = |keg: &str, rek: &str, sd: &str, ur: &str, a: &str| {
        format!(
            "\"2017\",\"{desa}\",\"{desa}{keg}\",\"{rek}\",\"1\",\"01\",\"{sd}\",\"{ur}\",\"{a}\",\"{a}\""
        )
    };
    vec![
        (
            "Ta_RABRinci.csv",
            csv(
                RINCI,
                &[
                    &r("00.00.", "4.2.1.01.", "DDS", "Dana Desa", "100000000"),
                    &r("02.02.", "5.1.2.02.", "DDS", "ATK", "1500000"),
                    &r("02.02.", "5.1.3.01.", "DDS", "Semen", "60000000"),
                ],
            ),
        ),
        (
            "Ta_Kegiatan.csv",
            csv(
                "\"Tahun\",\"Kd_Desa\",\"Kd_Bid\",\"Kd_Keg\",\"Nama_Kegiatan\"",
                &[&format!(
                    "\"2017\",\"{desa}\",\"{desa}02.\",\"{desa}02.02.\",\"Pembangunan Jalan Dusun Karet\""
                )],
            ),
        ),
        (
            "Ta_Bidang.csv",
            csv(
                "\"Tahun\",\"Kd_Desa\",\"Kd_Bid\",\"Nama_Bidang\"",
                &[&format!(
                    "\"2017\",\"{desa}\",\"{desa}02.\",\"Bidang Pelaksanaan Pembangunan Desa\""
                )],
            ),
        ),
        (
            "Ref_Version.csv",
            csv(
                "\"Versi\",\"Tgl_Rilis\"",
                &["\"V1.2 R1.0.0.\",\"12/05/15 00:00:00\""],
            ),
        ),
    ]
}

fn run_import(path: &Path, choice: &Choice) -> (Option<papan::impor::Imported>, String) {
    let mut diags = Diagnostics::new();
    let got = import(path, choice, &mut diags);
    (got, diags.report())
}

/// The report of an import that must be refused: nothing may come of it.
fn refused(path: &Path, choice: &Choice) -> String {
    let (got, report) = run_import(path, choice);
    assert!(got.is_none(), "imported although refused:\n{report}");
    report
}

#[test]
fn realisasi_is_derived_from_the_transaction_tables() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = base_tables("20.07.");
    t.push((
        "Ta_TBP.csv",
        csv(
            "\"Tahun\",\"No_Bukti\",\"Tgl_Bukti\",\"Kd_Desa\"",
            &["\"2017\",\"TBP1\",\"04/20/17 00:00:00\",\"20.07.\""],
        ),
    ));
    t.push((
        "Ta_TBPRinci.csv",
        csv(
            "\"Tahun\",\"No_Bukti\",\"Kd_Desa\",\"Kd_Keg\",\"Kd_Rincian\",\"SumberDana\",\"Nilai\"",
            &["\"2017\",\"TBP1\",\"20.07.\",\"20.07.00.00.\",\"4.2.1.01.\",\"DDS\",\"60000000\""],
        ),
    ));
    t.push((
        "Ta_SPP.csv",
        csv(
            "\"Tahun\",\"No_SPP\",\"Tgl_SPP\",\"Jn_SPP\",\"Kd_Desa\"",
            &[
                "\"2017\",\"SPP1\",\"05/02/17 00:00:00\",\"LS\",\"20.07.\"",
                "\"2017\",\"SPP2\",\"05/03/17 00:00:00\",\"UM\",\"20.07.\"",
                "\"2017\",\"SPP3\",\"12/20/17 00:00:00\",\"LS\",\"20.07.\"",
            ],
        ),
    ));
    t.push((
        "Ta_SPPRinci.csv",
        csv(
            "\"Tahun\",\"Kd_Desa\",\"No_SPP\",\"Kd_Keg\",\"Kd_Rincian\",\"Sumberdana\",\"Nilai\"",
            &[
                "\"2017\",\"20.07.\",\"SPP1\",\"20.07.02.02.\",\"5.1.3.01.\",\"DDS\",\"25000000\"",
                "\"2017\",\"20.07.\",\"SPP2\",\"20.07.02.02.\",\"5.1.2.02.\",\"DDS\",\"1000000\"",
                "\"2017\",\"20.07.\",\"SPP3\",\"20.07.02.02.\",\"5.1.3.01.\",\"DDS\",\"30000000\"",
            ],
        ),
    ));
    t.push((
        "Ta_SPJ.csv",
        csv(
            "\"Tahun\",\"No_SPJ\",\"Tgl_SPJ\",\"Kd_Desa\",\"No_SPP\"",
            &["\"2017\",\"SPJ1\",\"05/10/17 00:00:00\",\"20.07.\",\"SPP2\""],
        ),
    ));
    t.push(("Ta_SPJRinci.csv", csv("\"Tahun\",\"No_SPJ\",\"Kd_Keg\",\"Kd_Rincian\",\"Sumberdana\",\"Kd_Desa\",\"No_SPP\",\"JmlCair\",\"Nilai\",\"Sisa\"", &["\"2017\",\"SPJ1\",\"20.07.02.02.\",\"5.1.2.02.\",\"DDS\",\"20.07.\",\"SPP2\",\"1000000\",\"950000\",\"50000\""])));
    let files: Vec<(&str, String)> = t;
    let path = save(dir.path(), "siskeudes.zip", &zip_of(&files));
    let choice = Choice {
        per_tanggal: Some("2017-06-30".parse().unwrap()),
        ..Choice::default()
    };
    let (got, report) = run_import(&path, &choice);
    let got = got.unwrap_or_else(|| panic!("{report}"));
    let o = &got.outputs[0];
    assert!(
        o.text
            .contains("tahap: realisasi\nper_tanggal: 2017-06-30\n"),
        "{}",
        o.text
    );
    let s = summarize(&o.budget, None);
    // Pendapatan: TBP 60.000.000. Belanja to 30 June: SPP1 25.000.000 (LS) + SPJ1 950.000
    // (the panjar SPP2 counts through its SPJ only); SPP3 is dated 20 December.
    assert_eq!(
        s.totals.pendapatan.realisasi,
        Some(Decimal::from(60_000_000))
    );
    assert_eq!(s.totals.belanja.realisasi, Some(Decimal::from(25_950_000)));
    assert_eq!(s.totals.belanja.anggaran, Decimal::from(61_500_000));
    // Without --per-tanggal, to the last transaction: + SPP3.
    let (got, _) = run_import(&path, &Choice::default());
    let o = &got.unwrap().outputs[0];
    assert!(o.text.contains("per_tanggal: 2017-12-20\n"));
    assert_eq!(
        summarize(&o.budget, None).totals.belanja.realisasi,
        Some(Decimal::from(55_950_000))
    );
}

#[test]
fn siskeudes_rows_are_grouped_by_kegiatan_and_named_officially() {
    let dir = tempfile::tempdir().unwrap();
    let path = save(dir.path(), "s.zip", &zip_of(&base_tables("20.07.")));
    let (got, report) = run_import(&path, &Choice::default());
    let text = &got.unwrap_or_else(|| panic!("{report}")).outputs[0].text;
    let body = text.split("\ntahun:").nth(1).unwrap();
    assert_eq!(
        body,
        " 2017\nkodefikasi: permendagri-113-2014\ntahap: anggaran\n\npendapatan:\n  # 4.2 Pendapatan Transfer\n  - kode: \"4.2.1.01\"\n    sumber_dana: DDS\n    anggaran: 100000000\n\nbelanja:\n  # Bidang 02 Pelaksanaan Pembangunan Desa\n  # 02.02 Pembangunan Jalan Dusun Karet\n  - kode: \"02.02\"\n    uraian: Pembangunan Jalan Dusun Karet\n    jenis: \"5.1.2.02\"\n    sumber_dana: DDS\n    anggaran: 1500000\n  - kode: \"02.02\"\n    uraian: Pembangunan Jalan Dusun Karet\n    jenis: \"5.1.3.01\"\n    sumber_dana: DDS\n    anggaran: 60000000\n"
    );
}

#[test]
fn a_database_of_two_villages_needs_desa() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = base_tables("20.07.");
    let b = base_tables("20.09.");
    for (x, y) in a.iter_mut().zip(b) {
        if x.0 != "Ref_Version.csv" {
            x.1.push_str(y.1.split_once("\r\n").unwrap().1);
        }
    }
    let path = save(dir.path(), "dua.zip", &zip_of(&a));
    let (got, report) = run_import(&path, &Choice::default());
    assert!(got.is_none());
    let shown = path.display().to_string();
    assert!(report.starts_with(&format!("kesalahan: berkas ini berisi 2 desa; pilih satu dengan `--desa KODE`\n  --> {shown}\n   = desa yang ada: 20.07 (3 baris); 20.09 (3 baris)\n   = saran: misalnya `papan impor {shown} --desa 20.07`\n")), "{report}");
    let (got, _) = run_import(
        &path,
        &Choice {
            desa: Some("20.09".into()),
            ..Choice::default()
        },
    );
    assert_eq!(got.unwrap().outputs.len(), 1);
    let report = refused(
        &path,
        &Choice {
            tahun: Some(2020),
            desa: Some("20.09".into()),
            ..Choice::default()
        },
    );
    assert!(
        report.starts_with("kesalahan: tahun 2020 tidak ada di berkas ini\n"),
        "{report}"
    );
    assert!(
        report.contains("   = tahun yang ada untuk desa 20.09.: 2017\n"),
        "{report}"
    );
}

#[test]
fn a_zip_that_is_not_siskeudes_lists_the_tables_it_needs() {
    let dir = tempfile::tempdir().unwrap();
    let path = save(
        dir.path(),
        "foto.zip",
        &zip_of(&[
            ("Ta_Desa.csv", "a\r\n1\r\n".into()),
            ("catatan.csv", "x\r\n".into()),
        ]),
    );
    let report = refused(&path, &Choice::default());
    assert!(report.starts_with(&format!("kesalahan: berkas ini bukan data Siskeudes: tabel Ta_RABRinci, Ta_Kegiatan, Ta_Bidang tidak ada\n  --> {}\n   = tabel yang diperlukan: Ta_RABRinci, Ta_Kegiatan, Ta_Bidang\n   = tabel yang ada: Ta_Desa, catatan\n", path.display())), "{report}");
}

#[test]
fn a_truncated_zip_and_a_zip_bomb_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let whole = zip_of(&base_tables("20.07."));
    let path = save(dir.path(), "potong.zip", &whole[..whole.len() / 2]);
    let report = refused(&path, &Choice::default());
    assert!(
        report.starts_with("kesalahan: zip ini rusak atau terpotong: "),
        "{report}"
    );
    // 70 MB of one byte packs into some 70 KB.
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    w.start_file("Ta_RABRinci.csv", zip::write::SimpleFileOptions::default())
        .unwrap();
    let block = vec![b'1'; 1 << 20];
    for _ in 0..70 {
        w.write_all(&block).unwrap();
    }
    let bomb = w.finish().unwrap().into_inner();
    assert!(bomb.len() < 1_000_000);
    let path = save(dir.path(), "bom.zip", &bomb);
    let report = refused(&path, &Choice::default());
    assert!(report.starts_with("kesalahan: Ta_RABRinci.csv terlalu besar setelah dibuka (lebih dari 64 MB); berkas anggaran desa tidak sebesar itu\n"), "{report}");
}

#[test]
fn a_column_count_that_differs_is_refused_not_dropped() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = base_tables("20.07.");
    t[0].1
        .push_str("\"2017\",\"20.07.\",\"20.07.02.02.\",\"5.1.2.02.\"\r\n");
    let path = save(dir.path(), "s.zip", &zip_of(&t));
    let report = refused(&path, &Choice::default());
    assert!(
        report.starts_with(
            "kesalahan: Ta_RABRinci.csv baris 5: ada 4 kolom, padahal judulnya 10 kolom\n"
        ),
        "{report}"
    );
}

#[test]
fn the_real_empty_siskeudes_database_is_read_and_says_it_has_no_budget() {
    let mde = repo().join("../shared/realdata/siskeudes-schema/DataAPBDES.mde");
    let tables = papan::impor::siskeudes::mde::read(&mde, Path::new("DataAPBDES.mde")).unwrap();
    for t in [
        "Ta_RABRinci",
        "Ta_Kegiatan",
        "Ta_Bidang",
        "Ta_SPP",
        "Ta_JurnalUmumRinci",
    ] {
        assert!(tables.get(t).is_some_and(|t| t.rows.is_empty()), "{t}");
    }
    let v = tables.get("Ref_Version").unwrap();
    assert_eq!(v.rows[0][v.column("Versi").unwrap()], "V1.2 R1.0.0.");
    assert!(tables.others.iter().any(|o| o == "Ref_Rek4"));
    let rinci = tables.get("Ta_RABRinci").unwrap();
    assert_eq!(rinci.column("AnggaranStlhPAK"), Some(14));
    let report = refused(&mde, &Choice::default());
    assert!(report.starts_with(&format!("kesalahan: berkas Siskeudes ini tidak berisi satu pun baris anggaran (tabel Ta_RABRinci kosong)\n  --> {}\n", mde.display())), "{report}");
}

#[test]
fn databases_that_cannot_be_read_say_why() {
    let dir = tempfile::tempdir().unwrap();
    let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    ole.resize(4096, 0);
    let path = save(dir.path(), "DataAPBDES.accdb", &ole);
    let report = refused(&path, &Choice::default());
    assert!(report.starts_with("kesalahan: database ini dikunci dengan kata sandi (terenkripsi), jadi isinya tidak dapat dibaca\n"), "{report}");
    assert!(report.contains("File → Info → Decrypt Database"));
    let real =
        std::fs::read(repo().join("../shared/realdata/siskeudes-schema/DataAPBDES.mde")).unwrap();
    let path = save(dir.path(), "potong.mde", &real[..8192]);
    let report = refused(&path, &Choice::default());
    assert!(
        report
            .starts_with("kesalahan: database ini rusak, terpotong, atau bukan database Access: "),
        "{report}"
    );
}

/// A printed Laporan Realisasi: merged title, header, column numbers, text amounts,
/// formulas with cached values, a code inside the uraian, an extra blank column and
/// summary rows.
fn realisasi_workbook() -> Vec<u8> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Realisasi").unwrap();
    let f = Format::new();
    ws.merge_range(0, 0, 0, 6, "LAPORAN REALISASI APBDES DESA UJI", &f)
        .unwrap();
    ws.merge_range(
        1,
        0,
        1,
        6,
        "TAHUN ANGGARAN 2024 SEMESTER I PER 30 JUNI 2024",
        &f,
    )
    .unwrap();
    let header = [
        "Kode Rekening",
        "Uraian",
        "",
        "Anggaran (Rp)",
        "Realisasi (Rp)",
        "Lebih/(Kurang)",
        "Sumber Dana",
    ];
    for (c, h) in header.iter().enumerate() {
        ws.write_string(3, c as u16, *h).unwrap();
        ws.write_number(4, c as u16, (c + 1) as f64).unwrap();
    }
    let rows: [(&str, &str, &str, &str, &str, &str); 7] = [
        (
            "4",
            "PENDAPATAN",
            "Rp 100.000.000,00",
            "Rp 50.000.000,00",
            "(50.000.000)",
            "",
        ),
        (
            "",
            "4.2.1 Dana Desa",
            "100000000",
            "50000000",
            "-50000000",
            "",
        ),
        (
            "5",
            "BELANJA",
            "Rp 60.000.000,00",
            "Rp 20.000.000,00",
            "",
            "",
        ),
        (
            "02",
            "Bidang Pelaksanaan Pembangunan Desa",
            "60.000.000",
            "20.000.000",
            "",
            "",
        ),
        (
            "02.02",
            "Kegiatan Pembangunan Jalan Desa",
            "60.000.000",
            "20.000.000",
            "",
            "",
        ),
        (
            "5.1.3.01",
            "Belanja Modal Pengadaan Tanah",
            "60.000.000",
            "20.000.000",
            "",
            "DDS",
        ),
        ("5.1.2.02", "Belanja Alat Tulis Kantor", "-", "-", "", "DDS"),
    ];
    for (i, (k, u, a, r, s, sd)) in rows.iter().enumerate() {
        let row = 5 + i as u32;
        ws.write_string(row, 0, *k).unwrap();
        ws.write_string(row, 1, *u).unwrap();
        ws.write_string(row, 3, *a).unwrap();
        ws.write_string(row, 4, *r).unwrap();
        ws.write_string(row, 5, *s).unwrap();
        ws.write_string(row, 6, *sd).unwrap();
    }
    // The kegiatan total as a formula whose cached value Excel saved.
    ws.write_formula(9, 3, Formula::new("=D11+D12").set_result("60000000"))
        .unwrap();
    ws.write_string(13, 1, "JUMLAH PENDAPATAN").unwrap();
    ws.write_number(13, 3, 100_000_000.0).unwrap();
    ws.write_string(14, 1, "SURPLUS / (DEFISIT)").unwrap();
    ws.write_number(14, 3, 40_000_000.0).unwrap();
    ws.write_string(16, 1, "Kepala Desa Uji").unwrap();
    wb.save_to_buffer().unwrap()
}

#[test]
fn a_printed_realisasi_sheet_imports_with_every_row_accounted_for() {
    let dir = tempfile::tempdir().unwrap();
    let path = save(dir.path(), "realisasi.xlsx", &realisasi_workbook());
    let (got, report) = run_import(&path, &Choice::default());
    let got = got.unwrap_or_else(|| panic!("{report}"));
    let o = &got.outputs[0];
    assert!(
        o.text
            .contains("tahap: realisasi-semester-1\nper_tanggal: 2024-06-30\n"),
        "{}",
        o.text
    );
    let t = summarize(&o.budget, None).totals;
    assert_eq!(
        (t.pendapatan.anggaran, t.pendapatan.realisasi),
        (Decimal::from(100_000_000), Some(Decimal::from(50_000_000)))
    );
    assert_eq!(
        (t.belanja.anggaran, t.belanja.realisasi),
        (Decimal::from(60_000_000), Some(Decimal::from(20_000_000)))
    );
    // Heads 4 and 5, the kegiatan total (a formula), the two summary rows and the two
    // Lebih/(Kurang) figures: seven printed figures, all matching.
    assert_eq!(o.draft.checks.len(), 7, "{:?}", o.draft.checks);
    assert_eq!(o.draft.mismatches().count(), 0);
    let r = &got.report;
    assert_eq!(r.skipped.len(), 1, "{:?}", r.skipped);
    assert_eq!(
        r.skipped[0].reason,
        "tanpa kode rekening: `Kepala Desa Uji`"
    );
    assert!(r.recognised.iter().any(
        |(p, w)| p == "lembar `Realisasi` baris 14" && w == "baris jumlah `JUMLAH PENDAPATAN`"
    ));
}

#[test]
fn a_sheet_per_bidang_is_read_as_one_budget() {
    let mut wb = Workbook::new();
    for (name, rows) in [
        ("Pendapatan", vec![("4.2.1", "Dana Desa", 90_000_000.0)]),
        (
            "Bidang 1",
            vec![
                ("01", "Bidang Penyelenggaraan Pemerintah Desa", 50_000_000.0),
                (
                    "01.01",
                    "Pembayaran Penghasilan Tetap dan Tunjangan",
                    50_000_000.0,
                ),
                (
                    "5.1.1.01",
                    "Penghasilan Tetap Kepala Desa dan Perangkat",
                    50_000_000.0,
                ),
            ],
        ),
        (
            "Bidang 2",
            vec![
                ("02", "Bidang Pelaksanaan Pembangunan Desa", 40_000_000.0),
                ("02.02", "Kegiatan Pembangunan Jalan Desa", 40_000_000.0),
                ("5.1.3.01", "Belanja Modal", 40_000_000.0),
            ],
        ),
    ] {
        let ws = wb.add_worksheet();
        ws.set_name(name).unwrap();
        ws.write_string(0, 0, "APBDES TAHUN ANGGARAN 2019").unwrap();
        for (c, h) in ["No. Rek", "Uraian", "Jumlah"].iter().enumerate() {
            ws.write_string(2, c as u16, *h).unwrap();
        }
        for (i, (k, u, a)) in rows.iter().enumerate() {
            ws.write_string(3 + i as u32, 0, *k).unwrap();
            ws.write_string(3 + i as u32, 1, *u).unwrap();
            ws.write_number(3 + i as u32, 2, *a).unwrap();
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let path = save(dir.path(), "per-bidang.xlsx", &wb.save_to_buffer().unwrap());
    let (got, report) = run_import(&path, &Choice::default());
    let o = &got.unwrap_or_else(|| panic!("{report}")).outputs[0];
    let s = summarize(&o.budget, None);
    assert_eq!(o.budget.tahun, 2019);
    assert_eq!(s.totals.belanja.anggaran, Decimal::from(90_000_000));
    let bidang: Vec<Decimal> = s
        .belanja_bidang
        .iter()
        .map(|b| b.amounts.anggaran)
        .collect();
    assert_eq!(
        bidang,
        [Decimal::from(50_000_000), Decimal::from(40_000_000)]
    );
}

fn sheet_with(rows: &[[&str; 3]]) -> Vec<u8> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("APBDes").unwrap();
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            ws.write_string(r as u32, c as u16, *v).unwrap();
        }
    }
    wb.save_to_buffer().unwrap()
}

#[test]
fn sheet_problems_name_the_sheet_row_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let path = save(
        dir.path(),
        "tanpa-kepala.xlsx",
        &sheet_with(&[["APBDES 2024", "", ""], ["No", "Nama", "Nilai"]]),
    );
    let report = refused(&path, &Choice::default());
    assert!(report.starts_with(&format!("kesalahan: lembar `APBDes`: kepala tabel APBDes tidak ditemukan di 30 baris pertama\n  --> {}\n   = judul yang ditemukan: APBDES 2024 | No | Nama\n", path.display())), "{report}");

    let path = save(
        dir.path(),
        "huruf.xlsx",
        &sheet_with(&[
            ["TAHUN 2024", "", ""],
            ["Kode", "Uraian", "Anggaran"],
            ["4.2.1", "Dana Desa", "seratus juta"],
        ]),
    );
    let report = refused(&path, &Choice::default());
    assert!(
        report.starts_with(
            "kesalahan: lembar `APBDes` baris 3, kolom C: `seratus juta` bukan jumlah uang: "
        ),
        "{report}"
    );

    let path = save(
        dir.path(),
        "ganda.xlsx",
        &sheet_with(&[
            ["TAHUN 2024", "", ""],
            ["Kode", "Uraian", "Anggaran"],
            ["4.2.1", "Dana Desa", "100"],
            ["4.2.1", "Dana Desa", "100"],
        ]),
    );
    let report = refused(&path, &Choice::default());
    assert!(report.starts_with("kesalahan: baris ganda: kode 4.2.1 dengan uraian yang sama tertulis dua kali, di lembar `APBDes` baris 3 dan lembar `APBDes` baris 4\n"), "{report}");

    let path = save(
        dir.path(),
        "tanpa-tahun.xlsx",
        &sheet_with(&[
            ["Kode", "Uraian", "Anggaran"],
            ["4.2.1", "Dana Desa", "100"],
        ]),
    );
    let report = refused(&path, &Choice::default());
    assert!(
        report.starts_with("kesalahan: tahun anggaran tidak ditemukan di judul lembar kerja\n"),
        "{report}"
    );
}

#[test]
fn a_million_row_csv_is_refused_before_it_is_used() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from("Kode;Uraian;Anggaran\n");
    for _ in 0..200_001 {
        text.push_str("4.2.1;Dana Desa;1\n");
    }
    let path = save(dir.path(), "besar.csv", text.as_bytes());
    let report = refused(&path, &Choice::default());
    assert!(report.starts_with("kesalahan: berkas CSV ini berisi lebih dari 200000 baris (200001); APBDes desa tidak sepanjang itu\n"), "{report}");
}

#[test]
fn a_semicolon_csv_with_indonesian_amounts_imports() {
    let dir = tempfile::tempdir().unwrap();
    let text = "APBDES TAHUN 2023;;\nKode Rekening;Uraian;Anggaran\n4.2.1;Dana Desa;\"Rp 1.234.567,50\"\n4.2.3;Alokasi Dana Desa;-\n";
    let path = save(dir.path(), "apbdes.csv", text.as_bytes());
    let (got, report) = run_import(&path, &Choice::default());
    let o = &got.unwrap_or_else(|| panic!("{report}")).outputs[0];
    assert_eq!(
        summarize(&o.budget, None).totals.pendapatan.anggaran,
        Decimal::new(123456750, 2)
    );
}

/// The 113/2014 code tables Papan carries are the ones in the real Siskeudes database:
/// every Ref_Rek1..4 account under 4, 5 and 6, every Ref_Bidang and Ref_Kegiatan entry with
/// the same name, and every Ref_Sumber code known as a sumber dana.
#[test]
fn the_113_tables_match_siskeudes_reference_tables() {
    use jetdb::{PageReader, Value, read_catalog, read_table_def, read_table_rows};
    let mde = repo().join("../shared/realdata/siskeudes-schema/DataAPBDES.mde");
    let mut reader = PageReader::open(&mde).unwrap();
    let catalog = read_catalog(&mut reader).unwrap();
    let mut table = |name: &str| -> Vec<Vec<String>> {
        let e = catalog.iter().find(|e| e.name == name).unwrap();
        let def = read_table_def(&mut reader, &e.name, e.table_page).unwrap();
        read_table_rows(&mut reader, &def)
            .unwrap()
            .rows
            .iter()
            .map(|r| {
                r.iter()
                    .map(|v| {
                        if let Value::Text(s) = v {
                            s.clone()
                        } else {
                            String::new()
                        }
                    })
                    .collect()
            })
            .collect()
    };
    let k = papan::reference::Kodefikasi::Permendagri113;
    let rekening = k.rekening().unwrap();
    let mut checked = 0;
    for (name, code_col, name_col) in [
        ("Ref_Rek1", 0, 1),
        ("Ref_Rek2", 1, 2),
        ("Ref_Rek3", 1, 2),
        ("Ref_Rek4", 1, 2),
    ] {
        for row in table(name) {
            let code = row[code_col].trim_end_matches('.');
            if matches!(code.chars().next(), Some('4' | '5' | '6')) {
                assert_eq!(
                    rekening.name(code),
                    Some(row[name_col].trim()),
                    "{name} {code}"
                );
                checked += 1;
            }
        }
    }
    // 3 akun, 7 kelompok, 20 jenis and 115 obyek under 4, 5 and 6.
    assert_eq!(checked, 3 + 7 + 20 + 115);
    let kegiatan = k.kegiatan().unwrap();
    for row in table("Ref_Bidang") {
        assert_eq!(
            kegiatan.name(&row[0]),
            Some(row[1].trim()),
            "bidang {}",
            row[0]
        );
    }
    let keg = table("Ref_Kegiatan");
    assert_eq!(keg.len(), 50);
    for row in keg {
        let code = row[1].trim_end_matches('.');
        assert_eq!(kegiatan.name(code), Some(row[2].trim()), "kegiatan {code}");
    }
    let sumber = table("Ref_Sumber");
    assert_eq!(sumber.len(), 8);
    for row in sumber {
        assert_eq!(
            papan::reference::sumber_dana(&row[0]).map(|s| s.kode),
            Some(row[0].as_str())
        );
    }
}
