//! The render stage: the loaded site in, the files of the website out.
//!
//! In: a [`Site`] and a [`Theme`]. Out: every output file as bytes with its path, ready for
//! the write stage; nothing touches the disk here. Pages are rendered from typed views
//! ([`view`], [`budget`]); charts ([`chart`]) and downloads ([`download`]) come from the
//! computed budget.

pub mod budget;
pub mod chart;
pub mod download;
pub mod theme;
pub mod view;

use crate::budget::summary::{Summary, summarize};
use crate::diagnostic::Diagnostics;
use crate::site::Site;
use serde::Serialize;
use theme::Theme;
use view::{NavItem, PageView, SiteView};

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

/// The sections of the site menu: (label, page from the site root).
const MENU: &[(&str, &str)] = &[
    ("Beranda", "index.html"),
    ("Anggaran", "anggaran/index.html"),
];

/// What every page template receives.
#[derive(Serialize)]
struct Common<'a, T: Serialize> {
    site: &'a SiteView,
    page: &'a PageView,
    nav: Vec<NavItem>,
    #[serde(flatten)]
    extra: T,
}

struct Renderer<'a> {
    theme: &'a Theme,
    site: SiteView,
    base_url: Option<String>,
    files: Vec<OutputFile>,
    diags: &'a mut Diagnostics,
}

impl Renderer<'_> {
    fn page_view(
        &self,
        path: &str,
        title: impl Into<String>,
        description: impl Into<String>,
    ) -> PageView {
        PageView::new(path, title, description, self.base_url.as_deref())
    }

    fn page<T: Serialize>(&mut self, template: &str, page: &PageView, extra: T) {
        let common = Common {
            site: &self.site,
            page,
            nav: view::nav(page, MENU),
            extra,
        };
        let context = match tera::Context::from_serialize(&common) {
            Ok(c) => c,
            Err(e) => {
                self.diags.push(crate::diagnostic::Diagnostic::error(
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
}

#[derive(Serialize)]
struct Latest {
    tahun: i32,
    tahap: &'static str,
    per_tanggal: Option<String>,
    href: String,
    ringkasan: Vec<budget::FigureView>,
}

#[derive(Serialize)]
struct HomeExtra {
    terbaru: Option<Latest>,
    anggaran_href: String,
}

#[derive(Serialize)]
struct ListExtra {
    tahun: Vec<budget::YearRow>,
    tren: Option<budget::ChartView>,
}

#[derive(Serialize)]
struct YearExtra {
    anggaran: budget::YearView,
    daftar_href: String,
}

/// Renders every page of the site. Template problems go to `diags`.
pub fn render(site: &Site, theme: &Theme, diags: &mut Diagnostics) -> Vec<OutputFile> {
    let summaries: Vec<Summary> = site
        .budgets
        .iter()
        .map(|b| summarize(b, site.desa.jumlah_penduduk))
        .collect();
    let mut r = Renderer {
        theme,
        site: SiteView::new(&site.desa),
        base_url: site.desa.base_url.clone(),
        files: theme
            .static_files
            .iter()
            .map(|(path, bytes)| OutputFile::new(path.clone(), bytes.clone()))
            .collect(),
        diags,
    };
    let nama = r.site.nama_lengkap.clone();

    let home = r.page_view(
        "index.html",
        "Beranda",
        format!("Situs transparansi {nama}: APBDes, laporan kegiatan dan produk desa."),
    );
    let terbaru = site
        .latest_budget()
        .zip(summaries.last())
        .map(|(b, s)| Latest {
            tahun: b.tahun,
            tahap: b.tahap.describe(),
            per_tanggal: b.per_tanggal.map(crate::date::long_date),
            href: home.link(&format!("anggaran/{}/index.html", b.tahun)),
            ringkasan: budget::ringkasan(s),
        });
    let anggaran_href = home.link("anggaran/index.html");
    r.page(
        "index.html",
        &home,
        HomeExtra {
            terbaru,
            anggaran_href,
        },
    );

    let list = r.page_view(
        "anggaran/index.html",
        "Anggaran Desa (APBDes)",
        format!("APBDes {nama} dari tahun ke tahun: pendapatan, belanja dan realisasinya."),
    );
    let pairs: Vec<_> = site.budgets.iter().zip(&summaries).collect();
    let tren = budget::trend(&pairs).map(|(view, svg)| {
        r.files.push(OutputFile::new("anggaran/tren.svg", svg.text));
        view
    });
    let tahun = pairs
        .iter()
        .rev()
        .map(|(b, s)| {
            budget::year_row(b, s, list.link(&format!("anggaran/{}/index.html", b.tahun)))
        })
        .collect();
    r.page("anggaran/index.html", &list, ListExtra { tahun, tren });

    for (b, s) in &pairs {
        let path = format!("anggaran/{}/index.html", b.tahun);
        let page = r.page_view(
            &path,
            format!("APBDes {}", b.tahun),
            format!(
                "APBDes {nama} tahun {}: pendapatan, belanja, pembiayaan dan realisasinya.",
                b.tahun
            ),
        );
        let (anggaran, files) = budget::year(b, s, site.desa.jumlah_penduduk);
        r.files.extend(files);
        let daftar_href = page.link("anggaran/index.html");
        r.page(
            "anggaran/tahun.html",
            &page,
            YearExtra {
                anggaran,
                daftar_href,
            },
        );
    }
    let mut files = r.files;
    files.sort_by(|a, b| a.path.cmp(&b.path));
    files
}
