//! The pipeline, in one place: load → compute → render → images → write.
//!
//! In: a site folder (and, for `build`, an output folder). Out: the site's files, written
//! or held in memory, or an [`Error`] with every problem found. `build`, `check` and
//! `serve` all run these functions; they differ only in where the files go:
//!
//! - [`prepare`]: load the content and the theme, compute, render (no image made yet);
//! - [`assemble`]: [`prepare`], then make the images the pages named;
//! - [`build`]: [`assemble`], then write the output folder and update the image cache;
//! - [`check`]: [`prepare`], writing nothing.

use crate::case_clash;
use crate::compute;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::error::Error;
use crate::images::{cache, queue::Queue, run};
use crate::output::OutputFile;
use crate::render::{self, Rendered};
use crate::site;
use crate::theme::Theme;
use crate::{hosts, weight, write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Loads, checks, computes and renders a site; its images are queued, not made. Nothing is
/// written (the image cache is only read). None when the content has errors.
pub fn prepare(root: &Path, diags: &mut Diagnostics) -> Option<Rendered> {
    let site = site::load(root, diags)?;
    let theme = Theme::load(root, &site.desa.tema, diags)?;
    diags.extend(case_clash::content(root));
    if diags.has_errors() {
        return None;
    }
    let model = compute::compute(&site);
    let rendered = render::render(&model, &theme, Queue::new(root, &site.photos), diags);
    diags.extend(weight::check(&rendered.files));
    // Every output name, images included, before the slow part of a build.
    let images = case_clash::image_outputs(&rendered.images);
    let pages = rendered.files.iter().map(|f| f.path.as_str());
    diags.extend(case_clash::outputs(
        pages.chain(images.iter().map(String::as_str)),
    ));
    (!diags.has_errors()).then_some(rendered)
}

/// Every file of a site, images included, sorted by path.
pub struct Assembled {
    pub files: Vec<OutputFile>,
    images: Queue,
    done: run::Done,
}

/// [`prepare`], then the images made (from the cache where possible).
pub fn assemble(root: &Path, diags: &mut Diagnostics) -> Option<Assembled> {
    let rendered = prepare(root, diags)?;
    let mut done = run::process(&rendered.images, diags);
    if diags.has_errors() {
        return None;
    }
    let mut files = rendered.files;
    files.append(&mut done.files);
    files.sort_by(|a, b| a.path.cmp(&b.path));
    // Two references to one photo under the same name make the same file.
    files.dedup_by(|a, b| a.path == b.path);
    Some(Assembled {
        files,
        images: rendered.images,
        done,
    })
}

impl Assembled {
    /// Keeps what this build made for the next one, and drops what it no longer uses. A
    /// cache that cannot be written only makes the next build slower: a warning.
    pub fn save_cache(&self) -> Option<Diagnostic> {
        let cache = self.images.cache();
        let result = cache::save(cache, &self.done.fresh, &self.files)
            .and_then(|_| cache::prune(cache, &self.done.used));
        let e = result.err()?;
        Some(
            Diagnostic::warning(
                cache.dir(),
                format!("cache foto tidak dapat diperbarui: {e}"),
            )
            .hint(format!(
                "pembangunan berikutnya mengolah ulang foto; periksa izin tulis folder {}",
                cache.dir().display()
            )),
        )
    }

    /// `27 foto dari cache, 0 diproses; …`.
    pub fn image_stats(&self) -> String {
        self.done.stats.message()
    }
}

/// A site written.
pub struct Built {
    /// Warnings and notes.
    pub diags: Diagnostics,
    pub files: usize,
    pub images: String,
    pub took: Duration,
}

/// Builds the site at `root` into `output`. A failed build leaves `output` as it was.
pub fn build(root: &Path, output: &Path) -> Result<Built, Error> {
    let started = Instant::now();
    write::prepare(root, output)?;
    let mut diags = Diagnostics::new();
    let Some(assembled) = assemble(root, &mut diags) else {
        return Err(Error::content(diags).with_outcome(format!(
            "Situs tidak dibangun; folder {} tidak diubah.",
            output.display()
        )));
    };
    diags.extend(host_limits(output, &assembled.files));
    if let Err(e) = write::write(output, &assembled.files) {
        return Err(e.after(diags));
    }
    diags.extend(assembled.save_cache());
    Ok(Built {
        diags,
        files: assembled.files.len(),
        images: assembled.image_stats(),
        took: started.elapsed(),
    })
}

/// Checks everything `build` would, writing nothing; the warnings when there is no error.
pub fn check(root: &Path) -> Result<Diagnostics, Error> {
    let mut diags = Diagnostics::new();
    // Without making the images: the host limits are checked on the pages alone.
    if let Some(rendered) = prepare(root, &mut diags) {
        diags.extend(host_limits(&default_output(root), &rendered.files));
    }
    if diags.has_errors() {
        Err(Error::content(diags))
    } else {
        Ok(diags)
    }
}

/// Warnings for the free hosts' limits the files would break.
fn host_limits(output: &Path, files: &[OutputFile]) -> Vec<Diagnostic> {
    hosts::check(
        output,
        files
            .iter()
            .map(|f| (f.path.as_str(), f.bytes.len() as u64)),
    )
}

/// The default output folder of a site.
pub fn default_output(site: &Path) -> PathBuf {
    site.join("output")
}
