//! Totals and breakdowns of a budget year: the figures residents look for first.
//!
//! In: a verified [`Budget`]. Out: a [`Summary`] with total pendapatan, belanja,
//! surplus/(defisit), pembiayaan (penerimaan, pengeluaran, netto), SiLPA tahun berjalan, and
//! belanja by bidang, sub-bidang, kegiatan, jenis and sumber dana, pendapatan by kelompok
//! and jenis. Every breakdown adds up to its section total by construction: each leaf row
//! lands in exactly one slice.

use super::{Amounts, Budget, Node, NodeKind, Tree};
use crate::code::Code;
use crate::reference::Kodefikasi;
use rust_decimal::{Decimal, RoundingStrategy};
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq)]
pub struct Totals {
    pub pendapatan: Amounts,
    pub belanja: Amounts,
    /// Pendapatan − belanja; negative is a defisit.
    pub surplus: Amounts,
    pub penerimaan: Amounts,
    pub pengeluaran: Amounts,
    /// Penerimaan − pengeluaran.
    pub netto: Amounts,
    /// Surplus/(defisit) + pembiayaan netto.
    pub silpa: Amounts,
}

impl Totals {
    /// How much planned belanja exceeds pendapatan, when it does (a defisit, covered by
    /// pembiayaan); None for a surplus or a balance.
    pub fn defisit(&self) -> Option<Decimal> {
        let s = self.surplus.anggaran;
        (s.is_sign_negative() && !s.is_zero()).then_some(-s)
    }
}

/// One part of a breakdown.
#[derive(Debug, Clone, PartialEq)]
pub struct Slice {
    /// The code of the part (None for "not stated").
    pub kode: Option<String>,
    pub nama: String,
    pub amounts: Amounts,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub totals: Totals,
    /// Belanja per resident, when desa.yaml gives jumlah_penduduk; rounded to whole Rupiah.
    pub belanja_per_penduduk: Option<Amounts>,
    pub pendapatan_kelompok: Vec<Slice>,
    pub pendapatan_jenis: Vec<Slice>,
    pub belanja_bidang: Vec<Slice>,
    pub belanja_sub_bidang: Vec<Slice>,
    pub belanja_kegiatan: Vec<Slice>,
    pub belanja_jenis: Vec<Slice>,
    pub belanja_sumber_dana: Vec<Slice>,
}

pub const NOT_STATED: &str = "Tidak disebutkan";

pub fn summarize(budget: &Budget, jumlah_penduduk: Option<u64>) -> Summary {
    let r = budget.tahap.has_realisasi();
    let pendapatan = budget.pendapatan.total(r);
    let belanja = budget.belanja.total(r);
    let penerimaan = budget.penerimaan.total(r);
    let pengeluaran = budget.pengeluaran.total(r);
    let surplus = pendapatan - belanja;
    let netto = penerimaan - pengeluaran;
    let totals = Totals {
        pendapatan,
        belanja,
        surplus,
        penerimaan,
        pengeluaran,
        netto,
        silpa: surplus + netto,
    };
    let per_penduduk = jumlah_penduduk.filter(|&n| n > 0).map(|n| {
        let n = Decimal::from(n);
        let round =
            |d: Decimal| (d / n).round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero);
        Amounts::new(round(belanja.anggaran), belanja.realisasi.map(round))
    });
    let levels = Levels::of(budget);
    Summary {
        totals,
        belanja_per_penduduk: per_penduduk,
        pendapatan_kelompok: at_depth(&budget.pendapatan, levels.pendapatan),
        pendapatan_jenis: at_depth(&budget.pendapatan, levels.pendapatan + 1),
        belanja_bidang: at_depth(&budget.belanja, levels.belanja),
        belanja_sub_bidang: match budget.kodefikasi {
            Kodefikasi::Permendagri113 => Vec::new(),
            _ => at_depth(&budget.belanja, levels.belanja + 1),
        },
        belanja_kegiatan: at_depth(&budget.belanja, levels.kegiatan),
        belanja_jenis: by_jenis(budget),
        belanja_sumber_dana: by_sumber_dana(&budget.belanja, r),
    }
}

/// Code depths of the first level of each breakdown.
struct Levels {
    pendapatan: usize,
    belanja: usize,
    kegiatan: usize,
}

