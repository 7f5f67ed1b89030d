//! Budget pages: `/anggaran/` (every year and the multi-year chart) and
//! `/anggaran/TAHUN/` (headline figures, charts, the full table, downloads).

use super::budget;
use super::{Computed, OutputFile, Renderer};
use crate::site::Site;
use serde::Serialize;

#[derive(Serialize)]
struct ListExtra {
    tahun: Vec<budget::YearRow>,
    tren: Option<budget::ChartView>,
}

#[derive(Serialize)]
struct YearExtra {
    anggaran: budget::YearView,
    daftar_href: String,
    baliho: super::baliho::BalihoLinks,
}

pub fn render(r: &mut Renderer, site: &Site, computed: &Computed) {
    if site.budgets.is_empty() {
        return;
    }
    let nama = r.site.nama_lengkap.clone();
    let list = r.page_view(
        "anggaran/index.html",
        "Anggaran Desa (APBDes)",
        format!("APBDes {nama} dari tahun ke tahun: pendapatan, belanja dan realisasinya."),
    );
    let pairs: Vec<_> = site.budgets.iter().zip(&computed.summaries).collect();
    let tren = budget::trend(&pairs).map(|(view, svg)| {
        r.file(OutputFile::new("anggaran/tren.svg", svg.text));
        view
    });
    let tahun = pairs
        .iter()
        .rev()
        .map(|(b, s)| {
            budget::year_row(b, s, list.link(&format!("anggaran/{}/index.html", b.tahun)))
        })
        .collect();
    r.page("anggaran/index.html", &list, ListExtra { tahun, tren });

    let boards = super::baliho::Boards::new(r, site);
    for (b, s) in &pairs {
        let path = format!("anggaran/{}/index.html", b.tahun);
        let t = &s.totals;
        let mut page = r.page_view(
            &path,
            format!("APBDes {}", b.tahun),
            format!(
                "APBDes {nama} tahun {}: pendapatan {}, belanja {}.",
                b.tahun,
                crate::money::rupiah(t.pendapatan.anggaran),
                crate::money::rupiah(t.belanja.anggaran)
            ),
        );
        // The board's headline is the page's share preview.
        let baliho = boards.year(r, &mut page, b, s);
        let reports = super::report::links_by_kegiatan(&page, &computed.by_kegiatan, b.tahun);
        let (anggaran, files) = budget::year(b, s, site.desa.jumlah_penduduk, reports);
        for f in files {
            r.file(f);
        }
        let daftar_href = page.link("anggaran/index.html");
        r.page(
            "anggaran/tahun.html",
            &page,
            YearExtra {
                anggaran,
                daftar_href,
                baliho,
            },
        );
    }
}
