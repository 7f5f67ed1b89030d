//! Tests of product files: every problem, with its exact message, file and line.

use super::category::Categories;
use super::model::{Context, Producer, Product, Tautan};
use super::*;
use crate::diagnostic::{Diagnostic, Severity};
use rust_decimal::Decimal;

const FILE: &str = "content/produk/keripik-balado.yaml";

fn producer(stem: &str, whatsapp: Option<&str>, refused: bool) -> Producer {
    Producer {
        stem: stem.into(),
        source: format!("content/umkm/{stem}.yaml").into(),
        nama: "KUB Srikandi".into(),
        jenis: None,
        dusun: None,
        whatsapp: whatsapp.map(str::to_owned),
        whatsapp_refused: refused,
        alamat: None,
        deskripsi: None,
        foto: None,
    }
}

/// A site folder with one photo, `content/foto/keripik.jpg`.
fn site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("content/foto")).unwrap();
    std::fs::write(dir.path().join("content/foto/keripik.jpg"), b"x").unwrap();
    dir
}

fn parse_with(text: &str, producers: &[Producer]) -> (Option<Product>, Diagnostics) {
    let dir = site();
    let categories = Categories::default();
    let producers: BTreeMap<String, Producer> = producers
        .iter()
        .map(|p| (p.stem.clone(), p.clone()))
        .collect();
    let cx = Context {
        root: dir.path(),
        categories: &categories,
        producers: &producers,
    };
    let mut diags = Diagnostics::new();
    let p = item::parse(
        &cx,
        &SourceFile::new(FILE, text),
        "keripik-balado",
        &mut diags,
    );
    (p, diags)
}

fn parse(text: &str) -> (Option<Product>, Diagnostics) {
    parse_with(
        text,
        &[producer("kub-srikandi", Some("6281200000001"), false)],
    )
}

/// (message, line) of every diagnostic, in order.
fn problems(diags: &Diagnostics) -> Vec<(String, Option<usize>)> {
    diags
        .iter()
        .map(|d| (d.message.clone(), d.location.map(|l| l.line)))
        .collect()
}

#[test]
fn reads_a_complete_product_with_the_producers_number() {
    let (p, diags) = parse(
        "nama: Keripik Singkong Balado\numkm: kub-srikandi\nkategori: makanan-olahan\nharga: Rp 15000\nsatuan: bungkus 250 g\nfoto:\n  - { berkas: foto/keripik.jpg, keterangan: Keripik }\n  - { berkas: foto/keripik.jpg, keterangan: Kemasan }\nizin: { pirt: \"P-IRT 000\", halal: \"ID000\" }\ntautan: { shopee: \"https://shopee.co.id/x\", tiktok: \"http://tiktok.com/@x\" }\ndeskripsi: Renyah.\n",
    );
    assert!(diags.is_empty(), "{}", diags.report());
    let p = p.unwrap();
    assert_eq!(p.harga, Decimal::from(15000));
    assert_eq!(p.whatsapp.as_deref(), Some("6281200000001"));
    assert_eq!(p.umkm.as_deref(), Some("kub-srikandi"));
    assert!(p.tersedia);
    assert_eq!(p.foto.len(), 2);
    assert_eq!(p.foto[1].keterangan.as_deref(), Some("Kemasan"));
    assert_eq!(p.izin.pirt.as_deref(), Some("P-IRT 000"));
    assert_eq!(
        p.tautan[1],
        Tautan {
            kunci: "tiktok",
            label: "TikTok Shop",
            url: "http://tiktok.com/@x".into()
        }
    );
}

#[test]
fn own_number_wins_and_sold_out_is_kept() {
    let (p, diags) = parse(
        "nama: Tepung Mocaf\numkm: kub-srikandi\nkategori: bahan-pangan\nharga: 12000\nwhatsapp: +62 812-0000-0009\ntersedia: false\n",
    );
    assert!(diags.is_empty(), "{}", diags.report());
    let p = p.unwrap();
    assert_eq!(p.whatsapp.as_deref(), Some("6281200000009"));
    assert!(!p.tersedia);
}

