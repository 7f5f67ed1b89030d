//! The notice board's SVG turned into the files people print and share.
//!
//! In: the board's SVG text. Out: a PNG [`WIDTH`] pixels wide for WhatsApp (drawn by
//! resvg), and a one-page vector PDF (svg2pdf): the bundled fonts embedded and subset, the
//! text real text that can be selected and searched. The PDF page is 280 × 420 mm, 2:3, so
//! it prints at 100 % on A3 and scales without loss to a 2 × 3 m banner. It carries a title
//! and no dates or document IDs, so the same board gives the same bytes on every build.

use super::{HEIGHT, WIDTH};
use image::codecs::png::{CompressionType, FilterType, PngEncoder};
use image::{ExtendedColorType, ImageEncoder};
use pdf_writer::{Finish, Name, Pdf, Rect, Ref, TextStr};

/// The page's width in millimetres; the height follows from 2:3.
pub const PAGE_WIDTH_MM: f32 = 280.0;

/// The board's SVG read with the bundled fonts only.
pub fn tree(svg: &str) -> Result<usvg::Tree, String> {
    usvg::Tree::from_str(svg, &super::fonts::options()).map_err(|e| e.to_string())
}

/// The board as PNG, one pixel per board unit. The background is opaque: three channels,
/// a smaller file.
pub fn png(tree: &usvg::Tree) -> Result<Vec<u8>, String> {
    let (w, h) = (px(WIDTH), px(HEIGHT));
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
    // Fast rather than Best: the board's flat colours compress almost as well, in a
    // fraction of the time (see scripts/bench-baliho.sh).
    PngEncoder::new_with_quality(&mut out, CompressionType::Default, FilterType::Adaptive)
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

/// The board as a one-page PDF named `title`.
pub fn pdf(tree: &usvg::Tree, title: &str) -> Result<Vec<u8>, String> {
    let (chunk, board) = svg2pdf::to_chunk(tree, svg2pdf::ConversionOptions::default())
        .map_err(|e| e.to_string())?;
    let mut next = Ref::new(1);
    let catalog = next.bump();
    let pages = next.bump();
    let page = next.bump();
    let content = next.bump();
    let info = next.bump();
    let mut map = std::collections::HashMap::new();
    let chunk = chunk.renumber(|old| *map.entry(old).or_insert_with(|| next.bump()));
    let board = map.get(&board).copied().ok_or("svg2pdf: isi halaman tidak ditemukan")?;

    let points = |mm: f32| mm / 25.4 * 72.0;
    let (w, h) = (points(PAGE_WIDTH_MM), points(PAGE_WIDTH_MM * HEIGHT / WIDTH));
    let mut pdf = Pdf::new();
    pdf.catalog(catalog).pages(pages).lang(TextStr("id"));
    pdf.pages(pages).kids([page]).count(1);
    let mut p = pdf.page(page);
    p.media_box(Rect::new(0.0, 0.0, w, h));
    p.parent(pages);
    p.contents(content);
    p.resources().x_objects().pair(Name(b"B"), board);
    p.finish();
    let mut stream = pdf_writer::Content::new();
    // svg2pdf's object is one point square: scale it to the page.
    stream.transform([w, 0.0, 0.0, h, 0.0, 0.0]).x_object(Name(b"B"));
    pdf.stream(content, &stream.finish());
    pdf.extend(&chunk);
    pdf.document_info(info)
        .title(TextStr(title))
        .producer(TextStr("Papan"));
    Ok(pdf.finish())
}
