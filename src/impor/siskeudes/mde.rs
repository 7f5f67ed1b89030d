//! The Siskeudes database itself (`.mde`, `.mdb`, `.accdb`), read in pure Rust by `jetdb`:
//! no ODBC, no Windows.
//!
//! In: the file's path. Out: the tables the importer uses, as [`Tables`] (the same form the
//! CSV zip gives, so one conversion serves both), the Siskeudes version from Ref_Version,
//! or a message: not a database, damaged, or locked with a password (and how to unlock it).

use super::tables::{self, Table, Tables};
use crate::diagnostic::Diagnostic;
use crate::impor::limits;
use jetdb::{FileError, PageReader, Value, read_catalog, read_table_def, read_table_rows};
use std::path::Path;

/// Reads the wanted tables of a Siskeudes database.
pub fn read(path: &Path, shown: &Path) -> Result<Tables, Vec<Diagnostic>> {
    let mut reader = PageReader::open(path).map_err(|e| vec![open_error(&e, shown)])?;
    let catalog = read_catalog(&mut reader).map_err(|e| vec![damaged(&e, shown)])?;
    let mut out = Tables::default();
    let mut problems = Vec::new();
    for entry in &catalog {
        if entry.name.starts_with("MSys") || !matches!(entry.object_type, jetdb::ObjectType::Table)
        {
            continue;
        }
        let Some(wanted) = tables::WANTED
            .iter()
            .find(|w| w.eq_ignore_ascii_case(&entry.name))
        else {
            out.others.push(entry.name.clone());
            continue;
        };
        let def = match read_table_def(&mut reader, &entry.name, entry.table_page) {
            Ok(def) => def,
            Err(e) => {
                problems.push(damaged(&e, shown).note(format!("tabel {}", entry.name)));
                continue;
            }
        };
        if def.num_rows as usize > limits::MAX_ROWS {
            problems.push(limits::too_many_rows(
                shown,
                &format!("tabel {}", entry.name),
                def.num_rows as usize,
            ));
            continue;
        }
        let result = match read_table_rows(&mut reader, &def) {
            Ok(r) => r,
            Err(e) => {
                problems.push(damaged(&e, shown).note(format!("tabel {}", entry.name)));
                continue;
            }
        };
        if result.skipped_rows > 0 {
            problems.push(
                Diagnostic::error(shown, format!("{} baris tabel {} rusak dan tidak terbaca", result.skipped_rows, entry.name))
                    .hint("di Access, jalankan Database Tools → Compact and Repair Database, lalu impor lagi"),
            );
        }
        out.tables.insert(
            (*wanted).to_owned(),
            Table {
                name: (*wanted).to_owned(),
                header: def.columns.iter().map(|c| c.name.clone()).collect(),
                rows: result
                    .rows
                    .iter()
                    .map(|r| r.iter().map(text).collect())
                    .collect(),
                first_line: None,
            },
        );
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems)
    }
}

/// A cell as the CSV export would write it; dates as `YYYY-MM-DD`.
fn text(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::Bool(b) => if *b { "1" } else { "0" }.to_owned(),
        Value::Byte(n) => n.to_string(),
        Value::Int(n) => n.to_string(),
        Value::Long(n) => n.to_string(),
        Value::BigInt(n) => n.to_string(),
        Value::Float(f) => f.to_string(),
        Value::Double(f) => f.to_string(),
        Value::Text(s)
        | Value::Money(s)
        | Value::Numeric(s)
        | Value::Guid(s)
        | Value::DateTimeExtended(s) => s.clone(),
        Value::Timestamp(days) => ole_date(*days),
        Value::Binary(_) => String::new(),
        #[allow(unreachable_patterns)]
        _ => String::new(),
    }
}

/// An OLE date (days since 1899-12-30) as `YYYY-MM-DD`; empty when out of range.
fn ole_date(days: f64) -> String {
    let Some(epoch) = jiff::civil::Date::new(1899, 12, 30).ok() else {
        return String::new();
    };
    if !days.is_finite() || days.abs() > 1.0e6 {
        return String::new();
    }
    let whole = days.floor() as i64;
    epoch
        .checked_add(jiff::Span::new().days(whole))
        .map(|d| d.to_string())
        .unwrap_or_default()
}

fn open_error(e: &FileError, shown: &Path) -> Diagnostic {
    match e {
        FileError::PasswordRequired | FileError::InvalidPassword => locked(shown),
        _ => damaged(e, shown),
    }
}

/// A database locked with a password: Papan cannot read it, Access can unlock it.
pub(crate) fn locked(shown: &Path) -> Diagnostic {
    Diagnostic::error(shown, "database ini dikunci dengan kata sandi (terenkripsi), jadi isinya tidak dapat dibaca")
        .hint("buka database di Microsoft Access dengan kata sandinya, pilih File → Info → Decrypt Database (Dekripsi Database), simpan, lalu impor lagi; atau ekspor tabelnya ke zip CSV seperti untuk OpenSID")
}

/// What to do about a damaged or cut-off database copy.
pub(crate) const COPY_AGAIN: &str = "salin ulang berkas DataAPBDES dari komputer Siskeudes (saat Siskeudes ditutup), lalu coba lagi";

fn damaged(e: &FileError, shown: &Path) -> Diagnostic {
    Diagnostic::error(
        shown,
        format!("database ini rusak, terpotong, atau bukan database Access: {e}"),
    )
    .hint(COPY_AGAIN)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ole_dates() {
        assert_eq!(ole_date(42_735.0), "2016-12-31");
        assert_eq!(ole_date(42_736.75), "2017-01-01");
        assert_eq!(ole_date(f64::NAN), "");
    }
}
