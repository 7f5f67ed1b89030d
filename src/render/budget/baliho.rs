//! The budget year page's notice board: what it says, its three files, its links and its
//! share preview.
//!
//! In: the [`Renderer`], the year's page and its computed [`Year`]. Out: the [`Board`] (every
//! figure from the summary and the tree, formatted as the year page formats it; the largest
//! kegiatan only sorted; the kegiatan without realisasi the year page's own list); `anggaran/TAHUN/
//! baliho.svg` added at once; its PNG and PDF queued with the images (made after every
//! page by the images stage, or taken from the cache); the headline of the board as the
//! page's share preview; and the [`BalihoLinks`] the year template shows, with a "Bagikan
//! ke WhatsApp" link. Nothing here reads a file: the logo was read by the load stage.

use super::kegiatan;
use crate::baliho::layout;
use crate::baliho::view::{Board, Row, TOP_KEGIATAN, Unspent};
use crate::budget::shown::AmountsView;
use crate::budget::summary::Slice;
use crate::budget::{Amounts, Budget, NodeKind};
use crate::compute::{Model, Year};
use crate::date::long_date;
use crate::images::board::Job;
use crate::logo::Logo;
use crate::money::rupiah;
use crate::output::OutputFile;
use crate::paths;
use crate::render::renderer::Renderer;
use crate::render::view::PageView;
use rust_decimal::prelude::ToPrimitive;
use serde::Serialize;

/// What the year page links to, relative to the page.
#[derive(Debug, Clone, Serialize)]
pub struct BalihoLinks {
    pub pdf: String,
    pub png: String,
    pub svg: String,
    /// `https://wa.me/?text=…`: the headline figures and, with base_url, the page address.
    pub whatsapp: String,
}

/// The board of one year; sets the page's share preview.
pub fn year(r: &mut Renderer, model: &Model, page: &mut PageView, year: &Year) -> BalihoLinks {
    let tahun = year.budget.tahun;
    let village = Village {
        nama_lengkap: &r.site.nama_lengkap,
        wilayah: &r.site.wilayah,
        alamat_pengaduan: r.site.alamat_pengaduan.as_deref(),
        alamat_halaman: page.canonical.as_deref(),
        contoh: r.site.contoh,
    };
    let board = board(year, village, model.site.logo.clone());
    let svg = layout::svg(&board);
    let title = format!("APBDes {tahun} {}", r.site.nama_lengkap);
    r.file(OutputFile::new(
        paths::budget_file(tahun, paths::BALIHO_SVG),
        svg.clone(),
    ));
    r.baliho(Job::new(paths::budget_dir(tahun), title.clone(), svg));
    let t = &year.summary.totals;
    let alt = format!(
        "{title}: pendapatan {}, belanja {}",
        rupiah(t.pendapatan.anggaran),
        rupiah(t.belanja.anggaran)
    );
    r.share_card(
        page,
        &format!("apbdes-{tahun}"),
        layout::headline(&board),
        alt.clone(),
    );
    let text = match &page.canonical {
        Some(address) => format!("{alt}. Rincian dan baliho: {address}"),
        None => format!("{alt}."),
    };
    BalihoLinks {
        pdf: paths::BALIHO_PDF.to_owned(),
        png: paths::BALIHO_PNG.to_owned(),
        svg: paths::BALIHO_SVG.to_owned(),
        // No number: WhatsApp asks whom to send it to.
        whatsapp: crate::product::whatsapp::order_link("", &text),
    }
}

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

/// What the board of `year` says.
pub fn board(year: &Year, village: Village, logo: Option<Logo>) -> Board {
    let (budget, summary) = (year.budget, &year.summary);
    let t = &summary.totals;
    // The year page's own list and heading, without the links it shows beside them.
    let unspent = year.tanpa_realisasi.as_ref().map(|codes| Unspent {
        judul: kegiatan::zero_list(budget, Vec::new()).judul,
        items: codes
            .iter()
            .map(|&code| {
                let node = &budget.belanja.nodes[budget.kegiatan[code]];
                Row {
                    nama: node.uraian.clone(),
                    amounts: AmountsView::new(&node.amounts),
                    ratio: None,
                }
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
