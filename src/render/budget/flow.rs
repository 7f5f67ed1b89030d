//! The year page's first picture: where the belanja money comes from (sumber dana, left)
//! and where it goes (bidang, right), one band per source and bidang, as wide as its
//! amount. Drawn by hand as SVG, since plotters has no flow (Sankey) diagram.
//!
//! In: a computed [`Flow`]. Out: the SVG and its view: a caption in plain words, a text
//! alternative and the table of every band. Amounts are the flow's own; only the shares
//! of the total are worked out here, for the labels.

use crate::compute::flow::{Flow, Part};
use crate::html::escape;
use crate::money::{format_percent, percent, rupiah, rupiah_short};
use crate::render::chart::{self, Svg, TEXT_HEX as TEXT};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;
use std::fmt::Write as _;

const WIDTH: f64 = chart::WIDTH as f64;
/// Each side's label column; the bands run between the two bars.
const LABEL_W: f64 = 110.0;
const BAR_W: f64 = 10.0;
const LEFT_BAR: f64 = LABEL_W + 4.0;
const RIGHT_BAR: f64 = WIDTH - LABEL_W - 4.0 - BAR_W;
/// Font size in the picture's own units: shown 328 px wide on a 360 px phone, 14 is
/// 12.8 px on screen.
const FONT: f64 = 14.0;
const LINE: f64 = 16.0;
/// Characters per label line, at about 0.55 em per character.
const LINE_CHARS: usize = 14;
/// The height all the money takes, before the gaps between parts.
const MONEY_H: f64 = 320.0;
const GAP: f64 = 12.0;
const TOP: f64 = 6.0;
/// Okabe–Ito colours, told apart with any colour vision; "not stated" is grey.
const COLOURS: [&str; 7] = [
    "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442",
];
const NOT_STATED: &str = "#999999";
const TARGET: &str = "#4D4D4D";

#[derive(Debug, Clone, Serialize)]
pub struct FlowRow {
    pub sumber: String,
    pub bidang: String,
    pub anggaran: String,
    pub persen: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct FlowView {
    pub judul: String,
    pub keterangan: String,
    pub src: String,
    pub alt: String,
    pub width: u32,
    pub height: u32,
    pub rows: Vec<FlowRow>,
}

/// The picture and its view; `src` is the SVG's address from the year page.
pub fn flow(flow: &Flow, tahun: i32, src: String) -> (FlowView, Svg) {
    let judul = format!("Dari mana uang belanja {tahun}, dan untuk apa");
    let svg = draw(flow, &judul);
    let rows = flow
        .links
        .iter()
        .map(|l| FlowRow {
            sumber: flow.sources[l.source].nama.clone(),
            bidang: short_name(&flow.targets[l.target].nama),
            anggaran: rupiah(l.anggaran),
            persen: format_percent(percent(l.anggaran, flow.total)),
        })
        .collect();
    let view = FlowView {
        keterangan: caption(flow),
        // The caption under the picture says what it shows; the alt text does not repeat it.
        alt: format!("Diagram alir: {judul}. Penjelasan dan angkanya ada di bawah gambar."),
        judul,
        src,
        width: svg.width,
        height: svg.height,
        rows,
    };
    (view, svg)
}

/// What the picture says, in one or two sentences: the largest source and where most of
/// it goes.
fn caption(flow: &Flow) -> String {
    let mut text = "Setiap pita menunjukkan uang dari satu sumber dana yang direncanakan untuk satu bidang; lebarnya sebanding dengan jumlahnya.".to_owned();
    let largest = flow
        .sources
        .iter()
        .enumerate()
        .find(|(_, s)| s.kode.is_some());
    if let Some((i, source)) = largest {
        let main = flow
            .links
            .iter()
            .filter(|l| l.source == i)
            .max_by(|a, b| a.anggaran.cmp(&b.anggaran).then(b.target.cmp(&a.target)));
        if let Some(link) = main {
            let _ = write!(
                text,
                " Sumber terbesar, {} ({}), paling banyak untuk {} ({}).",
                source.nama,
                rupiah_short(source.anggaran),
                short_name(&flow.targets[link.target].nama),
                rupiah_short(link.anggaran)
            );
        }
    }
    text
}

/// A part's place in its column.
struct Slot {
    /// Top of the bar.
    y: f64,
    bar: f64,
    lines: Vec<String>,
}

fn draw(flow: &Flow, title: &str) -> Svg {
    let scale = MONEY_H / flow.total.to_f64().unwrap_or(1.0).max(1.0);
    let left = column(&flow.sources, flow.total, scale);
    let right = column(&flow.targets, flow.total, scale);
    let height = [&left, &right]
        .iter()
        .filter_map(|c| {
            c.last()
                .map(|s| s.y + s.bar.max(s.lines.len() as f64 * LINE))
        })
        .fold(0.0, f64::max)
        + TOP;
    let height = height.ceil() as u32;
    let mut out = String::new();
    let _ = write!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {height}" width="{w}" height="{height}" role="img" aria-label="{t}" font-family="sans-serif" font-size="{FONT}"><title>{t}</title>"#,
        w = WIDTH,
        t = escape(title)
    );
    bands(&mut out, flow, &left, &right, scale);
    for (i, (slot, part)) in left.iter().zip(&flow.sources).enumerate() {
        bar(&mut out, LEFT_BAR, slot, colour(part, i));
        label(&mut out, LEFT_BAR - 4.0, "end", slot);
    }
    for slot in &right {
        bar(&mut out, RIGHT_BAR, slot, TARGET);
        label(&mut out, RIGHT_BAR + BAR_W + 4.0, "start", slot);
    }
    out.push_str("</svg>\n");
    Svg {
        text: out,
        width: WIDTH as u32,
        height,
    }
}