#[test]
fn every_problem_in_a_file_is_reported_at_its_line() {
    let text = "\
nama: Keripik Singkong Balado
umkm: kub-srikandy
kategori: makanan-olahn
harga: -15000
whatsapp: 0812-3456-78AB
foto: [foto/keripik.jpg, foto/tidak-ada.jpg]
tautan:
  shopee: javascript:alert(1)
";
    let (p, diags) = parse(text);
    assert!(p.is_none());
    assert_eq!(
        problems(&diags),
        [
            (
                "UMKM `kub-srikandy` tidak ditemukan: tidak ada berkas content/umkm/kub-srikandy.yaml".to_owned(),
                Some(2)
            ),
            ("kategori `makanan-olahn` tidak dikenal".to_owned(), Some(3)),
            ("harga `-15000` negatif".to_owned(), Some(4)),
            (
                "nomor WhatsApp `0812-3456-78AB` tidak sah: mengandung `A`".to_owned(),
                Some(5)
            ),
            (
                "foto `foto/keripik.jpg` tidak punya keterangan; keterangan dipakai sebagai teks alternatif bagi pembaca layar".to_owned(),
                Some(6)
            ),
            (
                "foto `foto/tidak-ada.jpg` tidak ditemukan di content/foto/tidak-ada.jpg".to_owned(),
                Some(6)
            ),
            (
                "tautan Shopee `javascript:alert(1)` bukan alamat web lengkap".to_owned(),
                Some(8)
            ),
        ]
    );
    assert!(diags.iter().all(|d| d.file == Path::new(FILE)));
    let d: Vec<&Diagnostic> = diags.iter().collect();
    assert_eq!(d[0].hint.as_deref(), Some("maksud Anda `kub-srikandi`?"));
    assert_eq!(d[0].notes, ["UMKM yang ada: `kub-srikandi`"]);
    assert_eq!(d[1].hint.as_deref(), Some("maksud Anda `makanan-olahan`?"));
    assert!(d[1].notes[0].starts_with("kategori yang ada: `makanan-olahan`, `minuman`, "));
    assert_eq!(d[4].location.map(|l| l.column), Some(8));
    assert_eq!(d[5].location.map(|l| l.column), Some(26));
    assert_eq!(
        d[2].to_string(),
        "kesalahan: harga `-15000` negatif\n  --> content/produk/keripik-balado.yaml:4:8\n   |\n 4 | harga: -15000\n   |        ^\n   = saran: anggaran, realisasi dan harga tidak boleh negatif; tulis angkanya tanpa tanda minus\n"
    );
}

#[test]
fn missing_zero_and_ambiguous_prices() {
    let (_, diags) = parse("nama: A\nkategori: jasa\nwhatsapp: 0812-0000-0001\n");
    assert_eq!(
        problems(&diags),
        [(
            "kunci `harga` wajib diisi tetapi tidak ada".to_owned(),
            None
        )]
    );
    assert_eq!(
        diags.iter().next().unwrap().hint.as_deref(),
        Some("tambahkan baris `harga: 15000`")
    );
    // Written but empty: the key's line is known.
    let (_, diags) = parse("nama: A\nkategori: jasa\nharga:\nwhatsapp: 0812-0000-0001\n");
    assert_eq!(
        problems(&diags),
        [(
            "kunci `harga` wajib diisi tetapi tidak ada".to_owned(),
            Some(3)
        )]
    );
    for (harga, message) in [
        ("0", "harga `0` harus lebih dari nol"),
        ("Rp 0,00", "harga `Rp 0,00` harus lebih dari nol"),
        ("1.50.000", "penulisan harga `1.50.000` tidak sah"),
        ("15rb", "harga `15rb` mengandung `r`"),
    ] {
        let (_, diags) = parse(&format!(
            "nama: A\nkategori: jasa\nharga: {harga}\nwhatsapp: 0812-0000-0001\n"
        ));
        assert_eq!(problems(&diags), [(message.to_owned(), Some(3))], "{harga}");
    }
    // A price has no sen: `15.000` is Rp 15.000, as is `Rp 15.000`.
    for harga in ["15.000", "Rp 15.000", "15000"] {
        let (product, diags) = parse(&format!(
            "nama: A\nkategori: jasa\nharga: {harga}\nwhatsapp: 0812-0000-0001\n"
        ));
        assert!(diags.is_empty(), "{harga}: {}", diags.report());
        assert_eq!(product.unwrap().harga, rust_decimal::Decimal::from(15_000));
    }
}

