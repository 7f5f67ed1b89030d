//! Reading content files: every read goes through here so every failure names its file.
//!
//! In: the site folder and a path inside it. Out: a [`SourceFile`] holding the text and the
//! path as the user should see it, which then builds diagnostics that point into the text.

use crate::diagnostic::{Diagnostic, Location, Severity};
use std::cell::Cell;
use std::io::Read as _;
use std::path::{Path, PathBuf};

/// Text files larger than this are refused: no village content file comes near it (a real
/// APBDes is 15 KB; 1 MB is some 150 000 words of report), and the bound keeps a mistaken
/// or hostile file from exhausting memory or time: the largest file allowed still builds
/// in about a second.
pub const MAX_TEXT_BYTES: u64 = 1024 * 1024;

/// A content file's text and the path used to name it in messages.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Relative to the site folder when the file is inside it (`content/desa.yaml`).
    pub path: PathBuf,
    pub text: String,
    /// Diagnostics made about this file so far: past [`crate::diagnostic::MAX_PER_FILE`]
    /// they are not shown, so they are made without looking up their line.
    issued: Cell<usize>,
}

impl SourceFile {
    pub fn new(path: impl Into<PathBuf>, text: impl Into<String>) -> Self {
        SourceFile {
            path: path.into(),
            text: text.into(),
            issued: Cell::new(0),
        }
    }

    /// Reads `root/relative`, refusing files outside the site (through a symbolic link),
    /// files that are not regular files, too large, binary or not UTF-8.
    pub fn read(root: &Path, relative: &Path) -> Result<SourceFile, Diagnostic> {
        let bytes = read_bytes(root, relative, MAX_TEXT_BYTES).map_err(|d| {
            if d.message.starts_with("berkas terlalu besar") {
                d.hint("berkas isi (YAML/Markdown) biasanya hanya beberapa KB; periksa apakah berkas yang benar yang tersimpan di sini")
            } else {
                d
            }
        })?;
        Self::from_bytes(relative.to_path_buf(), bytes)
    }

    /// Checks that the bytes are text (UTF-8 without NUL) and strips a UTF-8 byte-order mark.
    pub fn from_bytes(path: PathBuf, bytes: Vec<u8>) -> Result<SourceFile, Diagnostic> {
        // Notepad's "Unicode" is UTF-16, full of zero bytes: say so rather than "binary".
        if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
            return Err(Diagnostic::error(&path, "berkas ini tersimpan dalam pengodean UTF-16, bukan UTF-8")
                .hint("simpan ulang sebagai UTF-8 (di Notepad: Save As, lalu pilih Encoding UTF-8; di VS Code: klik pengodean di pojok kanan bawah, pilih \"Save with Encoding\" lalu UTF-8)"));
        }
        if bytes.contains(&0) {
            return Err(Diagnostic::error(&path, "berkas ini bukan berkas teks (berisi data biner)")
                .hint("simpan ulang sebagai teks biasa (UTF-8) dengan editor teks seperti VS Code atau Notepad"));
        }
        let text = match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(e) => {
                let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
                let prefix = String::from_utf8_lossy(valid);
                let line = prefix.matches('\n').count() + 1;
                let column = prefix.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
                return Err(Diagnostic::error(&path, "berkas ini bukan teks UTF-8")
                    .at(Some(Location::new(line, column)))
                    .hint("simpan ulang berkas dengan pengodean UTF-8 (di VS Code: klik pengodean di pojok kanan bawah, pilih \"Save with Encoding\" lalu UTF-8)"));
            }
        };
        let text = text
            .strip_prefix('\u{feff}')
            .map(str::to_owned)
            .unwrap_or(text);
        Ok(SourceFile::new(path, text))
    }

    /// The text of line `n` (1-based), without its line ending.
    pub fn line(&self, n: usize) -> Option<&str> {
        self.text
            .split('\n')
            .nth(n.checked_sub(1)?)
            .map(|l| l.strip_suffix('\r').unwrap_or(l))
    }

    /// A diagnostic about this file, with the offending line when the location is known.
    pub fn diagnostic(
        &self,
        severity: Severity,
        location: Option<Location>,
        message: impl Into<String>,
    ) -> Diagnostic {
        self.issued.set(self.issued.get() + 1);
        // A garbage file can produce a problem per item; only the first are shown.
        let shown = self.issued.get() <= crate::diagnostic::MAX_PER_FILE;
        let snippet = location.filter(|_| shown).and_then(|l| self.line(l.line));
        Diagnostic::new(severity, &self.path, message)
            .at(location)
            .snippet(snippet)
    }

    pub fn error(&self, location: Option<Location>, message: impl Into<String>) -> Diagnostic {
        self.diagnostic(Severity::Error, location, message)
    }

    pub fn warning(&self, location: Option<Location>, message: impl Into<String>) -> Diagnostic {
        self.diagnostic(Severity::Warning, location, message)
    }
}

