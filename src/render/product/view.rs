//! Typed views of the catalog for the templates: product cards for the grids, a product's
//! full page, a producer's profile. Prices are formatted here, never in a template.

use crate::paths;
use crate::product::Catalog;
use crate::product::model::{Description, Producer, Product};
use crate::product::photo::Foto;
use crate::product::whatsapp;
use crate::render::renderer::Renderer;
use crate::render::view::{PageView, PhotoView, SIZES_CARD, SIZES_PRODUCT};
use serde::Serialize;

pub use crate::render::view::LinkView;

/// One product in a grid.
#[derive(Debug, Clone, Serialize)]
pub struct CardView {
    pub nama: String,
    pub href: String,
    /// `Rp 15.000`.
    pub harga: String,
    /// `15000`: what the sorting script compares.
    pub harga_angka: String,
    pub satuan: Option<String>,
    /// Decorative in a card (the name follows), so its alt text is empty.
    pub foto: Option<PhotoView>,
    pub umkm: Option<String>,
    pub tersedia: bool,
}

/// A photo with its caption.
#[derive(Debug, Clone, Serialize)]
pub struct FotoView {
    #[serde(flatten)]
    pub photo: PhotoView,
    pub keterangan: Option<String>,
}

/// Products sorted for display: by name, ignoring case, then by file name.
pub fn sorted<'a>(products: impl Iterator<Item = &'a Product>) -> Vec<&'a Product> {
    let mut list: Vec<&Product> = products.collect();
    list.sort_by_cached_key(|p| (p.nama.to_lowercase(), p.stem.clone()));
    list
}

pub fn card(r: &mut Renderer, page: &PageView, katalog: &Catalog, p: &Product) -> CardView {
    CardView {
        nama: p.nama.clone(),
        href: page.link(&paths::product(&p.stem)),
        harga: crate::money::rupiah(p.harga),
        harga_angka: p.harga.normalize().to_string(),
        satuan: p.satuan.clone(),
        foto: p
            .foto
            .first()
            .map(|f| r.photo(page, &f.path, "").sizes(SIZES_CARD)),
        umkm: p
            .umkm
            .as_deref()
            .and_then(|u| katalog.producer(u))
            .map(|u| u.nama.clone()),
        tersedia: p.tersedia,
    }
}

pub fn cards<'a>(
    r: &mut Renderer,
    page: &PageView,
    katalog: &Catalog,
    products: impl Iterator<Item = &'a Product>,
) -> Vec<CardView> {
    sorted(products)
        .into_iter()
        .map(|p| card(r, page, katalog, p))
        .collect()
}

/// Cards shown on a page about their producer: no need to name it under every product.
pub fn without_producer(mut cards: Vec<CardView>) -> Vec<CardView> {
    for card in &mut cards {
        card.umkm = None;
    }
    cards
}

pub fn foto(r: &mut Renderer, page: &PageView, f: &Foto, fallback_alt: &str) -> FotoView {
    let alt = f.keterangan.as_deref().unwrap_or(fallback_alt);
    FotoView {
        photo: r.photo(page, &f.path, alt).sizes(SIZES_PRODUCT),
        keterangan: f.keterangan.clone(),
    }
}

/// A Markdown description as safe HTML, its photos (found at load) shown as copies.
pub fn description(r: &mut Renderer, page: &PageView, d: &Description) -> String {
    crate::markdown::to_html(&d.markdown, &mut |src| {
        d.photos
            .get(src)
            .map(|path| r.photo(page, path, "").body_image())
    })
}

/// A producer as named on a product's page.
#[derive(Debug, Clone, Serialize)]
pub struct ProducerBrief {
    pub nama: String,
    pub href: String,
    pub jenis: Option<&'static str>,
    pub dusun: Option<String>,
}

pub fn producer_brief(page: &PageView, u: &Producer) -> ProducerBrief {
    ProducerBrief {
        nama: u.nama.clone(),
        href: page.link(&paths::producer(&u.stem)),
        jenis: u.jenis.map(|j| j.label()),
        dusun: u.dusun.as_deref().map(dusun),
    }
}

/// `Dusun Krajan`, whether the file says `Krajan` or `Dusun Krajan`.
pub fn dusun(name: &str) -> String {
    if name.to_lowercase().starts_with("dusun ") {
        name.to_owned()
    } else {
        format!("Dusun {name}")
    }
}

/// A producer's own page.
#[derive(Debug, Clone, Serialize)]
pub struct ProducerView {
    pub nama: String,
    pub jenis: Option<&'static str>,
    pub dusun: Option<String>,
    pub alamat: Option<String>,
    /// `0812-3456-7890` linking to a chat.
    pub whatsapp: Option<LinkView>,
    pub foto: Option<FotoView>,
    /// Sanitized HTML from the Markdown description.
    pub deskripsi: Option<String>,
}

