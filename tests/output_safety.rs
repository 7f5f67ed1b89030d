//! Folders Papan refuses as output, however they are spelled (relative, with `.` and `..`,
//! through a symbolic link), and what it does with an output that is itself a link. A
//! refused build exits with 2 and leaves every file where it was.

#![allow(clippy::unwrap_used)]
#![cfg(unix)]

mod common;
use common::*;
use std::os::unix::fs::symlink;
use std::path::Path;
use std::process::{Command, Output};

/// `papan build SITE --output OUTPUT` run in `cwd` with `HOME` set to `home`.
fn build_in(cwd: &Path, home: &Path, site: &str, output: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_papan"))
        .args(["build", site, "--output", output])
        .current_dir(cwd)
        .env("HOME", home)
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

/// A temporary folder holding a home folder (with a file of its own) and, inside it, a
/// copy of the sample village, as a volunteer would have it.
struct World {
    _dir: tempfile::TempDir,
    home: std::path::PathBuf,
    site: std::path::PathBuf,
}

fn world() -> World {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().canonicalize().unwrap().join("rumah");
    let site = home.join("desa");
    std::fs::create_dir_all(&home).unwrap();
    std::fs::write(home.join("skripsi.docx"), "bab 1").unwrap();
    let sample = sample_site();
    copy_dir(sample.path(), &site);
    World {
        _dir: dir,
        home,
        site,
    }
}

#[test]
fn every_spelling_of_a_forbidden_folder_is_refused() {
    let w = world();
    let (home, site) = (&w.home, &w.site);
    symlink(site, home.join("tautan-situs")).unwrap();
    symlink(site.join("content"), home.join("tautan-isi")).unwrap();
    symlink(home, site.join("tautan-rumah")).unwrap();
    symlink("/", home.join("tautan-akar")).unwrap();
    // The photo cache is the builds' own; the one allowed build (into a folder named `~`)
    // uses it too.
    let mut before = snapshot(home);
    before.retain(|k, _| !k.contains(".papan-cache"));
    let s = site.to_str().unwrap();
    let h = home.to_str().unwrap();
    // (folder as typed, run from, what the message calls it)
    let cases: Vec<(String, &Path, &str)> = vec![
        (s.to_owned(), home, "folder situs itu sendiri"),
        (".".into(), site, "folder situs itu sendiri"),
        (format!("{s}/."), home, "folder situs itu sendiri"),
        (format!("{s}/content/.."), home, "folder situs itu sendiri"),
        ("output/..".into(), site, "folder situs itu sendiri"),
        (
            format!("{h}/tautan-situs"),
            home,
            "folder situs itu sendiri",
        ),
        (format!("{s}/content"), home, "folder content/"),
        ("content".into(), site, "folder content/"),
        ("./content/foto".into(), site, "folder content/"),
        ("output/../content".into(), site, "folder content/"),
        (format!("{h}/tautan-isi"), home, "folder content/"),
        ("tautan-isi/baru".into(), home, "folder content/"),
        (format!("{s}/themes/default"), home, "folder themes/"),
        (h.to_owned(), site, "folder rumah (home) Anda"),
        ("..".into(), site, "folder rumah (home) Anda"),
        ("~".into(), site, ""),
        ("tautan-rumah".into(), site, "folder rumah (home) Anda"),
        (
            format!("{s}/tautan-rumah/."),
            home,
            "folder rumah (home) Anda",
        ),
        ("/".into(), site, "folder akar sistem (/)"),
        ("/tmp/..".into(), site, "folder akar sistem (/)"),
        (format!("{h}/tautan-akar"), home, "folder akar sistem (/)"),
        (format!("{s}/.."), home, "folder rumah (home) Anda"),
    ];
    for (output, cwd, what) in &cases {
        let site_arg = if *cwd == site.as_path() { "." } else { s };
        let out = build_in(cwd, home, site_arg, output);
        let err = stderr(&out);
        if output == "~" {
            // The shell expands `~`; given literally it is a new folder named `~`, which
            // is allowed: a folder inside the site holding nothing of the user's.
            assert_eq!(out.status.code(), Some(0), "{err}");
            std::fs::remove_dir_all(site.join("~")).unwrap();
            continue;
        }
        assert_eq!(
            out.status.code(),
            Some(2),
            "{output} (from {}): {err}",
            cwd.display()
        );
        assert!(
            err.contains(what) && err.contains("Papan menolak menulis ke sana"),
            "{output}: {err}"
        );
        assert!(err.contains("saran:"), "{output}: {err}");
    }
    let mut after = snapshot(home);
    after.retain(|k, _| !k.contains("~") && !k.contains(".papan-cache"));
    assert!(after == before, "a refused build changed files");
}

#[test]
fn a_folder_holding_the_users_files_is_refused_even_when_it_has_a_manifest() {
    let w = world();
    let s = w.site.to_str().unwrap();
    let mine = w.home.join("unduhan");
    std::fs::create_dir_all(mine.join("foto")).unwrap();
    std::fs::write(mine.join("foto/anak.jpg"), "x").unwrap();
    // A manifest copied by hand, or from another output, does not make the files Papan's.
    std::fs::write(
        mine.join(".papan-output"),
        "# Folder ini dibuat oleh Papan. Papan akan menimpanya setiap kali membangun situs.\nindex.html\n",
    )
    .unwrap();
    let out = build_in(&w.home, &w.home, s, mine.to_str().unwrap());
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("berisi berkas yang tidak dibuat oleh Papan: foto/, foto/anak.jpg"),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read(mine.join("foto/anak.jpg")).unwrap(), b"x");
    // An empty folder is fine, and becomes Papan's.
    let empty = w.home.join("kosong");
    std::fs::create_dir_all(&empty).unwrap();
    let out = build_in(&w.home, &w.home, s, empty.to_str().unwrap());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(empty.join("index.html").is_file());
}

