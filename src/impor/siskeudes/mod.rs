//! Siskeudes → budget drafts, from its tables however they were read.
//!
//! In: [`Tables`] (a zip of CSV, or the database itself). Out: one [`Draft`] per year of
//! the chosen village: anggaran from Ta_RABRinci (after perubahan where any line changed:
//! `tahap: perubahan`), realisasi from the transaction tables when they hold any (see
//! [`realisasi`]), kegiatan names from Ta_Kegiatan, bidang from Ta_Bidang. Kodefikasi from
//! Ref_Version (V1.x: 113/2014, V2.x: 20/2018) and the shape of the kegiatan codes.

pub mod csvzip;
pub mod mde;
pub mod realisasi;
mod rows;
pub mod tables;

use super::Choice;
use super::draft::Draft;
use super::report::Report;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::reference::Kodefikasi;
use std::collections::BTreeMap;
use std::path::Path;
pub use tables::{Table, Tables};

/// Drafts for the village and years chosen; problems go to `diags`.
pub fn drafts(
    tables: &Tables,
    choice: &Choice,
    shown: &Path,
    report: &mut Report,
    diags: &mut Diagnostics,
) -> Vec<Draft> {
    let missing: Vec<&str> = tables::REQUIRED
        .into_iter()
        .filter(|t| tables.get(t).is_none())
        .collect();
    if !missing.is_empty() {
        let found: Vec<&str> = tables
            .tables
            .keys()
            .chain(&tables.others)
            .map(String::as_str)
            .collect();
        diags.push(
            Diagnostic::error(shown, format!("berkas ini bukan data Siskeudes: tabel {} tidak ada", missing.join(", ")))
                .note(format!("tabel yang diperlukan: {}", tables::REQUIRED.join(", ")))
                .note(format!("tabel yang ada: {}", if found.is_empty() { "(tidak ada)".to_owned() } else { found.join(", ") }))
                .hint("ekspor ulang database Siskeudes (DataAPBDES.mde) menjadi zip berisi satu berkas CSV per tabel, atau berikan berkas .mde-nya langsung"),
        );
        return Vec::new();
    }
    for (name, table) in &tables.tables {
        report.read.push((name.clone(), table.rows.len()));
    }
    let Some(desa) = pick_desa(tables, choice, shown, diags) else {
        return Vec::new();
    };
    let years: Vec<String> = {
        let mut y: Vec<String> = tables
            .rows("Ta_RABRinci")
            .filter(|(_, r)| r.get("Kd_Desa") == desa)
            .map(|(_, r)| r.get("Tahun").to_owned())
            .collect();
        y.sort();
        y.dedup();
        y
    };
    let wanted: Vec<&String> = match choice.tahun {
        None => years.iter().collect(),
        Some(t) => years.iter().filter(|y| y.parse::<i32>() == Ok(t)).collect(),
    };
    if let (Some(t), true) = (choice.tahun, wanted.is_empty()) {
        diags.push(
            Diagnostic::error(shown, format!("tahun {t} tidak ada di berkas ini"))
                .note(format!("tahun yang ada untuk desa {desa}: {}", years.join(", ")))
                .hint("pilih salah satunya dengan `--tahun`, atau ekspor data tahun itu dari Siskeudes"),
        );
        return Vec::new();
    }
    let kodefikasi = kodefikasi(tables, &desa, report);
    wanted
        .into_iter()
        .filter_map(|tahun| {
            rows::draft(
                tables, &desa, tahun, kodefikasi, choice, shown, report, diags,
            )
        })
        .collect()
}

