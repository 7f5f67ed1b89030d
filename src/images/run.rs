//! Carrying out the queued image work, in parallel, after every page is rendered.
//!
//! In: the [`Queue`] filled during rendering. Out: the image files of the site, the cache
//! entries made fresh (saved only after the site is written), the names of every entry
//! used (the rest is pruned), and counts for the build message. A job whose files are all
//! in the cache is not decoded; otherwise its photo is decoded once and every file of it
//! made again. rayon spreads the jobs over the cores.

use super::cache::{self, Bytes, Cache, Entry};
use super::measure;
use super::process;
use super::queue::{self, CardJob, PhotoJob, Queue};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::output::OutputFile;
use rayon::prelude::*;
use std::collections::BTreeSet;
use std::path::Path;

/// What the image work produced.
#[derive(Debug, Default)]
pub struct Done {
    pub files: Vec<OutputFile>,
    /// Cache entries to save once the site is written.
    pub fresh: Vec<(String, Bytes)>,
    /// Every cache entry this build relies on.
    pub used: BTreeSet<String>,
    pub stats: Stats,
}

/// How much work the images took: made now, or taken from the cache.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Stats {
    pub photos_made: usize,
    pub photos_cached: usize,
    pub cards_made: usize,
    pub cards_cached: usize,
    pub balihos_made: usize,
    pub balihos_cached: usize,
}

impl Stats {
    /// `27 foto dari cache, 0 diproses; 22 gambar pratinjau dari cache, 0 dibuat; 3 baliho
    /// dari cache, 0 dibuat`.
    pub fn message(&self) -> String {
        format!(
            "{} foto dari cache, {} diproses; {} gambar pratinjau dari cache, {} dibuat; {} baliho dari cache, {} dibuat",
            self.photos_cached,
            self.photos_made,
            self.cards_cached,
            self.cards_made,
            self.balihos_cached,
            self.balihos_made
        )
    }
}

/// One job's share of the result.
#[derive(Default)]
struct Part {
    files: Vec<OutputFile>,
    fresh: Vec<(String, Bytes)>,
    used: Vec<String>,
    made: bool,
}

pub fn process(queue: &Queue, diags: &mut Diagnostics) -> Done {
    let root = queue.root();
    let cache = queue.cache();
    let photos: Vec<&PhotoJob> = queue.photos.values().collect();
    let cards: Vec<&CardJob> = queue.cards.values().collect();
    let balihos: Vec<_> = queue.balihos.values().collect();
    let (photo_parts, (card_parts, baliho_parts)): (Vec<_>, (Vec<_>, Vec<_>)) = rayon::join(
        || {
            photos
                .par_iter()
                .map(|j| photo(root, cache, j))
                .collect::<Vec<_>>()
        },
        || {
            rayon::join(
                || cards.par_iter().map(|j| card(cache, j)).collect::<Vec<_>>(),
                || {
                    balihos
                        .par_iter()
                        .map(|j| baliho(cache, j))
                        .collect::<Vec<_>>()
                },
            )
        },
    );
    let mut done = Done::default();
    for part in baliho_parts {
        match part {
            Ok(p) => {
                *if p.made {
                    &mut done.stats.balihos_made
                } else {
                    &mut done.stats.balihos_cached
                } += 1;
                done.files.extend(p.files);
                done.fresh.extend(p.fresh);
                done.used.extend(p.used);
            }
            Err(d) => diags.push(d),
        }
    }
    for (part, is_photo) in photo_parts
        .into_iter()
        .map(|p| (p, true))
        .chain(card_parts.into_iter().map(|p| (p, false)))
    {
        let part = match part {
            Ok(p) => p,
            Err(d) => {
                diags.push(d);
                continue;
            }
        };
        let counter = match (is_photo, part.made) {
            (true, true) => &mut done.stats.photos_made,
            (true, false) => &mut done.stats.photos_cached,
            (false, true) => &mut done.stats.cards_made,
            (false, false) => &mut done.stats.cards_cached,
        };
        *counter += 1;
        done.files.extend(part.files);
        done.fresh.extend(part.fresh);
        done.used.extend(part.used);
    }
    done
}