pub fn producer(
    r: &mut Renderer,
    page: &PageView,
    u: &Producer,
    deskripsi: Option<String>,
) -> ProducerView {
    ProducerView {
        nama: u.nama.clone(),
        jenis: u.jenis.map(|j| j.label()),
        dusun: u.dusun.as_deref().map(dusun),
        alamat: u.alamat.clone(),
        whatsapp: u.whatsapp.as_deref().map(|n| LinkView {
            label: whatsapp::display(n),
            href: whatsapp::chat_link(n),
        }),
        foto: u.foto.as_ref().map(|f| foto(r, page, f, &u.nama)),
        deskripsi,
    }
}

/// A permit as shown: `("PIRT", "2063…")`.
#[derive(Debug, Clone, Serialize)]
pub struct IzinView {
    pub label: &'static str,
    pub nomor: String,
}

pub fn izin(p: &Product) -> Vec<IzinView> {
    [
        ("P-IRT", &p.izin.pirt),
        ("Halal", &p.izin.halal),
        ("NIB", &p.izin.nib),
    ]
    .into_iter()
    .filter_map(|(label, nomor)| nomor.clone().map(|nomor| IzinView { label, nomor }))
    .collect()
}

/// What a product page says that needs nothing but the product itself.
#[derive(Debug, Clone, Serialize)]
pub struct Facts {
    pub nama: String,
    pub harga: String,
    pub satuan: Option<String>,
    pub tersedia: bool,
    pub izin: Vec<IzinView>,
    /// Marketplaces and social media.
    pub tautan: Vec<LinkView>,
}

pub fn facts(p: &Product) -> Facts {
    Facts {
        nama: p.nama.clone(),
        harga: crate::money::rupiah(p.harga),
        satuan: p.satuan.clone(),
        tersedia: p.tersedia,
        izin: izin(p),
        tautan: p
            .tautan
            .iter()
            .map(|t| LinkView {
                label: t.label.to_owned(),
                href: t.url.clone(),
            })
            .collect(),
    }
}

/// A product's own page.
#[derive(Debug, Clone, Serialize)]
pub struct DetailView {
    #[serde(flatten)]
    pub facts: Facts,
    pub foto: Vec<FotoView>,
    pub kategori: LinkView,
    pub umkm: Option<ProducerBrief>,
    /// The WhatsApp button: "Pesan via WhatsApp", or a question when sold out.
    pub pesan: Option<LinkView>,
    /// Sanitized HTML from the Markdown description.
    pub deskripsi: Option<String>,
    /// Other products of the same producer.
    pub lainnya: Vec<CardView>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::product::model::{Izin, Tautan};
    use rust_decimal::Decimal;

    fn product(harga: Decimal) -> Product {
        Product {
            stem: "kopi".into(),
            source: "content/produk/kopi.yaml".into(),
            nama: "Kopi".into(),
            umkm: None,
            kategori: "minuman".into(),
            harga,
            satuan: Some("gelas".into()),
            whatsapp: None,
            foto: Vec::new(),
            izin: Izin {
                pirt: Some("P-1".into()),
                halal: None,
                nib: Some("N-1".into()),
            },
            tautan: vec![Tautan {
                kunci: "shopee",
                label: "Shopee",
                url: "https://shopee.co.id/x".into(),
            }],
            deskripsi: None,
            tersedia: true,
        }
    }

    #[test]
    fn prices_are_formatted_the_indonesian_way() {
        // 1250050 × 10⁻² = 12.500,50: dots group thousands, a comma before the sen.
        let f = facts(&product(Decimal::new(1250050, 2)));
        assert_eq!(f.harga, "Rp 12.500,50");
        let f = facts(&product(Decimal::from(350000)));
        assert_eq!(f.harga, "Rp 350.000");
        assert_eq!(f.izin.len(), 2);
        assert_eq!((f.izin[1].label, f.izin[1].nomor.as_str()), ("NIB", "N-1"));
        assert_eq!(f.tautan[0].label, "Shopee");
    }

    #[test]
    fn dusun_is_named_once() {
        assert_eq!(dusun("Krajan"), "Dusun Krajan");
        assert_eq!(dusun("Dusun Karet"), "Dusun Karet");
        assert_eq!(dusun("dusun karet"), "dusun karet");
    }

    #[test]
    fn products_sort_by_name_ignoring_case() {
        let mut a = product(Decimal::ONE);
        a.nama = "Tampah".into();
        let mut b = product(Decimal::ONE);
        b.nama = "bakul".into();
        let names: Vec<&str> = sorted([&a, &b].into_iter())
            .iter()
            .map(|p| p.nama.as_str())
            .collect();
        // By bytes `T` (0x54) comes before `b` (0x62); ignoring case, bakul comes first.
        assert_eq!(names, ["bakul", "Tampah"]);
    }
}
