//! Product files: `content/produk/*.yaml`.
//!
//! In: one file's text, the categories, the producers already read, and the site folder
//! (for photos). Out: a [`Product`] when the file is usable, and a diagnostic at its line
//! for every problem in it (all of them, not just the first): unknown producer or category,
//! missing, zero, negative or ambiguous price, a WhatsApp number that is not an Indonesian
//! mobile number, a missing photo, a marketplace link that is not a web address.

use super::foto::{self, Foto, FotoDoc};
use super::kategori::Categories;
use super::umkm::{Producer, text};
use super::whatsapp;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::money::parse_amount;
use crate::source::SourceFile;
use crate::suggest::closest;
use crate::yaml::{self, Spans};
use rust_decimal::Decimal;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Doc {
    nama: Option<String>,
    umkm: Option<String>,
    kategori: Option<String>,
    harga: Option<String>,
    satuan: Option<String>,
    whatsapp: Option<String>,
    #[serde(default, deserialize_with = "foto::one_or_many")]
    foto: Vec<FotoDoc>,
    #[serde(default)]
    izin: Izin,
    #[serde(default)]
    tautan: TautanDoc,
    deskripsi: Option<String>,
    tersedia: Option<bool>,
}

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

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct TautanDoc {
    shopee: Option<String>,
    tokopedia: Option<String>,
    tiktok: Option<String>,
    instagram: Option<String>,
    facebook: Option<String>,
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
    /// Markdown.
    pub deskripsi: Option<String>,
    pub tersedia: bool,
}

/// What a product file is checked against.
pub struct Context<'a> {
    pub root: &'a Path,
    pub categories: &'a Categories,
    /// By stem.
    pub producers: &'a BTreeMap<String, Producer>,
}

/// Reads a product file named `stem`. None when it has an error.
pub fn parse(
    cx: &Context,
    src: &SourceFile,
    stem: &str,
    diags: &mut Diagnostics,
) -> Option<Product> {
    let doc: Doc = match yaml::parse(src) {
        Ok(doc) => doc,
        Err(d) => {
            diags.push(d);
            return None;
        }
    };
    let errors_before = diags.error_count();
    let spans = Spans::build(&src.text, 0);
    let nama = text(doc.nama);
    if nama.is_none() {
        diags.push(missing(
            src,
            &spans,
            "nama",
            "nama: Keripik Singkong Balado",
        ));
    }
    let umkm = text(doc.umkm).filter(|u| known_producer(cx, src, &spans, u, diags));
    let producer = umkm.as_ref().and_then(|u| cx.producers.get(u));
    let kategori = check_category(cx.categories, src, &spans, text(doc.kategori), diags);
    let harga = check_price(src, &spans, text(doc.harga), diags);
    let whatsapp = check_whatsapp(src, &spans, text(doc.whatsapp), producer, diags);
    let foto = doc
        .foto
        .into_iter()
        .enumerate()
        .filter_map(|(i, f)| {
            let at = spans
                .get(&format!("foto[{i}].berkas"))
                .or_else(|| spans.get(&format!("foto[{i}]")))
                .or_else(|| spans.get("foto"));
            foto::check(cx.root, src, f, at, diags)
        })
        .collect();
    let tautan = check_links(src, &spans, doc.tautan, diags);
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
        deskripsi: text(doc.deskripsi),
        tersedia: doc.tersedia.unwrap_or(true),
    })
}

/// A required key that is absent or empty: at its line when it is there but empty.
fn missing(src: &SourceFile, spans: &Spans, key: &str, example: &str) -> Diagnostic {
    src.error(
        spans.key(key),
        format!("kunci `{key}` wajib diisi tetapi tidak ada"),
    )
    .hint(format!("tambahkan baris `{example}`"))
}

fn known_producer(
    cx: &Context,
    src: &SourceFile,
    spans: &Spans,
    umkm: &str,
    diags: &mut Diagnostics,
) -> bool {
    if cx.producers.contains_key(umkm) {
        return true;
    }
    let mut d = src.error(
        spans.get("umkm"),
        format!("UMKM `{umkm}` tidak ditemukan: tidak ada berkas content/umkm/{umkm}.yaml"),
    );
    if !cx.producers.is_empty() {
        let names: Vec<String> = cx.producers.keys().map(|k| format!("`{k}`")).collect();
        d = d.note(format!("UMKM yang ada: {}", names.join(", ")));
    }
    d = match closest(umkm, cx.producers.keys().map(String::as_str)) {
        Some(best) => d.hint(format!("maksud Anda `{best}`?")),
        None => d.hint(format!(
            "buat berkas content/umkm/{umkm}.yaml berisi profil UMKM-nya, atau hapus baris `umkm:`"
        )),
    };
    diags.push(d);
    false
}

