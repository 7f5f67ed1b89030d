//! View structs shared by every page: the village, the page's place in the site, the menu,
//! a link, a photo, a figure's amounts.
//!
//! Templates receive these typed structs, never hand-built maps. Every link is relative to
//! the page (`../../anggaran/2025/index.html`) so the site works at a domain root, under a
//! sub-path and opened from disk; links name `index.html` because a browser opening files
//! from disk does not add it.

use crate::desa::Desa;
use crate::images::queue::Rendition;
use crate::paths::{pretty, root_of};
use serde::Serialize;

/// A link with its text, relative to the page that shows it.
#[derive(Debug, Clone, Serialize)]
pub struct LinkView {
    pub label: String,
    pub href: String,
}

/// A figure's amounts formatted: shared with the notice board, so it lives with the budget.
pub use crate::budget::shown::AmountsView;

#[derive(Debug, Clone, Serialize)]
pub struct SiteView {
    pub nama: String,
    /// "Desa Sukamaju".
    pub nama_lengkap: String,
    /// "Kecamatan Mertoyudan, Kabupaten Magelang, Jawa Tengah".
    pub wilayah: String,
    pub kepala_desa: Option<String>,
    pub alamat: Option<String>,
    pub alamat_pengaduan: Option<String>,
    pub deskripsi: Option<String>,
    pub contoh: bool,
}

impl SiteView {
    pub fn new(desa: &Desa) -> Self {
        SiteView {
            nama: desa.nama.clone(),
            nama_lengkap: format!("Desa {}", desa.nama),
            wilayah: format!(
                "Kecamatan {}, Kabupaten {}, {}",
                desa.kecamatan, desa.kabupaten, desa.provinsi
            ),
            kepala_desa: desa.kepala_desa.clone(),
            alamat: desa.alamat.clone(),
            alamat_pengaduan: desa.alamat_pengaduan.clone(),
            deskripsi: desa.deskripsi.clone(),
            contoh: desa.contoh,
        }
    }
}

/// Where a page is and what it is called.
#[derive(Debug, Clone, Serialize)]
pub struct PageView {
    pub title: String,
    pub description: String,
    /// The page's own path in the output (`anggaran/2025/index.html`).
    pub path: String,
    /// The way back to the site root from this page (`../../`, or empty at the root).
    pub root: String,
    /// The absolute address, only when desa.yaml gives base_url.
    pub canonical: Option<String>,
    /// Open Graph type: `website`, or `article` for a report, `product` for a product.
    pub og_type: &'static str,
    /// The share-preview image: absolute with base_url, else relative to this page.
    pub image: Option<String>,
    pub image_alt: Option<String>,
}

impl PageView {
    pub fn new(
        path: &str,
        title: impl Into<String>,
        description: impl Into<String>,
        base_url: Option<&str>,
    ) -> Self {
        PageView {
            title: title.into(),
            description: description.into(),
            path: path.to_owned(),
            root: root_of(path),
            canonical: base_url.map(|base| format!("{base}{}", pretty(path))),
            og_type: "website",
            image: None,
            image_alt: None,
        }
    }

    /// A link from this page to `target`, a path from the site root.
    pub fn link(&self, target: &str) -> String {
        format!("{}{target}", self.root)
    }
}

/// `sizes` for a photo as wide as the text column (reports, pages, Markdown bodies).
pub const SIZES_COLUMN: &str = "(min-width: 62rem) 60rem, 100vw";
/// `sizes` for a photo on a product or producer page (at most 32rem wide).
pub const SIZES_PRODUCT: &str = "(min-width: 34rem) 32rem, 100vw";
/// `sizes` for a product card (two columns on a phone).
pub const SIZES_CARD: &str = "(min-width: 40rem) 12rem, 50vw";
/// `sizes` for the small picture beside a report on a listing.
pub const SIZES_THUMB: &str = "7rem";

/// A photo as a page shows it: `partials/foto.html` makes a `<picture>` of it, WebP first
/// with JPEG for older browsers.
#[derive(Debug, Clone, Default, Serialize)]
pub struct PhotoView {
    /// The JPEG shown by browsers that ignore `srcset` (960 pixels wide, or the largest),
    /// relative to the page.
    pub src: String,
    /// From the site root, for metadata that needs the address (absolute with base_url).
    #[serde(skip)]
    pub path: String,
    /// `src`'s size: the page keeps the room before the photo arrives.
    pub width: u32,
    pub height: u32,
    /// `foto/a-…-480.jpg 480w, …`
    pub srcset: String,
    pub srcset_webp: String,
    pub sizes: &'static str,
    pub alt: String,
    /// `eager` for the first photo of a page (likely on screen), else `lazy`.
    pub loading: &'static str,
}

