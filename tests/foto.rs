//! Photos through the real binary: EXIF orientation applied and metadata gone, the cache
//! across builds, captions, share previews, and page weight.

#![allow(clippy::unwrap_used)]

mod common;
use common::*;
use std::collections::BTreeMap;
use std::path::Path;

fn build(site: &Path) -> std::process::Output {
    papan(&["build", site.to_str().unwrap()])
}

/// An EXIF block (`Exif\0\0` + big-endian TIFF) with orientation 6 ("turn 90° clockwise to
/// view") and a GPS position (7° 30' S), built by hand so the test needs no fixture file.
fn exif_orientation_6_with_gps() -> Vec<u8> {
    let mut t: Vec<u8> = b"MM\0\x2a\0\0\0\x08".to_vec();
    // IFD0 at 8: two entries, then the offset of the next IFD (none).
    t.extend([0, 2]);
    t.extend([0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0]); // Orientation, SHORT, 6
    t.extend([0x88, 0x25, 0, 4, 0, 0, 0, 1, 0, 0, 0, 38]); // GPS IFD at 38
    t.extend([0, 0, 0, 0]);
    // GPS IFD at 38: latitude ref "S" and latitude (3 rationals at 68).
    t.extend([0, 2]);
    t.extend([0, 1, 0, 2, 0, 0, 0, 2, b'S', 0, 0, 0]);
    t.extend([0, 2, 0, 5, 0, 0, 0, 3, 0, 0, 0, 68]);
    t.extend([0, 0, 0, 0]);
    for (num, den) in [(7u32, 1u32), (30, 1), (0, 1)] {
        t.extend(num.to_be_bytes());
        t.extend(den.to_be_bytes());
    }
    assert_eq!(t.len(), 68 + 24);
    let mut block = b"Exif\0\0".to_vec();
    block.extend(t);
    block
}

/// A JPEG stored `w`×`h` whose top-left quarter is red and the rest blue, carrying `exif`
/// in an APP1 segment right after the start marker.
fn jpeg_with_exif(w: u32, h: u32, exif: &[u8]) -> Vec<u8> {
    let img = image::RgbImage::from_fn(w, h, |x, y| {
        if x < w / 2 && y < h / 2 {
            image::Rgb([220, 20, 20])
        } else {
            image::Rgb([20, 20, 220])
        }
    });
    let mut plain = std::io::Cursor::new(Vec::new());
    img.write_to(&mut plain, image::ImageFormat::Jpeg).unwrap();
    let plain = plain.into_inner();
    let len = u16::try_from(exif.len() + 2).unwrap();
    let mut out = plain[..2].to_vec();
    out.extend([0xFF, 0xE1]);
    out.extend(len.to_be_bytes());
    out.extend(exif);
    out.extend(&plain[2..]);
    out
}

/// The metadata a file carries that could locate someone: EXIF (which holds GPS) or XMP,
/// found by walking JPEG segments or WebP chunks.
fn metadata_in(bytes: &[u8]) -> Vec<String> {
    let mut found = Vec::new();
    if bytes.starts_with(&[0xFF, 0xD8]) {
        let mut i = 2;
        while i + 4 <= bytes.len() && bytes[i] == 0xFF {
            let marker = bytes[i + 1];
            if marker == 0xDA {
                break; // image data follows
            }
            let len = usize::from(u16::from_be_bytes([bytes[i + 2], bytes[i + 3]]));
            let body = &bytes[i + 4..(i + 2 + len).min(bytes.len())];
            if marker == 0xE1 {
                found.push(format!("APP1 {:?}", &body[..body.len().min(6)]));
            }
            i += 2 + len;
        }
    } else if bytes.starts_with(b"RIFF") {
        let mut i = 12;
        while i + 8 <= bytes.len() {
            let id = String::from_utf8_lossy(&bytes[i..i + 4]).into_owned();
            let len = u32::from_le_bytes(bytes[i + 4..i + 8].try_into().unwrap()) as usize;
            if id == "EXIF" || id == "XMP " {
                found.push(id);
            }
            i += 8 + len + len % 2;
        }
    }
    if bytes.windows(6).any(|w| w == b"Exif\0\0") {
        found.push("Exif header".into());
    }
    found
}

