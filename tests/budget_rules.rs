//! The budget rules, one small budget each. Every expected figure is worked out by hand in
//! the comments, not copied from Papan's output.

#![allow(clippy::unwrap_used)]

mod common;
use common::*;
use papan::budget::summary::summarize;
use papan::budget::{Budget, NodeKind};
use papan::diagnostic::{Diagnostics, Severity};
use papan::money::{format_percent, rupiah};
use rust_decimal::Decimal;

fn load(year: u32, yaml: &str) -> (Option<Budget>, Diagnostics) {
    let dir = budget_site(year, yaml);
    let mut diags = Diagnostics::new();
    let site = papan::site::load(dir.path(), &mut diags);
    (site.and_then(|s| s.budgets.into_iter().next()), diags)
}

fn messages(diags: &Diagnostics, severity: Severity) -> Vec<String> {
    diags
        .iter()
        .filter(|d| d.severity == severity)
        .map(|d| d.message.clone())
        .collect()
}

fn rp(n: i64) -> Decimal {
    Decimal::from(n)
}

const HAND_WORKED: &str = r#"
tahun: 2025
tahap: realisasi
per_tanggal: 2025-12-31
pendapatan:
  - { kode: "4.2.1", anggaran: 1.000.000.000, realisasi: 950.000.000, sumber_dana: DD }
  - { kode: "4.2.3", anggaran: 600000000, realisasi: "Rp 600.000.000" }
belanja:
  - { kode: "01.01.01", jenis: "5.1.1", sumber_dana: ADD, anggaran: 500.000.000, realisasi: 480.000.000 }
  - { kode: "02.03.10", uraian: Pengerasan Jalan Dusun Karet, jenis: "5.3.5", sumber_dana: DDS, anggaran: 650.000.000, realisasi: 645.000.000 }
  - { kode: "02.03.10", uraian: Pengerasan Jalan Dusun Karet, jenis: "5.2.2", sumber_dana: DDS, anggaran: 50.000.000, realisasi: 48.000.000 }
  - { kode: "05.03.01", jenis: "5.4.1", sumber_dana: DDS, anggaran: 300.000.000, realisasi: 300.000.000 }
pembiayaan:
  penerimaan:
    - { kode: "6.1.1", anggaran: 50.000.000, realisasi: 50.000.000 }
  pengeluaran:
    - { kode: "6.2.2", uraian: Penyertaan Modal BUMDes, anggaran: 25.000.000, realisasi: 25.000.000 }
"#;

