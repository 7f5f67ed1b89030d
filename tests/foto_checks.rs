//! What Papan says about photos: missing captions.

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
        ("content/foto/a.jpg", "x"),
        ("content/foto/b.jpg", "x"),
    ]);
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
    assert!(page.contains("alt=\"Sumur Bor\""), "{page}");
}
