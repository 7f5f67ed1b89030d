//! Papan: a village (desa) transparency website from plain files.
//!
//! The build reads like a script ([`build`]): [`site::load`] reads the content into a typed
//! model, collecting every problem; [`compute::compute`] works out every figure and link
//! the pages show; [`render::render`] turns the model into files; [`images`] makes the
//! photos and share previews the pages named; [`write::write`] puts everything into the
//! output folder, swapping it in only when all of it succeeded. [`commands`] only reads
//! the command line and calls these; every failure is one [`error::Error`].

pub mod baliho;
pub mod browser;
pub mod budget;
pub mod build;
pub mod case_clash;
pub mod cli;
pub mod clock;
pub mod code;
pub mod collection;
pub mod commands;
pub mod compute;
pub mod date;
pub mod desa;
pub mod diagnostic;
pub mod document;
pub mod double_click;
pub mod error;
pub mod frontmatter;
pub mod hosts;
pub mod html;
pub mod images;
pub mod impor;
pub mod logo;
pub mod markdown;
pub mod money;
pub mod nesting;
pub mod output;
pub mod pages;
pub mod paths;
pub mod photo;
pub mod product;
pub mod reference;
pub mod render;
pub mod report;
pub mod scaffold;
pub mod serve;
pub mod site;
pub mod source;
pub mod suggest;
pub mod theme;
pub mod version;
pub mod weight;
pub mod write;
pub mod yaml;
pub mod yaml_guard;
