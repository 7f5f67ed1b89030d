//! The village logo on the notice board: `logo:` in desa.yaml, a picture inside content/.
//!
//! Stage: load. In: the reference as written (with its line in desa.yaml) and the site
//! folder. Out: the logo made small and uniform (a PNG at most [`SHOWN_SIDE`] pixels a
//! side, no metadata), ready to go into the board's SVG as a `data:` address; or an error
//! at the `logo:` line that says what is wrong with the file and how to fix it. A logo that is not a PNG, JPEG
//! or WebP picture (whatever its name says), is larger than [`MAX_BYTES`], or has more
//! than [`MAX_SIDE`] pixels a side is refused before it is decoded.

use crate::diagnostic::{Diagnostic, Diagnostics, Location};
use crate::source::SourceFile;
use crate::yaml::Spans;
use base64::Engine as _;
use image::{ImageFormat, ImageReader};
use std::io::Cursor;
use std::path::{Component, Path, PathBuf};

/// A logo file larger than this is refused: a logo needs a few hundred kilobytes at most.
pub const MAX_BYTES: u64 = 2 * 1024 * 1024;
/// Pixels a side beyond which a logo is refused without decoding it.
pub const MAX_SIDE: u32 = 4000;
/// The logo is made this many pixels a side at most: it is printed some 4 cm wide on A3,
/// about 300 dpi there.
pub const SHOWN_SIDE: u32 = 512;

/// `logo:` as written in desa.yaml.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogoRef {
    pub reference: String,
    /// The file it is written in: `content/desa.yaml`.
    pub file: PathBuf,
    pub location: Option<Location>,
    /// The line of desa.yaml, for the message.
    pub line: Option<String>,
}

/// A logo ready for the board.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Logo {
    pub png: Vec<u8>,
    pub width: u32,
    pub height: u32,
}

impl Logo {
    pub fn data_url(&self) -> String {
        format!(
            "data:image/png;base64,{}",
            base64::engine::general_purpose::STANDARD.encode(&self.png)
        )
    }
}

/// The `logo:` of desa.yaml, with where it is written.
pub fn reference(src: &SourceFile, spans: &Spans, value: Option<String>) -> Option<LogoRef> {
    let reference = crate::yaml::text(value)?;
    let location = spans.get("logo");
    Some(LogoRef {
        reference,
        file: src.path.clone(),
        location,
        line: location.and_then(|l| src.line(l.line)).map(str::to_owned),
    })
}

const HINT: &str = "simpan logo desa sebagai PNG (sebaiknya berlatar transparan) atau JPEG di folder content/, misalnya content/foto/logo-desa.png, lalu tulis `logo: foto/logo-desa.png`";

fn problem(r: &LogoRef, message: String, hint: &str) -> Diagnostic {
    Diagnostic::error(&r.file, message)
        .at(r.location)
        .snippet(r.line.as_deref())
        .hint(hint)
}

/// The village's logo, when desa.yaml names one; a logo that cannot be used is an error
/// at its line. Called by the load stage: nothing after it reads the file.
pub fn read(root: &Path, r: Option<&LogoRef>, diags: &mut Diagnostics) -> Option<Logo> {
    load(root, r?).map_err(|d| diags.push(d)).ok()
}

/// Reads, checks and normalises the logo.
pub fn load(root: &Path, r: &LogoRef) -> Result<Logo, Diagnostic> {
    let name = &r.reference;
    let rel = Path::new(name);
    let outside = name.contains("://")
        || rel.is_absolute()
        || rel
            .components()
            .any(|c| !matches!(c, Component::Normal(_) | Component::CurDir));
    if outside {
        return Err(problem(
            r,
            format!("logo `{name}` harus berupa berkas di dalam folder content/"),
            HINT,
        ));
    }
    let relative = Path::new("content").join(rel);
    let meta = std::fs::metadata(root.join(&relative)).map_err(|_| {
        problem(
            r,
            format!("logo `{name}` tidak ditemukan di content/{name}"),
            "periksa ejaan nama berkasnya (huruf besar dan kecil dibedakan) dan foldernya",
        )
    })?;
    if meta.len() > MAX_BYTES {
        return Err(problem(
            r,
            format!(
                "logo `{name}` terlalu besar ({} KB; batasnya {} KB)",
                meta.len().div_ceil(1024),
                MAX_BYTES / 1024
            ),
            "perkecil logonya, misalnya menjadi 1000 piksel lebarnya, lalu simpan ulang sebagai PNG",
        ));
    }
    let bytes = crate::source::read_bytes(root, &relative, MAX_BYTES).map_err(|d| {
        problem(
            r,
            format!("logo `{name}` tidak dapat dibaca: {}", d.message),
            HINT,
        )
    })?;
    decode(r, &bytes)
}

