//! The image work a build needs, collected while pages are rendered.
//!
//! In: photo references (paths inside content/, already checked) and share cards as SVG.
//! Out: for each photo, the names and sizes of its output files, known before any pixel
//! is decoded (pages need them for `srcset`, `width` and `height`); and the list of jobs
//! that [`super::run::process`] carries out at the end. Each photo is read once here to
//! hash it; its shown size comes from the cache or, failing that, from the file's header.

use super::cache::{self, Cache, Entry};
use super::{LARGE_SOURCE_BYTES, Size};
use crate::diagnostic::{Diagnostic, Diagnostics};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

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

/// One size of a photo in the output: its JPEG and WebP files, from the site root.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendition {
    pub size: Size,
    pub jpeg: String,
    pub webp: String,
}

/// Everything to make from one photo.
#[derive(Debug, Clone)]
pub struct PhotoJob {
    pub source: Source,
    /// Whether a page uses it as its share preview.
    pub share: bool,
}

/// A share card to draw.
#[derive(Debug, Clone)]
pub struct CardJob {
    pub key: String,
    pub svg: String,
    /// In the output (`bagikan/apbdes-2025-0123456789.png`).
    pub path: String,
}

pub struct Queue {
    root: PathBuf,
    cache: Cache,
    /// Every photo asked for; None when it could not be read (already reported).
    sources: BTreeMap<String, Option<Source>>,
    pub photos: BTreeMap<String, PhotoJob>,
    pub cards: BTreeMap<String, CardJob>,
    /// Notice boards to convert to PNG and PDF, by their folder (`anggaran/2025`).
    pub balihos: BTreeMap<String, crate::baliho::job::Job>,
}

/// The output files of a photo, smallest first.
pub fn renditions(source: &Source) -> Vec<Rendition> {
    super::plan(source.size)
        .into_iter()
        .map(|size| {
            let base = format!("foto/{}-{}-{}", source.stem, source.key, size.width);
            Rendition {
                size,
                jpeg: format!("{base}.jpg"),
                webp: format!("{base}.webp"),
            }
        })
        .collect()
}

/// The output file of a photo's share crop.
pub fn share_path(source: &Source) -> String {
    format!("bagikan/{}-{}.jpg", source.stem, source.key)
}

impl Queue {
    pub fn new(root: &Path) -> Self {
        Queue {
            root: root.to_path_buf(),
            cache: Cache::of_site(root),
            sources: BTreeMap::new(),
            photos: BTreeMap::new(),
            cards: BTreeMap::new(),
            balihos: BTreeMap::new(),
        }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn cache(&self) -> &Cache {
        &self.cache
    }

    /// Reads and measures a photo the first time it is asked for; problems go to `diags`
    /// once.
    fn source(&mut self, resolved: &str, diags: &mut Diagnostics) -> Option<Source> {
        if let Some(known) = self.sources.get(resolved) {
            return known.clone();
        }
        let probed = probe(&self.root, &self.cache, resolved, diags);
        self.sources.insert(resolved.to_owned(), probed.clone());
        probed
    }

    /// Queues a photo for the page and returns its output files, smallest first; None
    /// when the photo cannot be used (the problem is in `diags`).
    pub fn photo(&mut self, resolved: &str, diags: &mut Diagnostics) -> Option<Vec<Rendition>> {
        let source = self.source(resolved, diags)?;
        let out = renditions(&source);
        self.photos.entry(resolved.to_owned()).or_insert(PhotoJob {
            source,
            share: false,
        });
        Some(out)
    }

    /// Queues a photo's 1200×630 share crop and returns its output path.
    pub fn share_photo(&mut self, resolved: &str, diags: &mut Diagnostics) -> Option<String> {
        let source = self.source(resolved, diags)?;
        let path = share_path(&source);
        self.photos
            .entry(resolved.to_owned())
            .or_insert(PhotoJob {
                source,
                share: true,
            })
            .share = true;
        Some(path)
    }

    /// Queues a share card named `name` (`apbdes-2025`) and returns its output path.
    pub fn card(&mut self, name: &str, svg: String) -> String {
        let key = super::key(svg.as_bytes());
        let path = format!("bagikan/{name}-{key}.png");
        self.cards.entry(path.clone()).or_insert(CardJob {
            key,
            svg,
            path: path.clone(),
        });
        path
    }
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
    let size = match cached {
        Some(size) => size,
        None => match super::process::header(&bytes) {
            Ok(size) if size.width > 0 && size.height > 0 => size,
            Ok(_) => return unusable(diags, &file, resolved, "ukurannya 0 piksel"),
            Err(e) => return unusable(diags, &file, resolved, &e),
        },
    };
    Some(Source {
        path: resolved.to_owned(),
        stem: super::stem(resolved),
        key,
        size,
        size_cached: cached.is_some(),
    })
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
        let mut q = Queue::new(dir.path());
        let mut diags = Diagnostics::new();
        assert_eq!(q.photo("foto/a.jpg", &mut diags), None);
        // Asked again, it is not reported twice.
        assert_eq!(q.photo("foto/a.jpg", &mut diags), None);
        let all: Vec<&Diagnostic> = diags.iter().collect();
        assert_eq!(all.len(), 1);
        assert_eq!(
            all[0].message,
            "foto `foto/a.jpg` rusak atau bukan JPEG, PNG atau WebP yang utuh"
        );
        assert_eq!(all[0].file, Path::new("content/foto/a.jpg"));
    }
}
