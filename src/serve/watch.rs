//! Watching `content/` and `themes/` for changes, for `papan serve`.
//!
//! In: the site folder and what to do after a change. Out: a running watcher (drop it to
//! stop). notify-debouncer-full groups the events of one save; one save can still arrive as
//! two batches (write, then rename), so batches that follow each other closely are merged
//! into one rebuild. Editor scratch files (`.x.swp`, `x~`) are ignored.

use notify_debouncer_full::notify::{EventKind, RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, Debouncer, RecommendedCache, new_debouncer};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

/// How long the debouncer waits for a file to settle.
const DEBOUNCE: Duration = Duration::from_millis(40);
/// How long to wait for another batch before rebuilding.
const COALESCE: Duration = Duration::from_millis(25);

/// Keeps the watch running while alive.
pub struct Watch {
    _debouncer: Debouncer<RecommendedWatcher, RecommendedCache>,
}

/// Starts watching `root/content` and `root/themes` (when present); `on_change` runs on a
/// background thread with the changed paths, once per burst of changes.
pub fn start(
    root: &Path,
    mut on_change: impl FnMut(Vec<PathBuf>) + Send + 'static,
) -> Result<Watch, String> {
    let (tx, rx) = mpsc::channel::<DebounceEventResult>();
    let mut debouncer = new_debouncer(DEBOUNCE, None, tx).map_err(|e| e.to_string())?;
    for folder in ["content", "themes"] {
        let dir = root.join(folder);
        if dir.is_dir() {
            debouncer
                .watch(&dir, RecursiveMode::Recursive)
                .map_err(|e| format!("{}: {e}", dir.display()))?;
        }
    }
    std::thread::spawn(move || {
        while let Ok(first) = rx.recv() {
            let mut changed = BTreeSet::new();
            collect(first, &mut changed);
            while let Ok(more) = rx.recv_timeout(COALESCE) {
                collect(more, &mut changed);
            }
            if !changed.is_empty() {
                on_change(changed.into_iter().collect());
            }
        }
    });
    Ok(Watch {
        _debouncer: debouncer,
    })
}

fn collect(batch: DebounceEventResult, into: &mut BTreeSet<PathBuf>) {
    let Ok(events) = batch else {
        return;
    };
    for event in events {
        if matches!(event.kind, EventKind::Access(_)) {
            continue;
        }
        into.extend(event.paths.iter().filter(|p| !is_scratch(p)).cloned());
    }
}

/// Files editors write beside the real one while saving.
fn is_scratch(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    name.starts_with('.')
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".tmp")
        || name == "4913"
}

#[cfg(test)]
mod tests {
    use super::is_scratch;
    use std::path::Path;

    #[test]
    fn editor_scratch_files_are_ignored() {
        assert!(is_scratch(Path::new("content/.desa.yaml.swp")));
        assert!(is_scratch(Path::new("content/desa.yaml~")));
        assert!(is_scratch(Path::new("content/4913")));
        assert!(!is_scratch(Path::new("content/laporan/panen.md")));
    }
}
