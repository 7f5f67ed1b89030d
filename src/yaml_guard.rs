//! A quick look at YAML text before the YAML parser reads it: how deeply its flow
//! collections (`[…]`, `{…}`) nest.
//!
//! In: the text of a YAML file or front matter. Out: the line and column where flow
//! collections (or block sequences written on one line, `- - - x`) nest deeper than
//! [`MAX_FLOW_DEPTH`], if they do. A million `- ` on one line took 2 s and 300 MB. libyaml (under serde_yaml)
//! re-examines every open flow level at every token, so `nama: [[[[…` takes time in the
//! square of the depth: 16 000 brackets took 2 s and a 1 MB file would take hours. This
//! scan is linear and is done first; no content file nests more than a few levels.
//!
//! The count must never be lower than libyaml's, so every doubt counts upwards: a bracket
//! counts unless it certainly sits in a comment, a quoted scalar (which this scan ends at
//! the end of its line at the latest), a block scalar's lines, or a plain scalar of block
//! context.

use crate::diagnostic::Location;
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use std::cell::Cell;
use std::fmt;

/// Deeper than this is refused; serde_yaml itself stops at 128 levels of any kind.
pub const MAX_FLOW_DEPTH: usize = 100;

/// Where the flow collections of `text` first nest too deeply (line and column from 1).
pub fn too_deep(text: &str) -> Option<Location> {
    let mut scan = Scan::default();
    let mut block_scalar: Option<BlockScalar> = None;
    for (index, line) in text.split('\n').enumerate() {
        let indent = line.bytes().take_while(|&b| b == b' ').count();
        let blank = line.trim().is_empty();
        if let Some(bs) = &mut block_scalar {
            if blank {
                continue;
            }
            let content = *bs.content.get_or_insert(indent);
            if indent >= content && content > bs.parent {
                continue;
            }
            block_scalar = None;
        }
        if let Some(column) = scan.line(line.as_bytes(), indent) {
            return Some(Location::new(index + 1, column + 1));
        }
        if scan.block_scalar {
            scan.block_scalar = false;
            block_scalar = Some(BlockScalar {
                parent: indent,
                content: None,
            });
        }
    }
    None
}

struct BlockScalar {
    /// Indentation of the line that opened it.
    parent: usize,
    /// Indentation of its first non-blank line, once seen.
    content: Option<usize>,
}

/// The last byte of an anchor, alias or tag name that starts at `i`.
fn name_end(line: &[u8], mut i: usize) -> usize {
    while line
        .get(i + 1)
        .is_some_and(|b| b.is_ascii_alphanumeric() || b"-_!".contains(b))
    {
        i += 1;
    }
    i
}

/// The last byte of a plain scalar that starts at `i`: in block context it runs to `: `,
/// ` #` or the line's end, and brackets in it are text.
fn plain_end(line: &[u8], mut i: usize) -> usize {
    while i + 1 < line.len() {
        let next = line[i + 1];
        let after = line.get(i + 2).is_none_or(|b| b.is_ascii_whitespace());
        if (next == b':' && after) || (next == b'#' && line[i].is_ascii_whitespace()) {
            break;
        }
        i += 1;
    }
    i
}

#[derive(Default)]
struct Scan {
    /// Open flow collections.
    depth: usize,
    /// Whether a node may start here (so a quote opens a quoted scalar).
    node_start: bool,
    /// The line just read ended with a block scalar header (`|`, `>-`, …).
    block_scalar: bool,
}

