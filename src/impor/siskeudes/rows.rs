//! One year of one village: Ta_RABRinci lines (and realisasi) → the rows of a [`Draft`].
//!
//! In: the tables, the village code (`20.07.`) and the year. Out: a draft with one row per
//! pendapatan/pembiayaan obyek, and per belanja kegiatan, obyek and sumber dana: the level
//! the printed APBDes shows and the level realisasi is booked at. Every Ta_RABRinci line of
//! the year lands in exactly one row, or in the report's skipped list.

use super::realisasi::{self, Key};
use super::tables::{Tables, amount, code};
use crate::budget::{Section, Tahap};
use crate::code::Code;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::impor::Choice;
use crate::impor::draft::{Draft, DraftRow};
use crate::impor::report::Report;
use crate::reference::{self, Kodefikasi};
use jiff::civil::Date;
use rust_decimal::Decimal;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Where a row goes: section, kegiatan (None outside belanja), rekening, sumber dana group.
type RowKey = (Section, Option<Code>, Code, String);

#[derive(Debug, Default)]
struct Agg {
    anggaran: Decimal,
    realisasi: Decimal,
    /// Sumber dana as written in the lines gathered here.
    sumber: BTreeSet<String>,
    uraian: Option<String>,
}

/// The kegiatan code inside a Kd_Keg (`20.07.02.15.` of village `20.07.` → `02.15`); None
/// for the all-zero code Siskeudes gives pendapatan and pembiayaan lines.
fn kegiatan_of(kd_keg: &str, desa: &str) -> Option<String> {
    let rest = code(kd_keg.strip_prefix(desa).unwrap_or(kd_keg));
    (!rest.split('.').all(|s| s.chars().all(|c| c == '0'))).then_some(rest)
}

/// The sumber dana group of a belanja row: the code Papan knows, or `?` for the rest.
fn sumber_group(section: Section, written: &str) -> String {
    if section != Section::Belanja {
        return String::new();
    }
    reference::sumber_dana(written).map_or("?".to_owned(), |s| s.kode.to_owned())
}

fn key_of(
    section: Section,
    kd_keg: &str,
    rekening: &str,
    sumber: &str,
    desa: &str,
) -> Result<RowKey, String> {
    let rek = Code::parse(rekening)?;
    let keg = match (section, kegiatan_of(kd_keg, desa)) {
        (Section::Belanja, Some(k)) => Some(Code::parse(&k)?),
        (Section::Belanja, None) => {
            return Err(format!("belanja {rekening} tanpa kode kegiatan ({kd_keg})"));
        }
        _ => None,
    };
    Ok((section, keg, rek, sumber_group(section, sumber)))
}

#[allow(clippy::too_many_arguments)]
pub(super) fn draft(
    tables: &Tables,
    desa: &str,
    tahun: &str,
    k: Kodefikasi,
    choice: &Choice,
    shown: &Path,
    report: &mut Report,
    diags: &mut Diagnostics,
) -> Option<Draft> {
    let year: i32 = tahun.parse().ok()?;
    let (mut rows, perubahan) = anggaran(tables, desa, tahun, shown, report, diags);
    let tahap_realisasi = add_realisasi(tables, desa, tahun, choice, &mut rows, report);
    let tahap = match (&tahap_realisasi, perubahan) {
        (Some(_), _) => Tahap::Realisasi,
        (None, true) => Tahap::Perubahan,
        (None, false) => Tahap::Anggaran,
    };
    let mut d = Draft::new(year, k, tahap);
    d.per_tanggal = tahap_realisasi;
    d.dasar_hukum = dasar_hukum(tables, desa, tahun, perubahan);
    d.header = header(shown, perubahan, tahap_realisasi);
    fill(&mut d, tables, desa, tahun, rows, report);
    Some(d)
}

