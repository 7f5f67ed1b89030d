//! The charts of the budget pages, each with the table of its figures: breakdowns of one
//! year and the multi-year trend.
//!
//! In: a year's summary (its breakdowns and totals). Out: a [`ChartView`] for the template
//! and the SVG file it shows. Charts with fewer than two parts are left out.

use crate::budget::Amounts;
use crate::budget::summary::{NOT_STATED, Slice};
use crate::compute::Year;
use crate::money::rupiah;
use crate::output::OutputFile;
use crate::paths;
use crate::render::chart::{self, BarChart, Group, Svg};
use crate::render::view::AmountsView;
use serde::Serialize;

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

/// The breakdown charts of a year page, and their SVG files.
pub fn year(year: &Year) -> (Vec<ChartView>, Vec<OutputFile>) {
    let (budget, summary) = (year.budget, &year.summary);
    let t = &summary.totals;
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
    let mut charts = Vec::new();
    let mut files = Vec::new();
    for (id, judul, kolom, slices, total) in breakdowns {
        let judul = format!("{judul} {}", budget.tahun);
        let with_realisasi = budget.tahap.has_realisasi();
        if let Some((view, svg)) = breakdown_chart(id, &judul, kolom, slices, total, with_realisasi)
        {
            files.push(OutputFile::new(
                paths::budget_file(budget.tahun, &format!("{id}.svg")),
                svg.text.into_bytes(),
            ));
            charts.push(view);
        }
    }
    (charts, files)
}

/// The multi-year chart: pendapatan and belanja of every year, anggaran and realisasi.
pub fn trend(years: &[Year]) -> Option<(ChartView, Svg)> {
    if years.is_empty() {
        return None;
    }
    let any_realisasi = years.iter().any(|y| y.budget.tahap.has_realisasi());
    let mut groups = Vec::new();
    let mut rows = Vec::new();
    for Year {
        budget, summary, ..
    } in years
    {
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
    let first = years.first()?.budget.tahun;
    let last = years.last()?.budget.tahun;
    let view = ChartView {
        id: "tren".into(),
        alt: format!(
            "Grafik batang: pendapatan dan belanja desa tahun {first} sampai {last}. Angka lengkap ada pada tabel di bawah grafik."
        ),
        judul,
        src: paths::TREND_SVG.into(),
        width: svg.width,
        height: svg.height,
        kolom: "Tahun".into(),
        rows,
        total: AmountsView::new(&Amounts::default()),
    };
    Some((view, svg))
}
