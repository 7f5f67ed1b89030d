//! The `papan impor` command: arguments in, files written, report printed, exit status out.
//!
//! Exit status: 0 written; 1 the source has problems (nothing written); 2 wrong usage (a
//! malformed `--per-tanggal`, a budget file that exists without `--timpa`).

use super::{Choice, import, report, targets};
use crate::cli::ImporArgs;
use crate::date::parse_date;
use crate::diagnostic::Diagnostics;
use std::process::ExitCode;

pub fn run(args: &ImporArgs) -> ExitCode {
    let per_tanggal = match args.per_tanggal.as_deref().map(parse_date) {
        None => None,
        Some(Ok(d)) => Some(d),
        Some(Err((msg, hint))) => {
            eprintln!("kesalahan: --per-tanggal: {msg}\n   = saran: {hint}");
            return ExitCode::from(2);
        }
    };
    let choice = Choice {
        tahun: args.tahun,
        desa: args.desa.clone(),
        per_tanggal,
    };
    let mut diags = Diagnostics::new();
    let Some(imported) = import(&args.berkas, &choice, &mut diags) else {
        eprint!("{}", diags.report());
        eprintln!("Tidak ada berkas yang ditulis.");
        return ExitCode::from(1);
    };
    let site = &args.site.site;
    let paths = match targets(site, &imported, args.timpa) {
        Ok(p) => p,
        Err(d) => {
            eprint!("{d}");
            eprintln!("Tidak ada berkas yang ditulis.");
            return ExitCode::from(2);
        }
    };
    for (output, full) in imported.outputs.iter().zip(&paths) {
        let written = full
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| std::fs::write(full, &output.text));
        if let Err(e) = written {
            eprintln!(
                "kesalahan: {} tidak dapat ditulis: {}",
                full.display(),
                crate::source::io_reason(&e)
            );
            return ExitCode::from(1);
        }
    }
    let years: Vec<_> = imported
        .outputs
        .iter()
        .map(|o| (&o.draft, &o.budget, o.path.display().to_string()))
        .collect();
    print!(
        "{}",
        report::render(&args.berkas.display().to_string(), &imported.report, &years)
    );
    if !diags.is_empty() {
        eprint!("{}", diags.report());
    }
    println!(
        "\nDitulis: {} berkas. Periksa seluruh situs dengan `papan check`.",
        paths.len()
    );
    ExitCode::SUCCESS
}
