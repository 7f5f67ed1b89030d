//! The budget year page's view: headline figures, charts, tables, the kegiatan lists and
//! downloads; and one year's row on the list of years.
//!
//! In: a computed [`Year`]. Out: typed views for the templates and the year's files (chart
//! SVGs, CSV and JSON). Every figure shown comes from the summary or the tree; nothing is
//! added up here or in a template.

use super::charts::{self, ChartView};
use super::kegiatan::{self, KegiatanLinks, KegiatanLists};
use super::table::{self, TableView};
use crate::budget::summary::Summary;
use crate::budget::{Amounts, Section};
use crate::code::Code;
use crate::compute::Year;
use crate::date::long_date;
use crate::money::{number, rupiah};
use crate::output::OutputFile;
use crate::paths;
use crate::render::view::{AmountsView, LinkView};
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Serialize)]
pub struct FigureView {
    pub label: String,
    #[serde(flatten)]
    pub amounts: AmountsView,
    pub catatan: Option<String>,
}

fn figure(label: &str, amounts: &Amounts, catatan: Option<String>) -> FigureView {
    FigureView {
        label: label.to_owned(),
        amounts: AmountsView::new(amounts),
        catatan,
    }
}

/// A figure whose percentage would mean nothing (a surplus, a balance): none is shown.
fn balance(label: &str, amounts: &Amounts, catatan: Option<String>) -> FigureView {
    let mut f = figure(label, amounts, catatan);
    f.amounts.persen = None;
    f.amounts.lebih = false;
    f
}

#[derive(Debug, Clone, Serialize)]
pub struct YearView {
    pub tahun: i32,
    pub tahap: &'static str,
    pub tahap_kode: &'static str,
    pub per_tanggal: Option<String>,
    pub dasar_hukum: Option<String>,
    pub kodefikasi: &'static str,
    pub keterangan: Option<String>,
    pub has_realisasi: bool,
    pub ringkasan: Vec<FigureView>,
    pub per_penduduk: Option<FigureView>,
    pub charts: Vec<ChartView>,
    pub tables: Vec<TableView>,
    /// Kegiatan without reports, and without realisasi.
    pub kegiatan: KegiatanLists,
    pub csv: String,
    pub json: String,
}

/// Headline figures, with a plain-language note on a defisit.
pub fn ringkasan(summary: &Summary) -> Vec<FigureView> {
    let t = &summary.totals;
    let surplus_note = t.defisit().map(|d| {
        format!(
            "Belanja direncanakan {} lebih besar daripada pendapatan (defisit); kekurangannya ditutup dari pembiayaan.",
            rupiah(d)
        )
    });
    vec![
        figure("Pendapatan", &t.pendapatan, None),
        figure("Belanja", &t.belanja, None),
        balance("Surplus/(Defisit)", &t.surplus, surplus_note),
        balance("Pembiayaan Netto", &t.netto, None),
        balance("SiLPA Tahun Berjalan", &t.silpa, None),
    ]
}

/// The year page's view and every file that belongs to it. `reports` are the links to
/// the reports on each kegiatan of this year.
pub fn year(
    year: &Year,
    jumlah_penduduk: Option<u64>,
    reports: BTreeMap<Code, Vec<LinkView>>,
) -> (YearView, Vec<OutputFile>) {
    let (budget, summary) = (year.budget, &year.summary);
    let links = KegiatanLinks::new(budget, reports);
    let (charts, mut files) = charts::year(year);
    let tahun = budget.tahun;
    files.push(OutputFile::new(
        paths::budget_file(tahun, &paths::budget_csv(tahun)),
        crate::render::download::csv(budget),
    ));
    files.push(OutputFile::new(
        paths::budget_file(tahun, &paths::budget_json(tahun)),
        crate::render::download::json(budget, summary),
    ));
    let view = YearView {
        tahun,
        tahap: budget.tahap.describe(),
        tahap_kode: budget.tahap.name(),
        per_tanggal: budget.per_tanggal.map(long_date),
        dasar_hukum: budget.dasar_hukum.clone(),
        kodefikasi: budget.kodefikasi.title(),
        keterangan: budget.keterangan.clone(),
        has_realisasi: budget.tahap.has_realisasi(),
        ringkasan: ringkasan(summary),
        per_penduduk: per_penduduk(summary, jumlah_penduduk),
        charts,
        tables: tables(year, &links),
        kegiatan: kegiatan::lists(year, &links),
        csv: paths::budget_csv(tahun),
        json: paths::budget_json(tahun),
    };
    (view, files)
}

fn per_penduduk(summary: &Summary, jumlah_penduduk: Option<u64>) -> Option<FigureView> {
    summary.belanja_per_penduduk.map(|a| {
        let n = jumlah_penduduk
            .map(|n| number(n.into()))
            .unwrap_or_default();
        figure(
            "Belanja per penduduk",
            &a,
            Some(format!("Jumlah belanja dibagi {n} penduduk.")),
        )
    })
}

/// Pendapatan, belanja and pembiayaan, each with its total.
fn tables(year: &Year, links: &KegiatanLinks) -> Vec<TableView> {
    let t = &year.summary.totals;
    [
        (
            "pendapatan",
            "Pendapatan",
            &[Section::Pendapatan][..],
            "Jumlah Pendapatan",
            &t.pendapatan,
        ),
        (
            "belanja",
            "Belanja",
            &[Section::Belanja],
            "Jumlah Belanja",
            &t.belanja,
        ),
        (
            "pembiayaan",
            "Pembiayaan",
            &[Section::Penerimaan, Section::Pengeluaran],
            "Pembiayaan Netto",
            &t.netto,
        ),
    ]
    .into_iter()
    .map(|(id, judul, sections, total_label, total)| {
        table::table(year.budget, id, judul, sections, total_label, total, links)
    })
    .collect()
}

/// One year on the list page.
#[derive(Debug, Clone, Serialize)]
pub struct YearRow {
    pub tahun: i32,
    pub tahap: &'static str,
    pub per_tanggal: Option<String>,
    pub href: String,
    pub pendapatan: AmountsView,
    pub belanja: AmountsView,
}

pub fn year_row(year: &Year, href: String) -> YearRow {
    let (budget, summary) = (year.budget, &year.summary);
    YearRow {
        tahun: budget.tahun,
        tahap: budget.tahap.describe(),
        per_tanggal: budget.per_tanggal.map(long_date),
        href,
        pendapatan: AmountsView::new(&summary.totals.pendapatan),
        belanja: AmountsView::new(&summary.totals.belanja),
    }
}
