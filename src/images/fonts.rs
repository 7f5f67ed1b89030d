//! The fonts every picture Papan draws is set in (share cards, the notice board): the Noto
//! Sans files compiled into Papan (`assets/fonts/`, SIL Open Font License).
//!
//! In: nothing. Out: the font database usvg lays text out with, and the raw face data for
//! measuring. No font of the build machine is ever looked up, so the PNG and PDF have the
//! same bytes on every machine.

use std::sync::{Arc, LazyLock};
use usvg::fontdb::{Database, Family, Query, Weight};

pub const FAMILY: &str = "Noto Sans";

static FONTS: LazyLock<Arc<Database>> = LazyLock::new(|| {
    let mut db = Database::new();
    db.load_font_data(include_bytes!("../../assets/fonts/NotoSans-Regular.ttf").to_vec());
    db.load_font_data(include_bytes!("../../assets/fonts/NotoSans-Bold.ttf").to_vec());
    Arc::new(db)
});

pub fn database() -> Arc<Database> {
    Arc::clone(&FONTS)
}

/// Runs `f` on the bytes of the regular or the bold face; None if the face is missing.
pub fn with_face<T>(bold: bool, f: impl FnOnce(&[u8]) -> T) -> Option<T> {
    let db = database();
    let id = db.query(&Query {
        families: &[Family::Name(FAMILY)],
        weight: if bold { Weight::BOLD } else { Weight::NORMAL },
        ..Query::default()
    })?;
    db.with_face_data(id, |data, _| f(data))
}

/// Options that make usvg use only the bundled fonts.
pub fn options() -> usvg::Options<'static> {
    usvg::Options {
        font_family: FAMILY.to_owned(),
        fontdb: database(),
        ..usvg::Options::default()
    }
}
