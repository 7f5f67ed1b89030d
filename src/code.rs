//! Dotted budget codes (`4.2.1`, `02.03.10`), kept exactly as written.
//!
//! `4.10` and `4.1` are different codes and `02` is not `2`: a code is text made of
//! segments, never a number. Ordering is natural (`2.9` before `2.10`).

use serde::Serialize;
use std::cmp::Ordering;
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct Code(String);

const MAX_SEGMENTS: usize = 12;
const MAX_LEN: usize = 60;

impl Code {
    /// Reads a code: segments of letters and digits separated by single dots.
    pub fn parse(text: &str) -> Result<Code, String> {
        let text = text.trim();
        if text.is_empty() {
            return Err("kode kosong".to_owned());
        }
        // Official codes have at most four or five segments. A bound keeps an absurd code
        // (a line of 200 000 segments) from costing time in the square of its length when
        // its parent groups are made.
        if text.len() > MAX_LEN || text.split('.').count() > MAX_SEGMENTS {
            let shown: String = text.chars().take(30).collect();
            return Err(format!(
                "kode `{shown}…` terlalu panjang: paling banyak {MAX_SEGMENTS} bagian dan {MAX_LEN} karakter"
            ));
        }
        if let Some(c) = text
            .chars()
            .find(|c| !c.is_ascii_alphanumeric() && *c != '.')
        {
            return Err(format!(
                "kode `{text}` mengandung `{c}`; kode hanya berisi angka dan titik"
            ));
        }
        if text.split('.').any(str::is_empty) {
            return Err(format!(
                "kode `{text}` punya titik di awal, di akhir atau dua titik berurutan"
            ));
        }
        Ok(Code(text.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn segments(&self) -> impl Iterator<Item = &str> {
        self.0.split('.')
    }

    /// Number of segments: `02` is 1, `02.03.10` is 3.
    pub fn depth(&self) -> usize {
        self.0.split('.').count()
    }

    /// The code one level up (`02.03` for `02.03.10`), if any.
    pub fn parent(&self) -> Option<Code> {
        self.0.rsplit_once('.').map(|(p, _)| Code(p.to_owned()))
    }

    /// The ancestor with `depth` segments (`02` for `02.03.10` at depth 1).
    pub fn truncate(&self, depth: usize) -> Code {
        Code(self.segments().take(depth).collect::<Vec<_>>().join("."))
    }

    /// True when `self` is a proper ancestor of `other` (`02` of `02.03`, not of `020`).
    pub fn is_ancestor_of(&self, other: &Code) -> bool {
        other.0.len() > self.0.len()
            && other.0.starts_with(&self.0)
            && other.0.as_bytes()[self.0.len()] == b'.'
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Ord for Code {
    /// Segment by segment: digit-only segments first, by value (without overflow, `01`
    /// just before `1`), then other segments as text; a shorter code first. Each segment
    /// maps to one key, so the order is total and transitive, as BTreeMap needs.
    fn cmp(&self, other: &Self) -> Ordering {
        fn key(seg: &str) -> (bool, usize, &str, &str) {
            let numeric = !seg.is_empty() && seg.bytes().all(|b| b.is_ascii_digit());
            let value = seg.trim_start_matches('0');
            // Non-numeric segments sort after every numeric one.
            if numeric {
                (false, value.len(), value, seg)
            } else {
                (true, 0, "", seg)
            }
        }
        let mut a = self.segments();
        let mut b = other.segments();
        loop {
            match (a.next(), b.next()) {
                (None, None) => return Ordering::Equal,
                (None, Some(_)) => return Ordering::Less,
                (Some(_), None) => return Ordering::Greater,
                (Some(x), Some(y)) => {
                    let ord = key(x).cmp(&key(y));
                    if ord != Ordering::Equal {
                        return ord;
                    }
                }
            }
        }
    }
}

impl PartialOrd for Code {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(s: &str) -> Code {
        Code::parse(s).unwrap()
    }

    #[test]
    fn keeps_codes_exactly_as_written() {
        assert_eq!(c("4.10").as_str(), "4.10");
        assert_ne!(c("4.10"), c("4.1"));
        assert_ne!(c("02"), c("2"));
        assert_eq!(c(" 02.03 ").as_str(), "02.03");
    }

    #[test]
    fn refuses_malformed_codes() {
        assert!(Code::parse("").is_err());
        assert!(Code::parse("4..1").is_err());
        assert!(Code::parse(".4").is_err());
        assert!(Code::parse("4.1.").is_err());
        assert_eq!(
            Code::parse("4-1").unwrap_err(),
            "kode `4-1` mengandung `-`; kode hanya berisi angka dan titik"
        );
    }

    #[test]
    fn hierarchy_and_natural_order() {
        assert_eq!(c("02.03.10").parent(), Some(c("02.03")));
        assert_eq!(c("02").parent(), None);
        assert_eq!(c("02.03.10").truncate(1), c("02"));
        assert!(c("02").is_ancestor_of(&c("02.03")));
        assert!(!c("02").is_ancestor_of(&c("020.1")));
        assert!(!c("02").is_ancestor_of(&c("02")));
        let mut codes = [c("2.10"), c("2.9"), c("2"), c("10"), c("2.9.1")];
        codes.sort();
        let sorted: Vec<&str> = codes.iter().map(Code::as_str).collect();
        assert_eq!(sorted, ["2", "2.9", "2.9.1", "2.10", "10"]);
    }

    #[test]
    fn the_order_is_total_even_with_letters_and_huge_numbers() {
        // Found by fuzzing: "2" < "10" by value and "10" < "1x" as text made "1x" < "2".
        let mut codes: Vec<Code> = [
            "1x",
            "10",
            "2",
            "01",
            "1",
            "99999999999999999999999",
            "a",
            "2.a",
            "2.1",
        ]
        .iter()
        .map(|s| c(s))
        .collect();
        codes.sort();
        let sorted: Vec<&str> = codes.iter().map(Code::as_str).collect();
        assert_eq!(
            sorted,
            [
                "01",
                "1",
                "2",
                "2.1",
                "2.a",
                "10",
                "99999999999999999999999",
                "1x",
                "a"
            ]
        );
        for a in &codes {
            for b in &codes {
                for x in &codes {
                    if a < b && b < x {
                        assert!(a < x, "{a} < {b} < {x}");
                    }
                }
                assert_eq!(a.cmp(b) == std::cmp::Ordering::Equal, a == b);
            }
        }
    }
}
