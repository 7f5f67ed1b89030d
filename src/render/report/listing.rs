//! Report listings: every report (`laporan/`), per year (`laporan/tahun/2025/`), per bidang
//! (`laporan/bidang/02/`, the first segment of the linked kegiatan codes) and per status
//! (`laporan/status/selesai/`), newest first, ten to a page (`…/halaman/2/`); and per
//! kegiatan (`laporan/kegiatan/2025-02-03-10/`) when a kegiatan has more reports than the
//! budget page and report boxes list ([`view::LINK_CAP`]).
//!
//! In: the checked reports and the model (bidang names, reports by kegiatan). Out: the
//! listing pages; each links to the other listings.

use super::view::{self, CardView};
use crate::compute::Model;
use crate::paths;
use crate::render::renderer::Renderer;
use crate::render::view::PageView;
use crate::report::{Report, Status};
use serde::Serialize;
use std::collections::BTreeMap;

/// Reports per listing page.
pub const PER_PAGE: usize = 10;

/// Which reports a listing holds.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    All,
    Tahun,
    Bidang,
    Status,
    Kegiatan,
}

/// One listing before it is split into pages.
struct Listing<'a> {
    kind: Kind,
    /// The folder of its first page, from the site root (`laporan/tahun/2025/`).
    base: String,
    /// How the other listings link to it (`2025`, `Selesai`).
    label: String,
    judul: String,
    pengantar: String,
    reports: Vec<&'a Report>,
}

/// Links to the other listings, grouped (Tahun, Bidang, Status).
#[derive(Serialize)]
struct FilterGroup {
    judul: &'static str,
    items: Vec<FilterItem>,
}

#[derive(Serialize)]
struct FilterItem {
    label: String,
    href: String,
    jumlah: usize,
    current: bool,
}

#[derive(Serialize)]
struct PageLink {
    nomor: usize,
    href: String,
    current: bool,
    /// Pages are left out before this one ("…").
    celah: bool,
}

#[derive(Serialize)]
struct Pagination {
    sebelumnya: Option<String>,
    berikutnya: Option<String>,
    halaman: Vec<PageLink>,
}

#[derive(Serialize)]
struct ListExtra {
    judul: String,
    pengantar: String,
    laporan: Vec<CardView>,
    saring: Vec<FilterGroup>,
    halaman: Option<Pagination>,
    semua_href: Option<String>,
    feed_href: String,
}

/// Renders every listing.
pub fn render(r: &mut Renderer, model: &Model) {
    let listings = listings(model);
    for listing in &listings {
        render_listing(r, listing, &listings);
    }
}

/// Every listing: all reports, then per year (newest first), per bidang, per status.
fn listings<'a>(model: &Model<'a>) -> Vec<Listing<'a>> {
    let site = model.site;
    let all: Vec<&Report> = site.reports.iter().collect();
    let nama = &site.desa.nama;
    let mut years: BTreeMap<i16, Vec<&Report>> = BTreeMap::new();
    let mut bidang: BTreeMap<String, Vec<&Report>> = BTreeMap::new();
    let mut status: BTreeMap<Status, Vec<&Report>> = BTreeMap::new();
    for report in &all {
        years.entry(report.tanggal.year()).or_default().push(report);
        for b in report.bidang() {
            bidang.entry(b).or_default().push(report);
        }
        status.entry(report.status).or_default().push(report);
    }
    let mut out = vec![Listing {
        kind: Kind::All,
        base: paths::REPORTS_BASE.into(),
        label: "Semua".into(),
        judul: "Laporan Kegiatan".into(),
        pengantar: format!(
            "Apa yang dikerjakan Desa {nama} dengan anggaran desa, terbaru di atas. Laporan bertanda Direncanakan belum dilaksanakan."
        ),
        reports: all,
    }];
    out.extend(years.into_iter().rev().map(|(year, reports)| Listing {
        kind: Kind::Tahun,
        base: paths::reports_by_year(year),
        label: year.to_string(),
        judul: format!("Laporan Kegiatan Tahun {year}"),
        pengantar: format!("Laporan kegiatan Desa {nama} yang bertanggal tahun {year}."),
        reports,
    }));
    out.extend(bidang.into_iter().map(|(kode, reports)| {
        let name = model.bidang_name(&kode);
        Listing {
            kind: Kind::Bidang,
            base: paths::reports_by_bidang(&kode),
            judul: format!("Laporan Kegiatan {name}"),
            pengantar: format!("Laporan kegiatan yang dianggarkan di {name} (kode {kode})."),
            label: name,
            reports,
        }
    }));
    out.extend(status.into_iter().map(|(s, reports)| Listing {
        kind: Kind::Status,
        base: paths::reports_by_status(s.name()),
        label: s.label().into(),
        judul: format!("Laporan Kegiatan: {}", s.label()),
        pengantar: format!("Laporan kegiatan berstatus {}.", s.label().to_lowercase()),
        reports,
    }));
    out.extend(kegiatan_listings(model));
    out
}

