//! Putting a finished staging folder in place of the output, and tidying up after builds
//! that were interrupted.
//!
//! In: the staging folder (complete) and the output folder. Out: the output holding what
//! the staging folder held. On Linux the two folders trade places in one system call
//! (`renameat2` with `RENAME_EXCHANGE`), so at every instant the output folder is either
//! the old site or the new one, whatever happens to the process. Elsewhere (or on a file
//! system without that call) the old output is renamed aside first and put back if the
//! second rename fails; a build killed between the two renames leaves the old output
//! aside, and the next build puts it back before anything else.
//!
//! Staging and old folders are named `.NAME.papan-baru-PID` and `.NAME.papan-lama-PID`
//! and carry the manifest header from their first moment, so they are recognised later.

use super::{MANIFEST, MANIFEST_HEADER, io};
use crate::error::Error;
use std::fs;
use std::path::{Path, PathBuf};

const NEW: &str = "papan-baru";
const OLD: &str = "papan-lama";

/// The staging folder of this process for the output folder `name` in `parent`.
pub fn staging_path(parent: &Path, name: &str) -> PathBuf {
    parent.join(format!(".{name}.{NEW}-{}", std::process::id()))
}

fn old_path(parent: &Path, name: &str) -> PathBuf {
    parent.join(format!(".{name}.{OLD}-{}", std::process::id()))
}

/// Puts `staging` in place of `output`; the old output is deleted once the new one is in.
pub fn swap(staging: &Path, output: &Path, parent: &Path, name: &str) -> Result<(), Error> {
    if fs::symlink_metadata(output).is_err() {
        return fs::rename(staging, output)
            .map_err(|e| io("folder output tidak dapat dipasang:", output, &e));
    }
    match exchange(staging, output) {
        Ok(true) => {
            // `staging` now holds the old output. Failing to delete it loses nothing: the
            // next build recognises it by its name and removes it.
            let _ = remove_tree(staging);
            Ok(())
        }
        Ok(false) => swap_by_renames(staging, output, &old_path(parent, name)),
        Err(e) => Err(io("folder output tidak dapat ditukar:", output, &e)),
    }
}

/// Exchanges the two folders atomically. Ok(false) when the system cannot (not Linux, or
/// a file system without RENAME_EXCHANGE).
#[cfg(any(target_os = "linux", target_os = "android"))]
fn exchange(a: &Path, b: &Path) -> std::io::Result<bool> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    use rustix::io::Errno;
    match renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE) {
        Ok(()) => Ok(true),
        Err(Errno::INVAL | Errno::NOSYS | Errno::NOTSUP) => Ok(false),
        Err(e) => Err(e.into()),
    }
}

#[cfg(not(any(target_os = "linux", target_os = "android")))]
fn exchange(_: &Path, _: &Path) -> std::io::Result<bool> {
    Ok(false)
}

/// The portable swap: output aside, staging in, old output deleted; on failure the old
/// output goes back.
pub fn swap_by_renames(staging: &Path, output: &Path, old: &Path) -> Result<(), Error> {
    fs::rename(output, old)
        .map_err(|e| io("folder output lama tidak dapat dipindahkan:", output, &e))?;
    if let Err(e) = fs::rename(staging, output) {
        let _ = fs::rename(old, output);
        return Err(io("folder output tidak dapat dipasang:", output, &e));
    }
    let _ = remove_tree(old);
    Ok(())
}

/// Deletes a folder of Papan's own (an old output, a staging folder), the folders in it
/// side by side on every core: removing thousands of small files is mostly waiting on the
/// file system. A link inside is removed as a link; what it points to is not touched.
pub fn remove_tree(path: &Path) -> std::io::Result<()> {
    use rayon::prelude::*;
    let entries = fs::read_dir(path)?.collect::<std::io::Result<Vec<_>>>()?;
    entries.par_iter().try_for_each(|entry| {
        if entry.file_type()?.is_dir() {
            remove_tree(&entry.path())
        } else {
            fs::remove_file(entry.path())
        }
    })?;
    fs::remove_dir(path)
}

