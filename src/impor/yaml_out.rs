//! Rows → budget YAML text: the file a volunteer would have typed, grouped and commented.
//!
//! In: a [`Draft`]. Out: the text of `content/anggaran/TAHUN.yaml`, the same bytes for the
//! same draft. Names equal to the official name of their code are left out (the loader fills
//! them in); codes are always quoted so `02` and `4.10` stay as written; amounts are plain
//! digits with `.` before sen, which [`crate::money::parse_amount`] reads exactly.

use super::draft::{Draft, DraftRow, same_name};
use crate::budget::Section;
use crate::reference::Kodefikasi;
use rust_decimal::Decimal;
use std::fmt::Write as _;

/// The YAML text of a draft; `selisih_dokumen` adds `selisih: dokumen`.
pub fn write(draft: &Draft, selisih_dokumen: bool) -> String {
    let mut out = String::new();
    for line in &draft.header {
        let _ = writeln!(out, "# {line}");
    }
    if !draft.header.is_empty() {
        out.push('\n');
    }
    let _ = writeln!(out, "tahun: {}", draft.tahun);
    let _ = writeln!(out, "kodefikasi: {}", draft.kodefikasi.name());
    let _ = writeln!(out, "tahap: {}", draft.tahap.name());
    if let Some(date) = draft.per_tanggal {
        let _ = writeln!(out, "per_tanggal: {date}");
    }
    if let Some(d) = &draft.dasar_hukum {
        let _ = writeln!(out, "dasar_hukum: {}", scalar(d));
    }
    if selisih_dokumen {
        out.push_str(
            "# Jumlah tercetak di dokumen resmi tidak semuanya cocok dengan rinciannya;\n",
        );
        out.push_str(
            "# dokumen itu tidak dapat diubah desa, jadi selisihnya diterbitkan apa adanya.\n",
        );
        out.push_str("selisih: dokumen\n");
    }
    for section in [Section::Pendapatan, Section::Belanja] {
        let rows = draft.rows(section);
        if !rows.is_empty() {
            let _ = writeln!(out, "\n{}:", section.path());
            write_rows(&mut out, draft.kodefikasi, section, rows, "  ");
        }
    }
    let (pen, peng) = (&draft.penerimaan, &draft.pengeluaran);
    if !pen.is_empty() || !peng.is_empty() {
        out.push_str("\npembiayaan:\n");
        for (name, section, rows) in [
            ("penerimaan", Section::Penerimaan, pen),
            ("pengeluaran", Section::Pengeluaran, peng),
        ] {
            if !rows.is_empty() {
                let _ = writeln!(out, "  {name}:");
                write_rows(&mut out, draft.kodefikasi, section, rows, "    ");
            }
        }
    }
    out
}

fn write_rows(out: &mut String, k: Kodefikasi, section: Section, rows: &[DraftRow], indent: &str) {
    for (i, row) in rows.iter().enumerate() {
        // Each kelompok of pendapatan or pembiayaan (4.1, 6.1) is headed by its name, which
        // the rows themselves leave out when it is the official one.
        let group = |r: &DraftRow| r.kode.split('.').take(2).collect::<Vec<_>>().join(".");
        let kelompok = (section != Section::Belanja
            && (i == 0 || group(&rows[i - 1]) != group(row)))
        .then(|| k.rekening().and_then(|t| t.name(&group(row))))
        .flatten()
        .map(|name| format!("{} {name}", group(row)));
        if let Some(comment) = row.comment.as_ref().or(kelompok.as_ref()) {
            if i > 0 {
                out.push('\n');
            }
            for line in comment.lines() {
                let _ = writeln!(out, "{indent}# {}", one_line(line));
            }
        }
        let _ = writeln!(out, "{indent}- kode: \"{}\"", row.kode);
        let field = |out: &mut String, key: &str, value: &str| {
            let _ = writeln!(out, "{indent}  {key}: {value}");
        };
        if let Some(u) = row
            .uraian
            .as_deref()
            .filter(|u| !is_official(k, section, row, u))
        {
            field(out, "uraian", &scalar(u));
        }
        if let Some(j) = &row.jenis {
            field(out, "jenis", &format!("\"{j}\""));
        }
        for (key, value) in [
            ("sumber_dana", &row.sumber_dana),
            ("keterangan", &row.keterangan),
        ] {
            if let Some(v) = value {
                field(out, key, &scalar(v));
            }
        }
        if let Some(a) = row.anggaran {
            field(out, "anggaran", &amount(a));
        }
        if let Some(r) = row.realisasi {
            field(out, "realisasi", &amount(r));
        }
    }
}

