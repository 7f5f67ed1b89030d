//! The budget year page's notice board: its three files, its links and its share preview.
//!
//! In: the [`Renderer`], the year's page and its computed [`Year`]. Out: `anggaran/TAHUN/
//! baliho.svg` added at once; its PNG and PDF queued with the images (made after every
//! page by the images stage, or taken from the cache); the headline of the board as the
//! page's share preview; and the [`BalihoLinks`] the year template shows, with a "Bagikan
//! ke WhatsApp" link. Nothing here reads a file: the logo was read by the load stage.

use crate::baliho::{job::Job, layout, view};
use crate::compute::{Model, Year};
use crate::money::rupiah;
use crate::output::OutputFile;
use crate::paths;
use crate::render::renderer::Renderer;
use crate::render::view::PageView;
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use serde::Serialize;

/// Characters a WhatsApp message keeps as they are in the link.
const MESSAGE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// What the year page links to, relative to the page.
#[derive(Debug, Clone, Serialize)]
pub struct BalihoLinks {
    pub pdf: String,
    pub png: String,
    pub svg: String,
    /// `https://wa.me/?text=…`: the headline figures and, with base_url, the page address.
    pub whatsapp: String,
}

/// The board of one year; sets the page's share preview.
pub fn year(r: &mut Renderer, model: &Model, page: &mut PageView, year: &Year) -> BalihoLinks {
    let tahun = year.budget.tahun;
    let village = view::Village {
        nama_lengkap: &r.site.nama_lengkap,
        wilayah: &r.site.wilayah,
        alamat_pengaduan: r.site.alamat_pengaduan.as_deref(),
        alamat_halaman: page.canonical.as_deref(),
        contoh: r.site.contoh,
    };
    let board = view::build(year, village, model.site.logo.clone());
    let svg = layout::svg(&board);
    let title = format!("APBDes {tahun} {}", r.site.nama_lengkap);
    r.file(OutputFile::new(
        paths::budget_file(tahun, "baliho.svg"),
        svg.clone(),
    ));
    r.baliho(Job::new(paths::budget_dir(tahun), title.clone(), svg));
    let t = &year.summary.totals;
    let alt = format!(
        "{title}: pendapatan {}, belanja {}",
        rupiah(t.pendapatan.anggaran),
        rupiah(t.belanja.anggaran)
    );
    r.share_card(
        page,
        &format!("apbdes-{tahun}"),
        layout::headline(&board),
        alt.clone(),
    );
    let text = match &page.canonical {
        Some(address) => format!("{alt}. Rincian dan baliho: {address}"),
        None => format!("{alt}."),
    };
    BalihoLinks {
        pdf: "baliho.pdf".to_owned(),
        png: "baliho.png".to_owned(),
        svg: "baliho.svg".to_owned(),
        whatsapp: format!(
            "https://wa.me/?text={}",
            utf8_percent_encode(&text, MESSAGE)
        ),
    }
}
