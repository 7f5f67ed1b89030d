//! Checks of single fields of a product file, each reporting at the field's line.
//!
//! In: a field's text as written and what it must match (categories, producers). Out: the
//! usable value, or None with a diagnostic that says what is wrong and how to fix it.

use super::category::{Categories, suggested_slug};
use super::model::{Context, Description, Producer, Tautan};
use super::whatsapp;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::money::parse_price;
use crate::source::SourceFile;
use crate::suggest::did_you_mean;
use crate::yaml::{Spans, text};
use pulldown_cmark::{Event, Tag};
use rust_decimal::Decimal;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct TautanDoc {
    pub shopee: Option<String>,
    pub tokopedia: Option<String>,
    pub tiktok: Option<String>,
    pub instagram: Option<String>,
    pub facebook: Option<String>,
}

/// A required key that is absent or empty: at its line when it is there but empty.
pub(super) fn missing(src: &SourceFile, spans: &Spans, key: &str, example: &str) -> Diagnostic {
    src.error(
        spans.key(key),
        format!("kunci `{key}` wajib diisi tetapi tidak ada"),
    )
    .hint(format!("tambahkan baris `{example}`"))
}

pub(super) fn known_producer(
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
    d = match did_you_mean(umkm, cx.producers.keys().map(String::as_str)) {
        Some(hint) => d.hint(hint),
        None => d.hint(format!(
            "buat berkas content/umkm/{umkm}.yaml berisi profil UMKM-nya, atau hapus baris `umkm:`"
        )),
    };
    diags.push(d);
    false
}

pub(super) fn check_category(
    categories: &Categories,
    src: &SourceFile,
    spans: &Spans,
    kategori: Option<String>,
    diags: &mut Diagnostics,
) -> Option<String> {
    // Only a problem needs the list of categories.
    let note = || {
        let known: Vec<String> = categories.iter().map(|c| format!("`{}`", c.kode)).collect();
        format!("kategori yang ada: {}", known.join(", "))
    };
    let Some(k) = kategori else {
        diags.push(missing(src, spans, "kategori", "kategori: makanan-olahan").note(note()));
        return None;
    };
    if categories.get(&k).is_some() {
        return Some(k);
    }
    let hint = match did_you_mean(&k, categories.iter().map(|c| c.kode.as_str())) {
        Some(hint) => hint,
        None => format!(
            "pilih salah satu kategori yang ada, atau tambahkan kategori baru di content/desa.yaml: `kategori_produk: [{{ kode: {}, nama: … }}]`",
            suggested_slug(&k, "kode-baru")
        ),
    };
    diags.push(
        src.error(
            spans.get("kategori"),
            format!("kategori `{k}` tidak dikenal"),
        )
        .note(note())
        .hint(hint),
    );
    None
}

pub(super) fn check_price(
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
    match parse_price(&h) {
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
            diags.push(src.error(at, message).hint(e.hint));
            None
        }
    }
}

/// The `whatsapp:` number of a product or a producer, normalised (`62…`); None, reported,
/// when it is not a usable number.
pub(super) fn check_number(
    src: &SourceFile,
    spans: &Spans,
    w: &str,
    diags: &mut Diagnostics,
) -> Option<String> {
    whatsapp::normalize(w)
        .map_err(|reason| {
            diags.push(
                src.error(
                    spans.get("whatsapp"),
                    format!("nomor WhatsApp `{w}` tidak sah: {reason}"),
                )
                .hint(whatsapp::HINT),
            );
        })
        .ok()
}

pub(super) fn check_whatsapp(
    src: &SourceFile,
    spans: &Spans,
    whatsapp: Option<String>,
    producer: Option<&Producer>,
    diags: &mut Diagnostics,
) -> Option<String> {
    if let Some(w) = whatsapp {
        return check_number(src, spans, &w, diags);
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

pub(super) fn check_links(
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
        // Normalised: only http(s) with a host, anything odd in it percent-encoded.
        if let Some(url) = crate::html::web_url(&url) {
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

/// A Markdown description, refused when it nests too deeply to render in time, with the
/// photos it shows: the address as written → the path inside content/. Images that are not
/// photos inside content/ are left out, with a warning naming the file.
pub(super) fn check_description(
    root: &Path,
    src: &SourceFile,
    spans: &Spans,
    deskripsi: Option<String>,
    diags: &mut Diagnostics,
) -> Option<Description> {
    let d = deskripsi?;
    let mut photos = BTreeMap::new();
    let mut refused = Vec::new();
    let deep = crate::nesting::markdown_too_deep_with(&d, |event, _| {
        let Event::Start(Tag::Image { dest_url, .. }) = event else {
            return;
        };
        let address = dest_url.to_string();
        if photos.contains_key(&address) {
            return;
        }
        match crate::photo::resolve(root, &address) {
            Ok(path) => {
                photos.insert(address, path);
            }
            Err(reason) => refused.push(reason),
        }
    });
    if deep.is_some() {
        let at = spans
            .get("deskripsi")
            .unwrap_or(crate::diagnostic::Location::new(1, 1));
        diags.push(crate::document::too_deep(src, at));
        return None;
    }
    for reason in refused {
        diags.push(
            Diagnostic::warning(
                &src.path,
                format!("gambar di deskripsi tidak ditampilkan: {reason}"),
            )
            .hint("simpan gambarnya di content/foto/ dan tulis `![keterangan](foto/nama.jpg)`"),
        );
    }
    Some(Description {
        markdown: d,
        photos,
    })
}
