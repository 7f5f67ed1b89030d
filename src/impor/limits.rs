//! Bounds on what an import reads, so a hostile or mistaken file cannot exhaust memory.
//!
//! A real Siskeudes zip of one village is some 150 KB, its database a few MB, a printed
//! APBDes spreadsheet a few hundred rows; the limits are far above that and far below what
//! would take the machine down.

use crate::diagnostic::Diagnostic;
use std::path::Path;

/// The source file itself (a database with years of transactions is tens of MB).
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;
/// Entries of a zip.
pub const MAX_ZIP_ENTRIES: usize = 1_000;
/// One table or one spreadsheet part, uncompressed, whatever size the zip claims.
pub const MAX_TABLE_BYTES: u64 = 64 * 1024 * 1024;
/// All the entries read from one zip, uncompressed.
pub const MAX_ZIP_TOTAL: u64 = 128 * 1024 * 1024;
/// Rows of one sheet or one table: a budget of 2,000 rows is a large one.
pub const MAX_ROWS: usize = 200_000;

pub fn too_big(shown: &Path, part: &str) -> Diagnostic {
    Diagnostic::error(
        shown,
        format!(
            "{part} terlalu besar setelah dibuka (lebih dari {} MB); berkas anggaran desa tidak sebesar itu",
            MAX_TABLE_BYTES / (1024 * 1024)
        ),
    )
    .hint("periksa apakah ini berkas yang benar; zip yang membengkak sebesar ini bisa jadi berkas rusak atau berbahaya")
}

pub fn too_many_rows(shown: &Path, part: &str, rows: usize) -> Diagnostic {
    Diagnostic::error(
        shown,
        format!(
            "{part} berisi lebih dari {MAX_ROWS} baris ({rows}); APBDes desa tidak sepanjang itu"
        ),
    )
    .hint("simpan hanya lembar APBDes-nya ke berkas baru, lalu impor berkas itu")
}
