//! The commands: one entry point, one place that prints problems and picks the exit code.
//!
//! Exit status: 0 success; 1 the content has errors (all printed); 2 wrong usage (clap's
//! own errors, an output folder Papan refuses, `papan new` into a folder that is not
//! empty). `serve` lives in [`crate::serve`], the files of `new` in [`crate::scaffold`].

use crate::cli::{Cli, Command};
use crate::diagnostic::Diagnostics;
use crate::hosts;
use crate::images::{cache, queue::Queue, run};
use crate::render::{self, OutputFile, theme::Theme};
use crate::scaffold;
use crate::site::{self, Site};
use crate::write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

pub fn run(cli: Cli) -> ExitCode {
    match cli.command {
        Command::Build { site, output } => {
            let output = output.unwrap_or_else(|| site.site.join("output"));
            build(&site.site, &output)
        }
        Command::Check { site } => check(&site.site),
        Command::Serve { site, port } => crate::serve::run(&site.site, port),
        Command::New { dir, tahun } => new(&dir, tahun),
        Command::Impor(args) => crate::impor::run::run(&args),
    }
}

/// A site loaded, checked and rendered; its images queued but not made yet.
pub struct Prepared {
    pub site: Site,
    /// Pages and other files, sorted by path; no images.
    pub files: Vec<OutputFile>,
    pub images: Queue,
}

/// Loads, checks and renders a site without writing anything (the cache is only read).
pub fn prepare(root: &Path, diags: &mut Diagnostics) -> Option<Prepared> {
    let site = site::load(root, diags)?;
    let theme = Theme::load(root, &site.desa.tema, diags)?;
    if diags.has_errors() {
        return None;
    }
    let rendered = render::render(&site, &theme, diags);
    diags.extend(crate::weight::check(&rendered.files));
    if diags.has_errors() {
        return None;
    }
    Some(Prepared {
        site,
        files: rendered.files,
        images: rendered.images,
    })
}

/// Every file of the site, images made (from the cache where possible), sorted by path;
/// with what the cache needs to learn once the files are written.
pub fn assemble(root: &Path, diags: &mut Diagnostics) -> Option<(Prepared, run::Done)> {
    let mut prepared = prepare(root, diags)?;
    let mut done = run::process(&prepared.images, diags);
    if diags.has_errors() {
        return None;
    }
    prepared.files.append(&mut done.files);
    prepared.files.sort_by(|a, b| a.path.cmp(&b.path));
    // Two references to one photo under the same name make the same file.
    prepared.files.dedup_by(|a, b| a.path == b.path);
    Some((prepared, done))
}

/// Keeps what this build made for the next one, and drops what it no longer uses. A
/// cache that cannot be written only makes the next build slower: a warning, no failure.
pub fn update_cache(prepared: &Prepared, done: &run::Done) {
    let cache = prepared.images.cache();
    let result = cache::save(cache, &done.fresh, &prepared.files)
        .and_then(|_| cache::prune(cache, &done.used));
    if let Err(e) = result {
        eprintln!("peringatan: cache foto tidak dapat diperbarui: {e}");
        eprintln!(
            "   = saran: pembangunan berikutnya mengolah ulang foto; periksa izin tulis folder {}",
            cache.dir().display()
        );
    }
}

fn print_report(diags: &Diagnostics) {
    if !diags.is_empty() {
        eprint!("{}", diags.report());
    }
}

fn build(root: &Path, output: &Path) -> ExitCode {
    let started = Instant::now();
    if let Err(e) = write::prepare(root, output) {
        return write_failed(&e);
    }
    let mut diags = Diagnostics::new();
    let assembled = assemble(root, &mut diags);
    if let Some((prepared, _)) = &assembled {
        diags.extend(host_limits(output, &prepared.files));
    }
    print_report(&diags);
    let Some((prepared, done)) = assembled else {
        eprintln!(
            "Situs tidak dibangun; folder {} tidak diubah.",
            output.display()
        );
        return ExitCode::from(1);
    };
    if let Err(e) = write::write(output, &prepared.files) {
        return write_failed(&e);
    }
    update_cache(&prepared, &done);
    println!(
        "Situs dibangun di {} ({} berkas, {} ms).",
        output.display(),
        prepared.files.len(),
        started.elapsed().as_millis()
    );
    println!("Gambar: {}.", done.stats.message());
    ExitCode::SUCCESS
}

fn write_failed(e: &write::WriteError) -> ExitCode {
    eprintln!("kesalahan: {}", e.message);
    if let Some(hint) = &e.hint {
        eprintln!("   = saran: {hint}");
    }
    ExitCode::from(if e.usage { 2 } else { 1 })
}

fn check(root: &Path) -> ExitCode {
    let mut diags = Diagnostics::new();
    // Without making the images: the host limits are checked on the pages alone.
    if let Some(prepared) = prepare(root, &mut diags) {
        diags.extend(host_limits(&default_output(root), &prepared.files));
    }
    eprint!("{}", diags.report());
    if diags.has_errors() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Warnings for the free hosts' limits the rendered files would break.
fn host_limits(output: &Path, files: &[OutputFile]) -> Vec<crate::diagnostic::Diagnostic> {
    hosts::check(
        output,
        files
            .iter()
            .map(|f| (f.path.as_str(), f.bytes.len() as u64)),
    )
}

fn new(dir: &Path, tahun: Option<i32>) -> ExitCode {
    let settings = scaffold::Settings::current(
        tahun,
        // A malformed SOURCE_DATE_EPOCH falls back to the clock; `new` has no report to warn in.
        crate::clock::today(&mut Diagnostics::new()),
    );
    match scaffold::create(dir, &scaffold::files(&settings)) {
        Ok(()) => {
            print!("{}", scaffold::next_steps(dir, &settings));
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("kesalahan: {}", e.message);
            if let Some(hint) = &e.hint {
                eprintln!("   = saran: {hint}");
            }
            ExitCode::from(if e.usage { 2 } else { 1 })
        }
    }
}

/// The default output folder of a site.
pub fn default_output(site: &Path) -> PathBuf {
    site.join("output")
}
