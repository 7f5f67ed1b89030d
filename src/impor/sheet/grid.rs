//! Spreadsheet files → grids of cells (calamine for .xlsx/.xls/.ods, the csv crate for .csv).
//!
//! In: the file's bytes. Out: every sheet as rows of [`Cell`]s with their real row and
//! column numbers, formulas as their cached values, or a message. Bounded: a workbook
//! whose parts unpack past the limit, or a sheet past [`limits::MAX_ROWS`] rows, is refused
//! before its rows are used.

use super::super::detect::SheetKind;
use super::super::limits;
use crate::diagnostic::Diagnostic;
use calamine::{Data, Reader};
use rust_decimal::Decimal;
use std::io::Cursor;
use std::path::Path;
use std::str::FromStr;

#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    /// A number cell, exactly as the spreadsheet printed it (`0.1` stays `0.1`).
    Number(Decimal),
    /// An error value (`#REF!`), shown as written.
    Error(String),
}

impl Cell {
    pub fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(t) | Cell::Error(t) => t.clone(),
            Cell::Number(n) => n.normalize().to_string(),
        }
    }

    pub fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }
}

pub struct Sheet {
    pub name: String,
    /// Row number (1-based) of `rows[0]`, and column number of each row's first cell.
    pub first_row: usize,
    pub first_col: usize,
    pub rows: Vec<Vec<Cell>>,
}

/// `C` for column 3.
pub fn column_letter(col: usize) -> String {
    let mut n = col;
    let mut s = String::new();
    while n > 0 {
        let r = (n - 1) % 26;
        s.insert(0, char::from(b'A' + r as u8));
        n = (n - 1) / 26;
    }
    s
}

pub fn load(kind: SheetKind, bytes: &[u8], shown: &Path) -> Result<Vec<Sheet>, Diagnostic> {
    match kind {
        SheetKind::Csv => csv_sheet(bytes, shown).map(|s| vec![s]),
        _ => workbook(kind, bytes, shown),
    }
}

fn workbook(kind: SheetKind, bytes: &[u8], shown: &Path) -> Result<Vec<Sheet>, Diagnostic> {
    if kind != SheetKind::Xls {
        check_unpacked_size(bytes, shown)?;
    }
    let mut book = calamine::open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|e| {
        let text = e.to_string();
        let locked = text.to_lowercase().contains("password") || text.to_lowercase().contains("encrypt");
        let d = Diagnostic::error(shown, if locked { "lembar kerja ini dikunci dengan kata sandi".to_owned() } else { format!("lembar kerja ini rusak atau terpotong: {text}") });
        if locked {
            d.hint("buka di Excel dengan kata sandinya, simpan salinan tanpa kata sandi (File → Info → Protect Workbook → Encrypt with Password, kosongkan), lalu impor salinan itu")
        } else {
            d.hint("buka dan simpan ulang berkasnya di Excel atau LibreOffice, lalu coba lagi")
        }
    })?;
    let mut sheets = Vec::new();
    for name in book.sheet_names() {
        let range = book
            .worksheet_range(&name)
            .map_err(|e| Diagnostic::error(shown, format!("lembar `{name}` tidak terbaca: {e}")))?;
        if range.height() > limits::MAX_ROWS {
            return Err(limits::too_many_rows(
                shown,
                &format!("lembar `{name}`"),
                range.height(),
            ));
        }
        let (row0, col0) = range.start().unwrap_or((0, 0));
        let rows = range.rows().map(|r| r.iter().map(cell).collect()).collect();
        sheets.push(Sheet {
            name,
            first_row: row0 as usize + 1,
            first_col: col0 as usize + 1,
            rows,
        });
    }
    Ok(sheets)
}

/// The parts of an .xlsx/.ods unpack to at most the limit, whatever they claim: each is
/// read through a bound before calamine parses it.
fn check_unpacked_size(bytes: &[u8], shown: &Path) -> Result<(), Diagnostic> {
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(()); // calamine says what is wrong
    };
    if zip.len() > limits::MAX_ZIP_ENTRIES {
        return Err(limits::too_big(shown, "lembar kerja ini"));
    }
    let mut total = 0u64;
    for i in 0..zip.len() {
        let Ok(mut entry) = zip.by_index(i) else {
            continue;
        };
        let read = std::io::copy(
            &mut std::io::Read::take(&mut entry, limits::MAX_TABLE_BYTES + 1),
            &mut std::io::sink(),
        )
        .unwrap_or(0);
        total += read;
        if read > limits::MAX_TABLE_BYTES || total > limits::MAX_ZIP_TOTAL {
            return Err(limits::too_big(shown, "lembar kerja ini"));
        }
    }
    Ok(())
}

fn cell(d: &Data) -> Cell {
    match d {
        Data::Empty => Cell::Empty,
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::Text(s.clone()),
        Data::Int(n) => Cell::Number(Decimal::from(*n)),
        // calamine gives floats: their shortest text is what the spreadsheet shows.
        Data::Float(f) => Decimal::from_str(&f.to_string())
            .or_else(|_| Decimal::from_scientific(&f.to_string()))
            .map_or_else(|_| Cell::Error(f.to_string()), Cell::Number),
        Data::Bool(b) => Cell::Text(b.to_string()),
        Data::DateTime(dt) => Cell::Text(dt.to_string()),
        Data::Error(e) => Cell::Error(format!("{e}")),
    }
}

/// A CSV sheet, `,` or `;` separated (Excel with Indonesian settings writes `;`).
fn csv_sheet(bytes: &[u8], shown: &Path) -> Result<Sheet, Diagnostic> {
    let text = String::from_utf8_lossy(bytes);
    let sample: String = text.lines().take(30).collect();
    let delimiter = if sample.matches(';').count() > sample.matches(',').count() {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for (i, record) in reader.records().enumerate() {
        if i >= limits::MAX_ROWS {
            return Err(limits::too_many_rows(shown, "berkas CSV ini", i + 1));
        }
        let record = record.map_err(|e| {
            Diagnostic::error(
                shown,
                format!("baris {}: tidak terbaca sebagai CSV: {e}", i + 1),
            )
        })?;
        rows.push(
            record
                .iter()
                .map(|s| {
                    if s.trim().is_empty() {
                        Cell::Empty
                    } else {
                        Cell::Text(s.to_owned())
                    }
                })
                .collect(),
        );
    }
    Ok(Sheet {
        name: "CSV".to_owned(),
        first_row: 1,
        first_col: 1,
        rows,
    })
}
