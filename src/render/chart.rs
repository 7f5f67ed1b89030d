//! Bar charts as SVG, drawn with plotters.
//!
//! In: labelled groups of amounts taken from the computed budget (never re-added here). Out:
//! an SVG document with a title, `role="img"`, a viewBox that scales to the screen, and
//! every bar labelled with its amount in text. Bars are horizontal so labels stay readable
//! at 360 px. The two series differ in lightness and shape as well as colour (anggaran: a
//! light bar with a dark outline; realisasi: a solid dark bar), so they stay apart for
//! colour-blind readers and in greyscale print. Text is SVG `<text>` in the reader's own
//! sans-serif font: nothing depends on fonts installed where the site is built.

use crate::money::rupiah_short;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

/// How a series is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// Light fill, dark outline: the plan.
    Outline,
    /// Solid dark: what was actually spent or received.
    Solid,
}

#[derive(Debug, Clone)]
pub struct Series {
    pub name: String,
    pub style: Style,
}

#[derive(Debug, Clone)]
pub struct Group {
    pub label: String,
    /// One value per series; None draws no bar (e.g. no realisasi yet).
    pub values: Vec<Option<Decimal>>,
}

#[derive(Debug, Clone)]
pub struct BarChart {
    pub title: String,
    pub series: Vec<Series>,
    pub groups: Vec<Group>,
}

/// A finished chart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Svg {
    pub text: String,
    pub width: u32,
    pub height: u32,
}

/// Every budget picture is drawn this wide and scales to the screen.
pub const WIDTH: u32 = 360;
const PAD: i32 = 8;
const LABEL_SIZE: f64 = 13.0;
const VALUE_SIZE: f64 = 12.0;
const BAR_H: i32 = 13;
const BAR_GAP: i32 = 3;
const GROUP_GAP: i32 = 12;
const LEGEND_H: i32 = 26;
/// Room kept right of the longest bar for its amount ("Rp 1,22 miliar").
const VALUE_ROOM: i32 = 104;
const DARK: RGBColor = RGBColor(0x00, 0x4B, 0x7F);
const LIGHT: RGBColor = RGBColor(0xB9, 0xDD, 0xF5);
const TEXT: RGBColor = RGBColor(0x1A, 0x1A, 0x1A);
/// [`TEXT`], for pictures drawn without plotters.
pub const TEXT_HEX: &str = "#1A1A1A";
/// plotters writes font sizes divided by this factor.
const PLOTTERS_FONT_SCALE: f64 = 1.24;

fn font(size: f64, bold: bool) -> TextStyle<'static> {
    let style = if bold {
        FontStyle::Bold
    } else {
        FontStyle::Normal
    };
    ("sans-serif", size * PLOTTERS_FONT_SCALE, style)
        .into_font()
        .color(&TEXT)
}

pub fn render(chart: &BarChart) -> Svg {
    let per_group = 18 + chart.series.len() as i32 * (BAR_H + BAR_GAP) + GROUP_GAP;
    let height = (LEGEND_H + chart.groups.len() as i32 * per_group + PAD) as u32;
    let max = chart
        .groups
        .iter()
        .flat_map(|g| g.values.iter().flatten())
        .copied()
        .max()
        .unwrap_or(Decimal::ZERO);
    let bar_room = WIDTH as i32 - 2 * PAD - VALUE_ROOM;
    let length = |v: Decimal| -> i32 {
        if max <= Decimal::ZERO || v <= Decimal::ZERO {
            return 0;
        }
        // Geometry only: the amounts themselves are printed from the exact value.
        let ratio = (v / max).to_f64().unwrap_or(0.0);
        ((ratio * f64::from(bar_room)).round() as i32).max(1)
    };
    let mut text = String::new();
    {
        let root = SVGBackend::with_string(&mut text, (WIDTH, height)).into_drawing_area();
        let _ = root.fill(&WHITE);
        let mut x = PAD;
        for series in &chart.series {
            draw_bar(&root, series.style, x, 6, 14);
            let _ = root.draw(&Text::new(
                series.name.clone(),
                (x + 18, 13),
                font(VALUE_SIZE, false).pos(Pos::new(HPos::Left, VPos::Center)),
            ));
            x += 26 + series.name.chars().count() as i32 * 7;
        }
        let mut y = LEGEND_H;
        for group in &chart.groups {
            let label = shorten(&group.label, 50);
            let _ = root.draw(&Text::new(
                label,
                (PAD, y + 7),
                font(LABEL_SIZE, true).pos(Pos::new(HPos::Left, VPos::Center)),
            ));
            y += 18;
            for (series, value) in chart.series.iter().zip(&group.values) {
                if let Some(v) = value {
                    let len = length(*v);
                    draw_bar(&root, series.style, PAD, y, len);
                    let _ = root.draw(&Text::new(
                        rupiah_short(*v),
                        (PAD + len + 5, y + BAR_H / 2),
                        font(VALUE_SIZE, false).pos(Pos::new(HPos::Left, VPos::Center)),
                    ));
                }
                y += BAR_H + BAR_GAP;
            }
            y += GROUP_GAP;
        }
        let _ = root.present();
    }
    Svg {
        text: finish(&text, &chart.title),
        width: WIDTH,
        height,
    }
}

