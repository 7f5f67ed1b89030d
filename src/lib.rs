//! Papan: a village (desa) transparency website from plain files.
//!
//! The build reads like a script: [`site::load`] reads the content into a typed model,
//! collecting every problem; [`render::render`] turns the model into files; [`write::write`]
//! puts them into the output folder, swapping it in only when everything succeeded.

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
pub mod html;
pub mod markdown;
pub mod money;
pub mod nesting;
pub mod photo;
pub mod produk;
pub mod reference;
pub mod render;
pub mod report;
pub mod site;
pub mod source;
pub mod suggest;
pub mod write;
pub mod yaml;
pub mod yaml_guard;
