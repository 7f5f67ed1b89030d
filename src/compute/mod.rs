//! The compute stage: what the pages show, worked out once from the loaded site.
//!
//! In: a loaded [`Site`]. Out: a [`Model`]: the site and, per budget year, its totals and
//! breakdowns ([`Summary`]) and the kegiatan that need a reader's attention
//! ([`kegiatan`]); the reports of every kegiatan. The render stage only formats what is
//! here: it adds nothing up and decides no rule.

pub mod flow;
pub mod kegiatan;

use crate::budget::Budget;
use crate::budget::summary::{Summary, summarize};
use crate::code::Code;
use crate::report::Report;
use crate::site::Site;
use std::collections::BTreeMap;

/// Reports by (tahun anggaran, kegiatan code), newest first.
pub type ByKegiatan<'s> = BTreeMap<(i32, Code), Vec<&'s Report>>;

/// The loaded site with everything computed from it.
pub struct Model<'s> {
    pub site: &'s Site,
    /// One per budget year, oldest first (as `site.budgets`).
    pub years: Vec<Year<'s>>,
    pub by_kegiatan: ByKegiatan<'s>,
}

/// A budget year with its figures.
pub struct Year<'s> {
    pub budget: &'s Budget,
    pub summary: Summary,
    /// Kegiatan no report is about, in code order.
    pub tanpa_laporan: Vec<&'s Code>,
    /// Kegiatan with anggaran but no realisasi, in code order; None when the document
    /// reports no realisasi.
    pub tanpa_realisasi: Option<Vec<&'s Code>>,
    /// Emergency kegiatan whose money was not needed (realisasi Rp 0 in bidang 05).
    pub tak_terduga_utuh: Vec<&'s Code>,
    /// Belanja from sumber dana to bidang; None when no row names its sumber dana.
    pub flow: Option<flow::Flow>,
}

pub fn compute(site: &Site) -> Model<'_> {
    let by_kegiatan = by_kegiatan(&site.reports);
    let years = site
        .budgets
        .iter()
        .map(|budget| {
            let summary = summarize(budget, site.desa.jumlah_penduduk);
            Year {
                budget,
                flow: flow::flow(budget, &summary),
                summary,
                tanpa_laporan: kegiatan::tanpa_laporan(budget, |k| {
                    by_kegiatan.contains_key(&(budget.tahun, k.clone()))
                }),
                tanpa_realisasi: kegiatan::tanpa_realisasi(budget),
                tak_terduga_utuh: kegiatan::tak_terduga_utuh(budget),
            }
        })
        .collect();
    Model {
        site,
        years,
        by_kegiatan,
    }
}

/// Every report under each kegiatan it names, in the order of `reports`.
fn by_kegiatan(reports: &[Report]) -> ByKegiatan<'_> {
    let mut out = ByKegiatan::new();
    for report in reports {
        let Some(tahun) = report.tahun_anggaran else {
            continue;
        };
        for kode in &report.kegiatan {
            out.entry((tahun, kode.clone())).or_default().push(report);
        }
    }
    out
}

impl<'s> Model<'s> {
    /// The newest budget year with figures: a year not filled in yet (every amount empty,
    /// as `papan new` writes it) is not the village's headline.
    pub fn latest(&self) -> Option<&Year<'s>> {
        self.years.iter().rev().find(|y| !y.budget.is_blank())
    }

    pub fn year(&self, tahun: i32) -> Option<&Year<'s>> {
        self.years.iter().find(|y| y.budget.tahun == tahun)
    }

    /// The budget and the belanja row of a kegiatan, when that year has it.
    pub fn kegiatan(&self, tahun: i32, kode: &Code) -> Option<(&'s Budget, usize)> {
        let budget = self.year(tahun)?.budget;
        budget.kegiatan.get(kode).map(|&i| (budget, i))
    }

    /// The reports on a kegiatan, newest first.
    pub fn reports_of(&self, tahun: i32, kode: &Code) -> &[&'s Report] {
        self.by_kegiatan
            .get(&(tahun, kode.clone()))
            .map_or(&[], Vec::as_slice)
    }

    /// A bidang's name from the newest budget that has it.
    pub fn bidang_name(&self, bidang: &str) -> String {
        self.years
            .iter()
            .rev()
            .find_map(|y| crate::budget::kegiatan::bidang_name(y.budget, bidang))
            .unwrap_or_else(|| format!("Bidang {bidang}"))
    }
}
