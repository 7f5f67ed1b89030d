//! Product files: `content/produk/*.yaml`.
//!
//! In: one file's text, the categories, the producers already read, and the site folder
//! (for photos). Out: a [`Product`] when the file is usable, and a diagnostic at its line
//! for every problem in it (all of them, not just the first): unknown producer or category,
//! missing, zero, negative or ambiguous price, a WhatsApp number that is not an Indonesian
//! mobile number, a missing photo, a marketplace link that is not a web address.

use super::fields::TautanDoc;
use super::fields::{
    check_category, check_description, check_links, check_price, check_whatsapp, known_producer,
    missing,
};
use super::model::{Context, Izin, Product};
use super::photo::{self, FotoDoc};
use crate::diagnostic::Diagnostics;
use crate::source::SourceFile;
use crate::yaml::{self, text};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Doc {
    nama: Option<String>,
    umkm: Option<String>,
    kategori: Option<String>,
    harga: Option<String>,
    satuan: Option<String>,
    whatsapp: Option<String>,
    #[serde(default, deserialize_with = "photo::one_or_many")]
    foto: Vec<FotoDoc>,
    #[serde(default)]
    izin: Izin,
    #[serde(default)]
    tautan: TautanDoc,
    deskripsi: Option<String>,
    tersedia: Option<bool>,
}

/// Reads a product file named `stem`. None when it has an error.
pub fn parse(
    cx: &Context,
    src: &SourceFile,
    stem: &str,
    diags: &mut Diagnostics,
) -> Option<Product> {
    let (doc, spans): (Doc, _) = yaml::read_with_spans(src, diags)?;
    let errors_before = diags.error_count();
    let nama = text(doc.nama);
    if nama.is_none() {
        diags.push(missing(
            src,
            &spans,
            "nama",
            "nama: Keripik Singkong Balado",
        ));
    }
    let written = text(doc.umkm);
    let umkm = written
        .clone()
        .filter(|u| known_producer(cx, src, &spans, u, diags));
    let producer = umkm.as_ref().and_then(|u| cx.producers.get(u));
    let kategori = check_category(cx.categories, src, &spans, text(doc.kategori), diags);
    let harga = check_price(src, &spans, text(doc.harga), diags);
    // An unknown producer is reported already; its number may be the one meant.
    let whatsapp = match (text(doc.whatsapp), producer, &written) {
        (None, None, Some(_)) => None,
        (w, p, _) => check_whatsapp(src, &spans, w, p, diags),
    };
    let foto = doc
        .foto
        .into_iter()
        .enumerate()
        .filter_map(|(i, f)| {
            let at = spans
                .get(&format!("foto[{i}].berkas"))
                .or_else(|| spans.get(&format!("foto[{i}]")))
                .or_else(|| spans.get("foto"));
            photo::check(cx.root, src, f, at, diags)
        })
        .collect();
    let tautan = check_links(src, &spans, doc.tautan, diags);
    let deskripsi = check_description(cx.root, src, &spans, text(doc.deskripsi), diags);
    if diags.error_count() > errors_before {
        return None;
    }
    Some(Product {
        stem: stem.to_owned(),
        source: src.path.clone(),
        nama: nama?,
        umkm,
        kategori: kategori?,
        harga: harga?,
        satuan: text(doc.satuan),
        whatsapp,
        foto,
        izin: Izin {
            pirt: text(doc.izin.pirt),
            halal: text(doc.izin.halal),
            nib: text(doc.izin.nib),
        },
        tautan,
        deskripsi,
        tersedia: doc.tersedia.unwrap_or(true),
    })
}
