//! Exact Rupiah amounts: parsing every notation found in village documents, and formatting.
//!
//! In: the text of an amount exactly as written in a content file (never a float: YAML
//! numbers are read as text first). Out: a [`Decimal`], or an [`AmountError`] that says in
//! Indonesian what is wrong and how to write it. Formatting follows Indonesian usage:
//! `Rp 1.234.567`, `,09` only when there are sen, percentages with a decimal comma.

use rust_decimal::{Decimal, RoundingStrategy};
use std::fmt;

/// No village budget line or product price comes near this; above it a figure is surely a
/// typing mistake (an extra group of zeros).
const ABSURD_FROM: i64 = 10_000_000_000_000; // Rp 10 triliun

/// Why an amount could not be read, with a suggestion.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AmountError {
    pub message: String,
    pub hint: String,
}

impl fmt::Display for AmountError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.message, self.hint)
    }
}

fn fail(message: impl Into<String>, hint: impl Into<String>) -> AmountError {
    AmountError {
        message: message.into(),
        hint: hint.into(),
    }
}

/// Reads an amount. Accepted: `850000000`, `15.000.000`, `Rp 1.220.937.619,09`,
/// `1220937619.09`, `1,220,937,619.09`, `1,5`, `Rp 15.000.000,-`, and zero printed as a
/// dash (`-`, `Rp -`, `Rp -,-`, `—`). Refused with an
/// explanation: ambiguous `1.500` / `1,500`, negative amounts, more than two decimals,
/// exponent or underscore notation, and absurdly large figures.
pub fn parse_amount(raw: &str) -> Result<Decimal, AmountError> {
    let shown = raw.trim();
    let mut s = shown;
    // With a currency prefix the Indonesian convention is certain: `Rp 1.500` is 1500.
    let mut rupiah_written = false;
    for prefix in ["Rp.", "Rp", "RP.", "RP", "rp.", "rp", "IDR", "idr"] {
        if let Some(rest) = s.strip_prefix(prefix) {
            s = rest.trim_start();
            rupiah_written = true;
            break;
        }
    }
    // "Rp 15.000.000,-" is how amounts are often printed.
    for suffix in [",-", ".-", ",--", ".--"] {
        if let Some(rest) = s.strip_suffix(suffix) {
            s = rest.trim_end();
            break;
        }
    }
    // Excel's accounting format, and so most printed APBDes, shows zero as a dash:
    // `-`, `Rp -`, `Rp -,-`, `—`.
    if matches!(s, "-" | "\u{2013}" | "\u{2014}") {
        return Ok(Decimal::ZERO);
    }
    if s.is_empty() {
        return Err(fail(
            format!("jumlah `{shown}` tidak berisi angka"),
            "tulis angkanya, misalnya 15000000 atau 15.000.000",
        ));
    }
    if s.starts_with('-') || s.starts_with('(') || s.starts_with('\u{2212}') {
        return Err(fail(
            format!("jumlah `{shown}` negatif"),
            "anggaran, realisasi dan harga tidak boleh negatif; tulis angkanya tanpa tanda minus",
        ));
    }
    if let Some(c) = s
        .chars()
        .find(|c| !c.is_ascii_digit() && *c != '.' && *c != ',')
    {
        let hint = match c {
            'e' | 'E' => "jangan gunakan notasi eksponen; tulis semua angkanya, misalnya 1500000".to_owned(),
            '_' | ' ' | '\'' => "pisahkan ribuan dengan titik (1.500.000) atau tulis tanpa pemisah (1500000)".to_owned(),
            _ => "tulis hanya angka, dengan titik sebagai pemisah ribuan dan koma untuk sen: 1.220.937.619,09".to_owned(),
        };
        return Err(fail(format!("jumlah `{shown}` mengandung `{c}`"), hint));
    }
    let (int_part, frac_part) = if rupiah_written {
        split_indonesian(s, shown)?
    } else {
        split_separators(s, shown)?
    };
    let digits = format!(
        "{int_part}.{}",
        if frac_part.is_empty() { "0" } else { frac_part }
    );
    let value: Decimal = digits.parse().map_err(|_| {
        fail(
            format!("jumlah `{shown}` terlalu panjang"),
            "periksa jumlah angka nol",
        )
    })?;
    if value >= Decimal::from(ABSURD_FROM) {
        return Err(fail(
            format!("jumlah `{shown}` tidak masuk akal: Rp 10 triliun atau lebih"),
            "periksa jumlah angka nol; mungkin ada kelompok 000 yang berlebih",
        ));
    }
    Ok(value.normalize())
}

