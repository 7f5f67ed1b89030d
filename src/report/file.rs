//! One report file: its front matter read and every field checked.
//!
//! In: a [`Document`] (front matter and body already split, body photos checked) and what
//! reports are checked against ([`Context`]: the site folder, the budgets, today). Out: a
//! [`Report`], or None when a field is wrong; every wrong field is reported with its line,
//! not just the first.

use super::check::{self, Checker};
use super::value::{FotoItem, OneOrMany};
use super::{Photo, Report, Status};
use crate::budget::Budget;
use crate::code::Code;
use crate::diagnostic::Diagnostics;
use crate::document::Document;
use crate::yaml::{self, text};
use jiff::civil::Date;
use serde::Deserialize;
use std::path::Path;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Doc {
    judul: String,
    tanggal: String,
    kegiatan: Option<OneOrMany<String>>,
    tahun_anggaran: Option<String>,
    status: Option<String>,
    progres: Option<String>,
    lokasi: Option<String>,
    penerima_manfaat: Option<String>,
    foto: Option<OneOrMany<FotoItem>>,
}

/// What every report is checked against.
pub struct Context<'a> {
    pub root: &'a Path,
    pub budgets: &'a [Budget],
    pub today: Date,
}

pub fn parse(
    doc: &Document,
    slug: Option<String>,
    cx: &Context,
    diags: &mut Diagnostics,
) -> Option<Report> {
    let (fields, spans): (Doc, _) =
        yaml::read_part_with_spans(&doc.src, &doc.yaml, doc.yaml_offset, diags)?;
    let mut c = Checker {
        doc,
        spans,
        diags,
        ok: true,
    };
    let judul = check::judul(&mut c, &fields.judul);
    let tanggal = check::tanggal(&mut c, &fields.tanggal);
    let written = check::status(&mut c, fields.status);
    let progres = text(fields.progres).and_then(|t| check::progres(&mut c, &t));
    let penerima_manfaat = text(fields.penerima_manfaat).and_then(|t| check::penerima(&mut c, &t));
    let tahun_text = text(fields.tahun_anggaran);
    let tahun_written = tahun_text.is_some();
    let year = tahun_anggaran(&mut c, cx.budgets, cx.root, tahun_text);
    let kegiatan = match &fields.kegiatan {
        Some(list) => kegiatan_codes(&mut c, list, year, tahun_written, tanggal),
        None => Vec::new(),
    };
    let foto = photos(&mut c, cx.root, fields.foto);
    let (Some(slug), Some(tanggal), Some(written), true) = (slug, tanggal, written, c.ok) else {
        return None;
    };
    let status = check::effective_status(&mut c, written, tanggal, cx.today);
    Some(Report {
        source: doc.src.path.clone(),
        slug,
        judul,
        tanggal,
        kegiatan,
        tahun_anggaran: year.map(|(y, _)| y),
        status,
        progres: progres.or((status == Status::Selesai).then_some(100)),
        lokasi: text(fields.lokasi),
        penerima_manfaat,
        foto,
        ringkasan: crate::markdown::excerpt(&doc.body, Report::RINGKASAN_CHARS),
        body: doc.body.clone(),
        body_photos: doc.photos.clone(),
    })
}

/// A budget year and its budget; the budget is None when the year's file exists but could
/// not be read (its own errors are reported already, so its kegiatan are not checked).
type Year<'a> = (i32, Option<&'a Budget>);

