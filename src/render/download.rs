//! Downloads of a budget year: CSV for spreadsheets, JSON for programs.
//!
//! In: a budget and its summary. Out: file bytes. One CSV row per table row, computed groups
//! included; amounts as plain decimals with a dot (`1220937619.09`) so any spreadsheet or
//! program reads them exactly. JSON amounts are strings for the same reason.

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
                &n.uraian,
                kind_name(n.kind),
                n.jenis.as_ref().map(|j| j.as_str()).unwrap_or(""),
                n.sumber_dana.map(|s| s.kode).unwrap_or(""),
                n.lokasi.as_deref().unwrap_or(""),
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