fn column(parts: &[Part], total: Decimal, scale: f64) -> Vec<Slot> {
    let mut y = TOP;
    parts
        .iter()
        .map(|p| {
            let bar = (p.anggaran.to_f64().unwrap_or(0.0) * scale).max(2.0);
            let mut lines = wrap(&short_name(&p.nama));
            lines.push(rupiah_short(p.anggaran));
            lines.push(share(p.anggaran, total));
            let slot = Slot { y, bar, lines };
            y += bar.max(slot.lines.len() as f64 * LINE) + GAP;
            slot
        })
        .collect()
}

fn bands(out: &mut String, flow: &Flow, left: &[Slot], right: &[Slot], scale: f64) {
    let mut from = vec![0.0; left.len()];
    let mut to = vec![0.0; right.len()];
    let (x0, x1) = (LEFT_BAR + BAR_W, RIGHT_BAR);
    let mid = (x0 + x1) / 2.0;
    for link in &flow.links {
        let t = (link.anggaran.to_f64().unwrap_or(0.0) * scale).max(1.0);
        let y0 = left[link.source].y + from[link.source];
        let y1 = right[link.target].y + to[link.target];
        from[link.source] += t;
        to[link.target] += t;
        let source = &flow.sources[link.source];
        let _ = write!(
            out,
            r#"<path d="M{x0:.1} {y0:.1}C{mid:.1} {y0:.1} {mid:.1} {y1:.1} {x1:.1} {y1:.1}V{b1:.1}C{mid:.1} {b1:.1} {mid:.1} {b0:.1} {x0:.1} {b0:.1}Z" fill="{c}" fill-opacity="0.45"><title>{s} → {d}: {a}</title></path>"#,
            b0 = y0 + t,
            b1 = y1 + t,
            c = colour(source, link.source),
            s = escape(&source.nama),
            d = escape(&flow.targets[link.target].nama),
            a = rupiah(link.anggaran),
        );
    }
}

fn bar(out: &mut String, x: f64, slot: &Slot, fill: &str) {
    let _ = write!(
        out,
        r#"<rect x="{x:.1}" y="{:.1}" width="{BAR_W}" height="{:.1}" fill="{fill}"/>"#,
        slot.y, slot.bar
    );
}

fn label(out: &mut String, x: f64, anchor: &str, slot: &Slot) {
    let _ = write!(
        out,
        r#"<text x="{x:.1}" y="{:.1}" text-anchor="{anchor}" fill="{TEXT}">"#,
        slot.y + FONT - 2.0
    );
    let last = slot.lines.len().saturating_sub(1);
    for (i, line) in slot.lines.iter().enumerate() {
        let dy = if i == 0 { 0.0 } else { LINE };
        // The amount in bold; the share after it in the normal weight.
        let weight = if i + 1 == last {
            r#" font-weight="700""#
        } else {
            ""
        };
        let _ = write!(
            out,
            r#"<tspan x="{x:.1}" dy="{dy}"{weight}>{}</tspan>"#,
            escape(line)
        );
    }
    out.push_str("</text>");
}

fn colour(part: &Part, i: usize) -> &'static str {
    if part.kode.is_none() {
        NOT_STATED
    } else {
        COLOURS[i % COLOURS.len()]
    }
}

/// `35%` of the total; `<1%` for a sliver.
fn share(amount: Decimal, total: Decimal) -> String {
    // Rounded once, straight to whole percent: via `percent`'s two decimals, 44,496% would
    // become 44,50% and then 45%.
    let whole = (!total.is_zero())
        .then(|| amount.checked_mul(Decimal::from(100))?.checked_div(total))
        .flatten()
        .unwrap_or_default()
        .round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero);
    if whole.is_zero() && !amount.is_zero() {
        "<1%".to_owned()
    } else {
        format!("{whole}%")
    }
}