/// Reads `root/relative` as bytes, at most `limit` of them. The file must be a regular
/// file inside the site once symbolic links are followed: inside `root`, or inside the
/// real folder of its first component (a `content/` or `themes/` that is itself a link
/// stays usable), so a link cannot pull a file from elsewhere on the machine into the
/// published site. Problems name the file as `relative`.
pub fn read_bytes(root: &Path, relative: &Path, limit: u64) -> Result<Vec<u8>, Diagnostic> {
    let full = root.join(relative);
    let shown = relative.to_path_buf();
    let unreadable = |e: &std::io::Error| {
        Diagnostic::error(
            &shown,
            format!("berkas tidak dapat dibaca: {}", io_reason(e)),
        )
    };
    let real = full.canonicalize().map_err(|e| {
        if std::fs::symlink_metadata(&full).is_ok_and(|m| m.file_type().is_symlink()) {
            Diagnostic::error(
                &shown,
                "tautan simbolik ini menunjuk ke berkas yang tidak ada",
            )
            .hint("hapus tautannya, atau salin berkas yang dimaksud ke tempat ini")
        } else {
            unreadable(&e)
        }
    })?;
    if !inside_site(root, relative, &real) {
        return Err(Diagnostic::error(
            &shown,
            format!(
                "berkas ini menunjuk ke {} di luar folder situs (tautan simbolik); Papan tidak membaca berkas di luar situs",
                real.display()
            ),
        )
        .hint("salin berkasnya ke dalam folder situs sebagai berkas biasa, lalu hapus tautannya"));
    }
    let meta = std::fs::metadata(&real).map_err(|e| unreadable(&e))?;
    if meta.is_dir() {
        return Err(Diagnostic::error(&shown, "ini sebuah folder, bukan berkas")
            .hint("pindahkan atau ganti nama folder ini; di sini Papan mengharapkan berkas"));
    }
    if !meta.is_file() {
        return Err(Diagnostic::error(
            &shown,
            "ini bukan berkas biasa (perangkat, pipa, atau soket)",
        )
        .hint("hapus atau pindahkan entri ini dari folder situs"));
    }
    let too_big = |len: u64| {
        Diagnostic::error(
            &shown,
            format!(
                "berkas terlalu besar ({}); batasnya {}",
                size(len),
                size(limit)
            ),
        )
    };
    if meta.len() > limit {
        return Err(too_big(meta.len()));
    }
    // Bounded even when the file grows while it is read.
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    std::fs::File::open(&real)
        .and_then(|f| f.take(limit + 1).read_to_end(&mut bytes))
        .map_err(|e| unreadable(&e))?;
    if bytes.len() as u64 > limit {
        return Err(too_big(bytes.len() as u64));
    }
    Ok(bytes)
}

/// A size in whole MB, or KB below one MB.
fn size(bytes: u64) -> String {
    const MB: u64 = 1024 * 1024;
    if bytes >= MB {
        format!("{} MB", bytes.div_ceil(MB))
    } else {
        format!("{} KB", bytes.div_ceil(1024))
    }
}

/// Whether `real` lies inside the site folder, or inside the real folder of the first
/// component of `relative`.
fn inside_site(root: &Path, relative: &Path, real: &Path) -> bool {
    let top = relative
        .components()
        .next()
        .filter(|c| matches!(c, std::path::Component::Normal(_)))
        .map(|c| root.join(c));
    [Some(root.to_path_buf()), top]
        .into_iter()
        .flatten()
        .filter_map(|p| p.canonicalize().ok())
        .any(|allowed| real.starts_with(allowed))
}

/// An I/O error in plain Indonesian.
pub fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    match e.kind() {
        NotFound => "tidak ada".to_owned(),
        PermissionDenied => "tidak ada izin untuk membukanya".to_owned(),
        IsADirectory => "ini sebuah folder, bukan berkas".to_owned(),
        _ => e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_binary_and_non_utf8_with_position() {
        let bin = SourceFile::from_bytes("a.yaml".into(), b"a\0b".to_vec()).unwrap_err();
        assert_eq!(
            bin.message,
            "berkas ini bukan berkas teks (berisi data biner)"
        );
        let latin1 = SourceFile::from_bytes("b.yaml".into(), b"nama: ok\nx: caf\xe9\n".to_vec())
            .unwrap_err();
        assert_eq!(latin1.message, "berkas ini bukan teks UTF-8");
        assert_eq!(latin1.location, Some(Location::new(2, 7)));
    }

    #[test]
    fn names_utf16() {
        let d = SourceFile::from_bytes("c.md".into(), b"\xff\xfe-\x00-\x00".to_vec()).unwrap_err();
        assert_eq!(
            d.message,
            "berkas ini tersimpan dalam pengodean UTF-16, bukan UTF-8"
        );
    }

    #[test]
    fn strips_bom_and_reads_lines() {
        let src = SourceFile::from_bytes("c.yaml".into(), "\u{feff}a: 1\r\nb: 2\n".into()).unwrap();
        assert_eq!(src.line(1), Some("a: 1"));
        assert_eq!(src.line(2), Some("b: 2"));
        assert_eq!(src.line(9), None);
    }
}