/// Reads a price. A price has no sen, so what [`parse_amount`] refuses as ambiguous,
/// `25.000` or `25,000` (one group of three after up to three digits), is thousands:
/// Rp 25.000. Everything else reads as an amount.
pub fn parse_price(raw: &str) -> Result<Decimal, AmountError> {
    let mut groups = raw.trim().split(['.', ',']);
    if let (Some(thousands), Some(units), None) = (groups.next(), groups.next(), groups.next()) {
        let digits = |g: &str| g.bytes().all(|b| b.is_ascii_digit());
        if (1..=3).contains(&thousands.len())
            && units.len() == 3
            && digits(thousands)
            && digits(units)
        {
            return parse_amount(&format!("{thousands}{units}"));
        }
    }
    parse_amount(raw)
}

/// Splits into integer digits and decimal digits, deciding which separator is which.
fn split_separators<'a>(s: &'a str, shown: &str) -> Result<(String, &'a str), AmountError> {
    let dots = s.matches('.').count();
    let commas = s.matches(',').count();
    let (group_sep, decimal_sep) = match (dots, commas) {
        (0, 0) => return Ok((s.to_owned(), "")),
        // Only one kind: several of them are thousands separators; one is decided below.
        (_, 0) if dots > 1 => ('.', None),
        (0, _) if commas > 1 => (',', None),
        (1, 0) | (0, 1) => {
            let sep = if dots == 1 { '.' } else { ',' };
            let (before, after) = s.split_once(sep).unwrap_or((s, ""));
            if after.len() == 3 && !before.is_empty() && before.len() <= 3 {
                let fraction = match after.trim_end_matches('0') {
                    "" => "0",
                    f => f,
                };
                // Both readings written the Indonesian way, so neither looks like the other.
                return Err(fail(
                    format!(
                        "jumlah `{shown}` bermakna ganda: bisa {before}{after} atau {before},{fraction}"
                    ),
                    format!(
                        "untuk ribuan tulis {before}{after} (tanpa pemisah); untuk pecahan tulis {before},{fraction}"
                    ),
                ));
            }
            (if sep == '.' { ',' } else { '.' }, Some(sep))
        }
        // Both kinds: the last one written is the decimal separator.
        _ => {
            let last_dot = s.rfind('.');
            let last_comma = s.rfind(',');
            if last_comma > last_dot {
                ('.', Some(','))
            } else {
                (',', Some('.'))
            }
        }
    };
    let (int_text, frac) = match decimal_sep {
        Some(d) => {
            let (i, f) = s.rsplit_once(d).unwrap_or((s, ""));
            if f.contains(d) || i.contains(d) {
                return Err(bad_grouping(shown));
            }
            (i, f)
        }
        None => (s, ""),
    };
    if decimal_sep.is_some() && frac.is_empty() {
        return Err(bad_grouping(shown));
    }
    if frac.len() > 2 {
        return Err(fail(
            format!("jumlah `{shown}` punya lebih dari dua angka di belakang koma"),
            "Rupiah hanya sampai sen (dua angka di belakang koma), misalnya 1.220.937.619,09",
        ));
    }
    let digits = ungroup(int_text, group_sep).ok_or_else(|| bad_grouping(shown))?;
    Ok((digits, frac))
}

/// `1.500.000` → `1500000` when `sep` groups the digits by three; None otherwise.
fn ungroup(text: &str, sep: char) -> Option<String> {
    let groups: Vec<&str> = text.split(sep).collect();
    let well_grouped = !text.is_empty()
        && (groups.len() == 1
            || (!groups[0].is_empty()
                && groups[0].len() <= 3
                && groups[1..].iter().all(|g| g.len() == 3)));
    well_grouped.then(|| groups.concat())
}

