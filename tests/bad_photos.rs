//! The bad-input corpus for photos: files of a few hundred bytes whose headers claim tens
//! of thousands of pixels per side (which would take gigabytes to decode), and files cut
//! off halfway through copying. Every case must end with exit code 1 and a message naming
//! the photo, in `check` as in `build`, under the corpus's memory and processor-time
//! limits (see tests/common/bad.rs). The images are made here, never committed.

#![allow(clippy::unwrap_used)]
#![cfg(unix)]

#[path = "common/bad.rs"]
#[allow(dead_code)]
mod bad;
mod common;

use bad::{Case, b, case, t};

const L: &str = "content/laporan/sumur.md";

fn report(photo: &str) -> String {
    format!(
        "---\njudul: Sumur\ntanggal: 2025-03-01\nstatus: selesai\nfoto:\n  - berkas: {photo}\n    keterangan: Sumur\n---\nIsi.\n"
    )
}

/// CRC-32 (ISO-HDLC, as PNG uses), bit by bit.
fn crc32(data: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &byte in data {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

fn chunk(kind: &[u8; 4], data: &[u8]) -> Vec<u8> {
    let mut out = u32::try_from(data.len()).unwrap().to_be_bytes().to_vec();
    let mut typed = kind.to_vec();
    typed.extend(data);
    out.extend(&typed);
    out.extend(crc32(&typed).to_be_bytes());
    out
}

/// A whole PNG file claiming `width`×`height` RGB pixels: a valid header, one small
/// compressed chunk, the end chunk.
fn huge_png(width: u32, height: u32) -> Vec<u8> {
    let mut ihdr = width.to_be_bytes().to_vec();
    ihdr.extend(height.to_be_bytes());
    // 8 bits, colour type 2 (RGB), deflate, adaptive filters, no interlace.
    ihdr.extend([8, 2, 0, 0, 0]);
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    out.extend(chunk(b"IHDR", &ihdr));
    // An empty zlib stream (stored, final, length 0), Adler-32 of nothing = 1.
    out.extend(chunk(
        b"IDAT",
        &[0x78, 0x01, 0x01, 0x00, 0x00, 0xFF, 0xFF, 0, 0, 0, 1],
    ));
    out.extend(chunk(b"IEND", &[]));
    out
}

/// A real 64×48 JPEG whose frame header is rewritten to claim `width`×`height`.
fn huge_jpeg(width: u16, height: u16) -> Vec<u8> {
    let mut bytes = common::jpeg(64, 48);
    let sof = bytes
        .windows(2)
        .position(|w| w == [0xFF, 0xC0])
        .expect("baseline frame header");
    // FF C0, length (2), precision (1), height (2), width (2).
    bytes[sof + 5..sof + 7].copy_from_slice(&height.to_be_bytes());
    bytes[sof + 7..sof + 9].copy_from_slice(&width.to_be_bytes());
    bytes
}

fn half(bytes: Vec<u8>) -> Vec<u8> {
    bytes[..bytes.len() / 2].to_vec()
}

fn png(width: u32, height: u32) -> Vec<u8> {
    let img = image::RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([
            (x * 7 % 256) as u8,
            (y * 3 % 256) as u8,
            ((x ^ y) % 256) as u8,
        ])
    });
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png).unwrap();
    out.into_inner()
}

fn photo_case(
    name: &'static str,
    photo: &'static str,
    bytes: Vec<u8>,
    message: &'static str,
) -> Case {
    case(
        name,
        vec![
            t(L, report(photo.trim_start_matches("content/"))),
            b(photo, bytes),
        ],
        photo,
        None,
        message,
    )
}

#[test]
fn photos_too_big_to_decode_or_cut_off_are_refused() {
    let cases = vec![
        photo_case(
            "png-60000",
            "content/foto/besar.png",
            huge_png(60000, 60000),
            "foto `foto/besar.png` terlalu besar untuk diolah: berukuran 60000×60000 piksel (3600 megapiksel); batasnya 20000 piksel per sisi dan 100 megapiksel",
        ),
        // 30000 × 30000 = 900 megapixels.
        photo_case(
            "png-30000",
            "content/foto/lebar.png",
            huge_png(30000, 30000),
            "berukuran 30000×30000 piksel (900 megapiksel)",
        ),
        // 65500 × 65500 = 4 290 250 000 pixels, 4291 megapixels rounded up.
        photo_case(
            "jpeg-65500",
            "content/foto/raksasa.jpg",
            huge_jpeg(65500, 65500),
            "foto `foto/raksasa.jpg` terlalu besar untuk diolah: berukuran 65500×65500 piksel (4291 megapiksel)",
        ),
        // Each side fits, the total does not: 15000 × 15000 = 225 megapixels.
        photo_case(
            "png-225-megapiksel",
            "content/foto/luas.png",
            huge_png(15000, 15000),
            "berukuran 15000×15000 piksel (225 megapiksel)",
        ),
        photo_case(
            "jpeg-terpotong",
            "content/foto/separuh.jpg",
            half(common::jpeg(640, 480)),
            "foto `foto/separuh.jpg` terpotong: berkasnya berakhir sebelum gambarnya selesai",
        ),
        photo_case(
            "png-terpotong",
            "content/foto/separuh.png",
            half(png(200, 150)),
            "foto `foto/separuh.png` terpotong",
        ),
    ];
    bad::assert_corpus(cases);
}

/// A screenshot of a long document, 1080×18000: its own width would make a WebP file
/// taller than the format's 16383 pixels, so its largest copy is 983×16383 (18000 ×
/// 983/1080 = 16383.3; at 984 it would be 16400).
#[test]
fn a_long_screenshot_builds_within_webp_limits() {
    let dir = common::site(&[
        ("content/desa.yaml", common::DESA),
        (L, &report("foto/layar.png")),
    ]);
    let bytes = png(1080, 18000);
    let key = common::image_key(&bytes);
    std::fs::create_dir_all(dir.path().join("content/foto")).unwrap();
    std::fs::write(dir.path().join("content/foto/layar.png"), &bytes).unwrap();
    let out = common::papan(&["build", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", common::stderr(&out));
    let foto = dir.path().join("output/foto");
    for (width, height) in [(480, 8000), (960, 16000), (983, 16383)] {
        for ext in ["webp", "jpg"] {
            let file = foto.join(format!("layar-{key}-{width}.{ext}"));
            let img = image::open(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
            assert_eq!(
                (img.width(), img.height()),
                (width, height),
                "{}",
                file.display()
            );
        }
    }
}
