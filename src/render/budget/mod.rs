//! Budget pages: `/anggaran/` (every year and the multi-year chart) and
//! `/anggaran/TAHUN/` (headline figures, charts, the full table, downloads).
//!
//! In: the computed budget years. Out: pages and files added to the [`Renderer`]. The
//! year page's view is made in [`view`], its table in [`table`], its charts in [`charts`],
//! the links between kegiatan rows and reports in [`kegiatan`], its notice board (and
//! share preview) in [`baliho`].

pub mod baliho;
pub mod charts;
pub mod flow;
pub mod kegiatan;
pub mod table;
pub mod view;

use crate::compute::{Model, Year};
use crate::money::rupiah;
use crate::output::OutputFile;
use crate::paths;
use crate::render::renderer::Renderer;
use serde::Serialize;

#[derive(Serialize)]
struct ListExtra {
    tahun: Vec<view::YearRow>,
    tren: Option<charts::ChartView>,
}

#[derive(Serialize)]
struct YearExtra {
    anggaran: view::YearView,
    daftar_href: String,
    baliho: baliho::BalihoLinks,
}

pub fn render(r: &mut Renderer, model: &Model) {
    if model.years.is_empty() {
        return;
    }
    list(r, model);
    for year in &model.years {
        year_page(r, model, year);
    }
}

fn list(r: &mut Renderer, model: &Model) {
    let nama = r.site.nama_lengkap.clone();
    let list = r.page_view(
        paths::BUDGETS,
        "Anggaran Desa (APBDes)",
        format!("APBDes {nama} dari tahun ke tahun: pendapatan, belanja dan realisasinya."),
    );
    let tren = charts::trend(&model.years).map(|(view, svg)| {
        r.file(OutputFile::new(paths::BUDGET_TREND, svg.text));
        view
    });
    let tahun = model
        .years
        .iter()
        .rev()
        .map(|y| view::year_row(y, list.link(&paths::budget_year(y.budget.tahun))))
        .collect();
    r.page("anggaran/index.html", &list, ListExtra { tahun, tren });
}

fn year_page(r: &mut Renderer, model: &Model, year: &Year) {
    let tahun = year.budget.tahun;
    let t = &year.summary.totals;
    let mut page = r.page_view(
        &paths::budget_year(tahun),
        format!("APBDes {tahun}"),
        format!(
            "APBDes {} tahun {tahun}: pendapatan {}, belanja {}.",
            r.site.nama_lengkap,
            rupiah(t.pendapatan.anggaran),
            rupiah(t.belanja.anggaran)
        ),
    );
    // The board's headline is the page's share preview.
    let baliho = baliho::year(r, model, &mut page, year);
    let reports = super::report::view::links_by_kegiatan(&page, model, tahun);
    let desa = (
        r.site.nama_lengkap.as_str(),
        model.site.desa.jumlah_penduduk,
    );
    let (anggaran, files) = view::year(year, desa, reports);
    for f in files {
        r.file(f);
    }
    let daftar_href = page.link(paths::BUDGETS);
    r.page(
        "anggaran/tahun.html",
        &page,
        YearExtra {
            anggaran,
            daftar_href,
            baliho,
        },
    );
}
