//! Siskeudes tables as text, however they were read (CSV in a zip, or the database).
//!
//! In: tables filled by [`super::csvzip`] or [`super::mde`]. Out: cells by column name, so
//! the rest of the importer reads `Kd_Keg` whatever the column order (real exports differ:
//! Ta_Desa often carries only some columns), and exact amounts and dates from the text.

use jiff::civil::Date;
use rust_decimal::Decimal;
use std::collections::BTreeMap;
use std::str::FromStr;

/// One table: its header and rows, every cell as text.
#[derive(Debug, Clone, Default)]
pub struct Table {
    pub name: String,
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// The source line of the first row (2 in a CSV with a header), for messages; None
    /// when the rows have no lines (a database).
    pub first_line: Option<usize>,
}

impl Table {
    /// The index of a column, matched without regard to case (`SumberDana`, `Sumberdana`).
    pub fn column(&self, name: &str) -> Option<usize> {
        self.header
            .iter()
            .position(|h| h.eq_ignore_ascii_case(name))
    }

    /// Where row `i` is, for messages: `Ta_RABRinci.csv baris 12` or `tabel Ta_RABRinci baris ke-12`.
    pub fn place(&self, i: usize) -> String {
        match self.first_line {
            Some(first) => format!("{}.csv baris {}", self.name, first + i),
            None => format!("tabel {} baris ke-{}", self.name, i + 1),
        }
    }
}

/// A row with its cells looked up by column name.
pub struct Row<'a> {
    table: &'a Table,
    cells: &'a [String],
}

impl<'a> Row<'a> {
    /// The cell of `column`, trimmed; empty when the table lacks the column.
    pub fn get(&self, column: &str) -> &'a str {
        self.table
            .column(column)
            .and_then(|i| self.cells.get(i))
            .map_or("", |s| s.trim())
    }
}

/// The tables of one source, by name.
#[derive(Debug, Clone, Default)]
pub struct Tables {
    pub tables: BTreeMap<String, Table>,
    /// Tables present in the source that the importer does not read.
    pub others: Vec<String>,
}

impl Tables {
    pub fn get(&self, name: &str) -> Option<&Table> {
        self.tables
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, t)| t)
    }

    /// The rows of a table (none when it is absent), with their index.
    pub fn rows<'a>(&'a self, name: &str) -> impl Iterator<Item = (usize, Row<'a>)> + 'a {
        self.get(name).into_iter().flat_map(|t| {
            t.rows
                .iter()
                .enumerate()
                .map(move |(i, cells)| (i, Row { table: t, cells }))
        })
    }
}

/// The tables without which there is no budget; what the error lists.
pub const REQUIRED: [&str; 3] = ["Ta_RABRinci", "Ta_Kegiatan", "Ta_Bidang"];

/// Tables read when present; the rest of a database is not touched.
pub const WANTED: [&str; 18] = [
    "Ta_RABRinci",
    "Ta_Kegiatan",
    "Ta_Bidang",
    "Ta_SubBidang",
    "Ta_Desa",
    "Ref_Version",
    "Ref_Desa",
    "Ta_RAB",
    "Ta_TBP",
    "Ta_TBPRinci",
    "Ta_SPP",
    "Ta_SPPRinci",
    "Ta_SPJ",
    "Ta_SPJRinci",
    "Ta_Mutasi",
    "Ta_JurnalUmum",
    "Ta_JurnalUmumRinci",
    "Ta_Pemda",
];

/// An amount as the tables hold it (`56000000`, `913259107.4`, `5.6E+07`, `1234,5`),
/// rounded to sen: the database keeps floating-point numbers.
pub fn amount(text: &str) -> Option<Decimal> {
    let t = text.trim();
    if t.is_empty() {
        return Some(Decimal::ZERO);
    }
    let t = if t.contains(',') && !t.contains('.') {
        t.replace(',', ".")
    } else {
        t.to_owned()
    };
    Decimal::from_str(&t)
        .or_else(|_| Decimal::from_scientific(&t))
        .ok()
        .map(|d| d.round_dp(2).normalize())
}

/// A date as exported: `2017-03-31`, `2017-03-31 00:00:00`, or mdb-export's
/// `03/31/17 00:00:00` (month first; day first when the first number cannot be a month).
pub fn date(text: &str) -> Option<Date> {
    let t = text.trim().split([' ', 'T']).next()?;
    if let Ok(d) = t.parse::<Date>() {
        return Some(d);
    }
    let parts: Vec<i32> = t
        .split('/')
        .map(|p| p.parse().ok())
        .collect::<Option<_>>()?;
    let [a, b, y] = parts[..] else {
        return None;
    };
    let year = match y {
        0..=69 => 2000 + y,
        70..=99 => 1900 + y,
        _ => y,
    };
    let (month, day) = if a > 12 { (b, a) } else { (a, b) };
    Date::new(
        i16::try_from(year).ok()?,
        i8::try_from(month).ok()?,
        i8::try_from(day).ok()?,
    )
    .ok()
}

/// A Siskeudes code without its trailing dot: `5.1.2.01.` → `5.1.2.01`.
pub fn code(text: &str) -> String {
    text.trim().trim_end_matches('.').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_and_dates_as_exported() {
        assert_eq!(amount("913259107.4"), Some(Decimal::new(91325910740, 2)));
        assert_eq!(amount("5.6E+07"), Some(Decimal::from(56_000_000)));
        assert_eq!(amount("1234,5"), Some(Decimal::new(12345, 1)));
        assert_eq!(amount("0.333333"), Some(Decimal::new(33, 2)));
        assert_eq!(amount(""), Some(Decimal::ZERO));
        assert_eq!(amount("abc"), None);
        let d = |y, m, d| Date::new(y, m, d).ok();
        assert_eq!(date("03/31/17 00:00:00"), d(2017, 3, 31));
        assert_eq!(date("31/03/2017"), d(2017, 3, 31));
        assert_eq!(date("2017-12-05 10:00:00"), d(2017, 12, 5));
        assert_eq!(date("kemarin"), None);
        assert_eq!(code("01.02.01.01."), "01.02.01.01");
    }
}
