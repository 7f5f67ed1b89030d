//! The collection layer of the load stage: the files of one content folder, each named by
//! one rule and read on its own thread.
//!
//! In: the site folder, a [`Folder`] (where, which extensions, how a file name becomes an
//! address) and a function that reads one file. Out: the items read, in file-name order,
//! with every problem of every file collected in that order, as if read one by one. Every
//! content type (reports, free pages, products, producers) goes through here, so listing,
//! naming and address collisions work the same everywhere; see docs/arsitektur.md.

use crate::diagnostic::{Diagnostic, Diagnostics};
use rayon::prelude::*;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// A content folder holding one kind of file.
pub struct Folder {
    /// Relative to the site folder (`content/laporan`).
    pub dir: &'static str,
    pub extensions: &'static [&'static str],
    pub naming: Naming,
}

/// How a file name becomes the file's address in the site.
#[derive(Debug, Clone, Copy)]
pub enum Naming {
    /// The address is the file name made into a slug (`Jalan Karet.md` → `jalan-karet`);
    /// `example` is a good file name, for the hint when nothing usable is left.
    Slug { example: &'static str },
    /// Other files name this one by its file name (`umkm: kub-srikandi`), so the name must
    /// already be an address; `fallback` is suggested when nothing usable is left of it.
    Exact { fallback: &'static str },
}

/// One file of a folder, named.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Relative to the site folder.
    pub relative: PathBuf,
    /// The file's address; None when its name cannot be one (already reported).
    pub slug: Option<String>,
}

/// The slug of a file name; None when nothing usable is left (`!!!.md`).
pub fn slug_of(path: &Path) -> Option<String> {
    let stem = path.file_stem()?.to_str()?;
    let slug = slug::slugify(stem);
    (!slug.is_empty()).then_some(slug)
}

/// Whether `s` is already an address: lower-case letters, digits and `-`, not at either end.
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('-')
        && !s.ends_with('-')
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Reads every file of `folder` with `read`, in parallel; the problems of each file are
/// kept with it and reported in file order. Files whose name cannot be an address under
/// [`Naming::Exact`] are reported and not read.
pub fn read_all<T, F>(root: &Path, folder: &Folder, diags: &mut Diagnostics, read: F) -> Vec<T>
where
    T: Send,
    F: Fn(&Entry, &mut Diagnostics) -> Option<T> + Sync,
{
    let files = list(root, Path::new(folder.dir), folder.extensions, diags);
    let read: Vec<(Diagnostics, Option<T>)> = files
        .into_par_iter()
        .map(|relative| {
            let mut own = Diagnostics::new();
            let item =
                name(&relative, folder.naming, &mut own).and_then(|entry| read(&entry, &mut own));
            (own, item)
        })
        .collect();
    let mut out = Vec::new();
    for (own, item) in read {
        diags.append(own);
        out.extend(item);
    }
    out
}

/// The entry of a file, or None (reported) when its name cannot be an address and other
/// files must name it exactly.
fn name(relative: &Path, naming: Naming, diags: &mut Diagnostics) -> Option<Entry> {
    let slug = slug_of(relative);
    match naming {
        Naming::Slug { example } => {
            if slug.is_none() {
                diags.push(
                    Diagnostic::error(relative, "nama berkas tidak dapat dijadikan alamat halaman")
                        .hint(format!(
                            "beri nama berkas dengan huruf dan angka, misalnya `{example}`"
                        )),
                );
            }
            Some(Entry {
                relative: relative.to_path_buf(),
                slug,
            })
        }
        Naming::Exact { fallback } => {
            let stem = relative
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            if is_slug(&stem) {
                return Some(Entry {
                    relative: relative.to_path_buf(),
                    slug: Some(stem),
                });
            }
            let ext = relative
                .extension()
                .map(|e| e.to_string_lossy().into_owned())
                .unwrap_or_default();
            diags.push(
                Diagnostic::error(
                    relative,
                    format!(
                        "nama berkas `{stem}.{ext}` tidak dapat dipakai sebagai alamat halaman"
                    ),
                )
                .hint(format!(
                    "ganti namanya menjadi `{}.{ext}`: huruf kecil, angka dan tanda -, tanpa spasi",
                    slug.unwrap_or_else(|| fallback.to_owned())
                )),
            );
            None
        }
    }
}

/// Two files whose names give the same address would overwrite each other's page: each
/// later one is an error naming the first. `shown` writes an address as readers see it
/// (`halaman laporan/jalan/`).
pub fn check_addresses<'a>(
    items: impl IntoIterator<Item = (&'a str, &'a Path)>,
    shown: impl Fn(&str) -> String,
    diags: &mut Diagnostics,
) {
    let mut first: HashMap<&str, &Path> = HashMap::new();
    for (slug, source) in items {
        if let Some(earlier) = first.insert(slug, source) {
            diags.push(
                Diagnostic::error(
                    source,
                    format!(
                        "alamat {} sudah dipakai oleh {}",
                        shown(slug),
                        earlier.display()
                    ),
                )
                .hint("nama berkas menentukan alamat halaman; ganti nama salah satu berkas"),
            );
        }
    }
}

/// Whether `path` ends in one of `extensions`, in any case: Windows and phones save
/// `2025.YAML` and `Laporan.MD`.
pub fn has_extension(path: &Path, extensions: &[&str]) -> bool {
    path.extension()
        .and_then(|x| x.to_str())
        .is_some_and(|x| extensions.iter().any(|e| x.eq_ignore_ascii_case(e)))
}

