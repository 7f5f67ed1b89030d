//! `papan impor`: a budget the village already has (Siskeudes, a spreadsheet, Sideka) →
//! `SITE/content/anggaran/TAHUN.yaml`.
//!
//! Stages: [`detect`] tells the format by the file's content; a reader per format makes one
//! [`Draft`] per year ([`siskeudes`], [`sheet`], [`sideka`]); [`yaml_out`] writes the text;
//! the budget loader reads it back and checks it as `papan check` does; only when nothing is
//! wrong are the files written (never over an existing one without `--timpa`), and the
//! [`report`] says what was read, recognised and skipped.

pub mod detect;
pub mod draft;
pub mod limits;
pub mod report;
pub mod run;
pub mod sheet;
pub mod sideka;
pub mod siskeudes;
pub mod yaml_out;

use crate::budget::{self, Budget, Section};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::source::SourceFile;
use detect::Format;
use draft::Draft;
use jiff::civil::Date;
use report::Report;
use std::path::{Path, PathBuf};

/// What the user chose on the command line.
#[derive(Debug, Clone, Default)]
pub struct Choice {
    pub tahun: Option<i32>,
    /// `--desa`: a village code of a database holding several.
    pub desa: Option<String>,
    /// `--per-tanggal`: the date realisasi is counted to (default: the last transaction).
    pub per_tanggal: Option<Date>,
}

/// A budget file ready to be written.
#[derive(Debug, Clone)]
pub struct Output {
    /// Relative to the site: `content/anggaran/2017.yaml`.
    pub path: PathBuf,
    pub text: String,
    pub budget: Budget,
    pub draft: Draft,
}

/// Everything an import produced; nothing is written yet.
#[derive(Debug, Clone)]
pub struct Imported {
    pub outputs: Vec<Output>,
    pub report: Report,
}

/// Reads `berkas`, makes and checks the budget files. Problems go to `diags`; None when
/// there is nothing to write or something is wrong (then nothing may be written).
pub fn import(berkas: &Path, choice: &Choice, diags: &mut Diagnostics) -> Option<Imported> {
    let shown = berkas.to_path_buf();
    let format = detect::detect(berkas, &shown, diags)?;
    let mut report = Report::new(format.describe());
    let drafts = read(berkas, &shown, &format, choice, &mut report, diags);
    if diags.has_errors() {
        return None;
    }
    let drafts = filter_years(drafts, choice, &shown, diags)?;
    let outputs: Vec<Output> = drafts
        .into_iter()
        .filter_map(|d| finish(d, diags))
        .collect();
    (!diags.has_errors()).then_some(Imported { outputs, report })
}

fn read(
    berkas: &Path,
    shown: &Path,
    format: &Format,
    choice: &Choice,
    report: &mut Report,
    diags: &mut Diagnostics,
) -> Vec<Draft> {
    let tables = match format {
        Format::SiskeudesZip(bytes) => siskeudes::csvzip::read(bytes, shown),
        Format::Database => siskeudes::mde::read(berkas, shown),
        Format::Sideka(text) => return sideka::read(text, shown, choice, report, diags),
        Format::Sheet(kind, bytes) => {
            return sheet::read(*kind, bytes, shown, choice, report, diags);
        }
    };
    match tables {
        Ok(tables) => siskeudes::drafts(&tables, choice, shown, report, diags),
        Err(problems) => {
            diags.extend(problems);
            Vec::new()
        }
    }
}

/// The years `--tahun` asks for (a reader may have found several).
fn filter_years(
    drafts: Vec<Draft>,
    choice: &Choice,
    shown: &Path,
    diags: &mut Diagnostics,
) -> Option<Vec<Draft>> {
    let found: Vec<String> = drafts.iter().map(|d| d.tahun.to_string()).collect();
    let kept: Vec<Draft> = drafts
        .into_iter()
        .filter(|d| choice.tahun.is_none_or(|t| t == d.tahun))
        .collect();
    if kept.is_empty() {
        let d = match choice.tahun {
            Some(t) => Diagnostic::error(shown, format!("tahun {t} tidak ada di berkas ini"))
                .note(format!(
                    "tahun yang ada: {}",
                    if found.is_empty() {
                        "(tidak ada)".to_owned()
                    } else {
                        found.join(", ")
                    }
                ))
                .hint("pilih tahun yang ada dengan `--tahun`"),
            None => Diagnostic::error(
                shown,
                "tidak ada anggaran yang dapat diimpor dari berkas ini",
            )
            .hint("periksa apakah ini berkas APBDes yang benar"),
        };
        diags.push(d);
        return None;
    }
    Some(kept)
}

/// Writes the text, adds `selisih: dokumen` when the source's own printed totals do not
/// add up, and reads it back through the budget loader as `papan check` does.
fn finish(draft: Draft, diags: &mut Diagnostics) -> Option<Output> {
    let path = PathBuf::from(format!("content/anggaran/{}.yaml", draft.tahun));
    // Most sources add up: one reading. Only a text with errors is read again with the key;
    // the loader itself then finds the mismatches, and the key stays only if it found any.
    let plain = read_back(&path, yaml_out::write(&draft, false));
    let (text, budget, found) = if plain.2.has_errors() {
        let probe = read_back(&path, yaml_out::write(&draft, true));
        let has_selisih = probe
            .1
            .as_ref()
            .is_some_and(|b| Section::ALL.iter().any(|&s| !b.tree(s).selisih.is_empty()));
        if has_selisih { probe } else { plain }
    } else {
        plain
    };
    diags.append(found);
    Some(Output {
        path,
        text,
        budget: budget?,
        draft,
    })
}

/// The text, the budget the loader reads from it, and what the loader reported.
fn read_back(path: &Path, text: String) -> (String, Option<Budget>, Diagnostics) {
    let mut diags = Diagnostics::new();
    let today = crate::clock::today(&mut diags);
    let budget = budget::load(SourceFile::new(path, text.clone()), today, &mut diags);
    (text, budget, diags)
}

/// Where each output goes in `site`, refusing existing files unless `timpa`.
pub fn targets(site: &Path, imported: &Imported, timpa: bool) -> Result<Vec<PathBuf>, Diagnostic> {
    let mut out = Vec::new();
    for o in &imported.outputs {
        let full = site.join(&o.path);
        if full.exists() && !timpa {
            return Err(Diagnostic::error(&o.path, "berkas anggaran ini sudah ada; tidak ditimpa")
                .hint("tambahkan `--timpa` untuk menggantinya (simpan salinannya dulu jika sudah disunting), atau pilih tahun lain dengan `--tahun`"));
        }
        out.push(full);
    }
    Ok(out)
}
