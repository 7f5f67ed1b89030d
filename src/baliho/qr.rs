//! The QR code on the notice board: the address of the budget year page.
//!
//! In: the address and the largest size it may take. Out: one SVG `<path>` of the dark
//! modules, drawn on whole board units so the PNG (one pixel per unit) has crisp modules,
//! with its quiet zone of four modules, as the QR specification asks.

use super::draw::num;
use qrcode::{Color, EcLevel, QrCode};
use std::fmt::Write as _;

/// The modules of white margin a reader needs around the code.
const QUIET: usize = 4;

/// A drawn QR code: the SVG and its side, quiet zone included.
#[derive(Debug, Clone, PartialEq)]
pub struct Qr {
    pub svg: String,
    pub side: f32,
}

/// The code for `text` with its top-left corner at (`x`, `y`), at most `max` units wide.
/// Level M survives a dirty or creased banner. None when the text is too long for a QR
/// code (over 2 kB; a web address never is).
pub fn draw(text: &str, x: f32, y: f32, max: f32) -> Option<Qr> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).ok()?;
    let width = code.width();
    let span = width + 2 * QUIET;
    // Whole units per module, at least 2 so a phone can still read it from the PNG.
    let span_f = f32::from(u16::try_from(span).ok()?);
    let module = (max / span_f).floor().max(2.0);
    let colors = code.to_colors();
    let mut d = String::new();
    for (i, c) in colors.iter().enumerate() {
        if *c == Color::Dark {
            let col = f32::from(u16::try_from(i % width + QUIET).ok()?);
            let row = f32::from(u16::try_from(i / width + QUIET).ok()?);
            let _ = write!(
                d,
                "M{} {}h{m}v{m}h-{m}z",
                num(x + col * module),
                num(y + row * module),
                m = num(module)
            );
        }
    }
    let side = span_f * module;
    let svg = format!(
        "<rect x=\"{}\" y=\"{}\" width=\"{s}\" height=\"{s}\" fill=\"#ffffff\"/>\n<path d=\"{d}\" fill=\"#000000\" shape-rendering=\"crispEdges\"/>\n",
        num(x),
        num(y),
        s = num(side)
    );
    Some(Qr { svg, side })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modules_are_whole_units_with_a_quiet_zone() {
        // 39 bytes at level M need version 3: 29 modules, plus 2 × 4 of quiet zone = 37;
        // 160 / 37 = 4.3, so 4 units per module and 148 units in all.
        let qr = draw("https://sukamaju.desa.id/anggaran/2025/", 0.0, 0.0, 160.0).unwrap();
        assert_eq!(qr.side, 148.0);
        // The first dark module is the finder pattern's corner, 4 modules in.
        assert!(qr.svg.contains("<path d=\"M16 16h4v4h-4z"), "{}", qr.svg);
    }
}
