//! Views of reports for the templates: cards on listings, the report page, the box that
//! shows a report's budget line.
//!
//! In: checked reports and budgets. Out: typed, fully formatted views (dates in words,
//! Rupiah, percentages, links relative to the page that shows them). Photos are queued
//! through the [`Renderer`] so their copies are made once.

use crate::budget::NodeKind;
use crate::code::Code;
use crate::compute::Model;
use crate::date::long_date;
use crate::paths;
use crate::render::renderer::Renderer;
use crate::render::view::{AmountsView, LinkView, PageView, PhotoView, SIZES_THUMB};
use crate::report::{Report, Status};
use rust_decimal::Decimal;
use serde::Serialize;
use std::collections::BTreeMap;

/// How long the text preview of a report is, in characters.
const EXCERPT_CHARS: usize = 180;

/// What every view of a report shows about where it stands.
#[derive(Debug, Clone, Serialize)]
pub struct StatusView {
    /// `rencana`, `berjalan`, `selesai`, `tertunda` (for a CSS class).
    pub kode: &'static str,
    /// `Direncanakan`, `Sedang berjalan`, …
    pub label: &'static str,
    pub progres: Option<u8>,
    /// `45%`.
    pub progres_teks: Option<String>,
}

pub fn status_view(report: &Report) -> StatusView {
    StatusView {
        kode: report.status.name(),
        label: report.status.label(),
        progres: report.progres,
        progres_teks: report.progres.map(|p| format!("{p}%")),
    }
}

/// A report on a listing page.
#[derive(Debug, Clone, Serialize)]
pub struct CardView {
    pub judul: String,
    pub href: String,
    pub tanggal: String,
    pub tanggal_iso: String,
    pub status: StatusView,
    pub lokasi: Option<String>,
    pub ringkasan: String,
    pub foto: Option<PhotoView>,
}

pub fn card(r: &mut Renderer, page: &PageView, report: &Report) -> CardView {
    let foto = report.foto.first().map(|f| {
        r.photo(page, &f.path, &alt(report, f.keterangan.as_deref()))
            .sizes(SIZES_THUMB)
    });
    CardView {
        judul: report.judul.clone(),
        href: page.link(&report.path()),
        tanggal: long_date(report.tanggal),
        tanggal_iso: report.tanggal.to_string(),
        status: status_view(report),
        lokasi: report.lokasi.clone(),
        ringkasan: crate::markdown::shorten(&report.ringkasan, EXCERPT_CHARS),
        foto,
    }
}

/// A photo's alt text: its caption, or the report's title when it has none.
pub fn alt(report: &Report, keterangan: Option<&str>) -> String {
    keterangan.map_or_else(|| report.judul.clone(), str::to_owned)
}

/// `1.250 orang`.
pub fn orang(n: u64) -> String {
    format!("{} orang", crate::money::number(Decimal::from(n)))
}

/// A kegiatan a report belongs to, with its figures and a link to its budget row.
#[derive(Debug, Clone, Serialize)]
pub struct KegiatanBox {
    pub kode: String,
    pub uraian: String,
    pub tahun: i32,
    #[serde(flatten)]
    pub amounts: AmountsView,
    /// Where the figures come from (`laporan realisasi semester pertama, per 30 Juni 2025`).
    pub sumber: String,
    pub href: String,
    /// The rows of a kegiatan written as several rincian (material, wages, …).
    pub rincian: Vec<RincianView>,
    /// Other reports on the same kegiatan.
    pub lainnya: Vec<LinkView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct RincianView {
    pub uraian: String,
    #[serde(flatten)]
    pub amounts: AmountsView,
}

/// How many report links a budget row or a kegiatan box shows before linking to the
/// kegiatan's own listing: a busy kegiatan must not make every page list every report.
pub const LINK_CAP: usize = 5;

/// At most [`LINK_CAP`] links, then one to the kegiatan's listing naming how many more.
fn capped(
    page: &PageView,
    tahun: i32,
    kode: &Code,
    links: impl Iterator<Item = LinkView>,
    total: usize,
) -> Vec<LinkView> {
    let mut out: Vec<LinkView> = links.take(LINK_CAP).collect();
    if total > out.len() {
        out.push(LinkView {
            label: format!("… dan {} laporan lain", total - out.len()),
            href: page.link(&paths::listing_page(
                &paths::reports_by_kegiatan(tahun, kode),
                1,
            )),
        });
    }
    out
}

pub fn kegiatan_boxes(page: &PageView, report: &Report, model: &Model) -> Vec<KegiatanBox> {
    let Some(tahun) = report.tahun_anggaran else {
        return Vec::new();
    };
    report
        .kegiatan
        .iter()
        .filter_map(|kode| {
            let (budget, i) = model.kegiatan(tahun, kode)?;
            let node = &budget.belanja.nodes[i];
            let sumber = match budget.per_tanggal {
                Some(d) => format!("{}, per {}", budget.tahap.describe(), long_date(d)),
                None => budget.tahap.describe().to_owned(),
            };
            Some(KegiatanBox {
                kode: kode.to_string(),
                uraian: node.uraian.clone(),
                tahun,
                amounts: AmountsView::new(&node.amounts),
                sumber,
                href: page.link(&paths::kegiatan_row(tahun, kode)),
                rincian: node
                    .children
                    .iter()
                    .map(|&c| &budget.belanja.nodes[c])
                    .filter(|n| n.kind == NodeKind::Rincian)
                    .map(|n| RincianView {
                        uraian: n.uraian.clone(),
                        amounts: AmountsView::new(&n.amounts),
                    })
                    .collect(),
                lainnya: {
                    let others = model.reports_of(tahun, kode);
                    let others: Vec<&&Report> =
                        others.iter().filter(|o| o.slug != report.slug).collect();
                    let links = others.iter().map(|o| LinkView {
                        label: o.judul.clone(),
                        href: page.link(&o.path()),
                    });
                    capped(page, tahun, kode, links, others.len())
                },
            })
        })
        .collect()
}

/// Reports of one budget year by kegiatan code, newest first, as links from `page`.
pub fn links_by_kegiatan(
    page: &PageView,
    model: &Model,
    tahun: i32,
) -> BTreeMap<Code, Vec<LinkView>> {
    model
        .by_kegiatan
        .iter()
        .filter(|((year, _), _)| *year == tahun)
        .map(|((_, kode), list)| {
            let links = list.iter().map(|report| LinkView {
                label: match report.status {
                    Status::Selesai => report.judul.clone(),
                    other => format!("{} ({})", report.judul, other.label().to_lowercase()),
                },
                href: page.link(&report.path()),
            });
            let links = capped(page, tahun, kode, links, list.len());
            (kode.clone(), links)
        })
        .collect()
}
