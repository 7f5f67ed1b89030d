//! A product's own page, `produk/STEM/`: photos, price, the WhatsApp order button, maker,
//! description, permits, marketplace links, other products of the same maker, and the
//! schema.org data; `og:type` product with the product photo for share previews.

use super::jsonld;
use super::view::{self, DetailView, FotoView, LinkView};
use crate::markdown;
use crate::money::rupiah;
use crate::paths;
use crate::product::model::{Producer, Product};
use crate::product::whatsapp::{self, Order};
use crate::render::renderer::Renderer;
use crate::render::view::PageView;
use crate::site::Site;
use serde::Serialize;

#[derive(Serialize)]
struct ProductExtra {
    produk: DetailView,
    /// Already escaped for a script element by [`jsonld::product`].
    jsonld: String,
    daftar_href: String,
}

pub fn render(r: &mut Renderer, site: &Site, p: &Product) {
    let katalog = &site.katalog;
    let path = paths::product(&p.stem);
    let producer = p.umkm.as_deref().and_then(|u| katalog.producer(u));
    let mut page = page_view(r, &path, p, producer);
    let (foto, images) = photos(r, &mut page, p);
    let url = r.absolute(&path);
    let category = katalog
        .categories
        .get(&p.kategori)
        .map_or(p.kategori.as_str(), |c| &c.nama);
    let jsonld = jsonld::product(&jsonld::Facts {
        nama: &p.nama,
        images,
        description: p
            .deskripsi
            .as_ref()
            .map(|d| markdown::excerpt(&d.markdown, 160)),
        producer: producer.map(|u| u.nama.as_str()),
        category,
        harga: p.harga,
        tersedia: p.tersedia,
        url: url.clone(),
    });
    let deskripsi = p.deskripsi.as_ref().map(|d| view::description(r, &page, d));
    let lainnya = match producer {
        Some(u) => {
            let others = katalog.products_of(&u.stem).filter(|o| o.stem != p.stem);
            view::without_producer(view::cards(r, &page, katalog, others))
        }
        None => Vec::new(),
    };
    let produk = DetailView {
        pesan: order_button(p, &r.site.nama_lengkap, url.as_deref()),
        kategori: LinkView {
            label: category.to_owned(),
            href: page.link(&paths::product_category(&p.kategori)),
        },
        umkm: producer.map(|u| view::producer_brief(&page, u)),
        foto,
        deskripsi,
        lainnya,
        facts: view::facts(p),
    };
    let extra = ProductExtra {
        produk,
        jsonld,
        daftar_href: page.link(paths::PRODUCTS),
    };
    r.page("produk/produk.html", &page, extra);
}

/// The photos as shown, and the addresses of their 960-pixel copies for metadata
/// (absolute with base_url); the first one, cropped, becomes the page's share image.
fn photos(r: &mut Renderer, page: &mut PageView, p: &Product) -> (Vec<FotoView>, Vec<String>) {
    if let Some(f) = p.foto.first() {
        let alt = f.keterangan.as_deref().unwrap_or(&p.nama);
        r.share_photo(page, &f.path, alt);
    }
    let foto: Vec<FotoView> = p
        .foto
        .iter()
        .map(|f| view::foto(r, page, f, &p.nama))
        .collect();
    let images: Vec<String> = foto
        .iter()
        .filter(|f| !f.photo.path.is_empty())
        .map(|f| r.address(page, &f.photo.path))
        .collect();
    (foto, images)
}

/// Title, and a description with the price and maker first: share previews cut long ones.
fn page_view(r: &Renderer, path: &str, p: &Product, producer: Option<&Producer>) -> PageView {
    let per = p
        .satuan
        .as_ref()
        .map(|s| format!(" per {s}"))
        .unwrap_or_default();
    let dari = producer
        .map(|u| format!(", dari {}", u.nama))
        .unwrap_or_default();
    let about = p.deskripsi.as_ref().map_or_else(
        || format!("Produk UMKM {}.", r.site.nama_lengkap),
        |d| markdown::excerpt(&d.markdown, 110),
    );
    let mut page = r.page_view(
        path,
        p.nama.clone(),
        format!("{}{per}{dari}. {about}", rupiah(p.harga)),
    );
    page.og_type = "product";
    page
}

/// "Pesan via WhatsApp" with the order message, or a question when the product is sold
/// out; None when there is no number (only when the producer's number was refused).
fn order_button(p: &Product, desa: &str, url: Option<&str>) -> Option<LinkView> {
    let number = p.whatsapp.as_deref()?;
    let harga = rupiah(p.harga);
    let text = whatsapp::message(&Order {
        nama: &p.nama,
        harga: &harga,
        satuan: p.satuan.as_deref(),
        desa,
        url,
        tersedia: p.tersedia,
    });
    let label = if p.tersedia {
        "Pesan via WhatsApp"
    } else {
        "Tanya via WhatsApp"
    };
    Some(LinkView {
        label: label.to_owned(),
        href: whatsapp::order_link(number, &text),
    })
}
