//! YAML reading with messages a volunteer can act on.
//!
//! In: a [`SourceFile`] (or a slice of one, for Markdown front matter). Out: a typed value,
//! or one [`Diagnostic`] in Indonesian with line, column and the offending line. serde_yaml
//! (yaml_serde) does the deserializing; its English messages are translated here. A
//! [`Spans`] index, built with saphyr-parser, finds the line and column of any value by its
//! path (`belanja[3].anggaran`) for problems found after deserializing.

mod translate;

use crate::diagnostic::{Diagnostic, Diagnostics, Location};
use crate::source::SourceFile;
use saphyr_parser::{Event, Parser};
use serde::de::DeserializeOwned;
use std::collections::HashMap;

/// Deserializes a whole YAML file.
pub fn parse<T: DeserializeOwned>(src: &SourceFile) -> Result<T, Diagnostic> {
    parse_part(src, &src.text, 0)
}

/// A text field as a person means it: trimmed, and None when nothing is left.
pub fn text(s: Option<String>) -> Option<String> {
    s.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty())
}

/// Deserializes a whole YAML file and maps where each key sits in it; when the YAML cannot
/// be read, the problem goes to `diags` and the answer is None.
pub fn read_with_spans<T: DeserializeOwned>(
    src: &SourceFile,
    diags: &mut Diagnostics,
) -> Option<(T, Spans)> {
    read_part_with_spans(src, &src.text, 0, diags)
}

/// [`read_with_spans`] for `text`, a part of `src` (front matter) that starts after
/// `line_offset` lines.
pub fn read_part_with_spans<T: DeserializeOwned>(
    src: &SourceFile,
    text: &str,
    line_offset: usize,
    diags: &mut Diagnostics,
) -> Option<(T, Spans)> {
    match parse_part(src, text, line_offset) {
        Ok(doc) => Some((doc, Spans::build(text, line_offset))),
        Err(d) => {
            diags.push(d);
            None
        }
    }
}

/// Deserializes `text`, a part of `src` that starts after `line_offset` lines.
pub fn parse_part<T: DeserializeOwned>(
    src: &SourceFile,
    text: &str,
    line_offset: usize,
) -> Result<T, Diagnostic> {
    if is_blank(text) {
        return Err(src
            .error(None, "berkas kosong: tidak ada isian YAML")
            .hint("isi berkas dengan pasangan `kunci: nilai`; lihat contoh di docs/panduan.md"));
    }
    if let Some(at) = crate::yaml_guard::too_deep(text) {
        let at = Location::new(at.line + line_offset, at.column);
        return Err(src
            .error(Some(at), "susunan YAML bertingkat terlalu dalam")
            .hint(format!(
                "tanda kurung `[` dan `{{` di sini bersarang lebih dari {} tingkat; berkas isi Papan paling dalam hanya beberapa tingkat: periksa tanda kurung yang tidak ditutup",
                crate::yaml_guard::MAX_FLOW_DEPTH
            )));
    }
    if let Some(at) = crate::yaml_guard::alias_bomb(text) {
        let at = at.map(|l| Location::new(l.line + line_offset, l.column));
        return Err(src
            .error(
                at,
                "isi ini diulang terlalu banyak kali lewat alias YAML (`*nama`)",
            )
            .hint("jangan gunakan alias YAML (`&nama` dan `*nama`); tulis isinya langsung"));
    }
    serde_yaml::from_str(text).map_err(|e| translate::translate(src, text, &e, line_offset))
}

/// True when the text holds nothing but blank lines and comments.
pub fn is_blank(text: &str) -> bool {
    text.lines()
        .map(str::trim)
        .all(|l| l.is_empty() || l.starts_with('#') || l == "---")
}

/// The line and column of every node of a YAML text, by path: `tahun`, `belanja[3]`,
/// `belanja[3].anggaran`, `pembiayaan.penerimaan[0].kode`. A key's own position is under
/// the path followed by `:key`.
#[derive(Debug, Default, Clone)]
pub struct Spans {
    map: HashMap<String, Location>,
}

enum Frame {
    Map { path: String, key: Option<String> },
    Seq { path: String, index: usize },
}

impl Spans {
    /// Reads `text` (which starts after `line_offset` lines of its file). Stops quietly at a
    /// syntax error: serde_yaml reports those.
    pub fn build(text: &str, line_offset: usize) -> Spans {
        let mut map = HashMap::new();
        let mut stack: Vec<Frame> = Vec::new();
        let mut parser = Parser::new_from_str(text);
        // Bounded, so a pathological file cannot keep us here.
        for _ in 0..2_000_000 {
            let Some(Ok((event, span))) = parser.next_event() else {
                break;
            };
            let loc = Location::new(span.start.line() + line_offset, span.start.col() + 1);
            let node_path = match &event {
                Event::Scalar(..)
                | Event::MappingStart(..)
                | Event::SequenceStart(..)
                | Event::Alias(..) => {
                    match stack.last_mut() {
                        None => Some(String::new()),
                        Some(Frame::Seq { path, index }) => {
                            let p = format!("{path}[{index}]");
                            *index += 1;
                            Some(p)
                        }
                        Some(Frame::Map { path, key }) => match key.take() {
                            Some(k) => Some(join(path, &k)),
                            None => {
                                // Only a key's own text is kept, not every value's.
                                let k = match &event {
                                    Event::Scalar(value, ..) => value.to_string(),
                                    _ => "?".to_owned(),
                                };
                                map.entry(format!("{}:key", join(path, &k))).or_insert(loc);
                                *key = Some(k);
                                None
                            }
                        },
                    }
                }
                Event::MappingEnd | Event::SequenceEnd => {
                    stack.pop();
                    None
                }
                _ => None,
            };
            if let Some(path) = node_path {
                map.entry(path.clone()).or_insert(loc);
                match event {
                    Event::MappingStart(..) => stack.push(Frame::Map { path, key: None }),
                    Event::SequenceStart(..) => stack.push(Frame::Seq { path, index: 0 }),
                    _ => {}
                }
            }
        }
        Spans { map }
    }

