//! The command line: `papan build`, `papan check`.

use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

/// Papan: situs transparansi desa (APBDes, laporan kegiatan, produk UMKM) dari berkas teks biasa.
#[derive(Debug, Parser)]
#[command(name = "papan", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Membangun situs ke folder output (bawaan: SITE/output).
    Build {
        #[command(flatten)]
        site: SiteArg,
        /// Folder tujuan; bawaan SITE/output.
        #[arg(long, short, value_name = "DIR")]
        output: Option<PathBuf>,
    },
    /// Memeriksa seluruh isi situs tanpa menulis apa pun.
    Check {
        #[command(flatten)]
        site: SiteArg,
    },
}

#[derive(Debug, Args)]
pub struct SiteArg {
    /// Folder situs desa (yang berisi content/).
    #[arg(value_name = "SITE", default_value = ".")]
    pub site: PathBuf,
}

#[cfg(test)]
mod tests {
    use super::Cli;
    use clap::CommandFactory;

    #[test]
    fn cli_is_well_formed() {
        Cli::command().debug_assert();
    }
}
