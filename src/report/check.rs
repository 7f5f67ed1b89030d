//! Checking the simple fields of a report's front matter, one problem at a time.
//!
//! In: the text of a field as written. Out: its value, or a diagnostic pointing at the
//! field's line and column (kept by a [`Checker`] for the whole file) with a hint.

use super::Status;
use crate::diagnostic::{Diagnostics, Location};
use crate::document::Document;
use crate::yaml::Spans;
use jiff::civil::Date;

/// Collects the problems of one report; `ok` turns false at the first error.
pub struct Checker<'a> {
    pub doc: &'a Document,
    pub spans: Spans,
    pub diags: &'a mut Diagnostics,
    pub ok: bool,
}

impl Checker<'_> {
    pub fn error(&mut self, at: Option<Location>, message: String, hint: String) {
        let d = self.doc.src.error(at, message).hint(hint);
        self.diags.push(d);
        self.ok = false;
    }

    pub fn warning(&mut self, at: Option<Location>, message: String, hint: &str) {
        let d = self.doc.src.warning(at, message).hint(hint);
        self.diags.push(d);
    }

    /// Where a value is, else its key, else the top of the front matter.
    pub fn at(&self, path: &str) -> Option<Location> {
        self.spans
            .get(path)
            .or_else(|| self.spans.key(path))
            .or(Some(Location::new(self.doc.yaml_offset + 1, 1)))
    }
}

use crate::yaml::text;

pub fn judul(c: &mut Checker, written: &str) -> String {
    let judul = written.trim().to_owned();
    if judul.is_empty() {
        c.error(
            c.at("judul"),
            "`judul` tidak boleh kosong".into(),
            "tulis judul laporan, misalnya `judul: Pengerasan Jalan Dusun Karet`".into(),
        );
    }
    judul
}

pub fn tanggal(c: &mut Checker, written: &str) -> Option<Date> {
    match crate::date::parse_date(written) {
        Ok(d) => Some(d),
        Err((message, hint)) => {
            c.error(c.at("tanggal"), message, hint);
            None
        }
    }
}

pub fn status(c: &mut Checker, written: Option<String>) -> Option<Status> {
    let names: Vec<&str> = Status::ALL.iter().map(|s| s.name()).collect();
    let choices = names
        .iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ");
    let Some(t) = text(written) else {
        c.error(
            c.at("status"),
            "`status` wajib diisi".into(),
            format!("tambahkan baris `status: …` dengan salah satu dari {choices}"),
        );
        return None;
    };
    let found = Status::parse(&t.to_lowercase());
    if found.is_none() {
        let hint = match crate::suggest::closest(&t, names.iter().copied()) {
            Some(best) => format!(
                "{} pilihannya {choices}",
                crate::suggest::maksud(best, None)
            ),
            None => format!("pilihannya {choices}"),
        };
        c.error(c.at("status"), format!("status `{t}` tidak dikenal"), hint);
    }
    found
}

/// A whole percentage from 0 to 100; a trailing `%` is allowed.
pub fn progres(c: &mut Checker, t: &str) -> Option<u8> {
    let number = t.strip_suffix('%').unwrap_or(t).trim();
    let message = match number.parse::<i64>() {
        Ok(n) if (0..=100).contains(&n) => return u8::try_from(n).ok(),
        Ok(_) => format!("progres `{t}` di luar 0–100"),
        Err(_) => match number.parse::<f64>() {
            Ok(f) if !(0.0..=100.0).contains(&f) => format!("progres `{t}` di luar 0–100"),
            _ => format!("progres `{t}` bukan angka bulat"),
        },
    };
    c.error(
        c.at("progres"),
        message,
        "tulis persentase kemajuan sebagai angka bulat 0 sampai 100, misalnya `progres: 45`".into(),
    );
    None
}

pub fn penerima(c: &mut Checker, t: &str) -> Option<u64> {
    let n = crate::money::parse_count(t);
    if n.is_none() {
        c.error(
            c.at("penerima_manfaat"),
            format!("penerima_manfaat `{t}` bukan bilangan bulat"),
            "tulis jumlah orangnya saja, misalnya `penerima_manfaat: 35`".into(),
        );
    }
    n
}

/// A report dated after today is a plan, whatever its status says.
pub fn effective_status(c: &mut Checker, written: Status, tanggal: Date, today: Date) -> Status {
    let at = c.at("status");
    if tanggal > today && written != Status::Rencana {
        c.warning(at, format!("laporan bertanggal {tanggal} (belum tiba) berstatus `{}`; ditampilkan sebagai rencana", written.name()), "jika kegiatan sudah berjalan atau selesai, perbaiki `tanggal`; jika belum, tulis `status: rencana`");
        return Status::Rencana;
    }
    if tanggal <= today && written == Status::Rencana {
        c.warning(
            at,
            format!("laporan berstatus `rencana` tetapi tanggalnya ({tanggal}) sudah lewat"),
            "perbarui `status` (berjalan, selesai atau tertunda) dan ceritakan hasilnya",
        );
    }
    written
}
