//! Where a year's belanja money comes from and where it goes: sumber dana → bidang.
//!
//! In: a budget and its summary's breakdowns. Out: a [`Flow`]: the sources (the summary's
//! belanja by sumber dana, largest first), the bidang (in code order) and one link per
//! (source, bidang) pair that holds money. Each belanja leaf lands in exactly one link,
//! so the links of a source add up to its slice, and those of a bidang to its slice.
//! Only anggaran: what was planned, the question residents ask first.

use crate::budget::summary::{Slice, Summary};
use crate::budget::{Budget, NodeKind};
use rust_decimal::Decimal;
use std::collections::HashMap;

/// One side of the picture: a sumber dana or a bidang, with its anggaran.
#[derive(Debug, Clone, PartialEq)]
pub struct Part {
    pub kode: Option<String>,
    pub nama: String,
    pub anggaran: Decimal,
}

/// Money of one source spent in one bidang.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    pub source: usize,
    pub target: usize,
    pub anggaran: Decimal,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Flow {
    pub sources: Vec<Part>,
    pub targets: Vec<Part>,
    /// By source, then by bidang; none with zero anggaran.
    pub links: Vec<Link>,
    pub total: Decimal,
}

/// The flow of a year; None when no belanja row names its sumber dana, or there is no
/// belanja, since the picture would then say nothing.
pub fn flow(budget: &Budget, summary: &Summary) -> Option<Flow> {
    let sources = parts(&summary.belanja_sumber_dana);
    let targets = parts(&summary.belanja_bidang);
    if sources.iter().all(|s| s.kode.is_none()) || targets.is_empty() {
        return None;
    }
    let mut amounts = vec![vec![Decimal::ZERO; targets.len()]; sources.len()];
    let tree = &budget.belanja;
    // The first row of each code in table order: a bidang slice is that row.
    let mut first = HashMap::new();
    for (i, _) in tree.walk() {
        first.entry(tree.nodes[i].kode.as_str()).or_insert(i);
    }
    for (target, bidang) in summary.belanja_bidang.iter().enumerate() {
        let Some(&root) = bidang.kode.as_deref().and_then(|k| first.get(k)) else {
            continue;
        };
        let leaves = tree
            .walk_from(root)
            .into_iter()
            .map(|(i, _)| &tree.nodes[i]);
        for node in leaves.filter(|n| n.kind != NodeKind::Group) {
            let kode = node.sumber_dana.map(|s| s.kode);
            if let Some(source) = sources.iter().position(|s| s.kode.as_deref() == kode) {
                amounts[source][target] += node.amounts.anggaran;
            }
        }
    }
    let links = amounts
        .iter()
        .enumerate()
        .flat_map(|(source, row)| {
            row.iter()
                .enumerate()
                .filter(|(_, a)| !a.is_zero())
                .map(move |(target, &anggaran)| Link {
                    source,
                    target,
                    anggaran,
                })
        })
        .collect();
    let total = summary.totals.belanja.anggaran;
    (!total.is_zero()).then_some(Flow {
        sources,
        targets,
        links,
        total,
    })
}

fn parts(slices: &[Slice]) -> Vec<Part> {
    slices
        .iter()
        .map(|s| Part {
            kode: s.kode.clone(),
            nama: s.nama.clone(),
            anggaran: s.amounts.anggaran,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::budget::summary::summarize;

    fn flow_of(text: &str) -> Option<Flow> {
        let b = crate::budget::valid(text);
        flow(&b, &summarize(&b, None))
    }

    #[test]
    fn every_row_lands_in_one_link_and_the_links_add_up() {
        // DDS: 150 + 20 into bidang 02, 30 into 03; ADD: 300 into 01; one row of bidang 03
        // names no sumber dana (40): it goes to "Tidak disebutkan".
        let f = flow_of(
            "tahun: 2025\nbelanja:\n  - { kode: \"01.01.01\", jenis: \"5.1.1\", sumber_dana: ADD, anggaran: 300 }\n  - { kode: \"02.03.10\", uraian: Jalan, jenis: \"5.3.5\", sumber_dana: DDS, anggaran: 150 }\n  - { kode: \"02.03.10\", uraian: Upah, jenis: \"5.2.2\", sumber_dana: DDS, anggaran: 20 }\n  - { kode: \"03.01.01\", uraian: Posyandu, jenis: \"5.2.2\", sumber_dana: DDS, anggaran: 30 }\n  - { kode: \"03.01.01\", uraian: Lain, jenis: \"5.2.2\", anggaran: 40 }\n",
        )
        .unwrap();
        let names = |ps: &[Part]| -> Vec<(String, i64)> {
            ps.iter()
                .map(|p| (p.nama.clone(), p.anggaran.try_into().unwrap()))
                .collect()
        };
        // Largest source first (ADD 300, DDS 200), "not stated" last.
        let sources = names(&f.sources);
        assert_eq!(sources[0].1, 300);
        assert_eq!(sources[1].1, 200);
        assert_eq!(sources[2], ("Tidak disebutkan".to_owned(), 40));
        assert_eq!(
            names(&f.targets).iter().map(|t| t.1).collect::<Vec<_>>(),
            [300, 170, 70]
        );
        let links: Vec<(usize, usize, i64)> = f
            .links
            .iter()
            .map(|l| (l.source, l.target, l.anggaran.try_into().unwrap()))
            .collect();
        assert_eq!(links, [(0, 0, 300), (1, 1, 170), (1, 2, 30), (2, 2, 40)]);
        // 300 + 150 + 20 + 30 + 40.
        assert_eq!(f.total, Decimal::from(540));
    }

    #[test]
    fn no_picture_when_no_row_names_its_sumber_dana() {
        let f = flow_of(
            "tahun: 2025\nbelanja:\n  - { kode: \"01.01.01\", jenis: \"5.1.1\", anggaran: 300 }\n  - { kode: \"02.03.10\", uraian: Jalan, jenis: \"5.3.5\", anggaran: 150 }\n",
        );
        assert_eq!(f, None);
    }
}
