//! The commands: one entry point, one place that prints problems and picks the exit code.
//!
//! Exit status: 0 success; 1 the content has errors (all printed); 2 wrong usage (clap's
//! own errors, an output folder Papan refuses, `papan new` into a folder that is not
//! empty). `serve` lives in [`crate::serve`], the files of `new` in [`crate::scaffold`].

use crate::cli::{Cli, Command};
use crate::diagnostic::Diagnostics;
use crate::hosts;
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
    }
}

/// Loads, checks and renders a site without writing anything.
pub fn prepare(root: &Path, diags: &mut Diagnostics) -> Option<(Site, Vec<OutputFile>)> {
    let site = site::load(root, diags)?;
    let theme = Theme::load(root, &site.desa.tema, diags)?;
    if diags.has_errors() {
        return None;
    }
    let files = render::render(&site, &theme, diags);
    if diags.has_errors() {
        return None;
    }
    Some((site, files))
}

fn print_report(diags: &Diagnostics) {
    if !diags.is_empty() {
        eprint!("{}", diags.report());
    }
}

fn build(root: &Path, output: &Path) -> ExitCode {
    let started = Instant::now();
    if let Err(e) = write::check_output(root, output) {
        return write_failed(&e);
    }
    let mut diags = Diagnostics::new();
    let prepared = prepare(root, &mut diags);
    if let Some((_, files)) = &prepared {
        diags.extend(host_limits(output, files));
    }
    print_report(&diags);
    let Some((_, files)) = prepared else {
        eprintln!(
            "Situs tidak dibangun; folder {} tidak diubah.",
            output.display()
        );
        return ExitCode::from(1);
    };
    if let Err(e) = write::write(output, &files) {
        return write_failed(&e);
    }
    println!(
        "Situs dibangun di {} ({} berkas, {} ms).",
        output.display(),
        files.len(),
        started.elapsed().as_millis()
    );
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
    if let Some((_, files)) = prepare(root, &mut diags) {
        diags.extend(host_limits(&default_output(root), &files));
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
    let settings = scaffold::Settings::current(tahun, scaffold::today());
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
