//! Spreadsheets laid out like the printed APBDes or Laporan Realisasi → budget drafts.
//!
//! In: the bytes of an .xlsx/.xls/.ods/.csv. Out: one draft. Stages: [`grid`] reads the
//! cells; [`layout`] finds the header row and the columns in each sheet; this module turns
//! each data row into a [`SourceRow`] (a code, perhaps written inside the uraian; amounts
//! as numbers or Indonesian text) or a summary row, or reports it; [`build`] arranges the
//! rows into sections, attaches rekening rows to the kegiatan above them and checks every
//! total the sheet printed.

mod build;
pub mod grid;
pub mod layout;

use super::Choice;
use super::detect::SheetKind;
use super::draft::Draft;
use super::report::Report;
use crate::code::Code;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::money::parse_amount;
use grid::{Cell, Sheet, column_letter};
use layout::{Col, Layout};
use rust_decimal::Decimal;
use std::path::Path;

/// A data row of the sheet, read.
#[derive(Debug, Clone)]
pub struct SourceRow {
    pub place: String,
    pub kode: Code,
    pub uraian: String,
    pub anggaran: Option<Decimal>,
    pub realisasi: Option<Decimal>,
    pub selisih: Option<Decimal>,
    pub sumber_dana: Option<String>,
    pub keterangan: Option<String>,
}

/// A summary row (`JUMLAH PENDAPATAN`), checked against the computed figure.
#[derive(Debug, Clone)]
pub struct SummaryRow {
    pub place: String,
    pub label: String,
    pub anggaran: Option<Decimal>,
}

pub fn read(
    kind: SheetKind,
    bytes: &[u8],
    shown: &Path,
    choice: &Choice,
    report: &mut Report,
    diags: &mut Diagnostics,
) -> Vec<Draft> {
    let sheets = match grid::load(kind, bytes, shown) {
        Ok(s) => s,
        Err(d) => {
            diags.push(d);
            return Vec::new();
        }
    };
    let mut rows = Vec::new();
    let mut summaries = Vec::new();
    let mut titles = Vec::new();
    let mut realisasi = false;
    let mut perubahan = false;
    let mut not_found = Vec::new();
    for sheet in &sheets {
        let layout = match layout::find(sheet) {
            Ok(l) => l,
            Err(seen) => {
                not_found.push((sheet, seen));
                continue;
            }
        };
        report
            .read
            .push((format!("lembar `{}`", sheet.name), sheet.rows.len()));
        report.recognise(
            format!(
                "lembar `{}` baris {}",
                sheet.name,
                sheet.first_row + layout.header
            ),
            "kepala tabel",
        );
        realisasi |= layout.col(Col::Realisasi).is_some();
        perubahan |= layout.perubahan;
        titles.extend(layout.titles.iter().cloned());
        read_rows(
            sheet,
            &layout,
            shown,
            &mut rows,
            &mut summaries,
            report,
            diags,
        );
    }
    if rows.is_empty() && !not_found.is_empty() {
        for (sheet, seen) in &not_found {
            diags.push(
                Diagnostic::error(shown, format!("lembar `{}`: kepala tabel APBDes tidak ditemukan di {} baris pertama", sheet.name, layout::HEADER_ROWS))
                    .note(format!("judul yang ditemukan: {}", if seen.is_empty() { "(tidak ada)".to_owned() } else { seen.join(" | ") }))
                    .hint("baris kepala tabel harus memuat judul kolom Kode (atau Kode Rekening / No. Rek), Uraian, dan Anggaran (atau Jumlah / Pagu / Realisasi)"),
            );
        }
        return Vec::new();
    }
    for (sheet, _) in not_found {
        report.skip(
            format!("lembar `{}`", sheet.name),
            "tidak ada kepala tabel APBDes",
        );
    }
    let Some(tahun) = choice.tahun.or_else(|| layout::year(&titles)) else {
        diags.push(
            Diagnostic::error(
                shown,
                "tahun anggaran tidak ditemukan di judul lembar kerja",
            )
            .hint("tulis tahunnya: `papan impor BERKAS --tahun 2025`"),
        );
        return Vec::new();
    };
    let context = build::Context {
        tahun,
        realisasi,
        perubahan,
        titles: &titles,
        shown,
    };
    build::draft(&context, rows, summaries, report, diags)
        .into_iter()
        .collect()
}