    pub fn get(&self, path: &str) -> Option<Location> {
        self.map.get(path).copied()
    }

    /// The position of the key itself (`anggaran:`), not of its value.
    pub fn key(&self, path: &str) -> Option<Location> {
        self.map.get(&format!("{path}:key")).copied()
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Row {
        kode: String,
        anggaran: Option<String>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Doc {
        tahun: String,
        belanja: Vec<Row>,
    }

    fn src(text: &str) -> SourceFile {
        SourceFile::new("content/anggaran/2025.yaml", text)
    }

    #[test]
    fn unknown_key_gets_indonesian_message_location_and_suggestion() {
        let s = src("tahun: 2025\nbelanja:\n  - kode: \"01\"\n    anggran: 5\n");
        let d = parse::<Doc>(&s).unwrap_err();
        assert_eq!(d.message, "kunci `anggran` tidak dikenal");
        assert_eq!(d.location, Some(Location::new(4, 5)));
        assert_eq!(d.snippet.as_deref(), Some("    anggran: 5"));
        assert_eq!(
            d.notes,
            vec!["kunci yang boleh di sini: `kode`, `anggaran`"]
        );
        assert_eq!(d.hint.as_deref(), Some("maksud Anda `anggaran`?"));
    }

    #[test]
    fn wrong_type_and_missing_key() {
        let d = parse::<Doc>(&src("tahun: 2025\nbelanja:\n  - kode: [1]\n")).unwrap_err();
        assert_eq!(
            d.message,
            "jenis isian pada `kode` salah: seharusnya teks, tetapi tertulis daftar (baris yang diawali `- `)"
        );
        assert_eq!(d.location, Some(Location::new(3, 11)));
        let d = parse::<Doc>(&src("belanja: []\n")).unwrap_err();
        assert_eq!(d.message, "kunci `tahun` wajib diisi tetapi tidak ada");
    }

    #[test]
    fn a_lone_dash_for_zero_gets_told_to_write_0() {
        let d = parse::<Doc>(&src(
            "tahun: 2025\nbelanja:\n  - kode: \"01\"\n    anggaran: -\n",
        ))
        .unwrap_err();
        assert_eq!(d.message, "penulisan YAML tidak sah");
        assert_eq!(d.location.map(|l| l.line), Some(4));
        assert_eq!(
            d.hint.as_deref(),
            Some(
                "tanda `-` sendirian dibaca YAML sebagai awal daftar; untuk nol tulis 0 (atau \"-\" dengan tanda kutip)"
            )
        );
    }

    #[test]
    fn syntax_error_and_empty_file() {
        let d =
            parse::<Doc>(&src("tahun: 2025\nbelanja:\n  - kode: 1\n   bad: : x\n")).unwrap_err();
        assert_eq!(d.message, "penulisan YAML tidak sah");
        assert_eq!(d.location.map(|l| l.line), Some(4));
        let d = parse::<Doc>(&src("# hanya komentar\n\n")).unwrap_err();
        assert_eq!(d.message, "berkas kosong: tidak ada isian YAML");
    }

    #[test]
    fn a_word_where_true_or_false_belongs() {
        #[derive(Debug, Deserialize)]
        #[allow(dead_code)]
        struct Flag {
            contoh: bool,
        }
        let d = parse::<Flag>(&src("contoh: ya\n")).unwrap_err();
        assert_eq!(
            d.message,
            "jenis isian pada `contoh` salah: seharusnya `true` atau `false`, tetapi tertulis teks \"ya\""
        );
        assert_eq!(
            d.hint.as_deref(),
            Some("tulis `true` (ya) atau `false` (tidak)")
        );
    }

    #[test]
    fn front_matter_offsets_the_line() {
        let s = src("---\njudul: x\nbad key\n---\n");
        let part = "judul: x\nbad key\n";
        let alone = parse_part::<Doc>(&s, part, 0)
            .unwrap_err()
            .location
            .unwrap();
        let d = parse_part::<Doc>(&s, part, 1).unwrap_err();
        // The same problem, one line further down: the part starts after the `---` line.
        assert_eq!(
            d.location,
            Some(Location::new(alone.line + 1, alone.column)),
            "{d:?}"
        );
    }

    #[test]
    fn spans_find_rows_values_and_keys() {
        let text = "tahun: 2025\nbelanja:\n  - kode: \"02\"\n    anggaran: 5\n  - { kode: 2.10, anggaran: 1 }\npembiayaan:\n  penerimaan:\n    - kode: \"6.1.1\"\n";
        let spans = Spans::build(text, 0);
        assert_eq!(spans.get("tahun"), Some(Location::new(1, 8)));
        assert_eq!(spans.get("belanja[0]"), Some(Location::new(3, 5)));
        assert_eq!(spans.get("belanja[0].anggaran"), Some(Location::new(4, 15)));
        assert_eq!(spans.key("belanja[0].anggaran"), Some(Location::new(4, 5)));
        assert_eq!(spans.get("belanja[1].kode"), Some(Location::new(5, 13)));
        assert_eq!(
            spans.get("pembiayaan.penerimaan[0].kode"),
            Some(Location::new(8, 13))
        );
        assert_eq!(
            Spans::build("a: 1\n", 10).get("a"),
            Some(Location::new(11, 4))
        );
    }
}