/// The village to import: the only one, or the one `--desa` names.
fn pick_desa(
    tables: &Tables,
    choice: &Choice,
    shown: &Path,
    diags: &mut Diagnostics,
) -> Option<String> {
    let mut villages: BTreeMap<String, usize> = BTreeMap::new();
    for (_, r) in tables.rows("Ta_RABRinci") {
        *villages.entry(r.get("Kd_Desa").to_owned()).or_default() += 1;
    }
    let norm = |s: &str| s.trim().trim_end_matches('.').to_owned();
    let listed = || {
        villages
            .iter()
            .map(|(k, n)| {
                format!(
                    "{} ({n} baris{})",
                    norm(k),
                    name_of(tables, k)
                        .map(|n| format!(", {n}"))
                        .unwrap_or_default()
                )
            })
            .collect::<Vec<_>>()
            .join("; ")
    };
    match &choice.desa {
        Some(want) => {
            let found = villages.keys().find(|k| norm(k) == norm(want)).cloned();
            if found.is_none() {
                diags.push(
                    Diagnostic::error(shown, format!("desa `{want}` tidak ada di berkas ini"))
                        .note(format!("desa yang ada: {}", listed()))
                        .hint("tulis kode desa seperti di Siskeudes, misalnya `--desa 20.07`"),
                );
            }
            found
        }
        None if villages.is_empty() => {
            diags.push(
                Diagnostic::error(shown, "berkas Siskeudes ini tidak berisi satu pun baris anggaran (tabel Ta_RABRinci kosong)")
                    .hint("isi APBDes di Siskeudes terlebih dahulu (menu Penganggaran), atau pilih berkas database yang dipakai desa sehari-hari"),
            );
            None
        }
        None if villages.len() > 1 => {
            diags.push(
                Diagnostic::error(
                    shown,
                    format!(
                        "berkas ini berisi {} desa; pilih satu dengan `--desa KODE`",
                        villages.len()
                    ),
                )
                .note(format!("desa yang ada: {}", listed()))
                .hint(format!(
                    "misalnya `papan impor {} --desa {}`",
                    shown.display(),
                    villages.keys().next().map(|k| norm(k)).unwrap_or_default()
                )),
            );
            None
        }
        None => villages.into_keys().next(),
    }
}

/// A village's name where the tables give one (Ref_Desa.Nama_Desa).
fn name_of(tables: &Tables, kd_desa: &str) -> Option<String> {
    tables
        .rows("Ref_Desa")
        .find(|(_, r)| r.get("Kd_Desa") == kd_desa)
        .map(|(_, r)| r.get("Nama_Desa").to_owned())
        .filter(|n| !n.is_empty())
}

/// 113/2014 for Siskeudes 1.x, 20/2018 for 2.x; the kegiatan codes decide when
/// Ref_Version is absent or disagrees with them.
fn kodefikasi(tables: &Tables, desa: &str, report: &mut Report) -> Kodefikasi {
    let versi = tables
        .rows("Ref_Version")
        .map(|(_, r)| r.get("Versi").to_owned())
        .next();
    let depth = tables
        .rows("Ta_Kegiatan")
        .filter(|(_, r)| r.get("Kd_Desa") == desa)
        .filter_map(|(_, r)| {
            r.get("Kd_Keg")
                .strip_prefix(desa)
                .map(|k| tables::code(k).split('.').count())
        })
        .max();
    let by_version = versi.as_deref().map(|v| {
        if v.trim_start_matches(['V', 'v']).starts_with('1') {
            Kodefikasi::Permendagri113
        } else {
            Kodefikasi::Permendagri20
        }
    });
    let by_shape = depth.map(|d| {
        if d >= 3 {
            Kodefikasi::Permendagri20
        } else {
            Kodefikasi::Permendagri113
        }
    });
    let chosen = by_shape.or(by_version).unwrap_or(Kodefikasi::Permendagri20);
    report.notes.push(format!(
        "Siskeudes versi {}: kodefikasi {}",
        versi.as_deref().unwrap_or("(Ref_Version tidak ada)"),
        chosen.title()
    ));
    if by_version.is_some_and(|v| v != chosen) {
        report.notes.push("bentuk kode kegiatan tidak cocok dengan versi Siskeudes; kodefikasi mengikuti bentuk kodenya".to_owned());
    }
    chosen
}
