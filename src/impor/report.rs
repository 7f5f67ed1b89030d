//! What an import read, recognised and skipped, printed for the user.
//!
//! In: the counts and notes the format readers collect, and the budgets as the loader read
//! them back. Out: the text printed after `papan impor`: rows per section and totals per
//! year, the rows recognised as headers or summaries, and every row skipped with its reason,
//! so no source row disappears silently.

use super::draft::Draft;
use crate::budget::Budget;
use crate::budget::summary::summarize;
use crate::money::rupiah;
use std::fmt::Write as _;

/// A source row that was not imported, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub place: String,
    pub reason: String,
}

/// What the reader saw in the source.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// How the source was read (`zip berisi tabel Siskeudes (CSV)`).
    pub format: String,
    /// Rows read per table or sheet.
    pub read: Vec<(String, usize)>,
    /// Header, title and summary rows recognised (place, what).
    pub recognised: Vec<(String, String)>,
    pub skipped: Vec<Skipped>,
    /// Anything else worth saying (`sumber dana BHR tidak dikenal, ditulis di keterangan`).
    pub notes: Vec<String>,
}

impl Report {
    pub fn new(format: impl Into<String>) -> Self {
        Report {
            format: format.into(),
            ..Report::default()
        }
    }

    pub fn skip(&mut self, place: impl Into<String>, reason: impl Into<String>) {
        self.skipped.push(Skipped {
            place: place.into(),
            reason: reason.into(),
        });
    }

    pub fn recognise(&mut self, place: impl Into<String>, what: impl Into<String>) {
        self.recognised.push((place.into(), what.into()));
    }
}

/// Lists longer than this are cut in the printed report (the rest is counted).
const SHOWN: usize = 30;

/// The printed report for `berkas` and the budgets written from it.
pub fn render(berkas: &str, report: &Report, years: &[(&Draft, &Budget, String)]) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "Dibaca: {berkas} ({})", report.format);
    for (name, n) in &report.read {
        let _ = writeln!(out, "  {name}: {n} baris");
    }
    for (draft, budget, path) in years {
        let s = summarize(budget, None);
        let t = &s.totals;
        let _ = writeln!(
            out,
            "\nTahun {} ({}, tahap {}) -> {path}",
            draft.tahun,
            draft.kodefikasi.title(),
            draft.tahap.name()
        );
        for (label, rows, amount) in [
            ("pendapatan", draft.pendapatan.len(), t.pendapatan),
            ("belanja", draft.belanja.len(), t.belanja),
            (
                "penerimaan pembiayaan",
                draft.penerimaan.len(),
                t.penerimaan,
            ),
            (
                "pengeluaran pembiayaan",
                draft.pengeluaran.len(),
                t.pengeluaran,
            ),
        ] {
            let realisasi = amount
                .realisasi
                .map(|r| format!(", realisasi {}", rupiah(r)))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "  {label}: {rows} baris, anggaran {}{realisasi}",
                rupiah(amount.anggaran)
            );
        }
        for slice in &s.belanja_bidang {
            let _ = writeln!(
                out,
                "    bidang {} {}: {}",
                slice.kode.as_deref().unwrap_or("-"),
                slice.nama,
                rupiah(slice.amounts.anggaran)
            );
        }
        let ok = draft
            .checks
            .iter()
            .filter(|c| c.printed == c.computed)
            .count();
        if ok > 0 {
            let _ = writeln!(
                out,
                "  {ok} jumlah tercetak dicocokkan dengan rinciannya: sama"
            );
        }
        for c in draft.mismatches() {
            let _ = writeln!(
                out,
                "  SELISIH {}: {} tercetak {}, dihitung dari rinciannya {}",
                c.place,
                c.label,
                rupiah(c.printed),
                rupiah(c.computed)
            );
        }
    }
    list(
        &mut out,
        "Dikenali sebagai judul, kepala tabel atau baris jumlah",
        report.recognised.iter().map(|(p, w)| format!("{p}: {w}")),
    );
    list(
        &mut out,
        "Dilewati",
        report
            .skipped
            .iter()
            .map(|s| format!("{}: {}", s.place, s.reason)),
    );
    list(&mut out, "Catatan", report.notes.iter().cloned());
    out
}

fn list(out: &mut String, title: &str, items: impl ExactSizeIterator<Item = String>) {
    let n = items.len();
    if n == 0 {
        return;
    }
    let _ = writeln!(out, "\n{title} ({n}):");
    for item in items.take(SHOWN) {
        let _ = writeln!(out, "  {item}");
    }
    if n > SHOWN {
        let _ = writeln!(out, "  … dan {} lagi", n - SHOWN);
    }
}
