//! The product catalog's types: products, their producers, permits and links, as checked.
//!
//! Part of the load stage's output. [`super::item`] and [`super::producer`] fill them in
//! from one file each; the render stage reads them.

use super::category::Categories;
use super::photo::Foto;
use rust_decimal::Decimal;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Permits printed on the package. All optional, shown as written.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Izin {
    /// Pangan Industri Rumah Tangga registration number.
    pub pirt: Option<String>,
    pub halal: Option<String>,
    /// Nomor Induk Berusaha.
    pub nib: Option<String>,
}

/// A link to the product in a marketplace or on social media.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tautan {
    /// The key as written (`shopee`).
    pub kunci: &'static str,
    /// The name shown (`TikTok Shop`).
    pub label: &'static str,
    pub url: String,
}

/// A description in Markdown, with the photos it shows: the address as written → the
/// path inside content/.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Description {
    pub markdown: String,
    pub photos: BTreeMap<String, String>,
}

/// A product, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Product {
    /// The file name without `.yaml`: the page is `produk/STEM/`.
    pub stem: String,
    pub source: PathBuf,
    pub nama: String,
    /// The stem of a known producer.
    pub umkm: Option<String>,
    /// The kode of a known category.
    pub kategori: String,
    /// Exact, greater than zero.
    pub harga: Decimal,
    pub satuan: Option<String>,
    /// Normalised (`62…`): the product's own number, else its producer's.
    pub whatsapp: Option<String>,
    pub foto: Vec<Foto>,
    pub izin: Izin,
    pub tautan: Vec<Tautan>,
    pub deskripsi: Option<Description>,
    pub tersedia: bool,
}

/// What a product file is checked against.
pub struct Context<'a> {
    pub root: &'a Path,
    pub categories: &'a Categories,
    /// By stem.
    pub producers: &'a BTreeMap<String, Producer>,
}

/// The kind of group behind a product.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Jenis {
    Pkk,
    Kub,
    Bumdes,
    Perorangan,
}

impl Jenis {
    pub const ALL: [(&str, Jenis); 4] = [
        ("pkk", Jenis::Pkk),
        ("kub", Jenis::Kub),
        ("bumdes", Jenis::Bumdes),
        ("perorangan", Jenis::Perorangan),
    ];

    pub fn label(self) -> &'static str {
        match self {
            Jenis::Pkk => "Kelompok PKK",
            Jenis::Kub => "Kelompok Usaha Bersama (KUB)",
            Jenis::Bumdes => "Badan Usaha Milik Desa (BUMDes)",
            Jenis::Perorangan => "Usaha perorangan",
        }
    }
}

/// A producer: a PKK group, a KUB, the BUMDes or one person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Producer {
    /// The file name without `.yaml`: what products write in `umkm:`.
    pub stem: String,
    pub source: PathBuf,
    pub nama: String,
    pub jenis: Option<Jenis>,
    pub dusun: Option<String>,
    /// Normalised (`62…`).
    pub whatsapp: Option<String>,
    /// A number was written but refused (already reported).
    pub whatsapp_refused: bool,
    pub alamat: Option<String>,
    pub deskripsi: Option<Description>,
    pub foto: Option<Foto>,
}
