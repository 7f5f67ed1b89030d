//! Retrying a step of the output swap that another program blocks for a moment (Windows).
//!
//! In: one file-system step (a rename, a delete). Out: its result. On Windows a folder
//! cannot be renamed or deleted while any program has a file in it open: the virus
//! scanner reading the files a build just wrote, the search indexer, a preview pane.
//! Those hold on for milliseconds to a second, so the step is tried again for about
//! 2.5 seconds before the error is reported. Elsewhere a step is tried once.

use std::io;
use std::time::Duration;

/// Waits between tries, 2.55 s in all.
const WAITS_MS: [u64; 8] = [10, 20, 40, 80, 160, 320, 640, 1280];

/// Runs `step`, again while it fails for a reason that passes by itself.
pub fn retry<T>(step: impl FnMut() -> io::Result<T>) -> io::Result<T> {
    retry_with(step, is_transient, std::thread::sleep)
}

fn retry_with<T>(
    mut step: impl FnMut() -> io::Result<T>,
    transient: impl Fn(&io::Error) -> bool,
    mut sleep: impl FnMut(Duration),
) -> io::Result<T> {
    for wait in WAITS_MS {
        match step() {
            Err(e) if transient(&e) => sleep(Duration::from_millis(wait)),
            done => return done,
        }
    }
    step()
}

/// Windows' ERROR_ACCESS_DENIED (5), ERROR_SHARING_VIOLATION (32) and
/// ERROR_LOCK_VIOLATION (33): what renaming or deleting a file in use returns.
fn is_transient(e: &io::Error) -> bool {
    cfg!(windows) && matches!(e.raw_os_error(), Some(5 | 32 | 33))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn busy() -> io::Error {
        io::Error::from_raw_os_error(32)
    }

    #[test]
    fn a_step_blocked_for_a_while_succeeds_and_a_lasting_block_fails() {
        let mut tries = 0;
        let mut slept = Vec::new();
        let done = retry_with(
            || {
                tries += 1;
                if tries < 4 { Err(busy()) } else { Ok(tries) }
            },
            |_| true,
            |d| slept.push(d.as_millis()),
        );
        assert_eq!(done.unwrap(), 4);
        assert_eq!(slept, [10, 20, 40]);

        let mut tries = 0;
        let mut waited = 0;
        let failed = retry_with(
            || -> io::Result<()> {
                tries += 1;
                Err(busy())
            },
            |_| true,
            |d| waited += d.as_millis(),
        );
        assert_eq!(failed.unwrap_err().raw_os_error(), Some(32));
        assert_eq!((tries, waited), (9, 2550));
    }

    #[test]
    fn other_errors_are_not_tried_again() {
        let mut tries = 0;
        let e = retry_with(
            || -> io::Result<()> {
                tries += 1;
                Err(io::Error::from(io::ErrorKind::NotFound))
            },
            |e| e.raw_os_error() == Some(32),
            |_| panic!("no wait"),
        );
        assert_eq!(e.unwrap_err().kind(), io::ErrorKind::NotFound);
        assert_eq!(tries, 1);
        // On Linux, the same numbers mean something else (5 is EIO): never retried.
        assert_eq!(is_transient(&busy()), cfg!(windows));
    }

    /// Run under Wine by tests/windows/run.sh: the old output folder is held open, with no
    /// sharing, for 300 ms (as a virus scanner does), and the swap waits it out.
    #[cfg(windows)]
    #[test]
    fn a_folder_held_open_for_a_moment_does_not_stop_the_swap() {
        use super::super::{MANIFEST, MANIFEST_HEADER, swap};
        use std::os::windows::fs::OpenOptionsExt;
        use std::time::Instant;
        let dir = tempfile::tempdir().unwrap();
        let (parent, out) = (dir.path(), dir.path().join("output"));
        let staging = swap::staging_path(parent, "output");
        for (folder, file) in [(&out, "lama.html"), (&staging, "baru.html")] {
            std::fs::create_dir_all(folder).unwrap();
            std::fs::write(folder.join(MANIFEST), MANIFEST_HEADER).unwrap();
            std::fs::write(folder.join(file), file).unwrap();
        }
        // FILE_FLAG_BACKUP_SEMANTICS opens a folder; share mode 0 forbids renaming it.
        let held = std::fs::OpenOptions::new()
            .read(true)
            .share_mode(0)
            .custom_flags(0x0200_0000)
            .open(&out)
            .unwrap();
        let started = Instant::now();
        let release = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(300));
            drop(held);
        });
        swap::swap(&staging, &out, parent, "output").unwrap();
        release.join().unwrap();
        assert!(out.join("baru.html").is_file() && !out.join("lama.html").exists());
        // It waited for the folder, rather than finding it free.
        assert!(
            started.elapsed() >= Duration::from_millis(250),
            "{:?}",
            started.elapsed()
        );
    }
}
