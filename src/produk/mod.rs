//! The UMKM product catalog: products (`content/produk/*.yaml`), their producers
//! (`content/umkm/*.yaml`) and the categories they are filed under.
//!
//! Part of the load stage. In: the site folder and the village (for its own categories
//! and base_url). Out: a [`Catalog`] with every usable product and producer, sorted by file
//! name, and a diagnostic for every problem in every file. [`umkm`] and [`product`] read
//! one file each (`fields` checks a product's fields); [`kategori`] holds the categories; [`whatsapp`] normalises numbers and
//! builds order links; [`foto`] reads photo items.

mod fields;
pub mod foto;
pub mod kategori;
pub mod product;
pub mod umkm;
pub mod whatsapp;

#[cfg(test)]
mod tests;

use crate::desa::{self, Desa};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::site::yaml_files;
use crate::source::SourceFile;
use kategori::{Categories, is_slug, suggested_slug};
use product::{Context, Product};
use std::collections::BTreeMap;
use std::path::Path;
use umkm::Producer;

pub const PRODUCTS: &str = "content/produk";
pub const PRODUCERS: &str = "content/umkm";

/// Every product and producer of the site.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Catalog {
    pub categories: Categories,
    /// By file stem.
    pub producers: BTreeMap<String, Producer>,
    /// Sorted by file stem.
    pub products: Vec<Product>,
}

impl Catalog {
    pub fn is_empty(&self) -> bool {
        self.products.is_empty() && self.producers.is_empty()
    }

    pub fn producer(&self, stem: &str) -> Option<&Producer> {
        self.producers.get(stem)
    }

    /// The products of one producer, in catalog order.
    pub fn products_of<'a>(&'a self, umkm: &'a str) -> impl Iterator<Item = &'a Product> {
        self.products
            .iter()
            .filter(move |p| p.umkm.as_deref() == Some(umkm))
    }
}

/// Reads every producer, then every product (which may name a producer).
pub fn load(root: &Path, desa: Option<&Desa>, diags: &mut Diagnostics) -> Catalog {
    let categories = Categories::new(desa.map_or(&[], |d| d.kategori_produk.as_slice()));
    let mut producers = BTreeMap::new();
    for (src, stem) in sources(root, Path::new(PRODUCERS), diags) {
        if let Some(p) = umkm::parse(root, &src, &stem, diags) {
            producers.insert(stem, p);
        }
    }
    let cx = Context {
        root,
        categories: &categories,
        producers: &producers,
    };
    let mut products = Vec::new();
    for (src, stem) in sources(root, Path::new(PRODUCTS), diags) {
        if let Some(p) = product::parse(&cx, &src, &stem, diags) {
            products.push(p);
        }
    }
    if !products.is_empty() && desa.is_some_and(|d| d.base_url.is_none()) {
        diags.push(
            Diagnostic::info(
                desa::FILE,
                "pesan WhatsApp untuk memesan produk belum memuat alamat halaman produknya, karena `base_url` belum diisi",
            )
            .hint("setelah situs punya alamat web, tambahkan misalnya `base_url: https://sukamaju.desa.id/` di content/desa.yaml"),
        );
    }
    Catalog {
        categories,
        producers,
        products,
    }
}

/// The YAML files of `dir` with their stems; files whose name cannot be an address are
/// reported and skipped.
fn sources(root: &Path, dir: &Path, diags: &mut Diagnostics) -> Vec<(SourceFile, String)> {
    let mut out = Vec::new();
    for relative in yaml_files(root, dir) {
        let stem = relative
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        if !is_slug(&stem) {
            let ext = relative
                .extension()
                .map(|e| e.to_string_lossy().into_owned())
                .unwrap_or_default();
            diags.push(
                Diagnostic::error(
                    &relative,
                    format!(
                        "nama berkas `{stem}.{ext}` tidak dapat dipakai sebagai alamat halaman"
                    ),
                )
                .hint(format!(
                    "ganti namanya menjadi `{}.{ext}`: huruf kecil, angka dan tanda -, tanpa spasi",
                    suggested_slug(&stem, "produk-baru")
                )),
            );
            continue;
        }
        match SourceFile::read(root, &relative) {
            Ok(src) => out.push((src, stem)),
            Err(d) => diags.push(d),
        }
    }
    out
}