fn draw_bar<DB: DrawingBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    style: Style,
    x: i32,
    y: i32,
    len: i32,
) {
    if len <= 0 {
        return;
    }
    let corners = [(x, y), (x + len, y + BAR_H)];
    match style {
        Style::Solid => {
            let _ = area.draw(&Rectangle::new(corners, DARK.filled()));
        }
        Style::Outline => {
            let _ = area.draw(&Rectangle::new(corners, LIGHT.filled()));
            let _ = area.draw(&Rectangle::new(corners, DARK.stroke_width(2)));
        }
    }
}

fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max - 1).collect();
    format!("{}…", cut.trim_end())
}

/// Makes plotters' SVG scale to its container and carry its title for assistive technology.
fn finish(svg: &str, title: &str) -> String {
    let body = svg.find('>').map_or(svg, |end| &svg[end + 1..]);
    let (w, h) = dims(svg);
    let title = crate::html::escape(title);
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\" role=\"img\" aria-labelledby=\"judul\">\n<title id=\"judul\">{title}</title>{body}"
    )
}

fn dims(svg: &str) -> (u32, u32) {
    let attr = |name: &str| -> u32 {
        svg.split_once(&format!("{name}=\""))
            .and_then(|(_, rest)| rest.split('"').next())
            .and_then(|v| v.parse().ok())
            .unwrap_or(0)
    };
    (attr("width"), attr("height"))
}

/// The two series of a budget chart; only anggaran when the document has no realisasi.
pub fn budget_series(with_realisasi: bool) -> Vec<Series> {
    let mut series = vec![Series {
        name: "Anggaran".into(),
        style: Style::Outline,
    }];
    if with_realisasi {
        series.push(Series {
            name: "Realisasi".into(),
            style: Style::Solid,
        });
    }
    series
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chart() -> BarChart {
        BarChart {
            title: "Belanja <per> bidang".into(),
            series: budget_series(true),
            groups: vec![
                Group {
                    label: "Bidang A".into(),
                    values: vec![
                        Some(Decimal::from(1_000_000_000)),
                        Some(Decimal::from(500_000_000)),
                    ],
                },
                Group {
                    label: "Bidang B".into(),
                    values: vec![Some(Decimal::from(250_000_000)), None],
                },
            ],
        }
    }

    #[test]
    fn svg_has_title_role_viewbox_and_labels() {
        let svg = render(&chart());
        assert!(
            svg.text
                .starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 360 ")
        );
        assert!(svg.text.contains("role=\"img\""));
        assert!(
            svg.text
                .contains("<title id=\"judul\">Belanja &lt;per&gt; bidang</title>")
        );
        assert!(svg.text.contains("Rp 1 miliar"));
        assert!(svg.text.contains("Rp 500 juta"));
        assert!(svg.text.contains("Rp 250 juta"));
        assert!(svg.text.contains("Bidang B"));
        assert_eq!(svg.text.matches("<svg").count(), 1);
    }

    #[test]
    fn bars_are_proportional_to_the_amounts() {
        let svg = render(&chart()).text;
        // Bar room is 360 − 16 − 104 = 240 px: 1 miliar → 240, 500 juta → 120, 250 juta → 60.
        let widths: Vec<&str> = svg
            .match_indices("width=\"")
            .map(|(i, _)| svg[i + 7..].split('"').next().unwrap_or(""))
            .collect();
        for w in ["240", "120", "60"] {
            assert!(widths.contains(&w), "no bar {w} wide in {widths:?}");
        }
    }

    #[test]
    fn same_input_same_bytes() {
        assert_eq!(render(&chart()), render(&chart()));
    }
}