#[test]
fn totals_and_percentages_worked_by_hand() {
    let (budget, diags) = load(2025, HAND_WORKED);
    assert!(diags.is_empty(), "{}", diags.report());
    let s = summarize(&budget.unwrap(), Some(4_000));
    let t = &s.totals;
    // Pendapatan 1.000.000.000 + 600.000.000; realisasi 950.000.000 + 600.000.000.
    assert_eq!(
        (t.pendapatan.anggaran, t.pendapatan.realisasi),
        (rp(1_600_000_000), Some(rp(1_550_000_000)))
    );
    // 1.550 / 1.600 = 96,875% → 96,88% (half away from zero).
    assert_eq!(format_percent(t.pendapatan.percent()), "96,88%");
    // Belanja 500 + 650 + 50 + 300 = 1.500 juta; realisasi 480 + 645 + 48 + 300 = 1.473 juta.
    assert_eq!(
        (t.belanja.anggaran, t.belanja.realisasi),
        (rp(1_500_000_000), Some(rp(1_473_000_000)))
    );
    assert_eq!(format_percent(t.belanja.percent()), "98,20%");
    // Surplus 100 juta (realisasi 77 juta); netto 25 juta; SiLPA 125 juta (realisasi 102 juta).
    assert_eq!(
        (t.surplus.anggaran, t.surplus.realisasi),
        (rp(100_000_000), Some(rp(77_000_000)))
    );
    assert_eq!(
        (t.netto.anggaran, t.netto.realisasi),
        (rp(25_000_000), Some(rp(25_000_000)))
    );
    assert_eq!(
        (t.silpa.anggaran, t.silpa.realisasi),
        (rp(125_000_000), Some(rp(102_000_000)))
    );
    // Per resident: 1.500.000.000 / 4.000 = 375.000; 1.473.000.000 / 4.000 = 368.250.
    let pp = s.belanja_per_penduduk.unwrap();
    assert_eq!(
        (pp.anggaran, pp.realisasi),
        (rp(375_000), Some(rp(368_250)))
    );
    let by = |slices: &[papan::budget::summary::Slice]| -> Vec<(String, Decimal, Decimal)> {
        slices
            .iter()
            .map(|s| {
                (
                    s.kode.clone().unwrap_or_default(),
                    s.amounts.anggaran,
                    s.amounts.realisasi.unwrap(),
                )
            })
            .collect()
    };
    assert_eq!(
        by(&s.belanja_bidang),
        [
            ("01".into(), rp(500_000_000), rp(480_000_000)),
            ("02".into(), rp(700_000_000), rp(693_000_000)),
            ("05".into(), rp(300_000_000), rp(300_000_000)),
        ]
    );
    assert_eq!(
        by(&s.belanja_jenis),
        [
            ("5.1".into(), rp(500_000_000), rp(480_000_000)),
            ("5.2".into(), rp(50_000_000), rp(48_000_000)),
            ("5.3".into(), rp(650_000_000), rp(645_000_000)),
            ("5.4".into(), rp(300_000_000), rp(300_000_000)),
        ]
    );
    // DDS: 650 + 50 + 300 = 1.000 juta (993 juta); ADD 500 juta (480 juta). Largest first.
    assert_eq!(
        by(&s.belanja_sumber_dana),
        [
            ("DDS".into(), rp(1_000_000_000), rp(993_000_000)),
            ("ADD".into(), rp(500_000_000), rp(480_000_000))
        ]
    );
    assert_eq!(
        by(&s.pendapatan_kelompok),
        [("4.2".into(), rp(1_600_000_000), rp(1_550_000_000))]
    );
    assert_eq!(s.belanja_kegiatan.len(), 3);
    assert_eq!(s.belanja_sub_bidang.len(), 3);
}

#[test]
fn official_layout_adds_bidang_and_sub_bidang_with_official_names() {
    let (budget, _) = load(2025, HAND_WORKED);
    let belanja = budget.unwrap().belanja;
    let rows: Vec<(String, String, NodeKind, usize)> = belanja
        .walk()
        .into_iter()
        .map(|(i, depth)| {
            let n = &belanja.nodes[i];
            (n.kode.to_string(), n.uraian.clone(), n.kind, depth)
        })
        .collect();
    let expected = [
        (
            "01",
            "Bidang Penyelenggaraan Pemerintahan Desa",
            NodeKind::Group,
            0,
        ),
        (
            "01.01",
            "Sub Bidang Siltap dan Operasional Pemerintahan Desa",
            NodeKind::Group,
            1,
        ),
        (
            "01.01.01",
            "Penyediaan Penghasilan Tetap dan Tunjangan Kepala Desa",
            NodeKind::Leaf,
            2,
        ),
        (
            "02",
            "Bidang Pelaksanaan Pembangunan Desa",
            NodeKind::Group,
            0,
        ),
        (
            "02.03",
            "Sub Bidang Pekerjaan Umum dan Tata Ruang",
            NodeKind::Group,
            1,
        ),
        (
            "02.03.10",
            "Pengerasan Jalan Dusun Karet",
            NodeKind::Group,
            2,
        ),
        (
            "02.03.10",
            "Belanja Modal Jalan/Prasarana Jalan",
            NodeKind::Rincian,
            3,
        ),
        ("02.03.10", "Belanja Jasa Honorarium", NodeKind::Rincian, 3),
    ];
    for (row, (kode, uraian, kind, depth)) in rows.iter().zip(expected) {
        assert_eq!(
            (row.0.as_str(), row.2, row.3),
            (kode, kind, depth),
            "{row:?}"
        );
        assert_eq!(row.1, uraian);
    }
}

