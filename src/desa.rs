//! The village's identity and site settings: `content/desa.yaml`.
//!
//! In: the file's text. Out: a [`Desa`], or diagnostics for every field that is wrong.

use crate::diagnostic::Diagnostics;
use crate::money::parse_count;
use crate::product::category::{self, Category, KategoriDoc};
use crate::source::SourceFile;
use crate::yaml::{self, Spans};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Doc {
    nama: String,
    kecamatan: String,
    kabupaten: String,
    provinsi: String,
    kode_wilayah: Option<String>,
    kepala_desa: Option<String>,
    alamat: Option<String>,
    alamat_pengaduan: Option<String>,
    jumlah_penduduk: Option<String>,
    base_url: Option<String>,
    bahasa: Option<String>,
    tema: Option<String>,
    deskripsi: Option<String>,
    contoh: Option<bool>,
    kategori_produk: Option<Vec<KategoriDoc>>,
    logo: Option<String>,
}

/// A village and how its site is published.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Desa {
    pub nama: String,
    pub kecamatan: String,
    pub kabupaten: String,
    pub provinsi: String,
    pub kode_wilayah: Option<String>,
    pub kepala_desa: Option<String>,
    pub alamat: Option<String>,
    pub alamat_pengaduan: Option<String>,
    pub jumlah_penduduk: Option<u64>,
    /// Always ends with `/` when set.
    pub base_url: Option<String>,
    pub tema: String,
    pub deskripsi: Option<String>,
    /// The site shows invented example data and says so on every page.
    pub contoh: bool,
    /// Product categories added or renamed by the village (`kategori_produk`).
    pub kategori_produk: Vec<Category>,
    /// The village logo for the notice board, checked when the board is drawn.
    pub logo: Option<crate::logo::LogoRef>,
}

pub const FILE: &str = "content/desa.yaml";

/// An example value for a required key, for hints.
fn example(key: &str) -> &'static str {
    match key {
        "nama" => "Sukamaju",
        "kecamatan" => "Mertoyudan",
        "kabupaten" => "Magelang",
        _ => "Jawa Tengah",
    }
}

pub fn parse(src: &SourceFile, diags: &mut Diagnostics) -> Option<Desa> {
    let (doc, spans): (Doc, _) = yaml::read_with_spans(src, diags)?;
    let text = yaml::text;
    let mut required = |value: String, key: &str| {
        let value = value.trim().to_owned();
        if value.is_empty() {
            diags.push(
                src.error(spans.key(key), format!("`{key}` tidak boleh kosong"))
                    .hint(format!(
                        "tulis isinya setelah titik dua, misalnya `{key}: {}`",
                        example(key)
                    )),
            );
        }
        value
    };
    let nama = required(doc.nama, "nama");
    let kecamatan = required(doc.kecamatan, "kecamatan");
    let kabupaten = required(doc.kabupaten, "kabupaten");
    let provinsi = required(doc.provinsi, "provinsi");

    let jumlah_penduduk = text(doc.jumlah_penduduk).and_then(|t| penduduk(src, &spans, &t, diags));
    let base_url = text(doc.base_url).and_then(|u| base_url(src, &spans, &u, diags));
    if let Some(bahasa) = text(doc.bahasa)
        && bahasa != "id"
    {
        diags.push(
            src.error(
                spans.get("bahasa"),
                format!("bahasa `{bahasa}` belum didukung"),
            )
            .hint("saat ini hanya `bahasa: id` (Bahasa Indonesia)"),
        );
    }
    let tema = text(doc.tema).and_then(|t| tema(src, &spans, t, diags));
    let kategori_produk =
        category::check_own(src, &spans, doc.kategori_produk.unwrap_or_default(), diags);
    let alamat_pengaduan = text(doc.alamat_pengaduan);
    if alamat_pengaduan.is_none() {
        diags.push(
            src.warning(None, "`alamat_pengaduan` belum diisi")
                .hint("undang-undang mewajibkan alamat pengaduan dicantumkan bersama APBDes; tambahkan misalnya `alamat_pengaduan: \"Kantor Desa …, atau WhatsApp 08…\"`"),
        );
    }
    Some(Desa {
        nama,
        kecamatan,
        kabupaten,
        provinsi,
        kode_wilayah: text(doc.kode_wilayah),
        kepala_desa: text(doc.kepala_desa),
        alamat: text(doc.alamat),
        alamat_pengaduan,
        jumlah_penduduk,
        base_url,
        tema: tema.unwrap_or_else(|| "default".to_owned()),
        deskripsi: text(doc.deskripsi),
        contoh: doc.contoh.unwrap_or(false),
        kategori_produk,
        logo: crate::logo::reference(src, &spans, doc.logo),
    })
}

