//! The notice board's layout: from a [`Board`] to the SVG text (the source of the PNG and
//! the PDF).
//!
//! In: the board's view. Out: one SVG, portrait 2:3, [`WIDTH`] × [`HEIGHT`] units. From
//! top to bottom: the village and the year, the tahap and its date, pendapatan and belanja
//! in large type, pendapatan by source, belanja per bidang, pembiayaan with surplus/defisit
//! and SiLPA, the largest kegiatan, the kegiatan without realisasi, and at the foot the
//! complaints address and the QR code. The fixed parts come first; the two kegiatan lists
//! get the room left, so a long year shortens its lists and never runs off the board.
//! Text is 18 units or larger: on a 2 × 3 m banner a unit is 1.85 mm, so the smallest
//! capitals stand about 24 mm tall, the usual size for reading from 3 m and beyond.

use super::draw::{Canvas, Style, colour, num};
use super::table::{self, Columns, Table};
use super::text::{self, Weight};
use super::view::{Board, Row};
use super::{HEADLINE_HEIGHT, HEIGHT, MARGIN, WIDTH, footer};

const GAP: f32 = 8.0;
/// Heights are sums of fractions: a list that fits exactly must not be dropped for a
/// rounding error.
const EPSILON: f32 = 0.5;
const WHITE: &str = colour::ON_NAVY;

/// The SVG of the board.
pub fn svg(board: &Board) -> String {
    let mut c = Canvas::default();
    c.rect(0.0, 0.0, WIDTH, HEIGHT, colour::PAPER);
    let mut y = header(&mut c, board);
    y = totals(&mut c, board, y + 6.0) + GAP;
    let cols = Columns::new(board.has_realisasi);
    let fixed = [
        Table {
            judul: "Pendapatan menurut sumber",
            rows: &board.sumber,
            max_lines: 2,
            empty: "Tidak ada pendapatan yang tercatat untuk tahun ini.",
            more: None,
        },
        Table {
            judul: "Belanja per bidang",
            rows: &board.bidang,
            max_lines: 2,
            empty: "Tidak ada belanja yang tercatat untuk tahun ini.",
            more: None,
        },
        Table {
            judul: "Pembiayaan dan sisa anggaran",
            rows: &board.pembiayaan,
            max_lines: 1,
            empty: "",
            more: None,
        },
    ];
    for t in &fixed {
        y += t.draw(&mut c, y, &cols) + GAP;
    }
    let foot = footer::Plan::of(board);
    lists(&mut c, board, &cols, y, HEIGHT - foot.height - GAP);
    footer::draw(&mut c, board, &foot);
    let size = format!("width=\"{WIDTH}\" height=\"{HEIGHT}\" viewBox=\"0 0 {WIDTH} {HEIGHT}\"");
    frame(board, &size, &c.body)
}

/// The top of the board (the village, the year, pendapatan and belanja) as a 1200×630
/// share card, with a line saying where the rest is.
pub fn headline(board: &Board) -> String {
    let mut c = Canvas::default();
    c.rect(0.0, 0.0, WIDTH, HEADLINE_HEIGHT, colour::PAPER);
    let y = header(&mut c, board);
    let y = totals(&mut c, board, y + 6.0);
    let s = Style::new(20.0, Weight::Regular, colour::MUTED).middle();
    let bottom = (y + HEADLINE_HEIGHT) / 2.0 + 7.0;
    c.text(
        WIDTH / 2.0,
        bottom,
        s,
        "Rincian lengkap dan baliho siap cetak di halaman APBDes situs desa",
    );
    let size = format!(
        "width=\"1200\" height=\"630\" viewBox=\"0 0 {WIDTH} {}\"",
        num(HEADLINE_HEIGHT)
    );
    frame(board, &size, &c.body)
}

