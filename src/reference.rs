//! The official code tables, compiled into the binary.
//!
//! Permendagri 20/2018 and 113/2014: account codes (rekening: pendapatan 4, belanja 5,
//! pembiayaan 6) and kegiatan codes (bidang, sub-bidang, kegiatan); and the sumber dana
//! codes with their common aliases. Source: the TSV files in `src/reference/`.

use std::collections::HashMap;
use std::sync::LazyLock;

/// Which official code list a budget file follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
pub enum Kodefikasi {
    #[serde(rename = "permendagri-20-2018")]
    Permendagri20,
    #[serde(rename = "permendagri-113-2014")]
    Permendagri113,
    #[serde(rename = "bebas")]
    Bebas,
}

impl Kodefikasi {
    pub const NAMES: [&'static str; 3] = ["permendagri-20-2018", "permendagri-113-2014", "bebas"];

    pub fn parse(text: &str) -> Option<Kodefikasi> {
        match text.trim() {
            "permendagri-20-2018" => Some(Kodefikasi::Permendagri20),
            "permendagri-113-2014" => Some(Kodefikasi::Permendagri113),
            "bebas" => Some(Kodefikasi::Bebas),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Kodefikasi::Permendagri20 => "permendagri-20-2018",
            Kodefikasi::Permendagri113 => "permendagri-113-2014",
            Kodefikasi::Bebas => "bebas",
        }
    }

    /// How the code list is named for readers.
    pub fn title(self) -> &'static str {
        match self {
            Kodefikasi::Permendagri20 => "Permendagri No. 20 Tahun 2018",
            Kodefikasi::Permendagri113 => "Permendagri No. 113 Tahun 2014",
            Kodefikasi::Bebas => "kodefikasi desa sendiri",
        }
    }

    pub fn rekening(self) -> Option<&'static CodeTable> {
        match self {
            Kodefikasi::Permendagri20 => Some(&REKENING_20),
            Kodefikasi::Permendagri113 => Some(&REKENING_113),
            Kodefikasi::Bebas => None,
        }
    }

    pub fn kegiatan(self) -> Option<&'static CodeTable> {
        match self {
            Kodefikasi::Permendagri20 => Some(&KEGIATAN_20),
            Kodefikasi::Permendagri113 => Some(&KEGIATAN_113),
            Kodefikasi::Bebas => None,
        }
    }

    /// Depth of a kegiatan code: bidang.sub-bidang.kegiatan (20/2018) or bidang.kegiatan
    /// (113/2014).
    pub fn kegiatan_depth(self) -> Option<usize> {
        match self {
            Kodefikasi::Permendagri20 => Some(3),
            Kodefikasi::Permendagri113 => Some(2),
            Kodefikasi::Bebas => None,
        }
    }
}

/// The level of a kegiatan-table entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tingkat {
    Bidang,
    SubBidang,
    Kegiatan,
}

#[derive(Debug)]
pub struct Entry {
    pub kode: &'static str,
    pub uraian: &'static str,
    pub tingkat: Option<Tingkat>,
}

/// An official list of codes with their names.
#[derive(Debug)]
pub struct CodeTable {
    entries: Vec<Entry>,
    index: HashMap<&'static str, usize>,
}

impl CodeTable {
    fn from_tsv(tsv: &'static str) -> CodeTable {
        let entries: Vec<Entry> = tsv_rows(tsv)
            .map(|cols| {
                let tingkat = match cols.get(2).copied() {
                    Some("bidang") => Some(Tingkat::Bidang),
                    Some("sub_bidang") => Some(Tingkat::SubBidang),
                    Some("kegiatan") => Some(Tingkat::Kegiatan),
                    _ => None,
                };
                Entry {
                    kode: cols[0],
                    uraian: clean_name(cols[1]),
                    tingkat,
                }
            })
            .collect();
        let index = entries
            .iter()
            .enumerate()
            .map(|(i, e)| (e.kode, i))
            .collect();
        CodeTable { entries, index }
    }

    pub fn get(&self, kode: &str) -> Option<&Entry> {
        self.index.get(kode).map(|&i| &self.entries[i])
    }

