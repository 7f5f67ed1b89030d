//! The UMKM product catalog: products (`content/produk/*.yaml`), their producers
//! (`content/umkm/*.yaml`) and the categories they are filed under.
//!
//! Part of the load stage. In: the site folder and the village's own categories. Out: a [`Catalog`] with every usable product and producer, sorted by file
//! name, and a diagnostic for every problem in every file. [`producer`] and [`item`] read
//! one file each (`fields` checks their fields) into the types of [`model`]; [`category`]
//! holds the categories; [`whatsapp`] normalises numbers and builds order links; [`photo`]
//! reads photo items.

pub mod category;
mod fields;
pub mod item;
pub mod model;
pub mod photo;
pub mod producer;
pub mod whatsapp;

#[cfg(test)]
mod tests;

use crate::collection::{self, Folder, Naming};
use crate::diagnostic::Diagnostics;
use crate::paths;
use crate::source::SourceFile;
use category::{Categories, Category};
use model::{Context, Producer, Product};
use std::collections::BTreeMap;
use std::path::Path;

pub const PRODUCTS: Folder = Folder {
    dir: "content/produk",
    extensions: &["yaml", "yml"],
    naming: Naming::Exact {
        fallback: "produk-baru",
    },
};

pub const PRODUCERS: Folder = Folder {
    dir: "content/umkm",
    extensions: &["yaml", "yml"],
    naming: Naming::Exact {
        fallback: "produk-baru",
    },
};

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

/// Reads every producer, then every product (which may name a producer). `own` are the
/// categories the village added or renamed in desa.yaml.
pub fn load(root: &Path, own: &[Category], diags: &mut Diagnostics) -> Catalog {
    let categories = Categories::new(own);
    let producers: Vec<Producer> = collection::read_all(root, &PRODUCERS, diags, |e, d| {
        let (src, stem) = source(root, e, d)?;
        producer::parse(root, &src, &stem, d)
    });
    collection::check_addresses(
        producers
            .iter()
            .map(|p| (p.stem.as_str(), p.source.as_path())),
        |s| paths::pretty(&paths::producer(s)).to_owned(),
        diags,
    );
    let producers: BTreeMap<String, Producer> =
        producers.into_iter().map(|p| (p.stem.clone(), p)).collect();
    let cx = Context {
        root,
        categories: &categories,
        producers: &producers,
    };
    let products: Vec<Product> = collection::read_all(root, &PRODUCTS, diags, |e, d| {
        let (src, stem) = source(root, e, d)?;
        item::parse(&cx, &src, &stem, d)
    });
    collection::check_addresses(
        products
            .iter()
            .map(|p| (p.stem.as_str(), p.source.as_path())),
        |s| paths::pretty(&paths::product(s)).to_owned(),
        diags,
    );
    Catalog {
        categories,
        producers,
        products,
    }
}

/// The text of a catalog file and its name.
fn source(
    root: &Path,
    entry: &collection::Entry,
    diags: &mut Diagnostics,
) -> Option<(SourceFile, String)> {
    let stem = entry.slug.clone()?;
    match SourceFile::read(root, &entry.relative) {
        Ok(src) => Some((src, stem)),
        Err(d) => {
            diags.push(d);
            None
        }
    }
}
