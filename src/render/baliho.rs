//! The budget year page's notice board: its three files, its links and its share preview.
//!
//! In: the [`Renderer`], the year's page, budget and summary. Out: `anggaran/TAHUN/
//! baliho.svg` added at once; its PNG and PDF queued with the images (made after every
//! page, or taken from the cache); the headline of the board as the page's share preview;
//! and the [`BalihoLinks`] the year template shows, with a "Bagikan ke WhatsApp" link.

use super::view::PageView;
use super::{OutputFile, Renderer};
use crate::baliho::logo::{self, Logo};
use crate::baliho::{job::Job, layout, view};
use crate::budget::Budget;
use crate::budget::summary::Summary;
use crate::money::rupiah;
use crate::site::Site;
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

/// The notice boards of a build: the logo, read and checked once.
pub struct Boards {
    logo: Option<Logo>,
}

impl Boards {
    /// Reads desa.yaml's `logo:`; a logo that cannot be used is an error at its line.
    pub fn new(r: &mut Renderer, site: &Site) -> Boards {
        let logo = site
            .desa
            .logo
            .as_ref()
            .and_then(|l| match logo::load(&site.root, l) {
                Ok(logo) => Some(logo),
                Err(d) => {
                    r.diagnostic(d);
                    None
                }
            });
        Boards { logo }
    }

    /// The board of one year; sets the page's share preview.
    pub fn year(
        &self,
        r: &mut Renderer,
        page: &mut PageView,
        b: &Budget,
        s: &Summary,
    ) -> BalihoLinks {
        let village = view::Village {
            nama_lengkap: &r.site.nama_lengkap,
            wilayah: &r.site.wilayah,
            alamat_pengaduan: r.site.alamat_pengaduan.as_deref(),
            alamat_halaman: page.canonical.as_deref(),
            contoh: r.site.contoh,
        };
        let board = view::build(b, s, village, self.logo.clone());
        let svg = layout::svg(&board);
        let dir = format!("anggaran/{}", b.tahun);
        let title = format!("APBDes {} {}", b.tahun, r.site.nama_lengkap);
        r.file(OutputFile::new(format!("{dir}/baliho.svg"), svg.clone()));
        r.images
            .balihos
            .insert(dir.clone(), Job::new(dir, title.clone(), svg));
        let t = &s.totals;
        let alt = format!(
            "{title}: pendapatan {}, belanja {}",
            rupiah(t.pendapatan.anggaran),
            rupiah(t.belanja.anggaran)
        );
        r.share_card(
            page,
            &format!("apbdes-{}", b.tahun),
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
}
