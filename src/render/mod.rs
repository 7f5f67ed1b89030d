//! The render stage: the loaded site in, the files of the website out.
//!
//! In: a [`Site`] and a [`Theme`]. Out: every output file as bytes with its path, ready for
//! the write stage; nothing touches the disk here. Each content area has its own module
//! that adds its pages through a [`Renderer`]: [`home`], [`anggaran`], [`produk`]. Pages get typed
//! views ([`view`], [`budget`]); charts ([`chart`]) and downloads ([`download`]) come from
//! the computed model.

pub mod anggaran;
pub mod budget;
pub mod chart;
pub mod download;
pub mod home;
pub mod produk;
pub mod theme;
pub mod view;

use crate::budget::summary::{Summary, summarize};
use crate::diagnostic::{Diagnostic, Diagnostics};
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
        OutputFile {
            path: path.into(),
            bytes: bytes.into(),
        }
    }
}

/// What every page template receives, besides its own data.
#[derive(Serialize)]
struct Common<'a, T: Serialize> {
    site: &'a SiteView,
    page: &'a PageView,
    nav: Vec<NavItem>,
    #[serde(flatten)]
    extra: T,
}

/// Collects the pages and files of one build.
pub struct Renderer<'a> {
    theme: &'a Theme,
    pub site: SiteView,
    base_url: Option<String>,
    /// The menu: (label, page from the site root).
    menu: Vec<(String, String)>,
    files: Vec<OutputFile>,
    /// Photos used by pages, by their path inside content/; copied at the end.
    photos: BTreeSet<String>,
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

    /// Renders `template` for `page` with the page's own data under its field names.
    pub fn page<T: Serialize>(&mut self, template: &str, page: &PageView, extra: T) {
        let menu: Vec<(&str, &str)> = self
            .menu
            .iter()
            .map(|(l, t)| (l.as_str(), t.as_str()))
            .collect();
        let common = Common {
            site: &self.site,
            page,
            nav: view::nav(page, &menu),
            extra,
        };
        let context = match tera::Context::from_serialize(&common) {
            Ok(c) => c,
            Err(e) => {
                self.diags.push(Diagnostic::error(
                    template,
                    format!("data halaman tidak dapat disiapkan: {e}"),
                ));
                return;
            }
        };
        match self.theme.render(template, &context) {
            Ok(html) => self.files.push(OutputFile::new(page.path.clone(), html)),
            Err(d) => self.diags.push(d),
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
    /// on `page`; the photo is added to the output once, however many pages use it.
    pub fn photo(&mut self, page: &PageView, resolved: &str, alt: &str) -> PhotoView {
        self.photos.insert(resolved.to_owned());
        PhotoView {
            src: page.link(resolved),
            alt: alt.to_owned(),
        }
    }

    /// The absolute address of a path when desa.yaml gives base_url.
    pub fn absolute(&self, path: &str) -> Option<String> {
        self.base_url
            .as_ref()
            .map(|b| format!("{b}{}", view::pretty(path)))
    }
}

/// Figures computed once per build and shared by the areas that show them.
pub struct Computed {
    /// One per budget year, in the same order as `site.budgets`.
    pub summaries: Vec<Summary>,
}

/// The site menu, from what the site has.
fn menu(site: &Site) -> Vec<(String, String)> {
    let mut menu = vec![("Beranda".to_owned(), "index.html".to_owned())];
    if !site.budgets.is_empty() {
        menu.push(("Anggaran".to_owned(), "anggaran/index.html".to_owned()));
    }
    if !site.katalog.is_empty() {
        menu.push(("Produk".to_owned(), produk::view::LIST_PATH.to_owned()));
    }
    menu
}

/// Renders every page of the site. Template problems go to `diags`.
pub fn render(site: &Site, theme: &Theme, diags: &mut Diagnostics) -> Vec<OutputFile> {
    let computed = Computed {
        summaries: site
            .budgets
            .iter()
            .map(|b| summarize(b, site.desa.jumlah_penduduk))
            .collect(),
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
        photos: BTreeSet::new(),
        diags,
    };
    home::render(&mut r, site, &computed);
    anggaran::render(&mut r, site, &computed);
    produk::render(&mut r, site);
    copy_photos(&mut r, site);
    let mut files = r.files;
    files.sort_by(|a, b| a.path.cmp(&b.path));
    files
}

/// Adds every used photo to the output, unchanged, at its path inside content/.
fn copy_photos(r: &mut Renderer, site: &Site) {
    for photo in std::mem::take(&mut r.photos) {
        let source = crate::photo::source_path(&site.root, &photo);
        match std::fs::read(&source) {
            Ok(bytes) => r.files.push(OutputFile::new(photo, bytes)),
            Err(e) => r.diags.push(Diagnostic::error(
                std::path::Path::new("content").join(&photo),
                format!("foto tidak dapat dibaca: {}", crate::source::io_reason(&e)),
            )),
        }
    }
}
