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

use super::view::PageView;
use crate::compute::Model;
use crate::markdown;
use crate::paths;
use crate::product::Catalog;
use crate::product::category::Category;
use crate::product::model::{Producer, Product};
use crate::render::renderer::Renderer;
use crate::site::Site;
use serde::Serialize;
use view::{CardView, LinkView, ProducerView};

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

pub fn render(r: &mut Renderer, model: &Model) {
    let site = model.site;
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
            paths::PRODUCTS,
            "Produk Desa",
            format!("Produk UMKM {desa}: makanan olahan, kerajinan, hasil tani dan lainnya. Pesan langsung lewat WhatsApp."),
        ),
        Some(c) => r.page_view(
            &paths::product_category(&c.kode),
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
                href: page.link(&paths::producer(&u.stem)),
            })
            .collect(),
    };
    let extra = ListExtra {
        kategori_aktif: only.map(|c| c.nama.clone()),
        kategori,
        jumlah: produk.len(),
        produk,
        umkm,
        semua_href: page.link(paths::PRODUCTS),
        skrip: page.link(paths::CATALOG_SCRIPT),
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
                href: page.link(&paths::product_category(&c.kode)),
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
        .as_ref()
        .map(|d| markdown::excerpt(&d.markdown, 160))
        .unwrap_or_else(|| format!("Produk {} dari {}.", u.nama, r.site.nama_lengkap));
    let mut page = r.page_view(&paths::producer(&u.stem), u.nama.clone(), summary);
    if let Some(f) = &u.foto {
        let alt = f.keterangan.clone().unwrap_or_else(|| u.nama.clone());
        r.share_photo(&mut page, &f.path, &alt);
    }
    let deskripsi = u.deskripsi.as_ref().map(|d| view::description(r, &page, d));
    let umkm = view::producer(r, &page, u, deskripsi);
    let cards = view::cards(r, &page, katalog, katalog.products_of(&u.stem));
    let produk = view::without_producer(cards);
    let daftar_href = page.link(paths::PRODUCTS);
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
        href: page.link(paths::PRODUCTS),
    })
}
