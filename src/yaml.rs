//! YAML reading with messages a volunteer can act on.
//!
//! In: a [`SourceFile`] (or a slice of one, for Markdown front matter). Out: a typed value,
//! or one [`Diagnostic`] in Indonesian with line, column and the offending line. serde_yaml
//! (yaml_serde) does the deserializing; its English messages are translated here. A
//! [`Spans`] index, built with saphyr-parser, finds the line and column of any value by its
//! path (`belanja[3].anggaran`) for problems found after deserializing.

use crate::diagnostic::{Diagnostic, Location};
use crate::source::SourceFile;
use crate::suggest::closest;
use saphyr_parser::{Event, Parser};
use serde::de::DeserializeOwned;
use std::collections::HashMap;

/// Deserializes a whole YAML file.
pub fn parse<T: DeserializeOwned>(src: &SourceFile) -> Result<T, Diagnostic> {
    parse_part(src, &src.text, 0)
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
    serde_yaml::from_str(text).map_err(|e| translate(src, text, &e, line_offset))
}

/// True when the text holds nothing but blank lines and comments.
pub fn is_blank(text: &str) -> bool {
    text.lines()
        .map(str::trim)
        .all(|l| l.is_empty() || l.starts_with('#') || l == "---")
}

fn translate(
    src: &SourceFile,
    text: &str,
    e: &serde_yaml::Error,
    line_offset: usize,
) -> Diagnostic {
    let full = e.to_string();
    let location = e
        .location()
        .map(|l| Location::new(l.line() + line_offset, l.column()))
        .or_else(|| {
            let at = full
                .contains("more than one document")
                .then(|| second_document(text))??;
            Some(Location::new(at + line_offset, 1))
        });
    // Display is "path: message at line L column C"; keep the message part.
    let text = full.split(" at line ").next().unwrap_or(&full);
    let (path, message) = match text.split_once(": ") {
        Some((p, m)) if looks_like_path(p) => (Some(p), m),
        _ => (None, text),
    };
    let key = path.and_then(last_key);
    let mut t = translate_message(message, key.as_deref());
    // `judul: [Rapat` is a list to YAML: say so when the value opens with a bracket.
    let opening = location.and_then(|l| {
        let line = src.line(l.line)?;
        line.chars().nth(l.column.checked_sub(1)?)
    });
    if message.starts_with("invalid type: ") && matches!(opening, Some('[' | '{')) {
        t.hint = Some("nilai yang diawali `[` atau `{` dibaca YAML sebagai daftar atau kumpulan; jika ini teks biasa, apit seluruh nilainya dengan tanda kutip \"…\"".into());
    }
    let mut d = src.error(location, t.message);
    for note in t.notes {
        d = d.note(note);
    }
    if let Some(hint) = t.hint {
        d = d.hint(hint);
    }
    d
}

/// The line (from 1) of the `---` that starts a second document, after some content.
fn second_document(text: &str) -> Option<usize> {
    let mut content = false;
    for (i, line) in text.lines().enumerate() {
        let marker = line == "---" || line.starts_with("--- ");
        if marker && content {
            return Some(i + 1);
        }
        content |= !marker && !line.trim().is_empty() && !line.trim_start().starts_with('#');
    }
    None
}

fn looks_like_path(p: &str) -> bool {
    !p.is_empty()
        && !p.contains(' ')
        && p.chars()
            .all(|c| c.is_alphanumeric() || "_-.[]?".contains(c))
}

/// The last key of a path like `belanja[3].anggaran` (`anggaran`).
fn last_key(path: &str) -> Option<String> {
    let last = path.rsplit('.').next()?;
    let key = last.split('[').next()?;
    (!key.is_empty() && key != "?").then(|| key.to_owned())
}

struct Translated {
    message: String,
    notes: Vec<String>,
    hint: Option<String>,
}

fn translated(message: String) -> Translated {
    Translated {
        message,
        notes: Vec::new(),
        hint: None,
    }
}