/// Sums Ta_RABRinci per row; whether any line changed in the perubahan.
fn anggaran(
    tables: &Tables,
    desa: &str,
    tahun: &str,
    shown: &Path,
    report: &mut Report,
    diags: &mut Diagnostics,
) -> (BTreeMap<RowKey, Agg>, bool) {
    let t = tables.get("Ta_RABRinci");
    let has_pak = t.is_some_and(|t| t.column("AnggaranStlhPAK").is_some());
    let mut lines = Vec::new();
    for (i, r) in tables.rows("Ta_RABRinci") {
        if r.get("Kd_Desa") != desa || r.get("Tahun") != tahun {
            continue;
        }
        let place = t.map(|t| t.place(i)).unwrap_or_default();
        let before = amount(r.get("Anggaran"));
        let after = if has_pak {
            amount(r.get("AnggaranStlhPAK"))
        } else {
            before
        };
        let (Some(before), Some(after)) = (before, after) else {
            diags.push(
                Diagnostic::error(
                    shown,
                    format!("{place}: anggaran `{}` bukan angka", r.get("Anggaran")),
                )
                .hint("periksa baris ini di Siskeudes; jumlah anggaran harus berupa angka"),
            );
            continue;
        };
        lines.push((
            place,
            r.get("Kd_Keg"),
            code(r.get("Kd_Rincian")),
            r.get("SumberDana"),
            r.get("Uraian"),
            before,
            after,
        ));
    }
    let perubahan = lines.iter().any(|l| l.5 != l.6);
    let mut rows: BTreeMap<RowKey, Agg> = BTreeMap::new();
    for (place, keg, rek, sumber, uraian, before, after) in lines {
        let Some(section) = Section::of_rekening(&rek) else {
            report.skip(
                place,
                format!("rekening {rek} bukan pendapatan, belanja atau pembiayaan"),
            );
            continue;
        };
        match key_of(section, keg, &rek, sumber, desa) {
            Ok(key) => {
                let agg = rows.entry(key).or_default();
                agg.anggaran += if perubahan { after } else { before };
                if !sumber.is_empty() {
                    agg.sumber.insert(sumber.to_owned());
                }
                agg.uraian.get_or_insert_with(|| uraian.to_owned());
            }
            Err(reason) => report.skip(place, reason),
        }
    }
    (rows, perubahan)
}

/// Adds realisasi when the year has transactions; returns the date it is as of.
fn add_realisasi(
    tables: &Tables,
    desa: &str,
    tahun: &str,
    choice: &Choice,
    rows: &mut BTreeMap<RowKey, Agg>,
    report: &mut Report,
) -> Option<Date> {
    let (movements, problems) = realisasi::movements(tables, desa, tahun);
    for (place, reason) in problems {
        report.skip(place, reason);
    }
    let latest = movements.iter().map(|m| m.date).max()?;
    let until = choice.per_tanggal.unwrap_or(latest);
    let found: BTreeMap<Key, Decimal> = realisasi::derive(&movements, until);
    for ((keg, rek, sumber), value) in found {
        let Some(section) = Section::of_rekening(&rek) else {
            continue;
        };
        match key_of(section, &keg, &rek, &sumber, desa) {
            Ok(key) => {
                let agg = rows.entry(key).or_default();
                agg.realisasi += value;
                if !sumber.is_empty() {
                    agg.sumber.insert(sumber);
                }
            }
            Err(reason) => report.skip(format!("realisasi {keg} {rek}"), reason),
        }
    }
    report.notes.push(format!(
        "realisasi dihitung dari tabel transaksi sampai {until}"
    ));
    Some(until)
}

fn dasar_hukum(tables: &Tables, desa: &str, tahun: &str, perubahan: bool) -> Option<String> {
    let (_, r) = tables
        .rows("Ta_Desa")
        .find(|(_, r)| r.get("Kd_Desa") == desa && r.get("Tahun") == tahun)?;
    let no = r.get(if perubahan {
        "No_Perdes_PB"
    } else {
        "No_Perdes"
    });
    (!no.is_empty()).then(|| format!("Peraturan Desa No. {no}"))
}

fn header(shown: &Path, perubahan: bool, realisasi: Option<Date>) -> Vec<String> {
    let name = shown.file_name().map_or(shown.display().to_string(), |n| {
        n.to_string_lossy().into_owned()
    });
    let mut h = vec![
        format!("Diimpor dengan `papan impor` dari {name} (tabel Siskeudes)."),
        format!(
            "Anggaran: jumlah Ta_RABRinci.{} per rekening obyek; belanja per kegiatan, obyek dan sumber dana.",
            if perubahan {
                "AnggaranStlhPAK (setelah perubahan)"
            } else {
                "Anggaran"
            }
        ),
    ];
    if let Some(date) = realisasi {
        h.push(format!(
            "Realisasi sampai {date}: TBP, SPP (tanpa panjar), SPJ, mutasi dan jurnal."
        ));
    }
    h.push(
        "Periksa dengan `papan check`; berkas ini boleh disunting seperti berkas anggaran lain."
            .to_owned(),
    );
    h
}

