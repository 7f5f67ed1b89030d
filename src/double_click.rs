//! `papan` with no arguments: what double-clicking `papan.exe` does for a person who has
//! never opened a terminal.
//!
//! In: the current folder and the folder of the program. Out: in a site folder (one with
//! `content/desa.yaml`), the preview, opened in the browser; elsewhere, what to do, in
//! plain Indonesian, exit status 2. On Windows the window a double-click opens closes as
//! soon as Papan ends, so there Papan waits for Enter first. [`plan`] and [`explanation`]
//! are pure and tested; [`run`] does it.

use std::io::BufRead as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// What to do.
#[derive(Debug, PartialEq, Eq)]
pub enum Plan {
    /// Preview the site in this folder.
    Serve(PathBuf),
    /// Say how to start.
    Explain,
}

/// Whether `dir` is a village site Papan can preview.
fn is_site(dir: &Path) -> bool {
    dir.join(crate::desa::FILE).is_file()
}

/// The current folder if it is a site; else the program's own folder if it is one (macOS
/// starts a double-clicked program in the home folder, Windows in the program's folder).
pub fn plan(current: &Path, program_dir: Option<&Path>) -> Plan {
    [Some(current), program_dir]
        .into_iter()
        .flatten()
        .find(|d| is_site(d))
        .map_or(Plan::Explain, |d| Plan::Serve(d.to_path_buf()))
}

/// What to do when Papan is started outside a site folder.
pub fn explanation(windows: bool, repository: &str) -> String {
    if !windows {
        return format!(
            "\
Papan: pembuat situs transparansi desa (APBDes, laporan kegiatan, produk UMKM).

Papan bekerja di folder situs desa, yaitu folder yang berisi folder content.
Folder ini bukan folder situs desa.

Sudah punya folder situs?   cd FOLDER-SITUS   lalu   papan serve
Belum punya situs?          papan new situs-desa   lalu   cd situs-desa   dan   papan serve

Perintah lain: papan check, papan build, papan --help.
Panduan lengkap: {repository}/blob/main/docs/panduan.md
"
        );
    }
    let (program, terminal, open) = (
        "papan.exe",
        "Command Prompt",
        "Buka folder tempat papan.exe berada di File Explorer, klik kolom alamat di atas,\n     ketik cmd lalu tekan Enter.",
    );
    format!(
        "\
Papan: pembuat situs transparansi desa (APBDes, laporan kegiatan, produk UMKM).

Papan tidak punya jendela sendiri. Ia bekerja di folder situs desa, yaitu folder yang
berisi folder content. Folder ini bukan folder situs desa.

Sudah punya folder situs?
  Salin {program} ke folder situs itu, lalu klik dua kali {program} di sana:
  pratinjau situs terbuka di peramban.

Belum punya situs?
  1. {open}
  2. Di jendela {terminal} itu ketik:   papan new situs-desa
     lalu tekan Enter. Papan membuat folder situs-desa berisi contoh yang siap diganti.
  3. Salin {program} ke folder situs-desa, lalu klik dua kali {program} di sana.

Perintah lain (diketik di {terminal}): papan serve, papan check, papan build,
papan --help. Panduan lengkap: {repository}/blob/main/docs/panduan.md
"
    )
}

/// Runs what a double-click should do; on Windows waits for Enter before the window closes.
pub fn run() -> ExitCode {
    let current = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let program = std::env::current_exe().ok();
    let program_dir = program.as_deref().and_then(Path::parent);
    let code = match plan(&current, program_dir) {
        Plan::Serve(site) => {
            println!("Folder situs desa: {}", site.display());
            crate::error::finish(crate::serve::run(&site, crate::cli::DEFAULT_PORT, false))
        }
        Plan::Explain => {
            print!(
                "{}",
                explanation(cfg!(windows), env!("CARGO_PKG_REPOSITORY"))
            );
            ExitCode::from(2)
        }
    };
    if cfg!(windows) {
        println!("\nTekan Enter untuk menutup jendela ini.");
        // At the end of input (no keyboard, as in a script) this returns at once.
        let _ = std::io::stdin().lock().read_line(&mut String::new());
    }
    code
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_site_in_the_current_or_the_program_folder_is_previewed() {
        let dir = tempfile::tempdir().unwrap();
        let site = dir.path().join("situs desa");
        std::fs::create_dir_all(site.join("content")).unwrap();
        std::fs::write(site.join("content/desa.yaml"), "nama: X\n").unwrap();
        let elsewhere = dir.path().join("Unduhan");
        std::fs::create_dir_all(&elsewhere).unwrap();
        assert_eq!(plan(&site, None), Plan::Serve(site.clone()));
        assert_eq!(plan(&elsewhere, Some(&site)), Plan::Serve(site.clone()));
        assert_eq!(plan(&site, Some(&elsewhere)), Plan::Serve(site.clone()));
        assert_eq!(plan(&elsewhere, Some(&elsewhere)), Plan::Explain);
        // A content folder without desa.yaml is not a site yet.
        std::fs::create_dir_all(elsewhere.join("content")).unwrap();
        assert_eq!(plan(&elsewhere, None), Plan::Explain);
    }

    #[test]
    fn the_explanation_names_the_program_of_each_system() {
        let w = explanation(true, "https://example.org/papan");
        assert!(w.contains("klik dua kali papan.exe di sana"));
        assert!(w.contains("ketik cmd lalu tekan Enter"));
        assert!(w.contains("Di jendela Command Prompt itu ketik:   papan new situs-desa"));
        assert!(
            w.ends_with("Panduan lengkap: https://example.org/papan/blob/main/docs/panduan.md\n")
        );
        let u = explanation(false, "https://example.org/papan");
        assert!(u.contains("Belum punya situs?          papan new situs-desa"));
        assert!(!u.contains(".exe") && !u.contains("cmd"));
    }
}
