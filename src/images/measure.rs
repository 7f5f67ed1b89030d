//! Measuring the photos the content names, in the load stage: each is read once, hashed,
//! and its shown size found (from the image cache, else from the file's header; no pixel
//! is decoded).
//!
//! In: the site folder and every photo reference already checked by
//! [`crate::photo::resolve`]. Out: [`Photos`]: a [`Source`] per usable photo, and an error
//! for each that cannot be read or is not a whole JPEG, PNG or WebP, so `check` finds
//! every photo problem before anything is rendered. The render stage names the output
//! files from these measurements without touching the disk.

use super::cache::{self, Cache, Entry};
use super::{LARGE_SOURCE_BYTES, Size};
use crate::diagnostic::{Diagnostic, Diagnostics};
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Every usable photo of the site, by its path inside content/.
pub type Photos = BTreeMap<String, Source>;

/// A photo of the content, read and measured.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// Inside content/ (`foto/jalan.jpg`).
    pub path: String,
    /// For output names (`jalan`).
    pub stem: String,
    /// [`super::key`] of its bytes.
    pub key: String,
    /// As shown (EXIF orientation applied).
    pub size: Size,
    /// Whether the size came from the cache (else it is saved there after the build).
    pub size_cached: bool,
}

/// Reads and measures every photo in `references` (paths inside content/), in parallel;
/// problems go to `diags` in path order.
pub fn measure(root: &Path, references: &BTreeSet<String>, diags: &mut Diagnostics) -> Photos {
    let cache = Cache::of_site(root);
    let measured: Vec<(Diagnostics, Option<Source>)> = references
        .par_iter()
        .map(|resolved| {
            let mut own = Diagnostics::new();
            let source = probe(root, &cache, resolved, &mut own);
            (own, source)
        })
        .collect();
    let mut photos = Photos::new();
    for (own, source) in measured {
        diags.append(own);
        if let Some(s) = source {
            photos.insert(s.path.clone(), s);
        }
    }
    photos
}

/// Reads a photo, hashes it and finds its shown size.
fn probe(root: &Path, cache: &Cache, resolved: &str, diags: &mut Diagnostics) -> Option<Source> {
    let file = Path::new("content").join(resolved);
    let bytes = match std::fs::read(crate::photo::source_path(root, resolved)) {
        Ok(b) => b,
        Err(e) => {
            diags.push(Diagnostic::error(
                &file,
                format!("foto tidak dapat dibaca: {}", crate::source::io_reason(&e)),
            ));
            return None;
        }
    };
    let len = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if len > LARGE_SOURCE_BYTES {
        diags.push(large(&file, len));
    }
    let key = super::key(&bytes);
    let cached = cache
        .get(&cache::name(&key, Entry::Size))
        .and_then(|b| parse_size(&String::from_utf8_lossy(&b)));
    if !super::limits::whole(&bytes) {
        diags.push(cut_off(&file, resolved));
        return None;
    }
    let size = match shown_size(&bytes, cached) {
        Ok(size) => size,
        Err(Problem::Unusable(detail)) => return unusable(diags, &file, resolved, &detail),
        Err(Problem::TooBig(detail)) => {
            diags.push(too_big(&file, resolved, &detail));
            return None;
        }
    };
    Some(Source {
        path: resolved.to_owned(),
        stem: super::stem(resolved),
        key,
        size,
        size_cached: cached.is_some(),
    })
}

/// Why a photo's size cannot be used.
enum Problem {
    Unusable(String),
    TooBig(String),
}

/// The shown size, from the cache or else the header, within [`super::limits`].
fn shown_size(bytes: &[u8], cached: Option<Size>) -> Result<Size, Problem> {
    let (size, decoded_bytes) = match cached {
        Some(size) => (size, 0),
        None => {
            let h = super::process::header(bytes).map_err(Problem::Unusable)?;
            (h.size, h.decoded_bytes)
        }
    };
    if size.width == 0 || size.height == 0 {
        return Err(Problem::Unusable("ukurannya 0 piksel".to_owned()));
    }
    super::limits::check(size, decoded_bytes).map_err(Problem::TooBig)?;
    Ok(size)
}

