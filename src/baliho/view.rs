//! What the notice board shows, taken from the computed model.
//!
//! In: a computed budget [`Year`] (its verified budget and summary) and the village
//! ([`Village`]). Out: a
//! [`Board`]: every figure already formatted exactly as the budget year page formats it
//! ([`AmountsView`]), in the order the board shows them. Nothing is added up here: totals,
//! breakdowns and percentages all come from the summary and the tree; the largest kegiatan
//! are only sorted, and the kegiatan without realisasi are the year page's own list.

use super::logo::Logo;
use crate::budget::summary::Slice;
use crate::budget::{Amounts, Budget, NodeKind};
use crate::compute::Year;
use crate::date::long_date;
use crate::render::budget::kegiatan::{self, KegiatanLinks};
use crate::render::view::AmountsView;
use rust_decimal::prelude::ToPrimitive;
use std::collections::BTreeMap;

/// How many of the largest kegiatan the board lists, at most.
pub const TOP_KEGIATAN: usize = 8;

/// The village as the board names it.
#[derive(Debug, Clone, Copy)]
pub struct Village<'a> {
    /// `Desa Sukamaju`.
    pub nama_lengkap: &'a str,
    /// `Kecamatan …, Kabupaten …, Jawa Tengah`.
    pub wilayah: &'a str,
    pub alamat_pengaduan: Option<&'a str>,
    /// The address of the year page, only when desa.yaml gives base_url: it becomes the QR
    /// code.
    pub alamat_halaman: Option<&'a str>,
    /// The site shows invented example data.
    pub contoh: bool,
}

/// One line of a table on the board.
#[derive(Debug, Clone)]
pub struct Row {
    pub nama: String,
    pub amounts: AmountsView,
    /// Realisasi ÷ anggaran as a fraction, only to draw a bar; the text is `amounts.persen`.
    pub ratio: Option<f32>,
}

/// The kegiatan with no realisasi (pasal 72): the year page's heading and its items.
#[derive(Debug, Clone)]
pub struct Unspent {
    pub judul: String,
    pub items: Vec<Row>,
}

#[derive(Debug, Clone)]
pub struct Board {
    pub desa: String,
    pub wilayah: String,
    pub tahun: i32,
    /// `laporan realisasi akhir tahun`.
    pub tahap: String,
    /// `31 Desember 2025`.
    pub per_tanggal: Option<String>,
    pub dasar_hukum: Option<String>,
    pub has_realisasi: bool,
    pub pendapatan: Row,
    pub belanja: Row,
    /// Pendapatan by source (jenis).
    pub sumber: Vec<Row>,
    pub bidang: Vec<Row>,
    /// Penerimaan, pengeluaran, pembiayaan netto, surplus/(defisit), SiLPA.
    pub pembiayaan: Vec<Row>,
    /// The largest kegiatan by anggaran, at most [`TOP_KEGIATAN`].
    pub kegiatan: Vec<Row>,
    /// How many kegiatan the year has.
    pub jumlah_kegiatan: usize,
    /// Only when the document reports realisasi.
    pub unspent: Option<Unspent>,
    pub pengaduan: Option<String>,
    pub alamat_halaman: Option<String>,
    pub contoh: bool,
    pub logo: Option<Logo>,
}

fn ratio(a: &Amounts) -> Option<f32> {
    a.percent().and_then(|p| p.to_f32()).map(|p| p / 100.0)
}

fn row(nama: &str, a: &Amounts) -> Row {
    Row {
        nama: nama.to_owned(),
        amounts: AmountsView::new(a),
        ratio: ratio(a),
    }
}

/// A figure whose percentage would mean nothing (a surplus, a balance), as the year page
/// shows it: no percentage.
fn balance(nama: &str, a: &Amounts) -> Row {
    let mut r = row(nama, a);
    r.amounts.persen = None;
    r.amounts.lebih = false;
    r.ratio = None;
    r
}

fn slices(s: &[Slice]) -> Vec<Row> {
    s.iter().map(|s| row(&s.nama, &s.amounts)).collect()
}

pub fn build(year: &Year, village: Village, logo: Option<Logo>) -> Board {
    let (budget, summary) = (year.budget, &year.summary);
    let t = &summary.totals;
    let links = KegiatanLinks::new(budget, BTreeMap::new());
    let unspent = kegiatan::lists(year, &links)
        .tanpa_realisasi
        .map(|list| Unspent {
            judul: list.judul,
            items: list
                .items
                .into_iter()
                .map(|i| Row {
                    nama: i.uraian,
                    amounts: i.amounts,
                    ratio: None,
                })
                .collect(),
        });
    let (kegiatan, jumlah_kegiatan) = largest_kegiatan(budget);
    Board {
        desa: village.nama_lengkap.to_owned(),
        wilayah: village.wilayah.to_owned(),
        tahun: budget.tahun,
        tahap: budget.tahap.describe().to_owned(),
        per_tanggal: budget.per_tanggal.map(long_date),
        dasar_hukum: budget.dasar_hukum.clone(),
        has_realisasi: budget.tahap.has_realisasi(),
        pendapatan: row("Pendapatan", &t.pendapatan),
        belanja: row("Belanja", &t.belanja),
        sumber: slices(&summary.pendapatan_jenis),
        bidang: slices(&summary.belanja_bidang),
        pembiayaan: vec![
            row("Penerimaan pembiayaan", &t.penerimaan),
            row("Pengeluaran pembiayaan", &t.pengeluaran),
            balance("Pembiayaan netto", &t.netto),
            balance("Surplus/(Defisit)", &t.surplus),
            balance("SiLPA tahun berjalan", &t.silpa),
        ],
        kegiatan,
        jumlah_kegiatan,
        unspent,
        pengaduan: village.alamat_pengaduan.map(str::to_owned),
        alamat_halaman: village.alamat_halaman.map(str::to_owned),
        contoh: village.contoh,
        logo,
    }
}

/// The kegiatan with the largest anggaran (ties in code order), and how many there are.
fn largest_kegiatan(budget: &Budget) -> (Vec<Row>, usize) {
    let mut nodes: Vec<_> = budget
        .kegiatan
        .values()
        .map(|&i| &budget.belanja.nodes[i])
        .filter(|n| n.kind != NodeKind::Rincian)
        .collect();
    let count = nodes.len();
    // Stable: equal anggaran keep the code order of the index.
    nodes.sort_by_key(|n| std::cmp::Reverse(n.amounts.anggaran));
    let rows = nodes
        .into_iter()
        .take(TOP_KEGIATAN)
        .map(|n| row(&n.uraian, &n.amounts))
        .collect();
    (rows, count)
}
