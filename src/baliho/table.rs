//! The tables of the notice board: a heading, then one line per figure with its anggaran
//! and, when the document reports it, realisasi and percentage.
//!
//! In: [`Row`]s from the board's view and the top of the free space. Out: SVG elements on
//! the [`Canvas`] and the height they took. Heights are known before drawing
//! ([`Table::height`]) so the layout can decide how many lines of a long list fit.

use super::draw::{Canvas, Style, colour};
use super::text::{self, Weight};
use super::view::Row;
use super::{MARGIN, WIDTH};

/// From the top of a table to the top of its first line, when the heading and the column
/// names share a line.
pub const HEAD: f32 = 44.0;
/// One line of a table.
pub const LINE: f32 = 28.0;
/// Each further line of a wrapped name.
pub const WRAP: f32 = 22.0;

const HEADING: Style = Style::new(25.0, Weight::Bold, colour::NAVY);
const COLUMN: Style = Style::new(18.0, Weight::Bold, colour::MUTED).end();
const NAME: Style = Style::new(19.0, Weight::Regular, colour::INK);
const FIGURE: Style = Style::new(20.0, Weight::Regular, colour::INK).end();
const NOTE: Style = Style::new(19.0, Weight::Regular, colour::MUTED);

/// Where the columns end (figures are right-aligned) and how wide a name may be.
#[derive(Debug, Clone, Copy)]
pub struct Columns {
    pub anggaran: f32,
    pub realisasi: Option<(f32, f32)>,
    pub name_room: f32,
}

impl Columns {
    pub fn new(has_realisasi: bool) -> Columns {
        let right = WIDTH - MARGIN;
        if has_realisasi {
            // Room for `Rp 99.999.999.999` (about 175 units at 20) in each money column,
            // and `100,00%`.
            Columns {
                anggaran: right - 300.0,
                realisasi: Some((right - 100.0, right)),
                name_room: right - 300.0 - 190.0 - MARGIN,
            }
        } else {
            Columns {
                anggaran: right,
                realisasi: None,
                name_room: right - 200.0 - MARGIN,
            }
        }
    }
}

/// A table to draw: its heading, lines, and how many lines a name may take.
pub struct Table<'a> {
    pub judul: &'a str,
    pub rows: &'a [Row],
    pub max_lines: usize,
    /// Written when there are no rows.
    pub empty: &'a str,
    /// A line after the rows (`… dan 12 kegiatan lain`).
    pub more: Option<String>,
}

impl Table<'_> {
    fn names(&self, cols: &Columns) -> Vec<Vec<String>> {
        self.rows
            .iter()
            .map(|r| {
                text::wrap(
                    &r.nama,
                    NAME.size,
                    NAME.weight,
                    cols.name_room,
                    self.max_lines,
                )
            })
            .collect()
    }

    /// The height of a row whose name takes `lines` lines.
    pub fn row_height(lines: usize) -> f32 {
        let extra = f32::from(u16::try_from(lines.saturating_sub(1)).unwrap_or(0));
        LINE + WRAP * extra
    }

    /// The height of each row, as it will be drawn.
    pub fn heights(&self, cols: &Columns) -> Vec<f32> {
        self.names(cols)
            .iter()
            .map(|n| Table::row_height(n.len()))
            .collect()
    }

    /// The heading's lines, and whether they sit beside the column names: they do when
    /// the heading fits there; else they go above them, slightly smaller, on two lines at
    /// most.
    fn heading(&self, cols: &Columns) -> (Style, Vec<String>, bool) {
        let beside = cols.anggaran - COLUMN.width("Anggaran") - 24.0 - MARGIN;
        if HEADING.width(self.judul) <= beside {
            return (HEADING, vec![self.judul.to_owned()], true);
        }
        let s = HEADING.sized(23.0);
        let lines = text::wrap(self.judul, s.size, s.weight, WIDTH - 2.0 * MARGIN, 2);
        (s, lines, false)
    }

    /// From the top of the table to the top of its first line.
    pub fn head_height(&self, cols: &Columns) -> f32 {
        match self.heading(cols) {
            (_, _, true) => HEAD,
            (_, lines, false) => {
                HEAD + 28.0 * f32::from(u16::try_from(lines.len()).unwrap_or(2)) - 4.0
            }
        }
    }

    pub fn height(&self, cols: &Columns) -> f32 {
        let rows: f32 = self.heights(cols).iter().sum();
        let rows = if self.rows.is_empty() { LINE } else { rows };
        self.head_height(cols) + rows + self.more.as_ref().map_or(0.0, |_| LINE)
    }

    /// Draws the table with its top at `y`; returns its height.
    pub fn draw(&self, c: &mut Canvas, y: f32, cols: &Columns) -> f32 {
        let right = WIDTH - MARGIN;
        let (style, lines, _) = self.heading(cols);
        for (i, line) in (0u16..).zip(&lines) {
            c.text(MARGIN, y + 28.0 + 28.0 * f32::from(i), style, line);
        }
        let head = self.head_height(cols);
        let labels = y + head - 16.0;
        c.text(cols.anggaran, labels, COLUMN, "Anggaran");
        if let Some((realisasi, persen)) = cols.realisasi {
            c.text(realisasi, labels, COLUMN, "Realisasi");
            c.text(persen, labels, COLUMN, "%");
        }
        c.rule(MARGIN, y + head - 9.0, right - MARGIN, 3.0, colour::NAVY);
        let mut top = y + head;
        if self.rows.is_empty() {
            c.text(MARGIN, top + 21.0, NOTE, self.empty);
            top += LINE;
        }
        for (row, name) in self.rows.iter().zip(self.names(cols)) {
            let baseline = top + 21.0;
            for (i, line) in (0u16..).zip(&name) {
                c.text(MARGIN, baseline + WRAP * f32::from(i), NAME, line);
            }
            figures(c, baseline, row, cols);
            top += Table::row_height(name.len());
            c.rule(MARGIN, top - 2.0, right - MARGIN, 1.5, colour::TRACK);
        }
        if let Some(more) = &self.more {
            c.text(MARGIN, top + 21.0, NOTE, more);
            top += LINE;
        }
        top - y
    }
}

fn figures(c: &mut Canvas, baseline: f32, row: &Row, cols: &Columns) {
    let a = &row.amounts;
    c.text(cols.anggaran, baseline, FIGURE, &a.anggaran);
    if let (Some((realisasi, persen)), Some(r)) = (cols.realisasi, &a.realisasi) {
        c.text(realisasi, baseline, FIGURE, r);
        if let Some(p) = &a.persen {
            c.text(persen, baseline, FIGURE, p);
        }
    }
}
