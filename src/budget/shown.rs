//! A budget figure as residents read it, on the site and on the notice board alike.
//!
//! In: [`Amounts`]. Out: anggaran, realisasi, lebih/(kurang) and % in the site's Rupiah
//! notation. One formatting, so the board can never show a figure the page does not.

use super::Amounts;
use crate::money::{format_percent, rupiah};
use serde::Serialize;

/// Anggaran, realisasi, lebih/(kurang) and % of one figure, formatted.
#[derive(Debug, Clone, Serialize)]
pub struct AmountsView {
    pub anggaran: String,
    pub realisasi: Option<String>,
    pub selisih: Option<String>,
    pub persen: Option<String>,
    /// Realisasi above anggaran.
    pub lebih: bool,
}

impl AmountsView {
    pub fn new(a: &Amounts) -> Self {
        AmountsView {
            anggaran: rupiah(a.anggaran),
            realisasi: a.realisasi.map(rupiah),
            selisih: a.selisih().map(rupiah),
            persen: a.realisasi.map(|_| format_percent(a.percent())),
            lebih: a.realisasi.is_some_and(|r| r > a.anggaran),
        }
    }
}
