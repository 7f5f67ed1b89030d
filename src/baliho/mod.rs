//! The APBDes notice board (baliho, papan informasi): the banner villages print and hang
//! at the village office, and the picture that goes round the WhatsApp groups, drawn from
//! the same verified figures as the site.
//!
//! Stage: render. In: what the board says ([`view::Board`], made by
//! `render::budget::baliho` from the computed year). Out: `anggaran/TAHUN/baliho.svg`
//! (the source, [`layout::svg`]) and the 1200×630 crop of its headline that the year page
//! shares ([`layout::headline`]). Its PNG and PDF are made by the images stage
//! ([`crate::images::board`]), once, then taken from the image cache.
//!
//! The pieces: [`view`] (the board's figures), [`layout`], [`table`] and [`footer`] (where
//! they go), [`draw`] and [`text`] (SVG and fitting text with the bundled fonts,
//! [`crate::images::fonts`]), [`qr`] (the code to the year page). The village logo is read
//! at load ([`crate::logo`]).

pub mod draw;
pub mod footer;
pub mod layout;
pub mod qr;
pub mod table;
pub mod text;
pub mod view;

/// The board's size, which the images stage draws it at.
pub use crate::images::board::{HEIGHT, WIDTH};
/// The white margin left and right.
pub const MARGIN: f32 = 44.0;
/// The part of the board a share preview shows: the width of the board at 1200:630.
pub const HEADLINE_HEIGHT: f32 = WIDTH * 630.0 / 1200.0;