/// Files directly in `root/dir` with one of `extensions` (in any case), sorted, relative to
/// `root`. Hidden files are editors' (Emacs's `.#laporan.md` lock is a dangling link while
/// the file is open), never content. A file that Notepad saved as `2025.yaml.txt` is not
/// read, with a warning saying how to rename it.
pub fn list(root: &Path, dir: &Path, extensions: &[&str], diags: &mut Diagnostics) -> Vec<PathBuf> {
    let full = root.join(dir);
    if !full.is_dir() {
        return Vec::new();
    }
    let mut files: Vec<PathBuf> = Vec::new();
    let entries = walkdir::WalkDir::new(&full)
        .min_depth(1)
        .max_depth(1)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() || e.path_is_symlink())
        .filter(|e| !e.file_name().to_string_lossy().starts_with('.'));
    for e in entries {
        let relative = dir.join(e.file_name());
        if has_extension(&relative, extensions) {
            files.push(relative);
        } else if has_extension(&relative, &["txt"])
            && has_extension(
                Path::new(relative.file_stem().unwrap_or_default()),
                extensions,
            )
        {
            let meant = relative.with_extension("");
            let meant = meant.file_name().unwrap_or_default().to_string_lossy();
            diags.push(
                Diagnostic::warning(&relative, "berkas ini tidak dibaca: namanya berakhiran `.txt`")
                    .hint(format!(
                        "ganti namanya menjadi `{meant}`; Notepad menambahkan `.txt` bila \"Save as type\" tidak diubah ke \"All Files\""
                    )),
            );
        }
    }
    files.sort();
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(files: &[&str]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for f in files {
            let full = dir.path().join(f);
            std::fs::create_dir_all(full.parent().unwrap()).unwrap();
            std::fs::write(full, f).unwrap();
        }
        dir
    }

    const PAGES: Folder = Folder {
        dir: "content/x",
        extensions: &["md"],
        naming: Naming::Slug {
            example: "profil-desa.md",
        },
    };

    #[test]
    fn lists_files_of_the_extensions_sorted_without_hidden_ones() {
        let dir = site(&[
            "content/x/b.md",
            "content/x/a.md",
            "content/x/.#a.md",
            "content/x/c.txt",
            "content/x/sub/d.md",
            "content/x/E.MD",
            "content/x/f.md.txt",
        ]);
        let mut diags = Diagnostics::new();
        let got = list(dir.path(), Path::new("content/x"), &["md"], &mut diags);
        assert_eq!(
            got,
            [
                PathBuf::from("content/x/E.MD"),
                PathBuf::from("content/x/a.md"),
                PathBuf::from("content/x/b.md")
            ]
        );
        let warnings: Vec<String> = diags.iter().map(|d| d.to_string()).collect();
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        let d = diags.iter().next().unwrap();
        assert_eq!(d.file, PathBuf::from("content/x/f.md.txt"));
        assert_eq!(
            d.message,
            "berkas ini tidak dibaca: namanya berakhiran `.txt`"
        );
        assert_eq!(
            d.hint.as_deref(),
            Some(
                "ganti namanya menjadi `f.md`; Notepad menambahkan `.txt` bila \"Save as type\" tidak diubah ke \"All Files\""
            )
        );
    }

    #[test]
    fn reads_in_file_order_and_keeps_each_files_problems_in_order() {
        let dir = site(&[
            "content/x/Jalan Karet.md",
            "content/x/!!!.md",
            "content/x/z.md",
        ]);
        let mut diags = Diagnostics::new();
        let items = read_all(dir.path(), &PAGES, &mut diags, |e, d| {
            d.push(Diagnostic::warning(&e.relative, "dibaca"));
            e.slug.clone()
        });
        assert_eq!(items, ["jalan-karet", "z"]);
        let got: Vec<(String, &str)> = diags
            .iter()
            .map(|d| (d.file.display().to_string(), d.message.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (
                    "content/x/!!!.md".to_owned(),
                    "nama berkas tidak dapat dijadikan alamat halaman"
                ),
                ("content/x/!!!.md".to_owned(), "dibaca"),
                ("content/x/Jalan Karet.md".to_owned(), "dibaca"),
                ("content/x/z.md".to_owned(), "dibaca"),
            ]
        );
    }

    #[test]
    fn exact_names_must_already_be_addresses() {
        let dir = site(&["content/p/Emping Jagung.yaml", "content/p/emping.yaml"]);
        let folder = Folder {
            dir: "content/p",
            extensions: &["yaml"],
            naming: Naming::Exact {
                fallback: "produk-baru",
            },
        };
        let mut diags = Diagnostics::new();
        let items = read_all(dir.path(), &folder, &mut diags, |e, _| e.slug.clone());
        assert_eq!(items, ["emping"]);
        let d = diags.iter().next().unwrap();
        assert_eq!(
            d.message,
            "nama berkas `Emping Jagung.yaml` tidak dapat dipakai sebagai alamat halaman"
        );
        assert_eq!(
            d.hint.as_deref(),
            Some(
                "ganti namanya menjadi `emping-jagung.yaml`: huruf kecil, angka dan tanda -, tanpa spasi"
            )
        );
    }

    #[test]
    fn a_taken_address_names_the_first_file() {
        let mut diags = Diagnostics::new();
        let items = [
            ("jalan", Path::new("content/laporan/Jalan.md")),
            ("jalan", Path::new("content/laporan/jalan.md")),
        ];
        check_addresses(items, |s| format!("halaman laporan/{s}/"), &mut diags);
        let d: Vec<&Diagnostic> = diags.iter().collect();
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].file, Path::new("content/laporan/jalan.md"));
        assert_eq!(
            d[0].message,
            "alamat halaman laporan/jalan/ sudah dipakai oleh content/laporan/Jalan.md"
        );
    }
}
