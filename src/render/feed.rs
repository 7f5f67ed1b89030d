//! Files for feed readers, search engines and lost visitors: the Atom feed of reports
//! (`laporan/atom.xml`), `sitemap.xml` (only with base_url: a sitemap needs absolute
//! addresses), `robots.txt` and `404.html`.
//!
//! In: the site and, for the sitemap, every page rendered so far. Out: files added to the
//! [`Renderer`]. Dates come from the reports, never from the clock, so the output stays the
//! same from one build to the next.

use crate::compute::Model;
use crate::output::OutputFile;
use crate::paths;
use crate::render::renderer::Renderer;
use crate::report::{Report, Status};
use serde::Serialize;

#[derive(Serialize)]
struct EntryView {
    judul: String,
    id: String,
    href: String,
    updated: String,
    ringkasan: String,
}

#[derive(Serialize)]
struct FeedExtra {
    feed_id: String,
    self_href: String,
    alternate_href: String,
    updated: String,
    entries: Vec<EntryView>,
}

/// Midnight WIB of the report's date, as Atom wants it.
fn timestamp(report: &Report) -> String {
    format!("{}T00:00:00+07:00", report.tanggal)
}

/// The Atom feed of every report, newest first. Links are absolute with base_url and
/// relative to the feed otherwise (Atom allows that). Ids must be absolute: without
/// base_url they are `urn:papan:` names built from the village and the report address.
pub fn atom(r: &mut Renderer, model: &Model) {
    let site = model.site;
    if site.reports.is_empty() {
        return;
    }
    let path = paths::FEED;
    let page = r.page_view(
        path,
        format!("Laporan Kegiatan {}", r.site.nama_lengkap),
        format!("Laporan kegiatan terbaru {}.", r.site.nama_lengkap),
    );
    let village = slug::slugify(&site.desa.nama);
    let href = |p: &str| r.address(&page, p);
    let entries = site
        .reports
        .iter()
        .map(|report| {
            let target = report.path();
            let judul = match report.status {
                Status::Rencana => format!("Direncanakan: {}", report.judul),
                _ => report.judul.clone(),
            };
            EntryView {
                judul,
                id: r
                    .absolute(&target)
                    .unwrap_or_else(|| format!("urn:papan:{village}:laporan:{}", report.slug)),
                href: href(&target),
                updated: timestamp(report),
                ringkasan: report.ringkasan.clone(),
            }
        })
        .collect();
    let extra = FeedExtra {
        feed_id: r
            .absolute(paths::REPORTS_BASE)
            .unwrap_or_else(|| format!("urn:papan:{village}:laporan")),
        self_href: href(path),
        alternate_href: href(paths::REPORTS),
        updated: site.reports.iter().map(timestamp).max().unwrap_or_default(),
        entries,
    };
    r.page("atom.xml", &page, extra);
}

#[derive(Serialize)]
struct SitemapExtra {
    urls: Vec<String>,
}

/// `sitemap.xml` of every page rendered so far (not 404.html), and `robots.txt`, which
/// names the sitemap when there is one. Call after every other page is rendered. Without
/// base_url there is no sitemap, and a note (not a warning: the site works) says how to
/// get one; `check` runs this stage too, so the note shows there.
pub fn sitemap_and_robots(r: &mut Renderer, _: &Model) {
    let mut robots = String::from(
        "# Dibuat oleh Papan. Semua halaman situs desa ini boleh dibaca mesin pencari.\nUser-agent: *\nDisallow:\n",
    );
    if r.base_url.is_some() {
        // Every page rendered so far, including those still waiting for their template.
        r.flush();
        let mut pages: Vec<String> = r
            .files
            .iter()
            .filter(|f| f.path.ends_with(".html") && f.path != paths::NOT_FOUND)
            .map(|f| f.path.clone())
            .collect();
        pages.sort();
        let urls = pages.iter().filter_map(|p| r.absolute(p)).collect();
        let page = r.page_view(paths::SITEMAP, "Peta situs", "");
        r.page("sitemap.xml", &page, SitemapExtra { urls });
        if let Some(url) = r.absolute(paths::SITEMAP) {
            robots.push_str(&format!("Sitemap: {url}\n"));
        }
    }
    r.file(OutputFile::new(paths::ROBOTS, robots));
}

#[derive(Serialize)]
struct NotFoundExtra {
    beranda_href: String,
    laporan_href: Option<String>,
}

/// `404.html` at the root. Hosts serve it for a missing address at any depth, so with
/// base_url its links are absolute; without, they are relative to the root and only work
/// for missing addresses in the top folder (the template says so).
pub fn not_found(r: &mut Renderer, model: &Model) {
    let mut page = r.page_view(
        paths::NOT_FOUND,
        "Halaman tidak ditemukan",
        "Alamat yang dibuka tidak ada di situs ini.",
    );
    if let Some(base) = &r.base_url {
        page.root = base.clone();
    }
    page.canonical = None;
    let extra = NotFoundExtra {
        beranda_href: page.link(paths::HOME),
        laporan_href: (!model.site.reports.is_empty()).then(|| page.link(paths::REPORTS)),
    };
    r.page("404.html", &page, extra);
}
