//! Finding the table in a sheet laid out like the printed APBDes: the header row by its
//! titles, anywhere in the first 30 rows, and what each column holds.
//!
//! In: a [`Sheet`]. Out: a [`Layout`] (header row, columns, title text above it), or the
//! titles that were found, for the message when there is no header.

use super::grid::{Cell, Sheet};

/// Rows searched for the header.
pub const HEADER_ROWS: usize = 30;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Col {
    Kode,
    Uraian,
    Anggaran,
    /// Anggaran before a perubahan, when the sheet also has the amount after it.
    Sebelum,
    Realisasi,
    Selisih,
    SumberDana,
    Keterangan,
    Persen,
}

#[derive(Debug, Clone)]
pub struct Layout {
    /// Index (into `sheet.rows`) of the header row, and of the last header-like row (a
    /// second header row, a row of column numbers) after which data starts.
    pub header: usize,
    pub data_start: usize,
    pub columns: Vec<(usize, Col)>,
    /// The text of the rows above the header (village, title, year).
    pub titles: Vec<String>,
    /// `Anggaran Setelah Perubahan` was the anggaran column.
    pub perubahan: bool,
}

impl Layout {
    pub fn col(&self, c: Col) -> Option<usize> {
        self.columns.iter().find(|(_, k)| *k == c).map(|(i, _)| *i)
    }
}

fn norm(text: &str) -> String {
    text.to_lowercase()
        .replace(['.', ':', '\n'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// What a header title names; None for other text.
fn classify(title: &str) -> Option<Col> {
    let t = norm(title);
    let t = t.trim_end_matches(" (rp)").trim_end_matches(" rp").trim();
    Some(match t {
        "kode" | "kode rekening" | "no rek" | "no rekening" | "kode rek" | "rekening"
        | "kd rek" => Col::Kode,
        "uraian" | "uraian kegiatan" | "nama rekening" | "uraian rekening" => Col::Uraian,
        "anggaran" | "jumlah" | "pagu" | "jumlah anggaran" | "nilai" | "anggaran murni" => {
            Col::Anggaran
        }
        "sebelum perubahan" | "anggaran sebelum perubahan" | "semula" => Col::Sebelum,
        "realisasi" | "jumlah realisasi" | "realisasi s/d" => Col::Realisasi,
        "lebih/(kurang)" | "lebih/kurang" | "lebih (kurang)" | "selisih" | "sisa anggaran" => {
            Col::Selisih
        }
        "sumber dana" | "sumber" | "sumberdana" => Col::SumberDana,
        "keterangan" | "ket" => Col::Keterangan,
        "%" | "persen" | "persentase" | "(%)" => Col::Persen,
        _ if t.contains("setelah perubahan")
            || t.contains("sesudah perubahan")
            || t == "menjadi" =>
        {
            return Some(Col::Anggaran);
        }
        _ => return None,
    })
}

fn after_change(title: &str) -> bool {
    let t = norm(title);
    t.contains("setelah perubahan") || t.contains("sesudah perubahan") || t == "menjadi"
}

/// Finds the header: a row with a code, an uraian and an amount title.
pub fn find(sheet: &Sheet) -> Result<Layout, Vec<String>> {
    let mut seen = Vec::new();
    for (i, row) in sheet.rows.iter().enumerate().take(HEADER_ROWS) {
        let mut columns: Vec<(usize, Col)> = Vec::new();
        let mut perubahan = false;
        for (c, cell) in row.iter().enumerate() {
            let text = cell.text();
            if let Some(col) = classify(&text) {
                if col == Col::Anggaran && after_change(&text) {
                    // "Setelah Perubahan" wins over a plain anggaran column.
                    columns.retain(|(_, k)| *k != Col::Anggaran);
                    columns.push((c, Col::Anggaran));
                    perubahan = true;
                    continue;
                }
                if !columns.iter().any(|(_, k)| *k == col) {
                    columns.push((c, col));
                }
            } else if !text.trim().is_empty() {
                seen.push(text.trim().to_owned());
            }
        }
        let has = |k| columns.iter().any(|(_, c)| *c == k);
        if has(Col::Kode) && has(Col::Uraian) && (has(Col::Anggaran) || has(Col::Realisasi)) {
            let data_start = skip_header_like(sheet, i + 1, &mut columns, &mut perubahan);
            let titles = sheet.rows[..i]
                .iter()
                .flat_map(|r| r.iter().map(Cell::text))
                .filter(|t| !t.trim().is_empty())
                .collect();
            return Ok(Layout {
                header: i,
                data_start,
                columns,
                titles,
                perubahan,
            });
        }
    }
    seen.truncate(20);
    Err(seen)
}

/// Rows right under the header that are still header: sub-titles under merged cells
/// (`Sebelum | Setelah Perubahan`) and the row of column numbers (1, 2, 3, …).
fn skip_header_like(
    sheet: &Sheet,
    mut i: usize,
    columns: &mut Vec<(usize, Col)>,
    perubahan: &mut bool,
) -> usize {
    while let Some(row) = sheet.rows.get(i) {
        let filled: Vec<(usize, &Cell)> = row
            .iter()
            .enumerate()
            .filter(|(_, c)| !c.is_empty())
            .collect();
        let numbers = !filled.is_empty()
            && filled
                .iter()
                .enumerate()
                .all(|(n, (_, c))| c.text().trim() == (n + 1).to_string());
        let titles: Vec<(usize, Col, bool)> = filled
            .iter()
            .filter_map(|(c, cell)| {
                classify(&cell.text()).map(|k| (*c, k, after_change(&cell.text())))
            })
            .collect();
        if numbers {
            i += 1;
        } else if !titles.is_empty() && titles.len() == filled.len() {
            for (c, k, after) in titles {
                if k == Col::Anggaran && after {
                    // The amount after the perubahan is the anggaran; the column it replaces
                    // was the amount before it.
                    for (_, kind) in columns.iter_mut() {
                        if *kind == Col::Anggaran {
                            *kind = Col::Sebelum;
                        }
                    }
                    *perubahan = true;
                }
                columns.retain(|(col, _)| *col != c);
                columns.push((c, k));
            }
            i += 1;
        } else {
            break;
        }
    }
    i
}

/// The budget year named in the titles (`TAHUN ANGGARAN 2017`).
pub fn year(titles: &[String]) -> Option<i32> {
    titles.iter().find_map(|t| {
        t.split(|c: char| !c.is_ascii_digit())
            .filter(|p| p.len() == 4)
            .filter_map(|p| p.parse::<i32>().ok())
            .find(|y| (1945..=2200).contains(y))
    })
}
