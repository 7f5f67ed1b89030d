//! The village budget (APBDes): types shared by the budget stages.
//!
//! Stages: [`file::read`] turns a YAML file into a [`BudgetInput`] (rows as written, every
//! problem collected); [`tree::build`] checks codes against the official tables and arranges
//! rows into one [`Tree`] per section; [`verify::check`] compares printed totals with the
//! sums of their rows; [`summary::summarize`] computes totals and breakdowns.

pub mod codes;
pub mod file;
pub mod kegiatan;
mod rows;
pub mod shown;
pub mod summary;
pub mod tree;
pub mod verify;

use crate::code::Code;
use crate::diagnostic::{Diagnostic, Diagnostics, Location};
use crate::money;
use crate::reference::{Kodefikasi, SumberDana};
use crate::source::SourceFile;
use crate::yaml::Spans;
use jiff::civil::Date;
use rust_decimal::Decimal;
use std::collections::BTreeMap;
use std::ops::{Add, Sub};

/// The four lists of a budget file, ordered as a budget file lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Section {
    Pendapatan,
    Belanja,
    Penerimaan,
    Pengeluaran,
}

impl Section {
    pub const ALL: [Section; 4] = [
        Section::Pendapatan,
        Section::Belanja,
        Section::Penerimaan,
        Section::Pengeluaran,
    ];

    /// The account code every rekening of the section starts with.
    pub fn root(self) -> &'static str {
        match self {
            Section::Pendapatan => "4",
            Section::Belanja => "5",
            Section::Penerimaan => "6.1",
            Section::Pengeluaran => "6.2",
        }
    }

    /// The section an account code belongs to: 4 pendapatan, 5 belanja, 6.1 penerimaan,
    /// 6.2 pengeluaran. 6.3 (SiLPA tahun berjalan) is a computed figure, in no section.
    pub fn of_rekening(kode: &str) -> Option<Section> {
        Section::ALL.into_iter().find(|s| {
            let root = s.root();
            kode == root
                || kode
                    .strip_prefix(root)
                    .is_some_and(|rest| rest.starts_with('.'))
        })
    }

    /// The YAML path of the list (`pembiayaan.penerimaan`).
    pub fn path(self) -> &'static str {
        match self {
            Section::Pendapatan => "pendapatan",
            Section::Belanja => "belanja",
            Section::Penerimaan => "pembiayaan.penerimaan",
            Section::Pengeluaran => "pembiayaan.pengeluaran",
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Section::Pendapatan => "Pendapatan",
            Section::Belanja => "Belanja",
            Section::Penerimaan => "Penerimaan Pembiayaan",
            Section::Pengeluaran => "Pengeluaran Pembiayaan",
        }
    }
}

/// The stage of the document the figures come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tahap {
    Anggaran,
    Perubahan,
    RealisasiSemester1,
    Realisasi,
}

impl Tahap {
    pub const NAMES: [&'static str; 4] =
        ["anggaran", "perubahan", "realisasi-semester-1", "realisasi"];

    pub fn parse(text: &str) -> Option<Tahap> {
        match text.trim() {
            "anggaran" => Some(Tahap::Anggaran),
            "perubahan" => Some(Tahap::Perubahan),
            "realisasi-semester-1" => Some(Tahap::RealisasiSemester1),
            "realisasi" => Some(Tahap::Realisasi),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        Self::NAMES[self as usize]
    }

    /// Whether the document reports realisasi.
    pub fn has_realisasi(self) -> bool {
        matches!(self, Tahap::RealisasiSemester1 | Tahap::Realisasi)
    }

    /// A plain description for readers.
    pub fn describe(self) -> &'static str {
        match self {
            Tahap::Anggaran => "APBDes yang ditetapkan (rencana, belum ada realisasi)",
            Tahap::Perubahan => "APBDes Perubahan (rencana yang diubah, belum ada realisasi)",
            Tahap::RealisasiSemester1 => "laporan realisasi semester pertama",
            Tahap::Realisasi => "laporan realisasi akhir tahun",
        }
    }
}

/// One row as written in the file, after its fields were read.
#[derive(Debug, Clone)]
pub struct Line {
    pub section: Section,
    pub kode: Code,
    pub uraian: Option<String>,
    pub jenis: Option<Code>,
    pub sumber_dana: Option<&'static SumberDana>,
    pub lokasi: Option<String>,
    pub keterangan: Option<String>,
    pub anggaran: Option<Decimal>,
    pub realisasi: Option<Decimal>,
    /// An amount on this row could not be read; totals above it are not checked.
    pub unreadable: bool,
    /// The YAML path of the row (`belanja[3]`), to find the line of any of its fields.
    pub path: String,
    pub location: Option<Location>,
}

/// A budget file read and checked field by field, not yet arranged into a tree.
#[derive(Debug, Clone)]
pub struct BudgetInput {
    pub source: SourceFile,
    pub spans: Spans,
    pub tahun: i32,
    pub kodefikasi: Kodefikasi,
    pub tahap: Tahap,
    pub per_tanggal: Option<Date>,
    pub dasar_hukum: Option<String>,
    pub keterangan: Option<String>,
    /// `selisih: dokumen`: printed totals that do not add up are in the official document
    /// itself; they are recorded on the trees and published, not refused.
    pub selisih_dokumen: bool,
    pub lines: Vec<Line>,
}

impl BudgetInput {
    /// Where a field of a row is, falling back to the row itself.
    pub fn field_location(&self, line: &Line, field: &str) -> Option<Location> {
        self.spans
            .get(&format!("{}.{field}", line.path))
            .or(line.location)
    }
}

/// Anggaran and, when the document reports it, realisasi.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Amounts {
    pub anggaran: Decimal,
    pub realisasi: Option<Decimal>,
}

