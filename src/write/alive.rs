//! Whether the build that left a staging folder behind still runs, where a process ID
//! cannot tell (Windows reuses process IDs within minutes, and Papan asks no system API).
//!
//! In: the output folder's parent and name, a process ID. Out: a lock held for as long as
//! a build writes ([`Alive`], the file `.NAME.papan-kunci-PID` beside the output, locked
//! with the operating system's file lock), and [`is_running`], which asks whether that lock
//! is held. The system releases the lock when a process ends, however it ends, so a killed
//! build is never taken for a running one. The file sits beside the output, not inside the
//! staging folder: Windows cannot rename a folder holding an open file.

use std::fs::{self, File, TryLockError};
use std::path::{Path, PathBuf};

const LOCK: &str = "papan-kunci";

fn lock_path(parent: &Path, name: &str, pid: u32) -> PathBuf {
    parent.join(format!(".{name}.{LOCK}-{pid}"))
}

/// The lock of this process's build; released and deleted when dropped.
pub struct Alive {
    file: File,
    path: PathBuf,
}

impl Drop for Alive {
    fn drop(&mut self) {
        let _ = self.file.unlock();
        let _ = fs::remove_file(&self.path);
    }
}

/// Takes this process's lock for the output `name` in `parent`. None when the file
/// cannot be made (a read-only folder: writing the output will fail and say so).
pub fn mark(parent: &Path, name: &str) -> Option<Alive> {
    let path = lock_path(parent, name, std::process::id());
    let file = File::create(&path).ok()?;
    file.lock().ok()?;
    Some(Alive { file, path })
}

/// Whether the build of process `pid` still holds its lock. A stale lock file (its build
/// was killed) is deleted on the way.
#[cfg_attr(unix, allow(dead_code))] // Unix asks the process ID instead.
pub fn is_running(parent: &Path, name: &str, pid: u32) -> bool {
    let path = lock_path(parent, name, pid);
    let Ok(file) = fs::OpenOptions::new().write(true).open(&path) else {
        return false;
    };
    match file.try_lock() {
        Err(TryLockError::WouldBlock) => true,
        Err(TryLockError::Error(_)) => false,
        Ok(()) => {
            let _ = file.unlock();
            drop(file);
            let _ = fs::remove_file(&path);
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_held_lock_means_running_and_a_released_one_does_not() {
        let dir = tempfile::tempdir().unwrap();
        let me = std::process::id();
        assert!(!is_running(dir.path(), "output", me));
        let alive = mark(dir.path(), "output").unwrap();
        let path = lock_path(dir.path(), "output", me);
        assert!(path.is_file());
        // Another handle, as another process would open it: the lock is held.
        assert!(is_running(dir.path(), "output", me));
        assert!(!is_running(dir.path(), "situs", me));
        drop(alive);
        assert!(!path.exists());
        // A lock file left by a killed build: not running, and the file goes.
        fs::write(&path, "").unwrap();
        assert!(!is_running(dir.path(), "output", me));
        assert!(!path.exists());
    }
}
