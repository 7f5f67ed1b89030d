//! The product catalog through the real binary: the sample catalog's pages and links, the
//! WhatsApp order links, the JSON-LD, hostile descriptions and validation messages.

#![allow(clippy::unwrap_used)]

mod common;
use common::*;
use percent_encoding::percent_decode_str;
use std::path::Path;

fn build(site: &Path) -> std::process::Output {
    papan(&["build", site.to_str().unwrap()])
}

fn read(site: &Path, page: &str) -> String {
    std::fs::read_to_string(site.join("output").join(page))
        .unwrap_or_else(|e| panic!("{page}: {e}"))
}

/// Every value of `attr="…"` in the page.
fn attrs<'a>(html: &'a str, attr: &str) -> Vec<&'a str> {
    html.split(&format!("{attr}=\""))
        .skip(1)
        .map(|p| p.split('"').next().unwrap())
        .collect()
}

/// The text of the WhatsApp order link on a product page, decoded, with its number.
fn order(html: &str) -> (String, String) {
    let link = attrs(html, "href")
        .into_iter()
        .find(|h| h.starts_with("https://wa.me/"))
        .expect("a wa.me link");
    let (number, query) = link
        .strip_prefix("https://wa.me/")
        .unwrap()
        .split_once("?text=")
        .unwrap();
    let text = percent_decode_str(query)
        .decode_utf8()
        .unwrap()
        .into_owned();
    (number.to_owned(), text)
}

fn jsonld(html: &str) -> serde_json::Value {
    let start = "<script type=\"application/ld+json\">";
    let body = html
        .split(start)
        .nth(1)
        .unwrap()
        .split("</script>")
        .next()
        .unwrap();
    serde_json::from_str(body).unwrap()
}

/// (file stem, name, price as the page shows it, satuan) of the sample products, read off
/// the YAML files by hand.
const SAMPLE: [(&str, &str, &str, &str); 14] = [
    ("bakul-nasi-bambu", "Bakul Nasi Bambu", "Rp 35.000", "buah"),
    ("beras-merah", "Beras Merah Petani Desa", "Rp 22.000", "kg"),
    (
        "brownies-ubi-ungu",
        "Brownies Ubi Ungu",
        "Rp 45.000",
        "loyang 20 × 20 cm",
    ),
    (
        "emping-jagung",
        "Emping Jagung",
        "Rp 20.000",
        "bungkus 250 g",
    ),
    ("gula-aren", "Gula Aren Cetak", "Rp 28.000", "kg"),
    (
        "homestay-paket",
        "Paket Homestay 2 Hari 1 Malam",
        "Rp 350.000",
        "paket untuk 2 orang",
    ),
    (
        "kap-lampu-bambu",
        "Kap Lampu Anyaman Bambu",
        "Rp 85.000",
        "buah",
    ),
    (
        "keripik-singkong-balado",
        "Keripik Singkong Balado",
        "Rp 15.000",
        "bungkus 250 g",
    ),
    (
        "kopi-robusta",
        "Kopi Robusta Bubuk",
        "Rp 30.000",
        "bungkus 250 g",
    ),
    (
        "madu-klanceng",
        "Madu Klanceng",
        "Rp 95.000",
        "botol 250 ml",
    ),
    ("puding-jagung", "Puding Jagung", "Rp 5.000", "cup 150 ml"),
    (
        "tampah-bambu",
        "Tampah Bambu",
        "Rp 30.000",
        "buah (diameter 50 cm)",
    ),
    ("tepung-mocaf", "Tepung Mocaf", "Rp 18.000", "kemasan 1 kg"),
    (
        "wisata-edukasi-mocaf",
        "Wisata Edukasi Membuat Tepung Mocaf",
        "Rp 50.000",
        "orang",
    ),
];

