//! The kegiatan of a budget year that a reader should notice: those no report is about
//! (where one is expected), those that spent nothing, and the emergency money left unused.
//!
//! In: a budget (its kegiatan index) and whether a kegiatan has reports. Out: kegiatan
//! codes in code order. The rules live here, not in the pages, so they can be tested on
//! their own.
//!
//! A report is expected for every kegiatan except routine ones: salaries, allowances and
//! office running costs (Permendagri 20/2018 sub-bidang 01.01; 113/2014 kegiatan 01.01 and
//! 01.02; any kegiatan whose rows are all belanja pegawai) and emergency money that was not
//! spent (bidang 05, "tak terduga"). Rp 0 realised in bidang 05 is good news, not a
//! kegiatan left undone: it is listed apart.

use crate::budget::{Budget, NodeKind};
use crate::code::Code;
use crate::reference::Kodefikasi;

/// The kegiatan without a report, where a report is expected.
pub fn tanpa_laporan(budget: &Budget, has_report: impl Fn(&Code) -> bool) -> Vec<&Code> {
    budget
        .kegiatan
        .iter()
        .filter(|&(k, &i)| report_expected(budget, k, i) && !has_report(k))
        .map(|(k, _)| k)
        .collect()
}

/// When the document reports realisasi: the kegiatan that had anggaran and realised Rp 0,
/// emergency money ([`tak_terduga_utuh`]) apart.
pub fn tanpa_realisasi(budget: &Budget) -> Option<Vec<&Code>> {
    budget.tahap.has_realisasi().then(|| {
        unspent(budget)
            .filter(|k| !is_tak_terduga(budget, k))
            .collect()
    })
}

/// When the document reports realisasi: emergency kegiatan (bidang 05) with anggaran of
/// which nothing was needed.
pub fn tak_terduga_utuh(budget: &Budget) -> Vec<&Code> {
    if !budget.tahap.has_realisasi() {
        return Vec::new();
    }
    unspent(budget)
        .filter(|k| is_tak_terduga(budget, k))
        .collect()
}

fn unspent(budget: &Budget) -> impl Iterator<Item = &Code> {
    budget
        .kegiatan
        .iter()
        .filter(|&(_, &i)| {
            let a = budget.belanja.nodes[i].amounts;
            a.realisasi.is_some_and(|r| r.is_zero()) && !a.anggaran.is_zero()
        })
        .map(|(k, _)| k)
}

/// Whether residents should expect a report on this kegiatan (see the module header).
fn report_expected(budget: &Budget, kode: &Code, index: usize) -> bool {
    if is_routine(budget.kodefikasi, kode) || all_pegawai(budget, index) {
        return false;
    }
    if is_tak_terduga(budget, kode) {
        // Only money actually spent on an emergency is reported on.
        let a = budget.belanja.nodes[index].amounts;
        return a.realisasi.is_some_and(|r| !r.is_zero());
    }
    true
}

/// Salaries, allowances and office running costs, by their official codes.
fn is_routine(kodefikasi: Kodefikasi, kode: &Code) -> bool {
    let k = kode.as_str();
    match kodefikasi {
        Kodefikasi::Permendagri20 => k.starts_with("01.01."),
        Kodefikasi::Permendagri113 => k == "01.01" || k == "01.02",
        Kodefikasi::Bebas => false,
    }
}

/// Bidang 05: penanggulangan bencana, keadaan darurat dan mendesak (20/2018), tidak
/// terduga (113/2014).
fn is_tak_terduga(budget: &Budget, kode: &Code) -> bool {
    budget.kodefikasi != Kodefikasi::Bebas && kode.segments().next() == Some("05")
}

/// Every row of the kegiatan is belanja pegawai (jenis 5.1 under 20/2018, 5.1.1 under
/// 113/2014).
fn all_pegawai(budget: &Budget, index: usize) -> bool {
    let prefix = match budget.kodefikasi {
        Kodefikasi::Permendagri20 => "5.1",
        Kodefikasi::Permendagri113 => "5.1.1",
        Kodefikasi::Bebas => return false,
    };
    let tree = &budget.belanja;
    let mut rows = tree
        .walk_from(index)
        .into_iter()
        .map(|(i, _)| &tree.nodes[i])
        .filter(|n| n.kind != NodeKind::Group)
        .peekable();
    rows.peek().is_some()
        && rows.all(|n| {
            n.jenis.as_ref().is_some_and(|j| {
                let j = j.as_str();
                j == prefix || j.starts_with(&format!("{prefix}."))
            })
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
        // 05.01.01: emergency money with nothing planned or spent needs no report.
        assert_eq!(without, ["02.03.11"]);
    }

    fn codes(list: Vec<&Code>) -> Vec<&str> {
        list.into_iter().map(Code::as_str).collect()
    }

    #[test]
    fn salaries_office_costs_and_unused_emergency_money_need_no_report() {
        let b = budget(
            "tahun: 2025\ntahap: realisasi\nper_tanggal: 2025-12-31\nbelanja:\n  - { kode: \"01.01.01\", jenis: \"5.1.1\", anggaran: 100, realisasi: 100 }\n  - { kode: \"01.02.01\", jenis: \"5.3.2\", anggaran: 50, realisasi: 50 }\n  - { kode: \"02.01.01\", uraian: Honor guru PAUD, jenis: \"5.1.4\", anggaran: 40, realisasi: 40 }\n  - { kode: \"02.03.10\", uraian: Jalan, jenis: \"5.3.5\", anggaran: 10, realisasi: 0 }\n  - { kode: \"05.01.01\", jenis: \"5.4.1\", anggaran: 30, realisasi: 30 }\n  - { kode: \"05.02.01\", jenis: \"5.4.1\", anggaran: 20, realisasi: 0 }\n",
        );
        // 01.01.01 siltap, 02.01.01 only belanja pegawai, 05.02.01 unused: no report.
        assert_eq!(
            codes(tanpa_laporan(&b, |_| false)),
            ["01.02.01", "02.03.10", "05.01.01"]
        );
        // Rp 0 in bidang 05 is not a kegiatan left undone; it is listed apart.
        assert_eq!(codes(tanpa_realisasi(&b).unwrap()), ["02.03.10"]);
        assert_eq!(codes(tak_terduga_utuh(&b)), ["05.02.01"]);
    }

    #[test]
    fn under_113_2014_the_routine_kegiatan_are_01_01_and_01_02() {
        let b = budget(
            "tahun: 2017\nkodefikasi: permendagri-113-2014\nbelanja:\n  - { kode: \"01.01\", jenis: \"5.1.1\", anggaran: 100 }\n  - { kode: \"01.02\", jenis: \"5.1.2\", anggaran: 50 }\n  - { kode: \"02.02\", uraian: Jalan, jenis: \"5.1.3\", anggaran: 10 }\n",
        );
        assert_eq!(codes(tanpa_laporan(&b, |_| false)), ["02.02"]);
        assert_eq!(tak_terduga_utuh(&b), Vec::<&Code>::new());
    }

    #[test]
    fn a_plan_has_no_realisasi_list() {
        let b = budget(
            "tahun: 2025\nbelanja:\n  - { kode: \"02.03.10\", uraian: Jalan, anggaran: 10 }\n",
        );
        assert_eq!(tanpa_realisasi(&b), None);
    }
}
