//! What Papan says about photos: missing captions, broken files, very large files; and how
//! small a phone-sized photo becomes.

#![allow(clippy::unwrap_used)]

mod common;
use common::*;

#[test]
fn a_photo_without_a_caption_is_a_warning_at_its_line() {
    let dir = site(&[
        ("content/desa.yaml", DESA),
        (
            "content/laporan/sumur.md",
            "---\njudul: Sumur Bor\ntanggal: 2025-03-01\nstatus: selesai\nfoto:\n  - foto/a.jpg\n  - berkas: foto/b.jpg\n---\nIsi.\n",
        ),
        (
            "content/produk/kopi.yaml",
            "nama: Kopi\nkategori: minuman\nharga: 10000\nwhatsapp: 0812-0000-0001\nfoto: foto/a.jpg\n",
        ),
        (
            "content/umkm/kub.yaml",
            "nama: KUB Maju\nfoto: { berkas: foto/b.jpg, keterangan: \"  \" }\n",
        ),
    ]);
    put_jpeg(dir.path(), "content/foto/a.jpg", 40, 30);
    put_jpeg(dir.path(), "content/foto/b.jpg", 40, 30);
    let out = papan(&["build", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    let warning = |photo: &str, at: &str| {
        format!(
            "peringatan: foto `{photo}` tidak punya keterangan; keterangan dipakai sebagai teks alternatif bagi pembaca layar\n  --> {at}\n"
        )
    };
    // Lines counted in the texts above: the list items of the report are lines 6 and 7
    // (the value after `- ` at column 5, after `berkas: ` at column 13); the product's
    // `foto:` value is line 5 column 7; the producer's `berkas:` value line 2 column 17.
    for (photo, at) in [
        ("foto/a.jpg", "content/laporan/sumur.md:6:5"),
        ("foto/b.jpg", "content/laporan/sumur.md:7:13"),
        ("foto/a.jpg", "content/produk/kopi.yaml:5:7"),
        ("foto/b.jpg", "content/umkm/kub.yaml:2:17"),
    ] {
        assert!(err.contains(&warning(photo, at)), "{at}\n{err}");
    }
    assert!(err.contains("= saran: tulis fotonya sebagai `{ berkas: foto/a.jpg, keterangan: … }` dan ceritakan singkat apa yang tampak di foto"), "{err}");
    // Without a caption the report's title stands in as alt text.
    let page = std::fs::read_to_string(dir.path().join("output/laporan/sumur/index.html")).unwrap();
    assert!(
        page.contains("alt=\"Sumur Bor\" loading=\"eager\""),
        "{page}"
    );
}

#[test]
fn a_broken_photo_is_an_error_naming_the_file() {
    let dir = site(&[
        ("content/desa.yaml", DESA),
        (
            "content/laporan/sumur.md",
            "---\njudul: Sumur\ntanggal: 2025-03-01\nstatus: selesai\nfoto:\n  - berkas: foto/rusak.jpg\n    keterangan: Sumur\n---\nIsi.\n",
        ),
        ("content/foto/rusak.jpg", "ini bukan foto"),
    ]);
    for command in ["check", "build"] {
        let out = papan(&[command, dir.path().to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(1), "{command}");
        assert!(stderr(&out).contains(
            "kesalahan: foto `foto/rusak.jpg` rusak atau bukan JPEG, PNG atau WebP yang utuh\n  --> content/foto/rusak.jpg\n"
        ), "{}", stderr(&out));
    }
    assert!(!dir.path().join("output").exists());
}

#[test]
fn check_warns_about_photos_over_10_mb() {
    let dir = site(&[
        ("content/desa.yaml", DESA),
        (
            "content/laporan/sumur.md",
            "---\njudul: Sumur\ntanggal: 2025-03-01\nstatus: selesai\nfoto:\n  - berkas: foto/besar.jpg\n    keterangan: Sumur\n---\nIsi.\n",
        ),
    ]);
    // A small JPEG followed by padding up to exactly 11 MiB: decoders stop at the end
    // marker, the file is as big as a phone photo. 11 × 1 048 576 bytes = "11,0 MB".
    let mut bytes = jpeg(64, 48);
    bytes.resize(11 * 1024 * 1024, 0);
    std::fs::create_dir_all(dir.path().join("content/foto")).unwrap();
    std::fs::write(dir.path().join("content/foto/besar.jpg"), bytes).unwrap();
    let out = papan(&["check", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains(
            "peringatan: foto berukuran 11,0 MB (lebih dari 10 MB)\n  --> content/foto/besar.jpg\n"
        ),
        "{}",
        stderr(&out)
    );
}

/// A 12-megapixel picture with what makes real photos hard to compress: smooth sky,
/// hard-edged shapes (houses, a road), fine texture (leaves) and sensor noise. A simple
/// generator keeps it the same on every run.
fn realistic_photo(width: u32, height: u32) -> image::RgbImage {
    let mut seed: u32 = 12345;
    let mut noise = move || {
        seed = seed.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
        i32::try_from(seed >> 28).unwrap() - 8
    };
    let horizon = height * 2 / 5;
    image::RgbImage::from_fn(width, height, |x, y| {
        let (xf, yf) = (x as f32, y as f32);
        let base: [f32; 3] = if y < horizon {
            let t = yf / horizon as f32;
            [90.0 + 80.0 * t, 140.0 + 60.0 * t, 220.0 - 20.0 * t]
        } else if (x / 400) % 3 == 1 && y < horizon + 700 {
            // Houses: flat walls with window rows.
            let window = (x % 400) > 120 && (x % 400) < 200 && (y % 160) < 70;
            if window {
                [40.0, 40.0, 50.0]
            } else {
                [200.0, 170.0, 140.0]
            }
        } else if (xf - 0.6 * yf - 900.0).abs() < 300.0 {
            [120.0, 120.0, 115.0] // the road
        } else {
            // Leaves: texture a few pixels across.
            let leaf =
                ((xf * 0.35).sin() * (yf * 0.27).cos() + (xf * 0.05 + yf * 0.03).sin()) * 30.0;
            [60.0 + leaf, 120.0 + leaf * 1.2, 50.0 + leaf * 0.5]
        };
        let n = noise() as f32;
        image::Rgb(base.map(|c| (c + n).clamp(0.0, 255.0) as u8))
    })
}

#[test]
fn a_12_megapixel_photo_shown_at_960_pixels_weighs_at_most_150_kb() {
    let dir = site(&[
        ("content/desa.yaml", DESA),
        (
            "content/laporan/jalan.md",
            "---\njudul: Jalan\ntanggal: 2025-03-01\nstatus: selesai\nfoto:\n  - berkas: foto/jalan.jpg\n    keterangan: Jalan desa\n---\nIsi.\n",
        ),
    ]);
    // 4000 × 3000 = 12 megapixels, saved the way phones do (JPEG quality 90).
    let photo = realistic_photo(4000, 3000);
    let mut source = std::io::Cursor::new(Vec::new());
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut source, 90)
        .encode_image(&photo)
        .unwrap();
    let source = source.into_inner();
    assert!(
        source.len() > 2_000_000,
        "a phone-like source: {} bytes",
        source.len()
    );
    std::fs::create_dir_all(dir.path().join("content/foto")).unwrap();
    std::fs::write(dir.path().join("content/foto/jalan.jpg"), &source).unwrap();
    let out = papan(&["build", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let k = image_key(&source);
    let foto = dir.path().join("output/foto");
    for ext in ["jpg", "webp"] {
        let size = std::fs::metadata(foto.join(format!("jalan-{k}-960.{ext}")))
            .unwrap()
            .len();
        assert!(size <= 150 * 1024, "960-pixel {ext}: {size} bytes");
    }
    let big = std::fs::metadata(foto.join(format!("jalan-{k}-1600.jpg")))
        .unwrap()
        .len();
    assert!(big < 400 * 1024, "1600-pixel jpg: {big} bytes");
}
