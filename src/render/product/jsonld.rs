//! schema.org `Product` data for search engines, as a JSON-LD block.
//!
//! In: a product's facts, already formatted for the page (addresses absolute when the
//! site has base_url). Out: JSON text safe to put inside `<script type="application/ld+json">`:
//! serde_json writes it, then `<`, `>` and `&` become `\u003c`, `\u003e`, `\u0026`, so no
//! text from a content file can close the script element or start a comment. Those three
//! characters only ever occur inside JSON strings, where the escapes mean the same thing.

use rust_decimal::Decimal;
use serde::Serialize;

/// What the block says about one product.
pub struct Facts<'a> {
    pub nama: &'a str,
    /// Absolute with base_url, else relative to the page.
    pub images: Vec<String>,
    pub description: Option<String>,
    pub producer: Option<&'a str>,
    pub category: &'a str,
    pub harga: Decimal,
    pub tersedia: bool,
    /// The product page's absolute address, only with base_url.
    pub url: Option<String>,
}

#[derive(Serialize)]
struct Product<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'a str,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    image: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a str>,
    category: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    brand: Option<Named<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    manufacturer: Option<Named<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    offers: Offer<'a>,
}

#[derive(Serialize)]
struct Named<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Offer<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    /// A plain decimal (`15000`, `12500.5`): no grouping, no currency sign.
    price: String,
    price_currency: &'static str,
    availability: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
}

/// The JSON-LD text for `f`.
pub fn product(f: &Facts) -> String {
    let data = Product {
        context: "https://schema.org",
        kind: "Product",
        name: f.nama,
        image: &f.images,
        description: f.description.as_deref(),
        category: f.category,
        brand: f.producer.map(|name| Named {
            kind: "Brand",
            name,
        }),
        manufacturer: f.producer.map(|name| Named {
            kind: "Organization",
            name,
        }),
        url: f.url.as_deref(),
        offers: Offer {
            kind: "Offer",
            price: f.harga.normalize().to_string(),
            price_currency: "IDR",
            availability: if f.tersedia {
                "https://schema.org/InStock"
            } else {
                "https://schema.org/OutOfStock"
            },
            url: f.url.as_deref(),
        },
    };
    // Serializing plain structs of strings cannot fail; an empty object keeps the page valid.
    let json = serde_json::to_string(&data).unwrap_or_else(|_| "{}".to_owned());
    json.replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    fn facts() -> Facts<'static> {
        Facts {
            nama: "Keripik </script><script>alert(1)</script> & <!-- x",
            images: vec!["https://desa.id/foto/k.jpg".into()],
            description: Some("Renyah & pedas".into()),
            producer: Some("KUB Srikandi"),
            category: "Makanan Olahan",
            harga: Decimal::new(1500000, 2),
            tersedia: true,
            url: Some("https://desa.id/produk/keripik/".into()),
        }
    }

    #[test]
    fn is_valid_json_with_the_required_fields() {
        let text = product(&facts());
        let v: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(v["@context"], "https://schema.org");
        assert_eq!(v["@type"], "Product");
        assert_eq!(
            v["name"],
            "Keripik </script><script>alert(1)</script> & <!-- x"
        );
        assert_eq!(v["image"][0], "https://desa.id/foto/k.jpg");
        assert_eq!(v["brand"]["name"], "KUB Srikandi");
        assert_eq!(v["manufacturer"]["@type"], "Organization");
        let offer = &v["offers"];
        assert_eq!(offer["@type"], "Offer");
        // 1500000 × 10⁻² = 15000, written without trailing zeros or grouping.
        assert_eq!(offer["price"], "15000");
        assert_eq!(offer["priceCurrency"], "IDR");
        assert_eq!(offer["availability"], "https://schema.org/InStock");
        assert_eq!(offer["url"], "https://desa.id/produk/keripik/");
    }

    #[test]
    fn nothing_can_close_the_script_element() {
        let text = product(&facts());
        for bad in ['<', '>', '&'] {
            assert!(!text.contains(bad), "{bad} in {text}");
        }
        assert!(text.contains("\\u003c/script\\u003e"));
    }

    #[test]
    fn without_base_url_or_producer_and_when_sold_out() {
        let mut f = facts();
        f.url = None;
        f.producer = None;
        f.images = vec![];
        f.tersedia = false;
        f.harga = Decimal::new(125005, 1);
        let v: Value = serde_json::from_str(&product(&f)).unwrap();
        assert!(v.get("url").is_none() && v["offers"].get("url").is_none());
        assert!(v.get("brand").is_none() && v.get("image").is_none());
        assert_eq!(v["offers"]["availability"], "https://schema.org/OutOfStock");
        assert_eq!(v["offers"]["price"], "12500.5");
    }
}
