//! The bad-input corpus's machinery: a case is a few files written into a fresh site, the
//! file (and line) the message must name, and a piece of the message. Each case runs the
//! real binary, `check` then `build`, under a memory limit and a processor-time limit.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// A file of a case, written into the site (or, for `Link`, a symbolic link).
pub enum F {
    Text(String),
    Bytes(Vec<u8>),
    /// A link to a path relative to the case's temporary folder, which holds the site in
    /// `situs/` and, beside it, `luar/` with files no site may read.
    Link(&'static str),
    Dir,
    /// A sparse file of this many bytes (zeros, taking no disk space).
    Sparse(u64),
    /// Not written at all (for `content/desa.yaml`, which is otherwise always there).
    Absent,
    /// A file of this many bytes of YAML-looking text, generated, never committed.
    Big(usize),
}

pub struct Case {
    pub name: &'static str,
    pub files: Vec<(&'static str, F)>,
    /// The file the message must name, relative to the site.
    pub file: &'static str,
    /// The line the message must name, when the parser knows it.
    pub line: Option<usize>,
    /// A piece of the message.
    pub message: &'static str,
}

pub fn t(path: &'static str, text: impl Into<String>) -> (&'static str, F) {
    (path, F::Text(text.into()))
}

pub fn b(path: &'static str, bytes: impl Into<Vec<u8>>) -> (&'static str, F) {
    (path, F::Bytes(bytes.into()))
}

pub fn link(path: &'static str, target: &'static str) -> (&'static str, F) {
    (path, F::Link(target))
}

pub fn case(
    name: &'static str,
    files: Vec<(&'static str, F)>,
    file: &'static str,
    line: Option<usize>,
    message: &'static str,
) -> Case {
    Case {
        name,
        files,
        file,
        line,
        message,
    }
}

/// Address space allowed to one run: far above what a village site needs (a debug build
/// of the sample takes about 60 MB), far below what an alias bomb would take.
const MEMORY_KB: u64 = 512 * 1024;
/// Processor time allowed to one run (`ulimit -t`, so a busy machine running other tests
/// in parallel does not count against it); past it the system stops the run.
const CPU_SECONDS: u64 = 5;
/// Wall-clock time after which a run is taken as hung and killed.
const WALL_LIMIT: Duration = Duration::from_secs(30);

/// Writes the case's site: `desa.yaml` from `common::DESA` unless the case gives its own
/// (or `F::Dir` in its place), and the files outside the site that links point to.
fn write_site(root: &Path, case: &Case) -> PathBuf {
    let site = root.join("situs");
    let outside = root.join("luar");
    for (path, text) in [
        ("rahasia.yaml", crate::common::DESA),
        ("rahasia.jpg", "\u{ff}\u{d8}\u{ff}"),
        ("rahasia.md", "---\njudul: Rahasia\n---\nIsi rahasia.\n"),
        ("templates/index.html", "RAHASIA {{ site.nama }}"),
    ] {
        let full = outside.join(path);
        std::fs::create_dir_all(full.parent().unwrap()).unwrap();
        std::fs::write(full, text).unwrap();
    }
    std::fs::create_dir_all(site.join("content")).unwrap();
    if !case.files.iter().any(|(p, _)| *p == "content/desa.yaml") {
        std::fs::write(site.join("content/desa.yaml"), crate::common::DESA).unwrap();
    }
    for (path, file) in &case.files {
        let full = site.join(path);
        std::fs::create_dir_all(full.parent().unwrap()).unwrap();
        match file {
            F::Text(text) => std::fs::write(&full, text).unwrap(),
            F::Bytes(bytes) => std::fs::write(&full, bytes).unwrap(),
            F::Link(target) => std::os::unix::fs::symlink(root.join(target), &full).unwrap(),
            F::Dir => std::fs::create_dir_all(&full).unwrap(),
            F::Absent => {}
            F::Sparse(len) => std::fs::File::create(&full).unwrap().set_len(*len).unwrap(),
            F::Big(len) => {
                let line = "uraian: Pengerasan jalan dusun sepanjang delapan ratus meter\n";
                let text = line.repeat(len / line.len() + 1);
                std::fs::write(&full, &text.as_bytes()[..*len]).unwrap();
            }
        }
    }
    site
}

/// What one run did.
pub struct Run {
    pub code: Option<i32>,
    pub stderr: String,
    pub elapsed: Duration,
}

/// Runs `papan args` under the memory and processor-time limits; a run still going after
/// [`WALL_LIMIT`] is killed.
pub fn run(args: &[&str]) -> Run {
    let started = Instant::now();
    let mut child = Command::new("sh")
        .arg("-c")
        .arg(format!(
            "ulimit -v {MEMORY_KB} && ulimit -t {CPU_SECONDS} && exec \"$0\" \"$@\""
        ))
        .arg(env!("CARGO_BIN_EXE_papan"))
        .args(args)
        .env("NO_COLOR", "1")
        // 2026-11-25 12:00 WIB: the same "today" on every run.
        .env("SOURCE_DATE_EPOCH", "1795582800")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = child.stderr.take().unwrap();
    let reader = std::thread::spawn(move || std::io::read_to_string(stderr).unwrap_or_default());
    let code = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status.code();
        }
        if started.elapsed() > WALL_LIMIT {
            child.kill().unwrap();
            child.wait().unwrap();
            break None;
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    Run {
        code,
        elapsed: started.elapsed(),
        stderr: reader.join().unwrap(),
    }
}

/// Fails with every broken expectation of every case, once all have run.
pub fn assert_corpus(cases: Vec<Case>) {
    let failures = failures(&cases);
    assert!(
        failures.is_empty(),
        "{} of {} cases misbehave:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

/// Runs every case with `check` and `build`; returns one line per broken expectation.
pub fn failures(cases: &[Case]) -> Vec<String> {
    let mut out = Vec::new();
    let mut names = std::collections::BTreeSet::new();
    for case in cases {
        assert!(names.insert(case.name), "two cases named {}", case.name);
        let dir = tempfile::tempdir().unwrap();
        let site = write_site(dir.path(), case);
        let site_arg = site.to_str().unwrap();
        let position = match case.line {
            Some(line) => format!("--> {}:{line}:", case.file),
            None => format!("--> {}\n", case.file),
        };
        for command in ["check", "build"] {
            let r = run(&[command, site_arg]);
            let mut fail = |what: String| out.push(format!("{} ({command}): {what}", case.name));
            if r.code != Some(1) {
                fail(format!("exit code {:?}, expected 1", r.code));
            }
            if r.stderr.contains("panicked") {
                fail("panicked".into());
            }
            if r.elapsed > WALL_LIMIT {
                fail(format!("hung: killed after {:?}", r.elapsed));
            }
            match block(&r.stderr, &position) {
                None => fail(format!("`{}` not named", position.trim_end())),
                Some(block) => {
                    if !block.contains(case.message) {
                        fail(format!("message `{}` missing in\n{block}", case.message));
                    }
                    if !block.contains("= saran:") {
                        fail(format!("no hint (saran) in\n{block}"));
                    }
                }
            }
            if std::env::var_os("PAPAN_TEST_VERBOSE").is_some() {
                eprintln!("--- {} ({command})\n{}", case.name, r.stderr);
            }
            if command == "build" && site.join("output").exists() {
                out.push(format!("{} (build): output/ was written", case.name));
            }
        }
    }
    out
}

/// The message (from its `kesalahan:` line to the next message) that names `position`.
fn block<'a>(stderr: &'a str, position: &str) -> Option<&'a str> {
    let at = stderr.find(position)?;
    let start = stderr[..at].rfind("kesalahan: ")?;
    let end = [
        "\nkesalahan: ",
        "\nperingatan: ",
        "\ncatatan: ",
        "\nDitemukan ",
    ]
    .iter()
    .filter_map(|m| stderr[at..].find(m))
    .min()
    .map_or(stderr.len(), |e| at + e);
    Some(&stderr[start..end])
}
