//! Free pages (`content/halaman/*.md`: profil desa, struktur pemerintahan, kontak), stage 1.
//!
//! In: the site folder. Out: every [`Halaman`] in menu order (`urutan`, then `judul`;
//! pages without `urutan` after those with one), each with its body photos checked. Every
//! problem goes to the diagnostics with its line.

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::document::Document;
use crate::yaml;
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

pub const DIR: &str = "content/halaman";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Doc {
    judul: String,
    urutan: Option<String>,
    ringkasan: Option<String>,
}

/// A free page, checked.
#[derive(Debug, Clone)]
pub struct Halaman {
    pub source: PathBuf,
    /// The file name without `.md`, slugified: the page is `halaman/SLUG/index.html`.
    pub slug: String,
    pub judul: String,
    pub urutan: Option<i64>,
    pub ringkasan: Option<String>,
    /// Markdown.
    pub body: String,
    /// Photos shown in the body: the address as written → the path inside `content/`.
    pub body_photos: BTreeMap<String, String>,
}

impl Halaman {
    pub fn path(&self) -> String {
        format!("halaman/{}/index.html", self.slug)
    }
}

pub fn load(root: &Path, diags: &mut Diagnostics) -> Vec<Halaman> {
    let mut pages = Vec::new();
    for relative in crate::site::files_with_extension(root, Path::new(DIR), &["md"]) {
        let errors_before = diags.error_count();
        let Some(doc) = crate::document::read(root, &relative, "halaman", diags) else {
            continue;
        };
        if let Some(page) = parse(&doc, diags)
            && diags.error_count() == errors_before
        {
            pages.push(page);
        }
    }
    let mut first: HashMap<String, PathBuf> = HashMap::new();
    for p in &pages {
        if let Some(earlier) = first.insert(p.slug.clone(), p.source.clone()) {
            diags.push(
                Diagnostic::error(
                    &p.source,
                    format!(
                        "alamat halaman/{}/ sudah dipakai oleh {}",
                        p.slug,
                        earlier.display()
                    ),
                )
                .hint("nama berkas menentukan alamat halaman; ganti nama salah satu berkas"),
            );
        }
    }
    pages.sort_by(|a, b| {
        (a.urutan.is_none(), a.urutan, &a.judul, &a.slug).cmp(&(
            b.urutan.is_none(),
            b.urutan,
            &b.judul,
            &b.slug,
        ))
    });
    pages
}

fn parse(doc: &Document, diags: &mut Diagnostics) -> Option<Halaman> {
    let (fields, spans): (Doc, _) =
        yaml::read_part_with_spans(&doc.src, &doc.yaml, doc.yaml_offset, diags)?;
    let mut ok = true;
    let judul = fields.judul.trim().to_owned();
    if judul.is_empty() {
        diags.push(
            doc.src
                .error(
                    spans.get("judul").or(spans.key("judul")),
                    "`judul` tidak boleh kosong",
                )
                .hint("tulis judul halaman, misalnya `judul: Profil Desa`"),
        );
        ok = false;
    }
    let urutan = match fields
        .urutan
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
    {
        None => None,
        Some(t) => match t.parse::<i64>() {
            Ok(n) => Some(n),
            Err(_) => {
                diags.push(doc.src.error(spans.get("urutan"), format!("urutan `{t}` bukan angka bulat")).hint("urutan menentukan letak di menu: 1 untuk yang pertama, 2 untuk berikutnya, dan seterusnya"));
                ok = false;
                None
            }
        },
    };
    let Some(slug) = crate::report::slug_of(&doc.src.path) else {
        diags.push(
            Diagnostic::error(
                &doc.src.path,
                "nama berkas tidak dapat dijadikan alamat halaman",
            )
            .hint("beri nama berkas dengan huruf dan angka, misalnya `profil-desa.md`"),
        );
        return None;
    };
    ok.then(|| Halaman {
        source: doc.src.path.clone(),
        slug,
        judul,
        urutan,
        ringkasan: crate::yaml::text(fields.ringkasan),
        body: doc.body.clone(),
        body_photos: doc.photos.clone(),
    })
}
