//! What `papan --version` prints: the version and the commit this binary was built from.
//!
//! In: the compile-time variables set by `build.rs` (`PAPAN_COMMIT`, `PAPAN_COMMIT_DATE`,
//! empty when the build had no git). Out: one line, such as
//! `0.1.0 (commit 1a2b3c4d5e6f, 2026-12-01)`; clap puts `papan ` before it.

use std::sync::OnceLock;

/// The line after `papan ` in `papan --version`.
pub fn text() -> &'static str {
    static TEXT: OnceLock<String> = OnceLock::new();
    TEXT.get_or_init(|| {
        describe(
            env!("CARGO_PKG_VERSION"),
            env!("PAPAN_COMMIT"),
            env!("PAPAN_COMMIT_DATE"),
        )
    })
}

fn describe(version: &str, commit: &str, date: &str) -> String {
    match (commit, date) {
        ("", _) => format!("{version} (commit tidak diketahui)"),
        (commit, "") => format!("{version} (commit {commit})"),
        (commit, date) => format!("{version} (commit {commit}, {date})"),
    }
}

#[cfg(test)]
mod tests {
    use super::describe;

    #[test]
    fn with_and_without_git() {
        assert_eq!(
            describe("0.1.0", "1a2b3c4d5e6f", "2026-12-01"),
            "0.1.0 (commit 1a2b3c4d5e6f, 2026-12-01)"
        );
        assert_eq!(
            describe("0.1.0", "v0.1.0-ci", ""),
            "0.1.0 (commit v0.1.0-ci)"
        );
        assert_eq!(describe("0.1.0", "", ""), "0.1.0 (commit tidak diketahui)");
    }
}