fn between_backticks(s: &str) -> Vec<&str> {
    s.split('`').skip(1).step_by(2).collect()
}

fn translate_message(message: &str, key: Option<&str>) -> Translated {
    let at_key = key.map(|k| format!(" pada `{k}`")).unwrap_or_default();
    if let Some(rest) = message.strip_prefix("unknown field ") {
        let names = between_backticks(rest);
        let unknown = names.first().copied().unwrap_or("?");
        let expected: Vec<&str> = names.iter().skip(1).copied().collect();
        let mut t = translated(format!("kunci `{unknown}` tidak dikenal"));
        if !expected.is_empty() {
            let list = expected
                .iter()
                .map(|k| format!("`{k}`"))
                .collect::<Vec<_>>();
            t.notes
                .push(format!("kunci yang boleh di sini: {}", list.join(", ")));
        }
        t.hint = Some(match closest(unknown, expected.iter().copied()) {
            Some(best) => format!("maksud Anda `{best}`?"),
            None => "hapus baris ini atau perbaiki nama kuncinya".to_owned(),
        });
        return t;
    }
    if let Some(rest) = message.strip_prefix("unknown variant ") {
        let names = between_backticks(rest);
        let unknown = names.first().copied().unwrap_or("?");
        let expected: Vec<&str> = names.iter().skip(1).copied().collect();
        let mut t = translated(format!("nilai `{unknown}`{at_key} tidak dikenal"));
        let list = expected
            .iter()
            .map(|k| format!("`{k}`"))
            .collect::<Vec<_>>();
        t.notes
            .push(format!("pilihan yang ada: {}", list.join(", ")));
        if let Some(best) = closest(unknown, expected.iter().copied()) {
            t.hint = Some(format!("maksud Anda `{best}`?"));
        }
        return t;
    }
    if let Some(rest) = message.strip_prefix("missing field ") {
        let name = between_backticks(rest)
            .first()
            .copied()
            .unwrap_or("?")
            .to_owned();
        let mut t = translated(format!("kunci `{name}` wajib diisi tetapi tidak ada"));
        t.hint = Some(format!("tambahkan baris `{name}: …`"));
        return t;
    }
    if let Some(rest) = message.strip_prefix("duplicate field ") {
        let name = between_backticks(rest)
            .first()
            .copied()
            .unwrap_or("?")
            .to_owned();
        let mut t = translated(format!("kunci `{name}` ditulis lebih dari sekali"));
        t.hint = Some("hapus salah satunya".to_owned());
        return t;
    }
    for (prefix, kind) in [("invalid type: ", "jenis"), ("invalid value: ", "nilai")] {
        if let Some(rest) = message.strip_prefix(prefix)
            && let Some((found, expected)) = rest.split_once(", expected ")
        {
            let mut t = translated(format!(
                "{kind} isian{at_key} salah: seharusnya {}, tetapi tertulis {}",
                describe(expected),
                describe(found)
            ));
            if found == "sequence" || found == "map" {
                t.hint =
                    Some("periksa indentasi (jumlah spasi di awal baris) dan tanda `-`".into());
            }
            return t;
        }
    }
    if message.contains("repetition limit exceeded") {
        let mut t = translated("terlalu banyak pengulangan alias YAML (`*nama`)".to_owned());
        t.hint =
            Some("jangan gunakan alias YAML (`&nama` dan `*nama`); tulis isinya langsung".into());
        return t;
    }
    if message.contains("recursion limit exceeded") {
        let mut t = translated("susunan YAML bertingkat terlalu dalam".to_owned());
        t.hint = Some("berkas isi Papan paling dalam hanya beberapa tingkat; periksa indentasi dan tanda kurung".into());
        return t;
    }
    if message.contains("more than one document") {
        let mut t = translated(
            "berkas berisi lebih dari satu dokumen YAML (ada baris `---` di tengah)".to_owned(),
        );
        t.hint =
            Some("hapus baris `---` di tengah berkas, atau pisahkan menjadi dua berkas".into());
        return t;
    }
    if message.contains("unknown anchor") {
        let mut t = translated("alias YAML (`*nama`) merujuk ke jangkar yang tidak ada".to_owned());
        t.hint = Some("jangan gunakan alias YAML; tulis isinya langsung".into());
        return t;
    }
    if message.starts_with("EOF while parsing") {
        return translated("berkas berakhir sebelum isiannya lengkap".to_owned());
    }
    if message.is_ascii()
        && message
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_lowercase())
    {
        // A syntax problem reported by the YAML parser (libyaml), in English.
        let mut t = translated("penulisan YAML tidak sah".to_owned());
        t.notes.push(format!("pembaca YAML: {message}"));
        t.hint = Some(syntax_hint(message).to_owned());
        return t;
    }
    // Our own messages (from custom deserializers) are already Indonesian.
    translated(message.to_owned())
}