/// Tidies what interrupted builds left beside `output`: an old output set aside and never
/// replaced is put back; staging folders and old outputs already replaced are deleted.
/// Folders of a build that is still running are left alone.
pub fn clean_leftovers(parent: &Path, name: &str) -> Result<(), Error> {
    let Ok(entries) = fs::read_dir(parent) else {
        return Ok(());
    };
    let mut leftovers: Vec<(PathBuf, bool)> = entries
        .filter_map(Result::ok)
        .filter_map(|e| {
            let file_name = e.file_name();
            let (is_new, pid) = leftover_name(file_name.to_str()?, name)?;
            let path = e.path();
            let ours = is_papan_folder(&path) && (pid == std::process::id() || !is_running(pid));
            ours.then_some((path, is_new))
        })
        .collect();
    leftovers.sort();
    let output = parent.join(name);
    for (path, is_new) in leftovers {
        if !is_new && fs::symlink_metadata(&output).is_err() {
            fs::rename(&path, &output)
                .map_err(|e| io("folder output lama tidak dapat dikembalikan:", &path, &e))?;
            continue;
        }
        remove_tree(&path)
            .map_err(|e| io("sisa folder sementara tidak dapat dihapus:", &path, &e))?;
    }
    Ok(())
}

/// Whether `file` names a staging (true) or old (false) folder of `name`, and its PID.
fn leftover_name(file: &str, name: &str) -> Option<(bool, u32)> {
    let rest = file
        .strip_prefix('.')?
        .strip_prefix(name)?
        .strip_prefix('.')?;
    let (kind, pid) = rest.rsplit_once('-')?;
    let is_new = match kind {
        NEW => true,
        OLD => false,
        _ => return None,
    };
    let valid = !pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit());
    Some((is_new, pid.parse().ok().filter(|_| valid)?))
}

/// A real folder (not a link) whose manifest starts with Papan's header, or one a build
/// was killed in before it finished writing that header: empty, or holding nothing but a
/// beginning of the header.
fn is_papan_folder(path: &Path) -> bool {
    if !fs::symlink_metadata(path).is_ok_and(|m| m.is_dir()) {
        return false;
    }
    let manifest = fs::read(path.join(MANIFEST)).ok();
    if manifest
        .as_ref()
        .is_some_and(|m| m.starts_with(MANIFEST_HEADER.as_bytes()))
    {
        return true;
    }
    let header_begun = manifest
        .as_ref()
        .is_none_or(|m| MANIFEST_HEADER.as_bytes().starts_with(m));
    let only_manifest = fs::read_dir(path)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .all(|e| e.file_name() == MANIFEST)
        })
        .unwrap_or(false);
    header_begun && only_manifest
}

#[cfg(unix)]
fn is_running(pid: u32) -> bool {
    let Some(pid) = i32::try_from(pid)
        .ok()
        .and_then(rustix::process::Pid::from_raw)
    else {
        return false;
    };
    // EPERM: the process exists but belongs to someone else.
    !matches!(
        rustix::process::test_kill_process(pid),
        Err(rustix::io::Errno::SRCH)
    )
}

