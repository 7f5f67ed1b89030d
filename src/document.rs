//! Markdown content files with YAML front matter (reports, free pages): part of stage 1.
//!
//! In: a `.md` file under `content/`. Out: a [`Document`]: the front matter text with the
//! line it starts after, the Markdown body with the line it starts on, and every photo the
//! body shows, checked with [`photo::resolve`]. Problems (no front matter, front matter not
//! closed, a photo that is missing or outside `content/`) go to the diagnostics with their
//! line, all of them, before the caller reads the front matter itself.

use crate::diagnostic::{Diagnostics, Location};
use crate::frontmatter::{self, Problem};
use crate::photo;
use crate::source::SourceFile;
use pulldown_cmark::{Event, Tag};
use std::collections::BTreeMap;
use std::path::Path;

/// A Markdown file split into its parts.
#[derive(Debug, Clone)]
pub struct Document {
    pub src: SourceFile,
    pub yaml: String,
    /// Lines of the file before the YAML starts (the opening `---`).
    pub yaml_offset: usize,
    pub body: String,
    /// 1-based line of the file where the body starts.
    pub body_line: usize,
    /// Photos shown in the body: the address as written → the path inside `content/`.
    pub photos: BTreeMap<String, String>,
}

/// Reads `root/relative`. `what` names the kind of content in hints ("laporan", "halaman").
/// Returns None when the file cannot be read or has no usable front matter; photo problems
/// are reported and the document is still returned, so its front matter is checked too.
pub fn read(root: &Path, relative: &Path, what: &str, diags: &mut Diagnostics) -> Option<Document> {
    let src = match SourceFile::read(root, relative) {
        Ok(src) => src,
        Err(d) => {
            diags.push(d);
            return None;
        }
    };
    let start = Some(Location::new(1, 1));
    let parts = match frontmatter::split(&src.text) {
        Ok(parts) => parts,
        Err(Problem::NotOpened) => {
            diags.push(
                src.error(start, "berkas tidak diawali baris `---`")
                    .hint(format!("tulis `---` di baris pertama, lalu isian seperti `judul: …`, lalu `---` lagi; isi {what} ditulis sesudahnya")),
            );
            return None;
        }
        Err(Problem::NotClosed) => {
            diags.push(
                src.error(
                    start,
                    "bagian isian di awal berkas tidak ditutup: baris `---` penutupnya tidak ada",
                )
                .hint(format!(
                    "tambahkan baris `---` sesudah isian terakhir, sebelum isi {what}"
                )),
            );
            return None;
        }
    };
    let (yaml, yaml_offset, body, body_line) = (
        parts.yaml.to_owned(),
        parts.yaml_offset,
        parts.body.to_owned(),
        parts.body_line,
    );
    // One pass over the Markdown: its depth, and its images on the way. What the images
    // show is reported only for text that is not refused as too deep.
    let mut images = BodyPhotos::default();
    let deep = crate::nesting::markdown_too_deep_with(&body, |event, range| {
        images.see(root, &src, &body, body_line, event, range.start);
    });
    if let Some(offset) = deep {
        diags.push(too_deep(&src, location(&body, offset, body_line)));
        return None;
    }
    diags.append(images.diags);
    let photos = images.photos;
    Some(Document {
        src,
        yaml,
        yaml_offset,
        body,
        body_line,
        photos,
    })
}

/// Text nested deeper than a page may hold: refused, or rendering would take hours.
pub fn too_deep(src: &SourceFile, at: Location) -> crate::diagnostic::Diagnostic {
    src.error(
        Some(at),
        format!(
            "tulisan di sini bertingkat terlalu dalam (lebih dari {} tingkat)",
            crate::nesting::MAX_DEPTH
        ),
    )
    .hint("kurangi kutipan di dalam kutipan (`>`), daftar di dalam daftar, atau tag HTML yang dibuka tanpa ditutup")
}

/// The images of a body, checked one Markdown event at a time; the ones that resolve, by
/// their address as written.
#[derive(Default)]
struct BodyPhotos {
    photos: BTreeMap<String, String>,
    seen: std::collections::BTreeSet<String>,
    diags: Diagnostics,
}

