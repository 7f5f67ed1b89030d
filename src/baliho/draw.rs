//! SVG primitives for the notice board: text, boxes and rules, written as plain SVG text.
//!
//! In: positions in board units and already formatted strings. Out: SVG elements appended
//! to a [`Canvas`]. Numbers are written with at most one decimal, so the same layout gives
//! the same bytes on every platform.

use super::text::{self, Weight};
use crate::html::escape;
use std::fmt::Write as _;

/// The board's colours. Text is near-black on white or white on the dark blue, so it
/// survives greyscale photocopies and cheap printers; the accents (Okabe–Ito blue and
/// orange) are told apart by colour-blind readers and, in grey, by lightness; no meaning
/// is carried by colour alone: every bar has its figure written beside it.
pub mod colour {
    pub const INK: &str = "#111111";
    pub const MUTED: &str = "#3b4650";
    pub const NAVY: &str = "#0b3c5d";
    pub const ON_NAVY: &str = "#ffffff";
    pub const ACCENT: &str = "#e69f00";
    pub const BAR: &str = "#0072b2";
    pub const TRACK: &str = "#d5dde4";
    pub const RULE: &str = "#8a97a3";
    pub const CONTOH: &str = "#a33a00";
    pub const PAPER: &str = "#ffffff";
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    Start,
    End,
    Middle,
}

/// One piece of text.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub size: f32,
    pub weight: Weight,
    pub fill: &'static str,
    pub anchor: Anchor,
}

impl Style {
    pub const fn new(size: f32, weight: Weight, fill: &'static str) -> Style {
        Style {
            size,
            weight,
            fill,
            anchor: Anchor::Start,
        }
    }

    pub const fn end(mut self) -> Style {
        self.anchor = Anchor::End;
        self
    }

    pub const fn middle(mut self) -> Style {
        self.anchor = Anchor::Middle;
        self
    }

    pub const fn sized(mut self, size: f32) -> Style {
        self.size = size;
        self
    }

    pub fn width(&self, s: &str) -> f32 {
        text::width(s, self.size, self.weight)
    }
}

/// `12`, `12.5`: one decimal at most, never `-0`.
pub fn num(v: f32) -> String {
    let r = (v * 10.0).round() / 10.0;
    if r == 0.0 {
        return "0".to_owned();
    }
    let s = format!("{r:.1}");
    s.strip_suffix(".0").map(str::to_owned).unwrap_or(s)
}

/// `content` with line breaks and other control characters made spaces: every element
/// stays on one line of the SVG (the PDF conversion splits it by lines).
fn one_line(content: &str) -> String {
    content
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// The SVG body being drawn.
#[derive(Debug, Default)]
pub struct Canvas {
    pub body: String,
}

impl Canvas {
    pub fn text(&mut self, x: f32, y: f32, style: Style, content: &str) {
        let weight = match style.weight {
            Weight::Bold => " font-weight=\"bold\"",
            Weight::Regular => "",
        };
        let anchor = match style.anchor {
            Anchor::Start => "",
            Anchor::End => " text-anchor=\"end\"",
            Anchor::Middle => " text-anchor=\"middle\"",
        };
        let _ = writeln!(
            self.body,
            "<text x=\"{}\" y=\"{}\" font-size=\"{}\"{weight}{anchor} fill=\"{}\">{}</text>",
            num(x),
            num(y),
            num(style.size),
            style.fill,
            escape(&one_line(content))
        );
    }

    pub fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, fill: &str) {
        let _ = writeln!(
            self.body,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{fill}\"/>",
            num(x),
            num(y),
            num(w.max(0.0)),
            num(h.max(0.0))
        );
    }

    /// A box with a border drawn inside its bounds.
    pub fn frame(&mut self, x: f32, y: f32, w: f32, h: f32, stroke: &str, width: f32) {
        let half = width / 2.0;
        let _ = writeln!(
            self.body,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"8\" fill=\"none\" stroke=\"{stroke}\" stroke-width=\"{}\"/>",
            num(x + half),
            num(y + half),
            num(w - width),
            num(h - width),
            num(width)
        );
    }

    /// A horizontal rule `thickness` high, its top at `y`.
    pub fn rule(&mut self, x: f32, y: f32, w: f32, thickness: f32, fill: &str) {
        self.rect(x, y, w, thickness, fill);
    }

    pub fn raw(&mut self, svg: &str) {
        self.body.push_str(svg);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_have_at_most_one_decimal() {
        assert_eq!(num(12.0), "12");
        assert_eq!(num(12.04), "12");
        assert_eq!(num(12.07), "12.1");
        assert_eq!(num(-0.01), "0");
        assert_eq!(num(1080.0), "1080");
    }

    #[test]
    fn text_is_escaped() {
        let mut c = Canvas::default();
        c.text(
            1.0,
            2.0,
            Style::new(20.0, Weight::Bold, colour::INK).end(),
            "A & <B>",
        );
        assert_eq!(
            c.body,
            "<text x=\"1\" y=\"2\" font-size=\"20\" font-weight=\"bold\" text-anchor=\"end\" fill=\"#111111\">A &amp; &lt;B&gt;</text>\n"
        );
    }
}
