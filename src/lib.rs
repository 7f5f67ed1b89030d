//! Papan: a village (desa) transparency website from plain files.
//!
//! The build reads like a script: [`site::load`] reads the content into a typed model,
//! collecting every problem; [`render::render`] turns the model into files; [`write::write`]
//! puts them into the output folder, swapping it in only when everything succeeded.
//! Between the last two, [`images`] makes the photos and share previews the pages named.

pub mod baliho;
pub mod budget;
pub mod cli;
pub mod clock;
pub mod code;
pub mod commands;
pub mod date;
pub mod desa;
pub mod diagnostic;
pub mod document;
pub mod frontmatter;
pub mod halaman;
pub mod hosts;
pub mod html;
pub mod images;
pub mod markdown;
pub mod money;
pub mod nesting;
pub mod photo;
pub mod produk;
pub mod reference;
pub mod render;
pub mod report;
pub mod scaffold;
pub mod serve;
pub mod site;
pub mod source;
pub mod suggest;
pub mod weight;
pub mod write;
pub mod yaml;
pub mod yaml_guard;
