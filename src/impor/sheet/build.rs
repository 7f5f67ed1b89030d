//! Sheet rows → a budget draft: sections from the codes, rekening rows (5.1.1 …) attached
//! to the kegiatan row above them, printed totals kept or checked.
//!
//! In: the data rows and summary rows of every sheet, in order. Out: a [`Draft`] whose
//! group rows keep the totals the sheet printed (the loader verifies them), plus checks for
//! what the budget file cannot hold: the kegiatan and rekening subtotals above the rincian,
//! the heads 4/5/6, the summary rows and the Lebih/(Kurang) column.

use super::{SourceRow, SummaryRow};
use crate::budget::{Section, Tahap};
use crate::code::Code;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::impor::draft::{Draft, DraftRow, PrintedCheck, same_name};
use crate::impor::report::Report;
use crate::reference::{self, Kodefikasi};
use jiff::civil::Date;
use rust_decimal::Decimal;
use std::collections::HashMap;
use std::path::Path;

pub struct Context<'a> {
    pub tahun: i32,
    pub realisasi: bool,
    pub perubahan: bool,
    pub titles: &'a [String],
    pub shown: &'a Path,
}

/// A kegiatan row and the rekening rows under it.
struct Kegiatan {
    row: SourceRow,
    rekening: Vec<SourceRow>,
}

fn is_rekening(c: &Code) -> bool {
    matches!(c.segments().next(), Some("4" | "5" | "6"))
}

