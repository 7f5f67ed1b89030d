//! Which folders Papan may use as output: the checks made before anything is written.
//!
//! In: the site folder and the output folder as the user spelled them. Out: nothing, or a
//! [`Error`] saying why the folder is refused. Every comparison is made on real paths
//! (symbolic links followed, `..` resolved), so `out/..`, `./content` and a link to the
//! home folder are recognised as what they are. A folder that already exists must hold only
//! what the manifest (`.papan-output`) says Papan wrote there.

use super::{MANIFEST, MANIFEST_HEADER, err};
use crate::error::Error;
use std::collections::BTreeSet;
use std::fs;
use std::path::{Component, Path, PathBuf};

/// Refuses output folders that would put the user's own files at risk.
pub fn check_output(site: &Path, output: &Path) -> Result<(), Error> {
    let out = real_path(output);
    let site = real_path(site);
    let home = std::env::var_os("HOME")
        .filter(|h| !h.is_empty())
        .map(|h| real_path(Path::new(&h)));
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
    if out.starts_with(site.join("content")) {
        return refuse("folder content/ (isi situs) atau bagian darinya");
    }
    if out.starts_with(site.join("themes")) {
        return refuse("folder themes/ (tema situs) atau bagian darinya");
    }
    if site.starts_with(&out) {
        return refuse("folder yang berisi situs ini");
    }
    Ok(())
}

/// The absolute path with symbolic links followed as far as the path exists, and the rest
/// (not created yet) resolved lexically.
pub fn real_path(p: &Path) -> PathBuf {
    let absolute = if p.is_absolute() {
        p.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(p)
    };
    let mut base = absolute.as_path();
    let mut missing: Vec<Component> = Vec::new();
    loop {
        if let Ok(mut real) = base.canonicalize() {
            for c in missing.iter().rev() {
                match c {
                    Component::ParentDir => {
                        real.pop();
                    }
                    Component::Normal(n) => real.push(n),
                    _ => {}
                }
            }
            return real;
        }
        match (base.components().next_back(), base.parent()) {
            (Some(last), Some(parent)) => {
                missing.push(last);
                base = parent;
            }
            _ => return absolute,
        }
    }
}

/// What the manifest of an existing output folder lists, or an error when the folder
/// holds files (or folders) Papan did not write.
pub fn owned_files(output: &Path) -> Result<BTreeSet<String>, Error> {
    let Ok(meta) = fs::symlink_metadata(output) else {
        return Ok(BTreeSet::new());
    };
    if !meta.is_dir() {
        return Err(err(
            format!("{} sudah ada dan bukan folder", output.display()),
            Some("pilih nama lain untuk --output".into()),
            true,
        ));
    }
    let listed = read_manifest(&output.join(MANIFEST)).unwrap_or_default();
    // Papan makes a folder only to hold a file it writes.
    let folders: BTreeSet<String> = listed
        .iter()
        .flat_map(|f| {
            f.match_indices('/')
                .map(|(i, _)| f[..i].to_owned())
                .collect::<Vec<_>>()
        })
        .collect();
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
        let rel = crate::paths::relative(output, entry.path());
        let known = if entry.file_type().is_dir() {
            folders.contains(&rel)
        } else {
            rel == MANIFEST || listed.contains(&rel)
        };
        if !known {
            foreign.push(if entry.file_type().is_dir() {
                format!("{rel}/")
            } else {
                rel
            });
        }
    }
    if foreign.is_empty() {
        return Ok(listed);
    }
    let shown: Vec<String> = foreign.iter().take(5).cloned().collect();
    let more = if foreign.len() > 5 {
        format!(" dan {} lainnya", foreign.len() - 5)
    } else {
        String::new()
    };
    Err(err(
        format!(
            "folder {} berisi berkas yang tidak dibuat oleh Papan: {}{more}",
            output.display(),
            shown.join(", ")
        ),
        Some("Papan tidak akan menghapus berkas Anda: pindahkan berkas itu, atau pilih folder lain dengan --output".to_owned()),
        true,
    ))
}

/// The files a manifest lists; None when there is no manifest or it is not Papan's.
pub fn read_manifest(path: &Path) -> Option<BTreeSet<String>> {
    let text = fs::read_to_string(path).ok()?;
    if !text.starts_with(MANIFEST_HEADER) {
        return None;
    }
    Some(
        text.lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .map(str::to_owned)
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_path_follows_links_and_resolves_dots_beyond_what_exists() {
        let dir = tempfile::tempdir().unwrap();
        let base = dir.path().canonicalize().unwrap();
        fs::create_dir_all(base.join("a/b")).unwrap();
        assert_eq!(
            real_path(&base.join("a/b/../b/./c/d")),
            base.join("a/b/c/d")
        );
        assert_eq!(real_path(&base.join("a/x/../y")), base.join("a/y"));
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(base.join("a/b"), base.join("tautan")).unwrap();
            assert_eq!(real_path(&base.join("tautan/baru")), base.join("a/b/baru"));
            assert_eq!(real_path(&base.join("tautan/..")), base.join("a"));
        }
    }

    #[test]
    fn folders_not_made_for_listed_files_are_foreign() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("output");
        fs::create_dir_all(out.join("laporan/a")).unwrap();
        fs::write(out.join("laporan/a/index.html"), "x").unwrap();
        fs::write(
            out.join(MANIFEST),
            format!("{MANIFEST_HEADER}laporan/a/index.html\n"),
        )
        .unwrap();
        assert_eq!(owned_files(&out).unwrap().len(), 1);
        fs::create_dir_all(out.join("milik-saya")).unwrap();
        let e = owned_files(&out).unwrap_err();
        assert!(
            e.message()
                .ends_with("tidak dibuat oleh Papan: milik-saya/"),
            "{}",
            e.message()
        );
    }

    #[test]
    fn a_manifest_without_papan_header_is_not_trusted() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join(MANIFEST), "skripsi.docx\n").unwrap();
        fs::write(dir.path().join("skripsi.docx"), "x").unwrap();
        assert!(owned_files(dir.path()).is_err());
    }
}
