//! Budget files (`content/anggaran/TAHUN.yaml`) read into a [`BudgetInput`].
//!
//! In: the file's text. Out: the header (tahun, kodefikasi, tahap, per_tanggal) and every row
//! with its code, amounts and sumber dana read exactly, or a diagnostic for each field that
//! cannot be read. YAML scalars are taken as written (`2.10` stays `2.10`, `15.000.000` is
//! read by [`crate::money`], never as a float).

use super::{BudgetInput, Line, Section, Tahap};
use crate::code::Code;
use crate::date::parse_date;
use crate::diagnostic::Diagnostics;
use crate::money::parse_amount;
use crate::reference::{self, Kodefikasi};
use crate::source::SourceFile;
use crate::suggest::closest;
use crate::yaml;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Doc {
    tahun: String,
    kodefikasi: Option<String>,
    tahap: Option<String>,
    per_tanggal: Option<String>,
    dasar_hukum: Option<String>,
    keterangan: Option<String>,
    selisih: Option<String>,
    pendapatan: Option<Vec<RowDoc>>,
    belanja: Option<Vec<RowDoc>>,
    pembiayaan: Option<PembiayaanDoc>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct PembiayaanDoc {
    penerimaan: Option<Vec<RowDoc>>,
    pengeluaran: Option<Vec<RowDoc>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RowDoc {
    kode: String,
    uraian: Option<String>,
    jenis: Option<String>,
    sumber_dana: Option<String>,
    lokasi: Option<String>,
    keterangan: Option<String>,
    anggaran: Option<String>,
    realisasi: Option<String>,
}

/// Reads a budget file. Returns None only when the header is unusable (no valid tahun or
/// kodefikasi); row problems are collected and the row is skipped or marked.
pub fn read(source: SourceFile, diags: &mut Diagnostics) -> Option<BudgetInput> {
    let (doc, spans): (Doc, _) = yaml::read_with_spans(&source, diags)?;
    let at = |path: &str| spans.get(path);

    let tahun = match doc.tahun.trim().parse::<i32>() {
        Ok(t) if i16::try_from(t).is_ok_and(|y| crate::date::YEARS.contains(&y)) => Some(t),
        _ => {
            diags.push(
                source
                    .error(
                        at("tahun"),
                        format!("tahun `{}` tidak sah", doc.tahun.trim()),
                    )
                    .hint("tulis tahun anggaran dengan empat angka, misalnya `tahun: 2025`"),
            );
            None
        }
    };
    let kodefikasi = match doc.kodefikasi.as_deref() {
        None => Some(Kodefikasi::Permendagri20),
        Some(text) => Kodefikasi::parse(text).or_else(|| {
            let mut d = source
                .error(
                    at("kodefikasi"),
                    format!("kodefikasi `{}` tidak dikenal", text.trim()),
                )
                .note(format!("pilihan: {}", Kodefikasi::NAMES.join(", ")));
            if let Some(best) = closest(text.trim(), Kodefikasi::NAMES) {
                d = d.hint(format!("maksud Anda `{best}`?"));
            }
            diags.push(d);
            None
        }),
    };
    let tahap = match doc.tahap.as_deref() {
        None => Tahap::Anggaran,
        Some(text) => Tahap::parse(text).unwrap_or_else(|| {
            let mut d = source
                .error(
                    at("tahap"),
                    format!("tahap `{}` tidak dikenal", text.trim()),
                )
                .note(format!("pilihan: {}", Tahap::NAMES.join(", ")));
            if let Some(best) = closest(text.trim(), Tahap::NAMES) {
                d = d.hint(format!("maksud Anda `{best}`?"));
            }
            diags.push(d);
            Tahap::Anggaran
        }),
    };
    let per_tanggal = doc
        .per_tanggal
        .as_deref()
        .and_then(|text| match parse_date(text) {
            Ok(date) => Some(date),
            Err((msg, hint)) => {
                diags.push(source.error(at("per_tanggal"), msg).hint(hint));
                None
            }
        });
    if let (Some(t), Some(date)) = (tahun, per_tanggal)
        && !(t..=t + 1).contains(&(date.year() as i32))
    {
        diags.push(
            source
                .error(
                    at("per_tanggal"),
                    format!("per_tanggal {date} tidak cocok dengan tahun anggaran {t}"),
                )
                .hint(format!(
                    "tanggal realisasi jatuh di tahun {t} (atau awal {} untuk laporan akhir tahun)",
                    t + 1
                )),
        );
    }
    if tahap.has_realisasi() && doc.per_tanggal.is_none() {
        diags.push(
            source
                .error(
                    at("tahap"),
                    format!("tahap `{}` memerlukan `per_tanggal`", tahap.name()),
                )
                .hint(
                    "tambahkan tanggal posisi angka realisasi, misalnya `per_tanggal: 2025-06-30`",
                ),
        );
    }
    let selisih_dokumen = match doc.selisih.as_deref().map(str::trim) {
        None => false,
        Some("dokumen") => true,
        Some(other) => {
            diags.push(
                source
                    .error(at("selisih"), format!("selisih `{other}` tidak dikenal"))
                    .hint("tulis `selisih: dokumen` hanya jika jumlah yang tidak cocok memang tercetak begitu di dokumen resmi; jika tidak, hapus baris ini"),
            );
            false
        }
    };
    let (tahun, kodefikasi) = (tahun?, kodefikasi?);

    let mut input = BudgetInput {
        tahun,
        kodefikasi,
        tahap,
        per_tanggal,
        dasar_hukum: doc.dasar_hukum.map(|s| s.trim().to_owned()),
        keterangan: doc.keterangan.map(|s| s.trim().to_owned()),
        selisih_dokumen,
        lines: Vec::new(),
        spans,
        source,
    };
    let pembiayaan = doc.pembiayaan.unwrap_or_default();
    let sections = [
        (Section::Pendapatan, doc.pendapatan),
        (Section::Belanja, doc.belanja),
        (Section::Penerimaan, pembiayaan.penerimaan),
        (Section::Pengeluaran, pembiayaan.pengeluaran),
    ];
    for (section, rows) in sections {
        for (i, row) in rows.unwrap_or_default().into_iter().enumerate() {
            let path = format!("{}[{i}]", section.path());
            if let Some(line) = read_row(&input, section, path, row, diags) {
                input.lines.push(line);
            }
        }
    }
    Some(input)
}

fn read_row(
    input: &BudgetInput,
    section: Section,
    path: String,
    row: RowDoc,
    diags: &mut Diagnostics,
) -> Option<Line> {
    let src = &input.source;
    let loc = |field: &str| input.spans.get(&format!("{path}.{field}"));
    let kode = match Code::parse(&row.kode) {
        Ok(code) => Some(code),
        Err(msg) => {
            diags.push(src.error(loc("kode"), msg).hint(
                "tulis kode seperti di dokumen APBDes, diapit tanda kutip: `kode: \"02.03.10\"`",
            ));
            None
        }
    };
    let jenis = row
        .jenis
        .as_deref()
        .and_then(|text| match Code::parse(text) {
            Ok(code) => Some(code),
            Err(msg) => {
                diags.push(
                    src.error(loc("jenis"), format!("jenis belanja: {msg}"))
                        .hint("tulis kode rekening belanja diapit tanda kutip, misalnya `jenis: \"5.2.1\"`"),
                );
                None
            }
        });
    let sumber_dana = row.sumber_dana.as_deref().and_then(|text| {
        let found = reference::sumber_dana(text);
        if found.is_none() {
            let known: Vec<&str> = reference::sumber_dana_all()
                .iter()
                .flat_map(|s| std::iter::once(s.kode).chain(s.alias.iter().copied()))
                .collect();
            let codes: Vec<&str> = reference::sumber_dana_all()
                .iter()
                .map(|s| s.kode)
                .collect();
            let mut d = src
                .error(
                    loc("sumber_dana"),
                    format!("sumber dana `{}` tidak dikenal", text.trim()),
                )
                .note(format!("kode yang dikenal: {}", codes.join(", ")));
            if let Some(best) = closest(text.trim(), known) {
                d = d.hint(format!("maksud Anda `{best}`?"));
            }
            diags.push(d);
        }
        found
    });
    let mut unreadable = false;
    let mut amount = |field: &str, text: Option<String>| -> Option<rust_decimal::Decimal> {
        let text = text?;
        match parse_amount(&text) {
            Ok(value) => Some(value),
            Err(e) => {
                unreadable = true;
                diags.push(
                    src.error(loc(field), format!("{field}: {}", e.message))
                        .hint(e.hint),
                );
                None
            }
        }
    };
    let anggaran = amount("anggaran", row.anggaran);
    let realisasi = amount("realisasi", row.realisasi);
    if realisasi.is_some() && !input.tahap.has_realisasi() {
        diags.push(
            src.error(loc("realisasi"), format!("ada angka realisasi, padahal tahap dokumen ini `{}`", input.tahap.name()))
                .hint("jika ini laporan realisasi, ubah `tahap:` menjadi `realisasi-semester-1` atau `realisasi`; jika bukan, hapus baris realisasi"),
        );
    }
    let text = yaml::text;
    Some(Line {
        section,
        kode: kode?,
        uraian: text(row.uraian),
        jenis,
        sumber_dana,
        lokasi: text(row.lokasi),
        keterangan: text(row.keterangan),
        anggaran,
        realisasi: if input.tahap.has_realisasi() {
            realisasi
        } else {
            None
        },
        unreadable,
        location: input.spans.get(&path),
        path,
    })
}
