//! The `papan impor` command: arguments in, files written, report printed.
//!
//! Returns [`Error`] like every command; `main` prints it and picks the exit status: 1 the
//! source has problems or a file cannot be written (nothing written), 2 wrong usage (a
//! malformed `--per-tanggal`, a budget file that exists without `--timpa`).

use super::{Choice, import, report, targets};
use crate::cli::ImporArgs;
use crate::date::parse_date;
use crate::diagnostic::{Diagnostic, Diagnostics, Severity};
use crate::error::{Error, Kind};

/// Printed after the problems whenever the import stops.
const NOTHING_WRITTEN: &str = "Tidak ada berkas yang ditulis.";

pub fn run(args: &ImporArgs) -> Result<(), Error> {
    let per_tanggal = match args.per_tanggal.as_deref().map(parse_date) {
        None => None,
        Some(Ok(d)) => Some(d),
        Some(Err((msg, hint))) => {
            let d = Diagnostic::general(Severity::Error, format!("--per-tanggal: {msg}"));
            return Err(Error::usage(d.hint(hint)).with_outcome(NOTHING_WRITTEN));
        }
    };
    let choice = Choice {
        tahun: args.tahun,
        desa: args.desa.clone(),
        per_tanggal,
    };
    let mut diags = Diagnostics::new();
    let Some(imported) = import(&args.berkas, &choice, &mut diags) else {
        return Err(Error::content(diags).with_outcome(NOTHING_WRITTEN));
    };
    let site = &args.site.site;
    let paths = targets(site, &imported, args.timpa)
        .map_err(|d| Error::usage(d).with_outcome(NOTHING_WRITTEN))?;
    for (output, full) in imported.outputs.iter().zip(&paths) {
        let written = full
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| std::fs::write(full, &output.text));
        if let Err(e) = written {
            let d = Diagnostic::error(
                full,
                format!(
                    "berkas ini tidak dapat ditulis: {}",
                    crate::source::io_reason(&e)
                ),
            )
            .hint("periksa izin tulis folder situs dan ruang disk, lalu jalankan lagi");
            return Err(Error::one(Kind::Content, d).after(diags));
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
    Ok(())
}