pub fn draft(
    cx: &Context,
    rows: Vec<SourceRow>,
    summaries: Vec<SummaryRow>,
    report: &mut Report,
    diags: &mut Diagnostics,
) -> Option<Draft> {
    let depth = rows
        .iter()
        .filter(|r| !is_rekening(&r.kode))
        .map(|r| r.kode.depth())
        .max();
    let k = match depth {
        Some(2) => Kodefikasi::Permendagri113,
        Some(3) => Kodefikasi::Permendagri20,
        Some(_) => Kodefikasi::Bebas,
        // No kegiatan: belanja by rekening only; the 113/2014 shape (5.1.x) tells it apart.
        None if rows
            .iter()
            .any(|r| r.kode.as_str().starts_with("5.2") || r.kode.as_str().starts_with("5.3")) =>
        {
            Kodefikasi::Permendagri20
        }
        None => Kodefikasi::Bebas,
    };
    let (tahap, per_tanggal) = tahap(cx, report);
    let mut d = Draft::new(cx.tahun, k, tahap);
    d.per_tanggal = per_tanggal;
    d.header = vec![
        format!("Diimpor dengan `papan impor` dari {} (lembar kerja).", cx.shown.file_name().map_or(String::new(), |n| n.to_string_lossy().into_owned())),
        "Jumlah kelompok yang tercetak disimpan sebagai jumlah tercetak, sehingga diperiksa terhadap rinciannya.".to_owned(),
    ];
    let mut heads: Vec<(SourceRow, &'static str)> = Vec::new();
    let mut kegiatan: Option<Kegiatan> = None;
    let kd = depth.unwrap_or(usize::MAX);
    let r = cx.realisasi;
    for row in rows {
        check_selisih(&mut d, &row);
        let s = row.kode.as_str().to_owned();
        if let Some(head) = match s.as_str() {
            "4" => Some("pendapatan"),
            "5" => Some("belanja"),
            "6" => Some("pembiayaan"),
            _ if s == "6.3" || s.starts_with("6.3.") => Some("silpa"),
            _ => None,
        } {
            flush(&mut d, kegiatan.take(), r);
            report.recognise(
                &row.place,
                format!("baris kepala {s} {}, dicocokkan", row.uraian),
            );
            heads.push((row, head));
            continue;
        }
        if !is_rekening(&row.kode) {
            // bidang, sub-bidang or kegiatan
            flush(&mut d, kegiatan.take(), r);
            if row.kode.depth() < kd {
                let g = plain(&row, r, row.kode.depth() == 1);
                d.belanja.push(g);
            } else {
                kegiatan = Some(Kegiatan {
                    row,
                    rekening: Vec::new(),
                });
            }
            continue;
        }
        match Section::of_rekening(&s) {
            Some(Section::Belanja) if kegiatan.is_some() => {
                if let Some(kg) = kegiatan.as_mut() {
                    kg.rekening.push(row);
                }
            }
            Some(section) => {
                flush(&mut d, kegiatan.take(), r);
                let p = plain(&row, r, false);
                d.rows_mut(section).push(p);
            }
            None => report.skip(
                &row.place,
                format!("kode {s} bukan pendapatan, belanja atau pembiayaan"),
            ),
        }
    }
    flush(&mut d, kegiatan.take(), cx.realisasi);
    duplicates(&d, cx.shown, diags);
    summary_checks(&mut d, heads, summaries, report);
    Some(d)
}

fn amounts(row: &SourceRow, with_realisasi: bool) -> (Option<Decimal>, Option<Decimal>) {
    (
        row.anggaran,
        if with_realisasi {
            Some(row.realisasi.unwrap_or_default())
        } else {
            None
        },
    )
}

/// A row written as it is: a pendapatan or pembiayaan row, a bidang or sub-bidang.
fn plain(row: &SourceRow, with_realisasi: bool, comment: bool) -> DraftRow {
    let (anggaran, realisasi) = amounts(row, with_realisasi);
    DraftRow {
        kode: row.kode.to_string(),
        uraian: Some(row.uraian.clone()).filter(|u| !u.is_empty()),
        sumber_dana: row.sumber_dana.clone(),
        keterangan: row.keterangan.clone(),
        anggaran,
        realisasi,
        comment: comment.then(|| format!("{} {}", row.kode, row.uraian)),
        source: row.place.clone(),
        ..DraftRow::default()
    }
}

/// A kegiatan becomes one row per deepest rekening row under it (or one row when it has
/// none); the subtotals above those rows are checked, not written.
fn flush(d: &mut Draft, kegiatan: Option<Kegiatan>, with_realisasi: bool) {
    let Some(Kegiatan { row, rekening }) = kegiatan else {
        return;
    };
    if rekening.is_empty() {
        let mut r = plain(&row, with_realisasi, false);
        r.comment = Some(format!("{} {}", row.kode, row.uraian));
        d.belanja.push(r);
        return;
    }
    let leaf = |i: usize| {
        rekening
            .get(i + 1)
            .is_none_or(|next| !rekening[i].kode.is_ancestor_of(&next.kode))
    };
    let leaves: Vec<&SourceRow> = (0..rekening.len())
        .filter(|&i| leaf(i))
        .map(|i| &rekening[i])
        .collect();
    let sum = |under: Option<&Code>, f: fn(&SourceRow) -> Option<Decimal>| -> Decimal {
        leaves
            .iter()
            .filter(|l| under.is_none_or(|u| u.is_ancestor_of(&l.kode)))
            .filter_map(|l| f(l))
            .sum()
    };
    let printed_checks: Vec<(String, String, Option<Decimal>, Decimal)> = std::iter::once((
        row.place.clone(),
        format!("kegiatan {} {}", row.kode, row.uraian),
        row.anggaran,
        sum(None, |r| r.anggaran),
    ))
    .chain(
        rekening
            .iter()
            .enumerate()
            .filter(|(i, _)| !leaf(*i))
            .map(|(_, r)| {
                (
                    r.place.clone(),
                    format!("{} {} pada kegiatan {}", r.kode, r.uraian, row.kode),
                    r.anggaran,
                    sum(Some(&r.kode), |r| r.anggaran),
                )
            }),
    )
    .collect();
    for (place, label, printed, computed) in printed_checks {
        if let Some(printed) = printed {
            d.checks.push(PrintedCheck {
                place,
                label,
                printed,
                computed,
            });
        }
    }
    for (n, l) in leaves.iter().enumerate() {
        let (anggaran, realisasi) = amounts(l, with_realisasi);
        let official = d
            .kodefikasi
            .rekening()
            .and_then(|t| t.name(l.kode.as_str()));
        let own_name = (!l.uraian.is_empty() && official.is_none_or(|o| !same_name(o, &l.uraian)))
            .then(|| l.uraian.clone());
        d.belanja.push(DraftRow {
            kode: row.kode.to_string(),
            uraian: Some(row.uraian.clone()).filter(|u| !u.is_empty()),
            jenis: Some(l.kode.to_string()),
            sumber_dana: l.sumber_dana.clone().or_else(|| row.sumber_dana.clone()),
            keterangan: l.keterangan.clone().or(own_name),
            anggaran,
            realisasi,
            source: l.place.clone(),
            comment: (n == 0).then(|| {
                format!(
                    "{} {}{}",
                    row.kode,
                    row.uraian,
                    row.anggaran
                        .map(|a| format!(" (tercetak {})", crate::money::rupiah(a)))
                        .unwrap_or_default()
                )
            }),
        });
    }
}

/// Realisasi − anggaran against the Lebih/(Kurang) the sheet printed.
fn check_selisih(d: &mut Draft, row: &SourceRow) {
    if let (Some(printed), Some(a), Some(r)) = (row.selisih, row.anggaran, row.realisasi) {
        d.checks.push(PrintedCheck {
            place: row.place.clone(),
            label: format!("Lebih/(Kurang) {}", row.kode),
            printed,
            computed: r - a,
        });
    }
}

/// What makes two rows of the budget file the same row: code, jenis, sumber dana, uraian.
type RowKey<'a> = (String, Option<String>, Option<&'a str>, Option<String>);

