//! Report pages: one page per report (`laporan/SLUG/`) with its status, progress, facts,
//! body, photos and a box per linked kegiatan; then the listings ([`listing`]).
//!
//! In: the checked reports and the computed budgets. Out: pages added to the
//! [`Renderer`]. Views shared with other pages (cards, budget boxes) are in [`view`].

pub mod listing;
pub mod view;

use super::view::{LinkView, PhotoView};
use crate::compute::Model;
use crate::date::long_date;
use crate::paths;
use crate::render::renderer::Renderer;
use crate::report::Report;
use rayon::prelude::*;
use serde::Serialize;
use view::{KegiatanBox, StatusView};

#[derive(Serialize)]
struct FotoView {
    #[serde(flatten)]
    photo: PhotoView,
    keterangan: Option<String>,
}

#[derive(Serialize)]
struct ReportView {
    judul: String,
    tanggal: String,
    tanggal_iso: String,
    status: StatusView,
    status_href: String,
    lokasi: Option<String>,
    penerima_manfaat: Option<String>,
    tahun: i16,
    tahun_href: String,
    bidang: Vec<LinkView>,
    /// The budget year the report belongs to, when that year has a budget page.
    apbdes: Option<LinkView>,
    kegiatan: Vec<KegiatanBox>,
    isi: String,
    foto: Vec<FotoView>,
    daftar_href: String,
}

#[derive(Serialize)]
struct ReportExtra {
    laporan: ReportView,
}

pub fn render(r: &mut Renderer, model: &Model) {
    let site = model.site;
    if site.reports.is_empty() {
        return;
    }
    // The Markdown of a report without photos in its text needs nothing from the renderer:
    // it is turned into HTML on every core, a batch at a time so few wait in memory.
    for batch in site.reports.chunks(super::renderer::BATCH) {
        let bodies: Vec<Option<String>> = batch
            .par_iter()
            .map(|report| {
                report
                    .body_photos
                    .is_empty()
                    .then(|| crate::markdown::to_html(&report.body, &mut |_| None))
            })
            .collect();
        for (report, isi) in batch.iter().zip(bodies) {
            report_page(r, model, report, isi);
        }
    }
    listing::render(r, model);
}

/// The report's place in the site, shared as an article with its first photo.
fn page_view(r: &mut Renderer, report: &Report) -> super::view::PageView {
    let description = match crate::markdown::shorten(&report.ringkasan, 160) {
        e if e.is_empty() => format!("{}, {}.", report.judul, long_date(report.tanggal)),
        e => e,
    };
    let mut page = r.page_view(&report.path(), report.judul.clone(), description);
    page.og_type = "article";
    if let Some(first) = report.foto.first() {
        let alt = view::alt(report, first.keterangan.as_deref());
        r.share_photo(&mut page, &first.path, &alt);
    }
    page
}

fn report_page(r: &mut Renderer, model: &Model, report: &Report, isi: Option<String>) {
    let page = page_view(r, report);
    let isi = isi.unwrap_or_else(|| {
        crate::markdown::to_html(&report.body, &mut |src| {
            report
                .body_photos
                .get(src)
                .map(|p| r.photo(&page, p, "").body_image())
        })
    });
    let foto = report
        .foto
        .iter()
        .map(|f| FotoView {
            photo: r.photo(&page, &f.path, &view::alt(report, f.keterangan.as_deref())),
            keterangan: f.keterangan.clone(),
        })
        .collect();
    let year = report.tanggal.year();
    let laporan = ReportView {
        judul: report.judul.clone(),
        tanggal: long_date(report.tanggal),
        tanggal_iso: report.tanggal.to_string(),
        status: view::status_view(report),
        status_href: page.link(&paths::listing_page(
            &paths::reports_by_status(report.status.name()),
            1,
        )),
        lokasi: report.lokasi.clone(),
        penerima_manfaat: report.penerima_manfaat.map(view::orang),
        tahun: year,
        tahun_href: page.link(&paths::listing_page(&paths::reports_by_year(year), 1)),
        bidang: report
            .bidang()
            .into_iter()
            .map(|b| LinkView {
                href: page.link(&paths::listing_page(&paths::reports_by_bidang(&b), 1)),
                label: model.bidang_name(&b),
            })
            .collect(),
        apbdes: report
            .tahun_anggaran
            .filter(|&y| model.year(y).is_some())
            .map(|y| LinkView {
                label: format!("APBDes {y}"),
                href: page.link(&paths::budget_year(y)),
            }),
        kegiatan: view::kegiatan_boxes(&page, report, model),
        isi,
        foto,
        daftar_href: page.link(paths::REPORTS),
    };
    r.page("laporan/laporan.html", &page, ReportExtra { laporan });
}
