//! Photos of products and producers as written in their files.
//!
//! In: a `foto` item, either a path (`foto/keripik.jpg`) or
//! `{ berkas: foto/keripik.jpg, keterangan: "Kemasan 250 g" }`; a product's `foto` may be
//! one item or a list. Out: a [`Foto`] checked with [`crate::photo::resolve`], or a
//! diagnostic at the item's line.

use crate::diagnostic::{Diagnostics, Location};
use crate::source::SourceFile;
use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use std::fmt;
use std::path::Path;

/// A photo item as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FotoDoc {
    pub berkas: String,
    pub keterangan: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FotoMap {
    berkas: String,
    keterangan: Option<String>,
}

/// A photo that exists inside content/.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Foto {
    /// The path inside content/ (`foto/keripik.jpg`).
    pub path: String,
    /// The caption, also used as the description for readers who cannot see it.
    pub keterangan: Option<String>,
}

const EXPECTING: &str =
    "alamat foto (`foto/nama.jpg`) atau `{ berkas: foto/nama.jpg, keterangan: … }`";

struct ItemVisitor;

impl<'de> Visitor<'de> for ItemVisitor {
    type Value = FotoDoc;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(EXPECTING)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<FotoDoc, E> {
        Ok(FotoDoc {
            berkas: v.to_owned(),
            keterangan: None,
        })
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<FotoDoc, A::Error> {
        let m = FotoMap::deserialize(de::value::MapAccessDeserializer::new(map))?;
        Ok(FotoDoc {
            berkas: m.berkas,
            keterangan: m.keterangan,
        })
    }
}

impl<'de> Deserialize<'de> for FotoDoc {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ItemVisitor)
    }
}

/// For `#[serde(deserialize_with)]`: one item, or a list of items.
pub fn one_or_many<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<FotoDoc>, D::Error> {
    struct ListVisitor;
    impl<'de> Visitor<'de> for ListVisitor {
        type Value = Vec<FotoDoc>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            write!(f, "daftar foto, atau satu {EXPECTING}")
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(Vec::new())
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
            ItemVisitor.visit_str(v).map(|f| vec![f])
        }
        fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
            ItemVisitor.visit_map(map).map(|f| vec![f])
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
            let mut out = Vec::new();
            while let Some(item) = seq.next_element::<FotoDoc>()? {
                out.push(item);
            }
            Ok(out)
        }
    }
    d.deserialize_any(ListVisitor)
}

/// Checks one photo item of `src`; `location` points at it for the message.
pub fn check(
    root: &Path,
    src: &SourceFile,
    doc: FotoDoc,
    location: Option<Location>,
    diags: &mut Diagnostics,
) -> Option<Foto> {
    match crate::photo::resolve(root, &doc.berkas) {
        Ok(path) => {
            let keterangan = crate::yaml::text(doc.keterangan);
            if keterangan.is_none() {
                let (message, hint) = crate::photo::missing_caption(&doc.berkas);
                diags.push(src.warning(location, message).hint(hint));
            }
            Some(Foto { path, keterangan })
        }
        Err(reason) => {
            diags.push(src.error(location, reason).hint(
                "simpan fotonya di folder content/foto/ dan tulis `foto/nama-berkas.jpg`; huruf besar dan kecil pada nama berkas dibedakan",
            ));
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Doc {
        #[serde(default, deserialize_with = "one_or_many")]
        foto: Vec<FotoDoc>,
    }

    fn foto(text: &str) -> Result<Vec<FotoDoc>, crate::diagnostic::Diagnostic> {
        crate::yaml::parse::<Doc>(&SourceFile::new("content/produk/x.yaml", text)).map(|d| d.foto)
    }

    #[test]
    fn reads_paths_captions_single_items_and_lists() {
        let plain = FotoDoc {
            berkas: "foto/a.jpg".into(),
            keterangan: None,
        };
        let captioned = FotoDoc {
            berkas: "foto/b.jpg".into(),
            keterangan: Some("Kemasan 250 g".into()),
        };
        assert_eq!(
            foto("foto: [foto/a.jpg, { berkas: foto/b.jpg, keterangan: Kemasan 250 g }]\n")
                .unwrap(),
            [plain.clone(), captioned]
        );
        assert_eq!(foto("foto: foto/a.jpg\n").unwrap(), [plain]);
        assert_eq!(foto("foto:\n").unwrap(), []);
        assert_eq!(foto("{}\n").unwrap(), []);
    }

    #[test]
    fn unknown_keys_in_an_item_are_reported_at_their_line() {
        let d = foto("foto:\n  - berkas: foto/a.jpg\n    ket: x\n").unwrap_err();
        assert_eq!(d.message, "kunci `ket` tidak dikenal");
        assert_eq!(d.location.map(|l| l.line), Some(3));
        let d = foto("foto: [12]\n").unwrap_err();
        assert!(
            d.message.contains("seharusnya alamat foto"),
            "{}",
            d.message
        );
    }
}
