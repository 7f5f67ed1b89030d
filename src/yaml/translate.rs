//! Translating serde_yaml's English errors into Indonesian diagnostics.
//!
//! In: a serde_yaml error and the file it came from. Out: one [`Diagnostic`] with the
//! line, column, offending line, what the problem means in plain words and how to fix it
//! (a did-you-mean for unknown keys and values). libyaml's own syntax messages are kept as
//! a note, labelled, for whoever searches the web for them.

use crate::diagnostic::{Diagnostic, Location};
use crate::source::SourceFile;
use crate::suggest::did_you_mean;

pub(super) fn translate(
    src: &SourceFile,
    yaml: &str,
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
                .then(|| second_document(yaml))??;
            Some(Location::new(at + line_offset, 1))
        });
    // Display is "path: message at line L column C"; keep the message part.
    let text = full.split(" at line ").next().unwrap_or(&full);
    let (path, message) = match text.split_once(": ") {
        Some((p, m)) if looks_like_path(p) => (Some(p), m),
        _ => (None, text),
    };
    let key = path.and_then(last_key);
    // libyaml calls a tab at the start of a line "a character that cannot start any token".
    let leading_tab = location
        .and_then(|l| src.line(l.line))
        .is_some_and(|line| line.trim_start_matches(' ').starts_with('\t'));
    let mut t = translate_message(message, key.as_deref(), leading_tab);
    // `judul: [Rapat` is a list to YAML: say so when the value opens with a bracket.
    let opening = location.and_then(|l| {
        let line = src.line(l.line)?;
        line.chars().nth(l.column.checked_sub(1)?)
    });
    // `realisasi: -`, zero as printed documents show it, is a list marker to YAML.
    let lone_dash = location
        .and_then(|l| src.line(l.line))
        .and_then(|line| line.split_once(": "))
        .is_some_and(|(_, value)| value.trim() == "-");
    if message.contains("block sequence entries are not allowed") && lone_dash {
        t.hint = Some("tanda `-` sendirian dibaca YAML sebagai awal daftar; untuk nol tulis 0 (atau \"-\" dengan tanda kutip)".into());
    }
    if message.starts_with("invalid type: ") && matches!(opening, Some('[' | '{')) {
        t.hint = Some("nilai yang diawali `[` atau `{` dibaca YAML sebagai daftar atau kumpulan; jika ini teks biasa, apit seluruh nilainya dengan tanda kutip \"…\"".into());
    }
    let mut location = location;
    let mut notes = t.notes;
    if t.message == SYNTAX {
        point_at_opening(src, &full, line_offset, &mut location, &mut notes);
    }
    let mut d = src.error(location, t.message);
    for note in notes {
        d = d.note(note);
    }
    if let Some(hint) = t.hint {
        d = d.hint(hint);
    }
    d
}

const SYNTAX: &str = "penulisan YAML tidak sah";

/// For a syntax error about something left open (a quote, a bracket, a list), uses where
/// it was opened: as the location when the error sits on a blank line at the end of the
/// file, else as a note.
fn point_at_opening(
    src: &SourceFile,
    full: &str,
    line_offset: usize,
    location: &mut Option<Location>,
    notes: &mut Vec<String>,
) {
    let Some(opened) = context_location(full, line_offset) else {
        return;
    };
    let at_blank = location
        .and_then(|l| src.line(l.line))
        .is_none_or(|l| l.trim().is_empty());
    if at_blank {
        *location = Some(opened);
    } else if location.is_some_and(|l| l.line != opened.line) {
        let what = if full.contains("mapping at line") {
            "kumpulan `kunci: nilai` ini"
        } else if full.contains("collection at line") || full.contains("sequence at line") {
            "daftar ini"
        } else {
            "bagian ini"
        };
        // Before the original English message, which is always last.
        let at = notes.len().saturating_sub(1);
        notes.insert(at, format!("{what} dimulai di baris {}", opened.line));
    }
}

