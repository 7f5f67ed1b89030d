//! The notice board's SVG turned into the files people print and share; and any opaque
//! picture drawn as PNG ([`rgb_png`], for the share cards too).
//!
//! In: the board's SVG text. Out: a PNG [`WIDTH`] pixels wide for WhatsApp (drawn by
//! resvg), and a one-page vector PDF (svg2pdf): the bundled fonts embedded and subset, the
//! text real text that can be selected and searched. The PDF page is 280 × 420 mm, 2:3, so
//! it prints at 100 % on A3 and scales without loss to a 2 × 3 m banner. It carries a title
//! and no dates or document IDs, so the same board gives the same bytes on every build.

use image::codecs::png::{CompressionType, FilterType, PngEncoder};
use image::{ExtendedColorType, ImageEncoder};
use pdf_writer::{Finish, Name, Pdf, Rect, Ref, TextStr};

/// The board in SVG units: 2:3 portrait, one unit one PNG pixel.
pub const WIDTH: f32 = 1080.0;
pub const HEIGHT: f32 = 1620.0;

/// The page's width in millimetres; the height follows from 2:3.
pub const PAGE_WIDTH_MM: f32 = 280.0;

/// The board's SVG read with the bundled fonts only.
pub fn tree(svg: &str) -> Result<usvg::Tree, String> {
    usvg::Tree::from_str(svg, &super::fonts::options()).map_err(|e| e.to_string())
}

/// The board as PNG, one pixel per board unit. The background is opaque: three channels,
/// a smaller file.
pub fn png(tree: &usvg::Tree) -> Result<Vec<u8>, String> {
    // Fast rather than Best: the board's flat colours compress almost as well, in a
    // fraction of the time (see scripts/bench-baliho.sh).
    rgb_png(tree, px(WIDTH), px(HEIGHT), CompressionType::Default)
}

/// An opaque picture drawn `w` × `h` pixels and kept in three channels, which makes the
/// PNG smaller.
pub fn rgb_png(
    tree: &usvg::Tree,
    w: u32,
    h: u32,
    compression: CompressionType,
) -> Result<Vec<u8>, String> {
    let mut pixmap =
        resvg::tiny_skia::Pixmap::new(w, h).ok_or_else(|| "ukuran gambar tidak sah".to_owned())?;
    resvg::render(
        tree,
        resvg::tiny_skia::Transform::default(),
        &mut pixmap.as_mut(),
    );
    let rgb: Vec<u8> = pixmap
        .data()
        .chunks_exact(4)
        .flat_map(|p| [p[0], p[1], p[2]])
        .collect();
    let mut out = Vec::new();
    PngEncoder::new_with_quality(&mut out, compression, FilterType::Adaptive)
        .write_image(&rgb, w, h, ExtendedColorType::Rgb8)
        .map_err(|e| e.to_string())?;
    Ok(out)
}

fn px(units: f32) -> u32 {
    // The board's sizes are whole numbers well inside u32.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let v = units.round() as u32;
    v
}

/// The board split in two SVGs: everything but the bold text, and the bold text alone.
/// svg2pdf 0.13 writes the fonts of one conversion in the order of a `HashMap`, which
/// differs from run to run; with one font per conversion there is no order to differ, so
/// the PDF keeps the same bytes. Bold text is drawn last, over everything, as on the board
/// (no shape covers text). Every element of the board's SVG is on a line of its own.
pub fn layers(svg: &str) -> (String, String) {
    let (mut rest, mut bold) = (String::new(), String::new());
    for line in svg.lines() {
        let frame = ["<svg ", "</svg>", "<title>"]
            .iter()
            .any(|p| line.starts_with(p));
        let is_bold = line.starts_with("<text ") && line.contains(" font-weight=\"bold\"");
        for (layer, wanted) in [
            (&mut rest, frame || !is_bold),
            (&mut bold, frame || is_bold),
        ] {
            if wanted {
                layer.push_str(line);
                layer.push('\n');
            }
        }
    }
    (rest, bold)
}

