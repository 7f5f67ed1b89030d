//! Program reports (laporan kegiatan): `content/laporan/*.md`, read in stage 1.
//!
//! In: the site folder, the budgets already loaded (a report names kegiatan of a budget
//! year) and today's date. Out: every [`Report`], newest first, with its kegiatan checked
//! against that year's budget and its photos checked; every problem in every report goes
//! to the diagnostics. [`file`] reads one report, through the [`crate::collection`] layer.

mod check;
pub mod file;
mod value;

use crate::budget::Budget;
use crate::code::Code;
use crate::collection::{self, Folder, Naming};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::paths;
use jiff::civil::Date;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub const DIR: &str = "content/laporan";

/// Where a kegiatan stands, as the report says (or as its date implies).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    Rencana,
    Berjalan,
    Selesai,
    Tertunda,
}

impl Status {
    pub const ALL: [Status; 4] = [
        Status::Rencana,
        Status::Berjalan,
        Status::Selesai,
        Status::Tertunda,
    ];

    /// The word written in `status:` and used in addresses (`laporan/status/selesai/`).
    pub fn name(self) -> &'static str {
        match self {
            Status::Rencana => "rencana",
            Status::Berjalan => "berjalan",
            Status::Selesai => "selesai",
            Status::Tertunda => "tertunda",
        }
    }

    pub fn parse(text: &str) -> Option<Status> {
        Self::ALL.into_iter().find(|s| s.name() == text.trim())
    }

    /// How the status is shown to readers.
    pub fn label(self) -> &'static str {
        match self {
            Status::Rencana => "Direncanakan",
            Status::Berjalan => "Sedang berjalan",
            Status::Selesai => "Selesai",
            Status::Tertunda => "Tertunda",
        }
    }
}

/// A photo of a report, checked: its path inside `content/` and its caption.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Photo {
    pub path: String,
    pub keterangan: Option<String>,
}

/// One report, checked.
#[derive(Debug, Clone)]
pub struct Report {
    pub source: PathBuf,
    /// The file name without `.md`, slugified: the report's address.
    pub slug: String,
    pub judul: String,
    pub tanggal: Date,
    /// Kegiatan codes of the `tahun_anggaran` budget, each present in it.
    pub kegiatan: Vec<Code>,
    pub tahun_anggaran: Option<i32>,
    /// The status shown: `rencana` whenever the report is dated after today.
    pub status: Status,
    pub progres: Option<u8>,
    pub lokasi: Option<String>,
    pub penerima_manfaat: Option<u64>,
    pub foto: Vec<Photo>,
    /// Markdown.
    pub body: String,
    /// The body as plain text, up to [`Report::RINGKASAN_CHARS`] characters: computed once,
    /// shortened further for cards and descriptions.
    pub ringkasan: String,
    /// Photos shown in the body: the address as written → the path inside `content/`.
    pub body_photos: BTreeMap<String, String>,
}

impl Report {
    pub const RINGKASAN_CHARS: usize = 300;

    /// The report's page in the output.
    pub fn path(&self) -> String {
        crate::paths::report(&self.slug)
    }

    /// The bidang (first segment of the kegiatan codes) the report belongs to, sorted.
    pub fn bidang(&self) -> Vec<String> {
        let mut out: Vec<String> = self
            .kegiatan
            .iter()
            .filter_map(|k| k.segments().next().map(str::to_owned))
            .collect();
        out.sort();
        out.dedup();
        out
    }
}

pub const FOLDER: Folder = Folder {
    dir: DIR,
    extensions: &["md"],
    naming: Naming::Slug {
        example: "2025-pengerasan-jalan.md",
    },
};

/// Reads every report. Reports with errors are left out (the build stops anyway); the
/// rest come newest first, ties by address.
pub fn load(root: &Path, budgets: &[Budget], today: Date, diags: &mut Diagnostics) -> Vec<Report> {
    let context = file::Context {
        root,
        budgets,
        today,
    };
    let mut reports = collection::read_all(root, &FOLDER, diags, |entry, own| {
        crate::document::read(root, &entry.relative, "laporan", own)
            .and_then(|doc| file::parse(&doc, entry.slug.clone(), &context, own))
            .filter(|_| !own.has_errors())
    });
    warn_nested(root, diags);
    collection::check_addresses(
        reports
            .iter()
            .map(|r| (r.slug.as_str(), r.source.as_path())),
        |s| format!("halaman {}", paths::pretty(&paths::report(s))),
        diags,
    );
    reports.sort_by(|a, b| b.tanggal.cmp(&a.tanggal).then_with(|| a.slug.cmp(&b.slug)));
    reports
}

/// Reports are read from `content/laporan/` itself; say so when some sit in a subfolder.
fn warn_nested(root: &Path, diags: &mut Diagnostics) {
    let nested = walkdir::WalkDir::new(root.join(DIR))
        .min_depth(2)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .find(|e| crate::collection::has_extension(e.path(), &["md"]));
    if let Some(e) = nested {
        let shown = e.path().strip_prefix(root).unwrap_or(e.path());
        diags.push(
            Diagnostic::warning(shown, "laporan di dalam subfolder tidak dibaca")
                .hint("simpan semua laporan langsung di content/laporan/; urutkan dengan awalan tahun pada nama berkas, misalnya `2025-jalan-karet.md`"),
        );
    }
}
