//! The render stage: the loaded site in, the files of the website out.
//!
//! In: a [`Site`] and a [`Theme`]. Out: every output file as bytes with its path, ready for
//! the write stage; nothing touches the disk here. Each content area has its own module
//! that adds its pages through a [`Renderer`]: [`home`], [`anggaran`], [`laporan`],
//! [`produk`], [`halaman`], and last [`feed`] (the Atom feed, sitemap, robots.txt, 404).
//! Pages get typed views ([`view`], [`budget`], [`report`]); charts ([`chart`]) and
//! downloads ([`download`]) come from the computed model. Photos and share previews are
//! only queued here ([`crate::images`]): pages learn their file names and sizes at once,
//! and the pixels are made after every page is rendered.

pub mod anggaran;
pub mod baliho;
pub mod budget;
pub mod budget_reports;
pub mod chart;
pub mod daftar;
pub mod download;
pub mod feed;
pub mod halaman;
pub mod home;
pub mod laporan;
pub mod produk;
pub mod report;
pub mod theme;
pub mod view;

use crate::budget::summary::{Summary, summarize};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::images::queue::Queue;
use crate::site::Site;
use serde::Serialize;
use std::collections::BTreeSet;
use theme::Theme;
use view::{NavItem, PageView, PhotoView, SiteView};

/// A file of the finished site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    /// Relative to the output folder, with `/` separators.
    pub path: String,
    pub bytes: Vec<u8>,
}

impl OutputFile {
    pub fn new(path: impl Into<String>, bytes: impl Into<Vec<u8>>) -> Self {
        let mut bytes = bytes.into();
        // A rendered page grew by doubling; thousands of them wait in memory for the write.
        bytes.shrink_to_fit();
        OutputFile {
            path: path.into(),
            bytes,
        }
    }
}

/// What every page template receives, besides its own data.
#[derive(Serialize)]
struct Common<'a, T: Serialize> {
    site: &'a SiteView,
    page: &'a PageView,
    nav: Vec<NavItem>,
    /// The Atom feed of reports, linked from every page's head when there are reports.
    feed: Option<String>,
    #[serde(flatten)]
    extra: T,
}

/// Pages whose data is ready, waiting to go through their template.
struct Pending {
    template: String,
    path: String,
    /// Turns the page's data into the template's context; run on a worker thread.
    context: MakeContext,
}

/// Builds a page's template context from the site's data.
type MakeContext = Box<dyn FnOnce(&SiteView) -> Result<tera::Context, tera::Error> + Send>;

/// How many pages wait before they are rendered together, in parallel: enough to keep
/// every core busy, few enough that their data does not pile up in memory.
pub(super) const BATCH: usize = 128;

/// Collects the pages and files of one build.
pub struct Renderer<'a> {
    theme: &'a Theme,
    pub site: SiteView,
    base_url: Option<String>,
    /// The menu: (label, page from the site root).
    menu: Vec<(String, String)>,
    files: Vec<OutputFile>,
    pending: Vec<Pending>,
    /// Photos and share cards used by pages; made after rendering.
    images: Queue,
    /// Pages that already show a photo: later photos on them load lazily.
    shown_photo: BTreeSet<String>,
    /// The share card of pages without one of their own, once made.
    site_card: Option<String>,
    /// Whether the site has reports, hence `laporan/atom.xml`.
    has_feed: bool,
    diags: &'a mut Diagnostics,
}

