//! Reading content files: every read goes through here so every failure names its file.
//!
//! In: the site folder and a path inside it. Out: a [`SourceFile`] holding the text and the
//! path as the user should see it, which then builds diagnostics that point into the text.

use crate::diagnostic::{Diagnostic, Location, Severity};
use std::path::{Path, PathBuf};

/// Text files larger than this are refused: no village content file comes near it, and a
/// bound keeps a mistaken or hostile file from exhausting memory.
pub const MAX_TEXT_BYTES: u64 = 4 * 1024 * 1024;

/// A content file's text and the path used to name it in messages.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Relative to the site folder when the file is inside it (`content/desa.yaml`).
    pub path: PathBuf,
    pub text: String,
}

impl SourceFile {
    pub fn new(path: impl Into<PathBuf>, text: impl Into<String>) -> Self {
        SourceFile {
            path: path.into(),
            text: text.into(),
        }
    }

    /// Reads `root/relative`, refusing files that are too large, binary or not UTF-8.
    pub fn read(root: &Path, relative: &Path) -> Result<SourceFile, Diagnostic> {
        let full = root.join(relative);
        let shown = relative.to_path_buf();
        let meta = std::fs::metadata(&full).map_err(|e| {
            Diagnostic::error(
                &shown,
                format!("berkas tidak dapat dibaca: {}", io_reason(&e)),
            )
        })?;
        if meta.len() > MAX_TEXT_BYTES {
            return Err(Diagnostic::error(
                &shown,
                format!(
                    "berkas terlalu besar ({} MB); batasnya {} MB untuk berkas teks",
                    meta.len() / (1024 * 1024),
                    MAX_TEXT_BYTES / (1024 * 1024)
                ),
            )
            .hint("berkas isi (YAML/Markdown) biasanya hanya beberapa KB; periksa apakah berkas yang benar yang tersimpan di sini"));
        }
        let bytes = std::fs::read(&full).map_err(|e| {
            Diagnostic::error(
                &shown,
                format!("berkas tidak dapat dibaca: {}", io_reason(&e)),
            )
        })?;
        Self::from_bytes(shown, bytes)
    }

    /// Checks that the bytes are text (UTF-8 without NUL) and strips a UTF-8 byte-order mark.
    pub fn from_bytes(path: PathBuf, bytes: Vec<u8>) -> Result<SourceFile, Diagnostic> {
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
        Ok(SourceFile { path, text })
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
        let snippet = location.and_then(|l| self.line(l.line));
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
    fn strips_bom_and_reads_lines() {
        let src = SourceFile::from_bytes("c.yaml".into(), "\u{feff}a: 1\r\nb: 2\n".into()).unwrap();
        assert_eq!(src.line(1), Some("a: 1"));
        assert_eq!(src.line(2), Some("b: 2"));
        assert_eq!(src.line(9), None);
    }
}
