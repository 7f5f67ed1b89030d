//! `papan new`: a new village site, ready to fill in.
//!
//! In: the budget year, today's date, Papan's version and repository. Out: the files of a
//! site that builds at once with no warning ([`files`]); [`create`] writes them into an
//! empty folder (the only side effect of `papan new`). Placeholder texts live in
//! `src/scaffold/berkas/` so they read as the files the user will edit.

pub mod anggaran;

use crate::diagnostic::{Diagnostic, Severity};
use crate::error::{Error, Kind};
use crate::source::io_reason;
use jiff::civil::Date;
use std::path::{Path, PathBuf};

/// One file of the new site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewFile {
    /// Relative to the site folder, with `/`.
    pub path: String,
    pub text: String,
}

/// What goes into the workflow file and the placeholders.
#[derive(Debug, Clone)]
pub struct Settings {
    pub tahun: i32,
    pub today: Date,
    /// Papan's version, pinned in the GitHub workflow.
    pub version: String,
    /// Where `cargo install --git` fetches Papan from.
    pub repository: String,
}

impl Settings {
    /// This build of Papan, with the given year and date.
    pub fn current(tahun: Option<i32>, today: Date) -> Settings {
        Settings {
            tahun: tahun.unwrap_or(i32::from(today.year())),
            today,
            version: env!("CARGO_PKG_VERSION").to_owned(),
            repository: env!("CARGO_PKG_REPOSITORY").to_owned(),
        }
    }
}

/// Every file of a new site.
pub fn files(s: &Settings) -> Vec<NewFile> {
    let fill = |text: &str| {
        text.replace("@TAHUN@", &s.tahun.to_string())
            .replace("@TANGGAL@", &s.today.to_string())
            .replace("@VERSI@", &s.version)
            .replace("@REPOSITORI@", &s.repository)
    };
    let file = |path: &str, text: String| NewFile {
        path: path.to_owned(),
        text,
    };
    vec![
        file(".gitignore", fill(include_str!("berkas/gitignore"))),
        file(
            ".github/workflows/papan.yml",
            fill(include_str!("berkas/papan.yml")),
        ),
        file(
            &format!("content/anggaran/{}.yaml", s.tahun),
            anggaran::text(s.tahun),
        ),
        file("content/desa.yaml", fill(include_str!("berkas/desa.yaml"))),
        file(
            "content/halaman/profil.md",
            fill(include_str!("berkas/halaman.md")),
        ),
        file(
            "content/laporan/contoh-kegiatan.md",
            fill(include_str!("berkas/laporan.md")),
        ),
        file(
            "content/produk/contoh-produk.yaml",
            fill(include_str!("berkas/produk.yaml")),
        ),
        file(
            "content/umkm/contoh-umkm.yaml",
            fill(include_str!("berkas/umkm.yaml")),
        ),
    ]
}

/// Why the site could not be created: a usage problem (exit 2), except for I/O.
fn refused(message: String, hint: &str) -> Error {
    Error::usage(Diagnostic::general(Severity::Error, message).hint(hint))
}

/// Writes `files` into `dir`, which must be empty or not exist yet: an existing site or
/// any other file is never overwritten.
pub fn create(dir: &Path, files: &[NewFile]) -> Result<(), Error> {
    let shown = dir.display();
    if dir.exists() {
        let not_empty = match std::fs::read_dir(dir) {
            Ok(mut entries) => entries.next().is_some(),
            Err(_) if !dir.is_dir() => {
                return Err(refused(
                    format!("{shown} sudah ada dan bukan folder"),
                    "pilih nama folder baru, misalnya `papan new situs-desa`",
                ));
            }
            Err(e) => return Err(io_error(dir, &e)),
        };
        if not_empty {
            return Err(refused(
                format!(
                    "folder {shown} tidak kosong; Papan hanya membuat situs baru di folder kosong"
                ),
                "pilih nama folder baru (Papan akan membuatnya), atau kosongkan folder itu dulu",
            ));
        }
    }
    for file in files {
        let target: PathBuf = dir.join(&file.path);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).map_err(|e| io_error(parent, &e))?;
        }
        std::fs::write(&target, &file.text).map_err(|e| io_error(&target, &e))?;
    }
    Ok(())
}

fn io_error(path: &Path, e: &std::io::Error) -> Error {
    Error::one(
        Kind::Content,
        Diagnostic::general(
            Severity::Error,
            format!("{} tidak dapat ditulis: {}", path.display(), io_reason(e)),
        ),
    )
}