#[test]
fn group_rows_with_printed_totals_are_verified_including_realisasi() {
    let yaml = r#"
tahun: 2024
tahap: realisasi
per_tanggal: 2024-12-31
belanja:
  - { kode: "02", anggaran: 200.000.000, realisasi: 190.000.000 }
  - { kode: "02.02.02", jenis: "5.2.7", anggaran: 120.000.000, realisasi: 110.000.000 }
  - { kode: "02.03.10", jenis: "5.3.5", anggaran: 80.000.000, realisasi: 85.000.000 }
"#;
    // Anggaran 120 + 80 = 200 juta: correct. Realisasi 110 + 85 = 195 juta, printed 190 juta.
    let (_, diags) = load(2024, yaml);
    assert_eq!(
        messages(&diags, Severity::Error),
        [
            "realisasi kode 02 tercetak Rp 190.000.000, tetapi jumlah rinciannya Rp 195.000.000 (selisih Rp 5.000.000, angka tercetak lebih kecil)"
        ]
    );
    let d = diags.iter().next().unwrap();
    assert_eq!(d.file, std::path::Path::new("content/anggaran/2024.yaml"));
    assert_eq!(d.location.map(|l| (l.line, l.column)), Some((6, 53)));
    assert!(d.notes.contains(
        &"  rincian 02.03 Sub Bidang Pekerjaan Umum dan Tata Ruang: Rp 85.000.000".to_owned()
    ));
}

#[test]
fn realisasi_above_anggaran_is_shown_not_refused() {
    let yaml = "tahun: 2024\ntahap: realisasi\nper_tanggal: 2024-12-31\nbelanja:\n  - { kode: \"02.03.10\", jenis: \"5.3.5\", anggaran: 80.000.000, realisasi: 85.000.000 }\n";
    let (budget, diags) = load(2024, yaml);
    assert!(!diags.has_errors(), "{}", diags.report());
    let t = summarize(&budget.unwrap(), None).totals;
    // 85 / 80 = 106,25%; lebih 5.000.000.
    assert_eq!(format_percent(t.belanja.percent()), "106,25%");
    assert_eq!(
        t.belanja.selisih().map(rupiah).as_deref(),
        Some("Rp 5.000.000")
    );
}

#[test]
fn duplicate_rows_and_repeated_codes() {
    let yaml = r#"
tahun: 2025
belanja:
  - { kode: "02.03.10", uraian: Jalan, jenis: "5.3.5", sumber_dana: DDS, anggaran: 10.000.000 }
  - { kode: "02.03.10", uraian: Jalan, jenis: "5.3.5", sumber_dana: DD, anggaran: 10.000.000 }
pendapatan:
  - { kode: "4.2.1", uraian: Dana Desa tahap I, anggaran: 400.000.000 }
  - { kode: "4.2.1", uraian: Dana Desa tahap II, anggaran: 600.000.000 }
"#;
    let (_, diags) = load(2025, yaml);
    assert_eq!(
        messages(&diags, Severity::Error),
        [
            "baris ganda: kode 02.03.10 sudah ditulis dengan uraian, jenis dan sumber dana yang sama di baris ke-4"
        ]
    );
    assert_eq!(
        messages(&diags, Severity::Warning),
        ["kode 4.2.1 dipakai di 2 baris"]
    );
}