#[test]
fn sample_catalog_pages_exist_and_link_both_ways() {
    let dir = sample_site();
    let out = build(dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let site = dir.path();
    let grid = read(site, "produk/index.html");
    assert!(
        grid.contains("<h2 id=\"judul-daftar\">14 produk</h2>"),
        "{grid}"
    );
    for (stem, nama, harga, satuan) in SAMPLE {
        let page = read(site, &format!("produk/{stem}/index.html"));
        assert!(page.contains(&format!("<h1>{nama}</h1>")), "{stem}");
        assert!(
            page.contains(&format!(
                "<span class=\"harga\">{harga}</span> per {satuan}"
            )),
            "{stem}"
        );
        assert!(
            grid.contains(&format!("href=\"../produk/{stem}/index.html\"")),
            "{stem}"
        );
        // Product → its category page → back to the product.
        let category = attrs(&page, "href")
            .into_iter()
            .find(|h| h.starts_with("../../produk/kategori/"))
            .unwrap();
        let category_page = read(
            site,
            &format!("produk/{}", &category["../../produk/".len()..]),
        );
        assert!(
            category_page.contains(&format!("href=\"../../../produk/{stem}/index.html\"")),
            "{stem} missing from {category}"
        );
    }
    // Producer ↔ product, both ways.
    for (umkm, products) in [
        (
            "kub-srikandi",
            &["keripik-singkong-balado", "tepung-mocaf", "emping-jagung"][..],
        ),
        (
            "kwt-melati",
            &["puding-jagung", "brownies-ubi-ungu", "gula-aren"],
        ),
        (
            "pak-darto",
            &["bakul-nasi-bambu", "tampah-bambu", "kap-lampu-bambu"],
        ),
        (
            "bumdes-lestari",
            &["homestay-paket", "wisata-edukasi-mocaf", "beras-merah"],
        ),
        ("pkk-desa", &["kopi-robusta"]),
    ] {
        let profile = read(site, &format!("umkm/{umkm}/index.html"));
        let linked: Vec<&str> = attrs(&profile, "href")
            .into_iter()
            .filter(|h| {
                h.starts_with("../../produk/")
                    && !h.contains("kategori")
                    && *h != "../../produk/index.html"
            })
            .collect();
        assert_eq!(linked.len(), products.len(), "{umkm}: {linked:?}");
        for p in products {
            assert!(linked.contains(&format!("../../produk/{p}/index.html").as_str()));
            let page = read(site, &format!("produk/{p}/index.html"));
            assert!(
                page.contains(&format!("href=\"../../umkm/{umkm}/index.html\"")),
                "{p}"
            );
        }
        assert!(
            grid.contains(&format!("href=\"../umkm/{umkm}/index.html\"")),
            "{umkm}"
        );
    }
    // The product without a producer names none.
    assert!(!read(site, "produk/madu-klanceng/index.html").contains("Dibuat oleh"));
    // Home: a few products, the catalog in the menu and in the links.
    let home = read(site, "index.html");
    assert_eq!(home.matches("<li data-harga=").count(), 4);
    assert!(home.contains("<a href=\"produk/index.html\">Produk</a>"));
    assert!(home.contains("Lihat semua 14 produk"));
    // A sold-out product says so and asks instead of ordering.
    let gula = read(site, "produk/gula-aren/index.html");
    assert!(gula.contains("<span class=\"habis\">Sedang habis</span>"));
    assert!(gula.contains(">Tanya via WhatsApp</a>"));
}

#[test]
fn every_order_link_is_a_valid_wa_me_url_naming_product_and_price() {
    let dir = sample_site();
    let out = build(dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // Without base_url the check says once that messages carry no address.
    assert_eq!(
        stderr(&out)
            .matches("   = pesan WhatsApp pemesanan produk tidak memuat alamat halaman produknya\n")
            .count(),
        1,
        "{}",
        stderr(&out)
    );
    for (stem, nama, harga, satuan) in SAMPLE {
        let (number, text) = order(&read(dir.path(), &format!("produk/{stem}/index.html")));
        assert!(number.starts_with("628"), "{stem}: {number}");
        assert!((11..=14).contains(&number.len()) && number.bytes().all(|b| b.is_ascii_digit()));
        let expected = if stem == "gula-aren" {
            format!(
                "Halo, kapan {nama} ({harga} per {satuan}) dari Desa Sukamaju Lestari tersedia lagi?"
            )
        } else {
            format!(
                "Halo, saya ingin memesan {nama} ({harga} per {satuan}) dari Desa Sukamaju Lestari."
            )
        };
        assert_eq!(text, expected, "{stem}");
    }
    // Own number (madu) and the producer's (keripik, KUB Srikandi: 0812-0000-0001).
    let (madu, _) = order(&read(dir.path(), "produk/madu-klanceng/index.html"));
    assert_eq!(madu, "6281200000006");
    let (keripik, _) = order(&read(
        dir.path(),
        "produk/keripik-singkong-balado/index.html",
    ));
    assert_eq!(keripik, "6281200000001");
}

#[test]
fn with_base_url_messages_and_metadata_carry_absolute_addresses() {
    let dir = sample_site();
    let desa = dir.path().join("content/desa.yaml");
    let text = std::fs::read_to_string(&desa).unwrap();
    std::fs::write(&desa, format!("{text}base_url: https://sukamaju.desa.id\n")).unwrap();
    std::fs::write(
        dir.path().join("content/produk/kopi-susu.yaml"),
        "nama: \"Kopi + Susu & Gula #1?\"\nkategori: minuman\nharga: 12500\nsatuan: gelas\nwhatsapp: 0812-0000-0009\n",
    )
    .unwrap();
    let out = build(dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(!stderr(&out).contains("catatan"), "{}", stderr(&out));
    let page = read(dir.path(), "produk/kopi-susu/index.html");
    let (_, text) = order(&page);
    assert_eq!(
        text,
        "Halo, saya ingin memesan Kopi + Susu & Gula #1? (Rp 12.500 per gelas) dari Desa Sukamaju Lestari. https://sukamaju.desa.id/produk/kopi-susu/"
    );
    let keripik = read(dir.path(), "produk/keripik-singkong-balado/index.html");
    let (_, text) = order(&keripik);
    assert!(text.ends_with(". https://sukamaju.desa.id/produk/keripik-singkong-balado/"));
    let ld = jsonld(&keripik);
    assert_eq!(
        ld["url"],
        "https://sukamaju.desa.id/produk/keripik-singkong-balado/"
    );
    assert_eq!(ld["offers"]["url"], ld["url"]);
    // Metadata names the 960-pixel copy; the share preview is the 1200×630 crop.
    let k = sample_key("foto/produk-keripik-singkong-balado.jpg");
    assert_eq!(
        ld["image"][0],
        format!("https://sukamaju.desa.id/foto/produk-keripik-singkong-balado-{k}-960.jpg")
    );
    assert!(keripik.contains(&format!(
        "<meta property=\"og:image\" content=\"https://sukamaju.desa.id/bagikan/produk-keripik-singkong-balado-{k}.jpg\">"
    )));
}

#[test]
fn json_ld_of_every_sample_product_has_the_required_fields() {
    let dir = sample_site();
    assert_eq!(build(dir.path()).status.code(), Some(0));
    for (stem, nama, harga, _) in SAMPLE {
        let html = read(dir.path(), &format!("produk/{stem}/index.html"));
        assert!(html.contains("<meta property=\"og:type\" content=\"product\">"));
        let k = sample_key(&format!("foto/produk-{stem}.jpg"));
        assert!(html.contains(&format!(
            "<meta property=\"og:image\" content=\"../../bagikan/produk-{stem}-{k}.jpg\">"
        )));
        let ld = jsonld(&html);
        assert_eq!(ld["@context"], "https://schema.org");
        assert_eq!(ld["@type"], "Product");
        assert_eq!(ld["name"], nama);
        assert_eq!(
            ld["image"][0],
            format!("../../foto/produk-{stem}-{k}-960.jpg")
        );
        assert!(ld["description"].as_str().is_some_and(|d| !d.is_empty()));
        let offer = &ld["offers"];
        assert_eq!(offer["@type"], "Offer");
        // "Rp 15.000" → "15000": the same digits without the grouping dots.
        let plain: String = harga.chars().filter(char::is_ascii_digit).collect();
        assert_eq!(offer["price"], plain.as_str(), "{stem}");
        assert_eq!(offer["priceCurrency"], "IDR");
        let stock = if stem == "gula-aren" {
            "OutOfStock"
        } else {
            "InStock"
        };
        assert_eq!(offer["availability"], format!("https://schema.org/{stock}"));
        assert!(offer.get("url").is_none(), "no address without base_url");
    }
}
