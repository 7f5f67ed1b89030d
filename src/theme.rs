//! Themes: the default theme compiled into the binary, overridden file by file; read in
//! the load stage, used by the render stage.
//!
//! In: the site folder and the theme name from desa.yaml. Out: a [`Theme`] with every
//! template parsed once, and the static files (CSS, scripts) to copy. A site's
//! `themes/NAME/templates/x.html` replaces the default `x.html`; `themes/NAME/static/…`
//! adds or replaces static files. Template errors name the file they come from.

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::source::SourceFile;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

macro_rules! embed {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_str!(concat!("../themes/default/templates/", $name)))),*]
    };
}

/// The default templates, as shipped in `themes/default/templates/`.
const DEFAULT_TEMPLATES: &[(&str, &str)] = embed!(
    "base.html",
    "index.html",
    "anggaran/index.html",
    "anggaran/tahun.html",
    "partials/tabel.html",
    "partials/alir.html",
    "partials/grafik.html",
    "partials/ringkasan.html",
    "produk/index.html",
    "produk/produk.html",
    "produk/umkm.html",
    "partials/kartu-produk.html",
    "laporan/daftar.html",
    "laporan/laporan.html",
    "partials/laporan-kartu.html",
    "partials/foto.html",
    "halaman.html",
    "atom.xml",
    "sitemap.xml",
    "404.html",
);

/// The default static files, as shipped in `themes/default/static/`.
const DEFAULT_STATIC: &[(&str, &[u8])] = &[
    (
        "assets/style.css",
        include_bytes!("../themes/default/static/assets/style.css"),
    ),
    (
        "assets/katalog.js",
        include_bytes!("../themes/default/static/assets/katalog.js"),
    ),
    (
        "assets/favicon.svg",
        include_bytes!("../themes/default/static/assets/favicon.svg"),
    ),
];

/// A theme's static file (an image, a font) larger than this is refused.
const MAX_STATIC_BYTES: u64 = 16 * 1024 * 1024;

pub struct Theme {
    tera: tera::Tera,
    /// Where each template came from, to name it in errors.
    origins: BTreeMap<String, (PathBuf, String)>,
    pub static_files: BTreeMap<String, Vec<u8>>,
}

impl Theme {
    /// The default theme with the overrides found in `site/themes/name/`.
    pub fn load(site: &Path, name: &str, diags: &mut Diagnostics) -> Option<Theme> {
        let mut sources: BTreeMap<String, (PathBuf, String)> = DEFAULT_TEMPLATES
            .iter()
            .map(|(n, text)| {
                (
                    (*n).to_owned(),
                    (
                        Path::new("themes/default/templates").join(n),
                        (*text).to_owned(),
                    ),
                )
            })
            .collect();
        let mut static_files: BTreeMap<String, Vec<u8>> = DEFAULT_STATIC
            .iter()
            .map(|(n, bytes)| ((*n).to_owned(), bytes.to_vec()))
            .collect();
        let folder = Path::new("themes").join(name);
        if site.join(&folder).is_dir() {
            overrides(site, &folder, &mut sources, &mut static_files, diags);
        } else if name != "default" {
            diags.push(
                Diagnostic::error(crate::desa::FILE, format!("tema `{name}` tidak ditemukan"))
                    .note(format!("dicari di folder {}", site.join(&folder).display()))
                    .hint("buat folder themes/NAMA berisi templates/ yang ingin diganti, atau tulis `tema: default`"),
            );
            return None;
        }
        let mut tera = tera::Tera::new();
        tera.autoescape_on([".html", ".xml"]);
        // All at once: a template may extend or include one added after it.
        if let Err(e) = tera.add_raw_templates(
            sources
                .iter()
                .map(|(k, (_, text))| (k.as_str(), text.as_str())),
        ) {
            let message = e.to_string();
            let name = template_in_error(&message).unwrap_or("");
            match sources.get(name) {
                Some((path, text)) => diags.push(template_error(path, Some(text), &e)),
                None => diags.push(template_error(&folder.join("templates"), None, &e)),
            }
            return None;
        }
        Some(Theme {
            tera,
            origins: sources,
            static_files,
        })
    }

    /// Renders `template` with `context`; an error names the template file.
    pub fn render(&self, template: &str, context: &tera::Context) -> Result<String, Diagnostic> {
        self.tera.render(template, context).map_err(|e| {
            let message = e.to_string();
            let name = template_in_error(&message).unwrap_or(template);
            match self.origins.get(name) {
                Some((path, text)) => template_error(path, Some(text), &e),
                None => template_error(&Path::new("themes").join(template), None, &e),
            }
        })
    }
}

