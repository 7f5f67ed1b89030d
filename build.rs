//! Build script: which commit this Papan is built from, for `papan --version`.
//!
//! In: the environment variable `PAPAN_COMMIT` (set by a release built outside git), else
//! the git repository the crate sits at the top of. Out: the compile-time variables
//! `PAPAN_COMMIT` (12 hex digits, or empty) and `PAPAN_COMMIT_DATE` (YYYY-MM-DD, or empty).
//! Without git, or in a folder that is not the top of its own repository (a crate unpacked
//! inside someone else's repository), both are empty and Papan says it does not know: a
//! wrong commit would be worse than none.

use std::path::Path;
use std::process::Command;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=PAPAN_COMMIT");
    let dir = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".to_owned());
    let dir = Path::new(&dir);
    let (commit, date) = match std::env::var("PAPAN_COMMIT") {
        Ok(c) if !c.trim().is_empty() => (c.trim().to_owned(), String::new()),
        _ => from_git(dir).unwrap_or_default(),
    };
    println!("cargo:rustc-env=PAPAN_COMMIT={commit}");
    println!("cargo:rustc-env=PAPAN_COMMIT_DATE={date}");
}

/// The commit and its date, when `dir` is the top of a git work tree.
fn from_git(dir: &Path) -> Option<(String, String)> {
    let top = git(dir, &["rev-parse", "--show-toplevel"])?;
    let same = |a: &Path, b: &Path| match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    };
    if !same(Path::new(&top), dir) {
        return None;
    }
    watch_head(dir);
    let commit = git(dir, &["rev-parse", "--short=12", "HEAD"])?;
    let date = git(dir, &["log", "-1", "--format=%cs", "HEAD"]).unwrap_or_default();
    Some((commit, date))
}

/// Runs the build script again when HEAD moves: a new commit, a checkout, a pack of refs.
/// Only files that exist are named: cargo reruns on every build for a missing one.
fn watch_head(dir: &Path) {
    let mut files = vec!["HEAD".to_owned(), "packed-refs".to_owned()];
    if let Some(branch) = git(dir, &["symbolic-ref", "-q", "HEAD"]) {
        files.push(branch);
    }
    for file in files {
        if let Some(path) = git(dir, &["rev-parse", "--git-path", &file]) {
            let path = dir.join(path);
            if path.is_file() {
                println!("cargo:rerun-if-changed={}", path.display());
            }
        }
    }
}

/// One line of git's output, or None when git is missing or fails.
fn git(dir: &Path, args: &[&str]) -> Option<String> {
    let out = Command::new("git")
        .args(args)
        .current_dir(dir)
        .output()
        .ok()?;
    let text = String::from_utf8(out.stdout).ok()?;
    let line = text.trim();
    (out.status.success() && !line.is_empty()).then(|| line.to_owned())
}