fn penduduk(src: &SourceFile, spans: &Spans, t: &str, diags: &mut Diagnostics) -> Option<u64> {
    match parse_count(t) {
        Some(n) if n > 0 => Some(n),
        _ => {
            diags.push(
                src.error(
                    spans.get("jumlah_penduduk"),
                    format!("jumlah_penduduk `{t}` bukan bilangan bulat positif"),
                )
                .hint("tulis jumlah jiwa, misalnya `jumlah_penduduk: 4312`"),
            );
            None
        }
    }
}

/// The site's address, normalised: whatever it holds is percent-encoded and inert where
/// it is used, and it ends with `/`.
fn base_url(src: &SourceFile, spans: &Spans, u: &str, diags: &mut Diagnostics) -> Option<String> {
    if let Some(web) = crate::html::web_url(u).filter(|w| !w.contains(['?', '#'])) {
        let parsed = url::Url::parse(&web).ok()?;
        if !parsed.username().is_empty() || parsed.password().is_some() {
            diags.push(
                src.error(spans.get("base_url"), "base_url berisi nama pengguna atau kata sandi")
                    .hint("hapus bagian `nama:sandi@`: alamat ini tercetak di setiap halaman, di tautan bagikan dan di kode QR baliho"),
            );
            return None;
        }
        if parsed.host().is_some_and(|h| not_public(&h)) {
            diags.push(
                src.warning(
                    spans.get("base_url"),
                    format!("base_url `{u}` adalah alamat komputer ini atau jaringan lokal; di ponsel warga tautan bagikan dan kode QR baliho tidak akan terbuka"),
                )
                .hint("tulis alamat situs yang sudah terbit, misalnya `base_url: https://sukamaju.desa.id/`, atau hapus baris ini sampai situsnya terbit"),
            );
        }
        return Some(if web.ends_with('/') {
            web
        } else {
            format!("{web}/")
        });
    }
    diags.push(
        src.error(spans.get("base_url"), format!("base_url `{u}` bukan alamat web yang lengkap"))
            .hint("tulis alamat lengkap dengan https://, tanpa `?` atau `#`, misalnya `base_url: https://sukamaju.desa.id/`, atau hapus baris ini"),
    );
    None
}

/// A host only this computer or its local network reaches: `localhost` (what `papan serve`
/// prints), loopback, private and link-local addresses, `.local` names.
fn not_public(host: &url::Host<&str>) -> bool {
    match host {
        url::Host::Domain(d) => {
            let d = d.trim_end_matches('.').to_ascii_lowercase();
            d == "localhost" || d.ends_with(".localhost") || d.ends_with(".local")
        }
        url::Host::Ipv4(ip) => {
            ip.is_loopback() || ip.is_private() || ip.is_link_local() || ip.is_unspecified()
        }
        url::Host::Ipv6(ip) => {
            ip.is_loopback()
                || ip.is_unspecified()
                || (ip.segments()[0] & 0xfe00) == 0xfc00
                || (ip.segments()[0] & 0xffc0) == 0xfe80
        }
    }
}

