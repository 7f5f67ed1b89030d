//! A Sideka APBDes export (TSV: `id  name  value  type`) → one budget draft.
//!
//! In: the text. Out: every row as written (kodefikasi `bebas`: Sideka numbers its own
//! tree, 1 pendapatan, 2 belanja, 3 pembiayaan), printed group totals kept so verification
//! runs. `0 root` is the tree's root; `3 PEMBIAYAAN DESA` prints penerimaan + pengeluaran,
//! which has no place in a budget file: it is checked here instead. The year comes from
//! `--tahun` or the file name (Sideka does not store it).

use super::Choice;
use super::draft::{Draft, DraftRow, PrintedCheck};
use super::report::Report;
use super::siskeudes::tables::amount;
use crate::budget::{Section, Tahap};
use crate::diagnostic::{Diagnostic, Diagnostics, Location};
use crate::reference::{self, Kodefikasi};
use rust_decimal::Decimal;
use std::path::Path;

pub fn read(
    text: &str,
    shown: &Path,
    choice: &Choice,
    report: &mut Report,
    diags: &mut Diagnostics,
) -> Vec<Draft> {
    let Some(tahun) = choice.tahun.or_else(|| year_in_name(shown)) else {
        diags.push(
            Diagnostic::error(shown, "ekspor Sideka tidak menyimpan tahun anggarannya")
                .hint("tulis tahunnya: `papan impor BERKAS --tahun 2016`"),
        );
        return Vec::new();
    };
    let mut d = Draft::new(tahun, Kodefikasi::Bebas, Tahap::Anggaran);
    d.header = vec![
        format!(
            "Diimpor dengan `papan impor` dari {} (ekspor APBDes Sideka).",
            name(shown)
        ),
        "Kode = id, uraian = name, anggaran = value, sumber_dana = type, baris demi baris."
            .to_owned(),
    ];
    let mut pembiayaan: Option<(usize, Decimal)> = None;
    let mut count = 0;
    for (i, line) in text.lines().enumerate().skip(1) {
        let n = i + 1;
        let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
        if cols.iter().all(|c| c.is_empty()) {
            continue;
        }
        count += 1;
        let [id, name, value, kind, ..] = cols[..] else {
            diags.push(
                Diagnostic::error(
                    shown,
                    format!(
                        "baris {n}: ada {} kolom, padahal harus 4 (id, name, value, type)",
                        cols.len()
                    ),
                )
                .at(Some(Location::new(n, 1))),
            );
            continue;
        };
        let Some(anggaran) = amount(value) else {
            diags.push(
                Diagnostic::error(
                    shown,
                    format!("baris {n}, kolom value: `{value}` bukan angka"),
                )
                .at(Some(Location::new(n, 1)))
                .hint("nilai anggaran ditulis dengan angka saja, misalnya 1500000"),
            );
            continue;
        };
        let place = format!("baris {n}");
        let section = match id.split('.').collect::<Vec<_>>()[..] {
            ["0"] => {
                report.recognise(place, format!("akar pohon anggaran `{name}`"));
                continue;
            }
            ["3"] => {
                report.recognise(
                    place,
                    format!("`{name}` (penerimaan + pengeluaran pembiayaan), dicocokkan"),
                );
                pembiayaan = Some((n, anggaran));
                continue;
            }
            ["1", ..] => Section::Pendapatan,
            ["2", ..] => Section::Belanja,
            ["3", "1", ..] => Section::Penerimaan,
            ["3", ..] => Section::Pengeluaran,
            _ => {
                report.skip(place, format!("kode `{id}` tidak di bawah 1, 2 atau 3"));
                continue;
            }
        };
        let mut row = DraftRow {
            kode: id.to_owned(),
            uraian: Some(name.to_owned()),
            anggaran: Some(anggaran),
            ..DraftRow::default()
        };
        match kind {
            "" | "-" => {}
            k if reference::sumber_dana(k).is_some() => row.sumber_dana = Some(k.to_owned()),
            k => {
                row.keterangan = Some(format!("sumber dana: {k}"));
                report.notes.push(format!(
                    "baris {n}: sumber dana `{k}` tidak dikenal Papan; ditulis di keterangan"
                ));
            }
        }
        d.rows_mut(section).push(row);
    }
    report.read.push(("baris data".to_owned(), count));
    if let Some((n, printed)) = pembiayaan {
        let top = |rows: &[DraftRow], code: &str| {
            rows.iter()
                .find(|r| r.kode == code)
                .and_then(|r| r.anggaran)
        };
        let pen = top(&d.penerimaan, "3.1").unwrap_or_default();
        let peng: Decimal = ["3.2", "3.3"]
            .iter()
            .filter_map(|c| top(&d.pengeluaran, c))
            .sum();
        d.checks.push(PrintedCheck {
            place: format!("baris {n}"),
            label: "PEMBIAYAAN DESA (penerimaan + pengeluaran)".to_owned(),
            printed,
            computed: pen + peng,
        });
    }
    vec![d]
}

fn name(shown: &Path) -> String {
    shown.file_name().map_or(shown.display().to_string(), |n| {
        n.to_string_lossy().into_owned()
    })
}

/// `dermaji-2016-apbdes-sideka.tsv` → 2016.
fn year_in_name(shown: &Path) -> Option<i32> {
    name(shown)
        .split(|c: char| !c.is_ascii_digit())
        .filter(|p| p.len() == 4)
        .filter_map(|p| p.parse::<i32>().ok())
        .find(|y| (1945..=2200).contains(y))
}