fn too_big(file: &Path, resolved: &str, detail: &str) -> Diagnostic {
    Diagnostic::error(
        file,
        format!("foto `{resolved}` terlalu besar untuk diolah: {detail}"),
    )
    .hint("perkecil fotonya di aplikasi galeri atau pengolah foto (misalnya menjadi lebar 2000 piksel), simpan ulang, lalu bangun lagi")
}

fn cut_off(file: &Path, resolved: &str) -> Diagnostic {
    Diagnostic::error(
        file,
        format!("foto `{resolved}` terpotong: berkasnya berakhir sebelum gambarnya selesai"),
    )
    .hint("berkas ini mungkin belum selesai disalin atau diunduh; salin ulang dari ponsel, kamera atau sumber aslinya, lalu bangun lagi")
}

/// The problem of a photo that is not a readable JPEG, PNG or WebP.
pub fn unusable_diagnostic(file: &Path, resolved: &str, detail: &str) -> Diagnostic {
    Diagnostic::error(
        file,
        format!("foto `{resolved}` rusak atau bukan JPEG, PNG atau WebP yang utuh"),
    )
    .note(format!("rincian: {detail}"))
    .hint("buka fotonya di aplikasi galeri atau pengolah foto, simpan ulang sebagai JPEG, lalu bangun lagi")
}

fn unusable(diags: &mut Diagnostics, file: &Path, resolved: &str, detail: &str) -> Option<Source> {
    diags.push(unusable_diagnostic(file, resolved, detail));
    None
}

fn large(file: &Path, len: u64) -> Diagnostic {
    // Tenths of a megabyte (MiB), rounded half up, written with a decimal comma.
    let tenths = (len * 10 + 524_288) / 1_048_576;
    Diagnostic::warning(
        file,
        format!(
            "foto berukuran {},{} MB (lebih dari 10 MB)",
            tenths / 10,
            tenths % 10
        ),
    )
    .hint("Papan tetap mengecilkannya untuk pembaca, tetapi berkas sebesar ini memperlambat pembangunan dan membengkakkan folder situs; kecilkan dulu fotonya (misalnya lebar 2000 piksel)")
}

/// `1200x900` as written in a size entry of the cache.
pub fn format_size(size: Size) -> String {
    format!("{}x{}\n", size.width, size.height)
}

fn parse_size(text: &str) -> Option<Size> {
    let (w, h) = text.trim().split_once('x')?;
    let size = Size {
        width: w.parse().ok()?,
        height: h.parse().ok()?,
    };
    (size.width > 0 && size.height > 0).then_some(size)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_round_trip_through_the_cache_text() {
        let s = Size {
            width: 1200,
            height: 900,
        };
        assert_eq!(parse_size(&format_size(s)), Some(s));
        assert_eq!(parse_size("0x5"), None);
        assert_eq!(parse_size("rusak"), None);
    }

    #[test]
    fn large_photos_are_named_in_megabytes() {
        // 12 345 678 bytes / 1 048 576 = 11.77 MB, shown to one decimal: 11,8.
        let d = large(Path::new("content/foto/a.jpg"), 12_345_678);
        assert_eq!(d.message, "foto berukuran 11,8 MB (lebih dari 10 MB)");
    }

    #[test]
    fn unreadable_photos_are_errors_naming_the_file() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("content/foto")).unwrap();
        std::fs::write(dir.path().join("content/foto/a.jpg"), "bukan foto").unwrap();
        let mut diags = Diagnostics::new();
        let refs: BTreeSet<String> = ["foto/a.jpg".to_owned()].into();
        let photos = measure(dir.path(), &refs, &mut diags);
        assert!(photos.is_empty());
        let all: Vec<&Diagnostic> = diags.iter().collect();
        assert_eq!(all.len(), 1);
        assert_eq!(
            all[0].message,
            "foto `foto/a.jpg` rusak atau bukan JPEG, PNG atau WebP yang utuh"
        );
        assert_eq!(all[0].file, Path::new("content/foto/a.jpg"));
    }
}
