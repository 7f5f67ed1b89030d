//! The APBDes notice board (baliho, papan informasi): the banner villages print and hang
//! at the village office, and the picture that goes round the WhatsApp groups, drawn from
//! the same verified figures as the site.
//!
//! Stage: render (and, for the PNG and PDF, the image work after it). In: a budget year,
//! its computed summary and the village ([`view::build`]). Out: `anggaran/TAHUN/baliho.svg`
//! (the source, [`layout::svg`]), and from it `baliho.png` and `baliho.pdf`
//! ([`convert`]), made once and then taken from the image cache ([`job`]). Also the
//! 1200×630 crop of its headline that the year page shares ([`layout::headline`]).
//!
//! The pieces: [`view`] (what the board says), [`layout`], [`table`] and [`footer`] (where
//! it goes), [`draw`] and [`text`] (SVG and fitting text with the bundled [`fonts`]),
//! [`qr`] (the code to the year page), [`logo`] (desa.yaml's `logo:`).

pub mod convert;
pub mod draw;
pub mod fonts;
pub mod footer;
pub mod job;
pub mod layout;
pub mod logo;
pub mod qr;
pub mod table;
pub mod text;
pub mod view;

/// The board in SVG units: 2:3 portrait, one unit one PNG pixel.
pub const WIDTH: f32 = 1080.0;
pub const HEIGHT: f32 = 1620.0;
/// The white margin left and right.
pub const MARGIN: f32 = 44.0;
/// The part of the board a share preview shows: the width of the board at 1200:630.
pub const HEADLINE_HEIGHT: f32 = WIDTH * 630.0 / 1200.0;
