//! Checking budget codes against the official tables of the chosen kodefikasi.
//!
//! In: a code and the section it was written in. Out: what the code is (an official code
//! with its name, a deeper rincian of an official code, a kegiatan the village added) or a
//! problem with a suggestion (`2.3.10` → `02.03.10`, `4.2.7` → nearest official code).

use super::Section;
use crate::code::Code;
use crate::reference::{CodeTable, Kodefikasi, Tingkat};
use crate::suggest::closest;

/// What a valid code is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Known {
    /// In the official table, with its official name.
    Official(&'static str),
    /// Deeper than the table goes, under an official code (`4.1.1.01`): needs an uraian.
    Rincian,
    /// A kegiatan the village added under an official (sub-)bidang: allowed with a warning.
    VillageKegiatan,
    /// Kodefikasi `bebas`: any code.
    Free,
}

/// Why a code is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub message: String,
    pub hint: Option<String>,
}

fn problem(message: String, hint: Option<String>) -> Problem {
    Problem { message, hint }
}

/// Checks the `kode` of a row in `section`.
pub fn check(k: Kodefikasi, section: Section, code: &Code) -> Result<Known, Problem> {
    let (Some(rekening), Some(kegiatan)) = (k.rekening(), k.kegiatan()) else {
        return Ok(Known::Free);
    };
    if section == Section::Belanja {
        check_kegiatan(k, kegiatan, rekening, code)
    } else {
        check_rekening(k, rekening, section, code)
    }
}

fn check_rekening(
    k: Kodefikasi,
    table: &CodeTable,
    section: Section,
    code: &Code,
) -> Result<Known, Problem> {
    let s = code.as_str();
    let inside = Section::of_rekening(s) == Some(section);
    // In 20/2018 and 113/2014, 6 (PEMBIAYAAN) heads both lists.
    let is_head = s == "6" && matches!(section, Section::Penerimaan | Section::Pengeluaran);
    if inside || is_head {
        if let Some(name) = table.name(s) {
            return Ok(Known::Official(name));
        }
        if deeper_than_table(table, code) {
            return Ok(Known::Rincian);
        }
    } else if let Some(name) = table.name(s) {
        let home = Section::of_rekening(s).filter(|&h| h != Section::Belanja);
        let hint = match home {
            Some(home) => format!("pindahkan baris ini ke bagian `{}`", home.path()),
            None if s.starts_with('5') => "baris belanja memakai kode kegiatan (mis. 02.03.10) di `kode`; kode rekening 5.x ditulis di `jenis`".to_owned(),
            None => "periksa kembali kodenya di dokumen APBDes".to_owned(),
        };
        return Err(problem(
            format!(
                "kode {s} ({name}) bukan kode {} menurut {}",
                section.title().to_lowercase(),
                k.title()
            ),
            Some(hint),
        ));
    }
    let root = section.root();
    let candidates = table
        .entries()
        .iter()
        .map(|e| e.kode)
        .filter(|c| *c == root || c.starts_with(&format!("{root}.")));
    Err(problem(
        format!(
            "kode {s} tidak ada dalam daftar kode {} {}",
            section.title().to_lowercase(),
            k.title()
        ),
        suggestion(table, code, candidates.collect(), false),
    ))
}

/// Every kodefikasi lists its accounts down to jenis (`4.1.1`, `5.1.2`); 113/2014 lists
/// obyek below that (`4.1.1.01`), 20/2018 does not.
const JENIS_DEPTH: usize = 3;

/// `4.1.1.01` under official `4.1.1` when the table has no such obyek: the village's own
/// rincian (Siskeudes lets a kabupaten add obyek), named by the row's uraian.
fn deeper_than_table(table: &CodeTable, code: &Code) -> bool {
    code.depth() > JENIS_DEPTH && table.get(code.truncate(JENIS_DEPTH).as_str()).is_some()
}