fn check_category(
    categories: &Categories,
    src: &SourceFile,
    spans: &Spans,
    kategori: Option<String>,
    diags: &mut Diagnostics,
) -> Option<String> {
    let known: Vec<String> = categories.iter().map(|c| format!("`{}`", c.kode)).collect();
    let note = format!("kategori yang ada: {}", known.join(", "));
    let Some(k) = kategori else {
        diags.push(missing(src, spans, "kategori", "kategori: makanan-olahan").note(note));
        return None;
    };
    if categories.get(&k).is_some() {
        return Some(k);
    }
    let hint = match closest(&k, categories.iter().map(|c| c.kode.as_str())) {
        Some(best) => format!("maksud Anda `{best}`?"),
        None => format!(
            "pilih salah satu kategori yang ada, atau tambahkan kategori baru di content/desa.yaml: `kategori_produk: [{{ kode: {}, nama: … }}]`",
            super::kategori::suggested_slug(&k, "kode-baru")
        ),
    };
    diags.push(
        src.error(
            spans.get("kategori"),
            format!("kategori `{k}` tidak dikenal"),
        )
        .note(note)
        .hint(hint),
    );
    None
}

fn check_price(
    src: &SourceFile,
    spans: &Spans,
    harga: Option<String>,
    diags: &mut Diagnostics,
) -> Option<Decimal> {
    let Some(h) = harga else {
        diags.push(missing(src, spans, "harga", "harga: 15000"));
        return None;
    };
    let at = spans.get("harga");
    match parse_amount(&h) {
        Ok(v) if v.is_zero() => {
            diags.push(
                src.error(at, format!("harga `{h}` harus lebih dari nol"))
                    .hint("tulis harga jualnya dalam Rupiah; jika harganya bermacam-macam, tulis yang termurah dan jelaskan di `deskripsi`"),
            );
            None
        }
        Ok(v) => Some(v),
        Err(e) => {
            // The amount parser speaks of a "jumlah"; here it is a price.
            let message = e.message.replacen("jumlah", "harga", 1);
            // A price is never a fraction of a rupiah: say how to write the thousands.
            let hint = if e.message.contains("bermakna ganda") {
                let digits: String = h.chars().filter(char::is_ascii_digit).collect();
                let meant = digits.parse().map(crate::money::rupiah).unwrap_or_default();
                format!("untuk {meant} tulis `harga: {digits}` (tanpa titik)")
            } else {
                e.hint
            };
            diags.push(src.error(at, message).hint(hint));
            None
        }
    }
}

fn check_whatsapp(
    src: &SourceFile,
    spans: &Spans,
    whatsapp: Option<String>,
    producer: Option<&Producer>,
    diags: &mut Diagnostics,
) -> Option<String> {
    if let Some(w) = whatsapp {
        return match whatsapp::normalize(&w) {
            Ok(n) => Some(n),
            Err(reason) => {
                diags.push(
                    src.error(
                        spans.get("whatsapp"),
                        format!("nomor WhatsApp `{w}` tidak sah: {reason}"),
                    )
                    .hint(whatsapp::HINT),
                );
                None
            }
        };
    }
    if let Some(p) = producer
        && (p.whatsapp.is_some() || p.whatsapp_refused)
    {
        return p.whatsapp.clone();
    }
    let hint = match producer {
        Some(p) => format!(
            "tambahkan `whatsapp: \"0812-…\"` di berkas ini, atau di {} agar dipakai semua produk {}",
            p.source.display(),
            p.nama
        ),
        None => "tambahkan baris `whatsapp: \"0812-…\"` dengan nomor penjualnya".to_owned(),
    };
    diags.push(
        src.error(
            None,
            "produk ini belum punya nomor WhatsApp untuk pemesanan",
        )
        .hint(hint),
    );
    None
}

fn check_links(
    src: &SourceFile,
    spans: &Spans,
    doc: TautanDoc,
    diags: &mut Diagnostics,
) -> Vec<Tautan> {
    let written = [
        ("shopee", "Shopee", doc.shopee),
        ("tokopedia", "Tokopedia", doc.tokopedia),
        ("tiktok", "TikTok Shop", doc.tiktok),
        ("instagram", "Instagram", doc.instagram),
        ("facebook", "Facebook", doc.facebook),
    ];
    let mut out = Vec::new();
    for (kunci, label, url) in written {
        let Some(url) = text(url) else { continue };
        let web = url.starts_with("https://") || url.starts_with("http://");
        if web && url.len() > "https://".len() && !url.contains(char::is_whitespace) {
            out.push(Tautan { kunci, label, url });
        } else {
            diags.push(
                src.error(
                    spans.get(&format!("tautan.{kunci}")),
                    format!("tautan {label} `{url}` bukan alamat web lengkap"),
                )
                .hint("salin alamat lengkapnya dari peramban, diawali https://, misalnya `https://shopee.co.id/nama-toko`"),
            );
        }
    }
    out
}