    pub fn name(&self, kode: &str) -> Option<&'static str> {
        self.get(kode).map(|e| e.uraian)
    }

    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }
}

/// The data rows of a table file (after its header), each with at least two trimmed cells.
fn tsv_rows(tsv: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    tsv.lines()
        .skip(1)
        .map(|line| line.split('\t').map(str::trim).collect::<Vec<_>>())
        .filter(|cols| cols.len() >= 2 && !cols[0].is_empty())
}

/// The official names carry footnote marks (`**)`) from the regulation's annex.
fn clean_name(uraian: &'static str) -> &'static str {
    uraian
        .trim_end_matches("**)")
        .trim_end_matches('*')
        .trim_end()
}

static REKENING_20: LazyLock<CodeTable> = LazyLock::new(|| {
    CodeTable::from_tsv(include_str!("reference/rekening-permendagri-20-2018.tsv"))
});
static REKENING_113: LazyLock<CodeTable> = LazyLock::new(|| {
    CodeTable::from_tsv(include_str!("reference/rekening-permendagri-113-2014.tsv"))
});
static KEGIATAN_20: LazyLock<CodeTable> = LazyLock::new(|| {
    CodeTable::from_tsv(include_str!("reference/kegiatan-permendagri-20-2018.tsv"))
});
static KEGIATAN_113: LazyLock<CodeTable> = LazyLock::new(|| {
    CodeTable::from_tsv(include_str!("reference/kegiatan-permendagri-113-2014.tsv"))
});

/// A source of funds (sumber dana).
#[derive(Debug)]
pub struct SumberDana {
    pub kode: &'static str,
    pub uraian: &'static str,
    pub alias: Vec<&'static str>,
}

static SUMBER_DANA: LazyLock<Vec<SumberDana>> = LazyLock::new(|| {
    tsv_rows(include_str!("reference/sumber-dana.tsv"))
        .map(|cols| SumberDana {
            kode: cols[0],
            uraian: cols[1],
            alias: cols
                .get(2)
                .unwrap_or(&"")
                .split(',')
                .map(str::trim)
                .filter(|a| !a.is_empty())
                .collect(),
        })
        .collect()
});

/// Finds a sumber dana by its code or an alias, ignoring case (`DD` is `DDS`, `BHP` is `PBH`).
pub fn sumber_dana(text: &str) -> Option<&'static SumberDana> {
    let t = text.trim();
    SUMBER_DANA.iter().find(|s| {
        s.kode.eq_ignore_ascii_case(t) || s.alias.iter().any(|a| a.eq_ignore_ascii_case(t))
    })
}

pub fn sumber_dana_all() -> &'static [SumberDana] {
    &SUMBER_DANA
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_hold_official_names() {
        let r20 = Kodefikasi::Permendagri20.rekening().unwrap();
        assert_eq!(r20.name("4.2.1"), Some("Dana Desa"));
        assert_eq!(r20.name("6.2.2"), Some("Penyertaan Modal Desa"));
        let k20 = Kodefikasi::Permendagri20.kegiatan().unwrap();
        let e = k20.get("01.02.03").unwrap();
        assert_eq!(
            e.uraian,
            "Pembangunan/Rehabilitasi/Peningkatan Gedung/Prasarana Kantor Desa"
        );
        assert_eq!(e.tingkat, Some(Tingkat::Kegiatan));
        assert_eq!(k20.get("01").unwrap().tingkat, Some(Tingkat::Bidang));
        let k113 = Kodefikasi::Permendagri113.kegiatan().unwrap();
        assert_eq!(k113.name("02.02"), Some("Kegiatan Pembangunan Jalan Desa"));
        assert_eq!(
            Kodefikasi::Permendagri113.rekening().unwrap().name("5.1.3"),
            Some("Belanja Modal")
        );
    }

    #[test]
    fn sumber_dana_by_code_or_alias() {
        assert_eq!(sumber_dana("DDS").unwrap().kode, "DDS");
        assert_eq!(sumber_dana("DD").unwrap().kode, "DDS");
        assert_eq!(sumber_dana("bhp").unwrap().kode, "PBH");
        assert_eq!(sumber_dana("SiLPA").unwrap().kode, "SILPA");
        assert!(sumber_dana("APBN").is_none());
    }
}