impl Levels {
    fn of(budget: &Budget) -> Levels {
        match budget.kodefikasi {
            Kodefikasi::Permendagri20 => Levels {
                pendapatan: 2,
                belanja: 1,
                kegiatan: 3,
            },
            Kodefikasi::Permendagri113 => Levels {
                pendapatan: 2,
                belanja: 1,
                kegiatan: 2,
            },
            Kodefikasi::Bebas => {
                let belanja = top_level(&budget.belanja);
                Levels {
                    pendapatan: top_level(&budget.pendapatan),
                    belanja,
                    kegiatan: belanja + 2,
                }
            }
        }
    }
}

/// With free codes, the first level is the depth of the top rows, or of the rows under a
/// single heading row (`2 BELANJA DESA`).
fn top_level(tree: &Tree) -> usize {
    match tree.roots.as_slice() {
        [only] if !tree.nodes[*only].children.is_empty() => tree.nodes[*only].kode.depth() + 1,
        roots => roots
            .iter()
            .map(|&r| tree.nodes[r].kode.depth())
            .min()
            .unwrap_or(1),
    }
}

/// The rows at code depth `depth`, plus any leaf that stops above it, so that the slices
/// cover every leaf exactly once.
fn at_depth(tree: &Tree, depth: usize) -> Vec<Slice> {
    let mut out = Vec::new();
    let mut stack: Vec<usize> = tree.roots.iter().rev().copied().collect();
    while let Some(i) = stack.pop() {
        let node = &tree.nodes[i];
        if node.kode.depth() >= depth || node.children.is_empty() {
            out.push(slice(node));
        } else {
            stack.extend(node.children.iter().rev());
        }
    }
    out
}

fn slice(node: &Node) -> Slice {
    Slice {
        kode: Some(node.kode.to_string()),
        nama: node.uraian.clone(),
        amounts: node.amounts,
    }
}

/// Belanja by jenis: 5.1 pegawai, 5.2 barang/jasa, 5.3 modal, 5.4 tak terduga (20/2018);
/// 5.1.1, 5.1.2, 5.1.3 (113/2014); the jenis as written with free codes.
fn by_jenis(budget: &Budget) -> Vec<Slice> {
    let depth = match budget.kodefikasi {
        Kodefikasi::Permendagri20 => Some(2),
        Kodefikasi::Permendagri113 => Some(3),
        Kodefikasi::Bebas => None,
    };
    let table = budget.kodefikasi.rekening();
    group_leaves(&budget.belanja, budget.tahap.has_realisasi(), |node| {
        let jenis = node.jenis.as_ref()?;
        let key = match depth {
            Some(d) if jenis.depth() >= d => jenis.truncate(d),
            _ => jenis.clone(),
        };
        let name = table
            .and_then(|t| t.name(key.as_str()))
            .map_or_else(|| format!("Jenis {key}"), str::to_owned);
        Some((key, name))
    })
}

fn by_sumber_dana(tree: &Tree, with_realisasi: bool) -> Vec<Slice> {
    let mut slices = group_leaves(tree, with_realisasi, |node| {
        let sd = node.sumber_dana?;
        Some((Code::parse(sd.kode).ok()?, sd.uraian.to_owned()))
    });
    // Largest source first; "not stated" stays last.
    slices.sort_by(|a, b| {
        (a.kode.is_none(), b.amounts.anggaran).cmp(&(b.kode.is_none(), a.amounts.anggaran))
    });
    slices
}