/// Where libyaml says the unfinished part began, from its message's tail:
/// `…, while scanning a quoted scalar at line 2 column 14`.
fn context_location(full: &str, line_offset: usize) -> Option<Location> {
    let (_, context) = full.split_once(", while ")?;
    let (_, at) = context.rsplit_once(" at line ")?;
    let (line, column) = at.split_once(" column ")?;
    let line: usize = line.trim().parse().ok()?;
    let column: usize = column.trim().parse().ok()?;
    Some(Location::new(line + line_offset, column))
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

fn translate_message(message: &str, key: Option<&str>, leading_tab: bool) -> Translated {
    let at_key = key.map(|k| format!(" pada `{k}`")).unwrap_or_default();
    if let Some(rest) = message.strip_prefix("unknown field ") {
        return unknown_field(rest);
    }
    if let Some(rest) = message.strip_prefix("unknown variant ") {
        return unknown_variant(rest, &at_key);
    }
    if let Some(rest) = message.strip_prefix("missing field ") {
        let name = first_name(rest);
        return hinted(
            format!("kunci `{name}` wajib diisi tetapi tidak ada"),
            format!("tambahkan baris `{name}: …`"),
        );
    }
    if let Some(rest) = message.strip_prefix("duplicate field ") {
        return hinted(
            format!("kunci `{}` ditulis lebih dari sekali", first_name(rest)),
            "hapus salah satunya",
        );
    }
    if let Some(t) = wrong_type(message, &at_key) {
        return t;
    }
    if let Some(t) = known_limit(message) {
        return t;
    }
    if message.is_ascii()
        && message
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_lowercase())
    {
        return syntax(message, leading_tab);
    }
    // Our own messages (from custom deserializers) are already Indonesian.
    translated(message.to_owned())
}

fn hinted(message: String, hint: impl Into<String>) -> Translated {
    let mut t = translated(message);
    t.hint = Some(hint.into());
    t
}

/// The first name between backticks in serde's message.
fn first_name(rest: &str) -> &str {
    between_backticks(rest).first().copied().unwrap_or("?")
}