#[test]
fn unknown_codes_are_errors_and_village_kegiatan_are_warnings() {
    let yaml = r#"
tahun: 2025
pendapatan:
  - { kode: "4.2.7", anggaran: 5.000.000 }
belanja:
  - { kode: "2.3.10", jenis: "5.3.5", anggaran: 1.000.000 }
  - { kode: "02.03.77", uraian: Jalan Usaha Tani Swadaya, jenis: "5.3.5", anggaran: 2.000.000 }
  - { kode: "02.03.78", jenis: "5.3.5", anggaran: 2.000.000 }
  - { kode: "02.03.10", jenis: "5.9.1", anggaran: 2.000.000 }
"#;
    let (_, diags) = load(2025, yaml);
    assert_eq!(
        messages(&diags, Severity::Error),
        [
            "kode 4.2.7 tidak ada dalam daftar kode pendapatan Permendagri No. 20 Tahun 2018",
            "kode kegiatan 2.3.10 tidak ada dalam Permendagri No. 20 Tahun 2018",
            "baris kode 02.03.78 tidak punya uraian",
            "jenis belanja 5.9.1 tidak ada dalam Permendagri No. 20 Tahun 2018",
        ]
    );
    let hints: Vec<Option<&str>> = diags
        .iter()
        .filter(|d| d.is_error())
        .map(|d| d.hint.as_deref())
        .collect();
    assert_eq!(hints[0], Some("maksud Anda `4.2.1` (Dana Desa)?"));
    assert_eq!(
        hints[1],
        Some("maksud Anda `02.03.10` (Pembangunan/Rehabilitas/Peningkatan/Pengerasan Jalan Desa)?")
    );
    assert_eq!(
        messages(&diags, Severity::Warning),
        [
            "kegiatan 02.03.77 tidak ada dalam Permendagri No. 20 Tahun 2018; dianggap kegiatan tambahan desa",
            "kegiatan 02.03.78 tidak ada dalam Permendagri No. 20 Tahun 2018; dianggap kegiatan tambahan desa",
        ]
    );
}

#[test]
fn codes_stay_exactly_as_written_even_unquoted() {
    let yaml = "tahun: 2025\nkodefikasi: bebas\nbelanja:\n  - { kode: 2.1, uraian: Satu, anggaran: 1 }\n  - { kode: 2.10, uraian: Sepuluh, anggaran: 10 }\n  - { kode: 02.03, uraian: Nol dua, anggaran: 100 }\n";
    let (budget, diags) = load(2025, yaml);
    assert!(diags.is_empty(), "{}", diags.report());
    let codes: Vec<String> = budget
        .unwrap()
        .belanja
        .nodes
        .iter()
        .map(|n| n.kode.to_string())
        .collect();
    assert_eq!(codes, ["02.03", "2.1", "2.10"]);
}

#[test]
fn amount_problems_name_line_column_and_how_to_write_it() {
    let yaml = "tahun: 2025\npendapatan:\n  - kode: \"4.2.1\"\n    anggaran: 1.500\n  - kode: \"4.2.3\"\n    anggaran: -5.000.000\n";
    let (_, diags) = load(2025, yaml);
    let errors: Vec<&papan::diagnostic::Diagnostic> =
        diags.iter().filter(|d| d.is_error()).collect();
    assert_eq!(errors.len(), 2, "{}", diags.report());
    assert_eq!(
        errors[0].message,
        "anggaran: jumlah `1.500` bermakna ganda: bisa 1500 atau 1,5"
    );
    assert_eq!(
        errors[0].location.map(|l| (l.line, l.column)),
        Some((4, 15))
    );
    assert_eq!(
        errors[0].hint.as_deref(),
        Some("untuk ribuan tulis 1500 (tanpa pemisah); untuk pecahan tulis 1,5")
    );
    assert_eq!(errors[1].message, "anggaran: jumlah `-5.000.000` negatif");
    let text = errors[0].to_string();
    assert_eq!(
        text,
        "kesalahan: anggaran: jumlah `1.500` bermakna ganda: bisa 1500 atau 1,5\n  --> content/anggaran/2025.yaml:4:15\n   |\n 4 |     anggaran: 1.500\n   |               ^\n   = saran: untuk ribuan tulis 1500 (tanpa pemisah); untuk pecahan tulis 1,5\n"
    );
}

