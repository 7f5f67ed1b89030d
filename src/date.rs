//! Calendar dates in content (`2025-12-31`), with a helpful message for other spellings.

use jiff::civil::Date;

/// The years a village document (a budget, a report, a figure's date) can belong to;
/// outside them the year is a typo (`0025-03-01`, `2205-03-01`).
pub const YEARS: std::ops::RangeInclusive<i16> = 1945..=2200;

/// Reads `TTTT-BB-HH`. For `31-12-2025` or `31/12/2025` the error suggests the right form.
pub fn parse_date(text: &str) -> Result<Date, (String, String)> {
    let t = text.trim();
    if let Ok(d) = t.parse::<Date>()
        && t.len() == 10
    {
        if !YEARS.contains(&d.year()) {
            return Err((
                format!(
                    "tanggal `{t}` tidak masuk akal: tahunnya harus antara {} dan {}",
                    YEARS.start(),
                    YEARS.end()
                ),
                "periksa angka tahunnya, misalnya 2025-12-31".to_owned(),
            ));
        }
        return Ok(d);
    }
    let parts: Vec<&str> = t.split(['-', '/', '.']).collect();
    let hint = match parts.as_slice() {
        [d, m, y] if y.len() == 4 && d.len() <= 2 && m.len() <= 2 => {
            format!("tulis tahun-bulan-tanggal: maksud Anda {y}-{m:0>2}-{d:0>2}?")
        }
        _ => "tulis tahun-bulan-tanggal dengan angka, misalnya 2025-12-31".to_owned(),
    };
    Err((format!("tanggal `{t}` tidak sah"), hint))
}

/// `31 Desember 2025`.
pub fn long_date(d: Date) -> String {
    const MONTHS: [&str; 12] = [
        "Januari",
        "Februari",
        "Maret",
        "April",
        "Mei",
        "Juni",
        "Juli",
        "Agustus",
        "September",
        "Oktober",
        "November",
        "Desember",
    ];
    let month = MONTHS[usize::try_from(d.month() - 1).unwrap_or(0)];
    format!("{} {month} {}", d.day(), d.year())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_iso_dates_and_explains_others() {
        assert_eq!(parse_date("2025-12-31").unwrap().to_string(), "2025-12-31");
        let (msg, hint) = parse_date("31-12-2025").unwrap_err();
        assert_eq!(msg, "tanggal `31-12-2025` tidak sah");
        assert_eq!(hint, "tulis tahun-bulan-tanggal: maksud Anda 2025-12-31?");
        assert!(parse_date("2025-02-30").is_err());
        assert!(parse_date("kemarin").is_err());
    }

    #[test]
    fn a_year_outside_1945_to_2200_is_a_typo() {
        let (msg, hint) = parse_date("0000-01-01").unwrap_err();
        assert_eq!(
            msg,
            "tanggal `0000-01-01` tidak masuk akal: tahunnya harus antara 1945 dan 2200"
        );
        assert_eq!(hint, "periksa angka tahunnya, misalnya 2025-12-31");
        assert!(parse_date("2205-03-01").is_err());
        assert!(parse_date("1944-12-31").is_err());
        assert_eq!(parse_date("1945-01-01").unwrap().year(), 1945);
        assert_eq!(parse_date("2200-12-31").unwrap().year(), 2200);
    }

    #[test]
    fn long_dates_in_indonesian() {
        assert_eq!(long_date(parse_date("2025-06-30").unwrap()), "30 Juni 2025");
    }
}