impl Renderer<'_> {
    /// A page's place in the site, its title and its description (for search engines and
    /// share previews).
    pub fn page_view(
        &self,
        path: &str,
        title: impl Into<String>,
        description: impl Into<String>,
    ) -> PageView {
        PageView::new(path, title, description, self.base_url.as_deref())
    }

    /// Renders `template` for `page` with the page's own data under its field names. A page
    /// without a share image gets the site's card.
    pub fn page<T: Serialize + Send + 'static>(
        &mut self,
        template: &str,
        page: &PageView,
        extra: T,
    ) {
        let mut page = page.clone();
        if page.image.is_none() {
            self.site_card(&mut page);
        }
        let menu: Vec<(&str, &str)> = self
            .menu
            .iter()
            .map(|(l, t)| (l.as_str(), t.as_str()))
            .collect();
        let nav = view::nav(&page, &menu);
        let feed = self.has_feed.then(|| page.link("laporan/atom.xml"));
        self.pending.push(Pending {
            template: template.to_owned(),
            path: page.path.clone(),
            context: Box::new(move |site| {
                tera::Context::from_serialize(&Common {
                    site,
                    page: &page,
                    nav,
                    feed,
                    extra,
                })
            }),
        });
        if self.pending.len() >= BATCH {
            self.flush();
        }
    }

    /// Runs the waiting pages through their templates, in parallel; the files keep the
    /// order the pages were added in.
    pub fn flush(&mut self) {
        use rayon::prelude::*;
        let (theme, site) = (self.theme, &self.site);
        let done: Vec<Result<OutputFile, Diagnostic>> = std::mem::take(&mut self.pending)
            .into_par_iter()
            .map(|p| {
                let context = (p.context)(site).map_err(|e| {
                    Diagnostic::error(
                        &p.template,
                        format!("data halaman tidak dapat disiapkan: {e}"),
                    )
                })?;
                theme
                    .render(&p.template, &context)
                    .map(|html| OutputFile::new(p.path, html))
            })
            .collect();
        for result in done {
            match result {
                Ok(file) => self.files.push(file),
                Err(d) => self.diags.push(d),
            }
        }
    }

    /// Adds a file that is not a page (a chart, a download, a feed).
    pub fn file(&mut self, file: OutputFile) {
        self.files.push(file);
    }

    pub fn diagnostic(&mut self, d: Diagnostic) {
        self.diags.push(d);
    }

    /// Uses a photo (a path inside content/ already checked by [`crate::photo::resolve`])
    /// on `page`; its copies are made once, however many pages use it. The first photo of
    /// a page loads at once, the others when scrolled to.
    pub fn photo(&mut self, page: &PageView, resolved: &str, alt: &str) -> PhotoView {
        let Some(renditions) = self.images.photo(resolved, self.diags) else {
            return PhotoView::default();
        };
        let first = self.shown_photo.insert(page.path.clone());
        PhotoView::new(page, &renditions, alt, first)
    }

    /// Makes a photo, cropped to 1200×630, the page's share preview.
    pub fn share_photo(&mut self, page: &mut PageView, resolved: &str, alt: &str) {
        if let Some(path) = self.images.share_photo(resolved, self.diags) {
            page.image = Some(self.address(page, &path));
            page.image_alt = Some(alt.to_owned());
        }
    }

    /// Makes a card drawn from `svg` the page's share preview; `name` starts its file name.
    pub fn share_card(&mut self, page: &mut PageView, name: &str, svg: String, alt: String) {
        let path = self.images.card(name, svg);
        page.image = Some(self.address(page, &path));
        page.image_alt = Some(alt);
    }

    fn site_card(&mut self, page: &mut PageView) {
        let path = match &self.site_card {
            Some(p) => p.clone(),
            None => {
                let svg =
                    crate::images::share::site_card(&self.site.nama_lengkap, &self.site.wilayah);
                let p = self.images.card("situs", svg);
                self.site_card = Some(p.clone());
                p
            }
        };
        page.image = Some(self.address(page, &path));
        page.image_alt = Some(format!(
            "{}, situs transparansi desa",
            self.site.nama_lengkap
        ));
    }

    /// A file's address for metadata: absolute with base_url, else relative to the page.
    pub fn address(&self, page: &PageView, path: &str) -> String {
        self.absolute(path).unwrap_or_else(|| page.link(path))
    }

    /// The absolute address of a path when desa.yaml gives base_url.
    pub fn absolute(&self, path: &str) -> Option<String> {
        self.base_url
            .as_ref()
            .map(|b| format!("{b}{}", view::pretty(path)))
    }
}