/// `` `x`, `y` `` for a list of names.
fn quoted(names: &[&str]) -> String {
    names
        .iter()
        .map(|k| format!("`{k}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn unknown_field(rest: &str) -> Translated {
    let names = between_backticks(rest);
    let unknown = names.first().copied().unwrap_or("?");
    let expected = names.get(1..).unwrap_or_default();
    let mut t = translated(format!("kunci `{unknown}` tidak dikenal"));
    if !expected.is_empty() {
        t.notes
            .push(format!("kunci yang boleh di sini: {}", quoted(expected)));
    }
    t.hint = Some(
        did_you_mean(unknown, expected.iter().copied())
            .unwrap_or_else(|| "hapus baris ini atau perbaiki nama kuncinya".to_owned()),
    );
    t
}

fn unknown_variant(rest: &str, at_key: &str) -> Translated {
    let names = between_backticks(rest);
    let unknown = names.first().copied().unwrap_or("?");
    let expected = names.get(1..).unwrap_or_default();
    let mut t = translated(format!("nilai `{unknown}`{at_key} tidak dikenal"));
    t.notes
        .push(format!("pilihan yang ada: {}", quoted(expected)));
    t.hint = did_you_mean(unknown, expected.iter().copied());
    t
}

/// `invalid type: …, expected …` and `invalid value: …`.
fn wrong_type(message: &str, at_key: &str) -> Option<Translated> {
    [("invalid type: ", "jenis"), ("invalid value: ", "nilai")]
        .into_iter()
        .find_map(|(prefix, kind)| {
            let (found, expected) = message.strip_prefix(prefix)?.split_once(", expected ")?;
            let mut t = translated(format!(
                "{kind} isian{at_key} salah: seharusnya {}, tetapi tertulis {}",
                describe(expected),
                describe(found)
            ));
            t.hint = if found == "sequence" || found == "map" {
                Some("periksa indentasi (jumlah spasi di awal baris) dan tanda `-`".into())
            } else if expected.contains("boolean") {
                Some("tulis `true` (ya) atau `false` (tidak)".into())
            } else {
                None
            };
            Some(t)
        })
}

/// The YAML reader's limits and the document-level mistakes it names.
fn known_limit(message: &str) -> Option<Translated> {
    const KNOWN: [(&str, &str, &str); 5] = [
        (
            "repetition limit exceeded",
            "terlalu banyak pengulangan alias YAML (`*nama`)",
            "jangan gunakan alias YAML (`&nama` dan `*nama`); tulis isinya langsung",
        ),
        (
            "recursion limit exceeded",
            "susunan YAML bertingkat terlalu dalam",
            "berkas isi Papan paling dalam hanya beberapa tingkat; periksa indentasi dan tanda kurung",
        ),
        (
            "more than one document",
            "berkas berisi lebih dari satu dokumen YAML (ada baris `---` di tengah)",
            "hapus baris `---` di tengah berkas, atau pisahkan menjadi dua berkas",
        ),
        (
            "unknown anchor",
            "alias YAML (`*nama`) merujuk ke jangkar yang tidak ada",
            "jangan gunakan alias YAML; tulis isinya langsung",
        ),
        (
            "EOF while parsing",
            "berkas berakhir sebelum isiannya lengkap",
            "periksa tanda kutip atau kurung yang belum ditutup",
        ),
    ];
    KNOWN.iter().find_map(|(needle, meaning, hint)| {
        let found = if *needle == "EOF while parsing" {
            message.starts_with(needle)
        } else {
            message.contains(needle)
        };
        found.then(|| hinted((*meaning).to_owned(), *hint))
    })
}

/// A syntax problem reported by the YAML parser (libyaml), in English: what it means in
/// Indonesian, and the original for whoever searches the web for it.
fn syntax(message: &str, leading_tab: bool) -> Translated {
    let (meaning, hint) = syntax_help(message, leading_tab);
    let mut t = translated(SYNTAX.to_owned());
    if let Some(meaning) = meaning {
        t.notes.push(meaning.to_owned());
    }
    t.notes.push(format!(
        "pesan asli pembaca YAML (bahasa Inggris): {message}"
    ));
    t.hint = Some(hint.to_owned());
    t
}

/// What a libyaml message means, and how to fix it.
fn syntax_help(message: &str, leading_tab: bool) -> (Option<&'static str>, &'static str) {
    if leading_tab || message.contains("tab") {
        (
            Some("ada karakter Tab di indentasi baris ini"),
            "gunakan spasi untuk indentasi, bukan tombol Tab",
        )
    } else if message.contains("mapping values are not allowed") {
        (
            Some(
                "ada titik dua yang diikuti spasi (`: `) di tengah nilai; YAML membacanya sebagai kunci baru",
            ),
            "setelah titik dua harus ada spasi; jika nilainya mengandung `: `, apit dengan tanda kutip \"…\"",
        )
    } else if message.contains("expected '-' indicator") || message.contains("expected key") {
        (
            Some("baris ini tidak sejajar dengan baris di atasnya"),
            "periksa indentasi: baris-baris dalam satu daftar harus sejajar",
        )
    } else if message.contains("cannot start any token") {
        (
            Some("nilai di baris ini diawali karakter yang tidak boleh berdiri tanpa tanda kutip"),
            "nilai yang diawali `@`, `` ` ``, `%` atau `*` harus diapit tanda kutip \"…\"",
        )
    } else if message.contains("end of stream") || message.contains("quoted scalar") {
        (
            Some("tanda kutip atau kurung ini dibuka tetapi tidak ditutup sampai akhir berkas"),
            "periksa tanda kutip atau kurung yang belum ditutup",
        )
    } else if message.contains("expected ',' or ']'") || message.contains("expected ',' or '}'") {
        (
            Some(
                "daftar `[ … ]` atau kumpulan `{ … }` ini belum ditutup, atau isinya tidak dipisahkan koma",
            ),
            "tutup dengan `]` atau `}`, dan pisahkan isinya dengan koma",
        )
    } else {
        (
            None,
            "periksa indentasi (spasi di awal baris), titik dua, dan tanda kutip di sekitar baris ini",
        )
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
