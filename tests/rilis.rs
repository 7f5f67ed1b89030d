//! What issue 15 added, through the real binary: `papan --version` names the commit,
//! `papan` alone explains itself outside a site, and names that differ only by case are
//! caught (a warning for the site's files, an error for output addresses).

#![allow(clippy::unwrap_used)]

mod common;
use common::*;
use std::process::Command;

#[test]
fn the_version_names_the_commit_git_reports() {
    let out = papan(&["--version"]);
    assert_eq!(out.status.code(), Some(0));
    let printed = stdout(&out);
    let version = env!("CARGO_PKG_VERSION");
    // Worked out here from git itself, not from what the build script recorded.
    let git = Command::new("git")
        .args(["rev-parse", "--short=12", "HEAD"])
        .current_dir(repo())
        .output();
    match git {
        Ok(g) if g.status.success() => {
            let commit = String::from_utf8(g.stdout).unwrap();
            let expected = format!("papan {version} (commit {}, ", commit.trim());
            assert!(printed.starts_with(&expected), "{printed}");
            assert!(printed.ends_with(")\n"), "{printed}");
        }
        // No git (a source tarball): it says so rather than guessing.
        _ => assert_eq!(
            printed,
            format!("papan {version} (commit tidak diketahui)\n")
        ),
    }
}

#[test]
fn papan_alone_outside_a_site_says_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_papan"))
        .current_dir(dir.path())
        .env("PAPAN_TANPA_PERAMBAN", "1")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let text = stdout(&out);
    assert!(
        text.starts_with("Papan: pembuat situs transparansi desa"),
        "{text}"
    );
    assert!(
        text.contains("Folder ini bukan folder situs desa.\n"),
        "{text}"
    );
    assert!(text.contains("papan new situs-desa"), "{text}");
}

#[test]
fn names_equal_but_for_case_warn_in_content_and_fail_as_addresses() {
    let dir = site(&[
        ("content/desa.yaml", DESA),
        ("themes/default/static/assets/Logo.svg", "<svg/>"),
        ("themes/default/static/assets/logo.svg", "<svg></svg>"),
    ]);
    // A case-insensitive disk holds one file: nothing to test there.
    if std::fs::read_dir(dir.path().join("themes/default/static/assets"))
        .unwrap()
        .count()
        < 2
    {
        return;
    }
    let out = papan(&["check", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let report = stderr(&out);
    assert!(
        report.contains(
            "kesalahan: alamat `assets/Logo.svg` dan `assets/logo.svg` hanya berbeda huruf besar/kecil; di Windows, macOS dan hosting yang tidak membedakan huruf besar keduanya menjadi satu, sehingga satu halaman hilang dan tautannya rusak\n  --> assets/Logo.svg\n"
        ),
        "{report}"
    );
    assert!(
        report.contains(
            "peringatan: berkas `themes/default/static/assets/Logo.svg` dan `themes/default/static/assets/logo.svg` hanya berbeda huruf besar/kecil; jika folder situs disalin atau di-clone ke Windows atau macOS, hanya satu yang tersimpan\n"
        ),
        "{report}"
    );
    assert!(
        report.ends_with("Ditemukan 1 kesalahan dan 1 peringatan. Ada 1 catatan.\n"),
        "{report}"
    );
}
