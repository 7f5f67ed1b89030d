//! The write stage: the only code that touches the output folder.
//!
//! In: the rendered files and the output folder. Out: the folder holding exactly those
//! files. Everything is written to a staging folder beside the output and swapped in at
//! the end (module `swap`), so a failed, interrupted or killed build leaves the previous
//! output as it was. A manifest (`.papan-output`) records what Papan wrote; `guard`
//! refuses a folder holding anything else, and folders that are never an output (`/`, the
//! home folder, the site, its content), so Papan never deletes a file it did not write.

mod guard;
mod swap;

pub use guard::{check_output, real_path};

use crate::diagnostic::{Diagnostic, Severity};
use crate::error::{Error, Kind};
use crate::output::OutputFile;
use rayon::prelude::*;
use std::collections::BTreeSet;
use std::fs;
use std::io::Write as _;
use std::path::{Component, Path, PathBuf};

pub const MANIFEST: &str = ".papan-output";
const MANIFEST_HEADER: &str =
    "# Folder ini dibuat oleh Papan. Papan akan menimpanya setiap kali membangun situs.\n";

/// Why the output could not be written; `usage` problems mean the folder chosen is wrong.
fn err(message: impl Into<String>, hint: Option<String>, usage: bool) -> Error {
    let mut d = Diagnostic::general(Severity::Error, message);
    if let Some(hint) = hint {
        d = d.hint(hint);
    }
    Error::one(if usage { Kind::Usage } else { Kind::Content }, d)
}

fn io(context: &str, path: &Path, e: &std::io::Error) -> Error {
    err(
        format!(
            "{context} {}: {}",
            path.display(),
            crate::source::io_reason(e)
        ),
        None,
        false,
    )
}

/// Checks a rendered path stays inside the output folder.
fn safe_relative(path: &str) -> Option<PathBuf> {
    let p = Path::new(path);
    let ok = !path.is_empty() && p.components().all(|c| matches!(c, Component::Normal(_)));
    ok.then(|| p.to_path_buf())
}

/// Before a build: refuses a wrong output folder ([`check_output`]) and tidies what an
/// interrupted earlier build left beside it, so the previous output is in place even when
/// this build stops at a content error.
pub fn prepare(site: &Path, output: &Path) -> Result<(), Error> {
    check_output(site, output)?;
    let output = real_path(output);
    match (output.parent(), output.file_name()) {
        (Some(parent), Some(name)) => swap::clean_leftovers(parent, &name.to_string_lossy()),
        _ => Ok(()),
    }
}

/// Writes `files` as the new content of `output`.
pub fn write(output: &Path, files: &[OutputFile]) -> Result<(), Error> {
    // Real path: an output that is a link to a folder is written beside that folder.
    let output = real_path(output);
    let (Some(parent), Some(name)) = (output.parent(), output.file_name()) else {
        return Err(err(
            format!(
                "{} tidak dapat dipakai sebagai folder output",
                output.display()
            ),
            Some("pilih folder khusus untuk hasil, misalnya `--output output`".to_owned()),
            true,
        ));
    };
    let (parent, name) = (parent.to_path_buf(), name.to_string_lossy().into_owned());
    fs::create_dir_all(&parent).map_err(|e| io("folder tidak dapat dibuat:", &parent, &e))?;
    swap::clean_leftovers(&parent, &name)?;
    guard::owned_files(&output)?;
    let staging = swap::staging_path(&parent, &name);
    let result = fill(&staging, files).and_then(|()| swap::swap(&staging, &output, &parent, &name));
    if result.is_err() && fs::symlink_metadata(&staging).is_ok() {
        let _ = fs::remove_dir_all(&staging);
    }
    result
}

/// Writes every file into the new staging folder. The manifest header goes in first: it
/// marks the folder as Papan's from its first moment; the list of files follows at the end.
/// Folders are made first, parents before children; then the files are written on every
/// core, since creating thousands of small files is mostly waiting on the file system.
fn fill(staging: &Path, files: &[OutputFile]) -> Result<(), Error> {
    fs::create_dir(staging).map_err(|e| io("folder sementara tidak dapat dibuat:", staging, &e))?;
    let manifest_path = staging.join(MANIFEST);
    fs::write(&manifest_path, MANIFEST_HEADER)
        .map_err(|e| io("berkas tidak dapat ditulis:", &manifest_path, &e))?;
    let mut manifest = String::from(MANIFEST_HEADER);
    let mut targets = Vec::with_capacity(files.len());
    let mut folders = BTreeSet::new();
    for file in files {
        let rel = safe_relative(&file.path).ok_or_else(|| {
            err(
                format!("nama berkas keluaran tidak sah: {}", file.path),
                None,
                false,
            )
        })?;
        // Deepest first: once one is known, so are the folders above it.
        for folder in rel.ancestors().skip(1) {
            if folder.as_os_str().is_empty() || !folders.insert(folder.to_path_buf()) {
                break;
            }
        }
        targets.push(staging.join(rel));
        manifest.push_str(&file.path);
        manifest.push('\n');
    }
    // In path order a folder comes before the folders inside it.
    for folder in &folders {
        let dir = staging.join(folder);
        fs::create_dir(&dir).map_err(|e| io("folder tidak dapat dibuat:", &dir, &e))?;
    }
    let written: Vec<Result<(), Error>> = files
        .par_iter()
        .zip(&targets)
        .map(|(file, target)| {
            // create_new: two rendered files with one path would otherwise overwrite each other.
            fs::File::create_new(target)
                .and_then(|mut f| f.write_all(&file.bytes))
                .map_err(|e| io("berkas tidak dapat ditulis:", target, &e))
        })
        .collect();
    written.into_iter().collect::<Result<(), Error>>()?;
    fs::write(&manifest_path, manifest)
        .map_err(|e| io("berkas tidak dapat ditulis:", &manifest_path, &e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_leaving_the_output_is_refused_and_nothing_is_written() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("situs/output");
        write(&out, &[OutputFile::new("index.html", "lama")]).unwrap();
        for bad in [
            "../keluar.txt",
            "/tmp/papan-keluar.txt",
            "a/../../keluar.txt",
            "",
            "./a",
        ] {
            let files = [
                OutputFile::new("index.html", "baru"),
                OutputFile::new(bad, "x"),
            ];
            let e = write(&out, &files).unwrap_err();
            assert!(
                e.message().starts_with("nama berkas keluaran tidak sah"),
                "{bad}"
            );
            // The previous output stands; nothing was written beside it or outside.
            assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "lama");
            let beside: Vec<_> = fs::read_dir(dir.path().join("situs")).unwrap().collect();
            assert_eq!(beside.len(), 1, "{bad}");
            assert!(!dir.path().join("situs/keluar.txt").exists());
        }
        assert!(!Path::new("/tmp/papan-keluar.txt").exists());
    }

    #[test]
    fn two_files_with_one_path_are_an_error_not_an_overwrite() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("output");
        let files = [
            OutputFile::new("a.html", "1"),
            OutputFile::new("a.html", "2"),
        ];
        assert!(write(&out, &files).is_err());
        assert!(!out.exists());
    }
}