/// A bidang's name without its leading "Bidang", which every one of them has.
fn short_name(name: &str) -> String {
    let trimmed = name.trim();
    match trimmed.get(..7) {
        Some(head) if head.eq_ignore_ascii_case("bidang ") => trimmed[7..].to_owned(),
        _ => trimmed.to_owned(),
    }
}

/// Words into lines of about [`LINE_CHARS`] characters, at most three lines (the last one
/// shortened with "…").
fn wrap(text: &str) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= LINE_CHARS => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_owned()),
        }
    }
    if lines.len() > 3 {
        lines.truncate(3);
        lines[2].push('…');
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compute::flow::Link;

    #[test]
    fn a_share_is_rounded_once_to_whole_percent() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        // 44.496 / 100.000 = 44,496% → 44% (rounding to 44,50% first would give 45%).
        assert_eq!(share(d("44496"), d("100000")), "44%");
        // 1 / 8 = 12,5% → 13%, half away from zero.
        assert_eq!(share(d("1"), d("8")), "13%");
        // 4 / 1.000 = 0,4%: a sliver, not 0%.
        assert_eq!(share(d("4"), d("1000")), "<1%");
        assert_eq!(share(d("0"), d("1000")), "0%");
    }

    fn part(kode: Option<&str>, nama: &str, anggaran: i64) -> Part {
        Part {
            kode: kode.map(str::to_owned),
            nama: nama.to_owned(),
            anggaran: Decimal::from(anggaran),
        }
    }

    fn sample() -> Flow {
        Flow {
            sources: vec![
                part(Some("DDS"), "Dana Desa", 600_000_000),
                part(Some("ADD"), "Alokasi Dana Desa", 400_000_000),
            ],
            targets: vec![
                part(
                    Some("01"),
                    "Bidang Penyelenggaraan Pemerintahan Desa",
                    450_000_000,
                ),
                part(
                    Some("02"),
                    "Bidang Pelaksanaan Pembangunan Desa",
                    550_000_000,
                ),
            ],
            links: vec![
                Link {
                    source: 0,
                    target: 0,
                    anggaran: Decimal::from(50_000_000),
                },
                Link {
                    source: 0,
                    target: 1,
                    anggaran: Decimal::from(550_000_000),
                },
                Link {
                    source: 1,
                    target: 0,
                    anggaran: Decimal::from(400_000_000),
                },
            ],
            total: Decimal::from(1_000_000_000),
        }
    }

    #[test]
    fn every_band_and_part_is_in_the_picture_and_its_table() {
        let (view, svg) = flow(&sample(), 2025, "alir.svg".into());
        assert_eq!(svg.text.matches("<path ").count(), 3);
        // 600 of 1 000 million = 60 %, 400 = 40 %, 450 = 45 %, 550 = 55 %.
        for label in ["60%", "40%", "45%", "55%", "Rp 600 juta", "Rp 550 juta"] {
            assert!(svg.text.contains(&format!(">{label}<")), "{label}");
        }
        assert!(
            svg.text
                .contains("Dana Desa → Bidang Pelaksanaan Pembangunan Desa: Rp 550.000.000")
        );
        let rows: Vec<(&str, &str, &str)> = view
            .rows
            .iter()
            .map(|r| (r.sumber.as_str(), r.anggaran.as_str(), r.persen.as_str()))
            .collect();
        assert_eq!(
            rows,
            [
                ("Dana Desa", "Rp 50.000.000", "5,00%"),
                ("Dana Desa", "Rp 550.000.000", "55,00%"),
                ("Alokasi Dana Desa", "Rp 400.000.000", "40,00%"),
            ]
        );
        assert_eq!(
            view.keterangan.rsplit(". ").next().unwrap(),
            "Sumber terbesar, Dana Desa (Rp 600 juta), paling banyak untuk Pelaksanaan Pembangunan Desa (Rp 550 juta)."
        );
    }

    #[test]
    fn bands_are_as_wide_as_their_share_of_the_money() {
        let svg = flow(&sample(), 2025, "alir.svg".into()).1.text;
        // 550 of 1 000 million of MONEY_H (320): 176 units, from y 6 + 16 (the 50 million
        // band above it in Dana Desa's bar) = 22.0 to 198.0 on the left.
        assert!(svg.contains("M124.0 22.0C"), "{svg}");
        assert!(svg.contains("124.0 198.0Z"), "{svg}");
    }

    #[test]
    fn long_names_wrap_into_three_lines_at_most() {
        assert_eq!(
            wrap("Penyelenggaraan Pemerintahan Desa"),
            ["Penyelenggaraan", "Pemerintahan", "Desa"]
        );
        assert_eq!(
            wrap("Penanggulangan Bencana, Keadaan Darurat dan Mendesak Desa"),
            ["Penanggulangan", "Bencana,", "Keadaan…"]
        );
        assert_eq!(share(Decimal::from(4), Decimal::from(1000)), "<1%");
    }
}
