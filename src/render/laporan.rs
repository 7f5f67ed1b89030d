//! Report pages: one page per report (`laporan/SLUG/`) with its status, progress, facts,
//! body, photos and a box per linked kegiatan; then the listings ([`daftar`]).
//!
//! In: the checked reports and budgets. Out: pages added to the [`Renderer`].

use super::Renderer;
use super::daftar::{self, bidang_base, first_page, status_base, year_base};
use super::report::{self, KegiatanBox, KegiatanIndex, LinkView, StatusView};
use super::view::PhotoView;
use crate::date::long_date;
use crate::report::Report;
use crate::site::Site;
use rayon::prelude::*;
use serde::Serialize;

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

pub fn render(r: &mut Renderer, site: &Site, by_kegiatan: &report::ByKegiatan) {
    if site.reports.is_empty() {
        return;
    }
    let index = KegiatanIndex::new(&site.budgets);
    // The Markdown of a report without photos in its text needs nothing from the renderer:
    // it is turned into HTML on every core, a batch at a time so few wait in memory.
    for batch in site.reports.chunks(super::BATCH) {
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
            report_page(r, site, report, isi, &index, by_kegiatan);
        }
    }
    daftar::render(r, site, &index, by_kegiatan);
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
        let alt = report::alt(report, first.keterangan.as_deref());
        r.share_photo(&mut page, &first.path, &alt);
    }
    page
}

fn report_page(
    r: &mut Renderer,
    site: &Site,
    report: &Report,
    isi: Option<String>,
    index: &KegiatanIndex,
    by_kegiatan: &report::ByKegiatan,
) {
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
            photo: r.photo(
                &page,
                &f.path,
                &report::alt(report, f.keterangan.as_deref()),
            ),
            keterangan: f.keterangan.clone(),
        })
        .collect();
    let year = report.tanggal.year();
    let view = ReportView {
        judul: report.judul.clone(),
        tanggal: long_date(report.tanggal),
        tanggal_iso: report.tanggal.to_string(),
        status: report::status_view(report),
        status_href: page.link(&first_page(&status_base(report.status))),
        lokasi: report.lokasi.clone(),
        penerima_manfaat: report.penerima_manfaat.map(report::orang),
        tahun: year,
        tahun_href: page.link(&first_page(&year_base(year))),
        bidang: report
            .bidang()
            .into_iter()
            .map(|b| LinkView {
                href: page.link(&first_page(&bidang_base(&b))),
                label: index.bidang_name(&b),
            })
            .collect(),
        apbdes: report
            .tahun_anggaran
            .filter(|y| site.budgets.iter().any(|b| b.tahun == *y))
            .map(|y| LinkView {
                label: format!("APBDes {y}"),
                href: page.link(&format!("anggaran/{y}/index.html")),
            }),
        kegiatan: report::kegiatan_boxes(&page, report, by_kegiatan, index),
        isi,
        foto,
        daftar_href: page.link("laporan/index.html"),
    };
    r.page("laporan/laporan.html", &page, ReportExtra { laporan: view });
}