/// What to do after `papan new`, in Indonesian.
pub fn next_steps(dir: &Path, s: &Settings) -> String {
    let dir = dir.display();
    let tahun = s.tahun;
    format!(
        "\
Situs desa baru dibuat di {dir}.

Langkah berikutnya:
  1. Masuk ke foldernya:            cd {dir}
  2. Lihat pratinjau di peramban:   papan serve
     (buka alamat yang tercetak; halaman dimuat ulang setiap kali berkas disimpan)
  3. Ganti isian contoh di content/desa.yaml dengan data desa Anda.
  4. Salin angka APBDes ke content/anggaran/{tahun}.yaml.
  5. Ganti atau hapus contoh laporan, produk dan halaman di content/.
  6. Periksa semuanya:              papan check
  7. Bangun situs ke folder output/: papan build

Panduan: {repo}/blob/main/docs/panduan.md
Menerbitkan (GitHub Pages dan lainnya): {repo}/blob/main/docs/publikasi.md
",
        repo = s.repository
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings() -> Settings {
        Settings {
            tahun: 2026,
            today: jiff::civil::date(2026, 3, 14),
            version: "9.8.7".into(),
            repository: "https://example.org/papan".into(),
        }
    }

    #[test]
    fn fills_every_placeholder() {
        for f in files(&settings()) {
            for placeholder in ["@TAHUN@", "@TANGGAL@", "@VERSI@", "@REPOSITORI@"] {
                assert!(!f.text.contains(placeholder), "{}: {placeholder}", f.path);
            }
        }
        let all = files(&settings());
        let workflow = &all[1].text;
        assert!(workflow.contains("PAPAN_VERSI: \"9.8.7\""));
        assert!(workflow.contains("PAPAN_REPOSITORI: \"https://example.org/papan\""));
        assert!(all[2].path == "content/anggaran/2026.yaml");
        let laporan = all
            .iter()
            .find(|f| f.path.ends_with(".md") && f.path.contains("laporan"));
        assert!(laporan.unwrap().text.contains("tanggal: 2026-03-14\n"));
    }

    #[test]
    fn every_content_file_is_valid_yaml_with_the_keys_of_its_format() {
        // Held to the formats of DESIGN.md (and of the catalog for producers), so the
        // example shows what a volunteer is expected to fill in.
        let keys = |text: &str| -> Vec<String> {
            let value: serde_yaml::Value = serde_yaml::from_str(text).unwrap();
            let map = value.as_mapping().unwrap();
            map.keys().map(|k| k.as_str().unwrap().to_owned()).collect()
        };
        for f in files(&settings()) {
            let text = &f.text;
            let found = if f.path.ends_with(".md") {
                let parts = crate::frontmatter::split(text).unwrap();
                assert!(!parts.body.trim().is_empty(), "{}", f.path);
                keys(parts.yaml)
            } else if f.path.ends_with(".yaml") || f.path.ends_with(".yml") {
                keys(text)
            } else {
                continue;
            };
            let expected: &[&str] = match f.path.as_str() {
                "content/laporan/contoh-kegiatan.md" => {
                    &["judul", "tanggal", "status", "progres", "lokasi"]
                }
                "content/produk/contoh-produk.yaml" => &[
                    "nama",
                    "umkm",
                    "kategori",
                    "harga",
                    "satuan",
                    "whatsapp",
                    "deskripsi",
                ],
                "content/umkm/contoh-umkm.yaml" => {
                    &["nama", "jenis", "dusun", "whatsapp", "deskripsi"]
                }
                "content/halaman/profil.md" => &["judul"],
                "content/desa.yaml" => &[
                    "nama",
                    "kecamatan",
                    "kabupaten",
                    "provinsi",
                    "kepala_desa",
                    "alamat",
                    "alamat_pengaduan",
                    "bahasa",
                    "tema",
                ],
                _ => continue,
            };
            assert_eq!(found, expected, "{}", f.path);
        }
    }

    #[test]
    fn the_year_follows_western_indonesian_time() {
        use crate::clock::wib_date;
        use jiff::Timestamp;
        // 2025-12-31 17:30 UTC is 2026-01-01 00:30 in UTC+7.
        let d = wib_date(Timestamp::from_second(1_767_202_200).unwrap());
        assert_eq!(d, jiff::civil::date(2026, 1, 1));
        assert_eq!(Settings::current(None, d).tahun, 2026);
        assert_eq!(Settings::current(Some(2024), d).tahun, 2024);
        // 16:59:59 UTC is still 23:59:59 on 31 December in WIB.
        let d = wib_date(Timestamp::from_second(1_767_200_399).unwrap());
        assert_eq!(d, jiff::civil::date(2025, 12, 31));
        assert_eq!(Settings::current(None, d).tahun, 2025);
    }
}
