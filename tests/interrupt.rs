//! Builds interrupted for real: SIGINT and SIGKILL sent to `papan build` while it writes a
//! large synthetic site. The previous output must stay byte for byte as it was, and the
//! next build must succeed and tidy what the interrupted one left.

#![allow(clippy::unwrap_used)]
#![cfg(unix)]

mod common;
use common::*;
use std::os::unix::process::ExitStatusExt;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Enough reports that writing the site takes a good fraction of a second.
const REPORTS: usize = 2000;

fn add_reports(site: &Path) {
    let dir = site.join("content/laporan");
    let body = "Kerja bakti warga membersihkan saluran air dan jalan dusun. ".repeat(12);
    for i in 0..REPORTS {
        let text = format!(
            "---\njudul: Kerja bakti nomor {i}\ntanggal: 2025-{:02}-{:02}\nstatus: selesai\n---\n{body}\n",
            1 + i % 12,
            1 + i % 28
        );
        std::fs::write(dir.join(format!("uji-{i:05}.md")), text).unwrap();
    }
}

/// The staging folder of a running build, once it holds its manifest.
fn staging(site: &Path) -> Option<std::path::PathBuf> {
    std::fs::read_dir(site)
        .ok()?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(".output.papan-baru-"))
                && p.join(".papan-output").is_file()
        })
}

fn leftovers(site: &Path) -> Vec<String> {
    std::fs::read_dir(site)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        // The photo cache (.papan-cache) belongs there; staging and old folders do not.
        .filter(|n| n.contains(".papan-") && n != ".papan-cache")
        .collect()
}

/// Builds the sample, adds the synthetic reports, starts a build, sends `signal` as soon
/// as the build writes, and checks the previous output and the next build.
fn interrupt_with(signal: &str, number: i32) {
    let dir = sample_site();
    let site = dir.path();
    let out = papan(&["build", site.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let before = snapshot(&site.join("output"));
    add_reports(site);

    let mut child = Command::new(env!("CARGO_BIN_EXE_papan"))
        .args(["build", site.to_str().unwrap()])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let started = Instant::now();
    let folder = loop {
        if let Some(folder) = staging(site) {
            break folder;
        }
        assert!(
            child.try_wait().unwrap().is_none(),
            "the build ended before it was interrupted"
        );
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "no staging folder"
        );
        std::thread::sleep(Duration::from_millis(1));
    };
    let status = Command::new("kill")
        .args([&format!("-{signal}"), &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let ended_pid = child.id();
    let ended = child.wait().unwrap();
    assert_eq!(
        ended.signal(),
        Some(number),
        "the build was not stopped by {signal}: {ended:?}"
    );

    // Byte for byte what the previous build wrote; the half-written folder is beside it.
    assert!(snapshot(&site.join("output")) == before, "output changed");
    assert!(
        folder.exists(),
        "the interrupted build's folder is expected beside output/"
    );

    let out = papan(&["build", site.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let left = leftovers(site);
    assert!(
        left.is_empty(),
        "left beside output/: {left:?} (the interrupted build was {}); {}",
        ended_pid,
        left.iter()
            .map(|l| format!("{l}: {} files", snapshot(&site.join(l)).len()))
            .collect::<Vec<_>>()
            .join(", ")
    );
    assert!(site.join("output/laporan/uji-01999/index.html").is_file());
    assert!(site.join("output/index.html").is_file());
}

#[test]
fn sigint_while_writing_leaves_the_previous_output() {
    interrupt_with("INT", 2);
}

#[test]
fn sigkill_while_writing_leaves_the_previous_output() {
    interrupt_with("KILL", 9);
}