impl Amounts {
    pub fn new(anggaran: Decimal, realisasi: Option<Decimal>) -> Self {
        Amounts {
            anggaran,
            realisasi,
        }
    }

    /// Zero anggaran, and zero realisasi when `with_realisasi`.
    pub fn zero(with_realisasi: bool) -> Self {
        Amounts::new(Decimal::ZERO, with_realisasi.then_some(Decimal::ZERO))
    }

    /// Realisasi ÷ anggaran, in percent.
    pub fn percent(&self) -> Option<Decimal> {
        money::percent(self.realisasi?, self.anggaran)
    }

    /// Lebih/(kurang): realisasi − anggaran.
    pub fn selisih(&self) -> Option<Decimal> {
        Some(self.realisasi? - self.anggaran)
    }
}

impl Add for Amounts {
    type Output = Amounts;
    fn add(self, o: Amounts) -> Amounts {
        Amounts::new(
            self.anggaran + o.anggaran,
            self.realisasi.zip(o.realisasi).map(|(a, b)| a + b),
        )
    }
}

impl Sub for Amounts {
    type Output = Amounts;
    fn sub(self, o: Amounts) -> Amounts {
        Amounts::new(
            self.anggaran - o.anggaran,
            self.realisasi.zip(o.realisasi).map(|(a, b)| a - b),
        )
    }
}

impl std::iter::Sum for Amounts {
    fn sum<I: Iterator<Item = Amounts>>(mut iter: I) -> Amounts {
        let Some(first) = iter.next() else {
            return Amounts::default();
        };
        iter.fold(first, |a, b| a + b)
    }
}

/// What a node of the tree stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeKind {
    /// A row with rows under it; its amounts are the sum of its children.
    Group,
    /// A row with no rows under it.
    Leaf,
    /// One of several rows sharing a kegiatan code, under a group for that kegiatan.
    Rincian,
}

/// A row of the published table.
#[derive(Debug, Clone)]
pub struct Node {
    pub kode: Code,
    pub uraian: String,
    pub kind: NodeKind,
    pub jenis: Option<Code>,
    pub jenis_uraian: Option<&'static str>,
    pub sumber_dana: Option<&'static SumberDana>,
    pub lokasi: Option<String>,
    pub keterangan: Option<String>,
    /// Amounts the document printed on this row (for a leaf, its values).
    pub printed: Printed,
    /// Amounts computed from the leaves below (for a leaf, its values).
    pub amounts: Amounts,
    pub children: Vec<usize>,
    /// The row in the file, or None for a group Papan added from the code table.
    pub line: Option<usize>,
    /// Some row below could not be read, so the amounts are incomplete.
    pub unreadable: bool,
}

/// Amounts as printed in the document; None where the row states none.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Printed {
    pub anggaran: Option<Decimal>,
    pub realisasi: Option<Decimal>,
}

/// The rows of one section, arranged by code.
#[derive(Debug, Clone, Default)]
pub struct Tree {
    pub nodes: Vec<Node>,
    pub roots: Vec<usize>,
    /// Printed totals that differ from their rows, kept when the file says `selisih: dokumen`.
    pub selisih: Vec<Selisih>,
}

/// A group whose printed amount differs from the sum of its rows, in the official document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Selisih {
    pub node: usize,
    /// `anggaran` or `realisasi`.
    pub field: &'static str,
    pub printed: Decimal,
    pub computed: Decimal,
}

impl Tree {
    /// The sum of the top-level rows.
    pub fn total(&self, with_realisasi: bool) -> Amounts {
        self.roots
            .iter()
            .map(|&i| self.nodes[i].amounts)
            .fold(Amounts::zero(with_realisasi), |a, b| a + b)
    }

    /// Every node, parents before children, in table order, with its depth in the tree.
    pub fn walk(&self) -> Vec<(usize, usize)> {
        self.roots.iter().flat_map(|&r| self.walk_from(r)).collect()
    }

