//! The budget year page's view: headline figures, charts, tables, the kegiatan lists and
//! downloads; and one year's row on the list of years.
//!
//! In: a computed [`Year`]. Out: typed views for the templates and the year's files (chart
//! SVGs, CSV and JSON). Every figure shown comes from the summary or the tree; nothing is
//! added up here or in a template.

use super::charts::{self, ChartView};
use super::flow::{self, FlowView};
use super::kegiatan::{self, KegiatanLinks, KegiatanLists};
use super::table::{self, TableView};
use crate::budget::summary::Summary;
use crate::budget::{Amounts, Budget, Section};
use crate::code::Code;
use crate::compute::Year;
use crate::date::long_date;
use crate::money::{format_percent, number, rupiah, rupiah_short};
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
    /// The year in one sentence or two: pendapatan, belanja, realisasi, as of when.
    pub headline: String,
    /// Where the belanja money comes from and goes.
    pub alir: Option<FlowView>,
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
    desa: (&str, Option<u64>),
    reports: BTreeMap<Code, Vec<LinkView>>,
) -> (YearView, Vec<OutputFile>) {
    let (nama, jumlah_penduduk) = desa;
    let (budget, summary) = (year.budget, &year.summary);
    let links = KegiatanLinks::new(budget, reports);
    let (charts, mut files) = charts::year(year);
    let tahun = budget.tahun;
    let alir = year.flow.as_ref().map(|f| {
        let (view, svg) = flow::flow(f, tahun, paths::FLOW_SVG.to_owned());
        files.push(OutputFile::new(
            paths::budget_file(tahun, paths::FLOW_SVG),
            svg.text.into_bytes(),
        ));
        view
    });
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
        headline: headline(nama, budget, summary),
        alir,
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

/// "Tahun 2025, Desa X merencanakan pendapatan Rp 1,22 miliar dan belanja …", then how
/// much of the belanja was realised and by when, or that these are plans.
pub fn headline(nama: &str, budget: &Budget, summary: &Summary) -> String {
    let t = &summary.totals;
    let mut text = format!(
        "Tahun {}, {nama} merencanakan pendapatan {} dan belanja {}.",
        budget.tahun,
        rupiah_short(t.pendapatan.anggaran),
        rupiah_short(t.belanja.anggaran)
    );
    match t.belanja.realisasi.filter(|_| budget.tahap.has_realisasi()) {
        Some(r) => {
            let per = budget.per_tanggal.map_or_else(
                || "Menurut laporan realisasi".to_owned(),
                |d| format!("Sampai {}", long_date(d)),
            );
            text.push_str(&format!(
                " {per}, belanja yang sudah terlaksana {} ({} dari anggaran belanja).",
                rupiah_short(r),
                format_percent(t.belanja.percent())
            ));
        }
        None => text.push_str(" Angka ini rencana; realisasinya belum dilaporkan."),
    }
    text
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
    .enumerate()
    .map(|(n, (id, judul, sections, total_label, total))| {
        let mut t = table::table(year.budget, id, judul, sections, total_label, total, links);
        t.open_first = n == 0;
        t
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::budget::summary::summarize;

    fn headline_of(text: &str) -> String {
        let b = crate::budget::valid(text);
        headline("Desa Contoh", &b, &summarize(&b, None))
    }

    #[test]
    fn the_headline_says_the_plan_and_how_much_was_spent_by_when() {
        // Belanja 300 + 170 = 470 million, realised 290 + 148,5 = 438,5 million:
        // 438,5 / 470 = 93,2978…%, shown as 93,30%.
        let text = headline_of(
            "tahun: 2025\ntahap: realisasi\nper_tanggal: 2025-12-31\npendapatan:\n  - { kode: \"4.2.1\", anggaran: 865000000, realisasi: 862500000 }\nbelanja:\n  - { kode: \"01.01.01\", jenis: \"5.1.1\", anggaran: 300000000, realisasi: 290000000 }\n  - { kode: \"02.03.01\", uraian: Jalan, jenis: \"5.3.5\", anggaran: 170000000, realisasi: 148500000 }\n",
        );
        assert_eq!(
            text,
            "Tahun 2025, Desa Contoh merencanakan pendapatan Rp 865 juta dan belanja Rp 470 juta. Sampai 31 Desember 2025, belanja yang sudah terlaksana Rp 438,5 juta (93,30% dari anggaran belanja)."
        );
        let plan = headline_of(
            "tahun: 2026\npendapatan:\n  - { kode: \"4.2.1\", anggaran: 1000000000 }\nbelanja:\n  - { kode: \"01.01.01\", jenis: \"5.1.1\", anggaran: 999995000 }\n",
        );
        assert_eq!(
            plan,
            "Tahun 2026, Desa Contoh merencanakan pendapatan Rp 1 miliar dan belanja Rp 1 miliar. Angka ini rencana; realisasinya belum dilaporkan."
        );
    }
}
