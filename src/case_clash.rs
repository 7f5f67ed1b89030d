//! Names that differ only by upper and lower case: Windows and macOS keep one of them.
//!
//! A check between render and write. In: the site's own files ([`content`], a walk of
//! `content/` and `themes/`) or the list of output paths ([`outputs`]). Out: a warning for
//! every group of site files whose paths are equal but for case (a clone on a
//! case-insensitive disk keeps one: a photo or report silently disappears there), and an
//! error for every group of output addresses equal but for case (on such a disk, and on
//! hosts that serve from one, one page replaces the other and links break). Folders count
//! as addresses too: `laporan/Jalan/` and `laporan/jalan/` become one folder.
//!
//! Case is compared by Unicode lower case, which is what NTFS and APFS do for the letters
//! village content uses; APFS's folding of accents (é written as e + ◌́) is not modelled.

use crate::diagnostic::Diagnostic;
use crate::images::queue::{self, Queue};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Groups of distinct paths (sorted, two or more each) that are one path ignoring case,
/// in the order of their first members.
pub fn groups<'a>(paths: impl IntoIterator<Item = &'a str>) -> Vec<Vec<&'a str>> {
    let mut by_folded: BTreeMap<String, BTreeSet<&'a str>> = BTreeMap::new();
    for path in paths {
        by_folded
            .entry(path.to_lowercase())
            .or_default()
            .insert(path);
    }
    let mut clashes: Vec<Vec<&str>> = by_folded
        .into_values()
        .filter(|set| set.len() > 1)
        .map(|set| set.into_iter().collect())
        .collect();
    clashes.sort();
    clashes
}

/// An error for every group of output addresses (files and the folders above them) that
/// are one address ignoring case. Called once per build, on every file it makes.
pub fn outputs<'a>(paths: impl IntoIterator<Item = &'a str>) -> Vec<Diagnostic> {
    let mut all: BTreeSet<&str> = BTreeSet::new();
    for path in paths {
        all.insert(path);
        // Every folder above the file, as `laporan/Jalan/` (with the slash, so a folder
        // and a file of one name are not taken for each other).
        for (i, _) in path.match_indices('/') {
            all.insert(&path[..=i]);
        }
    }
    groups(all)
        .into_iter()
        .map(|group| {
            Diagnostic::error(
                group[0],
                format!(
                    "alamat {} hanya berbeda huruf besar/kecil; di Windows, macOS dan hosting yang tidak membedakan huruf besar keduanya menjadi satu, sehingga satu halaman hilang dan tautannya rusak",
                    quoted(&group)
                ),
            )
            .hint("nama berkas di content/ dan themes/ menjadi alamat di situs: ganti nama salah satunya sehingga berbeda lebih dari huruf besar/kecil (paling aman: huruf kecil semua)")
        })
        .collect()
}

/// The output paths of the queued images (photo sizes, share crops, cards), known before
/// any image is made, so [`outputs`] can be called once, before the slow part of a build.
pub fn image_outputs(images: &Queue) -> Vec<String> {
    let mut paths = Vec::new();
    for job in images.photos.values() {
        for r in queue::renditions(&job.source) {
            paths.extend([r.jpeg, r.webp]);
        }
        if job.share {
            paths.push(queue::share_path(&job.source));
        }
    }
    paths.extend(images.cards.values().map(|c| c.path.clone()));
    paths
}

/// A warning for every group of the site's files (under content/ and themes/) whose
/// paths are one path ignoring case.
pub fn content(root: &Path) -> Vec<Diagnostic> {
    let mut files = Vec::new();
    for top in ["content", "themes"] {
        let walk = walkdir::WalkDir::new(root.join(top))
            .sort_by_file_name()
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file());
        // With `/` on every system, so the message reads the same everywhere.
        files.extend(walk.map(|entry| crate::paths::relative(root, entry.path())));
    }
    groups(files.iter().map(String::as_str))
        .into_iter()
        .map(|group| {
            Diagnostic::warning(
                group[0],
                format!(
                    "berkas {} hanya berbeda huruf besar/kecil; jika folder situs disalin atau di-clone ke Windows atau macOS, hanya satu yang tersimpan",
                    quoted(&group)
                ),
            )
            .hint("ganti nama salah satunya (atau hapus salinannya) sehingga namanya berbeda lebih dari huruf besar/kecil")
        })
        .collect()
}

/// `a`, `b` dan `c`.
fn quoted(group: &[&str]) -> String {
    let names: Vec<String> = group.iter().map(|p| format!("`{p}`")).collect();
    match names.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} dan {last}", rest.join(", ")),
        _ => names.join(""),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_only_names_equal_but_for_case() {
        let paths = [
            "foto/Foto.JPG",
            "foto/foto.jpg",
            "foto/fotó.jpg",
            "foto/FOTO.jpg",
            "a.html",
            "b.html",
            "a.html",
            "Ärger.md",
            "ärger.md",
        ];
        assert_eq!(
            groups(paths),
            vec![
                vec!["foto/FOTO.jpg", "foto/Foto.JPG", "foto/foto.jpg"],
                vec!["Ärger.md", "ärger.md"],
            ]
        );
        assert!(groups(["index.html", "laporan/index.html"]).is_empty());
    }

    #[test]
    fn output_folders_that_differ_by_case_are_one_error() {
        let found = outputs([
            "index.html",
            "laporan/Jalan/index.html",
            "laporan/jalan/foto.jpg",
            "laporan/index.html",
        ]);
        assert_eq!(found.len(), 1);
        assert!(found[0].is_error());
        assert_eq!(found[0].file, Path::new("laporan/Jalan/"));
        assert_eq!(
            found[0].message,
            "alamat `laporan/Jalan/` dan `laporan/jalan/` hanya berbeda huruf besar/kecil; di Windows, macOS dan hosting yang tidak membedakan huruf besar keduanya menjadi satu, sehingga satu halaman hilang dan tautannya rusak"
        );
        // A file and a folder of one name are another problem (the writer refuses it).
        assert!(outputs(["a", "A/index.html", "b/c.html"]).is_empty());
    }

    #[test]
    fn content_files_that_differ_by_case_are_a_warning_naming_all() {
        let dir = tempfile::tempdir().unwrap();
        let foto = dir.path().join("content/foto");
        std::fs::create_dir_all(&foto).unwrap();
        std::fs::write(foto.join("Foto.JPG"), "1").unwrap();
        std::fs::write(foto.join("jalan.jpg"), "2").unwrap();
        // A case-insensitive disk cannot hold both: there the test has nothing to find.
        if std::fs::write(foto.join("foto.jpg"), "3").is_err()
            || std::fs::read(foto.join("Foto.JPG")).unwrap() == b"3"
        {
            return;
        }
        let found = content(dir.path());
        assert_eq!(found.len(), 1);
        assert!(!found[0].is_error());
        assert_eq!(found[0].file, Path::new("content/foto/Foto.JPG"));
        assert_eq!(
            found[0].message,
            "berkas `content/foto/Foto.JPG` dan `content/foto/foto.jpg` hanya berbeda huruf besar/kecil; jika folder situs disalin atau di-clone ke Windows atau macOS, hanya satu yang tersimpan"
        );
        assert_eq!(quoted(&["a", "b", "c"]), "`a`, `b` dan `c`");
    }
}
