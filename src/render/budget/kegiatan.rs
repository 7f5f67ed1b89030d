//! Budget ↔ reports on the budget year page: an id on every kegiatan row, links from a row
//! to its reports, the kegiatan without a report, and the kegiatan with no realisasi.
//!
//! In: a computed year (which kegiatan are in which list) and the links to its reports by
//! kegiatan code. Out: what the table rows and the two lists below the tables show; all
//! figures formatted here.

use crate::budget::{Budget, Node, Tahap};
use crate::code::Code;
use crate::compute::Year;
use crate::date::long_date;
use crate::paths;
use crate::render::view::{AmountsView, LinkView};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

/// The kegiatan rows of one budget and the reports on each.
pub struct KegiatanLinks {
    /// Belanja node index → its kegiatan code, for kegiatan rows only.
    rows: HashMap<usize, Code>,
    reports: BTreeMap<Code, Vec<LinkView>>,
}

impl KegiatanLinks {
    pub fn new(budget: &Budget, reports: BTreeMap<Code, Vec<LinkView>>) -> Self {
        KegiatanLinks {
            rows: budget
                .kegiatan
                .iter()
                .map(|(code, &i)| (i, code.clone()))
                .collect(),
            reports,
        }
    }

    /// The id and report links of belanja row `i` (none for rows that are not kegiatan).
    pub fn row(&self, i: usize) -> (Option<String>, Vec<LinkView>) {
        match self.rows.get(&i) {
            Some(code) => (
                Some(paths::kegiatan_anchor(code)),
                self.reports.get(code).cloned().unwrap_or_default(),
            ),
            None => (None, Vec::new()),
        }
    }
}

/// A kegiatan in one of the lists under the tables.
#[derive(Debug, Clone, Serialize)]
pub struct KegiatanItem {
    pub kode: String,
    pub uraian: String,
    /// `#kegiatan-02-03-10`: its row in the table above.
    pub href: String,
    #[serde(flatten)]
    pub amounts: AmountsView,
    pub keterangan: Option<String>,
    pub laporan: Vec<LinkView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ZeroList {
    pub judul: String,
    pub pengantar: String,
    pub items: Vec<KegiatanItem>,
}

#[derive(Debug, Clone, Serialize)]
pub struct KegiatanLists {
    pub tanpa_laporan: Vec<KegiatanItem>,
    /// Only when the document reports realisasi.
    pub tanpa_realisasi: Option<ZeroList>,
    /// Emergency money not needed: good news, shown as such.
    pub tak_terduga_utuh: Vec<KegiatanItem>,
}

fn item(budget: &Budget, node: &Node, code: &Code, links: &KegiatanLinks) -> KegiatanItem {
    // A kegiatan made of rincian carries its notes on the rincian rows.
    let keterangan = node.keterangan.clone().or_else(|| {
        node.children
            .iter()
            .find_map(|&c| budget.belanja.nodes[c].keterangan.clone())
    });
    KegiatanItem {
        kode: code.to_string(),
        uraian: node.uraian.clone(),
        href: format!("#{}", paths::kegiatan_anchor(code)),
        amounts: AmountsView::new(&node.amounts),
        keterangan,
        laporan: links.reports.get(code).cloned().unwrap_or_default(),
    }
}

pub fn lists(year: &Year, links: &KegiatanLinks) -> KegiatanLists {
    let budget = year.budget;
    let items = |codes: &[&Code]| -> Vec<KegiatanItem> {
        codes
            .iter()
            .map(|&code| {
                item(
                    budget,
                    &budget.belanja.nodes[budget.kegiatan[code]],
                    code,
                    links,
                )
            })
            .collect()
    };
    KegiatanLists {
        tanpa_laporan: items(&year.tanpa_laporan),
        tanpa_realisasi: year
            .tanpa_realisasi
            .as_deref()
            .map(|codes| zero_list(budget, items(codes))),
        tak_terduga_utuh: items(&year.tak_terduga_utuh),
    }
}

/// At the end of the year a kegiatan with no realisasi was not carried out; in a
/// mid-year report it may simply not have started yet, and the heading says so.
pub fn zero_list(budget: &Budget, items: Vec<KegiatanItem>) -> ZeroList {
    match (budget.tahap, budget.per_tanggal) {
        (Tahap::Realisasi, _) => ZeroList {
            judul: "Kegiatan dengan realisasi Rp 0 (tidak terlaksana)".into(),
            pengantar: "Kegiatan ini dianggarkan, tetapi sampai akhir tahun anggaran tidak ada uang yang dibelanjakan untuknya.".into(),
            items,
        },
        (_, per) => {
            let per = per.map(|d| format!(" per {}", long_date(d))).unwrap_or_default();
            ZeroList {
                judul: format!("Kegiatan dengan realisasi Rp 0{per} (belum terlaksana)"),
                pengantar: "Sampai tanggal laporan belum ada uang yang dibelanjakan untuk kegiatan ini. Sebagian memang dijadwalkan pada bulan-bulan berikutnya; lihat keterangannya.".into(),
                items,
            }
        }
    }
}
