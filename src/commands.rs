//! The commands: read the command line, call the pipeline, say what happened.
//!
//! Each command returns `Result<(), Error>`; `main` prints a failure and picks the exit
//! status ([`crate::error`]). The work itself is in [`crate::build`] (build, check), in
//! [`crate::serve`] (the preview), in [`crate::scaffold`] (the files of `new`) and in
//! [`crate::impor`] (`impor`).

use crate::build;
use crate::cli::{Cli, Command};
use crate::diagnostic::Diagnostics;
use crate::error::Error;
use crate::scaffold;

pub fn run(cli: Cli) -> Result<(), Error> {
    match cli.command {
        Command::Build { site, output } => {
            let output = output.unwrap_or_else(|| build::default_output(&site.site));
            let built = build::build(&site.site, &output)?;
            if !built.diags.is_empty() {
                eprint!("{}", built.diags.report());
            }
            println!(
                "Situs dibangun di {} ({} berkas, {} ms).",
                output.display(),
                built.files,
                built.took.as_millis()
            );
            println!("Gambar: {}.", built.images);
            Ok(())
        }
        Command::Check { site } => {
            let diags = build::check(&site.site)?;
            eprint!("{}", diags.report());
            Ok(())
        }
        Command::Serve {
            site,
            port,
            tanpa_peramban,
        } => crate::serve::run(&site.site, port, tanpa_peramban),
        Command::New { dir, tahun } => {
            // A malformed SOURCE_DATE_EPOCH falls back to the clock; `new` has no report
            // to warn in.
            let today = crate::clock::today(&mut Diagnostics::new());
            let settings = scaffold::Settings::current(tahun, today);
            scaffold::create(&dir, &scaffold::files(&settings))?;
            print!("{}", scaffold::next_steps(&dir, &settings));
            Ok(())
        }
        Command::Impor(args) => crate::impor::run::run(&args),
    }
}
