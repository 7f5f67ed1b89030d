//! Budget files (`content/anggaran/TAHUN.yaml`) read into a [`BudgetInput`].
//!
//! In: the file's text. Out: the header (tahun, kodefikasi, tahap, per_tanggal) and every row
//! with its code, amounts and sumber dana read exactly, or a diagnostic for each field that
//! cannot be read. YAML scalars are taken as written (`2.10` stays `2.10`, `15.000.000` is
//! read by [`crate::money`], never as a float).

use super::{BudgetInput, Line, Section, Tahap};
use crate::code::Code;
use crate::date::parse_date;
use crate::diagnostic::{Diagnostics, Location};
use crate::money::parse_amount;
use crate::reference::{self, Kodefikasi, SumberDana};
use crate::source::SourceFile;
use crate::suggest::did_you_mean;
use crate::yaml;
use jiff::civil::Date;
use rust_decimal::Decimal;
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
pub fn read(source: SourceFile, today: Date, diags: &mut Diagnostics) -> Option<BudgetInput> {
    let (doc, spans): (Doc, _) = yaml::read_with_spans(&source, diags)?;
    let header = Header {
        source: &source,
        spans: &spans,
    };
    let tahun = header.tahun(&doc.tahun, diags);
    let kodefikasi = header.kodefikasi(doc.kodefikasi.as_deref(), diags);
    let tahap = header.tahap(doc.tahap.as_deref(), diags);
    let per_tanggal = header.per_tanggal(doc.per_tanggal.as_deref(), tahun, tahap, today, diags);
    let selisih_dokumen = header.selisih(doc.selisih.as_deref(), diags);
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

/// The header fields of a budget file, each checked at its line.
struct Header<'a> {
    source: &'a SourceFile,
    spans: &'a yaml::Spans,
}

