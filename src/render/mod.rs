//! The render stage: the computed model in, the files of the website out.
//!
//! In: a [`Model`] and a [`Theme`], both ready: the content was read, checked and computed
//! before, and the theme's templates parsed. Out: every output file as bytes with its path
//! and the image work those files need; nothing here reads or writes a file, and nothing
//! here adds up a figure. The site is made of [`AREAS`]: each has its menu entries and a
//! function adding its pages through a [`Renderer`]. Pages get typed views ([`view`] and
//! each area's own); charts ([`chart`]) and downloads ([`download`]) come from the model.

pub mod budget;
pub mod chart;
pub mod download;
pub mod feed;
pub mod home;
pub mod page;
pub mod product;
pub mod renderer;
pub mod report;
pub mod view;

use crate::compute::Model;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::images::queue::Queue;
use crate::output::OutputFile;
use crate::paths;
use crate::theme::Theme;
pub use renderer::Renderer;
use view::SiteView;

/// A part of the site: its entries in the menu and the pages it adds.
pub struct Area {
    /// Menu entries (label, page from the site root), in order; none when the site has
    /// nothing to show there.
    pub menu: fn(&Model) -> Vec<(String, String)>,
    pub render: fn(&mut Renderer, &Model),
}

/// Every area, in menu order. A new kind of content adds its row here (docs/arsitektur.md).
pub const AREAS: [Area; 8] = [
    Area {
        menu: |_| vec![("Beranda".to_owned(), paths::HOME.to_owned())],
        render: home::render,
    },
    Area {
        menu: |m| entry(!m.site.budgets.is_empty(), "Anggaran", paths::BUDGETS),
        render: budget::render,
    },
    Area {
        menu: |m| entry(!m.site.reports.is_empty(), "Laporan", paths::REPORTS),
        render: report::render,
    },
    Area {
        menu: |m| entry(!m.site.katalog.is_empty(), "Produk", paths::PRODUCTS),
        render: product::render,
    },
    // Free pages come after the fixed sections, in their `urutan`.
    Area {
        menu: |m| {
            m.site
                .pages
                .iter()
                .map(|p| (p.judul.clone(), p.path()))
                .collect()
        },
        render: page::render,
    },
    Area {
        menu: |_| Vec::new(),
        render: feed::atom,
    },
    Area {
        menu: |_| Vec::new(),
        render: feed::not_found,
    },
    // Last: the sitemap lists every page rendered before it.
    Area {
        menu: |_| Vec::new(),
        render: feed::sitemap_and_robots,
    },
];

fn entry(shown: bool, label: &str, path: &str) -> Vec<(String, String)> {
    if shown {
        vec![(label.to_owned(), path.to_owned())]
    } else {
        Vec::new()
    }
}

/// The rendered site: its pages and other files, and the image work they need.
pub struct Rendered {
    /// Sorted by path.
    pub files: Vec<OutputFile>,
    pub images: Queue,
}

/// Renders every page of the site. Template problems go to `diags`.
pub fn render(model: &Model, theme: &Theme, images: Queue, diags: &mut Diagnostics) -> Rendered {
    let site = model.site;
    let start = renderer::Start {
        theme,
        site: SiteView::new(&site.desa),
        base_url: site.desa.base_url.clone(),
        menu: AREAS.iter().flat_map(|a| (a.menu)(model)).collect(),
        images,
        has_feed: !site.reports.is_empty(),
    };
    let mut r = Renderer::new(start, diags);
    for area in &AREAS {
        (area.render)(&mut r, model);
    }
    note_missing_base_url(&mut r, model);
    let (files, images) = r.finish();
    Rendered { files, images }
}

/// Without base_url the site works everywhere, but a few things need a full address; say
/// which, once.
fn note_missing_base_url(r: &mut Renderer, model: &Model) {
    if r.base_url.is_some() {
        return;
    }
    let mut d = Diagnostic::info(
        crate::desa::FILE,
        "`base_url` belum diisi; situs tetap berfungsi, tetapi:",
    )
    .note("sitemap.xml untuk mesin pencari tidak dibuat");
    if !model.site.katalog.is_empty() {
        d = d.note("pesan WhatsApp pemesanan produk tidak memuat alamat halaman produknya");
    }
    d = d
        .note("pratinjau tautan di WhatsApp dan media sosial tidak menampilkan gambar")
        .hint("setelah situs punya alamat web, tambahkan misalnya `base_url: https://sukamaju.desa.id/` di content/desa.yaml");
    r.diagnostic(d);
}