/// Each (cache entry, output file) of a photo job.
fn wanted(job: &PhotoJob) -> Vec<(String, String)> {
    let key = &job.source.key;
    let mut out = Vec::new();
    for r in queue::renditions(&job.source) {
        out.push((cache::name(key, Entry::Jpeg(r.size.width)), r.jpeg));
        out.push((cache::name(key, Entry::Webp(r.size.width)), r.webp));
    }
    if job.share {
        out.push((
            cache::name(key, Entry::Share),
            queue::share_path(&job.source),
        ));
    }
    out
}

fn photo(root: &Path, cache: &Cache, job: &PhotoJob) -> Result<Part, Diagnostic> {
    let source = &job.source;
    let wanted = wanted(job);
    let size_entry = cache::name(&source.key, Entry::Size);
    let mut part = Part {
        used: wanted.iter().map(|(c, _)| c.clone()).collect(),
        ..Part::default()
    };
    part.used.push(size_entry.clone());
    if !source.size_cached {
        part.fresh.push((
            size_entry,
            Bytes::Own(measure::format_size(source.size).into_bytes()),
        ));
    }
    let cached: Option<Vec<OutputFile>> = wanted
        .iter()
        .map(|(c, out)| cache.get(c).map(|b| OutputFile::new(out.clone(), b)))
        .collect();
    if let Some(files) = cached {
        part.files = files;
        return Ok(part);
    }
    part.made = true;
    part.files = make_photo(root, job).map_err(|detail| {
        let file = Path::new("content").join(&source.path);
        measure::unusable_diagnostic(&file, &source.path, &detail)
    })?;
    part.fresh
        .extend(wanted.into_iter().map(|(c, out)| (c, Bytes::Output(out))));
    Ok(part)
}

/// Decodes a photo once and makes every file of it.
fn make_photo(root: &Path, job: &PhotoJob) -> Result<Vec<OutputFile>, String> {
    let source = &job.source;
    let bytes = std::fs::read(crate::photo::source_path(root, &source.path))
        .map_err(|e| crate::source::io_reason(&e))?;
    if super::key(&bytes) != source.key {
        return Err("berkas foto berubah selama situs dibangun; bangun sekali lagi".to_owned());
    }
    let decoded = process::decode(&bytes)?;
    drop(bytes);
    let plan: Vec<_> = queue::renditions(source);
    let sizes: Vec<_> = plan.iter().map(|r| r.size).collect();
    let ladder = process::ladder(&decoded, &sizes)?;
    drop(decoded);
    let encoded = process::renditions(&ladder)?;
    let mut files = Vec::with_capacity(plan.len() * 2 + 1);
    for (r, e) in plan.into_iter().zip(encoded) {
        files.push(OutputFile::new(r.jpeg, e.jpeg));
        files.push(OutputFile::new(r.webp, e.webp));
    }
    if job.share
        && let Some((_, largest)) = ladder.last()
    {
        files.push(OutputFile::new(
            queue::share_path(source),
            process::share_crop(largest)?,
        ));
    }
    Ok(files)
}

fn card(cache: &Cache, job: &CardJob) -> Result<Part, Diagnostic> {
    let name = cache::name(&job.key, Entry::Card);
    let mut part = Part {
        used: vec![name.clone()],
        ..Part::default()
    };
    if let Some(bytes) = cache.get(&name) {
        part.files.push(OutputFile::new(job.path.clone(), bytes));
        return Ok(part);
    }
    let png = super::share::png(&job.svg).map_err(|e| {
        Diagnostic::error(
            &job.path,
            format!("gambar pratinjau tidak dapat dibuat: {e}"),
        )
    })?;
    part.made = true;
    part.files.push(OutputFile::new(job.path.clone(), png));
    part.fresh.push((name, Bytes::Output(job.path.clone())));
    Ok(part)
}

fn baliho(cache: &Cache, job: &super::board::Job) -> Result<Part, Diagnostic> {
    let made = super::board::run(cache, job)?;
    Ok(Part {
        files: made.files,
        fresh: made.fresh,
        used: made.used,
        made: made.made,
    })
}
