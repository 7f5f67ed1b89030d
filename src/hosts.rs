//! The limits of the free static hosts, checked before publishing.
//!
//! In: the path and size of every output file. Out: a warning for each limit the site would
//! break (Cloudflare Pages: 20,000 files per deployment and 25 MiB per file; GitHub Pages:
//! 1 GB per site). A pure function of (path, size) pairs, so it is tested without huge files.

use crate::diagnostic::Diagnostic;
use std::path::Path;

/// Cloudflare Pages: files per deployment.
pub const CLOUDFLARE_MAX_FILES: usize = 20_000;
/// Cloudflare Pages: bytes per file (25 MiB).
pub const CLOUDFLARE_MAX_FILE_BYTES: u64 = 25 * 1024 * 1024;
/// GitHub Pages: bytes per published site (1 GB).
pub const GITHUB_MAX_SITE_BYTES: u64 = 1_000_000_000;

/// Warnings for every host limit the output would break; `output` names the folder.
pub fn check<'a>(
    output: &Path,
    files: impl IntoIterator<Item = (&'a str, u64)>,
) -> Vec<Diagnostic> {
    let mut warnings = Vec::new();
    let mut count = 0usize;
    let mut total = 0u64;
    for (path, size) in files {
        count += 1;
        total += size;
        if size > CLOUDFLARE_MAX_FILE_BYTES {
            warnings.push(
                Diagnostic::warning(
                    output.join(path),
                    format!(
                        "berkas ini {}; Cloudflare Pages menolak berkas di atas 25 MiB",
                        mib(size)
                    ),
                )
                .hint("perkecil berkas aslinya di content/ (misalnya foto atau PDF), atau terbitkan di GitHub Pages, GitLab Pages atau Netlify"),
            );
        }
    }
    if count > CLOUDFLARE_MAX_FILES {
        warnings.push(
            Diagnostic::warning(
                output,
                format!(
                    "situs ini akan berisi {} berkas; Cloudflare Pages menerima paling banyak {} berkas sekali terbit",
                    thousands(count as u64),
                    thousands(CLOUDFLARE_MAX_FILES as u64)
                ),
            )
            .hint("kurangi jumlah foto, atau terbitkan di GitHub Pages, GitLab Pages atau Netlify"),
        );
    }
    if total > GITHUB_MAX_SITE_BYTES {
        warnings.push(
            Diagnostic::warning(
                output,
                format!(
                    "situs ini akan berukuran {}; GitHub Pages menerima situs paling besar 1 GB (1.000 MB)",
                    mb(total)
                ),
            )
            .hint("perkecil atau kurangi foto dan berkas besar di content/ sebelum menerbitkan di GitHub Pages"),
        );
    }
    warnings
}

/// `26,3 MiB`: one decimal, Indonesian comma, rounded up so a size just over a limit
/// never reads as the limit itself.
fn mib(bytes: u64) -> String {
    tenths(bytes, 1024 * 1024, "MiB")
}

/// `1.000,1 MB` (decimal megabytes, as GitHub states its limit), rounded up.
fn mb(bytes: u64) -> String {
    tenths(bytes, 1_000_000, "MB")
}

fn tenths(bytes: u64, unit: u64, name: &str) -> String {
    let tenths = (bytes * 10).div_ceil(unit);
    format!("{},{} {name}", thousands(tenths / 10), tenths % 10)
}

/// `20.512`.
fn thousands(n: u64) -> String {
    crate::money::number(rust_decimal::Decimal::from(n))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn messages(files: &[(String, u64)]) -> Vec<(String, String)> {
        check(
            Path::new("output"),
            files.iter().map(|(p, s)| (p.as_str(), *s)),
        )
        .into_iter()
        .map(|d| (d.file.display().to_string(), d.message))
        .collect()
    }

    #[test]
    fn a_small_site_breaks_no_limit() {
        let files = vec![
            ("index.html".to_owned(), 30_000),
            ("foto/a.jpg".to_owned(), 25 * 1024 * 1024),
        ];
        assert!(messages(&files).is_empty());
    }

    #[test]
    fn one_file_over_25_mib() {
        // 25 MiB + 1 byte is over (shown rounded up: 25,1); 27,262,976 bytes is exactly 26 MiB.
        let files = vec![
            ("foto/ok.jpg".to_owned(), 25 * 1024 * 1024),
            ("unduhan/besar.pdf".to_owned(), 27_262_976),
            ("foto/pas.jpg".to_owned(), 25 * 1024 * 1024 + 1),
        ];
        assert_eq!(
            messages(&files),
            [
                (
                    "output/unduhan/besar.pdf".to_owned(),
                    "berkas ini 26,0 MiB; Cloudflare Pages menolak berkas di atas 25 MiB"
                        .to_owned()
                ),
                (
                    "output/foto/pas.jpg".to_owned(),
                    "berkas ini 25,1 MiB; Cloudflare Pages menolak berkas di atas 25 MiB"
                        .to_owned()
                ),
            ]
        );
    }

    #[test]
    fn too_many_files_and_too_large_a_site() {
        // 20,001 files of 50,000 bytes = 1,000,050,000 bytes: over both limits by a little.
        let files: Vec<(String, u64)> = (0..20_001)
            .map(|i| (format!("f{i}.html"), 50_000))
            .collect();
        assert_eq!(
            messages(&files),
            [
                (
                    "output".to_owned(),
                    "situs ini akan berisi 20.001 berkas; Cloudflare Pages menerima paling banyak 20.000 berkas sekali terbit".to_owned()
                ),
                (
                    "output".to_owned(),
                    "situs ini akan berukuran 1.000,1 MB; GitHub Pages menerima situs paling besar 1 GB (1.000 MB)".to_owned()
                ),
            ]
        );
        // Exactly at the limits: no warning.
        let files: Vec<(String, u64)> = (0..20_000)
            .map(|i| (format!("f{i}.html"), 50_000))
            .collect();
        assert!(messages(&files).is_empty());
    }
}
