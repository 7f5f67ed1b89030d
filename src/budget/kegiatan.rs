//! The kegiatan rows of a budget year: what a report's `kegiatan:` code must name.
//!
//! In: an arranged belanja [`Tree`]. Out: each kegiatan code with the index of its row in
//! the tree, computed once when the budget is loaded ([`Budget::kegiatan`]). Under Permendagri codes a kegiatan is the row at kegiatan depth
//! (bidang.sub-bidang.kegiatan, or bidang.kegiatan for 113/2014). Under `bebas` codes it is
//! a row with no rows below it, or a row whose only rows below are its rincian.

use super::{Budget, NodeKind, Tree};
use crate::code::Code;
use crate::reference::Kodefikasi;
use std::collections::BTreeMap;

/// Kegiatan code → node index in `budget.belanja`, in code order. When a code is written on
/// several rows that are not rincian of one kegiatan, the first row stands for it.
pub fn index(kodefikasi: Kodefikasi, tree: &Tree) -> BTreeMap<Code, usize> {
    let depth = kodefikasi.kegiatan_depth();
    let mut out = BTreeMap::new();
    for (i, node) in tree.nodes.iter().enumerate() {
        let is_kegiatan = match depth {
            Some(d) => node.kode.depth() == d && node.kind != NodeKind::Rincian,
            None => match node.kind {
                NodeKind::Leaf => true,
                NodeKind::Rincian => false,
                NodeKind::Group => node
                    .children
                    .iter()
                    .all(|&c| tree.nodes[c].kind == NodeKind::Rincian),
            },
        };
        if is_kegiatan {
            out.entry(node.kode.clone()).or_insert(i);
        }
    }
    out
}

/// The name of a bidang (`02`) as the budget shows it, else as the official table names it.
pub fn bidang_name(budget: &Budget, bidang: &str) -> Option<String> {
    budget
        .belanja
        .nodes
        .iter()
        .find(|n| n.kode.as_str() == bidang)
        .map(|n| n.uraian.clone())
        .or_else(|| {
            budget
                .kodefikasi
                .kegiatan()
                .and_then(|t| t.name(bidang))
                .map(str::to_owned)
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::budget::Budget;

    fn budget(text: &str) -> Budget {
        crate::budget::valid(text)
    }

    #[test]
    fn kegiatan_are_rows_at_kegiatan_depth_with_their_rincian_grouped() {
        let b = budget(
            "tahun: 2025\nbelanja:\n  - { kode: \"02.03.10\", uraian: Jalan, jenis: \"5.3.5\", anggaran: 10 }\n  - { kode: \"02.03.10\", uraian: Upah, jenis: \"5.2.2\", anggaran: 5 }\n  - { kode: \"05.03.01\", anggaran: 7 }\n",
        );
        let idx = &b.kegiatan;
        let codes: Vec<&str> = idx.keys().map(Code::as_str).collect();
        // 02, 02.03 and 05, 05.03 are groups above; the two 02.03.10 rows are rincian.
        assert_eq!(codes, ["02.03.10", "05.03.01"]);
        let jalan = &b.belanja.nodes[idx[&Code::parse("02.03.10").unwrap()]];
        assert_eq!(jalan.amounts.anggaran, rust_decimal::Decimal::from(15));
        assert_eq!(
            bidang_name(&b, "05").as_deref(),
            Some("Bidang Penanggulangan Bencana, Keadaan Darurat dan Mendesak Desa")
        );
    }

    #[test]
    fn free_codes_take_the_rows_without_rows_below() {
        let b = budget(
            "tahun: 2025\nkodefikasi: bebas\nbelanja:\n  - { kode: \"1\", uraian: Pembangunan }\n  - { kode: \"1.1\", uraian: Jalan, anggaran: 10 }\n  - { kode: \"1.2\", uraian: Jembatan, anggaran: 5 }\n",
        );
        let codes: Vec<String> = b.kegiatan.keys().map(ToString::to_string).collect();
        assert_eq!(codes, ["1.1", "1.2"]);
    }
}
