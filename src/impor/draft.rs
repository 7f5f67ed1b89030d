//! What every importer produces: a budget year as rows, before it becomes YAML text.
//!
//! In: nothing (plain data filled by the format readers). Out: a [`Draft`] per year, read
//! by [`super::yaml_out`] to write the budget file and by [`super::report`] to tell the
//! user what was read. Codes are kept as text exactly as the budget file will hold them.

use crate::budget::{Section, Tahap};
use crate::reference::Kodefikasi;
use jiff::civil::Date;
use rust_decimal::Decimal;

/// One row of the budget file to write.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DraftRow {
    pub kode: String,
    /// None where the official name of the code is meant.
    pub uraian: Option<String>,
    pub jenis: Option<String>,
    pub sumber_dana: Option<String>,
    pub keterangan: Option<String>,
    /// None on a group row whose total the source did not print.
    pub anggaran: Option<Decimal>,
    pub realisasi: Option<Decimal>,
    /// A comment line written above the row (a kegiatan's name and printed total).
    pub comment: Option<String>,
    /// Where the row is in the source (`lembar APBDes baris 12`), for messages.
    pub source: String,
}

/// A figure the source printed that the budget file cannot hold (a summary row, a
/// kegiatan total above its rekening rows), checked by the importer itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrintedCheck {
    /// Where it is in the source (`baris 89`, `Ta_Kegiatan`).
    pub place: String,
    pub label: String,
    pub printed: Decimal,
    pub computed: Decimal,
}

/// A budget year read from a source, with everything the report needs.
#[derive(Debug, Clone)]
pub struct Draft {
    pub tahun: i32,
    pub kodefikasi: Kodefikasi,
    pub tahap: Tahap,
    pub per_tanggal: Option<Date>,
    pub dasar_hukum: Option<String>,
    /// Comment lines at the top of the file: the source and how it was read.
    pub header: Vec<String>,
    pub pendapatan: Vec<DraftRow>,
    pub belanja: Vec<DraftRow>,
    pub penerimaan: Vec<DraftRow>,
    pub pengeluaran: Vec<DraftRow>,
    pub checks: Vec<PrintedCheck>,
}

impl Draft {
    pub fn new(tahun: i32, kodefikasi: Kodefikasi, tahap: Tahap) -> Self {
        Draft {
            tahun,
            kodefikasi,
            tahap,
            per_tanggal: None,
            dasar_hukum: None,
            header: Vec::new(),
            pendapatan: Vec::new(),
            belanja: Vec::new(),
            penerimaan: Vec::new(),
            pengeluaran: Vec::new(),
            checks: Vec::new(),
        }
    }

    pub fn rows(&self, section: Section) -> &[DraftRow] {
        match section {
            Section::Pendapatan => &self.pendapatan,
            Section::Belanja => &self.belanja,
            Section::Penerimaan => &self.penerimaan,
            Section::Pengeluaran => &self.pengeluaran,
        }
    }

    pub fn rows_mut(&mut self, section: Section) -> &mut Vec<DraftRow> {
        match section {
            Section::Pendapatan => &mut self.pendapatan,
            Section::Belanja => &mut self.belanja,
            Section::Penerimaan => &mut self.penerimaan,
            Section::Pengeluaran => &mut self.pengeluaran,
        }
    }

    /// Printed figures that differ from what their rows add up to.
    pub fn mismatches(&self) -> impl Iterator<Item = &PrintedCheck> {
        self.checks.iter().filter(|c| c.printed != c.computed)
    }
}

/// Whether two names are the same once case and spacing are ignored
/// (`Sisa Lebih  (SILPA)` and `sisa lebih (SILPA)`).
pub fn same_name(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        s.split_whitespace()
            .map(str::to_lowercase)
            .collect::<Vec<_>>()
            .join(" ")
    };
    norm(a) == norm(b)
}
