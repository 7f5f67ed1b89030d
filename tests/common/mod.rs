//! Helpers shared by the integration tests: fixture sites in temporary folders and a way to
//! run the real `papan` binary.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub const DESA: &str = "nama: Uji Coba\nkecamatan: Contoh\nkabupaten: Contoh\nprovinsi: Jawa Tengah\nalamat_pengaduan: Kantor Desa Uji Coba\n";

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A temporary site made of the given files (path relative to the site, text).
pub fn site(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for (path, text) in files {
        let full = dir.path().join(path);
        std::fs::create_dir_all(full.parent().expect("parent")).expect("mkdir");
        std::fs::write(full, text).expect("write");
    }
    dir
}

/// A site with the test desa.yaml and one budget file for `year`.
pub fn budget_site(year: u32, budget: &str) -> tempfile::TempDir {
    site(&[
        ("content/desa.yaml", DESA),
        (&format!("content/anggaran/{year}.yaml"), budget),
    ])
}

/// Copies a folder tree (used to build a fixture without touching the repository).
pub fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.expect("walk");
        let rel = entry.path().strip_prefix(from).expect("prefix");
        let target = to.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).expect("mkdir");
        } else if entry.file_type().is_file() {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

/// A copy of the repository's sample village (its content/), with no photo cache: the
/// first build encodes every photo, as a village's first build does.
pub fn sample_site_cold() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_dir(&repo().join("content"), &dir.path().join("content"));
    dir
}

/// A copy of the sample village with a warm photo cache, as a village has from its second
/// build on: its pages are built in full, its photos and boards copied from the cache.
/// Encoding them costs about ten seconds of processor time in a debug build, which thirty
/// tests need not spend again; the tests of the cache and of the encoding itself use
/// [`sample_site_cold`].
pub fn sample_site() -> tempfile::TempDir {
    let dir = sample_site_cold();
    copy_dir(warm_cache(), &dir.path().join(".papan-cache"));
    dir
}

/// The photo cache of one build of the sample, made once per binary and content: under
/// `target/tmp/`, named by a hash of the sample's files and the binary's time, put in
/// place by a rename so that test processes running side by side never see half of it.
fn warm_cache() -> &'static Path {
    static CACHE: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    CACHE.get_or_init(|| {
        use std::hash::{Hash, Hasher};
        let mut hash = std::collections::hash_map::DefaultHasher::new();
        for (path, bytes) in snapshot(&repo().join("content")) {
            (path, bytes).hash(&mut hash);
        }
        let binary = std::fs::metadata(env!("CARGO_BIN_EXE_papan")).expect("papan binary");
        binary.modified().expect("binary time").hash(&mut hash);
        let root = Path::new(env!("CARGO_TARGET_TMPDIR"));
        let cache = root.join(format!("sample-cache-{:016x}", hash.finish()));
        if !cache.is_dir() {
            let site = sample_site_cold();
            let out = papan(&["build", site.path().to_str().expect("utf-8")]);
            assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
            let made = tempfile::tempdir_in(root).expect("temp dir");
            let staged = made.path().join("cache");
            std::fs::rename(site.path().join(".papan-cache"), &staged).expect("move cache");
            // Another process may have put its copy there first; either is the same.
            let _ = std::fs::rename(&staged, &cache);
        }
        cache
    })
}

pub fn papan(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_papan"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("run papan")
}

pub fn papan_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_papan"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("run papan")
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Every file under `dir` with its bytes, by relative path.
pub fn snapshot(dir: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(dir)
                .expect("prefix")
                .to_string_lossy()
                .into_owned();
            (rel, std::fs::read(e.path()).expect("read"))
        })
        .collect()
}

/// The hash in an image's output names, worked out here from its definition rather than
/// by Papan: the first 10 hex characters of BLAKE3(the photo's bytes, then the settings).
pub fn image_key(bytes: &[u8]) -> String {
    let mut h = blake3::Hasher::new();
    h.update(bytes);
    h.update(papan::images::SETTINGS.as_bytes());
    h.finalize().to_hex()[..10].to_owned()
}

/// [`image_key`] of a photo of the sample village (`foto/balai-desa.jpg`).
pub fn sample_key(photo: &str) -> String {
    image_key(&std::fs::read(repo().join("content").join(photo)).expect("sample photo"))
}

/// A real JPEG of `width`×`height` (a gradient), for tests that need a photo that decodes.
pub fn jpeg(width: u32, height: u32) -> Vec<u8> {
    let img = image::RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([
            (x * 255 / width.max(1)) as u8,
            (y * 255 / height.max(1)) as u8,
            90,
        ])
    });
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Jpeg)
        .expect("encode");
    out.into_inner()
}

/// Puts a real JPEG at `path` inside the site `dir`.
pub fn put_jpeg(dir: &Path, path: &str, width: u32, height: u32) {
    let full = dir.join(path);
    std::fs::create_dir_all(full.parent().expect("parent")).expect("mkdir");
    std::fs::write(full, jpeg(width, height)).expect("write");
}