/// The site's own templates and static files in `folder` replace the default ones of the
/// same name.
fn overrides(
    site: &Path,
    folder: &Path,
    sources: &mut BTreeMap<String, (PathBuf, String)>,
    static_files: &mut BTreeMap<String, Vec<u8>>,
    diags: &mut Diagnostics,
) {
    for (rel, key) in theme_files(site, &folder.join("templates")) {
        match SourceFile::read(site, &rel) {
            Ok(src) => {
                warn_inline(&src, diags);
                sources.insert(key, (rel, src.text));
            }
            Err(d) => diags.push(d),
        }
    }
    for (rel, key) in theme_files(site, &folder.join("static")) {
        match crate::source::read_bytes(site, &rel, MAX_STATIC_BYTES) {
            Ok(bytes) => {
                static_files.insert(key, bytes);
            }
            Err(d) => diags.push(d),
        }
    }
}

/// A Tera error as a diagnostic: the whole chain of causes, in order, at the line and
/// column Tera gives (`--> name:line:column`), with that line of the template shown.
fn template_error(path: &Path, text: Option<&str>, e: &tera::Error) -> Diagnostic {
    let mut message = e.to_string();
    let mut cause = std::error::Error::source(e);
    while let Some(c) = cause {
        message.push_str(&format!("\n{c}"));
        cause = c.source();
    }
    let location = position_in_error(&message).filter(|_| text.is_some());
    let first = message.lines().next().unwrap_or("").to_owned();
    let source = SourceFile::new(path, text.unwrap_or_default());
    let mut d = source.error(location, format!("templat tidak dapat dipakai: {first}"));
    // Tera's own drawing of the line gives way to the snippet.
    for line in message.lines().skip(1).filter(|l| {
        let t = l.trim_start();
        !t.is_empty()
            && !t.starts_with("-->")
            && !t.starts_with('|')
            && !t.starts_with(|c: char| c.is_ascii_digit())
    }) {
        d = d.note(line.to_owned());
    }
    d.hint("periksa penulisan {{ … }} dan {% … %} di templat ini; bandingkan dengan templat bawaan di themes/default/templates")
}

/// The line and column of `--> name:line:column` in a Tera message.
fn position_in_error(message: &str) -> Option<crate::diagnostic::Location> {
    let after = message.split("--> ").nth(1)?.lines().next()?;
    let mut parts = after.trim().rsplitn(3, ':');
    let column = parts.next()?.parse().ok()?;
    let line = parts.next()?.parse().ok()?;
    Some(crate::diagnostic::Location::new(line, column))
}

/// base.html's Content-Security-Policy makes browsers ignore inline script, inline style
/// and event-handler attributes: say so, at its line, when a site's own template has one.
fn warn_inline(src: &SourceFile, diags: &mut Diagnostics) {
    for (i, line) in src.text.lines().enumerate() {
        let lower = line.to_ascii_lowercase();
        let script = lower.split("<script").skip(1).any(|tag| {
            let tag = tag.split('>').next().unwrap_or("");
            !tag.contains("src=") && !tag.contains("application/ld+json")
        });
        let handler = lower.split(" on").skip(1).any(|rest| {
            let name = rest.bytes().take_while(u8::is_ascii_alphabetic).count();
            name > 0 && rest[name..].trim_start().starts_with('=')
        });
        let what = if lower.contains("<style") || lower.contains(" style=") {
            "gaya (CSS) ditulis langsung di templat"
        } else if script {
            "skrip ditulis langsung di templat"
        } else if handler {
            "atribut penangan peristiwa (`on…=`) di templat"
        } else {
            continue;
        };
        diags.push(
            src.warning(
                Some(crate::diagnostic::Location::new(i + 1, 1)),
                format!("{what}: peramban tidak akan menjalankannya, karena kebijakan keamanan (Content-Security-Policy) situs melarangnya"),
            )
            .hint("pindahkan CSS ke berkas di themes/NAMA/static/assets/ dan skrip ke berkas .js yang dimuat dengan `<script src=\"…\">`"),
        );
        return;
    }
}

/// The template an error points at: Tera writes `--> name:line:column`, or names it
/// `template 'name'` (a circular include, a missing parent).
fn template_in_error(message: &str) -> Option<&str> {
    if let Some(after) = message.split("--> ").nth(1) {
        return after.split(':').next().map(str::trim);
    }
    let after = message.split("template '").nth(1)?;
    after.split('\'').next()
}

/// Files under `site/dir`, as (path relative to site, name relative to `dir` with `/`).
fn theme_files(site: &Path, dir: &Path) -> Vec<(PathBuf, String)> {
    let full = site.join(dir);
    let mut out: Vec<(PathBuf, String)> = walkdir::WalkDir::new(&full)
        .min_depth(1)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        // Links too: reading them checks they stay inside the site.
        .filter(|e| e.file_type().is_file() || e.path_is_symlink())
        // Hidden files (`.DS_Store`, editor locks) are not part of a theme.
        .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
        .filter_map(|e| {
            let rel = e.path().strip_prefix(&full).ok()?;
            Some((dir.join(rel), crate::paths::relative(&full, e.path())))
        })
        .collect();
    out.sort();
    out
}