#[test]
fn photos_are_turned_upright_and_lose_exif_and_gps() {
    let dir = site(&[
        ("content/desa.yaml", DESA),
        (
            "content/laporan/sumur.md",
            "---\njudul: Sumur Bor\ntanggal: 2025-03-01\nstatus: selesai\nfoto:\n  - berkas: foto/tegak.jpg\n    keterangan: Sumur bor yang sudah selesai\n---\nIsi.\n",
        ),
    ]);
    // Stored 1200×800 (landscape); orientation 6 shows it as 800×1200 (portrait).
    let source = jpeg_with_exif(1200, 800, &exif_orientation_6_with_gps());
    // The detector sees the EXIF block of the source, so it can see one in the output.
    assert!(!metadata_in(&source).is_empty());
    std::fs::create_dir_all(dir.path().join("content/foto")).unwrap();
    std::fs::write(dir.path().join("content/foto/tegak.jpg"), &source).unwrap();
    let out = build(dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let output = dir.path().join("output");
    let k = image_key(&source);
    // Shown 800 wide: 480 fits (480 × 1200/800 = 720 high), 960 and 1600 do not, so the
    // photo's own width is added; the share crop is 1200×630.
    let expected = [
        (format!("foto/tegak-{k}-480.jpg"), (480, 720)),
        (format!("foto/tegak-{k}-480.webp"), (480, 720)),
        (format!("foto/tegak-{k}-800.jpg"), (800, 1200)),
        (format!("foto/tegak-{k}-800.webp"), (800, 1200)),
        (format!("bagikan/tegak-{k}.jpg"), (1200, 630)),
    ];
    let images: Vec<String> = snapshot(&output)
        .into_keys()
        .filter(|p| p.starts_with("foto/") || p.starts_with("bagikan/tegak"))
        .collect();
    let mut names: Vec<&String> = expected.iter().map(|(p, _)| p).collect();
    names.sort();
    assert_eq!(images.iter().collect::<Vec<_>>(), names);
    for (path, size) in &expected {
        let bytes = std::fs::read(output.join(path)).unwrap();
        assert_eq!(metadata_in(&bytes), Vec::<String>::new(), "{path}");
        let img = image::load_from_memory(&bytes).unwrap().into_rgb8();
        assert_eq!(img.dimensions(), *size, "{path}");
        if path.starts_with("foto/") {
            // Turned 90° clockwise, the stored top-left (red) quarter is now top-right.
            let (w, h) = img.dimensions();
            let top_right = img.get_pixel(w * 3 / 4, h / 4);
            let top_left = img.get_pixel(w / 4, h / 4);
            assert!(
                top_right[0] > 150 && top_right[2] < 100,
                "{path}: {top_right:?}"
            );
            assert!(
                top_left[2] > 150 && top_left[0] < 100,
                "{path}: {top_left:?}"
            );
        }
    }
    // The page gives the shown (upright) size of the copy it names in src.
    let page = std::fs::read_to_string(output.join("laporan/sumur/index.html")).unwrap();
    assert!(page.contains(&format!(
        "<img src=\"../../foto/tegak-{k}-800.jpg\" srcset=\"../../foto/tegak-{k}-480.jpg 480w, ../../foto/tegak-{k}-800.jpg 800w\" sizes=\"(min-width: 62rem) 60rem, 100vw\" width=\"800\" height=\"1200\" alt=\"Sumur bor yang sudah selesai\" loading=\"eager\" decoding=\"async\">"
    )), "{page}");
    assert!(
        !output.join("foto/tegak.jpg").exists(),
        "the original is not published"
    );
}

/// The image files of an output folder, by path.
fn images(output: &Path) -> BTreeMap<String, Vec<u8>> {
    snapshot(output)
        .into_iter()
        .filter(|(p, _)| p.starts_with("foto/") || p.starts_with("bagikan/"))
        .collect()
}

#[test]
fn the_second_build_takes_every_image_from_the_cache() {
    let dir = sample_site_cold();
    // Every one of the 27 files in content/foto is used by some page; the cards are one
    // per budget year (2023, 2024, 2025) plus the site's own: 4.
    let photos = std::fs::read_dir(dir.path().join("content/foto"))
        .unwrap()
        .count();
    assert_eq!(photos, 27);
    let first = build(dir.path());
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    assert!(
        stdout(&first).contains(
            "Gambar: 0 foto dari cache, 27 diproses; 0 gambar pratinjau dari cache, 4 dibuat; 0 baliho dari cache, 3 dibuat."
        ),
        "{}",
        stdout(&first)
    );
    let cold = images(&dir.path().join("output"));
    let cache = dir.path().join(".papan-cache");
    assert!(cache.is_dir());
    std::fs::write(cache.join("catatan-saya.txt"), "bukan milik Papan").unwrap();
    let second = build(dir.path());
    assert_eq!(second.status.code(), Some(0), "{}", stderr(&second));
    assert!(
        stdout(&second).contains(
            "Gambar: 27 foto dari cache, 0 diproses; 4 gambar pratinjau dari cache, 0 dibuat; 3 baliho dari cache, 0 dibuat."
        ),
        "{}",
        stdout(&second)
    );
    assert_eq!(images(&dir.path().join("output")), cold);

    // A photo no page uses any more leaves the cache after the next build; files Papan
    // did not make stay.
    let k = sample_key("foto/posyandu-pmt.jpg");
    assert!(cache.join(format!("{k}-960.jpg")).is_file());
    let report = dir
        .path()
        .join("content/laporan/2025-posyandu-pmt-semester-1.md");
    let text = std::fs::read_to_string(&report).unwrap();
    std::fs::write(
        &report,
        text.replace("foto/posyandu-pmt.jpg", "foto/balai-desa.jpg"),
    )
    .unwrap();
    let third = build(dir.path());
    assert_eq!(third.status.code(), Some(0), "{}", stderr(&third));
    assert!(!cache.join(format!("{k}-960.jpg")).exists());
    assert!(!cache.join(format!("{k}.ukuran")).exists());
    assert!(cache.join("catatan-saya.txt").is_file());
    // balai-desa.jpg now also needs a share crop: that one photo is decoded again.
    assert!(
        stdout(&third).contains("Gambar: 25 foto dari cache, 1 diproses;"),
        "{}",
        stdout(&third)
    );
}

#[test]
fn images_are_the_same_bytes_in_two_cold_builds() {
    let (a, b) = (sample_site_cold(), sample_site_cold());
    for d in [&a, &b] {
        let out = build(d.path());
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    }
    let (ia, ib) = (
        images(&a.path().join("output")),
        images(&b.path().join("output")),
    );
    assert!(ia.len() > 100);
    assert!(
        ia == ib,
        "image bytes differ between two builds from scratch"
    );
}

#[test]
fn check_reads_photo_sizes_without_writing_a_cache() {
    let dir = sample_site_cold();
    let out = papan(&["check", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(!dir.path().join(".papan-cache").exists());
    assert!(!dir.path().join("output").exists());
}

#[test]
fn sample_builds_without_warnings() {
    let dir = sample_site_cold();
    let out = build(dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(!stderr(&out).contains("peringatan"), "{}", stderr(&out));
}
