//! The Desa Dermaji 2016 budget (Sideka project), transcribed faithfully: four printed totals
//! do not add up, one code is used twice, and the leaf rows balance. Expected figures were
//! worked out from the TSV with a separate script, not taken from Papan's output.

#![allow(clippy::unwrap_used)]

mod common;
use common::*;
use papan::budget::summary::summarize;
use papan::diagnostic::{Diagnostics, Severity};
use rust_decimal::Decimal;

fn rp(n: i64) -> Decimal {
    Decimal::from(n)
}

#[test]
fn check_reports_the_four_printed_totals_that_do_not_add_up() {
    let out = papan(&["check", fixture("dermaji").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    let expected = [
        (
            "325:15",
            "anggaran kode 2.1.1 tercetak Rp 394.080.000, tetapi jumlah rinciannya Rp 385.080.000 (selisih Rp 9.000.000, angka tercetak lebih besar)",
        ),
        (
            "642:15",
            "anggaran kode 2.3.1.1 tercetak Rp 7.100.000, tetapi jumlah rinciannya Rp 3.500.000 (selisih Rp 3.600.000, angka tercetak lebih besar)",
        ),
        (
            "649:15",
            "anggaran kode 2.3.1.2 tercetak Rp 17.100.000, tetapi jumlah rinciannya Rp 12.000.000 (selisih Rp 5.100.000, angka tercetak lebih besar)",
        ),
        (
            "656:15",
            "anggaran kode 2.3.1.3 tercetak Rp 49.320.000, tetapi jumlah rinciannya Rp 5.000.000 (selisih Rp 44.320.000, angka tercetak lebih besar)",
        ),
    ];
    for (position, message) in expected {
        let block = format!("kesalahan: {message}\n  --> content/anggaran/2016.yaml:{position}\n");
        assert!(err.contains(&block), "missing\n{block}\nin\n{err}");
    }
    assert_eq!(err.matches("kesalahan: ").count(), 4, "{err}");
    assert!(err.contains("peringatan: kode 2.1.2.1.2.1 dipakai di 2 baris\n  --> content/anggaran/2016.yaml:435:5\n"), "{err}");
    assert!(
        err.ends_with("Ditemukan 4 kesalahan dan 1 peringatan.\n"),
        "{err}"
    );
}

#[test]
fn the_differences_sum_to_the_published_gap() {
    // 9.000.000 + 3.600.000 + 5.100.000 + 44.320.000 = 62.020.000, which is exactly the
    // amount by which the printed totals fail to balance.
    let mut diags = Diagnostics::new();
    papan::site::load(&fixture("dermaji"), &mut diags);
    let total: Decimal = diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| {
            let selisih = d.message.split("selisih Rp ").nth(1).unwrap();
            let digits: String = selisih
                .split(',')
                .next()
                .unwrap()
                .chars()
                .filter(char::is_ascii_digit)
                .collect();
            digits.parse::<Decimal>().unwrap()
        })
        .sum();
    assert_eq!(total, rp(62_020_000));
}

#[test]
fn leaf_totals_balance() {
    let mut diags = Diagnostics::new();
    let site = papan::site::load(&fixture("dermaji"), &mut diags).unwrap();
    let budget = &site.budgets[0];
    let s = summarize(budget, None);
    let t = &s.totals;
    assert_eq!(t.pendapatan.anggaran, rp(1_452_121_934));
    assert_eq!(t.belanja.anggaran, rp(1_472_923_978));
    assert_eq!(t.penerimaan.anggaran, rp(51_802_044));
    assert_eq!(t.pengeluaran.anggaran, rp(31_000_000));
    assert_eq!(t.netto.anggaran, rp(20_802_044));
    // pendapatan − belanja + pembiayaan netto = 0
    assert_eq!(t.silpa.anggaran, Decimal::ZERO);
    assert_eq!(t.pendapatan.realisasi, None);
    let bidang: Vec<(String, Decimal)> = s
        .belanja_bidang
        .iter()
        .map(|sl| (sl.kode.clone().unwrap(), sl.amounts.anggaran))
        .collect();
    assert_eq!(
        bidang,
        [
            ("2.1".to_owned(), rp(606_318_796)),
            ("2.2".to_owned(), rp(635_369_509)),
            ("2.3".to_owned(), rp(178_935_673)),
            ("2.4".to_owned(), rp(52_300_000)),
            ("2.5".to_owned(), rp(0)),
        ]
    );
    let kelompok: Vec<Decimal> = s
        .pendapatan_kelompok
        .iter()
        .map(|sl| sl.amounts.anggaran)
        .collect();
    assert_eq!(kelompok, [rp(84_000_000), rp(1_368_121_934), rp(0)]);
}

#[test]
fn build_refuses_to_publish_it() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&fixture("dermaji"), dir.path());
    let out = papan(&["build", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(!dir.path().join("output").exists());
    assert!(stderr(&out).contains("Situs tidak dibangun"));
}
