//! Catalog pages: `/produk/` (every product in a grid), `/produk/kategori/KODE/` (one
//! category), `/produk/STEM/` (a product with its WhatsApp order button and schema.org
//! data) and `/umkm/STEM/` (a producer with their products); plus a few products for the
//! home page ([`home_section`]).
//!
//! In: the loaded [`Catalog`]. Out: pages through the [`Renderer`]. Grids are plain lists
//! that work without JavaScript; `assets/katalog.js` only adds a name filter and a price
//! sort on top of them.

pub mod jsonld;
mod page;
pub mod view;

use super::Renderer;
use super::view::PageView;
use crate::diagnostic::Diagnostic;
use crate::markdown;
use crate::produk::Catalog;
use crate::produk::kategori::Category;
use crate::produk::product::Product;
use crate::produk::umkm::Producer;
use crate::site::Site;
use serde::Serialize;
use std::path::Path;
use view::{CardView, LinkView, ProducerView};

/// The filter and sort script, linked from every grid page.
pub const SCRIPT: &str = "assets/katalog.js";

/// How many products the home page shows.
const ON_HOME: usize = 4;

#[derive(Serialize)]
struct CategoryLink {
    nama: String,
    href: String,
    jumlah: usize,
    current: bool,
}

#[derive(Serialize)]
struct ListExtra {
    /// The category shown, or None for every product.
    kategori_aktif: Option<String>,
    kategori: Vec<CategoryLink>,
    jumlah: usize,
    produk: Vec<CardView>,
    umkm: Vec<LinkView>,
    semua_href: String,
    skrip: String,
}

#[derive(Serialize)]
struct ProducerExtra {
    umkm: ProducerView,
    produk: Vec<CardView>,
    daftar_href: String,
}

pub fn render(r: &mut Renderer, site: &Site) {
    let katalog = &site.katalog;
    if katalog.is_empty() {
        return;
    }
    list(r, katalog, None);
    for c in katalog.categories.iter() {
        if katalog.products.iter().any(|p| p.kategori == c.kode) {
            list(r, katalog, Some(c));
        }
    }
    for p in &katalog.products {
        page::render(r, site, p);
    }
    for u in katalog.producers.values() {
        producer(r, site, u);
    }
}

fn list(r: &mut Renderer, katalog: &Catalog, only: Option<&Category>) {
    let desa = r.site.nama_lengkap.clone();
    let page = match only {
        None => r.page_view(
            view::LIST_PATH,
            "Produk Desa",
            format!("Produk UMKM {desa}: makanan olahan, kerajinan, hasil tani dan lainnya. Pesan langsung lewat WhatsApp."),
        ),
        Some(c) => r.page_view(
            &view::category_path(&c.kode),
            format!("{} · Produk Desa", c.nama),
            format!("Produk {} dari UMKM {desa}.", c.nama.to_lowercase()),
        ),
    };
    let kategori = category_links(&page, katalog, only);
    let chosen = katalog
        .products
        .iter()
        .filter(|p| only.is_none_or(|c| c.kode == p.kategori));
    let produk = view::cards(r, &page, katalog, chosen);
    let umkm = match only {
        Some(_) => Vec::new(),
        None => katalog
            .producers
            .values()
            .map(|u| LinkView {
                label: u.nama.clone(),
                href: page.link(&view::producer_path(&u.stem)),
            })
            .collect(),
    };
    let extra = ListExtra {
        kategori_aktif: only.map(|c| c.nama.clone()),
        kategori,
        jumlah: produk.len(),
        produk,
        umkm,
        semua_href: page.link(view::LIST_PATH),
        skrip: page.link(SCRIPT),
    };
    r.page("produk/index.html", &page, extra);
}

/// The categories that have products, with their counts.
fn category_links(
    page: &PageView,
    katalog: &Catalog,
    only: Option<&Category>,
) -> Vec<CategoryLink> {
    katalog
        .categories
        .iter()
        .filter_map(|c| {
            let jumlah = katalog
                .products
                .iter()
                .filter(|p| p.kategori == c.kode)
                .count();
            (jumlah > 0).then(|| CategoryLink {
                nama: c.nama.clone(),
                href: page.link(&view::category_path(&c.kode)),
                jumlah,
                current: only.is_some_and(|o| o.kode == c.kode),
            })
        })
        .collect()
}

fn producer(r: &mut Renderer, site: &Site, u: &Producer) {
    let katalog = &site.katalog;
    let summary = u
        .deskripsi
        .as_deref()
        .map(|d| markdown::excerpt(d, 160))
        .unwrap_or_else(|| format!("Produk {} dari {}.", u.nama, r.site.nama_lengkap));
    let mut page = r.page_view(&view::producer_path(&u.stem), u.nama.clone(), summary);
    if let Some(f) = &u.foto {
        let alt = f.keterangan.clone().unwrap_or_else(|| u.nama.clone());
        r.share_photo(&mut page, &f.path, &alt);
    }
    let deskripsi = u
        .deskripsi
        .as_deref()
        .map(|md| description(r, &page, &site.root, &u.source, md));
    let umkm = view::producer(r, &page, u, deskripsi);
    let cards = view::cards(r, &page, katalog, katalog.products_of(&u.stem));
    let produk = view::without_producer(cards);
    let daftar_href = page.link(view::LIST_PATH);
    r.page(
        "produk/umkm.html",
        &page,
        ProducerExtra {
            umkm,
            produk,
            daftar_href,
        },
    );
}

/// A Markdown description as safe HTML. Images must be photos inside content/; others are
/// left out with a warning naming the file.
pub(super) fn description(
    r: &mut Renderer,
    page: &PageView,
    root: &Path,
    source: &Path,
    md: &str,
) -> String {
    let mut refused = Vec::new();
    let html = markdown::to_html(md, &mut |src| match crate::photo::resolve(root, src) {
        Ok(path) => Some(r.photo(page, &path, "").body_image()),
        Err(reason) => {
            refused.push(reason);
            None
        }
    });
    for reason in refused {
        r.diagnostic(
            Diagnostic::warning(
                source,
                format!("gambar di deskripsi tidak ditampilkan: {reason}"),
            )
            .hint("simpan gambarnya di content/foto/ dan tulis `![keterangan](foto/nama.jpg)`"),
        );
    }
    html
}

/// Products for the home page.
#[derive(Serialize)]
pub struct HomeSection {
    pub produk: Vec<CardView>,
    pub jumlah: usize,
    pub href: String,
}

/// A few available products, one category after another so the home page shows the range
/// of what the village makes; None when there are no products.
pub fn home_section(r: &mut Renderer, page: &PageView, site: &Site) -> Option<HomeSection> {
    let katalog = &site.katalog;
    if katalog.products.is_empty() {
        return None;
    }
    let queues: Vec<Vec<&Product>> = katalog
        .categories
        .iter()
        .map(|c| {
            let available = katalog
                .products
                .iter()
                .filter(|p| p.tersedia && p.kategori == c.kode);
            view::sorted(available)
        })
        .filter(|q| !q.is_empty())
        .collect();
    let mut chosen = Vec::new();
    let mut round = 0;
    while chosen.len() < ON_HOME && queues.iter().any(|q| q.len() > round) {
        for q in &queues {
            if let Some(p) = q.get(round)
                && chosen.len() < ON_HOME
            {
                chosen.push(*p);
            }
        }
        round += 1;
    }
    let produk = chosen
        .into_iter()
        .map(|p| view::card(r, page, katalog, p))
        .collect();
    Some(HomeSection {
        produk,
        jumlah: katalog.products.len(),
        href: page.link(view::LIST_PATH),
    })
}
