//! Loading a whole village site: the first stage of every command.
//!
//! In: the site folder. Out: a [`Site`] (the village and every budget year, checked and
//! computed), with every problem in every file collected in the diagnostics.

use crate::budget::{self, Budget};
use crate::desa::{self, Desa};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::halaman::{self, Halaman};
use crate::produk::{self, Catalog};
use crate::report::{self, Report};
use crate::source::SourceFile;
use jiff::civil::Date;
use std::collections::BTreeMap;
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
    pub halaman: Vec<Halaman>,
    /// The date in WIB the build runs on (or `SOURCE_DATE_EPOCH`): reports after it are plans.
    pub today: Date,
}

impl Site {
    pub fn latest_budget(&self) -> Option<&Budget> {
        self.budgets.last()
    }
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
    let budgets = load_budgets(root, diags);
    let katalog = produk::load(root, desa.as_ref(), diags);
    let today = crate::clock::today(diags);
    let reports = report::load(root, &budgets, today, diags);
    let halaman = halaman::load(root, diags);
    Some(Site {
        root: root.to_path_buf(),
        desa: desa?,
        budgets,
        katalog,
        reports,
        halaman,
        today,
    })
}

fn load_budgets(root: &Path, diags: &mut Diagnostics) -> Vec<Budget> {
    let dir = Path::new("content/anggaran");
    let mut by_year: BTreeMap<i32, Vec<Budget>> = BTreeMap::new();
    for relative in yaml_files(root, dir) {
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
        let Some(budget) = budget::load(src, diags) else {
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

/// The `.yaml`/`.yml` files directly in `root/dir`, sorted by name, relative to `root`.
pub fn yaml_files(root: &Path, dir: &Path) -> Vec<PathBuf> {
    files_with_extension(root, dir, &["yaml", "yml"])
}

/// Files directly in `root/dir` with one of `extensions`, sorted, relative to `root`.
pub fn files_with_extension(root: &Path, dir: &Path, extensions: &[&str]) -> Vec<PathBuf> {
    let full = root.join(dir);
    if !full.is_dir() {
        return Vec::new();
    }
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(&full)
        .min_depth(1)
        .max_depth(1)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() || e.path_is_symlink())
        // Hidden files are editors' (Emacs's `.#laporan.md` lock is a dangling link
        // while the file is open), never content.
        .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
        .filter(|e| {
            e.path()
                .extension()
                .and_then(|x| x.to_str())
                .is_some_and(|x| extensions.contains(&x))
        })
        .map(|e| dir.join(e.file_name()))
        .collect();
    files.sort();
    files
}