/// Whether `uraian` only repeats what the loader shows without it: the official name of
/// the code (of the kegiatan, for a belanja row).
fn is_official(k: Kodefikasi, section: Section, row: &DraftRow, uraian: &str) -> bool {
    let table = if section == Section::Belanja {
        k.kegiatan()
    } else {
        k.rekening()
    };
    table
        .and_then(|t| t.name(&row.kode))
        .is_some_and(|official| same_name(official, uraian))
}

/// `1250000`, or `913259107.40` with sen.
pub fn amount(a: Decimal) -> String {
    let a = a.round_dp(2);
    if a.fract().is_zero() {
        a.trunc().to_string()
    } else {
        format!("{a:.2}")
    }
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A string as a YAML scalar: plain when that reads back as the same string, otherwise
/// double-quoted (JSON's escaping is valid YAML).
pub fn scalar(text: &str) -> String {
    let text = one_line(text);
    let first = text.chars().next().unwrap_or(' ');
    let plain = !text.is_empty()
        && (first.is_alphabetic() || first == '(')
        && !text.contains(": ")
        && !text.contains(" #")
        && !text.ends_with(':')
        && !text.contains([
            '"', '\'', '{', '}', '[', ']', ',', '&', '*', '!', '|', '>', '%', '@', '`', '\\',
        ])
        && !matches!(
            text.to_lowercase().as_str(),
            "true" | "false" | "yes" | "no" | "null" | "on" | "off" | "y" | "n" | "~"
        );
    if plain {
        text
    } else {
        serde_json::to_string(&text).unwrap_or_else(|_| "\"\"".to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::budget::Tahap;

    #[test]
    fn scalars_read_back_as_written() {
        assert_eq!(scalar("Belanja Modal"), "Belanja Modal");
        assert_eq!(scalar("Honor: RT/RW"), "\"Honor: RT/RW\"");
        assert_eq!(scalar("\"Kutip\" #1"), "\"\\\"Kutip\\\" #1\"");
        assert_eq!(scalar("yes"), "\"yes\"");
        assert_eq!(scalar("10 Sak Semen"), "\"10 Sak Semen\"");
        for text in ["Honor: RT/RW", "a, b", "x #y", "- daftar", "yes", "[1]"] {
            let back: String = serde_yaml::from_str(&scalar(text)).unwrap();
            assert_eq!(back, text);
        }
    }

    #[test]
    fn amounts_are_exact_digits() {
        assert_eq!(amount(Decimal::new(91_325_910_740, 2)), "913259107.40");
        assert_eq!(amount(Decimal::new(15_000_000_000, 2)), "150000000");
        assert_eq!(amount(Decimal::new(5, 1)), "0.50");
    }

    #[test]
    fn official_names_are_left_out_and_groups_commented() {
        let mut d = Draft::new(2017, Kodefikasi::Permendagri113, Tahap::Anggaran);
        d.pendapatan.push(DraftRow {
            kode: "4.2.1".into(),
            uraian: Some("DANA  DESA".into()),
            anggaran: Some(Decimal::from(100)),
            ..Default::default()
        });
        d.belanja.push(DraftRow {
            kode: "01.01".into(),
            uraian: Some("Honor Ketua RT".into()),
            jenis: Some("5.1.1.01".into()),
            sumber_dana: Some("ADD".into()),
            anggaran: Some(Decimal::from(100)),
            comment: Some("01.01 Pembayaran Penghasilan Tetap".into()),
            ..Default::default()
        });
        let text = write(&d, false);
        let expected = "tahun: 2017\nkodefikasi: permendagri-113-2014\ntahap: anggaran\n\npendapatan:\n  # 4.2 Pendapatan Transfer\n  - kode: \"4.2.1\"\n    anggaran: 100\n\nbelanja:\n  # 01.01 Pembayaran Penghasilan Tetap\n  - kode: \"01.01\"\n    uraian: Honor Ketua RT\n    jenis: \"5.1.1.01\"\n    sumber_dana: ADD\n    anggaran: 100\n";
        assert_eq!(text, expected);
    }
}