/// Sums leaves by a key; leaves without one go to a last "not stated" slice.
fn group_leaves(
    tree: &Tree,
    with_realisasi: bool,
    key: impl Fn(&Node) -> Option<(Code, String)>,
) -> Vec<Slice> {
    let mut groups: BTreeMap<Code, Slice> = BTreeMap::new();
    let mut none: Option<Slice> = None;
    for node in tree.nodes.iter().filter(|n| n.kind != NodeKind::Group) {
        let target = match key(node) {
            Some((code, nama)) => groups.entry(code.clone()).or_insert_with(|| Slice {
                kode: Some(code.to_string()),
                nama,
                amounts: Amounts::zero(with_realisasi),
            }),
            None => none.get_or_insert_with(|| Slice {
                kode: None,
                nama: NOT_STATED.to_owned(),
                amounts: Amounts::zero(with_realisasi),
            }),
        };
        target.amounts = target.amounts + node.amounts;
    }
    groups.into_values().chain(none).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A realisasi document; every figure below is worked out by hand from it.
    const YEAR: &str = "\
tahun: 2025
tahap: realisasi
per_tanggal: 2025-12-31
pendapatan:
  - { kode: \"4.1.1\", anggaran: 15.000.000, realisasi: 12500000 }
  - { kode: \"4.2.1\", anggaran: 850000000, realisasi: 850000000 }
belanja:
  - { kode: \"01.01.01\", jenis: \"5.1.1\", sumber_dana: ADD, anggaran: 300000000, realisasi: 290000000 }
  - { kode: \"02.03.10\", uraian: Jalan, jenis: \"5.3.5\", sumber_dana: DDS, anggaran: 150000000, realisasi: 148500000 }
  - { kode: \"02.03.10\", uraian: Jalan, jenis: \"5.2.2\", sumber_dana: DDS, anggaran: 20000000, realisasi: 0 }
pembiayaan:
  penerimaan:
    - { kode: \"6.1.1\", anggaran: 51802044, realisasi: 51802044 }
  pengeluaran:
    - { kode: \"6.2.2\", uraian: Modal BUMDes, anggaran: 25000000, realisasi: 25000000 }
";

    fn summary(text: &str, penduduk: Option<u64>) -> Summary {
        summarize(&crate::budget::valid(text), penduduk)
    }

    fn rp(n: i64) -> Decimal {
        Decimal::from(n)
    }

    fn both(anggaran: i64, realisasi: i64) -> Amounts {
        Amounts::new(rp(anggaran), Some(rp(realisasi)))
    }

    #[test]
    fn totals_of_a_realisasi_document() {
        let t = summary(YEAR, None).totals;
        // 15 000 000 + 850 000 000; 12 500 000 + 850 000 000.
        assert_eq!(t.pendapatan, both(865_000_000, 862_500_000));
        // 300 + 150 + 20 million; 290 + 148,5 + 0 million.
        assert_eq!(t.belanja, both(470_000_000, 438_500_000));
        // 865 − 470 million; 862,5 − 438,5 million.
        assert_eq!(t.surplus, both(395_000_000, 424_000_000));
        // 51 802 044 − 25 000 000.
        assert_eq!(t.netto, both(26_802_044, 26_802_044));
        // 395 000 000 + 26 802 044; 424 000 000 + 26 802 044.
        assert_eq!(t.silpa, both(421_802_044, 450_802_044));
        assert_eq!(t.defisit(), None);
        // 438 500 000 / 470 000 000 = 93,2978…%, shown to two decimals: 93,30.
        assert_eq!(t.belanja.percent(), Some(Decimal::new(9330, 2)));
    }

    #[test]
    fn breakdowns_cover_every_row_once() {
        let s = summary(YEAR, Some(4312));
        let names = |slices: &[Slice]| -> Vec<(Option<String>, Amounts)> {
            slices.iter().map(|s| (s.kode.clone(), s.amounts)).collect()
        };
        assert_eq!(
            names(&s.belanja_bidang),
            [
                (Some("01".into()), both(300_000_000, 290_000_000)),
                (Some("02".into()), both(170_000_000, 148_500_000)),
            ]
        );
        // 5.1 pegawai, 5.2 barang dan jasa, 5.3 modal.
        assert_eq!(
            names(&s.belanja_jenis),
            [
                (Some("5.1".into()), both(300_000_000, 290_000_000)),
                (Some("5.2".into()), both(20_000_000, 0)),
                (Some("5.3".into()), both(150_000_000, 148_500_000)),
            ]
        );
        // Largest source first: ADD 300 million, DDS 150 + 20 million.
        assert_eq!(
            names(&s.belanja_sumber_dana),
            [
                (Some("ADD".into()), both(300_000_000, 290_000_000)),
                (Some("DDS".into()), both(170_000_000, 148_500_000)),
            ]
        );
        // 470 000 000 / 4 312 = 108 998,14 → 108 998; 438 500 000 / 4 312 = 101 692,95 → 101 693.
        assert_eq!(s.belanja_per_penduduk, Some(both(108_998, 101_693)));
    }

    #[test]
    fn a_defisit_is_the_excess_of_belanja() {
        let t = summary(
            "tahun: 2025\npendapatan:\n  - { kode: \"4.2.1\", anggaran: 100 }\nbelanja:\n  - { kode: \"01.01.01\", anggaran: 130 }\npembiayaan:\n  penerimaan:\n    - { kode: \"6.1.1\", anggaran: 30 }\n",
            None,
        )
        .totals;
        assert_eq!(t.surplus.anggaran, rp(-30));
        assert_eq!(t.defisit(), Some(rp(30)));
        // A defisit covered exactly by SiLPA of the year before leaves SiLPA 0.
        assert_eq!(t.silpa.anggaran, rp(0));
        assert_eq!(t.belanja.realisasi, None);
    }
}