/// The board as a one-page PDF named `title`.
pub fn pdf(svg: &str, title: &str) -> Result<Vec<u8>, String> {
    let (rest, bold) = layers(svg);
    let mut chunks = Vec::new();
    for layer in [rest, bold] {
        let tree = tree(&layer)?;
        chunks.push(
            svg2pdf::to_chunk(&tree, svg2pdf::ConversionOptions::default())
                .map_err(|e| e.to_string())?,
        );
    }
    let mut next = Ref::new(1);
    let catalog = next.bump();
    let pages = next.bump();
    let page = next.bump();
    let content = next.bump();
    let info = next.bump();
    let mut placed = Vec::new();
    for (chunk, board) in chunks {
        let mut map = std::collections::HashMap::new();
        let chunk = chunk.renumber(|old| *map.entry(old).or_insert_with(|| next.bump()));
        let board = map
            .get(&board)
            .copied()
            .ok_or("svg2pdf: isi halaman tidak ditemukan")?;
        placed.push((chunk, board));
    }
    let points = |mm: f32| mm / 25.4 * 72.0;
    let (w, h) = (
        points(PAGE_WIDTH_MM),
        points(PAGE_WIDTH_MM * HEIGHT / WIDTH),
    );
    let mut pdf = Pdf::new();
    pdf.catalog(catalog).pages(pages).lang(TextStr("id"));
    pdf.pages(pages).kids([page]).count(1);
    let names = [Name(b"B0"), Name(b"B1")];
    let mut p = pdf.page(page);
    p.media_box(Rect::new(0.0, 0.0, w, h));
    p.parent(pages);
    p.contents(content);
    let mut resources = p.resources();
    let mut objects = resources.x_objects();
    for (name, (_, board)) in names.iter().zip(&placed) {
        objects.pair(*name, *board);
    }
    objects.finish();
    resources.finish();
    p.finish();
    let mut stream = pdf_writer::Content::new();
    for name in names {
        // svg2pdf's object is one point square: scale it to the page.
        stream.save_state();
        stream.transform([w, 0.0, 0.0, h, 0.0, 0.0]).x_object(name);
        stream.restore_state();
    }
    pdf.stream(content, &stream.finish());
    for (chunk, _) in &placed {
        pdf.extend(chunk);
    }
    pdf.document_info(info)
        .title(TextStr(title))
        .producer(TextStr("Papan"));
    Ok(pdf.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    const SVG: &str = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1080\" height=\"1620\" viewBox=\"0 0 1080 1620\" font-family=\"Noto Sans\">\n<title>Uji</title>\n<rect x=\"0\" y=\"0\" width=\"1080\" height=\"1620\" fill=\"#ffffff\"/>\n<text x=\"44\" y=\"100\" font-size=\"40\" font-weight=\"bold\" fill=\"#111111\">Desa Uji Coba</text>\n<text x=\"44\" y=\"200\" font-size=\"20\" fill=\"#111111\">Rp 1.234.567</text>\n</svg>\n";

    #[test]
    fn the_pdf_has_the_same_bytes_every_time() {
        // HashMaps in one process get different seeds: a conversion whose output followed
        // one would differ within a few runs.
        let first = pdf(SVG, "Uji").unwrap();
        for _ in 0..8 {
            assert!(pdf(SVG, "Uji").unwrap() == first);
        }
        let text = String::from_utf8_lossy(&first);
        // 280 × 420 mm in points: 793.70 × 1190.55.
        assert!(text.contains("/MediaBox [0 0 793.70"), "{text}");
        assert!(text.contains(" 1190.55"), "{text}");
        assert!(!text.contains("/CreationDate"));
    }

    #[test]
    fn layers_split_bold_text_from_the_rest() {
        let (rest, bold) = layers(SVG);
        assert!(rest.contains("Rp 1.234.567") && !rest.contains("Desa Uji Coba"));
        assert!(bold.contains("Desa Uji Coba") && !bold.contains("Rp 1.234.567"));
        assert!(!bold.contains("<rect"));
        assert!(rest.ends_with("</svg>\n") && bold.ends_with("</svg>\n"));
    }

    #[test]
    fn the_png_is_drawn_with_the_bundled_fonts() {
        let png = png(&tree(SVG).unwrap()).unwrap();
        let img = image::load_from_memory(&png).unwrap().into_rgb8();
        assert_eq!(img.dimensions(), (1080, 1620));
        // Dark pixels where the text is, so the font was found.
        let dark = img.pixels().filter(|p| p.0[0] < 80).count();
        assert!(dark > 500, "{dark} dark pixels");
    }
}
