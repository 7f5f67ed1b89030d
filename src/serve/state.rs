//! What `papan serve` holds in memory: the last build of the site, or its problems.
//!
//! In: the site folder. Out: a [`Snapshot`] (every output file by path, or the errors that
//! stopped the build) behind [`Shared`], which the HTTP side reads and the watcher replaces
//! after each rebuild. Nothing is written to disk: `output/` stays as `papan build` left it.

use crate::build::assemble;
use crate::diagnostic::{Diagnostic, Diagnostics};
use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

/// One build as served.
#[derive(Debug, Default)]
pub struct Snapshot {
    /// Changes with every rebuild; open pages reload when it differs from theirs.
    pub version: u64,
    /// The files of the last successful build, by output path (`anggaran/index.html`).
    pub files: Arc<HashMap<String, Vec<u8>>>,
    /// The errors of the latest build, when it failed; pages then show these instead of
    /// stale content.
    pub errors: Vec<Diagnostic>,
}

/// The outcome of one build, for the terminal.
pub struct Built {
    pub diags: Diagnostics,
    pub took: Duration,
    pub ok: bool,
}

/// The current snapshot, shared between the server, the watcher and the reload streams.
#[derive(Default)]
pub struct Shared {
    current: Mutex<Arc<Snapshot>>,
    changed: Condvar,
}

impl Shared {
    /// A snapshot numbered from `first_version`, so tabs left open from an earlier run of
    /// `papan serve` reload too.
    pub fn new(first_version: u64) -> Shared {
        Shared {
            current: Mutex::new(Arc::new(Snapshot {
                version: first_version,
                ..Snapshot::default()
            })),
            changed: Condvar::new(),
        }
    }

    fn lock(&self) -> MutexGuard<'_, Arc<Snapshot>> {
        // A panic elsewhere cannot leave a half-written snapshot: it is replaced whole.
        self.current.lock().unwrap_or_else(PoisonError::into_inner)
    }

    pub fn snapshot(&self) -> Arc<Snapshot> {
        Arc::clone(&self.lock())
    }

    /// Builds the site in memory and publishes the result.
    pub fn rebuild(&self, root: &Path) -> Built {
        let started = Instant::now();
        let mut diags = Diagnostics::new();
        // Images too, from the same cache as `build`, so previews show them.
        let assembled = assemble(root, &mut diags);
        if let Some(a) = &assembled {
            diags.extend(a.save_cache());
        }
        let took = started.elapsed();
        let ok = assembled.is_some();
        let mut current = self.lock();
        let files = match assembled {
            Some(a) => Arc::new(a.files.into_iter().map(|f| (f.path, f.bytes)).collect()),
            // Keep the last good files: stylesheets and images still load around the
            // error page.
            None => Arc::clone(&current.files),
        };
        let errors = if ok {
            Vec::new()
        } else {
            diags
                .sorted()
                .into_iter()
                .filter(|d| d.is_error())
                .cloned()
                .collect()
        };
        *current = Arc::new(Snapshot {
            version: current.version + 1,
            files,
            errors,
        });
        drop(current);
        self.changed.notify_all();
        Built { diags, took, ok }
    }

    /// Waits until the version differs from `seen` or `timeout` passes; returns the current
    /// version.
    pub fn wait_change(&self, seen: u64, timeout: Duration) -> u64 {
        let guard = self.lock();
        let (guard, _) = self
            .changed
            .wait_timeout_while(guard, timeout, |s| s.version == seen)
            .unwrap_or_else(PoisonError::into_inner);
        guard.version
    }
}
