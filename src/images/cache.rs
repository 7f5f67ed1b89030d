//! The image cache: `SITE/.papan-cache/`, kept between builds so an unchanged photo is never
//! decoded again.
//!
//! In: names made by [`name`] from a content hash ([`super::key`]) and what the file is.
//! Out: the bytes stored under a name, if any. Reading is all `check` and the render stage
//! do; after a successful build, [`save`] stores the files made fresh and [`prune`]
//! removes those nothing used. This folder is the only place besides the output that
//! Papan writes to, and Papan only ever deletes files in it whose names it could have made.

use crate::output::OutputFile;
use std::collections::BTreeSet;
use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};

/// The folder's name inside the site folder.
pub const DIR: &str = ".papan-cache";

/// What a cache entry holds; its name is `KEY` plus the suffix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    /// A photo copy `width` pixels wide, as JPEG or WebP.
    Jpeg(u32),
    Webp(u32),
    /// The 1200×630 share crop of a photo.
    Share,
    /// A share card drawn from SVG.
    Card,
    /// A photo's shown size, `1200x900`.
    Size,
    /// A notice board (baliho) as PNG and as PDF.
    BalihoPng,
    BalihoPdf,
}

/// The cache file name of an entry: `0123456789-960.jpg`, `…-bagikan.jpg`, `…-kartu.png`,
/// `….ukuran`.
pub fn name(key: &str, entry: Entry) -> String {
    match entry {
        Entry::Jpeg(w) => format!("{key}-{w}.jpg"),
        Entry::Webp(w) => format!("{key}-{w}.webp"),
        Entry::Share => format!("{key}-bagikan.jpg"),
        Entry::Card => format!("{key}-kartu.png"),
        Entry::Size => format!("{key}.ukuran"),
        Entry::BalihoPng => format!("{key}-baliho.png"),
        Entry::BalihoPdf => format!("{key}-baliho.pdf"),
    }
}

/// Whether `file` is a name [`name`] can produce: 10 lowercase hex digits, then one of the
/// suffixes. Only such files are ever pruned.
pub fn is_own(file: &str) -> bool {
    let Some((key, rest)) = file.split_at_checked(10) else {
        return false;
    };
    if !key
        .bytes()
        .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
    {
        return false;
    }
    if matches!(
        rest,
        "-bagikan.jpg" | "-kartu.png" | ".ukuran" | "-baliho.png" | "-baliho.pdf"
    ) {
        return true;
    }
    let Some(rest) = rest.strip_prefix('-') else {
        return false;
    };
    let width = rest
        .strip_suffix(".jpg")
        .or_else(|| rest.strip_suffix(".webp"));
    width.is_some_and(|w| {
        !w.is_empty()
            && w.len() <= 5
            && w.bytes().all(|b| b.is_ascii_digit())
            && !w.starts_with('0')
    })
}

/// Read access to a site's cache.
#[derive(Debug, Clone)]
pub struct Cache {
    dir: PathBuf,
}

impl Cache {
    pub fn of_site(root: &Path) -> Self {
        Cache {
            dir: root.join(DIR),
        }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The bytes stored under `name`; None when absent or unreadable (then the file is
    /// simply made again).
    pub fn get(&self, name: &str) -> Option<Vec<u8>> {
        fs::read(self.dir.join(name)).ok()
    }
}

/// Where the bytes of a fresh entry are: in an output file, or its own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Bytes {
    Output(String),
    Own(Vec<u8>),
}

/// Stores fresh entries. Each file is written beside its place and renamed into it, so a
/// build stopped halfway never leaves a cut-off entry. A cache that cannot be written only
/// makes the next build slower: the reason is returned for a warning.
pub fn save(
    cache: &Cache,
    fresh: &[(String, Bytes)],
    files: &[OutputFile],
) -> Result<usize, String> {
    if fresh.is_empty() {
        return Ok(0);
    }
    let dir = cache.dir();
    fs::create_dir_all(dir).map_err(|e| reason(dir, &e))?;
    let mut saved = 0;
    for (name, bytes) in fresh {
        let data: &[u8] = match bytes {
            Bytes::Own(b) => b,
            Bytes::Output(path) => {
                match files.binary_search_by(|f| f.path.as_str().cmp(path.as_str())) {
                    Ok(i) => &files[i].bytes,
                    Err(_) => continue,
                }
            }
        };
        let target = dir.join(name);
        let temp = dir.join(format!(".{name}.{}.sementara", std::process::id()));
        let written = fs::File::create(&temp)
            .and_then(|mut f| f.write_all(data))
            .and_then(|()| fs::rename(&temp, &target));
        if let Err(e) = written {
            let _ = fs::remove_file(&temp);
            return Err(reason(&target, &e));
        }
        saved += 1;
    }
    Ok(saved)
}

/// Removes the entries this build did not use. Files whose names Papan could not have
/// made are left alone, whatever they are.
pub fn prune(cache: &Cache, used: &BTreeSet<String>) -> Result<usize, String> {
    let entries = match fs::read_dir(cache.dir()) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(0),
        Err(e) => return Err(reason(cache.dir(), &e)),
    };
    let mut removed = 0;
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let is_file = entry.file_type().is_ok_and(|t| t.is_file());
        if is_file && is_own(&name) && !used.contains(&name) {
            fs::remove_file(entry.path()).map_err(|e| reason(&entry.path(), &e))?;
            removed += 1;
        }
    }
    Ok(removed)
}

fn reason(path: &Path, e: &std::io::Error) -> String {
    format!("{}: {}", path.display(), crate::source::io_reason(e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_names_papan_makes_are_its_own() {
        let key = "0123456789";
        for entry in [
            Entry::Jpeg(480),
            Entry::Webp(1600),
            Entry::Share,
            Entry::Card,
            Entry::Size,
            Entry::BalihoPng,
            Entry::BalihoPdf,
        ] {
            assert!(is_own(&name(key, entry)), "{entry:?}");
        }
        for other in [
            "catatan.txt",
            "0123456789",
            "0123456789-960.png",
            "0123456789-.jpg",
            "0123456789-0960.jpg",
            "0123456789-123456.jpg",
            "ABCDEF0123-960.jpg",
            "012345678-960.jpg",
            ".0123456789-960.jpg.1.sementara",
            "foto-0123456789-960.jpg",
        ] {
            assert!(!is_own(other), "{other}");
        }
    }

    #[test]
    fn save_then_prune_keeps_what_was_used_and_foreign_files() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::of_site(dir.path());
        let files = vec![OutputFile::new(
            "foto/a-0123456789-480.jpg",
            b"jpeg".to_vec(),
        )];
        let fresh = vec![
            (
                name("0123456789", Entry::Jpeg(480)),
                Bytes::Output("foto/a-0123456789-480.jpg".into()),
            ),
            (
                name("abcdefabcd", Entry::Size),
                Bytes::Own(b"10x20\n".to_vec()),
            ),
        ];
        assert_eq!(save(&cache, &fresh, &files), Ok(2));
        assert_eq!(
            cache.get("0123456789-480.jpg").as_deref(),
            Some(&b"jpeg"[..])
        );
        fs::write(cache.dir().join("milik-saya.txt"), "x").unwrap();
        let used: BTreeSet<String> = ["0123456789-480.jpg".to_owned()].into();
        assert_eq!(prune(&cache, &used), Ok(1));
        assert!(cache.get("0123456789-480.jpg").is_some());
        assert!(cache.get("abcdefabcd.ukuran").is_none());
        assert!(cache.get("milik-saya.txt").is_some());
    }
}
