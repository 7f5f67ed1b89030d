//! The renderer: collects the pages and files of one build while the areas add them.
//!
//! In: the theme, the site's view and the photos measured at load. Out (from
//! [`Renderer::finish`]): every file, sorted by path, and the image work the pages need.
//! Pages are queued with their typed data and run through their templates in parallel, a
//! batch at a time; photos and share cards are only queued here ([`crate::images`]).

use super::view::{self, NavItem, PageView, PhotoView, SiteView};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::images::queue::Queue;
use crate::output::OutputFile;
use crate::theme::Theme;
use serde::Serialize;
use std::collections::BTreeSet;

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
pub const BATCH: usize = 128;

/// Collects the pages and files of one build.
pub struct Renderer<'a> {
    theme: &'a Theme,
    pub site: SiteView,
    pub(super) base_url: Option<String>,
    /// The menu: (label, page from the site root).
    menu: Vec<(String, String)>,
    pub(super) files: Vec<OutputFile>,
    pending: Vec<Pending>,
    /// Photos and share cards used by pages; made after rendering.
    images: Queue,
    /// Pages that already show a photo: later photos on them load lazily.
    shown_photo: BTreeSet<String>,
    /// The share card of pages without one of their own, once made.
    site_card: Option<String>,
    /// Whether the site has reports, hence `laporan/atom.xml`.
    has_feed: bool,
    pub(super) diags: &'a mut Diagnostics,
}

/// What a renderer starts from.
pub struct Start<'a> {
    pub theme: &'a Theme,
    pub site: SiteView,
    pub base_url: Option<String>,
    pub menu: Vec<(String, String)>,
    pub images: Queue,
    pub has_feed: bool,
}

impl<'a> Renderer<'a> {
    pub fn new(start: Start<'a>, diags: &'a mut Diagnostics) -> Self {
        Renderer {
            theme: start.theme,
            site: start.site,
            base_url: start.base_url,
            menu: start.menu,
            files: start
                .theme
                .static_files
                .iter()
                .map(|(path, bytes)| OutputFile::new(path.clone(), bytes.clone()))
                .collect(),
            pending: Vec::new(),
            images: start.images,
            shown_photo: BTreeSet::new(),
            site_card: None,
            has_feed: start.has_feed,
            diags,
        }
    }

    /// Renders what still waits and hands over every file, sorted by path, with the image
    /// work the pages need.
    pub fn finish(mut self) -> (Vec<OutputFile>, Queue) {
        self.flush();
        let mut files = self.files;
        files.sort_by(|a, b| a.path.cmp(&b.path));
        (files, self.images)
    }

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
        let feed = self.has_feed.then(|| page.link(crate::paths::FEED));
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

    /// Queues a notice board's PNG and PDF, made after rendering like the photos.
    pub fn baliho(&mut self, job: crate::images::board::Job) {
        self.images.balihos.insert(job.dir.clone(), job);
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
            .map(|b| format!("{b}{}", crate::paths::pretty(path)))
    }
}