fn read_rows(
    sheet: &Sheet,
    layout: &Layout,
    shown: &Path,
    rows: &mut Vec<SourceRow>,
    summaries: &mut Vec<SummaryRow>,
    report: &mut Report,
    diags: &mut Diagnostics,
) {
    for (i, cells) in sheet.rows.iter().enumerate().skip(layout.data_start) {
        let line = sheet.first_row + i;
        let place = format!("lembar `{}` baris {line}", sheet.name);
        let get = |c: Col| {
            layout
                .col(c)
                .and_then(|i| cells.get(i))
                .cloned()
                .unwrap_or(Cell::Empty)
        };
        if cells.iter().all(Cell::is_empty) {
            continue;
        }
        let mut amount = |c: Col| -> Option<Decimal> {
            let cell = get(c);
            let col = layout
                .col(c)
                .map(|i| column_letter(sheet.first_col + i))
                .unwrap_or_default();
            match parse_cell(&cell) {
                Ok(v) => v,
                Err(msg) => {
                    diags.push(Diagnostic::error(shown, format!("{place}, kolom {col}: {msg}"))
                        .hint("tulis jumlah sebagai angka (1500000) atau seperti di dokumen (Rp 1.500.000,00); tanda - berarti nol"));
                    None
                }
            }
        };
        let (anggaran, realisasi, selisih) = (
            amount(Col::Anggaran),
            amount(Col::Realisasi),
            amount(Col::Selisih),
        );
        let uraian_cell = clean(&get(Col::Uraian).text());
        let kode_cell = clean(&get(Col::Kode).text());
        let (kode, uraian) = split_code(&kode_cell, &uraian_cell);
        let Some(kode) = kode else {
            if let Some(label) = summary_label(&uraian_cell).or_else(|| summary_label(&kode_cell)) {
                report.recognise(&place, format!("baris jumlah `{label}`"));
                summaries.push(SummaryRow {
                    place,
                    label,
                    anggaran,
                });
            } else {
                let text = cells
                    .iter()
                    .map(Cell::text)
                    .filter(|t| !t.trim().is_empty())
                    .collect::<Vec<_>>()
                    .join(" | ");
                report.skip(
                    place,
                    format!(
                        "tanpa kode rekening: `{}`",
                        text.chars().take(60).collect::<String>()
                    ),
                );
            }
            continue;
        };
        let text = |c: Col| Some(clean(&get(c).text())).filter(|t| !t.is_empty());
        rows.push(SourceRow {
            place,
            kode,
            uraian,
            anggaran,
            realisasi,
            selisih,
            sumber_dana: text(Col::SumberDana),
            keterangan: text(Col::Keterangan),
        });
    }
}

/// Text with control characters dropped and spaces collapsed.
fn clean(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// An amount cell: a number, `Rp 1.234.567,00`, `(1.500)` for a negative Lebih/(Kurang),
/// `-` or `—` for zero, empty for none.
pub fn parse_cell(cell: &Cell) -> Result<Option<Decimal>, String> {
    let text = match cell {
        Cell::Empty => return Ok(None),
        Cell::Number(n) => return Ok(Some(*n)),
        Cell::Error(e) => return Err(format!("sel berisi galat rumus `{e}`")),
        Cell::Text(t) => t.trim(),
    };
    let bare = text
        .trim_start_matches("Rp")
        .trim_start_matches("Rp.")
        .trim();
    if text.is_empty() {
        return Ok(None);
    }
    if matches!(bare, "-" | "—" | "–" | "-,-" | "-,00" | "") {
        return Ok(Some(Decimal::ZERO));
    }
    let (negative, inner) = match text.strip_prefix('(').and_then(|t| t.strip_suffix(')')) {
        Some(inner) => (true, inner),
        None => match text.strip_prefix('-') {
            Some(inner) => (true, inner.trim()),
            None => (false, text),
        },
    };
    match parse_amount(inner) {
        Ok(v) => Ok(Some(if negative { -v } else { v })),
        Err(e) => Err(format!("`{text}` bukan jumlah uang: {}", e.message)),
    }
}

/// The code of a row: from the code column, or written at the start of the uraian
/// (`4.1.1 Hasil Usaha`). Returns the code and the uraian without it.
fn split_code(kode: &str, uraian: &str) -> (Option<Code>, String) {
    let looks = |s: &str| {
        !s.is_empty()
            && s.chars().all(|c| c.is_ascii_digit() || c == '.')
            && s.chars().next().is_some_and(|c| c.is_ascii_digit())
    };
    let k = kode.trim_end_matches('.');
    if looks(k) {
        return (Code::parse(k).ok(), uraian.to_owned());
    }
    if kode.is_empty()
        && let Some((first, rest)) = uraian.split_once(' ')
        && looks(first.trim_end_matches('.'))
    {
        return (
            Code::parse(first.trim_end_matches('.')).ok(),
            rest.trim().to_owned(),
        );
    }
    (None, uraian.to_owned())
}

/// `JUMLAH PENDAPATAN`, `SURPLUS / (DEFISIT)`, `PEMBIAYAAN NETTO`, `SILPA …`.
fn summary_label(text: &str) -> Option<String> {
    let t = text.to_uppercase();
    let words = [
        "JUMLAH",
        "TOTAL",
        "SURPLUS",
        "DEFISIT",
        "PEMBIAYAAN NETO",
        "PEMBIAYAAN NETTO",
        "SISA LEBIH",
        "SILPA",
    ];
    words
        .iter()
        .any(|w| t.starts_with(w))
        .then(|| text.to_owned())
}
