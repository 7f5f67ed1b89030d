//! Free pages (`content/halaman/*.md`: profil desa, struktur pemerintahan, kontak), read
//! in the load stage.
//!
//! In: the site folder. Out: every [`Page`] in menu order (`urutan`, then `judul`;
//! pages without `urutan` after those with one), each with its body photos checked. Every
//! problem goes to the diagnostics with its line.

use crate::collection::{self, Entry, Folder, Naming};
use crate::diagnostic::Diagnostics;
use crate::document::Document;
use crate::yaml;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub const FOLDER: Folder = Folder {
    dir: "content/halaman",
    extensions: &["md"],
    naming: Naming::Slug {
        example: "profil-desa.md",
    },
};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Doc {
    judul: String,
    urutan: Option<String>,
    ringkasan: Option<String>,
}

/// A free page, checked.
#[derive(Debug, Clone)]
pub struct Page {
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

impl Page {
    pub fn path(&self) -> String {
        crate::paths::page(&self.slug)
    }
}

pub fn load(root: &Path, diags: &mut Diagnostics) -> Vec<Page> {
    let mut pages = collection::read_all(root, &FOLDER, diags, |entry, d| {
        let doc = crate::document::read(root, &entry.relative, "halaman", d)?;
        parse(&doc, entry, d).filter(|_| !d.has_errors())
    });
    collection::check_addresses(
        pages.iter().map(|p| (p.slug.as_str(), p.source.as_path())),
        |s| crate::paths::pretty(&crate::paths::page(s)).to_owned(),
        diags,
    );
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

fn parse(doc: &Document, entry: &Entry, diags: &mut Diagnostics) -> Option<Page> {
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
    let slug = entry.slug.clone()?;
    ok.then(|| Page {
        source: doc.src.path.clone(),
        slug,
        judul,
        urutan,
        ringkasan: crate::yaml::text(fields.ringkasan),
        body: doc.body.clone(),
        body_photos: doc.photos.clone(),
    })
}
