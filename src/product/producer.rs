//! Producer profiles: `content/umkm/*.yaml`.
//!
//! In: one file's text (and the site folder, to check its photo). Out: a [`Producer`], with
//! a diagnostic for every field that cannot be used. A producer with problems in optional
//! fields is still returned (without those fields), so products that name it are not also
//! reported as naming an unknown producer.

use super::model::{Jenis, Producer};
use super::photo::{self, FotoDoc};
use crate::diagnostic::Diagnostics;
use crate::source::SourceFile;
use crate::suggest::did_you_mean;
use crate::yaml::{self, Spans};
use serde::Deserialize;
use std::path::Path;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Doc {
    nama: Option<String>,
    jenis: Option<String>,
    dusun: Option<String>,
    whatsapp: Option<String>,
    alamat: Option<String>,
    deskripsi: Option<String>,
    foto: Option<FotoDoc>,
}

use crate::yaml::text;

/// Reads a producer file named `stem`. None only when the YAML itself cannot be read.
pub fn parse(
    root: &Path,
    src: &SourceFile,
    stem: &str,
    diags: &mut Diagnostics,
) -> Option<Producer> {
    let (doc, spans): (Doc, _) = yaml::read_with_spans(src, diags)?;
    let nama = text(doc.nama).unwrap_or_else(|| {
        diags.push(
            src.error(spans.key("nama"), "nama UMKM belum diisi")
                .hint("tambahkan baris `nama: …`, misalnya `nama: KUB Srikandi`"),
        );
        stem.to_owned()
    });
    let jenis = text(doc.jenis).and_then(|j| check_jenis(src, &spans, &j, diags));
    let written = text(doc.whatsapp);
    let whatsapp = written
        .as_deref()
        .and_then(|w| super::fields::check_number(src, &spans, w, diags));
    let whatsapp_refused = written.is_some() && whatsapp.is_none();
    let location = spans.get("foto.berkas").or_else(|| spans.get("foto"));
    let foto = doc
        .foto
        .and_then(|f| photo::check(root, src, f, location, diags));
    Some(Producer {
        stem: stem.to_owned(),
        source: src.path.clone(),
        nama,
        jenis,
        dusun: text(doc.dusun),
        whatsapp,
        whatsapp_refused,
        alamat: text(doc.alamat),
        deskripsi: super::fields::check_description(root, src, &spans, text(doc.deskripsi), diags),
        foto,
    })
}

fn check_jenis(src: &SourceFile, spans: &Spans, j: &str, diags: &mut Diagnostics) -> Option<Jenis> {
    let found = Jenis::ALL.iter().find(|(k, _)| *k == j).map(|(_, v)| *v);
    if found.is_none() {
        let mut d = src
            .error(
                spans.get("jenis"),
                format!("jenis UMKM `{j}` tidak dikenal"),
            )
            .note("pilihan yang ada: `pkk`, `kub`, `bumdes`, `perorangan`");
        if let Some(hint) = did_you_mean(j, Jenis::ALL.map(|(k, _)| k)) {
            d = d.hint(hint);
        }
        diags.push(d);
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> (Option<Producer>, Diagnostics) {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("content/foto")).unwrap();
        std::fs::write(dir.path().join("content/foto/kub.jpg"), b"x").unwrap();
        let mut diags = Diagnostics::new();
        let src = SourceFile::new("content/umkm/kub-srikandi.yaml", text);
        let p = parse(dir.path(), &src, "kub-srikandi", &mut diags);
        (p, diags)
    }

    #[test]
    fn reads_a_producer() {
        let (p, diags) = read(
            "nama: KUB Srikandi\njenis: kub\ndusun: Krajan\nwhatsapp: 0812-0000-0001\nfoto: { berkas: foto/kub.jpg, keterangan: Anggota KUB }\ndeskripsi: |\n  Kelompok **ibu-ibu**.\n",
        );
        assert!(diags.is_empty(), "{}", diags.report());
        let p = p.unwrap();
        assert_eq!(p.nama, "KUB Srikandi");
        assert_eq!(p.jenis, Some(Jenis::Kub));
        assert_eq!(p.whatsapp.as_deref(), Some("6281200000001"));
        assert_eq!(p.foto.unwrap().keterangan.as_deref(), Some("Anggota KUB"));
    }

    #[test]
    fn reports_every_problem_and_keeps_the_producer() {
        let (p, diags) = read(
            "nama: KUB Srikandi\njenis: koperasi\nwhatsapp: 0274-512345\nfoto: foto/tidak-ada.jpg\n",
        );
        let p = p.unwrap();
        assert!(p.whatsapp_refused && p.whatsapp.is_none() && p.foto.is_none());
        let got: Vec<String> = diags.iter().map(|d| d.to_string()).collect();
        assert_eq!(
            got[0],
            "kesalahan: jenis UMKM `koperasi` tidak dikenal\n  --> content/umkm/kub-srikandi.yaml:2:8\n   |\n 2 | jenis: koperasi\n   |        ^\n   = pilihan yang ada: `pkk`, `kub`, `bumdes`, `perorangan`\n"
        );
        assert_eq!(
            got[1],
            "kesalahan: nomor WhatsApp `0274-512345` tidak sah: bukan nomor HP (nomor HP Indonesia diawali 08)\n  --> content/umkm/kub-srikandi.yaml:3:11\n   |\n 3 | whatsapp: 0274-512345\n   |           ^\n   = saran: tulis nomor HP yang dipakai untuk WhatsApp, misalnya `0812-3456-7890` atau `+62 812-3456-7890`\n"
        );
        assert!(
            got[2].starts_with("kesalahan: foto `foto/tidak-ada.jpg` tidak ditemukan di content/foto/tidak-ada.jpg\n  --> content/umkm/kub-srikandi.yaml:4:7\n"),
            "{}",
            got[2]
        );
        assert_eq!(diags.error_count(), 3);
    }
}
