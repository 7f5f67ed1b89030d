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
    /// The offending source line (a window of it when long), shown with a caret under
    /// the column.
    pub snippet: Option<String>,
    /// Where the caret goes in `snippet`, in characters.
    pub caret: usize,
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
            caret: 0,
            notes: Vec::new(),
            hint: None,
        }
    }

    /// A problem that belongs to no file (a busy port, an output folder that cannot be
    /// written): shown without a position.
    pub fn general(severity: Severity, message: impl Into<String>) -> Self {
        Self::new(severity, PathBuf::new(), message)
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

    /// The source line to show; call after [`Diagnostic::at`]: a long line is cut to a
    /// window around the column.
    pub fn snippet(mut self, line: Option<&str>) -> Self {
        match (line, self.location) {
            (Some(line), Some(loc)) => {
                let (shown, caret) = snippet_window(line, loc.column);
                self.snippet = Some(shown);
                self.caret = caret;
            }
            _ => self.snippet = None,
        }
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
        if !self.file.as_os_str().is_empty() {
            writeln!(f, "  --> {}", self.position())?;
        }
        let gutter = self
            .location
            .map(|loc| loc.line.to_string().len())
            .unwrap_or(1)
            .max(2);
        if let (Some(shown), Some(loc)) = (&self.snippet, self.location) {
            let pad = " ".repeat(gutter);
            let caret_at = self.caret;
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
    /// How many were kept per file.
    per_file: std::collections::HashMap<PathBuf, usize>,
    /// Problems past [`MAX_PER_FILE`] in one file: counted, not kept.
    hidden: std::collections::BTreeMap<PathBuf, [usize; 3]>,
}

/// Problems shown per file: a garbage file (a list of 80 000 unknown codes) would
/// otherwise bury every other message and take memory for each.
pub const MAX_PER_FILE: usize = 50;

impl Diagnostics {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn push(&mut self, diagnostic: Diagnostic) {
        let kept = self.per_file.entry(diagnostic.file.clone()).or_default();
        if *kept >= MAX_PER_FILE {
            self.hidden.entry(diagnostic.file).or_default()[diagnostic.severity as usize] += 1;
            return;
        }
        *kept += 1;
        self.items.push(diagnostic);
    }

    pub fn extend(&mut self, other: impl IntoIterator<Item = Diagnostic>) {
        for d in other {
            self.push(d);
        }
    }

    /// Takes in the problems another collection found (one file read on its own thread),
    /// the ones it only counted included.
    pub fn append(&mut self, other: Diagnostics) {
        for (file, counts) in other.hidden {
            let mine = self.hidden.entry(file).or_default();
            for (m, n) in mine.iter_mut().zip(counts) {
                *m += n;
            }
        }
        self.extend(other.items);
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
        let hidden: usize = self.hidden.values().map(|n| n[severity as usize]).sum();
        self.items.iter().filter(|d| d.severity == severity).count() + hidden
    }

    pub fn has_errors(&self) -> bool {
        self.error_count() > 0
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
        for (file, counts) in &self.hidden {
            let _ = writeln!(
                out,
                "… dan {} masalah lain di {} tidak ditampilkan; perbaiki yang di atas dulu, lalu jalankan lagi.\n",
                counts.iter().sum::<usize>(),
                file.display()
            );
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
    /// The problems kept (the ones past [`MAX_PER_FILE`] in a file are only counted).
    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn appended_collections_keep_their_order_and_what_they_only_counted() {
        let mut first = Diagnostics::new();
        first.push(Diagnostic::warning("a.md", "satu"));
        let mut other = Diagnostics::new();
        for i in 0..MAX_PER_FILE + 3 {
            other.push(Diagnostic::error("b.md", format!("galat {i}")));
        }
        first.append(other);
        let messages: Vec<&str> = first.iter().map(|d| d.message.as_str()).take(3).collect();
        assert_eq!(messages, ["satu", "galat 0", "galat 1"]);
        // 53 errors in b.md: 50 shown, 3 counted; the warning in a.md.
        assert_eq!(first.error_count(), MAX_PER_FILE + 3);
        assert_eq!(first.warning_count(), 1);
        assert!(
            first
                .report()
                .contains("… dan 3 masalah lain di b.md tidak ditampilkan")
        );
    }

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
    fn a_flood_from_one_file_is_cut_but_counted() {
        let mut all = Diagnostics::new();
        for i in 0..(MAX_PER_FILE + 30) {
            all.push(Diagnostic::error("content/laporan/a.md", format!("e{i}")));
        }
        all.push(Diagnostic::warning("content/laporan/b.md", "w"));
        assert_eq!(all.iter().count(), MAX_PER_FILE + 1);
        assert_eq!(all.error_count(), MAX_PER_FILE + 30);
        let report = all.report();
        assert!(report.contains("… dan 30 masalah lain di content/laporan/a.md tidak ditampilkan"));
        assert!(report.ends_with(&format!(
            "Ditemukan {} kesalahan dan 1 peringatan.\n",
            MAX_PER_FILE + 30
        )));
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
