//! Photos referenced by content (`foto/jalan-1.jpg`): where they are and whether they may be
//! used.
//!
//! In: the site folder and a reference as written in a content file. Out: the photo's path
//! inside `content/`, or a problem in plain words. A reference must name an existing JPEG,
//! PNG or WebP file that lies inside `content/` after following symbolic links, so content
//! can never pull a file from elsewhere on the machine into the published site.

use std::path::{Component, Path, PathBuf};

pub const EXTENSIONS: [&str; 4] = ["jpg", "jpeg", "png", "webp"];

/// Photos larger than this are refused: a 12-megapixel camera photo is about 5 MB, and the
/// build reads each photo whole.
pub const MAX_PHOTO_BYTES: u64 = 50 * 1024 * 1024;

/// Checks a photo reference and returns its path relative to `content/`, with `/`.
pub fn resolve(site: &Path, reference: &str) -> Result<String, String> {
    let r = reference.trim();
    if r.is_empty() {
        return Err("alamat foto kosong".to_owned());
    }
    if r.contains("://") {
        return Err(format!(
            "foto `{r}` berupa alamat web; simpan fotonya di content/foto/ dan tulis `foto/nama-berkas.jpg`"
        ));
    }
    let rel = Path::new(r);
    if rel.is_absolute()
        || rel
            .components()
            .any(|c| !matches!(c, Component::Normal(_) | Component::CurDir))
    {
        return Err(format!(
            "foto `{r}` berada di luar folder content/; tulis alamat di dalam content/, misalnya `foto/nama-berkas.jpg`"
        ));
    }
    let ext = rel
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    if !EXTENSIONS.contains(&ext.as_str()) {
        return Err(format!("berkas `{r}` bukan foto JPEG, PNG atau WebP"));
    }
    let content = site.join("content");
    let full = content.join(rel);
    let real = full
        .canonicalize()
        .map_err(|_| format!("foto `{r}` tidak ditemukan di content/{r}"))?;
    let root = content
        .canonicalize()
        .map_err(|_| "folder content/ tidak dapat dibaca".to_owned())?;
    if !real.starts_with(&root) {
        return Err(format!(
            "foto `{r}` menunjuk ke berkas di luar folder content/ (tautan simbolik); salin fotonya ke dalam content/foto/"
        ));
    }
    let meta = std::fs::metadata(&real).map_err(|_| format!("foto `{r}` tidak dapat dibaca"))?;
    if !meta.is_file() {
        return Err(format!("`{r}` bukan berkas foto"));
    }
    if meta.len() > MAX_PHOTO_BYTES {
        return Err(format!(
            "foto `{r}` terlalu besar ({} MB; batasnya {} MB); perkecil dulu, misalnya menjadi lebar 2000 piksel",
            meta.len().div_ceil(1024 * 1024),
            MAX_PHOTO_BYTES / (1024 * 1024)
        ));
    }
    Ok(rel
        .components()
        .filter_map(|c| match c {
            Component::Normal(s) => Some(s.to_string_lossy().into_owned()),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join("/"))
}

/// The warning for a photo of a report, product or producer written without a caption:
/// its message and hint.
pub fn missing_caption(reference: &str) -> (String, String) {
    let r = reference.trim();
    (
        format!(
            "foto `{r}` tidak punya keterangan; keterangan dipakai sebagai teks alternatif bagi pembaca layar"
        ),
        format!(
            "tulis fotonya sebagai `{{ berkas: {r}, keterangan: … }}` dan ceritakan singkat apa yang tampak di foto"
        ),
    )
}

/// The photo's file inside the site.
pub fn source_path(site: &Path, resolved: &str) -> PathBuf {
    site.join("content").join(resolved)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_photos_inside_content_only() {
        let dir = tempfile::tempdir().unwrap();
        let foto = dir.path().join("content/foto");
        std::fs::create_dir_all(&foto).unwrap();
        std::fs::write(foto.join("jalan.JPG"), b"x").unwrap();
        std::fs::write(dir.path().join("rahasia.jpg"), b"x").unwrap();
        assert_eq!(
            resolve(dir.path(), "foto/jalan.JPG"),
            Ok("foto/jalan.JPG".to_owned())
        );
        assert_eq!(
            resolve(dir.path(), "./foto/jalan.JPG"),
            Ok("foto/jalan.JPG".to_owned())
        );
        assert!(
            resolve(dir.path(), "foto/tidak-ada.jpg")
                .unwrap_err()
                .contains("tidak ditemukan")
        );
        assert!(
            resolve(dir.path(), "../rahasia.jpg")
                .unwrap_err()
                .contains("di luar folder content/")
        );
        assert!(
            resolve(dir.path(), "/etc/passwd.jpg")
                .unwrap_err()
                .contains("di luar folder content/")
        );
        assert!(
            resolve(dir.path(), "https://x.id/a.jpg")
                .unwrap_err()
                .contains("alamat web")
        );
        assert!(
            resolve(dir.path(), "foto/catatan.txt")
                .unwrap_err()
                .contains("bukan foto")
        );
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(dir.path().join("rahasia.jpg"), foto.join("tautan.jpg"))
                .unwrap();
            assert!(
                resolve(dir.path(), "foto/tautan.jpg")
                    .unwrap_err()
                    .contains("tautan simbolik")
            );
        }
    }
}
