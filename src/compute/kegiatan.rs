//! The kegiatan of a budget year that a reader should notice: those no report is about, and
//! those that spent nothing.
//!
//! In: a budget (its kegiatan index) and whether a kegiatan has reports. Out: kegiatan
//! codes in code order. The rules live here, not in the pages, so they can be tested on
//! their own.

use crate::budget::Budget;
use crate::code::Code;

/// The kegiatan without a report.
pub fn tanpa_laporan(budget: &Budget, has_report: impl Fn(&Code) -> bool) -> Vec<&Code> {
    budget.kegiatan.keys().filter(|k| !has_report(k)).collect()
}

/// When the document reports realisasi: the kegiatan that had anggaran and realised Rp 0.
pub fn tanpa_realisasi(budget: &Budget) -> Option<Vec<&Code>> {
    budget.tahap.has_realisasi().then(|| {
        budget
            .kegiatan
            .iter()
            .filter(|&(_, &i)| {
                let a = budget.belanja.nodes[i].amounts;
                a.realisasi.is_some_and(|r| r.is_zero()) && !a.anggaran.is_zero()
            })
            .map(|(k, _)| k)
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn budget(text: &str) -> Budget {
        crate::budget::valid(text)
    }

    #[test]
    fn zero_realisasi_is_listed_only_where_money_was_planned() {
        let b = budget(
            "tahun: 2025\ntahap: realisasi\nper_tanggal: 2025-12-31\nbelanja:\n  - { kode: \"02.03.10\", uraian: Jalan, anggaran: 10, realisasi: 0 }\n  - { kode: \"02.03.11\", uraian: Jembatan, anggaran: 5, realisasi: 5 }\n  - { kode: \"05.01.01\", anggaran: 0, realisasi: 0 }\n",
        );
        let zero: Vec<&str> = tanpa_realisasi(&b)
            .unwrap()
            .into_iter()
            .map(Code::as_str)
            .collect();
        assert_eq!(zero, ["02.03.10"]);
        let jalan = Code::parse("02.03.10").unwrap();
        let without: Vec<&str> = tanpa_laporan(&b, |k| *k == jalan)
            .into_iter()
            .map(Code::as_str)
            .collect();
        assert_eq!(without, ["02.03.11", "05.01.01"]);
    }

    #[test]
    fn a_plan_has_no_realisasi_list() {
        let b = budget(
            "tahun: 2025\nbelanja:\n  - { kode: \"02.03.10\", uraian: Jalan, anggaran: 10 }\n",
        );
        assert_eq!(tanpa_realisasi(&b), None);
    }
}