    /// `root` and every node below it, parents first, with depths counted from `root`.
    pub fn walk_from(&self, root: usize) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut stack = vec![(root, 0)];
        while let Some((i, depth)) = stack.pop() {
            out.push((i, depth));
            stack.extend(self.nodes[i].children.iter().rev().map(|&c| (c, depth + 1)));
        }
        out
    }

    /// Leaves and rincian: the rows whose amounts are not sums.
    pub fn leaves(&self) -> impl Iterator<Item = &Node> {
        self.nodes.iter().filter(|n| n.kind != NodeKind::Group)
    }
}

/// A budget year, checked and ready to publish.
#[derive(Debug, Clone)]
pub struct Budget {
    pub tahun: i32,
    pub kodefikasi: Kodefikasi,
    pub tahap: Tahap,
    pub per_tanggal: Option<Date>,
    pub dasar_hukum: Option<String>,
    pub keterangan: Option<String>,
    pub source: std::path::PathBuf,
    pub pendapatan: Tree,
    pub belanja: Tree,
    pub penerimaan: Tree,
    pub pengeluaran: Tree,
    /// Kegiatan code → its row in `belanja`, in code order ([`kegiatan::index`]).
    pub kegiatan: BTreeMap<Code, usize>,
}

impl Budget {
    /// Every amount empty or zero: the template `papan new` writes, not filled in yet.
    pub fn is_blank(&self) -> bool {
        Section::ALL.into_iter().all(|s| {
            self.tree(s).leaves().all(|n| {
                n.amounts.anggaran.is_zero() && n.amounts.realisasi.is_none_or(|r| r.is_zero())
            })
        })
    }

    pub fn tree(&self, section: Section) -> &Tree {
        match section {
            Section::Pendapatan => &self.pendapatan,
            Section::Belanja => &self.belanja,
            Section::Penerimaan => &self.penerimaan,
            Section::Pengeluaran => &self.pengeluaran,
        }
    }
}

/// Reads, arranges and verifies one budget file. Problems go to `diags`; the budget is
/// returned even when some rows are wrong, so `check` can report everything.
pub fn load(source: SourceFile, today: Date, diags: &mut Diagnostics) -> Option<Budget> {
    let input = file::read(source, today, diags)?;
    let mut budget = tree::build(&input, diags);
    for (section, found) in verify::check(&input, &budget, diags) {
        let tree = match section {
            Section::Pendapatan => &mut budget.pendapatan,
            Section::Belanja => &mut budget.belanja,
            Section::Penerimaan => &mut budget.penerimaan,
            Section::Pengeluaran => &mut budget.pengeluaran,
        };
        tree.selisih.push(found);
    }
    if budget.is_blank() {
        diags.push(
            Diagnostic::warning(
                &budget.source,
                format!("APBDes {} belum diisi: semua jumlahnya kosong atau nol", budget.tahun),
            )
            .hint("salin angka `anggaran:` tiap baris dari dokumen APBDes; sampai terisi, tahun ini tidak ditampilkan di beranda"),
        );
    }
    Some(budget)
}

/// "Today" for budgets read in tests.
#[cfg(test)]
pub const TEST_TODAY: Date = jiff::civil::date(2026, 12, 1);

/// A budget read from YAML text as `content/anggaran/2025.yaml`, for tests: the budget and
/// every problem found.
#[cfg(test)]
pub fn from_text(text: &str) -> (Budget, Diagnostics) {
    let mut diags = Diagnostics::new();
    let budget = load(
        SourceFile::new("content/anggaran/2025.yaml", text),
        TEST_TODAY,
        &mut diags,
    )
    .expect("the test budget is valid YAML");
    (budget, diags)
}

/// As [`from_text`], for a budget that must have no errors.
#[cfg(test)]
pub fn valid(text: &str) -> Budget {
    let (budget, diags) = from_text(text);
    assert!(!diags.has_errors(), "{}", diags.report());
    budget
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_untouched_template_is_blank_and_said_so_once() {
        let (budget, diags) = from_text(&crate::scaffold::anggaran::text(2025));
        assert!(budget.is_blank());
        let said: Vec<String> = diags.iter().map(|d| d.message.clone()).collect();
        assert_eq!(
            said,
            ["APBDes 2025 belum diisi: semua jumlahnya kosong atau nol"]
        );
        // One figure anywhere, even a realisasi, and the year is filled in.
        for row in [
            "pendapatan:\n  - { kode: \"4.1.1\", anggaran: 5000 }\n",
            "tahap: realisasi\nper_tanggal: 2025-12-31\nbelanja:\n  - { kode: \"01\", anggaran: 0, realisasi: 10 }\n",
        ] {
            let (budget, diags) = from_text(&format!("tahun: 2025\n{row}"));
            assert!(!budget.is_blank(), "{row}");
            assert!(!diags.report().contains("belum diisi"), "{row}");
        }
    }
}
