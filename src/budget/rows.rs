//! Checking the rows of one section before they are arranged: each row's code against the
//! official table, its jenis belanja, and the name it is shown with.
//!
//! In: a [`BudgetInput`] and a section. Out: the rows that passed, as [`Checked`], and a
//! diagnostic at its line for every row that did not (or that a village added).

use super::codes::{self, Known};
use super::{BudgetInput, Line, Section};
use crate::diagnostic::{Diagnostic, Diagnostics, Location};

/// A row that passed the code checks, with the names it will be shown with.
pub struct Checked<'a> {
    pub index: usize,
    pub line: &'a Line,
    pub uraian: String,
    pub jenis_uraian: Option<&'static str>,
}

/// Checks each row's code and jenis, and finds the name it is shown with.
pub fn check<'a>(
    input: &'a BudgetInput,
    section: Section,
    diags: &mut Diagnostics,
) -> Vec<Checked<'a>> {
    input
        .lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.section == section)
        .filter_map(|(index, line)| {
            let uraian = uraian(input, section, line, diags)?;
            let jenis_uraian = jenis(input, section, line, diags);
            Some(Checked {
                index,
                line,
                uraian,
                jenis_uraian,
            })
        })
        .collect()
}

/// A problem found by [`codes`], at `at`.
fn problem(input: &BudgetInput, at: Option<Location>, p: codes::Problem) -> Diagnostic {
    let d = input.source.error(at, p.message);
    match p.hint {
        Some(h) => d.hint(h),
        None => d,
    }
}

/// The name a row is shown with: as written, else the official name of its code. None
/// (reported) when the code is not allowed in the section.
fn uraian(
    input: &BudgetInput,
    section: Section,
    line: &Line,
    diags: &mut Diagnostics,
) -> Option<String> {
    let src = &input.source;
    let kode_at = input.field_location(line, "kode");
    let known = match codes::check(input.kodefikasi, section, &line.kode) {
        Ok(known) => known,
        Err(p) => {
            diags.push(problem(input, kode_at, p));
            return None;
        }
    };
    if known == Known::VillageKegiatan {
        diags.push(
            src.warning(kode_at, format!("kegiatan {} tidak ada dalam {}; dianggap kegiatan tambahan desa", line.kode, input.kodefikasi.title()))
                .hint("jika ini salah ketik, perbaiki kodenya; jika memang kegiatan tambahan desa, peringatan ini boleh diabaikan"),
        );
    }
    let official = match known {
        Known::Official(name) => Some(name),
        _ => None,
    };
    Some(match (&line.uraian, official) {
        (Some(u), _) => u.clone(),
        (None, Some(name)) => name.to_owned(),
        (None, None) => {
            diags.push(
                src.error(line.location, format!("baris kode {} tidak punya uraian", line.kode))
                    .hint("kode ini tidak ada di daftar kode resmi, jadi namanya harus ditulis: tambahkan `uraian: …`"),
            );
            format!("Kode {}", line.kode)
        }
    })
}

/// The official name of a row's jenis belanja; `jenis` is only for belanja rows.
fn jenis(
    input: &BudgetInput,
    section: Section,
    line: &Line,
    diags: &mut Diagnostics,
) -> Option<&'static str> {
    let jenis = line.jenis.as_ref()?;
    let at = input.field_location(line, "jenis");
    if section != Section::Belanja {
        diags.push(
            input
                .source
                .error(at, "`jenis` hanya dipakai di baris belanja")
                .hint("hapus `jenis` dari baris ini"),
        );
        return None;
    }
    codes::check_jenis(input.kodefikasi, jenis)
        .map_err(|p| diags.push(problem(input, at, p)))
        .ok()
        .flatten()
}