#[test]
fn sen_are_kept_exactly() {
    let yaml = "tahun: 2025\npendapatan:\n  - { kode: \"4.1.1\", anggaran: \"Rp 1.220.937.619,09\" }\n  - { kode: \"4.1.2\", anggaran: \"0,91\" }\n";
    let (budget, diags) = load(2025, yaml);
    assert!(diags.is_empty(), "{}", diags.report());
    let t = summarize(&budget.unwrap(), None).totals;
    assert_eq!(t.pendapatan.anggaran, rp(1_220_937_620));
    assert_eq!(rupiah(t.pendapatan.anggaran), "Rp 1.220.937.620");
}

#[test]
fn header_rules() {
    let (_, diags) = load(
        2025,
        "tahun: 2025\ntahap: anggaran\npendapatan:\n  - { kode: \"4.2.1\", anggaran: 5, realisasi: 4 }\n",
    );
    assert_eq!(
        messages(&diags, Severity::Error),
        ["ada angka realisasi, padahal tahap dokumen ini `anggaran`"]
    );
    let (_, diags) = load(2025, "tahun: 2025\ntahap: realisasi\n");
    assert_eq!(
        messages(&diags, Severity::Error),
        ["tahap `realisasi` memerlukan `per_tanggal`"]
    );
    let (_, diags) = load(
        2025,
        "tahun: 2025\ntahap: realisai\nper_tanggal: 31-12-2025\n",
    );
    let errors = messages(&diags, Severity::Error);
    assert_eq!(
        errors,
        [
            "tahap `realisai` tidak dikenal",
            "tanggal `31-12-2025` tidak sah"
        ]
    );
    let hints: Vec<Option<String>> = diags.iter().map(|d| d.hint.clone()).collect();
    assert_eq!(hints[0].as_deref(), Some("maksud Anda `realisasi`?"));
    assert_eq!(
        hints[1].as_deref(),
        Some("tulis tahun-bulan-tanggal: maksud Anda 2025-12-31?")
    );
    let (_, diags) = load(2025, "tahun: 2025\nkodefikasi: permendagri-20\n");
    assert_eq!(
        messages(&diags, Severity::Error),
        ["kodefikasi `permendagri-20` tidak dikenal"]
    );
}

#[test]
fn file_name_must_be_the_year_and_one_file_per_year() {
    let dir = site(&[
        ("content/desa.yaml", DESA),
        ("content/anggaran/2024.yaml", "tahun: 2025\n"),
        ("content/anggaran/2025.yml", "tahun: 2025\n"),
    ]);
    let mut diags = Diagnostics::new();
    papan::site::load(dir.path(), &mut diags);
    assert_eq!(
        messages(&diags, Severity::Error),
        [
            "nama berkas `2024` tidak sama dengan `tahun: 2025` di dalamnya",
            "ada 2 berkas untuk tahun anggaran 2025"
        ]
    );
    let first = diags.iter().next().unwrap();
    assert_eq!(
        first.file,
        std::path::Path::new("content/anggaran/2024.yaml")
    );
}

#[test]
fn sumber_dana_aliases_and_unknown_codes() {
    let yaml = "tahun: 2025\nbelanja:\n  - { kode: \"02.03.10\", jenis: \"5.3.5\", sumber_dana: bhp, anggaran: 1 }\n  - { kode: \"02.02.02\", jenis: \"5.2.7\", sumber_dana: DSS, anggaran: 1 }\n";
    let (budget, diags) = load(2025, yaml);
    assert_eq!(
        messages(&diags, Severity::Error),
        ["sumber dana `DSS` tidak dikenal"]
    );
    assert_eq!(
        diags.iter().next().unwrap().hint.as_deref(),
        Some("maksud Anda `DDS`?")
    );
    let budget = budget.unwrap();
    let leaf = budget
        .belanja
        .leaves()
        .find(|n| n.kode.as_str() == "02.03.10")
        .unwrap();
    assert_eq!(leaf.sumber_dana.map(|s| s.kode), Some("PBH"));
}

