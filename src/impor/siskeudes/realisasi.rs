//! Realisasi from the Siskeudes transaction tables, up to a date.
//!
//! In: the tables (read from a database or a zip of CSV, the same way). Out: realisasi per
//! (kegiatan, rekening, sumber dana), by one derivation function, [`derive`]:
//! - receipts (pendapatan 4, penerimaan pembiayaan 6.1): Σ Ta_TBPRinci.Nilai (dated by
//!   Ta_TBP.Tgl_Bukti), + Ta_Mutasi.Nilai, + journal Kredit − Debet;
//! - payments (belanja 5, pengeluaran pembiayaan 6.2): Σ Ta_SPPRinci.Nilai of SPP that are
//!   not panjar (Ta_SPP.Jn_SPP ≠ `UM`, dated by Tgl_SPP), + Σ Ta_SPJRinci.Nilai (the panjar
//!   accounted for, dated by Ta_SPJ.Tgl_SPJ), + Ta_Mutasi.Nilai, + journal Debet − Kredit.
//!
//! This is how OpenSID derives its Laporan Realisasi, except that a journal line counts net
//! (a correcting entry on the other side reduces the figure, as in the books).

use super::tables::{Tables, amount, code, date};
use jiff::civil::Date;
use rust_decimal::Decimal;
use std::collections::{BTreeMap, HashMap};

/// Kegiatan (as in the table, `01.02.01.01.`), rekening (`5.1.2.01`), sumber dana.
pub type Key = (String, String, String);

/// One transaction line, already joined with the date of its document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Movement {
    pub key: Key,
    pub date: Date,
    pub kind: Kind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Ta_TBPRinci: a receipt.
    Tbp(Decimal),
    /// Ta_SPPRinci: a payment request; `panjar` for Jn_SPP `UM`.
    Spp { nilai: Decimal, panjar: bool },
    /// Ta_SPJRinci: a panjar accounted for.
    Spj(Decimal),
    /// Ta_Mutasi with a rekening.
    Mutasi(Decimal),
    /// Ta_JurnalUmumRinci.
    Jurnal { debet: Decimal, kredit: Decimal },
}

/// Whether a rekening is on the receiving side (4, 6.1) rather than the paying side.
fn receipt_side(rekening: &str) -> bool {
    rekening.starts_with('4') || rekening.starts_with("6.1")
}

/// Realisasi per key from the movements dated on or before `until`.
pub fn derive(movements: &[Movement], until: Date) -> BTreeMap<Key, Decimal> {
    let mut out: BTreeMap<Key, Decimal> = BTreeMap::new();
    for m in movements.iter().filter(|m| m.date <= until) {
        let receipt = receipt_side(&m.key.1);
        let value = match (m.kind, receipt) {
            (Kind::Tbp(n), true) => n,
            (
                Kind::Spp {
                    nilai,
                    panjar: false,
                },
                false,
            ) => nilai,
            (Kind::Spj(n), false) => n,
            (Kind::Mutasi(n), _) => n,
            (Kind::Jurnal { debet, kredit }, true) => kredit - debet,
            (Kind::Jurnal { debet, kredit }, false) => debet - kredit,
            _ => continue,
        };
        *out.entry(m.key.clone()).or_default() += value;
    }
    out
}

/// Document number → its date and, for SPP, its kind (Jn_SPP).
type Documents = HashMap<String, (Option<Date>, String)>;