fn syntax_hint(message: &str) -> &'static str {
    if message.contains("tab") {
        "gunakan spasi untuk indentasi, bukan tombol Tab"
    } else if message.contains("mapping values are not allowed") {
        "setelah titik dua harus ada spasi; jika nilainya mengandung `: `, apit dengan tanda kutip \"…\""
    } else if message.contains("expected '-' indicator") || message.contains("expected key") {
        "periksa indentasi: baris-baris dalam satu daftar harus sejajar"
    } else if message.contains("cannot start any token") {
        "nilai yang diawali `@`, `` ` ``, `%` atau `*` harus diapit tanda kutip \"…\""
    } else if message.contains("end of stream") || message.contains("quoted scalar") {
        "periksa tanda kutip atau kurung yang belum ditutup"
    } else {
        "periksa indentasi (spasi di awal baris), titik dua, dan tanda kutip di sekitar baris ini"
    }
}

/// serde's name for a kind of value, in Indonesian.
fn describe(what: &str) -> String {
    let what = what.trim();
    match what {
        "sequence" | "a sequence" => "daftar (baris yang diawali `- `)".into(),
        "map" | "a map" => "kumpulan `kunci: nilai`".into(),
        "a string" | "string" => "teks".into(),
        "unit value" => "kosong".into(),
        "a boolean" => "`true` atau `false`".into(),
        "floating point" => "angka pecahan".into(),
        _ if what.starts_with("struct ") => "kumpulan `kunci: nilai`".into(),
        _ if what.starts_with("string ") => format!("teks {}", &what[7..]),
        _ if what.starts_with("integer ") => format!("angka {}", what[8..].replace('`', "")),
        _ if what.starts_with("boolean ") => format!("nilai {}", &what[8..]),
        _ if what.starts_with("floating point ") => {
            format!("angka {}", what[15..].replace('`', ""))
        }
        _ if what.starts_with("a ") || what.starts_with("an ") => {
            format!("nilai yang sesuai ({what})")
        }
        _ => what.to_owned(),
    }
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
                    let scalar = match &event {
                        Event::Scalar(value, ..) => Some(value.to_string()),
                        _ => None,
                    };
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
                                let k = scalar.unwrap_or_else(|| "?".to_owned());
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
    fn syntax_error_and_empty_file() {
        let d =
            parse::<Doc>(&src("tahun: 2025\nbelanja:\n  - kode: 1\n   bad: : x\n")).unwrap_err();
        assert_eq!(d.message, "penulisan YAML tidak sah");
        assert_eq!(d.location.map(|l| l.line), Some(4));
        let d = parse::<Doc>(&src("# hanya komentar\n\n")).unwrap_err();
        assert_eq!(d.message, "berkas kosong: tidak ada isian YAML");
    }

    #[test]
    fn front_matter_offsets_the_line() {
        let s = src("---\njudul: x\nbad key\n---\n");
        let d = parse_part::<Doc>(&s, "judul: x\nbad key\n", 1).unwrap_err();
        assert!(d.location.is_some_and(|l| l.line >= 2), "{d:?}");
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