/// A listing for each kegiatan with more reports than its budget row links.
fn kegiatan_listings<'a>(model: &Model<'a>) -> impl Iterator<Item = Listing<'a>> {
    model
        .by_kegiatan
        .iter()
        .filter(|(_, reports)| reports.len() > view::LINK_CAP)
        .map(|(&(tahun, ref kode), reports)| {
            let uraian = model
                .kegiatan(tahun, kode)
                .map(|(b, i)| b.belanja.nodes[i].uraian.clone())
                .unwrap_or_default();
            Listing {
                kind: Kind::Kegiatan,
                base: paths::reports_by_kegiatan(tahun, kode),
                label: kode.to_string(),
                judul: format!("Laporan Kegiatan {kode} {uraian} ({tahun})"),
                pengantar: format!(
                    "Semua laporan untuk kegiatan {kode} {uraian} dalam APBDes {tahun}."
                ),
                reports: reports.clone(),
            }
        })
}

/// The links to other listings, as seen from `page`, marking the listing it belongs to.
fn filters(page: &PageView, current: &str, listings: &[Listing]) -> Vec<FilterGroup> {
    [
        ("Tahun", Kind::Tahun),
        ("Bidang", Kind::Bidang),
        ("Status", Kind::Status),
    ]
    .into_iter()
    .map(|(judul, kind)| FilterGroup {
        judul,
        items: listings
            .iter()
            .filter(|l| l.kind == kind)
            .map(|l| FilterItem {
                label: l.label.clone(),
                href: page.link(&paths::listing_page(&l.base, 1)),
                jumlah: l.reports.len(),
                current: l.base == current,
            })
            .collect(),
    })
    .filter(|g| !g.items.is_empty())
    .collect()
}

/// The page numbers linked from page `n` of `pages`: the first, the last and two either
/// side of `n`, each marked when pages were left out before it. A listing of a thousand
/// pages must not link every page from every page.
fn page_window(n: usize, pages: usize) -> Vec<(usize, bool)> {
    let mut shown: Vec<usize> = [1, pages]
        .into_iter()
        .chain(n.saturating_sub(2).max(1)..=(n + 2).min(pages))
        .collect();
    shown.sort_unstable();
    shown.dedup();
    let mut previous = 0;
    shown
        .into_iter()
        .map(|k| {
            let gap = k > previous + 1;
            previous = k;
            (k, gap)
        })
        .collect()
}

/// Renders every page of one listing.
fn render_listing(r: &mut Renderer, listing: &Listing, all: &[Listing]) {
    let chunks: Vec<&[&Report]> = listing.reports.chunks(PER_PAGE).collect();
    let pages = chunks.len();
    for (i, chunk) in chunks.iter().enumerate() {
        let n = i + 1;
        let path = paths::listing_page(&listing.base, n);
        let title = if n == 1 {
            listing.judul.clone()
        } else {
            format!("{} (halaman {n})", listing.judul)
        };
        let page = r.page_view(&path, title.clone(), listing.pengantar.clone());
        let laporan = chunk.iter().map(|rep| view::card(r, &page, rep)).collect();
        let halaman = (pages > 1).then(|| Pagination {
            sebelumnya: (n > 1).then(|| page.link(&paths::listing_page(&listing.base, n - 1))),
            berikutnya: (n < pages).then(|| page.link(&paths::listing_page(&listing.base, n + 1))),
            halaman: page_window(n, pages)
                .into_iter()
                .map(|(k, celah)| PageLink {
                    nomor: k,
                    href: page.link(&paths::listing_page(&listing.base, k)),
                    current: k == n,
                    celah,
                })
                .collect(),
        });
        let extra = ListExtra {
            judul: title,
            pengantar: listing.pengantar.clone(),
            laporan,
            saring: filters(&page, &listing.base, all),
            halaman,
            semua_href: (listing.kind != Kind::All).then(|| page.link(paths::REPORTS)),
            feed_href: page.link(paths::FEED),
        };
        r.page("laporan/daftar.html", &page, extra);
    }
}

#[cfg(test)]
mod tests {
    use super::page_window;

    #[test]
    fn pagination_links_a_window_not_every_page() {
        let numbers = |n, pages| {
            page_window(n, pages)
                .into_iter()
                .map(|(k, gap)| {
                    if gap {
                        format!("…{k}")
                    } else {
                        k.to_string()
                    }
                })
                .collect::<Vec<_>>()
                .join(" ")
        };
        assert_eq!(numbers(1, 3), "1 2 3");
        assert_eq!(numbers(1, 1000), "1 2 3 …1000");
        assert_eq!(numbers(500, 1000), "1 …498 499 500 501 502 …1000");
        assert_eq!(numbers(1000, 1000), "1 …998 999 1000");
        assert_eq!(numbers(4, 7), "1 2 3 4 5 6 7");
    }
}
