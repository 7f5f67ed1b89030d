//! Front matter values that may be written more than one way.
//!
//! `kegiatan: "02.03.10"` or `kegiatan: ["02.03.10", "02.03.14"]`; `foto: foto/a.jpg`, a
//! list of such paths, or items `{ berkas: foto/a.jpg, keterangan: "…" }`. Custom visitors
//! instead of `#[serde(untagged)]`, because untagged enums lose serde_yaml's line numbers
//! and say only "did not match any variant".

use serde::de::value::{MapAccessDeserializer, StrDeserializer};
use serde::de::{self, Deserialize, Deserializer, IntoDeserializer, MapAccess, SeqAccess, Visitor};
use std::fmt;
use std::marker::PhantomData;

/// One value or a list of them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OneOrMany<T> {
    One(T),
    Many(Vec<T>),
}

impl<T> OneOrMany<T> {
    /// The items with the YAML path of each (`foto` or `foto[2]`), for locating problems.
    pub fn items<'a>(&'a self, key: &str) -> Vec<(String, &'a T)> {
        match self {
            OneOrMany::One(t) => vec![(key.to_owned(), t)],
            OneOrMany::Many(v) => v
                .iter()
                .enumerate()
                .map(|(i, t)| (format!("{key}[{i}]"), t))
                .collect(),
        }
    }
}

/// Something a single item can be read from: text, or (for photos) a mapping.
pub trait Item: Sized {
    const EXPECTING: &'static str;
    fn from_str<E: de::Error>(text: &str) -> Result<Self, E>;
    fn from_map<'de, A: MapAccess<'de>>(_map: A) -> Result<Self, A::Error> {
        Err(de::Error::invalid_type(
            de::Unexpected::Map,
            &Self::EXPECTING,
        ))
    }
}

/// A number where text was expected: unquoted `2.10` reads as the number 2.1, so the
/// spelling is lost; ask for quotes instead of guessing.
fn quote_it<E: de::Error>(shown: impl fmt::Display) -> E {
    E::custom(format!(
        "Nilai ini terbaca sebagai angka {shown}; tulis di antara tanda kutip, misalnya \"02.03.10\""
    ))
}

impl Item for String {
    const EXPECTING: &'static str = "teks";
    fn from_str<E: de::Error>(text: &str) -> Result<Self, E> {
        Ok(text.to_owned())
    }
}

/// A photo as written: a path, with a caption when given as a mapping.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FotoItem {
    pub berkas: String,
    pub keterangan: Option<String>,
}

impl Item for FotoItem {
    const EXPECTING: &'static str =
        "alamat foto (foto/nama-berkas.jpg) atau `berkas:` dengan `keterangan:`";
    fn from_str<E: de::Error>(text: &str) -> Result<Self, E> {
        Ok(FotoItem {
            berkas: text.to_owned(),
            keterangan: None,
        })
    }
    fn from_map<'de, A: MapAccess<'de>>(map: A) -> Result<Self, A::Error> {
        FotoItem::deserialize(MapAccessDeserializer::new(map))
    }
}

/// A list item: read as text (so `02.03.10` keeps its spelling) or as a mapping.
struct Element<T>(T);

impl<'de, T: Item> Deserialize<'de> for Element<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ItemVisitor(PhantomData)).map(Element)
    }
}

struct ItemVisitor<T>(PhantomData<T>);

impl<'de, T: Item> Visitor<'de> for ItemVisitor<T> {
    type Value = T;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(T::EXPECTING)
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<T, E> {
        T::from_str(v)
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
        T::from_map(map)
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<T, E> {
        Err(quote_it(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<T, E> {
        Err(quote_it(v))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<T, E> {
        Err(quote_it(v))
    }
}

struct OneOrManyVisitor<T>(PhantomData<T>);

impl<'de, T: Item> Visitor<'de> for OneOrManyVisitor<T> {
    type Value = OneOrMany<T>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{} atau daftarnya", T::EXPECTING)
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        let d: StrDeserializer<E> = v.into_deserializer();
        d.deserialize_str(ItemVisitor(PhantomData))
            .map(OneOrMany::One)
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        T::from_map(map).map(OneOrMany::One)
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        Err(quote_it(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        Err(quote_it(v))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        Err(quote_it(v))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut items = Vec::new();
        while let Some(Element(item)) = seq.next_element::<Element<T>>()? {
            items.push(item);
        }
        Ok(OneOrMany::Many(items))
    }
}

impl<'de, T: Item> Deserialize<'de> for OneOrMany<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(OneOrManyVisitor(PhantomData))
    }
}
