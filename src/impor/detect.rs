//! Telling the format of `BERKAS` by its content, not only its name.
//!
//! In: the file. Out: a [`Format`] holding what its reader needs (the bytes of a zip or a
//! spreadsheet, the text of a Sideka export), or a message: missing, too large, or a kind
//! of file Papan cannot import (with what it can).

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::impor::limits;
use crate::impor::siskeudes::mde;
use std::io::Read as _;
use std::path::Path;

/// Spreadsheet kinds calamine reads, and plain CSV.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SheetKind {
    Xlsx,
    Xls,
    Ods,
    Csv,
}

pub enum Format {
    /// A zip of Siskeudes tables as CSV.
    SiskeudesZip(Vec<u8>),
    /// A Siskeudes database (Jet / ACE), read from its path.
    Database,
    /// A spreadsheet laid out like the printed APBDes.
    Sheet(SheetKind, Vec<u8>),
    /// A Sideka APBDes export (`id  name  value  type`).
    Sideka(String),
}

impl Format {
    pub fn describe(&self) -> String {
        match self {
            Format::SiskeudesZip(_) => "zip berisi tabel Siskeudes (CSV)".to_owned(),
            Format::Database => "database Siskeudes".to_owned(),
            Format::Sheet(SheetKind::Csv, _) => "lembar kerja CSV".to_owned(),
            Format::Sheet(kind, _) => format!("lembar kerja {kind:?}")
                .to_lowercase()
                .replace("lembar kerja ", "lembar kerja ."),
            Format::Sideka(_) => "ekspor APBDes Sideka (TSV)".to_owned(),
        }
    }
}

const OLE2: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

pub fn detect(path: &Path, shown: &Path, diags: &mut Diagnostics) -> Option<Format> {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let is_db_name = matches!(ext.as_str(), "mde" | "mdb" | "accdb" | "accde");
    let mut head = [0u8; 32];
    let bytes_read = match std::fs::File::open(path).and_then(|mut f| f.read(&mut head)) {
        Ok(n) => n,
        Err(e) => {
            diags.push(
                Diagnostic::error(
                    shown,
                    format!(
                        "berkas tidak dapat dibuka: {}",
                        crate::source::io_reason(&e)
                    ),
                )
                .hint("periksa nama dan letak berkasnya"),
            );
            return None;
        }
    };
    let head = &head[..bytes_read];
    let jet = head.len() >= 19
        && (&head[4..19] == b"Standard Jet DB" || &head[4..19] == b"Standard ACE DB");
    if jet {
        return Some(Format::Database);
    }
    if is_db_name && head.starts_with(&OLE2) {
        diags.push(mde::locked(shown));
        return None;
    }
    if is_db_name {
        diags.push(Diagnostic::error(shown, "berkas ini bukan database Access yang utuh (rusak, terpotong, atau berkas lain yang diberi nama .mde)")
            .hint(mde::COPY_AGAIN));
        return None;
    }
    let bytes = read_all(path, shown, diags)?;
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return Some(zip_kind(bytes));
    }
    if bytes.starts_with(&OLE2) {
        return Some(Format::Sheet(SheetKind::Xls, bytes));
    }
    text_kind(bytes, &ext, shown, diags)
}

fn read_all(path: &Path, shown: &Path, diags: &mut Diagnostics) -> Option<Vec<u8>> {
    let mut bytes = Vec::new();
    let read = std::fs::File::open(path)
        .and_then(|f| f.take(limits::MAX_FILE_BYTES + 1).read_to_end(&mut bytes));
    if let Err(e) = read {
        diags.push(Diagnostic::error(
            shown,
            format!(
                "berkas tidak dapat dibaca: {}",
                crate::source::io_reason(&e)
            ),
        ));
        return None;
    }
    if bytes.len() as u64 > limits::MAX_FILE_BYTES {
        diags.push(Diagnostic::error(shown, format!("berkas terlalu besar; batasnya {} MB", limits::MAX_FILE_BYTES / (1024 * 1024)))
            .hint("berkas APBDes desa biasanya hanya beberapa MB; periksa apakah ini berkas yang benar"));
        return None;
    }
    Some(bytes)
}

/// A zip is a workbook (.xlsx, .ods) or a bundle of Siskeudes CSV tables.
fn zip_kind(bytes: Vec<u8>) -> Format {
    let names: Vec<String> = zip::ZipArchive::new(std::io::Cursor::new(&bytes))
        .map(|z| {
            z.file_names()
                .filter_map(Result::ok)
                .map(|n| n.to_lowercase())
                .collect()
        })
        .unwrap_or_default();
    if names
        .iter()
        .any(|n| n == "xl/workbook.xml" || n == "[content_types].xml")
    {
        Format::Sheet(SheetKind::Xlsx, bytes)
    } else if names.iter().any(|n| n == "mimetype" || n == "content.xml") {
        Format::Sheet(SheetKind::Ods, bytes)
    } else {
        Format::SiskeudesZip(bytes)
    }
}

/// Text: a Sideka TSV by its header, otherwise a CSV sheet.
fn text_kind(bytes: Vec<u8>, ext: &str, shown: &Path, diags: &mut Diagnostics) -> Option<Format> {
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => e.into_bytes().iter().map(|&b| char::from(b)).collect(),
    };
    if text.contains('\0') || text.trim().is_empty() {
        diags.push(Diagnostic::error(shown, "berkas ini bukan berkas yang dapat diimpor (kosong, atau bukan teks, lembar kerja, zip Siskeudes maupun database)")
            .note("yang dapat diimpor: database Siskeudes (.mde, .mdb, .accdb), zip berisi tabel Siskeudes (CSV), lembar kerja (.xlsx, .xls, .ods, .csv) dan ekspor APBDes Sideka (.tsv)")
            .hint("jika berkasnya terpotong saat diunduh atau disalin, ambil ulang berkas aslinya"));
        return None;
    }
    let text = text.trim_start_matches('\u{feff}').to_owned();
    let first = text.lines().next().unwrap_or("").to_lowercase();
    let cols: Vec<&str> = first.split('\t').map(str::trim).collect();
    if ext == "tsv" || cols.starts_with(&["id", "name", "value"]) {
        return Some(Format::Sideka(text));
    }
    Some(Format::Sheet(SheetKind::Csv, text.into_bytes()))
}