impl Scan {
    /// Reads one line; the byte offset where the depth went over the limit, if it did.
    fn line(&mut self, line: &[u8], indent: usize) -> Option<usize> {
        if self.depth == 0 {
            self.node_start = true;
        }
        // `- - - x` nests block sequences on one line, as deep as it has dashes.
        let mut compact = 0;
        let mut i = indent;
        while i < line.len() {
            let c = line[i];
            let spaced_after = line.get(i + 1).is_none_or(|b| b.is_ascii_whitespace());
            let spaced_before = i == 0 || line[i - 1].is_ascii_whitespace();
            match c {
                b' ' | b'\t' | b'\r' => {}
                b'#' if spaced_before => return None,
                b'[' | b'{' if self.depth > 0 || self.node_start => {
                    self.depth += 1;
                    self.node_start = true;
                    if self.depth > MAX_FLOW_DEPTH {
                        return Some(i);
                    }
                }
                b']' | b'}' if self.depth > 0 => {
                    self.depth -= 1;
                    self.node_start = false;
                }
                b',' if self.depth > 0 => self.node_start = true,
                b'-' | b'?' | b':' if spaced_after => {
                    if c != b':' && self.depth == 0 && self.node_start {
                        compact += 1;
                        if compact > MAX_FLOW_DEPTH {
                            return Some(i);
                        }
                    }
                    self.node_start = true;
                }
                b'"' | b'\'' if self.node_start => {
                    i = quoted_end(line, i);
                    self.node_start = false;
                }
                b'|' | b'>' if self.node_start && self.depth == 0 => {
                    self.block_scalar = true;
                    return None;
                }
                b'&' | b'*' | b'!' if self.node_start => i = name_end(line, i),
                _ if self.depth == 0 => {
                    self.node_start = false;
                    i = plain_end(line, i);
                }
                _ => self.node_start = false,
            }
            i += 1;
        }
        None
    }
}

/// The offset of the quote closing the quoted scalar that opens at `start`, or the last
/// byte of the line when it goes on to the next line.
fn quoted_end(line: &[u8], start: usize) -> usize {
    let quote = line[start];
    let mut i = start + 1;
    while i < line.len() {
        match line[i] {
            b'\\' if quote == b'"' => i += 1,
            b'\'' if quote == b'\'' && line.get(i + 1) == Some(&b'\'') => i += 1,
            c if c == quote => return i,
            _ => {}
        }
        i += 1;
    }
    line.len()
}

/// Whether the aliases of `text` (`*nama`) repeat more than a text of its size may hold,
/// and where serde_yaml was when that became clear (on the repeated, anchored value). Typed reading would copy every
/// repeated string: 400 KB repeated 150 000 times in an 850 KB report exhausted memory.
/// Here the document is walked as serde_yaml walks it, aliases expanded, but strings are
/// only measured, and the walk stops at the budget, so time and memory stay bounded.
pub fn alias_bomb(text: &str) -> Option<Option<Location>> {
    // An alias (`*a`) can only repeat what an anchor (`&a`) named: without both, nothing
    // expands (`judul: Rapat *penting*` is plain text).
    if !text.contains('*') || !text.contains('&') {
        return None;
    }
    let budget = Budget {
        left: Cell::new(4 * text.len() + 1024 * 1024),
    };
    let deserializer = serde_yaml::Deserializer::from_str(text);
    match (&budget).deserialize(deserializer) {
        Err(e) if e.to_string().contains(OVER_BUDGET) => {
            Some(e.location().map(|l| Location::new(l.line(), l.column())))
        }
        // Other problems are reported by the typed reading, in its own words.
        _ => None,
    }
}

const OVER_BUDGET: &str = "papan: alias melebihi batas";

/// What the walk may still visit: bytes of strings plus one per other node.
struct Budget {
    left: Cell<usize>,
}

impl Budget {
    fn spend<E: de::Error>(&self, n: usize) -> Result<(), E> {
        match self.left.get().checked_sub(n.max(1)) {
            Some(left) => {
                self.left.set(left);
                Ok(())
            }
            None => Err(E::custom(OVER_BUDGET)),
        }
    }
}

