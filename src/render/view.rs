//! View structs shared by every page: the village, the page's place in the site, the menu.
//!
//! Templates receive these typed structs, never hand-built maps. Every link is relative to
//! the page (`../../anggaran/2025/index.html`) so the site works at a domain root, under a
//! sub-path and opened from disk; links name `index.html` because a browser opening files
//! from disk does not add it.

use crate::desa::Desa;
use serde::Serialize;

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

/// `../../` for `anggaran/2025/index.html`.
pub fn root_of(path: &str) -> String {
    "../".repeat(path.matches('/').count())
}

/// The address without `index.html`, as hosts serve it (`anggaran/2025/`).
pub fn pretty(path: &str) -> &str {
    path.strip_suffix("index.html").unwrap_or(path)
}

/// A photo as a page shows it.
#[derive(Debug, Clone, Serialize)]
pub struct PhotoView {
    /// Relative to the page.
    pub src: String,
    pub alt: String,
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
