//! The budget table of a year page: every row of pendapatan, belanja and pembiayaan, in
//! code order, each group with the rows under it.
//!
//! In: a budget and the links of its kegiatan rows. Out: typed views, every amount
//! formatted; the figures are the tree's, computed when the budget was loaded.

use super::kegiatan::KegiatanLinks;
use crate::budget::{Amounts, Budget, NodeKind, Section, Tree};
use crate::money::rupiah;
use crate::render::view::{AmountsView, LinkView};
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct RowView {
    /// `kegiatan-02-03-10` on kegiatan rows, so reports can link to them.
    pub id: Option<String>,
    pub kode: String,
    pub uraian: String,
    /// `kelompok`, `baris` or `rincian`.
    pub jenis_baris: &'static str,
    /// Depth below the top row of its table part, for indentation.
    pub tingkat: usize,
    #[serde(flatten)]
    pub amounts: AmountsView,
    pub jenis: Option<String>,
    pub sumber_dana: Option<String>,
    pub lokasi: Option<String>,
    pub keterangan: Option<String>,
    /// Reports on this kegiatan.
    pub laporan: Vec<LinkView>,
    /// Where the official document's printed total differs from its rows (`selisih: dokumen`).
    pub selisih_dokumen: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct GroupView {
    pub head: RowView,
    /// The head row again, then every row under it.
    pub rows: Vec<RowView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TableView {
    pub id: String,
    pub judul: String,
    pub groups: Vec<GroupView>,
    pub total_label: String,
    pub total: AmountsView,
    /// Whether the first group starts open. Only the page's first table's does: the
    /// others show each group's total in its heading, and open on a tap.
    pub open_first: bool,
}

fn row_view(tree: &Tree, i: usize, depth: usize, links: Option<&KegiatanLinks>) -> RowView {
    let n = &tree.nodes[i];
    let (id, laporan) = links.map(|l| l.row(i)).unwrap_or_default();
    RowView {
        id,
        laporan,
        kode: n.kode.to_string(),
        uraian: n.uraian.clone(),
        jenis_baris: match n.kind {
            NodeKind::Group => "kelompok",
            NodeKind::Leaf => "baris",
            NodeKind::Rincian => "rincian",
        },
        tingkat: depth,
        amounts: AmountsView::new(&n.amounts),
        jenis: n.jenis.as_ref().map(|j| match n.jenis_uraian {
            Some(name) => format!("{j} {name}"),
            None => j.to_string(),
        }),
        sumber_dana: n.sumber_dana.map(|s| s.kode.to_owned()),
        lokasi: n.lokasi.clone(),
        keterangan: n.keterangan.clone(),
        selisih_dokumen: selisih_notes(tree, i),
    }
}

/// The note beside a figure the official document printed differently from its rows.
fn selisih_notes(tree: &Tree, i: usize) -> Vec<String> {
    tree.selisih
        .iter()
        .filter(|s| s.node == i)
        .map(|s| {
            let what = if s.field == "anggaran" { "jumlah" } else { "realisasi" };
            format!(
                "{what} tercetak di dokumen resmi berbeda dari jumlah rinciannya: selisih {} (tercetak {})",
                rupiah((s.printed - s.computed).abs()),
                rupiah(s.printed)
            )
        })
        .collect()
}

fn groups(tree: &Tree, links: Option<&KegiatanLinks>) -> Vec<GroupView> {
    tree.roots
        .iter()
        .map(|&root| GroupView {
            // The summary line repeats the head row: no id there, the table row has it.
            head: row_view(tree, root, 0, None),
            rows: tree
                .walk_from(root)
                .into_iter()
                .map(|(i, depth)| row_view(tree, i, depth, links))
                .collect(),
        })
        .collect()
}

pub fn table(
    budget: &Budget,
    id: &str,
    judul: &str,
    sections: &[Section],
    total_label: &str,
    total: &Amounts,
    links: &KegiatanLinks,
) -> TableView {
    TableView {
        id: id.to_owned(),
        judul: judul.to_owned(),
        groups: sections
            .iter()
            .flat_map(|&s| groups(budget.tree(s), (s == Section::Belanja).then_some(links)))
            .collect(),
        total_label: total_label.to_owned(),
        total: AmountsView::new(total),
        open_first: false,
    }
}