/// The whole SVG document around a body.
fn frame(board: &Board, size: &str, body: &str) -> String {
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" {size} font-family=\"{}\">\n<title>APBDes {} {}</title>\n{body}</svg>\n",
        crate::images::fonts::FAMILY,
        board.tahun,
        crate::html::escape(&board.desa),
    )
}

/// The village, the year, the tahap: returns the y below them.
fn header(c: &mut Canvas, board: &Board) -> f32 {
    const BAND: f32 = 212.0;
    c.rect(0.0, 0.0, WIDTH, BAND, colour::NAVY);
    c.rect(0.0, BAND - 6.0, WIDTH, 6.0, colour::ACCENT);
    let mut room = WIDTH - 2.0 * MARGIN;
    if let Some(logo) = &board.logo {
        let side = 150.0;
        let x = WIDTH - MARGIN - side;
        c.raw(&format!(
            "<rect x=\"{}\" y=\"26\" width=\"{side}\" height=\"{side}\" rx=\"12\" fill=\"#ffffff\"/>\n<image x=\"{}\" y=\"34\" width=\"{}\" height=\"{}\" href=\"{}\"/>\n",
            super::draw::num(x),
            super::draw::num(x + 8.0),
            super::draw::num(side - 16.0),
            super::draw::num(side - 16.0),
            logo.data_url()
        ));
        room -= side + 24.0;
    }
    let bold = |size| Style::new(size, Weight::Bold, WHITE);
    c.text(
        MARGIN,
        50.0,
        Style::new(20.0, Weight::Bold, colour::ACCENT),
        "PAPAN INFORMASI APBDES",
    );
    let size = text::fit(&board.desa, 48.0, 28.0, room, Weight::Bold);
    c.text(MARGIN, 104.0, bold(size), &board.desa);
    let size = text::fit(&board.wilayah, 19.0, 15.0, room, Weight::Regular);
    c.text(
        MARGIN,
        136.0,
        Style::new(size, Weight::Regular, WHITE),
        &board.wilayah,
    );
    let title = format!("APBDes Tahun Anggaran {}", board.tahun);
    let size = text::fit(&title, 40.0, 28.0, room, Weight::Bold);
    c.text(MARGIN, 186.0, bold(size), &title);
    let mut y = BAND;
    if board.contoh {
        c.rect(0.0, y, WIDTH, 36.0, colour::CONTOH);
        let s = Style::new(19.0, Weight::Bold, WHITE).middle();
        c.text(
            WIDTH / 2.0,
            y + 25.0,
            s,
            "DATA CONTOH · desa dan angka rekaan, bukan data desa sungguhan",
        );
        y += 36.0;
    }
    let source = match &board.per_tanggal {
        Some(d) => format!("Angka dari {}, keadaan per {d}.", board.tahap),
        None => format!("Angka dari {}.", board.tahap),
    };
    let s = Style::new(20.0, Weight::Regular, colour::INK);
    for line in text::wrap(&source, s.size, s.weight, WIDTH - 2.0 * MARGIN, 2) {
        y += 28.0;
        c.text(MARGIN, y, s, &line);
    }
    y + 8.0
}

/// Pendapatan and belanja side by side in large type; returns the y below them.
fn totals(c: &mut Canvas, board: &Board, y: f32) -> f32 {
    let w = (WIDTH - 2.0 * MARGIN - 20.0) / 2.0;
    let h = if board.has_realisasi { 176.0 } else { 112.0 };
    for (i, row) in [&board.pendapatan, &board.belanja].into_iter().enumerate() {
        let x = if i == 0 { MARGIN } else { MARGIN + w + 20.0 };
        c.frame(x, y, w, h, colour::NAVY, 3.0);
        total_box(c, row, x + 20.0, y, w - 40.0);
    }
    y + h
}