impl<'de> DeserializeSeed<'de> for &Budget {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for &Budget {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any YAML value")
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
        self.spend(1)
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<(), E> {
        self.spend(1)
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<(), E> {
        self.spend(1)
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
        self.spend(1)
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<(), E> {
        self.spend(v.len())
    }
    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        self.spend(1)
    }
    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        self.spend(1)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        self.deserialize(d)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        self.spend(1)?;
        while seq.next_element_seed(self)?.is_some() {}
        Ok(())
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        self.spend(1)?;
        while map.next_key_seed(self)?.is_some() {
            map.next_value_seed(self)?;
        }
        Ok(())
    }
    fn visit_enum<A: de::EnumAccess<'de>>(self, _: A) -> Result<(), A::Error> {
        // A tagged value (`!tag x`): no content field takes one; the typed reading says so.
        self.spend(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_deep_flow_nesting_where_it_happens() {
        let deep = format!("tahun: 2025\nbelanja: {}", "[".repeat(200));
        // `belanja: ` is 9 bytes: the 101st bracket is column 10 + 100.
        assert_eq!(too_deep(&deep), Some(Location::new(2, 110)));
        let split = format!("a: {}\n{}\n", "{".repeat(60), "[".repeat(60));
        assert_eq!(too_deep(&split), Some(Location::new(2, 41)));
        // Found at the 101st bracket of four million, without reading the rest as YAML.
        assert_eq!(
            too_deep(&format!("nama: {}", "[".repeat(4_000_000))),
            Some(Location::new(1, 107))
        );
    }

    #[test]
    fn brackets_in_text_comments_and_quotes_do_not_count() {
        let brackets = "[".repeat(150);
        for text in [
            format!("uraian: Jalan {brackets}\n"),
            format!("uraian: \"{brackets}\"\n"),
            format!("uraian: '{brackets}'\n"),
            format!("# {brackets}\nnama: x\n"),
            format!("nama: x # {brackets}\n"),
            format!("deskripsi: |\n  {brackets}\n  lagi\nnama: x\n"),
            format!("- >-\n    {brackets}\n- x\n"),
            format!("kode: [\"{brackets}\", '{brackets}']\n"),
        ] {
            assert_eq!(too_deep(&text), None, "{text}");
        }
    }

    #[test]
    fn alias_bombs_are_stopped_before_they_grow() {
        let big = "x".repeat(400_000);
        let aliases = vec!["*a"; 150_000].join(",");
        let bomb = format!("judul: &a \"{big}\"\nkegiatan: [{aliases}]\n");
        let at = alias_bomb(&bomb).expect("a bomb");
        // serde_yaml is on the repeated value when the budget runs out: the anchor's line.
        assert_eq!(at.map(|l| l.line), Some(1));
        // A few aliases of short text are harmless, and no alias at all costs nothing.
        assert_eq!(alias_bomb("a: &x satu\nb: [*x, *x, *x]\n"), None);
        assert_eq!(alias_bomb("nama: Uji\n"), None);
        // Syntax errors are left to the typed reading.
        assert_eq!(alias_bomb("a: *tidak_ada\n"), None);
    }

    #[test]
    fn doubtful_text_counts() {
        // A quote that does not start a node is text: the brackets after it count.
        let hidden = format!("a: Jum'at\nb: {}\n", "[".repeat(150));
        assert!(too_deep(&hidden).is_some());
        // A quoted scalar is taken to end with its line.
        let unclosed = format!("a: \"buka\nb: {}\n", "[".repeat(150));
        assert!(too_deep(&unclosed).is_some());
        // A block scalar ends at the first line indented less than its content.
        let after = format!("a: |\n    x\n  b: {}\n", "[".repeat(150));
        assert!(too_deep(&after).is_some());
        let dashes = format!("belanja:\n{}x\n", "- ".repeat(150));
        // The 101st dash of line 2 is at byte 200.
        assert_eq!(too_deep(&dashes), Some(Location::new(2, 201)));
        let flat = "a: [1, [2, {b: [3]}]]\nc: {d: [e, f]}\n- - x\n";
        assert_eq!(too_deep(flat), None);
    }
}
