//! Problems found in a site's content, shared by every stage.
//!
//! Stages push into a [`Diagnostics`] list instead of stopping at the first problem; the
//! command prints the whole list once (errors first, then warnings, then a count) and exits
//! with status 1 when there is at least one error. Every problem names its file; parser
//! problems keep the line and column and show the offending line with a caret under it.

use std::fmt::{self, Write as _};
use std::path::{Path, PathBuf};

/// How serious a problem is. Errors stop `build`; warnings are printed and the build goes on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
    /// Worth knowing, nothing to fix (e.g. no sitemap without base_url).
    Info,
}

impl Severity {
    /// The word printed before the message.
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "kesalahan",
            Severity::Warning => "peringatan",
            Severity::Info => "catatan",
        }
    }
}

/// A position in a text file; both numbers start at 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Location {
    pub line: usize,
    pub column: usize,
}

impl Location {
    pub fn new(line: usize, column: usize) -> Self {
        Location { line, column }
    }
}

/// One problem: what is wrong, where, and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// The file, as the user sees it (relative to the site folder when inside it).
    pub file: PathBuf,
    pub location: Option<Location>,
    /// One line in plain Indonesian.
    pub message: String,
    /// The offending source line, shown with a caret under the column.
    pub snippet: Option<String>,
    /// Details, one line each (figures, the lines of related rows, …).
    pub notes: Vec<String>,
    /// How to fix it.
    pub hint: Option<String>,
}

