//! The write stage: the only code that touches the output folder.
//!
//! In: the rendered files and the output folder. Out: the folder holding exactly those
//! files. Everything is written to a temporary folder beside the output and swapped in at
//! the end, so a failed build leaves the previous output as it was. A manifest
//! (`.papan-output`) records what Papan wrote; a folder holding anything else is refused,
//! so Papan never deletes a file it did not write.

use crate::render::OutputFile;
use std::collections::BTreeSet;
use std::fs;
use std::io::Write as _;
use std::path::{Component, Path, PathBuf};

pub const MANIFEST: &str = ".papan-output";
const MANIFEST_HEADER: &str =
    "# Folder ini dibuat oleh Papan. Papan akan menimpanya setiap kali membangun situs.\n";

/// Why the output could not be written; `usage` problems mean the folder chosen is wrong.
#[derive(Debug)]
pub struct WriteError {
    pub message: String,
    pub hint: Option<String>,
    pub usage: bool,
}

fn err(message: impl Into<String>, hint: Option<String>, usage: bool) -> WriteError {
    WriteError {
        message: message.into(),
        hint,
        usage,
    }
}

fn io(context: &str, path: &Path, e: &std::io::Error) -> WriteError {
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

/// Refuses output folders that would put the user's own files at risk.
pub fn check_output(site: &Path, output: &Path) -> Result<(), WriteError> {
    let abs = |p: &Path| -> PathBuf {
        let p = if p.is_absolute() {
            p.to_path_buf()
        } else {
            std::env::current_dir().unwrap_or_default().join(p)
        };
        normalize(&p)
    };
    let out = abs(output);
    let site = abs(site);
    let home = std::env::var_os("HOME").map(|h| abs(Path::new(&h)));
    let refuse = |what: &str| {
        Err(err(
            format!(
                "folder output {} adalah {what}; Papan menolak menulis ke sana",
                output.display()
            ),
            Some("pilih folder khusus untuk hasil, misalnya `--output output`".to_owned()),
            true,
        ))
    };
    if out.parent().is_none() {
        return refuse("folder akar sistem (/)");
    }
    if Some(&out) == home.as_ref() {
        return refuse("folder rumah (home) Anda");
    }
    if out == site {
        return refuse("folder situs itu sendiri");
    }
    let content = site.join("content");
    if out == content || out.starts_with(&content) {
        return refuse("folder content/ (isi situs)");
    }
    if site.starts_with(&out) {
        return refuse("folder yang berisi situs ini");
    }
    Ok(())
}

/// Lexically resolves `.` and `..` so two spellings of one folder compare equal.
fn normalize(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

/// What the manifest of an existing output folder lists, or an error when the folder
/// holds files Papan did not write.
fn owned_files(output: &Path) -> Result<BTreeSet<String>, WriteError> {
    if !output.exists() {
        return Ok(BTreeSet::new());
    }
    if !output.is_dir() {
        return Err(err(
            format!("{} sudah ada dan bukan folder", output.display()),
            Some("pilih nama lain untuk --output".into()),
            true,
        ));
    }
    let manifest = output.join(MANIFEST);
    let listed: BTreeSet<String> = match fs::read_to_string(&manifest) {
        Ok(text) => text
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .map(str::to_owned)
            .collect(),
        Err(_) => BTreeSet::new(),
    };
    let mut foreign = Vec::new();
    for entry in walkdir::WalkDir::new(output)
        .min_depth(1)
        .sort_by_file_name()
    {
        let entry = entry.map_err(|e| {
            err(
                format!("folder {} tidak dapat dibaca: {e}", output.display()),
                None,
                false,
            )
        })?;
        if entry.file_type().is_dir() {
            continue;
        }
        let rel = relative_key(output, entry.path());
        if rel != MANIFEST && !listed.contains(&rel) {
            foreign.push(rel);
        }
    }
    if !foreign.is_empty() {
        let shown: Vec<String> = foreign.iter().take(5).cloned().collect();
        let more = if foreign.len() > 5 {
            format!(" dan {} lainnya", foreign.len() - 5)
        } else {
            String::new()
        };
        return Err(err(
            format!(
                "folder {} berisi berkas yang tidak dibuat oleh Papan: {}{more}",
                output.display(),
                shown.join(", ")
            ),
            Some("Papan tidak akan menghapus berkas Anda: pindahkan berkas itu, atau pilih folder lain dengan --output".to_owned()),
            true,
        ));
    }
    Ok(listed)
}

fn relative_key(base: &Path, path: &Path) -> String {
    path.strip_prefix(base)
        .unwrap_or(path)
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Checks a rendered path stays inside the output folder.
fn safe_relative(path: &str) -> Option<PathBuf> {
    let p = Path::new(path);
    let ok = !path.is_empty() && p.components().all(|c| matches!(c, Component::Normal(_)));
    ok.then(|| p.to_path_buf())
}

/// Writes `files` as the new content of `output`.
pub fn write(output: &Path, files: &[OutputFile]) -> Result<(), WriteError> {
    owned_files(output)?;
    let name = output
        .file_name()
        .map_or("output".into(), |n| n.to_string_lossy().into_owned());
    let parent = match output.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    fs::create_dir_all(&parent).map_err(|e| io("folder tidak dapat dibuat:", &parent, &e))?;
    let staging = parent.join(format!(".{name}.papan-baru-{}", std::process::id()));
    if staging.exists() {
        fs::remove_dir_all(&staging)
            .map_err(|e| io("folder sementara tidak dapat dihapus:", &staging, &e))?;
    }
    let result = fill(&staging, files).and_then(|()| swap(&staging, output, &parent, &name));
    if result.is_err() && staging.exists() {
        let _ = fs::remove_dir_all(&staging);
    }
    result
}

fn fill(staging: &Path, files: &[OutputFile]) -> Result<(), WriteError> {
    fs::create_dir_all(staging)
        .map_err(|e| io("folder sementara tidak dapat dibuat:", staging, &e))?;
    let mut manifest = String::from(MANIFEST_HEADER);
    for file in files {
        let rel = safe_relative(&file.path).ok_or_else(|| {
            err(
                format!("nama berkas keluaran tidak sah: {}", file.path),
                None,
                false,
            )
        })?;
        let target = staging.join(&rel);
        if let Some(dir) = target.parent() {
            fs::create_dir_all(dir).map_err(|e| io("folder tidak dapat dibuat:", dir, &e))?;
        }
        let mut f = fs::File::create(&target)
            .map_err(|e| io("berkas tidak dapat ditulis:", &target, &e))?;
        f.write_all(&file.bytes)
            .map_err(|e| io("berkas tidak dapat ditulis:", &target, &e))?;
        manifest.push_str(&file.path);
        manifest.push('\n');
    }
    fs::write(staging.join(MANIFEST), manifest)
        .map_err(|e| io("berkas tidak dapat ditulis:", &staging.join(MANIFEST), &e))
}

/// Puts the staging folder in place of the output; the old output is removed only after
/// the new one is in place.
fn swap(staging: &Path, output: &Path, parent: &Path, name: &str) -> Result<(), WriteError> {
    if !output.exists() {
        return fs::rename(staging, output)
            .map_err(|e| io("folder output tidak dapat dipasang:", output, &e));
    }
    let old = parent.join(format!(".{name}.papan-lama-{}", std::process::id()));
    fs::rename(output, &old)
        .map_err(|e| io("folder output lama tidak dapat dipindahkan:", output, &e))?;
    if let Err(e) = fs::rename(staging, output) {
        let _ = fs::rename(&old, output);
        return Err(io("folder output tidak dapat dipasang:", output, &e));
    }
    fs::remove_dir_all(&old).map_err(|e| io("folder output lama tidak dapat dihapus:", &old, &e))
}