/// The rows of the draft, in code order, with names and comments.
fn fill(
    d: &mut Draft,
    tables: &Tables,
    desa: &str,
    tahun: &str,
    rows: BTreeMap<RowKey, Agg>,
    report: &mut Report,
) {
    let kegiatan: BTreeMap<String, String> = names(
        tables,
        "Ta_Kegiatan",
        "Kd_Keg",
        "Nama_Kegiatan",
        desa,
        tahun,
    );
    let bidang: BTreeMap<String, String> =
        names(tables, "Ta_Bidang", "Kd_Bid", "Nama_Bidang", desa, tahun);
    let with_realisasi = d.tahap.has_realisasi();
    let (mut last_keg, mut last_bid) = (None::<Code>, None::<String>);
    for ((section, keg, rek, _), agg) in rows {
        let mut row = DraftRow {
            kode: rek.to_string(),
            anggaran: Some(agg.anggaran),
            realisasi: with_realisasi.then_some(agg.realisasi),
            ..DraftRow::default()
        };
        sumber(&mut row, &agg.sumber, report);
        if let Some(keg) = keg {
            let bid = keg.truncate(1).to_string();
            if last_bid.as_ref() != Some(&bid) {
                let name = bidang.get(&bid).cloned().unwrap_or_default();
                row.comment = Some(format!(
                    "Bidang {bid} {}",
                    name.trim_start_matches("Bidang ")
                ));
                last_bid = Some(bid);
            }
            let name = kegiatan.get(keg.as_str()).cloned();
            if last_keg.as_ref() != Some(&keg) {
                let c = format!("{keg} {}", name.as_deref().unwrap_or(""));
                row.comment = Some(match row.comment.take() {
                    Some(b) => format!("{b}\n{c}"),
                    None => c,
                });
                last_keg = Some(keg.clone());
            }
            row.jenis = Some(row.kode.clone());
            row.kode = keg.to_string();
            row.uraian = name.or(agg.uraian);
        } else if d
            .kodefikasi
            .rekening()
            .and_then(|t| t.name(rek.as_str()))
            .is_none()
        {
            row.uraian = agg.uraian;
        }
        d.rows_mut(section).push(row);
    }
}

/// The sumber dana of a row: written when Papan knows it; otherwise kept in `keterangan`.
fn sumber(row: &mut DraftRow, written: &BTreeSet<String>, report: &mut Report) {
    let known: BTreeSet<&str> = written
        .iter()
        .filter_map(|w| reference::sumber_dana(w))
        .map(|s| s.kode)
        .collect();
    if known.len() == 1 && written.len() == 1 {
        row.sumber_dana = written.iter().next().cloned();
        return;
    }
    let unknown: Vec<&str> = written
        .iter()
        .map(String::as_str)
        .filter(|w| reference::sumber_dana(w).is_none())
        .collect();
    if known.len() == 1 && unknown.is_empty() {
        row.sumber_dana = known.iter().next().map(|s| (*s).to_owned());
    } else if !written.is_empty() {
        row.keterangan = Some(format!(
            "sumber dana: {}",
            written.iter().cloned().collect::<Vec<_>>().join(", ")
        ));
    }
    for u in unknown {
        report.notes.push(format!(
            "sumber dana `{u}` tidak dikenal Papan; ditulis di keterangan baris {}",
            row.kode
        ));
    }
}

/// Code → name of a Siskeudes name table for one village and year, codes without the
/// village prefix (`02.15`).
fn names(
    tables: &Tables,
    table: &str,
    key: &str,
    name: &str,
    desa: &str,
    tahun: &str,
) -> BTreeMap<String, String> {
    tables
        .rows(table)
        .filter(|(_, r)| r.get("Kd_Desa") == desa && r.get("Tahun") == tahun)
        .map(|(_, r)| {
            (
                code(r.get(key).strip_prefix(desa).unwrap_or(r.get(key))),
                r.get(name).to_owned(),
            )
        })
        .collect()
}
