//! The home page: the village, the latest budget year's headline figures, links to
//! everything.

use super::budget::view::{self as budget, FigureView};
use crate::compute::Model;
use crate::paths;
use crate::render::renderer::Renderer;
use serde::Serialize;

#[derive(Serialize)]
struct Latest {
    tahun: i32,
    tahap: &'static str,
    per_tanggal: Option<String>,
    href: String,
    ringkasan: Vec<FigureView>,
}

/// A link on the home page's "Jelajahi" list.
#[derive(Serialize)]
struct Link {
    label: String,
    href: String,
}

/// A recent report on the home page.
#[derive(Serialize)]
struct RecentReport {
    judul: String,
    href: String,
    tanggal: String,
    status: &'static str,
}

#[derive(Serialize)]
struct HomeExtra {
    terbaru: Option<Latest>,
    tautan: Vec<Link>,
    produk: Option<super::product::HomeSection>,
    laporan: Vec<RecentReport>,
    laporan_href: String,
}

/// How many reports the home page shows.
const RECENT_REPORTS: usize = 3;

pub fn render(r: &mut Renderer, model: &Model) {
    let site = model.site;
    let nama = r.site.nama_lengkap.clone();
    let page = r.page_view(
        paths::HOME,
        "Beranda",
        format!("Situs transparansi {nama}: APBDes, laporan kegiatan dan produk desa."),
    );
    let terbaru = model.latest().map(|y| Latest {
        tahun: y.budget.tahun,
        tahap: y.budget.tahap.describe(),
        per_tanggal: y.budget.per_tanggal.map(crate::date::long_date),
        href: page.link(&paths::budget_year(y.budget.tahun)),
        ringkasan: budget::ringkasan(&y.summary),
    });
    let mut tautan = Vec::new();
    if !site.budgets.is_empty() {
        tautan.push(Link {
            label: "Anggaran desa (APBDes) dari tahun ke tahun".into(),
            href: page.link(paths::BUDGETS),
        });
    }
    let produk = super::product::home_section(r, &page, site);
    if let Some(p) = &produk {
        tautan.push(Link {
            label: "Produk UMKM desa: pesan langsung lewat WhatsApp".into(),
            href: p.href.clone(),
        });
    }
    let laporan = site
        .reports
        .iter()
        .take(RECENT_REPORTS)
        .map(|rep| RecentReport {
            judul: rep.judul.clone(),
            href: page.link(&rep.path()),
            tanggal: crate::date::long_date(rep.tanggal),
            status: rep.status.label(),
        })
        .collect();
    let laporan_href = page.link(paths::REPORTS);
    r.page(
        "index.html",
        &page,
        HomeExtra {
            terbaru,
            tautan,
            produk,
            laporan,
            laporan_href,
        },
    );
}
