//! Share cards: the 1200×630 pictures WhatsApp and social media show for a link, for pages
//! that have no photo of their own.
//!
//! In: the village's name and region. Out: an SVG text ([`site_card`]) and the PNG of a
//! card's SVG ([`png`]); a budget year's card is the headline of its notice board
//! (`baliho::layout::headline`). The text is drawn with the bundled fonts
//! ([`super::fonts`]), so the PNG has the same bytes on every machine.

use super::fonts::{self, FAMILY};
use super::vector;
use super::{SHARE_HEIGHT, SHARE_WIDTH};
use crate::html::escape;
use image::codecs::png::CompressionType;
const BACKGROUND: &str = "#004b7f";
const MUTED: &str = "#cfe0ee";
const LEFT: u32 = 72;
/// The width text may use: the card minus both margins.
const TEXT_WIDTH: u32 = SHARE_WIDTH - 2 * LEFT;

/// A font size at most `max` at which `text` fits the card's width. Noto Sans glyphs
/// average a little under 0.6 em; this errs on the wide side.
fn fitting(text: &str, max: u32) -> u32 {
    let chars = count(text);
    let fit = TEXT_WIDTH * 10 / (chars * 6);
    fit.clamp(16, max)
}

fn text(x: u32, y: u32, size: u32, bold: bool, fill: &str, content: &str) -> String {
    let weight = if bold { " font-weight=\"bold\"" } else { "" };
    format!(
        "<text x=\"{x}\" y=\"{y}\" font-size=\"{size}\"{weight} fill=\"{fill}\">{}</text>\n",
        escape(content)
    )
}

fn frame(body: &str) -> String {
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{SHARE_WIDTH}\" height=\"{SHARE_HEIGHT}\" viewBox=\"0 0 {SHARE_WIDTH} {SHARE_HEIGHT}\" font-family=\"{FAMILY}\">\n<rect width=\"100%\" height=\"100%\" fill=\"{BACKGROUND}\"/>\n<rect x=\"{LEFT}\" y=\"64\" width=\"96\" height=\"8\" fill=\"#e69f00\"/>\n{body}</svg>\n"
    )
}

fn count(s: &str) -> u32 {
    u32::try_from(s.chars().count()).unwrap_or(u32::MAX).max(1)
}

/// The card of every page without a picture of its own.
pub fn site_card(desa: &str, wilayah: &str) -> String {
    let mut body = text(LEFT, 300, fitting(desa, 92), true, "#fff", desa);
    body += &text(LEFT, 370, fitting(wilayah, 30), false, MUTED, wilayah);
    body += &text(LEFT, 540, 44, false, "#fff", "Situs transparansi desa");
    frame(&body)
}

/// Draws an SVG with the embedded fonts only, as PNG. The background must be opaque.
pub fn png(svg: &str) -> Result<Vec<u8>, String> {
    let tree = usvg::Tree::from_str(svg, &fonts::options()).map_err(|e| e.to_string())?;
    vector::rgb_png(&tree, SHARE_WIDTH, SHARE_HEIGHT, CompressionType::Best)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cards_escape_text() {
        let svg = site_card("Desa <Sukamaju> & Co", "Kecamatan A & B");
        assert!(svg.contains(">Desa &lt;Sukamaju&gt; &amp; Co</text>"));
        assert!(svg.contains(">Kecamatan A &amp; B</text>"));
    }

    #[test]
    fn long_names_get_smaller_type() {
        assert_eq!(fitting("Desa Sukamaju", 52), 52);
        // 1056 px × 10 / (60 characters × 6) = 29 px.
        assert_eq!(fitting(&"x".repeat(60), 52), 29);
    }

    #[test]
    fn png_is_1200_by_630_draws_text_and_is_stable() {
        let a = png(&site_card("Desa Sukamaju", "Kecamatan Mertoyudan")).unwrap();
        let b = png(&site_card("Desa Sukamaju", "Kecamatan Mertoyudan")).unwrap();
        assert_eq!(a, b);
        let img = image::load_from_memory(&a).unwrap().into_rgb8();
        assert_eq!(img.dimensions(), (1200, 630));
        // The text is drawn (white pixels on the blue), so the font was found.
        let white = img.pixels().filter(|p| p.0 == [255, 255, 255]).count();
        assert!(white > 2000, "{white} white pixels");
        let empty = png(&frame("")).unwrap();
        let img = image::load_from_memory(&empty).unwrap().into_rgb8();
        assert_eq!(img.pixels().filter(|p| p.0 == [255, 255, 255]).count(), 0);
    }
}
