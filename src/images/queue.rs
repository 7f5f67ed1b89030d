//! The image work a build needs, collected while pages are rendered.
//!
//! In: the photos measured at load ([`Photos`]), then, from the pages, the photos they show
//! and the share cards they draw as SVG. Out: for each photo, the names and sizes of its
//! output files, known before any pixel is decoded (pages need them for `srcset`, `width`
//! and `height`); and the list of jobs that [`super::run::process`] carries out at the
//! end. Nothing here touches the disk.

use super::Size;
use super::cache::Cache;
use super::measure::{Photos, Source};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::paths;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

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
    /// Every usable photo, measured at load.
    sources: Photos,
    pub photos: BTreeMap<String, PhotoJob>,
    pub cards: BTreeMap<String, CardJob>,
    /// Notice boards to convert to PNG and PDF, by their folder (`anggaran/2025`).
    pub balihos: BTreeMap<String, super::board::Job>,
}

/// The output files of a photo, smallest first.
pub fn renditions(source: &Source) -> Vec<Rendition> {
    super::plan(source.size)
        .into_iter()
        .map(|size| Rendition {
            size,
            jpeg: paths::photo(&source.stem, &source.key, size.width, "jpg"),
            webp: paths::photo(&source.stem, &source.key, size.width, "webp"),
        })
        .collect()
}

/// The output file of a photo's share crop.
pub fn share_path(source: &Source) -> String {
    paths::share_photo(&source.stem, &source.key)
}

impl Queue {
    /// The queue of a site whose photos were measured as `sources`.
    pub fn new(root: &Path, sources: &Photos) -> Self {
        Queue {
            root: root.to_path_buf(),
            cache: Cache::of_site(root),
            sources: sources.clone(),
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

    /// A photo as measured at load. Pages are rendered only when every photo could be
    /// used, so one that was never measured is a fault of Papan: reported, so no photo
    /// vanishes silently.
    fn source(&self, resolved: &str, diags: &mut Diagnostics) -> Option<Source> {
        let found = self.sources.get(resolved).cloned();
        if found.is_none() {
            diags.push(Diagnostic::error(
                Path::new("content").join(resolved),
                format!("foto `{resolved}` tidak diukur saat isi situs dimuat (kesalahan Papan); laporkan masalah ini"),
            ));
        }
        found
    }

    /// Queues a photo for the page and returns its output files, smallest first; None
    /// when the photo cannot be used (the problem was reported when it was measured).
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
        let path = paths::share_card(name, &key);
        self.cards.entry(path.clone()).or_insert(CardJob {
            key,
            svg,
            path: path.clone(),
        });
        path
    }
}