fn total_box(c: &mut Canvas, row: &Row, x: f32, y: f32, room: f32) {
    let a = &row.amounts;
    c.text(
        x,
        y + 34.0,
        Style::new(22.0, Weight::Bold, colour::NAVY),
        &row.nama,
    );
    c.text(
        x + room,
        y + 34.0,
        Style::new(18.0, Weight::Regular, colour::MUTED).end(),
        "anggaran",
    );
    let size = text::fit(&a.anggaran, 36.0, 24.0, room, Weight::Bold);
    c.text(
        x,
        y + 80.0,
        Style::new(size, Weight::Bold, colour::INK),
        &a.anggaran,
    );
    let Some(realisasi) = &a.realisasi else {
        return;
    };
    c.text(
        x,
        y + 116.0,
        Style::new(18.0, Weight::Regular, colour::MUTED),
        "realisasi",
    );
    let persen = a.persen.as_deref().unwrap_or("–");
    let bold = Style::new(24.0, Weight::Bold, colour::INK);
    c.text(x + room, y + 116.0, bold.end(), persen);
    let label = text::width("realisasi ", 18.0, Weight::Regular);
    let size = text::fit(
        realisasi,
        24.0,
        18.0,
        room - label - bold.width(persen) - 16.0,
        Weight::Bold,
    );
    c.text(x + label, y + 116.0, bold.sized(size), realisasi);
    // The bar: the track is the anggaran, the fill the share spent; capped at the track.
    c.rect(x, y + 132.0, room, 16.0, colour::TRACK);
    let share = row.ratio.unwrap_or(0.0).clamp(0.0, 1.0);
    c.rect(x, y + 132.0, room * share, 16.0, colour::BAR);
}

/// The largest kegiatan and the kegiatan without realisasi, as many lines as fit between
/// `y` and `bottom`.
fn lists(c: &mut Canvas, board: &Board, cols: &Columns, y: f32, bottom: f32) {
    let unspent = board.unspent.as_ref();
    // Room for the first four kegiatan without realisasi (the law asks for them) and the
    // line that counts the rest; then the largest kegiatan; then the rest of the list.
    let reserve = unspent.map_or(0.0, |u| {
        let shown = u.items.len().min(4);
        let more = if u.items.len() > shown {
            table::LINE
        } else {
            0.0
        };
        let lines = f32::from(u16::try_from(shown.max(1)).unwrap_or(4));
        table::HEAD + 24.0 + table::LINE * lines + more + GAP
    });
    let mut top = Table {
        judul: "",
        rows: &board.kegiatan,
        max_lines: 1,
        empty: "",
        more: None,
    };
    top.rows = &board.kegiatan[..fitting(&top, cols, bottom - y - reserve)];
    let title = format!(
        "Kegiatan dengan anggaran terbesar ({} dari {} kegiatan)",
        top.rows.len(),
        board.jumlah_kegiatan
    );
    top.judul = &title;
    let mut y = y;
    if !top.rows.is_empty() {
        y += top.draw(c, y, cols) + GAP;
    }
    let Some(u) = unspent else { return };
    let mut list = Table {
        judul: &u.judul,
        rows: &u.items,
        max_lines: 1,
        empty: "Semua kegiatan sudah ada realisasinya.",
        more: None,
    };
    let room = bottom - y;
    if fitting(&list, cols, room) < u.items.len() {
        // One line fewer, to say how many are left out.
        let shown = fitting(&list, cols, room - table::LINE);
        list.rows = &u.items[..shown];
        list.more = Some(format!(
            "… dan {} kegiatan lain; daftar lengkapnya di halaman APBDes situs desa.",
            u.items.len() - shown
        ));
    }
    if list.height(cols) <= room + EPSILON {
        list.draw(c, y, cols);
    }
}

/// How many of the table's rows fit in `room`, heading included.
fn fitting(t: &Table, cols: &Columns, room: f32) -> usize {
    let mut used = t.head_height(cols);
    let mut n = 0;
    for h in t.heights(cols) {
        if used + h > room + EPSILON {
            break;
        }
        used += h;
        n += 1;
    }
    n
}
