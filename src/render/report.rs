//! Views of reports for the templates: cards on listings, the report page, the box that
//! shows a report's budget line.
//!
//! In: checked reports and budgets. Out: typed, fully formatted views (dates in words,
//! Rupiah, percentages, links relative to the page that shows them). Photos are queued
//! through the [`Renderer`] so their copies are made once.

use super::Renderer;
use super::budget::AmountsView;
use super::view::{PageView, PhotoView, SIZES_THUMB};
use crate::budget::{Budget, NodeKind};
use crate::code::Code;
use crate::date::long_date;
use crate::report::{Report, Status, kegiatan};
use rust_decimal::Decimal;
use serde::Serialize;
use std::collections::BTreeMap;

/// How long the text preview of a report is, in characters.
const EXCERPT_CHARS: usize = 180;

#[derive(Debug, Clone, Serialize)]
pub struct LinkView {
    pub label: String,
    pub href: String,
}

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

/// The kegiatan rows of every budget year, looked up once per build.
pub struct KegiatanIndex<'a> {
    years: BTreeMap<i32, (&'a Budget, BTreeMap<Code, usize>)>,
}

impl<'a> KegiatanIndex<'a> {
    pub fn new(budgets: &'a [Budget]) -> Self {
        KegiatanIndex {
            years: budgets
                .iter()
                .map(|b| (b.tahun, (b, kegiatan::index(b))))
                .collect(),
        }
    }

    /// The budget and the row of a kegiatan, when that year has it.
    pub fn get(&self, tahun: i32, kode: &Code) -> Option<(&'a Budget, usize)> {
        let (budget, index) = self.years.get(&tahun)?;
        index.get(kode).map(|&i| (*budget, i))
    }

    /// A bidang's name from the newest budget that has it.
    pub fn bidang_name(&self, bidang: &str) -> String {
        self.years
            .values()
            .rev()
            .find_map(|(b, _)| kegiatan::bidang_name(b, bidang))
            .unwrap_or_else(|| format!("Bidang {bidang}"))
    }
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

/// Reports by (tahun anggaran, kegiatan code), newest first.
pub type ByKegiatan<'a> = BTreeMap<(i32, Code), Vec<&'a Report>>;

/// [`ByKegiatan`] of a site, built once per build (in [`super::Computed`]).
pub fn by_kegiatan(reports: &[Report]) -> ByKegiatan<'_> {
    let mut out = ByKegiatan::new();
    for report in reports {
        let Some(tahun) = report.tahun_anggaran else {
            continue;
        };
        for kode in &report.kegiatan {
            out.entry((tahun, kode.clone())).or_default().push(report);
        }
    }
    out
}

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
            href: page.link(&super::daftar::first_page(&super::daftar::kegiatan_base(
                tahun, kode,
            ))),
        });
    }
    out
}

pub fn kegiatan_boxes(
    page: &PageView,
    report: &Report,
    by_kegiatan: &ByKegiatan,
    index: &KegiatanIndex,
) -> Vec<KegiatanBox> {
    let Some(tahun) = report.tahun_anggaran else {
        return Vec::new();
    };
    report
        .kegiatan
        .iter()
        .filter_map(|kode| {
            let (budget, i) = index.get(tahun, kode)?;
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
                href: page.link(&format!(
                    "anggaran/{tahun}/index.html#{}",
                    kegiatan::anchor(kode)
                )),
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
                    let others = by_kegiatan
                        .get(&(tahun, kode.clone()))
                        .map_or(&[][..], Vec::as_slice);
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
    by_kegiatan: &ByKegiatan,
    tahun: i32,
) -> BTreeMap<Code, Vec<LinkView>> {
    by_kegiatan
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