/// A theme is a folder of themes/: its name must be safe as one.
fn tema(src: &SourceFile, spans: &Spans, t: String, diags: &mut Diagnostics) -> Option<String> {
    let valid = t
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if valid {
        return Some(t);
    }
    diags.push(
        src.error(spans.get("tema"), format!("nama tema `{t}` tidak sah"))
            .hint("nama tema adalah nama sebuah folder di dalam themes/: hanya huruf, angka, `-` dan `_`, misalnya `tema: hijau-desa`"),
    );
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Severity;

    fn parse_text(text: &str) -> (Option<Desa>, Diagnostics) {
        let mut diags = Diagnostics::new();
        let desa = parse(&SourceFile::new(FILE, text), &mut diags);
        (desa, diags)
    }

    const MINIMAL: &str = "nama: Sukamaju\nkecamatan: Mertoyudan\nkabupaten: Magelang\nprovinsi: Jawa Tengah\nalamat_pengaduan: Kantor Desa\n";

    #[test]
    fn reads_a_minimal_village() {
        let (desa, diags) = parse_text(MINIMAL);
        assert!(diags.is_empty(), "{}", diags.report());
        let desa = desa.unwrap();
        assert_eq!(desa.nama, "Sukamaju");
        assert_eq!(desa.tema, "default");
        assert_eq!(desa.base_url, None);
    }

    #[test]
    fn normalises_base_url_and_population() {
        let (desa, diags) = parse_text(&format!(
            "{MINIMAL}base_url: https://sukamaju.desa.id\njumlah_penduduk: 4.312\n"
        ));
        assert!(diags.is_empty(), "{}", diags.report());
        let desa = desa.unwrap();
        assert_eq!(desa.base_url.as_deref(), Some("https://sukamaju.desa.id/"));
        assert_eq!(desa.jumlah_penduduk, Some(4312));
    }

    #[test]
    fn a_local_base_url_is_a_warning_and_one_with_a_password_an_error() {
        for local in [
            "http://127.0.0.1:1111/",
            "http://localhost:1111",
            "http://192.168.1.10/",
            "http://10.0.0.5/",
            "http://172.20.0.1/",
            "http://[::1]:1111/",
            "http://kantor-desa.local/",
        ] {
            let (desa, diags) = parse_text(&format!("{MINIMAL}base_url: {local}\n"));
            let said: Vec<(Severity, &str)> = diags
                .iter()
                .map(|d| (d.severity, d.message.as_str()))
                .collect();
            assert_eq!(
                said,
                [(Severity::Warning, format!("base_url `{local}` adalah alamat komputer ini atau jaringan lokal; di ponsel warga tautan bagikan dan kode QR baliho tidak akan terbuka").as_str())],
                "{local}"
            );
            assert_eq!(
                diags.iter().next().unwrap().location.map(|l| l.line),
                Some(6)
            );
            assert!(desa.unwrap().base_url.is_some(), "{local}");
        }
        for public in [
            "https://sukamaju.desa.id/",
            "http://172.32.0.1/",
            "https://8.8.8.8/",
        ] {
            let (_, diags) = parse_text(&format!("{MINIMAL}base_url: {public}\n"));
            assert!(diags.is_empty(), "{public}: {}", diags.report());
        }
        let (desa, diags) = parse_text(&format!(
            "{MINIMAL}base_url: https://admin:rahasia@sukamaju.desa.id/\n"
        ));
        let said: Vec<&str> = diags.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(said, ["base_url berisi nama pengguna atau kata sandi"]);
        assert!(diags.has_errors());
        assert_eq!(desa.and_then(|d| d.base_url), None);
    }

    #[test]
    fn reports_every_bad_field() {
        let (_, diags) = parse_text(&format!(
            "{MINIMAL}base_url: sukamaju.desa.id\njumlah_penduduk: -5\nbahasa: en\ntema: ../../etc\n"
        ));
        let messages: Vec<&str> = diags.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "jumlah_penduduk `-5` bukan bilangan bulat positif",
                "base_url `sukamaju.desa.id` bukan alamat web yang lengkap",
                "bahasa `en` belum didukung",
                "nama tema `../../etc` tidak sah",
            ]
        );
        assert!(diags.iter().all(|d| d.location.is_some()));
    }
}
