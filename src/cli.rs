//! The command line: `papan build`, `papan check`, `papan serve`, `papan new`, `papan impor`.

use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

/// The port `papan serve` tries first (Zola's, so guides for either read the same).
pub const DEFAULT_PORT: u16 = 1111;

/// Papan: situs transparansi desa (APBDes, laporan kegiatan, produk UMKM) dari berkas teks biasa.
#[derive(Debug, Parser)]
#[command(name = "papan", version = crate::version::text(), about, long_about = None)]
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
    /// Pratinjau situs di peramban (http://127.0.0.1), dibangun ulang setiap kali berkas disimpan.
    Serve {
        #[command(flatten)]
        site: SiteArg,
        /// Nomor port; jika sudah terpakai, Papan mencoba nomor-nomor berikutnya.
        #[arg(long, short, value_name = "N", default_value_t = DEFAULT_PORT)]
        port: u16,
        /// Jangan membuka peramban secara otomatis (juga jika variabel PAPAN_TANPA_PERAMBAN atau CI diisi).
        #[arg(long)]
        tanpa_peramban: bool,
    },
    /// Membuat situs desa baru yang siap diisi di folder DIR (folder harus kosong atau belum ada).
    New {
        /// Folder situs baru.
        #[arg(value_name = "DIR")]
        dir: PathBuf,
        /// Tahun anggaran untuk berkas APBDes pertama; bawaan tahun ini (WIB).
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(i32).range(1945..=2200))]
        tahun: Option<i32>,
    },
    /// Mengimpor APBDes dari Siskeudes (.mde/.mdb/.accdb atau zip CSV), lembar kerja (.xlsx, .xls, .ods, .csv) atau Sideka (.tsv) ke SITE/content/anggaran/TAHUN.yaml.
    Impor(ImporArgs),
}

#[derive(Debug, Args)]
pub struct ImporArgs {
    /// Berkas yang diimpor: database Siskeudes, zip tabel Siskeudes, lembar kerja APBDes, atau ekspor Sideka.
    #[arg(value_name = "BERKAS")]
    pub berkas: PathBuf,
    #[command(flatten)]
    pub site: SiteArg,
    /// Hanya tahun anggaran ini (bawaan: setiap tahun yang ada di berkas).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(i32).range(1945..=2200))]
    pub tahun: Option<i32>,
    /// Kode desa, untuk database yang memuat beberapa desa (misalnya 20.07).
    #[arg(long, value_name = "KODE")]
    pub desa: Option<String>,
    /// Tanggal batas realisasi dari tabel transaksi Siskeudes (TTTT-BB-HH; bawaan: transaksi terakhir).
    #[arg(long, value_name = "TANGGAL")]
    pub per_tanggal: Option<String>,
    /// Menimpa berkas anggaran yang sudah ada.
    #[arg(long)]
    pub timpa: bool,
}

#[derive(Debug, Args)]
pub struct SiteArg {
    /// Folder situs desa (yang berisi content/).
    #[arg(value_name = "SITE", default_value = ".")]
    pub site: PathBuf,
}

#[cfg(test)]
mod tests {
    use super::{Cli, Command};
    use clap::{CommandFactory, Parser};

    #[test]
    fn cli_is_well_formed() {
        Cli::command().debug_assert();
    }

    #[test]
    fn serve_defaults_to_port_1111_and_new_takes_a_year() {
        let cli = Cli::parse_from(["papan", "serve"]);
        assert!(matches!(cli.command, Command::Serve { port: 1111, .. }));
        let cli = Cli::parse_from(["papan", "new", "desa-baru", "--tahun", "2026"]);
        assert!(matches!(
            cli.command,
            Command::New {
                tahun: Some(2026),
                ..
            }
        ));
        assert!(Cli::try_parse_from(["papan", "new", "x", "--tahun", "26"]).is_err());
    }
}