#[test]
fn an_output_that_is_a_link_is_written_where_it_points_and_stays_a_link() {
    let w = world();
    let s = w.site.to_str().unwrap();
    let real = w.home.join("www/desa");
    std::fs::create_dir_all(&real).unwrap();
    let link = w.site.join("output");
    symlink(&real, &link).unwrap();
    for _ in 0..2 {
        let out = build_in(&w.site, &w.home, s, "output");
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    }
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(real.join("index.html").is_file());
    // Nothing left beside either of them.
    for dir in [&w.site, &w.home.join("www")] {
        let names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.contains("papan") && n != ".papan-cache")
            .collect();
        assert!(names.is_empty(), "{}: {names:?}", dir.display());
    }
}

#[test]
fn a_failed_build_touches_nothing_and_a_good_one_replaces_only_its_own_files() {
    let w = world();
    let s = w.site.to_str().unwrap();
    let out = build_in(&w.home, &w.home, s, &format!("{s}/output"));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let output = w.site.join("output");
    let manifest = std::fs::read_to_string(output.join(".papan-output")).unwrap();
    let listed: std::collections::BTreeSet<&str> =
        manifest.lines().filter(|l| !l.starts_with('#')).collect();
    let written: std::collections::BTreeSet<String> = snapshot(&output)
        .into_keys()
        .filter(|k| k != ".papan-output")
        .collect();
    // The manifest lists exactly the files written.
    assert_eq!(
        listed,
        written
            .iter()
            .map(String::as_str)
            .collect::<std::collections::BTreeSet<_>>()
    );
    let before = snapshot(&output);
    std::fs::write(w.site.join("content/desa.yaml"), "nama: [\n").unwrap();
    let out = build_in(&w.home, &w.home, s, &format!("{s}/output"));
    assert_eq!(out.status.code(), Some(1));
    assert!(snapshot(&output) == before);
}
