//! Product categories: a built-in list, extended or renamed by `kategori_produk` in
//! desa.yaml.
//!
//! In: the optional list from desa.yaml. Out: the [`Categories`] products may name, in a
//! fixed order (built-in first, then the village's own), and a diagnostic for every entry
//! of the list that cannot be used.

use crate::collection::is_slug;
use crate::diagnostic::Diagnostics;
use crate::source::SourceFile;
use crate::yaml::Spans;
use serde::Deserialize;

/// The categories every village has, as (kode, nama).
pub const BUILT_IN: [(&str, &str); 11] = [
    ("makanan-olahan", "Makanan Olahan"),
    ("minuman", "Minuman"),
    ("bahan-pangan", "Bahan Pangan"),
    ("kue-dan-camilan", "Kue dan Camilan"),
    ("kerajinan", "Kerajinan"),
    ("pertanian", "Hasil Pertanian"),
    ("peternakan", "Hasil Peternakan"),
    ("perikanan", "Hasil Perikanan"),
    ("fesyen", "Fesyen"),
    ("wisata-dan-penginapan", "Wisata dan Penginapan"),
    ("jasa", "Jasa"),
];

/// One entry of `kategori_produk` in desa.yaml, as written.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KategoriDoc {
    pub kode: String,
    pub nama: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Category {
    /// Used in addresses: `produk/kategori/KODE/`.
    pub kode: String,
    pub nama: String,
}

/// Every category a product may name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Categories {
    list: Vec<Category>,
}

impl Categories {
    /// The built-in list with the village's own entries: an entry with a built-in kode
    /// renames it, any other is added at the end.
    pub fn new(own: &[Category]) -> Self {
        let mut list: Vec<Category> = BUILT_IN
            .iter()
            .map(|(kode, nama)| Category {
                kode: (*kode).to_owned(),
                nama: (*nama).to_owned(),
            })
            .collect();
        for c in own {
            match list.iter_mut().find(|b| b.kode == c.kode) {
                Some(existing) => existing.nama = c.nama.clone(),
                None => list.push(c.clone()),
            }
        }
        Categories { list }
    }

    pub fn get(&self, kode: &str) -> Option<&Category> {
        self.list.iter().find(|c| c.kode == kode)
    }

    /// In display order.
    pub fn iter(&self) -> impl Iterator<Item = &Category> {
        self.list.iter()
    }
}

impl Default for Categories {
    fn default() -> Self {
        Self::new(&[])
    }
}

/// Checks `kategori_produk` from desa.yaml (`src`) and returns the usable entries.
pub fn check_own(
    src: &SourceFile,
    spans: &Spans,
    docs: Vec<KategoriDoc>,
    diags: &mut Diagnostics,
) -> Vec<Category> {
    let mut out: Vec<Category> = Vec::new();
    for (i, doc) in docs.into_iter().enumerate() {
        let at = |field: &str| spans.get(&format!("kategori_produk[{i}].{field}"));
        let kode = doc.kode.trim().to_owned();
        let nama = doc.nama.trim().to_owned();
        if !is_slug(&kode) {
            diags.push(
                src.error(at("kode"), format!("kode kategori `{kode}` tidak sah"))
                    .hint(format!(
                        "kode dipakai sebagai alamat halaman: tulis dengan huruf kecil, angka dan tanda -, misalnya `{}`",
                        suggested_slug(&kode, "oleh-oleh")
                    )),
            );
            continue;
        }
        if nama.is_empty() {
            diags.push(
                src.error(at("nama"), format!("nama kategori `{kode}` kosong"))
                    .hint("tulis nama yang tampil di situs, misalnya `nama: Oleh-Oleh Khas Desa`"),
            );
            continue;
        }
        if out.iter().any(|c| c.kode == kode) {
            diags.push(
                src.error(
                    at("kode"),
                    format!("kategori `{kode}` ditulis lebih dari sekali"),
                )
                .hint("hapus salah satunya"),
            );
            continue;
        }
        out.push(Category { kode, nama });
    }
    out
}

/// A usable address name made from `text`, or `fallback` when nothing is left of it.
pub fn suggested_slug(text: &str, fallback: &str) -> String {
    let s = slug::slugify(text);
    if s.is_empty() { fallback.to_owned() } else { s }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn own_entries_rename_built_ins_or_come_last() {
        let c = Categories::new(&[
            Category {
                kode: "kerajinan".into(),
                nama: "Kerajinan Bambu".into(),
            },
            Category {
                kode: "oleh-oleh".into(),
                nama: "Oleh-Oleh".into(),
            },
        ]);
        assert_eq!(c.get("kerajinan").unwrap().nama, "Kerajinan Bambu");
        assert_eq!(c.iter().count(), BUILT_IN.len() + 1);
        assert_eq!(c.iter().last().unwrap().kode, "oleh-oleh");
        // Built-in categories keep their order, before the site's own.
        assert_eq!(c.iter().next().unwrap().kode, "makanan-olahan");
    }

    #[test]
    fn slugs() {
        assert!(is_slug("keripik-balado-2"));
        for bad in [
            "",
            "Keripik",
            "keripik balado",
            "-a",
            "a-",
            "kéripik",
            "a_b",
        ] {
            assert!(!is_slug(bad), "{bad}");
        }
        assert_eq!(suggested_slug("Oleh Oleh!", "x"), "oleh-oleh");
        assert_eq!(suggested_slug("!!", "x"), "x");
    }

    #[test]
    fn reports_unusable_entries_with_their_line() {
        let text = "kategori_produk:\n  - { kode: Oleh Oleh, nama: X }\n  - { kode: madu, nama: \"\" }\n  - { kode: kopi, nama: Kopi }\n  - { kode: kopi, nama: Kopi lagi }\n";
        let src = SourceFile::new("content/desa.yaml", text);
        let spans = Spans::build(text, 0);
        let docs: Vec<KategoriDoc> = text
            .lines()
            .skip(1)
            .map(|l| serde_yaml::from_str(l.trim_start_matches([' ', '-'])).unwrap())
            .collect();
        let mut diags = Diagnostics::new();
        let own = check_own(&src, &spans, docs, &mut diags);
        assert_eq!(
            own,
            [Category {
                kode: "kopi".into(),
                nama: "Kopi".into()
            }]
        );
        let got: Vec<(String, usize)> = diags
            .iter()
            .map(|d| (d.message.clone(), d.location.unwrap().line))
            .collect();
        assert_eq!(
            got,
            [
                ("kode kategori `Oleh Oleh` tidak sah".to_owned(), 2),
                ("nama kategori `madu` kosong".to_owned(), 3),
                ("kategori `kopi` ditulis lebih dari sekali".to_owned(), 5),
            ]
        );
        assert_eq!(
            diags.iter().next().unwrap().hint.as_deref(),
            Some(
                "kode dipakai sebagai alamat halaman: tulis dengan huruf kecil, angka dan tanda -, misalnya `oleh-oleh`"
            )
        );
    }
}