#[test]
fn unknown_keys_get_a_suggestion() {
    let (_, diags) = load(
        2025,
        "tahun: 2025\npendapatan:\n  - kode: \"4.2.1\"\n    anggran: 5\n",
    );
    let d = diags.iter().next().unwrap();
    assert_eq!(d.message, "kunci `anggran` tidak dikenal");
    assert_eq!(d.hint.as_deref(), Some("maksud Anda `anggaran`?"));
    assert_eq!(d.location.map(|l| l.line), Some(4));
}

#[test]
fn permendagri_113_codes() {
    let yaml = "tahun: 2016\nkodefikasi: permendagri-113-2014\nbelanja:\n  - { kode: \"02.02\", uraian: Jalan Desa, jenis: \"5.1.3\", anggaran: 150.000.000 }\n  - { kode: \"02.02.01\", jenis: \"5.1.3\", anggaran: 1 }\n";
    let (budget, diags) = load(2016, yaml);
    assert_eq!(
        messages(&diags, Severity::Error),
        ["kode kegiatan 02.02.01 terlalu panjang"]
    );
    let s = summarize(&budget.unwrap(), None);
    assert_eq!(s.belanja_jenis[0].nama, "Belanja Modal");
    assert_eq!(
        s.belanja_bidang[0].nama,
        "Bidang Pelaksanaan Pembangunan Desa"
    );
}

#[test]
fn a_per_tanggal_to_come_or_outside_its_half_year_is_a_warning_at_its_line() {
    let today = jiff::civil::date(2025, 9, 15);
    let warnings = |head: &str| -> Vec<(String, Option<usize>, Option<String>)> {
        let text = format!(
            "tahun: 2025\n{head}\nbelanja:\n  - {{ kode: \"02.03.10\", jenis: \"5.3.5\", anggaran: 80.000.000, realisasi: 20.000.000 }}\n"
        );
        let src = papan::source::SourceFile::new("content/anggaran/2025.yaml", text);
        let mut diags = Diagnostics::new();
        papan::budget::load(src, today, &mut diags).expect("budget");
        assert!(!diags.has_errors(), "{}", diags.report());
        diags
            .iter()
            .map(|d| {
                (
                    d.message.clone(),
                    d.location.map(|l| l.line),
                    d.hint.clone(),
                )
            })
            .collect()
    };
    assert_eq!(
        warnings("tahap: realisasi-semester-1\nper_tanggal: 2025-12-31"),
        [(
            "per_tanggal 2025-12-31 belum tiba: hari ini 2025-09-15".to_owned(),
            Some(3),
            Some("angka realisasi hanya bisa dihitung sampai hari ini; tulis tanggal posisi seperti tertulis di laporan realisasi".to_owned())
        )]
    );
    assert_eq!(
        warnings("tahap: realisasi-semester-1\nper_tanggal: 2025-08-01"),
        [(
            "per_tanggal 2025-08-01 jatuh sesudah semester pertama".to_owned(),
            Some(3),
            Some("laporan realisasi semester pertama berisi angka per 30 Juni 2025; jika ini laporan akhir tahun, tulis `tahap: realisasi`".to_owned())
        )]
    );
    assert_eq!(
        warnings("tahap: realisasi\nper_tanggal: 2025-06-30"),
        [(
            "per_tanggal 2025-06-30 masih di semester pertama".to_owned(),
            Some(3),
            Some("laporan realisasi akhir tahun berisi angka per 31 Desember 2025; jika ini laporan semester pertama, tulis `tahap: realisasi-semester-1`".to_owned())
        )]
    );
    // Within their windows: nothing to say. A semester report may be dated up to 31 July.
    assert!(warnings("tahap: realisasi-semester-1\nper_tanggal: 2025-06-30").is_empty());
    assert!(warnings("tahap: realisasi-semester-1\nper_tanggal: 2025-07-31").is_empty());
    assert!(warnings("tahap: realisasi\nper_tanggal: 2025-09-15").is_empty());
}