fn check_kegiatan(
    k: Kodefikasi,
    table: &CodeTable,
    rekening: &CodeTable,
    code: &Code,
) -> Result<Known, Problem> {
    let s = code.as_str();
    let depth_max = k.kegiatan_depth().unwrap_or(3);
    if s.starts_with('5') && rekening.get(s).is_some() || s == "5" {
        return Err(problem(
            format!("kode {s} adalah kode rekening belanja, bukan kode kegiatan"),
            Some("di `kode` tulis kode kegiatan (bidang.sub-bidang.kegiatan, mis. 02.03.10) dan pindahkan kode rekening ini ke `jenis`".to_owned()),
        ));
    }
    let shape = if depth_max == 3 {
        "bidang.sub-bidang.kegiatan, mis. 02.03.10"
    } else {
        "bidang.kegiatan, mis. 02.02"
    };
    if code.depth() > depth_max {
        return Err(problem(
            format!("kode kegiatan {s} terlalu panjang"),
            Some(format!(
                "kode belanja ditulis {shape}; rincian ditulis sebagai baris lain dengan kode kegiatan yang sama dan `jenis` yang berbeda"
            )),
        ));
    }
    if let Some(entry) = table.get(s) {
        return Ok(Known::Official(entry.uraian));
    }
    let parent_official = code
        .parent()
        .is_some_and(|p| table.get(p.as_str()).is_some());
    let all_digits = code
        .segments()
        .all(|seg| seg.chars().all(|c| c.is_ascii_digit()));
    if code.depth() == depth_max && parent_official && all_digits {
        return Ok(Known::VillageKegiatan);
    }
    let level = match (code.depth(), depth_max) {
        (1, _) => "bidang",
        (2, 3) => "sub-bidang",
        _ => "kegiatan",
    };
    let same_depth: Vec<&str> = table
        .entries()
        .iter()
        .filter(|e| e.kode.split('.').count() == code.depth())
        .filter(|e| e.tingkat != Some(Tingkat::Kegiatan) || code.depth() == depth_max)
        .map(|e| e.kode)
        .collect();
    Err(problem(
        format!("kode {level} {s} tidak ada dalam {}", k.title()),
        suggestion(table, code, same_depth, true)
            .or_else(|| Some(format!("kode belanja ditulis {shape}"))),
    ))
}

/// A likely intended code: the same code written with the table's zero padding, or the
/// nearest official code by edit distance.
fn suggestion(
    table: &CodeTable,
    code: &Code,
    candidates: Vec<&str>,
    two_digit: bool,
) -> Option<String> {
    let normalized: Vec<String> = code
        .segments()
        .map(|seg| match seg.parse::<u32>() {
            Ok(n) if two_digit => format!("{n:02}"),
            Ok(n) => n.to_string(),
            Err(_) => seg.to_owned(),
        })
        .collect();
    let normalized = normalized.join(".");
    let best = if normalized != code.as_str() && table.get(&normalized).is_some() {
        Some(normalized.as_str())
    } else {
        closest(code.as_str(), candidates)
    };
    best.map(|b| crate::suggest::maksud(b, table.name(b)))
}

