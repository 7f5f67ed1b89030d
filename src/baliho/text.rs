//! Measuring and fitting text on the notice board, with the fonts bundled in Papan.
//!
//! In: a string, a size and a weight. Out: its width in board units, or the string broken
//! into lines that fit a width. SVG has no line breaking, so the layout decides where each
//! line ends; widths come from the glyph advances of the same Noto Sans files the PNG and
//! PDF are drawn with, so a line that fits here fits there. Kerning is left out, which only
//! overestimates (Noto Sans kerns pairs closer), so fitted text never runs over.

use std::sync::LazyLock;

/// The characters measured exactly: Basic Latin through Latin Extended-B, and the
/// punctuation the board writes (dashes, ellipsis, middle dot, bullets).
const FIRST: u32 = 0x20;
const LAST: u32 = 0x24f;
const EXTRA: [char; 6] = ['–', '—', '…', '·', '•', '×'];

/// Advance widths of one weight, in thousandths of an em.
struct Advances {
    latin: Vec<u16>,
    extra: [u16; EXTRA.len()],
    /// For anything else: the width of `o`, a middle-of-the-road glyph.
    fallback: u16,
}

impl Advances {
    fn of(font: &[u8]) -> Advances {
        let Ok(face) = ttf_parser::Face::parse(font, 0) else {
            // The fonts are compiled in and tested; this is not reachable with them.
            return Advances {
                latin: Vec::new(),
                extra: [600; EXTRA.len()],
                fallback: 600,
            };
        };
        let per_mille = |c: char| -> Option<u16> {
            let glyph = face.glyph_index(c)?;
            let advance = u32::from(face.glyph_hor_advance(glyph)?);
            let em = u32::from(face.units_per_em()).max(1);
            u16::try_from((advance * 1000).div_ceil(em)).ok()
        };
        let fallback = per_mille('o').unwrap_or(600);
        Advances {
            latin: (FIRST..=LAST)
                .map(|u| char::from_u32(u).and_then(per_mille).unwrap_or(fallback))
                .collect(),
            extra: EXTRA.map(|c| per_mille(c).unwrap_or(fallback)),
            fallback,
        }
    }

    fn get(&self, c: char) -> u16 {
        let u = u32::from(c);
        if (FIRST..=LAST).contains(&u) {
            let i = usize::try_from(u - FIRST).unwrap_or(usize::MAX);
            return self.latin.get(i).copied().unwrap_or(self.fallback);
        }
        EXTRA
            .iter()
            .position(|&e| e == c)
            .map_or(self.fallback, |i| self.extra[i])
    }
}

static REGULAR: LazyLock<Advances> = LazyLock::new(|| {
    crate::images::fonts::with_face(false, Advances::of).unwrap_or_else(|| Advances::of(&[]))
});
static BOLD: LazyLock<Advances> = LazyLock::new(|| {
    crate::images::fonts::with_face(true, Advances::of).unwrap_or_else(|| Advances::of(&[]))
});

/// The weights the board uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weight {
    Regular,
    Bold,
}

/// The width of `text` at `size` (board units), without kerning.
pub fn width(text: &str, size: f32, weight: Weight) -> f32 {
    let table = match weight {
        Weight::Regular => &*REGULAR,
        Weight::Bold => &*BOLD,
    };
    let mille: u32 = text.chars().map(|c| u32::from(table.get(c))).sum();
    // Exact for any board: at most a few hundred characters of at most ~1500/1000 em.
    #[allow(clippy::cast_precision_loss)]
    let mille = mille as f32;
    mille * size / 1000.0
}

/// The largest size at most `max` (and at least `min`) at which `text` fits `room`.
pub fn fit(text: &str, max: f32, min: f32, room: f32, weight: Weight) -> f32 {
    let at_max = width(text, max, weight);
    if at_max <= room {
        return max;
    }
    (max * room / at_max).floor().max(min)
}

/// `text` broken at spaces into at most `max_lines` lines that each fit `room`; the last
/// line ends with `…` when the text does not fit in them. A word longer than a line is cut.
pub fn wrap(text: &str, size: f32, weight: Weight, room: f32, max_lines: usize) -> Vec<String> {
    let fits = |s: &str| width(s, size, weight) <= room;
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        let candidate = if current.is_empty() {
            word.to_owned()
        } else {
            format!("{current} {word}")
        };
        if fits(&candidate) {
            current = candidate;
            continue;
        }
        if !current.is_empty() {
            lines.push(std::mem::take(&mut current));
        }
        current = word.to_owned();
        if lines.len() == max_lines {
            break;
        }
    }
    let overflow = lines.len() >= max_lines.max(1);
    if !current.is_empty() && !overflow {
        lines.push(current);
    }
    let cut = overflow || lines.last().is_some_and(|l| !fits(l));
    lines.truncate(max_lines.max(1));
    if cut && let Some(last) = lines.last_mut() {
        *last = ellipsize(last, size, weight, room);
    }
    lines
}

/// `text` cut at a character boundary so that it and a final `…` fit `room`.
fn ellipsize(text: &str, size: f32, weight: Weight, room: f32) -> String {
    let mut out: String = text.to_owned();
    while !out.is_empty() && width(&format!("{out}…"), size, weight) > room {
        out.pop();
    }
    format!("{}…", out.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_come_from_the_font() {
        // Read from the fonts' hmtx tables by a separate Python script: digits 572/1000 em
        // in both weights, the space 260, `W` 930 (Regular) and 967 (Bold).
        assert!((width("0123456789", 10.0, Weight::Regular) - 57.2).abs() < 0.01);
        assert!((width("0123456789", 10.0, Weight::Bold) - 57.2).abs() < 0.01);
        assert!((width(" ", 100.0, Weight::Regular) - 26.0).abs() < 0.01);
        assert!((width("W", 100.0, Weight::Regular) - 93.0).abs() < 0.01);
        assert!((width("W", 100.0, Weight::Bold) - 96.7).abs() < 0.01);
    }

    #[test]
    fn long_text_wraps_then_ends_with_an_ellipsis() {
        let text = "Iuran BPJS Kesehatan dan Ketenagakerjaan Kepala Desa dan Perangkat Desa";
        let room = width("Iuran BPJS Kesehatan dan", 20.0, Weight::Regular) + 1.0;
        let lines = wrap(text, 20.0, Weight::Regular, room, 2);
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0], "Iuran BPJS Kesehatan dan");
        assert!(lines[1].ends_with('…'), "{lines:?}");
        assert!(
            lines
                .iter()
                .all(|l| width(l, 20.0, Weight::Regular) <= room)
        );
        // Short text stays on one line, whole.
        assert_eq!(
            wrap("Dana Desa", 20.0, Weight::Regular, room, 2),
            ["Dana Desa"]
        );
        // One word longer than the line is cut.
        let long = wrap(&"x".repeat(200), 20.0, Weight::Regular, 100.0, 2);
        assert_eq!(long.len(), 1);
        assert!(long[0].ends_with('…') && width(&long[0], 20.0, Weight::Regular) <= 100.0);
    }

    #[test]
    fn fit_shrinks_only_what_is_too_wide() {
        assert_eq!(fit("Sukamaju", 50.0, 20.0, 1000.0, Weight::Bold), 50.0);
        let w = width("Sukamaju", 50.0, Weight::Bold);
        let s = fit("Sukamaju", 50.0, 20.0, w / 2.0, Weight::Bold);
        assert!(width("Sukamaju", s, Weight::Bold) <= w / 2.0 + 0.01);
        assert!(s >= 24.0);
    }
}
