//! What the notice board shows: every figure already formatted exactly as the budget
//! year page formats it ([`AmountsView`]), in the order the board shows them. Made by
//! `render::budget::baliho` from the computed year; drawn by [`super::layout`].

use crate::budget::shown::AmountsView;
use crate::logo::Logo;

/// How many of the largest kegiatan the board lists, at most.
pub const TOP_KEGIATAN: usize = 8;

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