impl BodyPhotos {
    fn see(
        &mut self,
        root: &Path,
        src: &SourceFile,
        body: &str,
        body_line: usize,
        event: &Event,
        start: usize,
    ) {
        let dest_url = match event {
            Event::Start(Tag::Image { dest_url, .. }) => dest_url,
            Event::Html(html) | Event::InlineHtml(html)
                if html.to_ascii_lowercase().contains("<img") =>
            {
                self.diags.push(
                    src.warning(Some(location(body, start, body_line)), "gambar ditulis sebagai HTML `<img>`: Papan tidak memeriksa fotonya, dan alamatnya bisa tidak cocok dengan halaman")
                        .hint("tulis foto dengan Markdown: `![keterangan foto](foto/nama-berkas.jpg)`"),
                );
                return;
            }
            _ => return,
        };
        let address = dest_url.to_string();
        if !self.seen.insert(address.clone()) {
            return;
        }
        match photo::resolve(root, &address) {
            Ok(resolved) => {
                self.photos.insert(address, resolved);
            }
            Err(message) => self.diags.push(
                src.error(Some(location(body, start, body_line)), message)
                    .hint("simpan fotonya di content/foto/ lalu tulis `![keterangan foto](foto/nama-berkas.jpg)`"),
            ),
        }
    }
}

/// The line and column in the file of byte `offset` of the body.
fn location(body: &str, offset: usize, body_line: usize) -> Location {
    let before = &body[..offset.min(body.len())];
    let line = body_line + before.matches('\n').count();
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    Location::new(line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(files: &[(&str, &[u8])]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for (path, bytes) in files {
            let full = dir.path().join(path);
            std::fs::create_dir_all(full.parent().unwrap()).unwrap();
            std::fs::write(full, bytes).unwrap();
        }
        dir
    }

    #[test]
    fn body_photos_are_checked_with_their_line_and_column() {
        let text = "---\njudul: A\n---\nPembuka.\n\nLihat ![jalan](foto/ada.jpg) dan\n![x](foto/hilang.jpg)\n";
        let dir = site(&[
            ("content/laporan/a.md", text.as_bytes()),
            ("content/foto/ada.jpg", b"x"),
        ]);
        let mut diags = Diagnostics::new();
        let doc = read(
            dir.path(),
            Path::new("content/laporan/a.md"),
            "laporan",
            &mut diags,
        )
        .unwrap();
        assert_eq!(doc.yaml, "judul: A\n");
        assert_eq!(doc.body_line, 4);
        assert_eq!(
            doc.photos.get("foto/ada.jpg").map(String::as_str),
            Some("foto/ada.jpg")
        );
        let d: Vec<_> = diags.iter().collect();
        assert_eq!(d.len(), 1);
        assert_eq!(
            d[0].message,
            "foto `foto/hilang.jpg` tidak ditemukan di content/foto/hilang.jpg"
        );
        // Line 7 of the file, first column: the `!` of the image.
        assert_eq!(d[0].location, Some(Location::new(7, 1)));
    }

    #[test]
    fn raw_html_images_are_pointed_out() {
        let dir = site(&[(
            "content/halaman/a.md",
            b"---\njudul: A\n---\nTeks <img src=\"foto/a.jpg\"> lagi.\n",
        )]);
        let mut diags = Diagnostics::new();
        let doc = read(
            dir.path(),
            Path::new("content/halaman/a.md"),
            "halaman",
            &mut diags,
        )
        .unwrap();
        assert!(doc.photos.is_empty());
        let d: Vec<_> = diags.iter().collect();
        assert_eq!(d.len(), 1);
        assert!(!d[0].is_error());
        assert!(
            d[0].message
                .starts_with("gambar ditulis sebagai HTML `<img>`")
        );
        // `Teks ` is five characters: the `<` is in column 6.
        assert_eq!(d[0].location, Some(Location::new(4, 6)));
    }

    #[test]
    fn front_matter_must_open_and_close() {
        let dir = site(&[
            ("content/laporan/a.md", b"judul: A\n"),
            ("content/laporan/b.md", b"---\njudul: B\nIsi\n"),
        ]);
        let mut diags = Diagnostics::new();
        for f in ["content/laporan/a.md", "content/laporan/b.md"] {
            assert!(read(dir.path(), Path::new(f), "laporan", &mut diags).is_none());
        }
        let messages: Vec<_> = diags
            .iter()
            .map(|d| (d.message.as_str(), d.location))
            .collect();
        assert_eq!(
            messages,
            [
                (
                    "berkas tidak diawali baris `---`",
                    Some(Location::new(1, 1))
                ),
                (
                    "bagian isian di awal berkas tidak ditutup: baris `---` penutupnya tidak ada",
                    Some(Location::new(1, 1))
                ),
            ]
        );
    }
}