/// The movements of one village and year, read from the transaction tables present.
/// Lines whose document is missing, undated or whose amount is unreadable are returned as
/// problems (place, reason) for the report, never dropped silently.
pub fn movements(
    tables: &Tables,
    desa: &str,
    tahun: &str,
) -> (Vec<Movement>, Vec<(String, String)>) {
    let mut out = Vec::new();
    let mut problems = Vec::new();
    let dated = |table: &str, number: &str, when: &str, extra: &str| {
        let mut map: Documents = HashMap::new();
        for (_, r) in tables.rows(table) {
            if r.get("Tahun") == tahun {
                map.insert(
                    r.get(number).to_owned(),
                    (date(r.get(when)), r.get(extra).to_owned()),
                );
            }
        }
        map
    };
    let tbp = dated("Ta_TBP", "No_Bukti", "Tgl_Bukti", "");
    let spp = dated("Ta_SPP", "No_SPP", "Tgl_SPP", "Jn_SPP");
    let spj = dated("Ta_SPJ", "No_SPJ", "Tgl_SPJ", "");
    let jurnal = dated("Ta_JurnalUmum", "NoBukti", "Tanggal", "");
    let sources: [(&str, &str, Option<&Documents>); 5] = [
        ("Ta_TBPRinci", "No_Bukti", Some(&tbp)),
        ("Ta_SPPRinci", "No_SPP", Some(&spp)),
        ("Ta_SPJRinci", "No_SPJ", Some(&spj)),
        ("Ta_Mutasi", "", None),
        ("Ta_JurnalUmumRinci", "NoBukti", Some(&jurnal)),
    ];
    for (table, number, headers) in sources {
        let Some(t) = tables.get(table) else { continue };
        for (i, r) in tables.rows(table) {
            if r.get("Tahun") != tahun || !r.get("Kd_Desa").starts_with(desa) {
                continue;
            }
            let rekening = code(r.get("Kd_Rincian"));
            if !matches!(rekening.chars().next(), Some('4' | '5' | '6')) {
                continue; // kas, bank and tax accounts: not budget realisasi
            }
            let (when, extra) = match headers {
                Some(h) => match h.get(r.get(number)) {
                    Some((when, extra)) => (*when, extra.as_str()),
                    None => {
                        problems.push((
                            t.place(i),
                            format!("dokumen {} tidak ada di tabel induknya", r.get(number)),
                        ));
                        continue;
                    }
                },
                None => (date(r.get("Tgl_Bukti")), ""),
            };
            let Some(when) = when else {
                problems.push((t.place(i), "tanggal dokumennya tidak terbaca".to_owned()));
                continue;
            };
            let num = |c: &str| amount(r.get(c));
            let kind = match table {
                "Ta_TBPRinci" => num("Nilai").map(Kind::Tbp),
                "Ta_SPPRinci" => num("Nilai").map(|nilai| Kind::Spp {
                    nilai,
                    panjar: extra.eq_ignore_ascii_case("UM"),
                }),
                "Ta_SPJRinci" => num("Nilai").map(Kind::Spj),
                "Ta_Mutasi" => num("Nilai").map(Kind::Mutasi),
                _ => num("Debet")
                    .zip(num("Kredit"))
                    .map(|(debet, kredit)| Kind::Jurnal { debet, kredit }),
            };
            let Some(kind) = kind else {
                problems.push((t.place(i), "nilainya bukan angka".to_owned()));
                continue;
            };
            let key = (
                r.get("Kd_Keg").to_owned(),
                rekening,
                r.get("Sumberdana").to_owned(),
            );
            out.push(Movement {
                key,
                date: when,
                kind,
            });
        }
    }
    (out, problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(keg: &str, rek: &str, day: i8, kind: Kind) -> Movement {
        Movement {
            key: (keg.into(), rek.into(), "DDS".into()),
            date: Date::new(2017, 6, day).unwrap(),
            kind,
        }
    }

    #[test]
    fn payments_leave_out_panjar_until_accounted_and_later_dates() {
        let d = Decimal::from;
        let rows = [
            m(
                "K1",
                "5.1.2.01",
                1,
                Kind::Spp {
                    nilai: d(1_000),
                    panjar: false,
                },
            ),
            m(
                "K1",
                "5.1.2.01",
                2,
                Kind::Spp {
                    nilai: d(500),
                    panjar: true,
                },
            ),
            m("K1", "5.1.2.01", 3, Kind::Spj(d(450))),
            m(
                "K1",
                "5.1.2.01",
                4,
                Kind::Jurnal {
                    debet: d(0),
                    kredit: d(50),
                },
            ),
            m(
                "K1",
                "5.1.2.01",
                30,
                Kind::Spp {
                    nilai: d(9_999),
                    panjar: false,
                },
            ),
            m("P", "4.1.1.01", 5, Kind::Tbp(d(2_000))),
            m(
                "P",
                "4.1.1.01",
                6,
                Kind::Jurnal {
                    debet: d(0),
                    kredit: d(100),
                },
            ),
            // A receipt line on a payment account is not realisasi of it.
            m("K1", "5.1.2.01", 7, Kind::Tbp(d(7))),
        ];
        let got = derive(&rows, Date::new(2017, 6, 29).unwrap());
        // 1.000 + 450 − 50, worked out by hand; the panjar and the 30 June SPP are left out.
        assert_eq!(
            got[&("K1".into(), "5.1.2.01".into(), "DDS".into())],
            d(1_400)
        );
        assert_eq!(
            got[&("P".into(), "4.1.1.01".into(), "DDS".into())],
            d(2_100)
        );
    }
}
