//! The catalog's defences through the real binary: hostile content never reaches the
//! output, broken files are all reported at once with file and line, pages stay light and
//! carry no inline script.

#![allow(clippy::unwrap_used)]

mod common;
use common::*;

const HOSTILE: &str = r#"
  Renyah. <script>alert('xss')</script>
  <img src=x onerror="alert(1)"> <svg onload=alert(3)></svg>
  [klik](javascript:alert(1)) [klik lagi](JaVaScRiPt:alert(2))
  <iframe src="https://jahat.example/"></iframe>
  <a href="data:text/html;base64,PHNjcmlwdD4=">data</a>
  <style>body{display:none}</style> <form action="https://jahat.example/"><input type="text"></form>
  </script><script>alert(4)</script>

  ![dari luar](https://jahat.example/pelacak.png)
"#;

#[test]
fn hostile_descriptions_never_reach_the_output() {
    let produk = format!(
        "nama: \"Keripik <script>alert(5)</script>\"\numkm: jahat\nkategori: makanan-olahan\nharga: 15000\nsatuan: \"<b onmouseover=alert(6)>bungkus</b>\"\nfoto:\n  - {{ berkas: foto/k.jpg, keterangan: \"\\\"><script>alert(7)</script>\" }}\ndeskripsi: |\n{HOSTILE}"
    );
    let umkm = format!(
        "nama: \"KUB <img src=x onerror=alert(8)>\"\nwhatsapp: 0812-0000-0001\nalamat: \"<script>alert(9)</script>\"\ndeskripsi: |\n{HOSTILE}"
    );
    let dir = site(&[
        ("content/desa.yaml", DESA),
        ("content/produk/keripik.yaml", &produk),
        ("content/umkm/jahat.yaml", &umkm),
    ]);
    put_jpeg(dir.path(), "content/foto/k.jpg", 40, 30);
    let out = papan(&["build", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // The outside image is left out, with a warning naming the file.
    assert!(stderr(&out).contains("peringatan: gambar di deskripsi tidak ditampilkan: foto `https://jahat.example/pelacak.png` berupa alamat web"), "{}", stderr(&out));
    let output = dir.path().join("output");
    for (page, scripts) in [
        ("produk/keripik/index.html", 1),
        ("produk/index.html", 1),
        ("produk/kategori/makanan-olahan/index.html", 1),
        ("umkm/jahat/index.html", 0),
        ("index.html", 0),
    ] {
        let html = std::fs::read_to_string(output.join(page)).unwrap();
        // The JSON-LD holds names as JSON strings (inert, with `<` escaped): checked below.
        let markup = match html.split_once("<script type=\"application/ld+json\">") {
            Some((before, after)) => {
                format!("{before}{}", after.split_once("</script>").unwrap().1)
            }
            None => html.clone(),
        };
        // Escaped text (`&lt;img onerror…`) is inert; no tag may carry anything active.
        assert!(!markup.to_lowercase().contains("jahat.example"), "{page}");
        for tag in markup.split('<').skip(1) {
            let tag = tag.split('>').next().unwrap().to_lowercase();
            // Attribute values are escaped text; what matters is outside the quotes.
            let outside: String = tag.split('"').step_by(2).collect();
            for bad in [" on", "iframe", "style", "form", "svg", "input", "b "] {
                assert!(
                    !outside.contains(bad),
                    "{page}: `{bad}` survived in <{tag}>"
                );
            }
            let values = [tag.split("href=\"").skip(1), tag.split("src=\"").skip(1)];
            for rest in values.into_iter().flatten() {
                let value = rest.split('"').next().unwrap();
                assert!(
                    value.starts_with("http") || value.starts_with("../") || !value.contains(':'),
                    "{page}: <{tag}>"
                );
            }
            assert!(
                !tag.starts_with("script") || tag.starts_with("script src=\""),
                "{page}: <{tag}>"
            );
        }
        // Only the theme's own scripts: the JSON-LD data block or the external filter script.
        assert_eq!(html.matches("<script").count(), scripts, "{page}");
        for tag in html.split("<script").skip(1) {
            assert!(
                tag.starts_with(" type=\"application/ld+json\">") || tag.starts_with(" src=\""),
                "{page}: inline script {}",
                &tag[..40.min(tag.len())]
            );
        }
        if page.contains("keripik/") || page.contains("umkm/") {
            assert!(html.contains("Renyah."), "{page}: the harmless text stays");
        }
    }
    let product = std::fs::read_to_string(output.join("produk/keripik/index.html")).unwrap();
    assert!(
        product.contains("<h1>Keripik &lt;script&gt;alert(5)&lt;&#x2F;script&gt;</h1>")
            || product.contains("<h1>Keripik &lt;script&gt;alert(5)&lt;/script&gt;</h1>"),
        "{product}"
    );
    // In the JSON-LD the name is intact once parsed, and cannot close the element.
    let ld = product
        .split("<script type=\"application/ld+json\">")
        .nth(1)
        .unwrap()
        .split("</script>")
        .next()
        .unwrap();
    assert!(!ld.contains('<'));
    let v: serde_json::Value = serde_json::from_str(ld).unwrap();
    assert_eq!(v["name"], "Keripik <script>alert(5)</script>");
}

#[test]
fn every_catalog_problem_is_reported_at_once_with_file_and_line() {
    let dir = site(&[
        ("content/desa.yaml", DESA),
        (
            "content/umkm/kub-srikandi.yaml",
            "nama: KUB Srikandi\njenis: kub\nwhatsapp: 0812-0000-0001\n",
        ),
        (
            "content/produk/a.yaml",
            "nama: Keripik\numkm: kub-srikandy\nkategori: makanan-olahan\nharga: -15000\n",
        ),
        (
            "content/produk/b.yaml",
            "nama: Emping\numkm: kub-srikandi\nkategori: makanan\n",
        ),
        (
            "content/produk/c.yaml",
            "nama: Tampah\nkategori: kerajinan\nharga: 30000\nwhatsapp: 021-555-1234\nfoto: [foto/tampah.jpg]\n",
        ),
    ]);
    let out = papan(&["check", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    // Lines and columns counted by hand in the files above (columns start at 1).
    let expected = [
        "kesalahan: UMKM `kub-srikandy` tidak ditemukan: tidak ada berkas content/umkm/kub-srikandy.yaml\n  --> content/produk/a.yaml:2:7\n   |\n 2 | umkm: kub-srikandy\n   |       ^\n   = UMKM yang ada: `kub-srikandi`\n   = saran: maksud Anda `kub-srikandi`?\n",
        "kesalahan: harga `-15000` negatif\n  --> content/produk/a.yaml:4:8\n",
        "kesalahan: kunci `harga` wajib diisi tetapi tidak ada\n  --> content/produk/b.yaml\n   = saran: tambahkan baris `harga: 15000`\n",
        "kesalahan: kategori `makanan` tidak dikenal\n  --> content/produk/b.yaml:3:11\n",
        "= saran: pilih salah satu kategori yang ada, atau tambahkan kategori baru di content/desa.yaml: `kategori_produk: [{ kode: makanan, nama: … }]`\n",
        "kesalahan: nomor WhatsApp `021-555-1234` tidak sah: bukan nomor HP (nomor HP Indonesia diawali 08)\n  --> content/produk/c.yaml:4:11\n",
        "kesalahan: foto `foto/tampah.jpg` tidak ditemukan di content/foto/tampah.jpg\n  --> content/produk/c.yaml:5:8\n",
    ];
    for block in expected {
        assert!(err.contains(block), "missing\n{block}\nin\n{err}");
    }
    assert!(err.contains("Ditemukan 6 kesalahan."), "{err}");
    assert!(!dir.path().join("output").exists());
}

#[test]
fn catalog_pages_stay_light_and_the_script_is_small() {
    let dir = sample_site();
    let out = papan(&["build", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let output = dir.path().join("output");
    let css = std::fs::metadata(output.join("assets/style.css"))
        .unwrap()
        .len();
    let js = std::fs::metadata(output.join("assets/katalog.js"))
        .unwrap()
        .len();
    assert!(js < 5 * 1024, "katalog.js is {js} bytes");
    let mut pages = 0;
    for (path, bytes) in snapshot(&output) {
        let in_catalog = path.starts_with("produk/") || path.starts_with("umkm/");
        if !(in_catalog && path.ends_with(".html")) && path != "index.html" {
            continue;
        }
        let html = String::from_utf8(bytes).unwrap();
        let script = if html.contains("assets/katalog.js") {
            js
        } else {
            0
        };
        let total = html.len() as u64 + css + script;
        assert!(
            total < 50 * 1024,
            "{path}: {total} bytes with CSS and script"
        );
        pages += 1;
    }
    // 1 grid + 8 categories + 14 products + 5 producers + home.
    assert_eq!(pages, 29);
}
