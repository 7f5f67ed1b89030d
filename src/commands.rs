//! The commands: one entry point, one place that prints problems and picks the exit code.
//!
//! Exit status: 0 success; 1 the content has errors (all printed); 2 wrong usage (clap's
//! own errors, or an output folder Papan refuses).

use crate::cli::{Cli, Command};
use crate::diagnostic::Diagnostics;
use crate::render::{self, OutputFile, theme::Theme};
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
    if let Err(e) = write::prepare(root, output) {
        return write_failed(&e);
    }
    let mut diags = Diagnostics::new();
    let prepared = prepare(root, &mut diags);
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
    let _ = prepare(root, &mut diags);
    eprint!("{}", diags.report());
    if diags.has_errors() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// The default output folder of a site.
pub fn default_output(site: &Path) -> PathBuf {
    site.join("output")
}
