//! Budget pages: the list of years, one page per year, its charts and downloads.
//!
//! In: a budget and its computed summary. Out: typed views for the templates, the chart
//! SVGs and the CSV/JSON downloads. Every figure shown comes from the summary or the tree;
//! nothing is added up here or in a template.

use super::OutputFile;
use super::budget_reports::{self, KegiatanLinks, KegiatanLists};
use super::chart::{self, BarChart, Group, Svg};
use super::report::LinkView;
use crate::budget::summary::{NOT_STATED, Slice, Summary};
use crate::budget::{Amounts, Budget, NodeKind, Section, Tree};
use crate::code::Code;
use crate::date::long_date;
use crate::money::{format_percent, number, rupiah};
use serde::Serialize;
use std::collections::BTreeMap;

/// Anggaran, realisasi, lebih/(kurang) and % of one figure, formatted.
#[derive(Debug, Clone, Serialize)]
pub struct AmountsView {
    pub anggaran: String,
    pub realisasi: Option<String>,
    pub selisih: Option<String>,
    pub persen: Option<String>,
    /// Realisasi above anggaran.
    pub lebih: bool,
}

impl AmountsView {
    pub fn new(a: &Amounts) -> Self {
        AmountsView {
            anggaran: rupiah(a.anggaran),
            realisasi: a.realisasi.map(rupiah),
            selisih: a.selisih().map(rupiah),
            persen: a.realisasi.map(|_| format_percent(a.percent())),
            lebih: a.realisasi.is_some_and(|r| r > a.anggaran),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct FigureView {
    pub label: String,
    #[serde(flatten)]
    pub amounts: AmountsView,
    pub catatan: Option<String>,
}

fn figure(label: &str, amounts: &Amounts, catatan: Option<String>) -> FigureView {
    FigureView {
        label: label.to_owned(),
        amounts: AmountsView::new(amounts),
        catatan,
    }
}

/// A figure whose percentage would mean nothing (a surplus, a balance): none is shown.
fn balance(label: &str, amounts: &Amounts, catatan: Option<String>) -> FigureView {
    let mut f = figure(label, amounts, catatan);
    f.amounts.persen = None;
    f.amounts.lebih = false;
    f
}

#[derive(Debug, Clone, Serialize)]
pub struct RowView {
    /// `kegiatan-02-03-10` on kegiatan rows, so reports can link to them.
    pub id: Option<String>,
    pub kode: String,
    pub uraian: String,
    /// `kelompok`, `baris` or `rincian`.
    pub jenis_baris: &'static str,
    /// Depth below the top row of its table part, for indentation.
    pub tingkat: usize,
    #[serde(flatten)]
    pub amounts: AmountsView,
    pub jenis: Option<String>,
    pub sumber_dana: Option<String>,
    pub lokasi: Option<String>,
    pub keterangan: Option<String>,
    /// Reports on this kegiatan.
    pub laporan: Vec<LinkView>,
    /// Where the official document's printed total differs from its rows (`selisih: dokumen`).
    pub selisih_dokumen: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct GroupView {
    pub head: RowView,
    /// The head row again, then every row under it.
    pub rows: Vec<RowView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TableView {
    pub id: String,
    pub judul: String,
    pub groups: Vec<GroupView>,
    pub total_label: String,
    pub total: AmountsView,
}

#[derive(Debug, Clone, Serialize)]
pub struct SliceView {
    pub nama: String,
    pub kode: Option<String>,
    #[serde(flatten)]
    pub amounts: AmountsView,
}

#[derive(Debug, Clone, Serialize)]
pub struct ChartView {
    pub id: String,
    pub judul: String,
    pub src: String,
    pub alt: String,
    pub width: u32,
    pub height: u32,
    pub kolom: String,
    pub rows: Vec<SliceView>,
    pub total: AmountsView,
}

#[derive(Debug, Clone, Serialize)]
pub struct YearView {
    pub tahun: i32,
    pub tahap: &'static str,
    pub tahap_kode: &'static str,
    pub per_tanggal: Option<String>,
    pub dasar_hukum: Option<String>,
    pub kodefikasi: &'static str,
    pub keterangan: Option<String>,
    pub has_realisasi: bool,
    pub ringkasan: Vec<FigureView>,
    pub per_penduduk: Option<FigureView>,
    pub charts: Vec<ChartView>,
    pub tables: Vec<TableView>,
    /// Kegiatan without reports, and without realisasi.
    pub kegiatan: KegiatanLists,
    pub csv: String,
    pub json: String,
}

fn row_view(tree: &Tree, i: usize, depth: usize, links: Option<&KegiatanLinks>) -> RowView {
    let n = &tree.nodes[i];
    let (id, laporan) = links.map(|l| l.row(i)).unwrap_or_default();
    RowView {
        id,
        laporan,
        kode: n.kode.to_string(),
        uraian: n.uraian.clone(),
        jenis_baris: match n.kind {
            NodeKind::Group => "kelompok",
            NodeKind::Leaf => "baris",
            NodeKind::Rincian => "rincian",
        },
        tingkat: depth,
        amounts: AmountsView::new(&n.amounts),
        jenis: n.jenis.as_ref().map(|j| match n.jenis_uraian {
            Some(name) => format!("{j} {name}"),
            None => j.to_string(),
        }),
        sumber_dana: n.sumber_dana.map(|s| s.kode.to_owned()),
        lokasi: n.lokasi.clone(),
        keterangan: n.keterangan.clone(),
        selisih_dokumen: tree
            .selisih
            .iter()
            .filter(|s| s.node == i)
            .map(|s| {
                let what = if s.field == "anggaran" { "jumlah" } else { "realisasi" };
                format!(
                    "{what} tercetak di dokumen resmi berbeda dari jumlah rinciannya: selisih {} (tercetak {})",
                    rupiah((s.printed - s.computed).abs()),
                    rupiah(s.printed)
                )
            })
            .collect(),
    }
}

fn groups(tree: &Tree, links: Option<&KegiatanLinks>) -> Vec<GroupView> {
    tree.roots
        .iter()
        .map(|&root| GroupView {
            // The summary line repeats the head row: no id there, the table row has it.
            head: row_view(tree, root, 0, None),
            rows: tree
                .walk_from(root)
                .into_iter()
                .map(|(i, depth)| row_view(tree, i, depth, links))
                .collect(),
        })
        .collect()
}

fn table(
    budget: &Budget,
    id: &str,
    judul: &str,
    sections: &[Section],
    total_label: &str,
    total: &Amounts,
    links: &KegiatanLinks,
) -> TableView {
    TableView {
        id: id.to_owned(),
        judul: judul.to_owned(),
        groups: sections
            .iter()
            .flat_map(|&s| groups(budget.tree(s), (s == Section::Belanja).then_some(links)))
            .collect(),
        total_label: total_label.to_owned(),
        total: AmountsView::new(total),
    }
}

fn slice_view(s: &Slice) -> SliceView {
    SliceView {
        nama: s.nama.clone(),
        kode: s.kode.clone(),
        amounts: AmountsView::new(&s.amounts),
    }
}

/// A chart and its table for one breakdown; None when it would show fewer than two parts
/// or nothing but "not stated".
fn breakdown_chart(
    id: &str,
    judul: &str,
    kolom: &str,
    slices: &[Slice],
    total: &Amounts,
    with_realisasi: bool,
) -> Option<(ChartView, Svg)> {
    if slices.len() < 2 || slices.iter().all(|s| s.nama == NOT_STATED) {
        return None;
    }
    let chart = BarChart {
        title: judul.to_owned(),
        series: chart::budget_series(with_realisasi),
        groups: slices
            .iter()
            .map(|s| Group {
                label: s.nama.clone(),
                values: std::iter::once(Some(s.amounts.anggaran))
                    .chain(with_realisasi.then_some(s.amounts.realisasi))
                    .collect(),
            })
            .collect(),
    };
    let svg = chart::render(&chart);
    let largest = slices.iter().max_by_key(|s| s.amounts.anggaran)?;
    let alt = format!(
        "Grafik batang: {judul}. Anggaran terbesar: {} ({}). Angka lengkap ada pada tabel di bawah grafik.",
        largest.nama,
        rupiah(largest.amounts.anggaran)
    );
    let view = ChartView {
        id: id.to_owned(),
        judul: judul.to_owned(),
        src: format!("{id}.svg"),
        alt,
        width: svg.width,
        height: svg.height,
        kolom: kolom.to_owned(),
        rows: slices.iter().map(slice_view).collect(),
        total: AmountsView::new(total),
    };
    Some((view, svg))
}

/// Headline figures with a plain-language note where the sign matters.
pub fn ringkasan(summary: &Summary) -> Vec<FigureView> {
    let t = &summary.totals;
    let surplus_note = if t.surplus.anggaran.is_sign_negative() && !t.surplus.anggaran.is_zero() {
        Some(format!(
            "Belanja direncanakan {} lebih besar daripada pendapatan (defisit); kekurangannya ditutup dari pembiayaan.",
            rupiah(-t.surplus.anggaran)
        ))
    } else {
        None
    };
    vec![
        figure("Pendapatan", &t.pendapatan, None),
        figure("Belanja", &t.belanja, None),
        balance("Surplus/(Defisit)", &t.surplus, surplus_note),
        balance("Pembiayaan Netto", &t.netto, None),
        balance("SiLPA Tahun Berjalan", &t.silpa, None),
    ]
}

/// The year page's view and every file that belongs to it. `reports` are the links to
/// the reports on each kegiatan of this year.
pub fn year(
    budget: &Budget,
    summary: &Summary,
    jumlah_penduduk: Option<u64>,
    reports: BTreeMap<Code, Vec<LinkView>>,
) -> (YearView, Vec<OutputFile>) {
    let links = KegiatanLinks::new(budget, reports);
    let r = budget.tahap.has_realisasi();
    let t = &summary.totals;
    let dir = format!("anggaran/{}", budget.tahun);
    let mut files = Vec::new();
    let mut charts = Vec::new();
    let breakdowns = [
        (
            "pendapatan-sumber",
            "Pendapatan menurut sumber",
            "Sumber pendapatan",
            &summary.pendapatan_jenis,
            &t.pendapatan,
        ),
        (
            "belanja-bidang",
            "Belanja per bidang",
            "Bidang",
            &summary.belanja_bidang,
            &t.belanja,
        ),
        (
            "belanja-jenis",
            "Belanja menurut jenis",
            "Jenis belanja",
            &summary.belanja_jenis,
            &t.belanja,
        ),
        (
            "belanja-sumber-dana",
            "Belanja menurut sumber dana",
            "Sumber dana",
            &summary.belanja_sumber_dana,
            &t.belanja,
        ),
    ];
    for (id, judul, kolom, slices, total) in breakdowns {
        if let Some((view, svg)) = breakdown_chart(
            id,
            &format!("{judul} {}", budget.tahun),
            kolom,
            slices,
            total,
            r,
        ) {
            files.push(OutputFile::new(
                format!("{dir}/{id}.svg"),
                svg.text.into_bytes(),
            ));
            charts.push(view);
        }
    }
    let tables = vec![
        table(
            budget,
            "pendapatan",
            "Pendapatan",
            &[Section::Pendapatan],
            "Jumlah Pendapatan",
            &t.pendapatan,
            &links,
        ),
        table(
            budget,
            "belanja",
            "Belanja",
            &[Section::Belanja],
            "Jumlah Belanja",
            &t.belanja,
            &links,
        ),
        table(
            budget,
            "pembiayaan",
            "Pembiayaan",
            &[Section::Penerimaan, Section::Pengeluaran],
            "Pembiayaan Netto",
            &t.netto,
            &links,
        ),
    ];
    let csv_name = format!("apbdes-{}.csv", budget.tahun);
    let json_name = format!("apbdes-{}.json", budget.tahun);
    files.push(OutputFile::new(
        format!("{dir}/{csv_name}"),
        super::download::csv(budget),
    ));
    files.push(OutputFile::new(
        format!("{dir}/{json_name}"),
        super::download::json(budget, summary),
    ));
    let view = YearView {
        tahun: budget.tahun,
        tahap: budget.tahap.describe(),
        tahap_kode: budget.tahap.name(),
        per_tanggal: budget.per_tanggal.map(long_date),
        dasar_hukum: budget.dasar_hukum.clone(),
        kodefikasi: budget.kodefikasi.title(),
        keterangan: budget.keterangan.clone(),
        has_realisasi: r,
        ringkasan: ringkasan(summary),
        per_penduduk: summary.belanja_per_penduduk.map(|a| {
            let n = jumlah_penduduk
                .map(|n| number(n.into()))
                .unwrap_or_default();
            figure(
                "Belanja per penduduk",
                &a,
                Some(format!("Jumlah belanja dibagi {n} penduduk.")),
            )
        }),
        charts,
        tables,
        kegiatan: budget_reports::lists(budget, &links),
        csv: csv_name,
        json: json_name,
    };
    (view, files)
}

/// One year on the list page.
#[derive(Debug, Clone, Serialize)]
pub struct YearRow {
    pub tahun: i32,
    pub tahap: &'static str,
    pub per_tanggal: Option<String>,
    pub href: String,
    pub pendapatan: AmountsView,
    pub belanja: AmountsView,
}

pub fn year_row(budget: &Budget, summary: &Summary, href: String) -> YearRow {
    YearRow {
        tahun: budget.tahun,
        tahap: budget.tahap.describe(),
        per_tanggal: budget.per_tanggal.map(long_date),
        href,
        pendapatan: AmountsView::new(&summary.totals.pendapatan),
        belanja: AmountsView::new(&summary.totals.belanja),
    }
}

/// The multi-year chart: pendapatan and belanja of every year, anggaran and realisasi.
pub fn trend(years: &[(&Budget, &Summary)]) -> Option<(ChartView, Svg)> {
    if years.is_empty() {
        return None;
    }
    let any_realisasi = years.iter().any(|(b, _)| b.tahap.has_realisasi());
    let mut groups = Vec::new();
    let mut rows = Vec::new();
    for (budget, summary) in years {
        for (name, amounts) in [
            ("Pendapatan", &summary.totals.pendapatan),
            ("Belanja", &summary.totals.belanja),
        ] {
            let label = format!("{} · {name}", budget.tahun);
            groups.push(Group {
                label: label.clone(),
                values: std::iter::once(Some(amounts.anggaran))
                    .chain(any_realisasi.then_some(amounts.realisasi))
                    .collect(),
            });
            rows.push(SliceView {
                nama: label,
                kode: None,
                amounts: AmountsView::new(amounts),
            });
        }
    }
    let judul = "Pendapatan dan belanja dari tahun ke tahun".to_owned();
    let svg = chart::render(&BarChart {
        title: judul.clone(),
        series: chart::budget_series(any_realisasi),
        groups,
    });
    let first = years.first()?.0.tahun;
    let last = years.last()?.0.tahun;
    let view = ChartView {
        id: "tren".into(),
        alt: format!(
            "Grafik batang: pendapatan dan belanja desa tahun {first} sampai {last}. Angka lengkap ada pada tabel di bawah grafik."
        ),
        judul,
        src: "tren.svg".into(),
        width: svg.width,
        height: svg.height,
        kolom: "Tahun".into(),
        rows,
        total: AmountsView::new(&Amounts::default()),
    };
    Some((view, svg))
}
