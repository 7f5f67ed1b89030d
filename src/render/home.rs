//! The home page: the village, the latest budget year's headline figures, links to
//! everything.

use super::budget::{self, FigureView};
use super::{Computed, Renderer};
use crate::site::Site;
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

#[derive(Serialize)]
struct HomeExtra {
    terbaru: Option<Latest>,
    tautan: Vec<Link>,
    produk: Option<super::produk::HomeSection>,
}

pub fn render(r: &mut Renderer, site: &Site, computed: &Computed) {
    let nama = r.site.nama_lengkap.clone();
    let page = r.page_view(
        "index.html",
        "Beranda",
        format!("Situs transparansi {nama}: APBDes, laporan kegiatan dan produk desa."),
    );
    let terbaru = site
        .latest_budget()
        .zip(computed.summaries.last())
        .map(|(b, s)| Latest {
            tahun: b.tahun,
            tahap: b.tahap.describe(),
            per_tanggal: b.per_tanggal.map(crate::date::long_date),
            href: page.link(&format!("anggaran/{}/index.html", b.tahun)),
            ringkasan: budget::ringkasan(s),
        });
    let mut tautan = Vec::new();
    if !site.budgets.is_empty() {
        tautan.push(Link {
            label: "Anggaran desa (APBDes) dari tahun ke tahun".into(),
            href: page.link("anggaran/index.html"),
        });
    }
    let produk = super::produk::home_section(r, &page, site);
    if let Some(p) = &produk {
        tautan.push(Link {
            label: "Produk UMKM desa: pesan langsung lewat WhatsApp".into(),
            href: p.href.clone(),
        });
    }
    r.page(
        "index.html",
        &page,
        HomeExtra {
            terbaru,
            tautan,
            produk,
        },
    );
}