/// Indonesian notation: dots group thousands, a comma starts the sen.
fn split_indonesian<'a>(s: &'a str, shown: &str) -> Result<(String, &'a str), AmountError> {
    let (int_text, frac) = s.split_once(',').unwrap_or((s, ""));
    if frac.contains([',', '.']) || (s.contains(',') && frac.is_empty()) {
        return Err(bad_grouping(shown));
    }
    if frac.len() > 2 {
        return Err(fail(
            format!("jumlah `{shown}` punya lebih dari dua angka di belakang koma"),
            "Rupiah hanya sampai sen (dua angka di belakang koma), misalnya Rp 1.220.937.619,09",
        ));
    }
    let digits = ungroup(int_text, '.').ok_or_else(|| bad_grouping(shown))?;
    Ok((digits, frac))
}

fn bad_grouping(shown: &str) -> AmountError {
    fail(
        format!("penulisan jumlah `{shown}` tidak sah"),
        "pisahkan ribuan dengan titik setiap tiga angka (1.500.000) dan sen dengan koma (1.500.000,50), atau tulis tanpa pemisah (1500000)",
    )
}

/// Reads a whole count such as a population: `4312` or `4.312` (dots group thousands).
pub fn parse_count(raw: &str) -> Option<u64> {
    let digits = ungroup(raw.trim(), '.')?;
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// `Rp 1.234.567`, `Rp 1.234.567,09` when there are sen, `(Rp 1.500)` when negative (the
/// accounting convention of the Lebih/(Kurang) column).
pub fn rupiah(amount: Decimal) -> String {
    let body = format!("Rp {}", number(amount.abs()));
    if amount.is_sign_negative() && !amount.is_zero() {
        format!("({body})")
    } else {
        body
    }
}

/// `1.234.567` or `1.234.567,09`: Indonesian grouping, sen only when present.
pub fn number(amount: Decimal) -> String {
    let rounded = amount.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    let negative = rounded.is_sign_negative() && !rounded.is_zero();
    let abs = rounded.abs();
    let whole = abs.trunc();
    let sen = ((abs - whole) * Decimal::from(100)).trunc();
    let mut out = group_thousands(&whole.to_string());
    if !sen.is_zero() {
        out.push_str(&format!(
            ",{:02}",
            sen.to_string().parse::<u8>().unwrap_or(0)
        ));
    }
    if negative {
        out.insert(0, '-');
    }
    out
}

fn group_thousands(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// Realisasi as a percentage of anggaran, rounded half away from zero to two decimals.
/// None when the anggaran is zero (no meaningful percentage).
pub fn percent(realisasi: Decimal, anggaran: Decimal) -> Option<Decimal> {
    if anggaran.is_zero() {
        return None;
    }
    let p = realisasi
        .checked_mul(Decimal::from(100))?
        .checked_div(anggaran)?;
    Some(p.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero))
}

/// `98,50%`; a dash when there is no percentage.
pub fn format_percent(p: Option<Decimal>) -> String {
    match p {
        None => "–".to_owned(),
        Some(p) => {
            let p = p.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
            let negative = p.is_sign_negative() && !p.is_zero();
            let abs = p.abs();
            let whole = abs.trunc();
            let frac = ((abs - whole) * Decimal::from(100)).trunc();
            let sign = if negative { "-" } else { "" };
            format!(
                "{sign}{},{:0>2}%",
                group_thousands(&whole.to_string()),
                frac.to_string()
            )
        }
    }
}

/// Short amounts for chart labels: `Rp 1,22 miliar`, `Rp 850 juta`, `Rp 15 ribu`.
pub fn rupiah_short(amount: Decimal) -> String {
    let abs = amount.abs();
    let units = [
        (Decimal::from(1_000_000_000_000i64), "triliun"),
        (Decimal::from(1_000_000_000i64), "miliar"),
        (Decimal::from(1_000_000i64), "juta"),
        (Decimal::from(1_000i64), "ribu"),
    ];
    let sign = if amount.is_sign_negative() && !amount.is_zero() {
        "-"
    } else {
        ""
    };
    let round = |unit: Decimal| {
        (abs / unit).round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
    };
    for (i, &(unit, name)) in units.iter().enumerate() {
        if abs >= unit {
            let mut v = round(unit);
            let mut name = name;
            // 999.995.000 rounds to 1.000 juta: say 1 miliar.
            if let Some(&(bigger, bigger_name)) = i.checked_sub(1).and_then(|b| units.get(b))
                && v >= Decimal::from(1000)
            {
                v = round(bigger);
                name = bigger_name;
            }
            let text = v.normalize().to_string().replace('.', ",");
            return format!("{sign}Rp {text} {name}");
        }
    }
    format!("{sign}Rp {}", number(abs))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn reads_every_accepted_notation_exactly() {
        let cases = [
            ("850000000", "850000000"),
            ("15.000.000", "15000000"),
            ("Rp 1.220.937.619,09", "1220937619.09"),
            ("Rp1.220.937.619,09", "1220937619.09"),
            ("1220937619.09", "1220937619.09"),
            ("1,220,937,619.09", "1220937619.09"),
            ("Rp 15.000.000,-", "15000000"),
            ("Rp. 2.500.000", "2500000"),
            ("IDR 750.000,50", "750000.5"),
            // With the Rp prefix a single dot group is thousands, as Papan itself prints it.
            ("Rp 1.500", "1500"),
            ("Rp 1.000", "1000"),
            ("Rp 999", "999"),
            ("Rp 0,50", "0.5"),
            ("1,5", "1.5"),
            ("1.5", "1.5"),
            ("1500000,09", "1500000.09"),
            ("0", "0"),
            ("  42  ", "42"),
            ("1.000.000.000", "1000000000"),
            ("123456789012", "123456789012"),
            // Zero as Excel's accounting format prints it.
            ("-", "0"),
            (" - ", "0"),
            ("Rp -", "0"),
            ("Rp -,-", "0"),
            ("Rp. -", "0"),
            ("\u{2014}", "0"),
            ("Rp \u{2013}", "0"),
        ];
        for (text, expected) in cases {
            assert_eq!(parse_amount(text), Ok(d(expected)), "{text}");
        }
    }

    #[test]
    fn a_price_has_no_sen_so_one_group_of_three_is_thousands() {
        for (text, expected) in [
            ("25.000", "25000"),
            ("25,000", "25000"),
            ("1.500", "1500"),
            (" 999.000 ", "999000"),
            ("15000", "15000"),
            ("1.500.000", "1500000"),
            ("Rp 15.000", "15000"),
            ("2,5", "2.5"),
        ] {
            assert_eq!(parse_price(text), Ok(d(expected)), "{text}");
        }
        // Not one group of three: read, and refused, as any amount.
        assert!(parse_price("1.50.000").is_err());
        assert!(parse_price("1234.567").is_err());
        assert!(parse_price("-1.500").is_err());
    }

    #[test]
    fn keeps_precision_floats_would_lose() {
        // 999999999999.99 has no exact f64; it must come back digit for digit.
        assert_eq!(
            parse_amount("999.999.999.999,99").unwrap().to_string(),
            "999999999999.99"
        );
        assert_eq!(
            parse_amount("999999999999.99").unwrap().to_string(),
            "999999999999.99"
        );
        assert_eq!(
            parse_amount("0,1").unwrap() + parse_amount("0,2").unwrap(),
            d("0.3")
        );
    }

    #[test]
    fn refuses_ambiguous_amounts_and_says_how_to_write_them() {
        let e = parse_amount("1.500").unwrap_err();
        assert_eq!(
            e.message,
            "jumlah `1.500` bermakna ganda: bisa 1500 atau 1,5"
        );
        assert_eq!(
            e.hint,
            "untuk ribuan tulis 1500 (tanpa pemisah); untuk pecahan tulis 1,5"
        );
        let e = parse_amount("2,250").unwrap_err();
        assert_eq!(
            e.message,
            "jumlah `2,250` bermakna ganda: bisa 2250 atau 2,25"
        );
        assert!(parse_amount("999.000").is_err());
    }

    #[test]
    fn refuses_malformed_negative_and_absurd_amounts() {
        for bad in [
            "1.50.000",
            "15.000.00",
            "1e6",
            "1_000",
            "-5000",
            "(5.000)",
            "12a",
            "Rp",
            "1.000,000",
            ".5",
            "5.",
            "1.234,567",
            "1,000.000.5",
            "--",
            "- 5",
            "-,-5",
        ] {
            assert!(parse_amount(bad).is_err(), "{bad} should be refused");
        }
        assert_eq!(
            parse_amount("-5000").unwrap_err().message,
            "jumlah `-5000` negatif"
        );
        assert_eq!(
            parse_amount("10000000000000").unwrap_err().message,
            "jumlah `10000000000000` tidak masuk akal: Rp 10 triliun atau lebih"
        );
        assert_eq!(
            parse_amount("1,999").unwrap_err().message,
            "jumlah `1,999` bermakna ganda: bisa 1999 atau 1,999"
        );
        assert_eq!(
            parse_amount("15.000,123").unwrap_err().message,
            "jumlah `15.000,123` punya lebih dari dua angka di belakang koma"
        );
    }

    #[test]
    fn counts_group_thousands_with_dots() {
        assert_eq!(parse_count("4312"), Some(4312));
        assert_eq!(parse_count("4.312"), Some(4312));
        assert_eq!(parse_count("1.204.312"), Some(1_204_312));
        for bad in ["4,5", "-3", "43.12", "", "4.312.", "x"] {
            assert_eq!(parse_count(bad), None, "{bad}");
        }
    }

    #[test]
    fn what_papan_prints_it_reads_back() {
        for text in [
            "0",
            "1",
            "999",
            "1000",
            "1500",
            "1234567",
            "1220937619.09",
            "0.5",
            "1000.1",
        ] {
            let value = d(text);
            assert_eq!(parse_amount(&rupiah(value)), Ok(value), "{text}");
        }
        assert!(parse_amount("Rp 1,500").is_err(), "three sen digits");
        assert!(
            parse_amount("Rp 1.50").is_err(),
            "a dot group must have three digits"
        );
    }

    #[test]
    fn formats_rupiah_like_indonesian_documents() {
        assert_eq!(rupiah(d("1234567")), "Rp 1.234.567");
        assert_eq!(rupiah(d("23000000")), "Rp 23.000.000");
        assert_eq!(rupiah(d("1220937619.09")), "Rp 1.220.937.619,09");
        assert_eq!(rupiah(d("1220937619.9")), "Rp 1.220.937.619,90");
        assert_eq!(rupiah(d("1500.00")), "Rp 1.500");
        assert_eq!(rupiah(d("0")), "Rp 0");
        assert_eq!(rupiah(d("999")), "Rp 999");
        assert_eq!(rupiah(d("-1500000")), "(Rp 1.500.000)");
        assert_eq!(number(d("-1000")), "-1.000");
    }

    #[test]
    fn percentages_are_realisasi_over_anggaran_with_a_comma() {
        // 148.500.000 / 150.000.000 = 0,99 exactly.
        assert_eq!(
            format_percent(percent(d("148500000"), d("150000000"))),
            "99,00%"
        );
        // 2 / 3 = 66,666…% rounds to 66,67%.
        assert_eq!(format_percent(percent(d("2"), d("3"))), "66,67%");
        // 1 / 8 = 12,5% exactly; 1/800 = 0,125% rounds half away from zero to 0,13%.
        assert_eq!(format_percent(percent(d("1"), d("8"))), "12,50%");
        assert_eq!(format_percent(percent(d("1"), d("800"))), "0,13%");
        // Above 100% is allowed and shown.
        assert_eq!(format_percent(percent(d("1200"), d("1000"))), "120,00%");
        assert_eq!(format_percent(percent(d("5"), d("0"))), "–");
    }

    #[test]
    fn short_labels_for_charts() {
        assert_eq!(rupiah_short(d("1220937619")), "Rp 1,22 miliar");
        assert_eq!(rupiah_short(d("850000000")), "Rp 850 juta");
        assert_eq!(rupiah_short(d("15500")), "Rp 15,5 ribu");
        assert_eq!(rupiah_short(d("500")), "Rp 500");
        // Rounding up into the next unit: 999.995.000 is 1.000,00 juta, so 1 miliar.
        assert_eq!(rupiah_short(d("999995000")), "Rp 1 miliar");
        assert_eq!(rupiah_short(d("999994999")), "Rp 999,99 juta");
        assert_eq!(rupiah_short(d("999995")), "Rp 1 juta");
    }
}