fn tahun_anggaran<'b>(
    c: &mut Checker,
    budgets: &'b [Budget],
    root: &Path,
    t: Option<String>,
) -> Option<Year<'b>> {
    let t = t?;
    let Some(year) = t.parse::<i32>().ok().filter(|_| t.len() == 4) else {
        c.error(
            c.at("tahun_anggaran"),
            format!("tahun_anggaran `{t}` bukan tahun"),
            "tulis tahunnya dengan empat angka, misalnya `tahun_anggaran: 2025`".into(),
        );
        return None;
    };
    if let Some(b) = budgets.iter().find(|b| b.tahun == year) {
        return Some((year, Some(b)));
    }
    let file = format!("{}/{year}.yaml", "content/anggaran");
    if ["yaml", "yml"]
        .iter()
        .any(|x| root.join(format!("content/anggaran/{year}.{x}")).is_file())
    {
        return Some((year, None));
    }
    let years: Vec<String> = budgets.iter().map(|b| b.tahun.to_string()).collect();
    let hint = if years.is_empty() {
        format!(
            "belum ada APBDes sama sekali; tambahkan {file}, atau hapus `tahun_anggaran` dan `kegiatan`"
        )
    } else {
        format!(
            "APBDes yang ada: {}; perbaiki `tahun_anggaran`, atau tambahkan {file}",
            years.join(", ")
        )
    };
    c.error(
        c.at("tahun_anggaran"),
        format!("tidak ada APBDes tahun {year}: berkas {file} tidak ada"),
        hint,
    );
    None
}

fn kegiatan_codes(
    c: &mut Checker,
    list: &OneOrMany<String>,
    year: Option<Year>,
    tahun_written: bool,
    tanggal: Option<Date>,
) -> Vec<Code> {
    let mut codes: Vec<Code> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (path, written) in list.items("kegiatan") {
        match Code::parse(written) {
            Ok(code) if seen.insert(code.clone()) => codes.push(code),
            Ok(_) => {}
            Err(message) => c.error(
                c.at(&path),
                message,
                "tulis kode kegiatan seperti di APBDes, misalnya \"02.03.10\"".into(),
            ),
        }
    }
    let Some((tahun, budget)) = year else {
        if !codes.is_empty() && !tahun_written {
            let example = tanggal.map_or(2025, |d| i32::from(d.year()));
            c.error(c.at("kegiatan"), "`kegiatan` diisi tetapi `tahun_anggaran` tidak ada".into(), format!("tambahkan `tahun_anggaran: {example}`: tahun APBDes tempat kegiatan ini dianggarkan"));
        }
        return codes;
    };
    let Some(budget) = budget else {
        return codes;
    };
    let index = &budget.kegiatan;
    for (path, written) in list.items("kegiatan") {
        let Ok(code) = Code::parse(written) else {
            continue;
        };
        if index.contains_key(&code) {
            continue;
        }
        let candidates = index.keys().map(Code::as_str);
        let hint = match crate::suggest::closest(code.as_str(), candidates) {
            Some(best) => {
                let uraian = index
                    .iter()
                    .find(|(k, _)| k.as_str() == best)
                    .map(|(_, &i)| budget.belanja.nodes[i].uraian.as_str())
                    .unwrap_or_default();
                crate::suggest::maksud(best, Some(uraian))
            }
            None => format!("lihat kode kegiatan di {}", budget.source.display()),
        };
        c.error(
            c.at(&path),
            format!(
                "kegiatan {code} tidak ada di APBDes {tahun} ({})",
                budget.source.display()
            ),
            hint,
        );
    }
    codes
}

fn photos(c: &mut Checker, root: &Path, foto: Option<OneOrMany<FotoItem>>) -> Vec<Photo> {
    let Some(foto) = foto else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (path, item) in foto.items("foto") {
        let at = c
            .spans
            .get(&format!("{path}.berkas"))
            .or_else(|| c.at(&path));
        match crate::photo::resolve(root, &item.berkas) {
            Ok(resolved) => {
                let keterangan = text(item.keterangan.clone());
                if keterangan.is_none() {
                    let (message, hint) = crate::photo::missing_caption(&item.berkas);
                    c.warning(at, message, &hint);
                }
                out.push(Photo {
                    path: resolved,
                    keterangan,
                });
            }
            Err(message) => c.error(
                at,
                message,
                "simpan fotonya di content/foto/ lalu tulis `foto/nama-berkas.jpg`".into(),
            ),
        }
    }
    out
}