impl Header<'_> {
    fn tahun(&self, text: &str, diags: &mut Diagnostics) -> Option<i32> {
        match text.trim().parse::<i32>() {
            Ok(t) if i16::try_from(t).is_ok_and(|y| crate::date::YEARS.contains(&y)) => Some(t),
            _ => {
                diags.push(
                    self.source
                        .error(
                            self.spans.get("tahun"),
                            format!("tahun `{}` tidak sah", text.trim()),
                        )
                        .hint("tulis tahun anggaran dengan empat angka, misalnya `tahun: 2025`"),
                );
                None
            }
        }
    }

    /// A value from a fixed list; an unknown one is reported with the list and the
    /// likeliest meant.
    fn choice<T>(
        &self,
        key: &str,
        text: &str,
        names: &[&str],
        parse: fn(&str) -> Option<T>,
        diags: &mut Diagnostics,
    ) -> Option<T> {
        let found = parse(text);
        if found.is_none() {
            let mut d = self
                .source
                .error(
                    self.spans.get(key),
                    format!("{key} `{}` tidak dikenal", text.trim()),
                )
                .note(format!("pilihan: {}", names.join(", ")));
            if let Some(hint) = did_you_mean(text.trim(), names.iter().copied()) {
                d = d.hint(hint);
            }
            diags.push(d);
        }
        found
    }

    fn kodefikasi(&self, text: Option<&str>, diags: &mut Diagnostics) -> Option<Kodefikasi> {
        match text {
            None => Some(Kodefikasi::Permendagri20),
            Some(text) => self.choice(
                "kodefikasi",
                text,
                &Kodefikasi::NAMES,
                Kodefikasi::parse,
                diags,
            ),
        }
    }

    fn tahap(&self, text: Option<&str>, diags: &mut Diagnostics) -> Tahap {
        text.and_then(|text| self.choice("tahap", text, &Tahap::NAMES, Tahap::parse, diags))
            .unwrap_or(Tahap::Anggaran)
    }

    /// The date the realisasi figures are as of: in the budget year (or early in the next,
    /// for a year-end report), and required when the document reports realisasi. A date
    /// still to come, or outside its tahap's half of the year, is a warning.
    fn per_tanggal(
        &self,
        text: Option<&str>,
        tahun: Option<i32>,
        tahap: Tahap,
        today: Date,
        diags: &mut Diagnostics,
    ) -> Option<Date> {
        let at = self.spans.get("per_tanggal");
        let date = text.and_then(|text| match parse_date(text) {
            Ok(date) => Some(date),
            Err((msg, hint)) => {
                diags.push(self.source.error(at, msg).hint(hint));
                None
            }
        });
        if let (Some(t), Some(date)) = (tahun, date)
            && !(t..=t + 1).contains(&(date.year() as i32))
        {
            diags.push(
                self.source
                    .error(
                        at,
                        format!("per_tanggal {date} tidak cocok dengan tahun anggaran {t}"),
                    )
                    .hint(format!(
                        "tanggal realisasi jatuh di tahun {t} (atau awal {} untuk laporan akhir tahun)",
                        t + 1
                    )),
            );
        }
        if let (Some(t), Some(date)) = (tahun, date)
            && tahap.has_realisasi()
        {
            self.per_tanggal_plausible(t, date, tahap, today, diags);
        }
        if tahap.has_realisasi() && text.is_none() {
            diags.push(
                self.source
                    .error(
                        self.spans.get("tahap"),
                        format!("tahap `{}` memerlukan `per_tanggal`", tahap.name()),
                    )
                    .hint(
                        "tambahkan tanggal posisi angka realisasi, misalnya `per_tanggal: 2025-06-30`",
                    ),
            );
        }
        date
    }

    /// Realisasi cannot be counted before it happens; a semester report counts to 30 June,
    /// a year-end one to 31 December.
    fn per_tanggal_plausible(
        &self,
        tahun: i32,
        date: Date,
        tahap: Tahap,
        today: Date,
        diags: &mut Diagnostics,
    ) {
        let at = self.spans.get("per_tanggal");
        let year = i16::try_from(tahun).unwrap_or(i16::MAX);
        let after_semester = jiff::civil::Date::new(year, 7, 31).is_ok_and(|end| date > end);
        let in_semester = jiff::civil::Date::new(year, 7, 1).is_ok_and(|start| date < start);
        let warning = if date > today {
            Some((
                format!("per_tanggal {date} belum tiba: hari ini {today}"),
                "angka realisasi hanya bisa dihitung sampai hari ini; tulis tanggal posisi seperti tertulis di laporan realisasi".to_owned(),
            ))
        } else if tahap == Tahap::RealisasiSemester1 && after_semester {
            Some((
                format!("per_tanggal {date} jatuh sesudah semester pertama"),
                format!(
                    "laporan realisasi semester pertama berisi angka per 30 Juni {tahun}; jika ini laporan akhir tahun, tulis `tahap: realisasi`"
                ),
            ))
        } else if tahap == Tahap::Realisasi && in_semester {
            Some((
                format!("per_tanggal {date} masih di semester pertama"),
                format!(
                    "laporan realisasi akhir tahun berisi angka per 31 Desember {tahun}; jika ini laporan semester pertama, tulis `tahap: realisasi-semester-1`"
                ),
            ))
        } else {
            None
        };
        if let Some((message, hint)) = warning {
            diags.push(self.source.warning(at, message).hint(hint));
        }
    }

    /// `selisih: dokumen`: the official document's printed totals do not add up, and the
    /// file says so; any other value is a mistake.
    fn selisih(&self, text: Option<&str>, diags: &mut Diagnostics) -> bool {
        match text.map(str::trim) {
            None => false,
            Some("dokumen") => true,
            Some(other) => {
                diags.push(
                    self.source
                        .error(self.spans.get("selisih"), format!("selisih `{other}` tidak dikenal"))
                        .hint("tulis `selisih: dokumen` hanya jika jumlah yang tidak cocok memang tercetak begitu di dokumen resmi; jika tidak, hapus baris ini"),
                );
                false
            }
        }
    }
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
    let jenis = row.jenis.as_deref().and_then(|text| {
        Code::parse(text)
            .map_err(|msg| {
                diags.push(
                    src.error(loc("jenis"), format!("jenis belanja: {msg}"))
                        .hint("tulis kode rekening belanja diapit tanda kutip, misalnya `jenis: \"5.2.1\"`"),
                );
            })
            .ok()
    });
    let sumber_dana = row
        .sumber_dana
        .as_deref()
        .and_then(|text| sumber_dana(src, loc("sumber_dana"), text, diags));
    let mut unreadable = false;
    let mut amount = |field: &str, text: Option<String>| {
        let value = read_amount(src, loc(field), field, text?, diags);
        unreadable |= value.is_none();
        value
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
        realisasi: realisasi.filter(|_| input.tahap.has_realisasi()),
        unreadable,
        location: input.spans.get(&path),
        path,
    })
}

/// A sumber dana code or one of its aliases; an unknown one is reported with the codes.
fn sumber_dana(
    src: &SourceFile,
    at: Option<Location>,
    text: &str,
    diags: &mut Diagnostics,
) -> Option<&'static SumberDana> {
    let found = reference::sumber_dana(text);
    if found.is_none() {
        let all = reference::sumber_dana_all();
        let known: Vec<&str> = all
            .iter()
            .flat_map(|s| std::iter::once(s.kode).chain(s.alias.iter().copied()))
            .collect();
        let codes: Vec<&str> = all.iter().map(|s| s.kode).collect();
        let mut d = src
            .error(at, format!("sumber dana `{}` tidak dikenal", text.trim()))
            .note(format!("kode yang dikenal: {}", codes.join(", ")));
        if let Some(hint) = did_you_mean(text.trim(), known) {
            d = d.hint(hint);
        }
        diags.push(d);
    }
    found
}

/// An amount read exactly; None, reported, when it cannot be read.
fn read_amount(
    src: &SourceFile,
    at: Option<Location>,
    field: &str,
    text: String,
    diags: &mut Diagnostics,
) -> Option<Decimal> {
    parse_amount(&text)
        .map_err(|e| {
            diags.push(
                src.error(at, format!("{field}: {}", e.message))
                    .hint(e.hint),
            );
        })
        .ok()
}