#[test]
fn a_number_is_required_unless_the_producer_has_one() {
    let (_, diags) = parse_with(
        "nama: A\numkm: pak-darto\nkategori: kerajinan\nharga: 35000\n",
        &[producer("pak-darto", None, false)],
    );
    assert_eq!(
        problems(&diags),
        [(
            "produk ini belum punya nomor WhatsApp untuk pemesanan".to_owned(),
            None
        )]
    );
    assert_eq!(
        diags.iter().next().unwrap().hint.as_deref(),
        Some(
            "tambahkan `whatsapp: \"0812-…\"` di berkas ini, atau di content/umkm/pak-darto.yaml agar dipakai semua produk KUB Srikandi"
        )
    );
    // The producer's own number was refused: that is already reported in its file.
    let (p, diags) = parse_with(
        "nama: A\numkm: pak-darto\nkategori: kerajinan\nharga: 35000\n",
        &[producer("pak-darto", None, true)],
    );
    assert!(diags.is_empty(), "{}", diags.report());
    assert_eq!(p.unwrap().whatsapp, None);
}

#[test]
fn unknown_keys_and_missing_names() {
    let (_, diags) = parse("nama: A\nkategori: jasa\nharga: 5000\nharg: 1\n");
    let d = diags.iter().next().unwrap();
    assert_eq!(d.message, "kunci `harg` tidak dikenal");
    assert_eq!(d.hint.as_deref(), Some("maksud Anda `harga`?"));
    let (_, diags) = parse("kategori: jasa\nharga: 5000\nwhatsapp: 0812-0000-0001\n");
    assert_eq!(
        problems(&diags),
        [("kunci `nama` wajib diisi tetapi tidak ada".to_owned(), None)]
    );
    let (_, diags) = parse("nama: A\nharga: 5000\nwhatsapp: 0812-0000-0001\n");
    assert_eq!(
        problems(&diags),
        [(
            "kunci `kategori` wajib diisi tetapi tidak ada".to_owned(),
            None
        )]
    );
    let (_, diags) = parse(
        "nama: A\nkategori: jasa\nharga: 5000\nwhatsapp: 0812-0000-0001\ntautan: { lazada: \"https://x\" }\n",
    );
    assert_eq!(
        diags.iter().next().unwrap().message,
        "kunci `lazada` tidak dikenal"
    );
}

#[test]
fn load_reads_producers_first() {
    let dir = site();
    let write = |path: &str, text: &str| {
        let full = dir.path().join(path);
        std::fs::create_dir_all(full.parent().unwrap()).unwrap();
        std::fs::write(full, text).unwrap();
    };
    write(
        "content/umkm/kub-srikandi.yaml",
        "nama: KUB Srikandi\njenis: kub\nwhatsapp: 0812-0000-0001\n",
    );
    write(
        "content/produk/mocaf.yaml",
        "nama: Tepung Mocaf\numkm: kub-srikandi\nkategori: oleh-oleh\nharga: 12000\n",
    );
    write(
        "content/produk/Emping Jagung.yaml",
        "nama: Emping\nkategori: jasa\nharga: 1\n",
    );
    let desa = crate::desa::parse(
        &SourceFile::new(
            crate::desa::FILE,
            "nama: X\nkecamatan: X\nkabupaten: X\nprovinsi: X\nalamat_pengaduan: X\nkategori_produk:\n  - { kode: oleh-oleh, nama: Oleh-Oleh }\n",
        ),
        &mut Diagnostics::new(),
    )
    .unwrap();
    let mut diags = Diagnostics::new();
    let catalog = load(dir.path(), &desa.kategori_produk, &mut diags);
    assert_eq!(catalog.products.len(), 1);
    assert_eq!(catalog.products[0].kategori, "oleh-oleh");
    assert_eq!(catalog.products_of("kub-srikandi").count(), 1);
    let got: Vec<(Severity, String)> = diags
        .iter()
        .map(|d| (d.severity, d.message.clone()))
        .collect();
    assert_eq!(
        got,
        [(
            Severity::Error,
            "nama berkas `Emping Jagung.yaml` tidak dapat dipakai sebagai alamat halaman"
                .to_owned()
        ),]
    );
    assert_eq!(
        diags.iter().next().unwrap().hint.as_deref(),
        Some(
            "ganti namanya menjadi `emping-jagung.yaml`: huruf kecil, angka dan tanda -, tanpa spasi"
        )
    );
}