impl PhotoView {
    /// A photo made at `renditions` (smallest first), seen from `page`.
    pub fn new(page: &PageView, renditions: &[Rendition], alt: &str, eager: bool) -> Self {
        let list = |file: fn(&Rendition) -> &String| {
            renditions
                .iter()
                .map(|r| format!("{} {}w", page.link(file(r)), r.size.width))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let main = renditions
            .iter()
            .find(|r| r.size.width == crate::images::DEFAULT_WIDTH)
            .or(renditions.last());
        PhotoView {
            src: main.map(|r| page.link(&r.jpeg)).unwrap_or_default(),
            path: main.map(|r| r.jpeg.clone()).unwrap_or_default(),
            width: main.map_or(0, |r| r.size.width),
            height: main.map_or(0, |r| r.size.height),
            srcset: list(|r| &r.jpeg),
            srcset_webp: list(|r| &r.webp),
            sizes: SIZES_COLUMN,
            alt: alt.to_owned(),
            loading: if eager { "eager" } else { "lazy" },
        }
    }

    pub fn sizes(mut self, sizes: &'static str) -> Self {
        self.sizes = sizes;
        self
    }

    /// The same photo in a Markdown body: a plain `<img>` with the JPEG copies.
    pub fn body_image(&self) -> crate::markdown::Image {
        crate::markdown::Image {
            src: self.src.clone(),
            srcset: self.srcset.clone(),
            sizes: self.sizes.to_owned(),
            width: self.width,
            height: self.height,
            lazy: self.loading == "lazy",
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct NavItem {
    pub label: String,
    pub href: String,
    pub current: bool,
}

/// The site menu as seen from `page`: an item is current when the page is inside its section.
pub fn nav(page: &PageView, sections: &[(&str, &str)]) -> Vec<NavItem> {
    sections
        .iter()
        .map(|(label, target)| {
            let section = pretty(target);
            let current = if section.is_empty() {
                page.path == "index.html"
            } else {
                page.path.starts_with(section)
            };
            NavItem {
                label: (*label).to_owned(),
                href: page.link(target),
                current,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_are_relative_to_the_page() {
        let p = PageView::new("anggaran/2025/index.html", "t", "d", None);
        assert_eq!(p.root, "../../");
        assert_eq!(p.link("assets/style.css"), "../../assets/style.css");
        assert_eq!(
            PageView::new("index.html", "t", "d", None).link("anggaran/index.html"),
            "anggaran/index.html"
        );
        assert_eq!(p.canonical, None);
    }

    #[test]
    fn canonical_uses_base_url_and_pretty_paths() {
        let p = PageView::new(
            "anggaran/2025/index.html",
            "t",
            "d",
            Some("https://sukamaju.desa.id/"),
        );
        assert_eq!(
            p.canonical.as_deref(),
            Some("https://sukamaju.desa.id/anggaran/2025/")
        );
    }

    #[test]
    fn photos_offer_every_copy_and_show_the_960_one() {
        let page = PageView::new("laporan/a/index.html", "t", "d", None);
        let r = |w: u32, h: u32| Rendition {
            size: crate::images::Size {
                width: w,
                height: h,
            },
            jpeg: format!("foto/a-k-{w}.jpg"),
            webp: format!("foto/a-k-{w}.webp"),
        };
        let v = PhotoView::new(
            &page,
            &[r(480, 360), r(960, 720), r(1200, 900)],
            "Jalan",
            true,
        );
        assert_eq!(v.src, "../../foto/a-k-960.jpg");
        assert_eq!((v.width, v.height), (960, 720));
        assert_eq!(
            v.srcset_webp,
            "../../foto/a-k-480.webp 480w, ../../foto/a-k-960.webp 960w, ../../foto/a-k-1200.webp 1200w"
        );
        assert_eq!(v.loading, "eager");
        // Without a 960 copy the largest is shown.
        let small = PhotoView::new(&page, &[r(300, 200)], "", false);
        assert_eq!(
            (small.src.as_str(), small.width),
            ("../../foto/a-k-300.jpg", 300)
        );
        assert_eq!(small.loading, "lazy");
    }

    #[test]
    fn menu_marks_the_current_section() {
        let p = PageView::new("anggaran/2025/index.html", "t", "d", None);
        let items = nav(
            &p,
            &[
                ("Beranda", "index.html"),
                ("Anggaran", "anggaran/index.html"),
            ],
        );
        assert_eq!(items[0].href, "../../index.html");
        assert!(!items[0].current);
        assert!(items[1].current);
    }
}