/// Two rows that would be the same row of the budget file.
fn duplicates(d: &Draft, shown: &Path, diags: &mut Diagnostics) {
    for section in Section::ALL {
        let mut seen: HashMap<RowKey, usize> = HashMap::new();
        for (i, r) in d.rows(section).iter().enumerate() {
            let sd = r
                .sumber_dana
                .as_deref()
                .and_then(reference::sumber_dana)
                .map(|s| s.kode);
            let key = (
                r.kode.clone(),
                r.jenis.clone(),
                sd,
                if r.jenis.is_some() {
                    None
                } else {
                    r.uraian.clone()
                },
            );
            if let Some(&first) = seen.get(&key) {
                let what = r.jenis.as_ref().map_or(format!("kode {}", r.kode), |j| {
                    format!("kegiatan {} rekening {j}", r.kode)
                });
                diags.push(Diagnostic::error(shown, format!("baris ganda: {what} dengan uraian yang sama tertulis dua kali, di {} dan {}", d.rows(section)[first].source, r.source))
                    .hint("hapus salah satunya di lembar kerja, atau bedakan uraian/sumber dananya, lalu impor lagi"));
            } else {
                seen.insert(key, i);
            }
        }
    }
}

fn leaf_total(rows: &[DraftRow]) -> Decimal {
    let codes: Vec<Code> = rows
        .iter()
        .filter_map(|r| Code::parse(&r.kode).ok())
        .collect();
    rows.iter()
        .filter(|r| Code::parse(&r.kode).is_ok_and(|c| !codes.iter().any(|o| c.is_ancestor_of(o))))
        .filter_map(|r| r.anggaran)
        .sum()
}

fn summary_checks(
    d: &mut Draft,
    heads: Vec<(SourceRow, &'static str)>,
    summaries: Vec<SummaryRow>,
    report: &mut Report,
) {
    let pendapatan = leaf_total(&d.pendapatan);
    let belanja = leaf_total(&d.belanja);
    let (pen, peng) = (leaf_total(&d.penerimaan), leaf_total(&d.pengeluaran));
    let figure = |what: &str| -> Option<Decimal> {
        let w = what.to_uppercase();
        Some(match () {
            _ if w == "PEMBIAYAAN" => pen + peng, // Siskeudes prints both lists added together
            _ if w.contains("SURPLUS") || w.contains("DEFISIT") => pendapatan - belanja,
            _ if w.contains("NETO") || w.contains("NETTO") => pen - peng,
            _ if w.contains("SISA LEBIH") || w.contains("SILPA") => {
                pendapatan - belanja + pen - peng
            }
            _ if w.contains("PENERIMAAN") => pen,
            _ if w.contains("PENGELUARAN") => peng,
            _ if w.contains("PENDAPATAN") => pendapatan,
            _ if w.contains("BELANJA") => belanja,
            _ => return None,
        })
    };
    let items = heads
        .into_iter()
        .map(|(r, w)| {
            (
                r.place,
                format!("{} {}", r.kode, r.uraian),
                if w == "silpa" {
                    "SILPA".to_owned()
                } else {
                    w.to_owned()
                },
                r.anggaran,
            )
        })
        .chain(
            summaries
                .into_iter()
                .map(|s| (s.place, s.label.clone(), s.label, s.anggaran)),
        );
    for (place, label, what, printed) in items {
        match (figure(&what), printed) {
            (Some(computed), Some(printed)) => d.checks.push(PrintedCheck {
                place,
                label,
                printed,
                computed,
            }),
            (None, _) => report.skip(
                place,
                format!("baris jumlah `{label}` tidak dikenal, tidak dicocokkan"),
            ),
            (Some(_), None) => {}
        }
    }
}

/// Tahap and per_tanggal from the columns and the titles.
fn tahap(cx: &Context, report: &mut Report) -> (Tahap, Option<Date>) {
    if !cx.realisasi {
        return (
            if cx.perubahan {
                Tahap::Perubahan
            } else {
                Tahap::Anggaran
            },
            None,
        );
    }
    let text = cx.titles.join(" ").to_uppercase();
    let semester1 = text.contains("SEMESTER I") && !text.contains("SEMESTER II");
    let tahap = if semester1 {
        Tahap::RealisasiSemester1
    } else {
        Tahap::Realisasi
    };
    let date = dated(&text).unwrap_or_else(|| {
        let (m, d) = if semester1 { (6, 30) } else { (12, 31) };
        report.notes.push(format!("tanggal realisasi tidak tertulis di judul; dianggap {}-{m:02}-{d:02} (ubah `per_tanggal` jika lain)", cx.tahun));
        Date::new(cx.tahun as i16, m, d).unwrap_or_default()
    });
    (tahap, Some(date))
}

/// `31 DESEMBER 2017` in a title.
fn dated(text: &str) -> Option<Date> {
    const MONTHS: [&str; 12] = [
        "JANUARI",
        "FEBRUARI",
        "MARET",
        "APRIL",
        "MEI",
        "JUNI",
        "JULI",
        "AGUSTUS",
        "SEPTEMBER",
        "OKTOBER",
        "NOVEMBER",
        "DESEMBER",
    ];
    let words: Vec<&str> = text.split_whitespace().collect();
    words.windows(3).find_map(|w| {
        let day: i8 = w[0].parse().ok()?;
        let month = MONTHS.iter().position(|m| *m == w[1])? as i8 + 1;
        let year: i16 = w[2]
            .trim_matches(|c: char| !c.is_ascii_digit())
            .parse()
            .ok()?;
        Date::new(year, month, day).ok()
    })
}