impl Diagnostic {
    pub fn new(severity: Severity, file: impl AsRef<Path>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity,
            file: file.as_ref().to_path_buf(),
            location: None,
            message: message.into(),
            snippet: None,
            notes: Vec::new(),
            hint: None,
        }
    }

    pub fn error(file: impl AsRef<Path>, message: impl Into<String>) -> Self {
        Self::new(Severity::Error, file, message)
    }

    pub fn warning(file: impl AsRef<Path>, message: impl Into<String>) -> Self {
        Self::new(Severity::Warning, file, message)
    }

    pub fn info(file: impl AsRef<Path>, message: impl Into<String>) -> Self {
        Self::new(Severity::Info, file, message)
    }

    pub fn at(mut self, location: Option<Location>) -> Self {
        self.location = location;
        self
    }

    pub fn snippet(mut self, line: Option<&str>) -> Self {
        self.snippet = line.map(str::to_owned);
        self
    }

    pub fn note(mut self, note: impl Into<String>) -> Self {
        self.notes.push(note.into());
        self
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `file:line:column`, or as much of it as is known.
    pub fn position(&self) -> String {
        let file = self.file.display();
        match self.location {
            Some(loc) => format!("{file}:{}:{}", loc.line, loc.column),
            None => file.to_string(),
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{}: {}", self.severity.label(), self.message)?;
        writeln!(f, "  --> {}", self.position())?;
        let gutter = self
            .location
            .map(|loc| loc.line.to_string().len())
            .unwrap_or(1)
            .max(2);
        if let (Some(line), Some(loc)) = (&self.snippet, self.location) {
            let pad = " ".repeat(gutter);
            let (shown, caret_at) = snippet_window(line, loc.column);
            writeln!(f, "{pad} |")?;
            writeln!(f, "{:>gutter$} | {}", loc.line, shown)?;
            writeln!(f, "{pad} | {}^", " ".repeat(caret_at))?;
        }
        for note in &self.notes {
            writeln!(f, "{} = {note}", " ".repeat(gutter))?;
        }
        if let Some(hint) = &self.hint {
            writeln!(f, "{} = saran: {hint}", " ".repeat(gutter))?;
        }
        Ok(())
    }
}

/// The part of a source line shown under a message, and the caret's place in it. The
/// caret goes under the column, counted in characters, not bytes; a long line (a minified
/// file, a line of a million `>`) is cut to a window around the column.
fn snippet_window(line: &str, column: usize) -> (String, usize) {
    const WIDTH: usize = 100;
    let chars: Vec<char> = line
        .chars()
        .map(|c| if c == '\t' { ' ' } else { c })
        .collect();
    let caret = column.saturating_sub(1).min(chars.len());
    if chars.len() <= WIDTH {
        return (chars.into_iter().collect(), caret);
    }
    let start = caret.saturating_sub(WIDTH / 2).min(chars.len() - WIDTH);
    let end = start + WIDTH;
    let mut shown = String::new();
    if start > 0 {
        shown.push('…');
    }
    shown.extend(&chars[start..end]);
    if end < chars.len() {
        shown.push('…');
    }
    (shown, caret - start + usize::from(start > 0))
}

/// Every problem found so far, in the order found.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.items.push(diagnostic);
    }

    pub fn extend(&mut self, other: impl IntoIterator<Item = Diagnostic>) {
        self.items.extend(other);
    }

    pub fn error_count(&self) -> usize {
        self.count(Severity::Error)
    }

    pub fn warning_count(&self) -> usize {
        self.count(Severity::Warning)
    }

    pub fn info_count(&self) -> usize {
        self.count(Severity::Info)
    }

    fn count(&self, severity: Severity) -> usize {
        self.items.iter().filter(|d| d.severity == severity).count()
    }

    pub fn has_errors(&self) -> bool {
        self.items.iter().any(Diagnostic::is_error)
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter()
    }

    /// Errors first, then warnings; within each, by file and position, so the output is
    /// stable whatever order the stages ran in.
    pub fn sorted(&self) -> Vec<&Diagnostic> {
        let mut items: Vec<&Diagnostic> = self.items.iter().collect();
        items.sort_by(|a, b| {
            (a.severity, &a.file, a.location).cmp(&(b.severity, &b.file, b.location))
        });
        items
    }

    /// The full report: every error, then every warning, then notes, then one line with
    /// the counts. The groups are separated by a line so they are easy to tell apart.
    pub fn report(&self) -> String {
        let mut out = String::new();
        let sorted = self.sorted();
        let mut previous = None;
        for d in sorted {
            if previous.is_some_and(|p| p != d.severity) {
                out.push_str("----\n\n");
            }
            previous = Some(d.severity);
            let _ = writeln!(out, "{d}");
        }
        out.push_str(&self.summary());
        out.push('\n');
        out
    }

    /// "Ditemukan 4 kesalahan dan 1 peringatan." or "Tidak ada masalah."
    pub fn summary(&self) -> String {
        let main = match (self.error_count(), self.warning_count()) {
            (0, 0) => "Tidak ada masalah.".to_owned(),
            (e, 0) => format!("Ditemukan {e} kesalahan."),
            (0, w) => format!("Ditemukan {w} peringatan."),
            (e, w) => format!("Ditemukan {e} kesalahan dan {w} peringatan."),
        };
        match self.info_count() {
            0 => main,
            n => format!("{main} Ada {n} catatan."),
        }
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_position_snippet_caret_notes_and_hint() {
        let d = Diagnostic::error("content/anggaran/2025.yaml", "kode tidak dikenal")
            .at(Some(Location::new(12, 11)))
            .snippet(Some("  - kode: \"4.9.1\""))
            .note("kode pendapatan dimulai dengan 4.1, 4.2 atau 4.3")
            .hint("maksud Anda `4.1.1`?");
        let expected = "\
kesalahan: kode tidak dikenal
  --> content/anggaran/2025.yaml:12:11
   |
12 |   - kode: \"4.9.1\"
   |           ^
   = kode pendapatan dimulai dengan 4.1, 4.2 atau 4.3
   = saran: maksud Anda `4.1.1`?
";
        assert_eq!(d.to_string(), expected);
    }

    #[test]
    fn long_lines_are_cut_around_the_caret() {
        let line = format!("{}X{}", "a".repeat(5000), "b".repeat(5000));
        let (shown, caret) = snippet_window(&line, 5001);
        // 50 characters before the column, after an ellipsis; 100 shown in all.
        assert_eq!(shown.chars().count(), 102);
        assert_eq!(shown.chars().nth(caret), Some('X'));
        assert!(shown.starts_with('…') && shown.ends_with('…'));
        let (shown, caret) = snippet_window(&"c".repeat(300), 2);
        assert_eq!((shown.chars().count(), caret), (101, 1));
        assert_eq!(snippet_window("\tab", 2), (" ab".to_owned(), 1));
    }

    #[test]
    fn report_puts_errors_before_warnings_and_counts_both() {
        let mut all = Diagnostics::new();
        all.push(Diagnostic::warning("b.yaml", "w"));
        all.push(Diagnostic::error("z.yaml", "e2"));
        all.push(Diagnostic::error("a.yaml", "e1"));
        let report = all.report();
        let e1 = report.find("e1").unwrap();
        let e2 = report.find("e2").unwrap();
        let w = report.find("peringatan: w").unwrap();
        assert!(e1 < e2 && e2 < w, "{report}");
        assert!(report.ends_with("Ditemukan 2 kesalahan dan 1 peringatan.\n"));
    }

    #[test]
    fn summary_without_problems_and_with_notes_only() {
        assert_eq!(Diagnostics::new().summary(), "Tidak ada masalah.");
        let mut d = Diagnostics::new();
        d.push(Diagnostic::info("content/desa.yaml", "tanpa base_url"));
        assert_eq!(d.warning_count(), 0);
        assert!(!d.has_errors());
        assert_eq!(d.summary(), "Tidak ada masalah. Ada 1 catatan.");
        assert!(d.report().starts_with("catatan: tanpa base_url\n"));
    }
}