/// Checks the `jenis` (jenis belanja) of a belanja row and returns its official name.
pub fn check_jenis(k: Kodefikasi, jenis: &Code) -> Result<Option<&'static str>, Problem> {
    let Some(table) = k.rekening() else {
        return Ok(None);
    };
    let s = jenis.as_str();
    if !s.starts_with("5.") {
        return Err(problem(
            format!("jenis belanja {s} tidak sah: jenis belanja adalah kode rekening 5.x"),
            Some(
                "misalnya 5.1.1 (belanja pegawai), 5.2.2 (jasa honorarium), 5.3.5 (modal jalan)"
                    .to_owned(),
            ),
        ));
    }
    if let Some(name) = table.name(s) {
        return Ok(Some(name));
    }
    // An obyek the table lacks is named by the nearest official code above it.
    if let Some(name) = (JENIS_DEPTH..jenis.depth())
        .rev()
        .find_map(|depth| table.name(jenis.truncate(depth).as_str()))
    {
        return Ok(Some(name));
    }
    let candidates: Vec<&str> = table
        .entries()
        .iter()
        .map(|e| e.kode)
        .filter(|c| c.starts_with("5."))
        .collect();
    Err(problem(
        format!("jenis belanja {s} tidak ada dalam {}", k.title()),
        suggestion(table, jenis, candidates, false),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(s: &str) -> Code {
        Code::parse(s).unwrap()
    }
    const P20: Kodefikasi = Kodefikasi::Permendagri20;

    #[test]
    fn official_rincian_and_village_codes() {
        assert_eq!(
            check(P20, Section::Pendapatan, &c("4.2.1")),
            Ok(Known::Official("Dana Desa"))
        );
        assert_eq!(
            check(P20, Section::Pendapatan, &c("4.1.1.01")),
            Ok(Known::Rincian)
        );
        assert_eq!(
            check(P20, Section::Penerimaan, &c("6.1.1")),
            Ok(Known::Official("SILPA Tahun Sebelumnya"))
        );
        assert_eq!(
            check(P20, Section::Belanja, &c("02.03")),
            Ok(Known::Official("Sub Bidang Pekerjaan Umum dan Tata Ruang"))
        );
        assert_eq!(
            check(P20, Section::Belanja, &c("02.03.77")),
            Ok(Known::VillageKegiatan)
        );
        assert_eq!(
            check(Kodefikasi::Bebas, Section::Belanja, &c("2.1.2")),
            Ok(Known::Free)
        );
    }

    #[test]
    fn unknown_codes_get_exact_messages_and_suggestions() {
        let p = check(P20, Section::Pendapatan, &c("4.2.7")).unwrap_err();
        assert_eq!(
            p.message,
            "kode 4.2.7 tidak ada dalam daftar kode pendapatan Permendagri No. 20 Tahun 2018"
        );
        assert_eq!(p.hint.as_deref(), Some("maksud Anda `4.2.1` (Dana Desa)?"));
        let p = check(P20, Section::Belanja, &c("2.3.10")).unwrap_err();
        assert_eq!(
            p.message,
            "kode kegiatan 2.3.10 tidak ada dalam Permendagri No. 20 Tahun 2018"
        );
        assert!(p.hint.unwrap().starts_with("maksud Anda `02.03.10`"));
        let p = check(P20, Section::Belanja, &c("09")).unwrap_err();
        assert_eq!(
            p.message,
            "kode bidang 09 tidak ada dalam Permendagri No. 20 Tahun 2018"
        );
        let p = check(P20, Section::Belanja, &c("5.3.5")).unwrap_err();
        assert_eq!(
            p.message,
            "kode 5.3.5 adalah kode rekening belanja, bukan kode kegiatan"
        );
        let p = check(P20, Section::Penerimaan, &c("6.2.2")).unwrap_err();
        assert_eq!(
            p.message,
            "kode 6.2.2 (Penyertaan Modal Desa) bukan kode penerimaan pembiayaan menurut Permendagri No. 20 Tahun 2018"
        );
        assert_eq!(
            p.hint.as_deref(),
            Some("pindahkan baris ini ke bagian `pembiayaan.pengeluaran`")
        );
    }

    #[test]
    fn jenis_belanja() {
        assert_eq!(
            check_jenis(P20, &c("5.3.5")),
            Ok(Some("Belanja Modal Jalan/Prasarana Jalan"))
        );
        assert_eq!(
            check_jenis(P20, &c("5.2.1.01")),
            Ok(Some("Belanja Barang Perlengkapan"))
        );
        assert!(check_jenis(P20, &c("4.1.1")).is_err());
        assert!(check_jenis(P20, &c("5.9.9")).is_err());
    }
}
