//! "Today", read once per build: the only clock Papan looks at.
//!
//! In: the `SOURCE_DATE_EPOCH` environment variable when set (reproducible builds and the
//! tests use it), else the system clock. Out: the calendar date in Western Indonesia Time
//! (WIB, UTC+7), which decides whether a report is still planned. Nothing else in the
//! output depends on the time of the build.

use crate::diagnostic::{Diagnostic, Diagnostics};
use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::Offset;

/// The environment variable of the reproducible-builds convention (seconds since 1970).
pub const SOURCE_DATE_EPOCH: &str = "SOURCE_DATE_EPOCH";

/// Today's date in WIB. A `SOURCE_DATE_EPOCH` that is not a number of seconds is reported
/// and the system clock is used instead.
pub fn today(diags: &mut Diagnostics) -> Date {
    let now = match std::env::var(SOURCE_DATE_EPOCH) {
        Ok(text) => match from_epoch(&text) {
            Some(ts) => ts,
            None => {
                diags.push(
                    Diagnostic::warning(
                        SOURCE_DATE_EPOCH,
                        format!("{SOURCE_DATE_EPOCH} `{text}` bukan jumlah detik sejak 1970; memakai jam komputer"),
                    )
                    .hint(format!("hapus variabel {SOURCE_DATE_EPOCH} atau isi dengan angka, misalnya 1795582800")),
                );
                Timestamp::now()
            }
        },
        Err(_) => Timestamp::now(),
    };
    wib_date(now)
}

fn from_epoch(text: &str) -> Option<Timestamp> {
    let seconds: i64 = text.trim().parse().ok()?;
    Timestamp::from_second(seconds).ok()
}

/// The calendar date of an instant in WIB.
pub fn wib_date(ts: Timestamp) -> Date {
    Offset::constant(7).to_datetime(ts).date()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_date_changes_at_midnight_wib_not_utc() {
        // 1795539600 s is 2026-11-24T17:00:00Z (worked out with Python's datetime), which is
        // midnight of 25 November in WIB; one second earlier it is still the 24th.
        let before = Timestamp::from_second(1_795_539_599).unwrap();
        let after = Timestamp::from_second(1_795_539_600).unwrap();
        assert_eq!(wib_date(before).to_string(), "2026-11-24");
        assert_eq!(wib_date(after).to_string(), "2026-11-25");
        assert!(from_epoch("besok").is_none());
        assert_eq!(from_epoch(" 1795539600 "), Some(after));
    }
}
