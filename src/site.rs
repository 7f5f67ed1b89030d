//! The load stage: a whole village site read and checked, the first stage of every command.
//!
//! In: the site folder. Out: a [`Site`]: the village, every budget year (arranged and
//! verified), reports, products and free pages (each read through the
//! [`crate::collection`] layer), and every photo they name measured, with every problem in
//! every file collected in the diagnostics. Nothing after this stage reads content.

use crate::budget::{self, Budget};
use crate::desa::{self, Desa};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::images::measure::{Photos, measure};
use crate::pages::{self, Page};
use crate::product::{self, Catalog};
use crate::report::{self, Report};
use crate::source::SourceFile;
use jiff::civil::Date;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// A village site, loaded and checked.
#[derive(Debug, Clone)]
pub struct Site {
    pub root: PathBuf,
    pub desa: Desa,
    /// Budget years, oldest first.
    pub budgets: Vec<Budget>,
    /// Products and their producers.
    pub katalog: Catalog,
    /// Program reports, newest first.
    pub reports: Vec<Report>,
    /// Free pages, in menu order.
    pub pages: Vec<Page>,
    /// Every photo the content shows, measured.
    pub photos: Photos,
    /// desa.yaml's `logo:`, read, checked and made small for the notice board.
    pub logo: Option<crate::logo::Logo>,
    /// The date in WIB the build runs on (or `SOURCE_DATE_EPOCH`): reports after it are plans.
    pub today: Date,
}

/// Reads everything under `root/content`. Returns None when nothing useful could be read
/// (no content folder, or no usable desa.yaml); otherwise the site with what could be read.
pub fn load(root: &Path, diags: &mut Diagnostics) -> Option<Site> {
    let content = root.join("content");
    if !content.is_dir() {
        diags.push(
            Diagnostic::error(root.join("content"), "folder `content/` tidak ditemukan")
                .hint(format!(
                    "jalankan Papan di folder situs desa (yang berisi `content/desa.yaml`), atau buat situs baru dengan `papan new {}`",
                    root.display()
                )),
        );
        return None;
    }
    let desa = match SourceFile::read(root, Path::new(desa::FILE)) {
        Ok(src) => desa::parse(&src, diags),
        Err(d) => {
            // Keep a hint that says how to fix this file (UTF-8, a link); else say why it matters.
            let d = match d.hint {
                Some(_) => d,
                None => d.hint("setiap situs memerlukan `content/desa.yaml` berisi nama desa, kecamatan, kabupaten dan provinsi"),
            };
            diags.push(d);
            None
        }
    };
    let today = crate::clock::today(diags);
    let budgets = load_budgets(root, today, diags);
    let own = desa
        .as_ref()
        .map_or(&[][..], |d| d.kategori_produk.as_slice());
    let katalog = product::load(root, own, diags);
    let reports = report::load(root, &budgets, today, diags);
    let pages = pages::load(root, diags);
    let photos = measure(root, &photo_references(&katalog, &reports, &pages), diags);
    let logo = crate::logo::read(root, desa.as_ref().and_then(|d| d.logo.as_ref()), diags);
    Some(Site {
        root: root.to_path_buf(),
        desa: desa?,
        budgets,
        katalog,
        reports,
        pages,
        photos,
        logo,
        today,
    })
}

/// Every photo named by the content, as paths inside content/.
fn photo_references(katalog: &Catalog, reports: &[Report], pages: &[Page]) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for r in reports {
        out.extend(r.foto.iter().map(|f| f.path.clone()));
        out.extend(r.body_photos.values().cloned());
    }
    for p in pages {
        out.extend(p.body_photos.values().cloned());
    }
    for p in &katalog.products {
        out.extend(p.foto.iter().map(|f| f.path.clone()));
        out.extend(p.deskripsi.iter().flat_map(|d| d.photos.values().cloned()));
    }
    for u in katalog.producers.values() {
        out.extend(u.foto.iter().map(|f| f.path.clone()));
        out.extend(u.deskripsi.iter().flat_map(|d| d.photos.values().cloned()));
    }
    out
}

fn load_budgets(root: &Path, today: Date, diags: &mut Diagnostics) -> Vec<Budget> {
    let dir = Path::new("content/anggaran");
    let mut by_year: BTreeMap<i32, Vec<Budget>> = BTreeMap::new();
    for relative in crate::collection::list(root, dir, &["yaml", "yml"], diags) {
        let src = match SourceFile::read(root, &relative) {
            Ok(src) => src,
            Err(d) => {
                diags.push(d);
                continue;
            }
        };
        let stem = relative
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("")
            .to_owned();
        let Some(budget) = budget::load(src, today, diags) else {
            continue;
        };
        if stem != budget.tahun.to_string() {
            diags.push(
                Diagnostic::error(
                    &relative,
                    format!(
                        "nama berkas `{stem}` tidak sama dengan `tahun: {}` di dalamnya",
                        budget.tahun
                    ),
                )
                .hint(format!(
                    "beri nama berkas sesuai tahunnya: content/anggaran/{}.yaml",
                    budget.tahun
                )),
            );
        }
        by_year.entry(budget.tahun).or_default().push(budget);
    }
    let mut out = Vec::new();
    for (year, mut budgets) in by_year {
        if budgets.len() > 1 {
            let files: Vec<String> = budgets
                .iter()
                .map(|b| b.source.display().to_string())
                .collect();
            diags.push(
                Diagnostic::error(&budgets[1].source, format!("ada {} berkas untuk tahun anggaran {year}", budgets.len()))
                    .note(format!("berkas: {}", files.join(", ")))
                    .hint("satu tahun anggaran hanya boleh satu berkas; simpan versi terbaru (mis. APBDes Perubahan) dan hapus yang lain"),
            );
        }
        out.push(budgets.swap_remove(0));
    }
    out
}
