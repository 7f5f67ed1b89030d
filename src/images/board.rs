//! Making the notice board's PNG and PDF, or taking them from the image cache.
//!
//! In (while pages render): the board's SVG and title, queued as a [`Job`] named by a hash
//! of everything that decides the bytes. Out (after rendering, with the photos): the two
//! files under `anggaran/TAHUN/`, and the cache entries to keep. An unchanged board costs
//! two file reads; a changed one is drawn again, its PNG and PDF in parallel.

use super::cache::{self, Bytes, Cache, Entry};
use super::vector;
use crate::diagnostic::Diagnostic;
use crate::output::OutputFile;
use crate::paths;

pub use super::vector::{HEIGHT, WIDTH};

/// Everything besides the SVG that changes the PNG or PDF bytes. Change it whenever the
/// conversion changes, so files cached the old way are not reused.
pub const SETTINGS: &str = "papan-baliho-1;png=1080x1620,rgb,default;pdf=280x420mm,judul,dua-lapis";

/// A board to convert.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Job {
    /// [`crate::images::key`] of the settings, the title and the SVG.
    pub key: String,
    pub svg: String,
    /// The PDF's title.
    pub title: String,
    /// `anggaran/2025`.
    pub dir: String,
}

impl Job {
    pub fn new(dir: String, title: String, svg: String) -> Job {
        let key = crate::images::key(format!("{SETTINGS}\n{title}\n{svg}").as_bytes());
        Job {
            key,
            svg,
            title,
            dir,
        }
    }

    fn outputs(&self) -> [(String, String); 2] {
        [
            (
                cache::name(&self.key, Entry::BalihoPng),
                format!("{}/{}", self.dir, paths::BALIHO_PNG),
            ),
            (
                cache::name(&self.key, Entry::BalihoPdf),
                format!("{}/{}", self.dir, paths::BALIHO_PDF),
            ),
        ]
    }
}

/// What one job produced.
#[derive(Debug, Default)]
pub struct Made {
    pub files: Vec<OutputFile>,
    pub fresh: Vec<(String, Bytes)>,
    pub used: Vec<String>,
    /// Drawn now rather than taken from the cache.
    pub made: bool,
}

pub fn run(cache: &Cache, job: &Job) -> Result<Made, Diagnostic> {
    let outputs = job.outputs();
    let mut made = Made {
        used: outputs.iter().map(|(c, _)| c.clone()).collect(),
        ..Made::default()
    };
    let cached: Option<Vec<OutputFile>> = outputs
        .iter()
        .map(|(c, out)| cache.get(c).map(|b| OutputFile::new(out.clone(), b)))
        .collect();
    if let Some(files) = cached {
        made.files = files;
        return Ok(made);
    }
    let failed = |e: String| {
        Diagnostic::error(
            format!("{}/{}", job.dir, paths::BALIHO_SVG),
            format!("baliho APBDes tidak dapat dibuat: {e}"),
        )
    };
    let tree = vector::tree(&job.svg).map_err(failed)?;
    let (png, pdf) = rayon::join(|| vector::png(&tree), || vector::pdf(&job.svg, &job.title));
    let [(png_entry, png_path), (pdf_entry, pdf_path)] = outputs;
    made.files = vec![
        OutputFile::new(png_path.clone(), png.map_err(failed)?),
        OutputFile::new(pdf_path.clone(), pdf.map_err(failed)?),
    ];
    made.fresh = vec![
        (png_entry, Bytes::Output(png_path)),
        (pdf_entry, Bytes::Output(pdf_path)),
    ];
    made.made = true;
    Ok(made)
}
