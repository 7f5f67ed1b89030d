//! Calendar dates in content (`2025-12-31`), with a helpful message for other spellings.

use jiff::civil::Date;

/// Reads `TTTT-BB-HH`. For `31-12-2025` or `31/12/2025` the error suggests the right form.
pub fn parse_date(text: &str) -> Result<Date, (String, String)> {
    let t = text.trim();
    if let Ok(d) = t.parse::<Date>()
        && t.len() == 10
    {
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
    fn long_dates_in_indonesian() {
        assert_eq!(long_date(parse_date("2025-06-30").unwrap()), "30 Juni 2025");
    }
}
