//! The foot of the notice board: where to ask and complain (required next to a published
//! APBDes), the QR code to the budget page, and where the figures come from.
//!
//! In: the board's view. Out: SVG elements at the bottom of the canvas, as high as they
//! need ([`Plan::height`], worked out once): the complaints address is always written whole.

use super::draw::{Canvas, Style, colour};
use super::qr::{self, Qr};
use super::text::{self, Weight};
use super::view::Board;
use super::{HEIGHT, MARGIN, WIDTH};

/// The QR code's side at most, quiet zone included.
const QR_MAX: f32 = 156.0;
/// Written when desa.yaml gives no complaints address (it warns about that).
const NO_ADDRESS: &str = "Kantor desa, pada jam kerja.";

/// Where everything in the foot goes.
pub struct Plan {
    /// The height of the foot.
    pub height: f32,
    room: f32,
    size: f32,
    lines: Vec<String>,
}

impl Plan {
    pub fn of(board: &Board) -> Plan {
        let qr_side = board
            .alamat_halaman
            .as_deref()
            .and_then(|a| qr::draw(a, 0.0, 0.0, QR_MAX))
            .map_or(0.0, |q: Qr| q.side);
        let room = WIDTH - 2.0 * MARGIN - qr_side;
        let address = board.pengaduan.as_deref().unwrap_or(NO_ADDRESS);
        // The whole address, always: smaller type before a fourth line, never cut.
        let wrap = |size| text::wrap(address, size, Weight::Bold, room, usize::MAX);
        let (size, lines) = [21.0, 19.0]
            .into_iter()
            .map(|size| (size, wrap(size)))
            .find(|(_, lines)| lines.len() <= 3)
            .unwrap_or_else(|| (18.0, wrap(18.0)));
        let count = f32::from(u16::try_from(lines.len()).unwrap_or(u16::MAX));
        let url = if board.alamat_halaman.is_some() {
            26.0
        } else {
            0.0
        };
        let text = 40.0 + count * (size + 6.0) + url + 48.0;
        let height = text.max(qr_side + 20.0);
        Plan {
            height,
            room,
            size,
            lines,
        }
    }
}

pub fn draw(c: &mut Canvas, board: &Board, plan: &Plan) {
    let top = HEIGHT - plan.height;
    c.rule(0.0, top, WIDTH, 4.0, colour::NAVY);
    if let Some(a) = &board.alamat_halaman {
        // The quiet zone is white already: the code sits flush with the right margin, its
        // quiet zone in the margin.
        let x = WIDTH - MARGIN - QR_MAX + 16.0;
        if let Some(q) = qr::draw(a, x, top + 10.0, QR_MAX) {
            c.raw(&q.svg);
        }
    }
    let heading = Style::new(22.0, Weight::Bold, colour::NAVY);
    c.text(MARGIN, top + 36.0, heading, "Pertanyaan dan pengaduan");
    let s = Style::new(plan.size, Weight::Bold, colour::INK);
    let mut y = top + 36.0;
    for line in &plan.lines {
        y += plan.size + 6.0;
        c.text(MARGIN, y, s, line);
    }
    let muted = Style::new(18.0, Weight::Regular, colour::MUTED);
    if let Some(a) = &board.alamat_halaman {
        let line = format!("Rincian lengkap (pindai kode QR): {a}");
        let size = text::fit(&line, 18.0, 14.0, plan.room, Weight::Regular);
        c.text(MARGIN, HEIGHT - 44.0, muted.sized(size), &line);
    }
    let source = match &board.dasar_hukum {
        Some(d) => format!("Sumber: {d}. Dibuat dengan Papan."),
        None => "Dibuat dengan Papan dari berkas APBDes desa.".to_owned(),
    };
    let size = text::fit(&source, 18.0, 14.0, plan.room, Weight::Regular);
    c.text(MARGIN, HEIGHT - 18.0, muted.sized(size), &source);
}
