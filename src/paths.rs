//! Every address of the output, and every anchor in it, in one place.
//!
//! In: the names the content gives (a year, a slug, a kegiatan code, a photo's hash). Out:
//! paths from the site root with `/` separators (`anggaran/2025/index.html`). Pages are
//! addressed as `…/index.html` because a browser opening the site from disk does not add
//! it; [`pretty`] gives the address hosts serve. The render stage links pages with these,
//! the image stage names its files with them, and nothing else spells an address.

use crate::code::Code;

/// The home page.
pub const HOME: &str = "index.html";
/// What hosts show for an address that does not exist.
pub const NOT_FOUND: &str = "404.html";
pub const SITEMAP: &str = "sitemap.xml";
pub const ROBOTS: &str = "robots.txt";

/// Every budget year.
pub const BUDGETS: &str = "anggaran/index.html";
/// The multi-year chart on [`BUDGETS`], and its name beside that page.
pub const BUDGET_TREND: &str = "anggaran/tren.svg";
pub const TREND_SVG: &str = "tren.svg";

/// Every report, newest first: the first page of the listing at [`REPORTS_BASE`].
pub const REPORTS: &str = "laporan/index.html";
pub const REPORTS_BASE: &str = "laporan/";
/// The Atom feed of reports.
pub const FEED: &str = "laporan/atom.xml";

/// Every product.
pub const PRODUCTS: &str = "produk/index.html";
/// The catalog's filter and sort script.
pub const CATALOG_SCRIPT: &str = "assets/katalog.js";

/// A budget year's folder: `anggaran/2025`.
pub fn budget_dir(tahun: i32) -> String {
    format!("anggaran/{tahun}")
}

/// A budget year's page.
pub fn budget_year(tahun: i32) -> String {
    format!("{}/index.html", budget_dir(tahun))
}

/// A file of a budget year (a chart, a download): `anggaran/2025/belanja-bidang.svg`.
pub fn budget_file(tahun: i32, name: &str) -> String {
    format!("{}/{name}", budget_dir(tahun))
}

/// The notice board of a year, beside its page: the source, the picture for WhatsApp and
/// the PDF to print.
pub const BALIHO_SVG: &str = "baliho.svg";
pub const BALIHO_PNG: &str = "baliho.png";
pub const BALIHO_PDF: &str = "baliho.pdf";

/// The year's flow picture (sumber dana → bidang), beside its page.
pub const FLOW_SVG: &str = "alir.svg";

/// The year's CSV download, named so it keeps its year once saved: `apbdes-2025.csv`.
pub fn budget_csv(tahun: i32) -> String {
    format!("apbdes-{tahun}.csv")
}

/// The year's JSON download.
pub fn budget_json(tahun: i32) -> String {
    format!("apbdes-{tahun}.json")
}

/// The HTML id of a kegiatan row on the budget year page: `kegiatan-02-03-10`.
pub fn kegiatan_anchor(kode: &Code) -> String {
    format!("kegiatan-{}", kode.as_str().replace('.', "-"))
}

/// A kegiatan's row on its budget year page.
pub fn kegiatan_row(tahun: i32, kode: &Code) -> String {
    format!("{}#{}", budget_year(tahun), kegiatan_anchor(kode))
}

/// A report's page.
pub fn report(slug: &str) -> String {
    format!("laporan/{slug}/index.html")
}

/// The folder of a report listing by year: `laporan/tahun/2025/`.
pub fn reports_by_year(year: i16) -> String {
    format!("laporan/tahun/{year}/")
}

/// By bidang, the first segment of the kegiatan codes: `laporan/bidang/02/`.
pub fn reports_by_bidang(bidang: &str) -> String {
    format!("laporan/bidang/{bidang}/")
}

/// By status: `laporan/status/selesai/`.
pub fn reports_by_status(status: &str) -> String {
    format!("laporan/status/{status}/")
}

/// One kegiatan's reports: `laporan/kegiatan/2025-02-03-10/`.
pub fn reports_by_kegiatan(tahun: i32, kode: &Code) -> String {
    format!(
        "laporan/kegiatan/{tahun}-{}/",
        kode.as_str().replace('.', "-")
    )
}

/// Page `n` of a listing whose folder is `base`; the first page is the folder's index.
pub fn listing_page(base: &str, n: usize) -> String {
    if n <= 1 {
        format!("{base}index.html")
    } else {
        format!("{base}halaman/{n}/index.html")
    }
}

/// A product's page.
pub fn product(stem: &str) -> String {
    format!("produk/{stem}/index.html")
}

/// The products of one category.
pub fn product_category(kode: &str) -> String {
    format!("produk/kategori/{kode}/index.html")
}

/// A producer's page.
pub fn producer(stem: &str) -> String {
    format!("umkm/{stem}/index.html")
}

/// A free page.
pub fn page(slug: &str) -> String {
    format!("halaman/{slug}/index.html")
}

/// One copy of a photo: `foto/jalan-0123456789-960.jpg`, where the key is the hash of the
/// photo and of the settings it was made with.
pub fn photo(stem: &str, key: &str, width: u32, extension: &str) -> String {
    format!("foto/{stem}-{key}-{width}.{extension}")
}

/// A photo cropped as a page's share preview.
pub fn share_photo(stem: &str, key: &str) -> String {
    format!("bagikan/{stem}-{key}.jpg")
}

/// A share preview drawn by Papan: `bagikan/apbdes-2025-0123456789.png`.
pub fn share_card(name: &str, key: &str) -> String {
    format!("bagikan/{name}-{key}.png")
}

/// `../../` for `anggaran/2025/index.html`: the way back to the site root.
pub fn root_of(path: &str) -> String {
    "../".repeat(path.matches('/').count())
}

/// The address without `index.html`, as hosts serve it (`anggaran/2025/`).
pub fn pretty(path: &str) -> &str {
    path.strip_suffix("index.html").unwrap_or(path)
}

/// `path` under `base` written with `/` on every system (`content/foto/a.jpg`), so names
/// compare and read the same on Windows; the whole path when it is not under `base`.
pub fn relative(base: &std::path::Path, path: &std::path::Path) -> String {
    path.strip_prefix(base)
        .unwrap_or(path)
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_of_a_year_and_its_kegiatan() {
        let kode = Code::parse("02.03.10").unwrap();
        assert_eq!(budget_year(2025), "anggaran/2025/index.html");
        assert_eq!(
            kegiatan_row(2025, &kode),
            "anggaran/2025/index.html#kegiatan-02-03-10"
        );
        assert_eq!(
            reports_by_kegiatan(2025, &kode),
            "laporan/kegiatan/2025-02-03-10/"
        );
        assert_eq!(pretty(&budget_year(2025)), "anggaran/2025/");
        assert_eq!(root_of(&budget_year(2025)), "../../");
        assert_eq!(root_of(HOME), "");
    }

    #[test]
    fn listings_number_their_pages_after_the_first() {
        assert_eq!(listing_page(REPORTS_BASE, 1), REPORTS);
        assert_eq!(
            listing_page(&reports_by_year(2025), 3),
            "laporan/tahun/2025/halaman/3/index.html"
        );
    }
}
