//! A zip of Siskeudes tables as CSV files (OpenSID's form; `mdb-export` output): one
//! `Ta_RABRinci.csv` per table, a header row, quoted strings, CRLF.
//!
//! In: the zip's bytes. Out: [`Tables`], or a message naming the file and the entry.
//! Bounded: entries are read through a limit whatever size the zip claims (a zip bomb
//! stops at the limit), and only the tables the importer uses are read.

use super::tables::{self, Table, Tables};
use crate::diagnostic::Diagnostic;
use crate::impor::limits;
use std::io::{Cursor, Read};
use std::path::Path;

/// Reads the tables of a zip; `Err` when the zip itself cannot be read.
pub fn read(bytes: &[u8], shown: &Path) -> Result<Tables, Vec<Diagnostic>> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| {
        vec![
            Diagnostic::error(shown, format!("zip ini rusak atau terpotong: {e}"))
                .hint("unduh atau salin ulang berkasnya, lalu coba lagi"),
        ]
    })?;
    if zip.len() > limits::MAX_ZIP_ENTRIES {
        return Err(vec![Diagnostic::error(
            shown,
            format!("zip ini berisi {} berkas; batasnya {}", zip.len(), limits::MAX_ZIP_ENTRIES),
        )
        .hint("zip Siskeudes berisi satu berkas CSV per tabel; buat zip yang hanya memuat tabel-tabel itu")]);
    }
    let mut out = Tables::default();
    let mut problems = Vec::new();
    let mut total = 0u64;
    for i in 0..zip.len() {
        let mut entry = match zip.by_index(i) {
            Ok(e) => e,
            Err(e) => {
                problems.push(Diagnostic::error(
                    shown,
                    format!("isi zip ke-{} tidak dapat dibaca: {e}", i + 1),
                ));
                continue;
            }
        };
        let name = entry.name().map(|n| n.into_owned()).unwrap_or_default();
        let stem = Path::new(&name)
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let is_csv = name.to_lowercase().ends_with(".csv");
        let Some(table) = tables::WANTED
            .iter()
            .find(|w| w.eq_ignore_ascii_case(&stem))
        else {
            if is_csv {
                out.others.push(stem); // listed in messages, not read
            }
            continue;
        };
        if entry.encrypted() {
            problems.push(
                Diagnostic::error(
                    shown,
                    format!("{name} di dalam zip dikunci dengan kata sandi"),
                )
                .hint("buat ulang zip tanpa kata sandi"),
            );
            continue;
        }
        let mut data = Vec::new();
        let limit = limits::MAX_TABLE_BYTES.min(limits::MAX_ZIP_TOTAL.saturating_sub(total));
        if let Err(e) = entry.by_ref().take(limit + 1).read_to_end(&mut data) {
            problems.push(
                Diagnostic::error(shown, format!("{name} di dalam zip rusak: {e}"))
                    .hint("buat ulang zip dari data Siskeudes, lalu coba lagi"),
            );
            continue;
        }
        if data.len() as u64 > limit {
            return Err(vec![limits::too_big(shown, &name)]);
        }
        total += data.len() as u64;
        match parse(table, &data, shown, &name) {
            Ok(t) => {
                out.tables.insert((*table).to_owned(), t);
            }
            Err(d) => problems.push(d),
        }
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems)
    }
}

/// One CSV table: comma- or semicolon-separated, UTF-8 (or Windows-1252, as old exports are).
pub fn parse(table: &str, data: &[u8], shown: &Path, entry: &str) -> Result<Table, Diagnostic> {
    let text = match std::str::from_utf8(data) {
        Ok(t) => t.trim_start_matches('\u{feff}').to_owned(),
        // Windows exports use the ANSI code page; every byte maps to a character.
        Err(_) => data.iter().map(|&b| char::from(b)).collect(),
    };
    let first_line = text.lines().next().unwrap_or("");
    let delimiter = if first_line.matches(';').count() > first_line.matches(',').count() {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .map_err(|e| {
            Diagnostic::error(
                shown,
                format!("{entry}: baris judul kolom tidak terbaca: {e}"),
            )
        })?
        .iter()
        .map(|h| h.trim().to_owned())
        .collect();
    let mut rows = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|e| {
            Diagnostic::error(
                shown,
                format!("{entry} baris {}: tidak terbaca sebagai CSV: {e}", i + 2),
            )
            .hint("ekspor ulang tabel ini dari Siskeudes")
        })?;
        if record.len() != header.len() {
            // OpenSID drops such a row silently; it is refused here, with its line.
            return Err(Diagnostic::error(
                shown,
                format!("{entry} baris {}: ada {} kolom, padahal judulnya {} kolom", i + 2, record.len(), header.len()),
            )
            .hint("periksa tanda kutip di baris itu (uraian yang memuat koma harus diapit tanda kutip), atau ekspor ulang tabelnya"));
        }
        rows.push(record.iter().map(str::to_owned).collect());
    }
    Ok(Table {
        name: table.to_owned(),
        header,
        rows,
        first_line: Some(2),
    })
}