#[cfg(not(unix))]
fn is_running(_: u32) -> bool {
    // Without a portable check, assume a build left it and is gone: builds of one site
    // do not normally run side by side.
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn papan_folder(path: &Path, file: &str) {
        fs::create_dir_all(path).unwrap();
        fs::write(path.join(MANIFEST), MANIFEST_HEADER).unwrap();
        fs::write(path.join(file), file).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn removing_a_tree_removes_links_but_not_what_they_point_to() {
        let dir = tempfile::tempdir().unwrap();
        let outside = dir.path().join("milik-pengguna");
        papan_folder(&outside, "penting.txt");
        let tree = dir.path().join("lama");
        for sub in ["a/b/c", "a/d", "e"] {
            papan_folder(&tree.join(sub), "index.html");
        }
        std::os::unix::fs::symlink(&outside, tree.join("a/tautan")).unwrap();
        std::os::unix::fs::symlink(outside.join("penting.txt"), tree.join("e/berkas")).unwrap();
        remove_tree(&tree).unwrap();
        assert!(!tree.exists());
        assert_eq!(
            fs::read_to_string(outside.join("penting.txt")).unwrap(),
            "penting.txt"
        );
    }

    #[test]
    fn names_of_leftovers() {
        assert_eq!(
            leftover_name(".output.papan-baru-12", "output"),
            Some((true, 12))
        );
        assert_eq!(
            leftover_name(".output.papan-lama-7", "output"),
            Some((false, 7))
        );
        assert_eq!(leftover_name(".output.papan-baru-", "output"), None);
        assert_eq!(leftover_name(".output.papan-baru-1x", "output"), None);
        assert_eq!(leftover_name(".situs.papan-baru-12", "output"), None);
        assert_eq!(leftover_name("output.papan-baru-12", "output"), None);
    }

    #[test]
    fn exchange_and_rename_swaps_leave_the_new_output_only() {
        let dir = tempfile::tempdir().unwrap();
        let (parent, out) = (dir.path(), dir.path().join("output"));
        for by_renames in [false, true] {
            papan_folder(&out, "lama.html");
            let staging = staging_path(parent, "output");
            papan_folder(&staging, "baru.html");
            if by_renames {
                swap_by_renames(&staging, &out, &old_path(parent, "output")).unwrap();
            } else {
                swap(&staging, &out, parent, "output").unwrap();
            }
            assert!(out.join("baru.html").is_file() && !out.join("lama.html").exists());
            let names: Vec<_> = fs::read_dir(parent)
                .unwrap()
                .map(|e| e.unwrap().file_name())
                .collect();
            assert_eq!(names, ["output"], "by_renames: {by_renames}");
            fs::remove_dir_all(&out).unwrap();
        }
    }

    #[test]
    fn leftovers_are_removed_or_restored_but_not_foreign_folders() {
        let dir = tempfile::tempdir().unwrap();
        let parent = dir.path();
        // A dead PID: PIDs are below 2^22 on Linux.
        papan_folder(&parent.join(".output.papan-baru-4194305"), "setengah.html");
        papan_folder(&parent.join(".output.papan-lama-4194306"), "lama.html");
        fs::create_dir_all(parent.join(".output.papan-baru-4194307")).unwrap();
        fs::write(parent.join(".output.papan-baru-4194307/skripsi.docx"), "x").unwrap();
        clean_leftovers(parent, "output").unwrap();
        // The output set aside by a build killed between two renames comes back.
        assert!(parent.join("output/lama.html").is_file());
        assert!(!parent.join(".output.papan-baru-4194305").exists());
        assert!(!parent.join(".output.papan-lama-4194306").exists());
        // No manifest: not Papan's, left alone.
        assert!(
            parent
                .join(".output.papan-baru-4194307/skripsi.docx")
                .is_file()
        );
        // With the output in place, an old folder is deleted, not restored.
        papan_folder(
            &parent.join(".output.papan-lama-4194308"),
            "lebih-lama.html",
        );
        clean_leftovers(parent, "output").unwrap();
        assert!(!parent.join(".output.papan-lama-4194308").exists());
        assert!(!parent.join("output/lebih-lama.html").exists());
    }

    #[cfg(unix)]
    #[test]
    fn folders_of_a_running_build_are_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        // PID 1 always runs.
        let running = dir.path().join(".output.papan-baru-1");
        papan_folder(&running, "a.html");
        clean_leftovers(dir.path(), "output").unwrap();
        assert!(running.join("a.html").is_file());
    }
}