/// Figures computed once per build and shared by the areas that show them.
pub struct Computed<'a> {
    /// One per budget year, in the same order as `site.budgets`.
    pub summaries: Vec<Summary>,
    /// The reports of each kegiatan: budget pages, report pages and listings link them.
    pub by_kegiatan: report::ByKegiatan<'a>,
}

/// The site menu, from what the site has.
fn menu(site: &Site) -> Vec<(String, String)> {
    let mut menu = vec![("Beranda".to_owned(), "index.html".to_owned())];
    if !site.budgets.is_empty() {
        menu.push(("Anggaran".to_owned(), "anggaran/index.html".to_owned()));
    }
    if !site.reports.is_empty() {
        menu.push(("Laporan".to_owned(), "laporan/index.html".to_owned()));
    }
    if !site.katalog.is_empty() {
        menu.push(("Produk".to_owned(), produk::view::LIST_PATH.to_owned()));
    }
    // Free pages come after the fixed sections, in their `urutan`.
    menu.extend(site.halaman.iter().map(|h| (h.judul.clone(), h.path())));
    menu
}

/// The rendered site: its pages and other files, and the image work they need.
pub struct Rendered {
    /// Sorted by path.
    pub files: Vec<OutputFile>,
    pub images: Queue,
}

/// Renders every page of the site. Template problems go to `diags`.
pub fn render(site: &Site, theme: &Theme, diags: &mut Diagnostics) -> Rendered {
    let computed = Computed {
        summaries: site
            .budgets
            .iter()
            .map(|b| summarize(b, site.desa.jumlah_penduduk))
            .collect(),
        by_kegiatan: report::by_kegiatan(&site.reports),
    };
    let mut r = Renderer {
        theme,
        site: SiteView::new(&site.desa),
        base_url: site.desa.base_url.clone(),
        menu: menu(site),
        files: theme
            .static_files
            .iter()
            .map(|(path, bytes)| OutputFile::new(path.clone(), bytes.clone()))
            .collect(),
        pending: Vec::new(),
        images: Queue::new(&site.root),
        shown_photo: BTreeSet::new(),
        site_card: None,
        has_feed: !site.reports.is_empty(),
        diags,
    };
    home::render(&mut r, site, &computed);
    anggaran::render(&mut r, site, &computed);
    laporan::render(&mut r, site, &computed.by_kegiatan);
    produk::render(&mut r, site);
    halaman::render(&mut r, site);
    feed::atom(&mut r, site);
    feed::not_found(&mut r, site);
    // Last: the sitemap lists every page rendered before it.
    feed::sitemap_and_robots(&mut r);
    note_missing_base_url(&mut r, site);
    r.flush();
    let mut files = r.files;
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Rendered {
        files,
        images: r.images,
    }
}

/// Without base_url the site works everywhere, but a few things need a full address; say
/// which, once.
fn note_missing_base_url(r: &mut Renderer, site: &Site) {
    if r.base_url.is_some() {
        return;
    }
    let mut d = Diagnostic::info(
        crate::desa::FILE,
        "`base_url` belum diisi; situs tetap berfungsi, tetapi:",
    )
    .note("sitemap.xml untuk mesin pencari tidak dibuat");
    if !site.katalog.is_empty() {
        d = d.note("pesan WhatsApp pemesanan produk tidak memuat alamat halaman produknya");
    }
    d = d
        .note("pratinjau tautan di WhatsApp dan media sosial tidak menampilkan gambar")
        .hint("setelah situs punya alamat web, tambahkan misalnya `base_url: https://sukamaju.desa.id/` di content/desa.yaml");
    r.diags.push(d);
}