/// Checks the picture's real format and size from its header, then makes the small PNG.
fn decode(r: &LogoRef, bytes: &[u8]) -> Result<Logo, Diagnostic> {
    let name = &r.reference;
    let not_picture = || {
        problem(
            r,
            format!("logo `{name}` bukan gambar PNG, JPEG atau WebP"),
            HINT,
        )
    };
    let reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|_| not_picture())?;
    if !matches!(
        reader.format(),
        Some(ImageFormat::Png | ImageFormat::Jpeg | ImageFormat::WebP)
    ) {
        return Err(not_picture());
    }
    let (w, h) = reader.into_dimensions().map_err(|_| not_picture())?;
    if w > MAX_SIDE || h > MAX_SIDE {
        return Err(problem(
            r,
            format!(
                "logo `{name}` berukuran {w} × {h} piksel; batasnya {MAX_SIDE} piksel per sisi"
            ),
            "perkecil logonya, misalnya menjadi 1000 piksel lebarnya, lalu simpan ulang sebagai PNG",
        ));
    }
    let decoded = image::load_from_memory(bytes).map_err(|_| not_picture())?;
    let small = if w > SHOWN_SIDE || h > SHOWN_SIDE {
        decoded.resize(
            SHOWN_SIDE,
            SHOWN_SIDE,
            image::imageops::FilterType::Lanczos3,
        )
    } else {
        decoded
    };
    let rgba = small.to_rgba8();
    let mut png = Vec::new();
    rgba.write_to(&mut Cursor::new(&mut png), ImageFormat::Png)
        .map_err(|_| not_picture())?;
    Ok(Logo {
        png,
        width: rgba.width(),
        height: rgba.height(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn logo_ref(name: &str) -> LogoRef {
        LogoRef {
            reference: name.to_owned(),
            file: PathBuf::from("content/desa.yaml"),
            location: Some(Location::new(7, 7)),
            line: Some(format!("logo: {name}")),
        }
    }

    fn site_with(name: &str, bytes: &[u8]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("content").join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
        dir
    }

    fn png(w: u32, h: u32) -> Vec<u8> {
        let img = image::RgbaImage::from_pixel(w, h, image::Rgba([200, 30, 30, 255]));
        let mut out = Vec::new();
        img.write_to(&mut Cursor::new(&mut out), ImageFormat::Png)
            .unwrap();
        out
    }

    #[test]
    fn a_logo_is_made_small_and_keeps_its_proportions() {
        let dir = site_with("foto/logo.png", &png(1024, 512));
        let logo = load(dir.path(), &logo_ref("foto/logo.png")).unwrap();
        assert_eq!((logo.width, logo.height), (512, 256));
        assert!(
            logo.data_url()
                .starts_with("data:image/png;base64,iVBORw0KGgo")
        );
        let small = site_with("logo.png", &png(100, 80));
        let logo = load(small.path(), &logo_ref("logo.png")).unwrap();
        assert_eq!((logo.width, logo.height), (100, 80));
    }

    #[test]
    fn bad_logos_are_errors_at_their_line() {
        let text = site_with("foto/logo.png", b"%PDF-1.7 bukan gambar");
        let d = load(text.path(), &logo_ref("foto/logo.png")).unwrap_err();
        assert_eq!(
            d.message,
            "logo `foto/logo.png` bukan gambar PNG, JPEG atau WebP"
        );
        assert_eq!(d.file, Path::new("content/desa.yaml"));
        assert_eq!(d.location, Some(Location::new(7, 7)));
        assert_eq!(d.snippet.as_deref(), Some("logo: foto/logo.png"));

        let big = site_with("logo.png", &vec![0u8; 2 * 1024 * 1024 + 1]);
        let d = load(big.path(), &logo_ref("logo.png")).unwrap_err();
        assert_eq!(
            d.message,
            "logo `logo.png` terlalu besar (2049 KB; batasnya 2048 KB)"
        );

        let wide = site_with("logo.png", &png(4001, 10));
        let d = load(wide.path(), &logo_ref("logo.png")).unwrap_err();
        assert_eq!(
            d.message,
            "logo `logo.png` berukuran 4001 × 10 piksel; batasnya 4000 piksel per sisi"
        );

        let d = load(wide.path(), &logo_ref("foto/tidak-ada.png")).unwrap_err();
        assert_eq!(
            d.message,
            "logo `foto/tidak-ada.png` tidak ditemukan di content/foto/tidak-ada.png"
        );
        let d = load(wide.path(), &logo_ref("../rahasia.png")).unwrap_err();
        assert_eq!(
            d.message,
            "logo `../rahasia.png` harus berupa berkas di dalam folder content/"
        );
    }
}
