//! Markdown from contributors, rendered and made safe.
//!
//! In: Markdown text (report bodies, pages, product descriptions). Out: HTML that keeps
//! formatting (tables, footnotes, strikethrough, task lists, headings with anchors) and
//! drops everything that could run in a reader's browser: scripts, event handlers,
//! `javascript:` and other non-web links, iframes, styles. pulldown-cmark renders; ammonia
//! sanitizes the result, so raw HTML written in the Markdown goes through the same filter.
//! Headings are moved one level down (the page has its own `h1`) and get ids prefixed with
//! `bagian-`, so they cannot collide with the theme's own ids.

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// Link schemes that survive; everything else (javascript:, data:, vbscript:, …) is removed.
pub const ALLOWED_SCHEMES: [&str; 4] = ["http", "https", "mailto", "tel"];

/// Ids that user content may carry: the ones this module generates.
const ID_PREFIXES: [&str; 3] = ["bagian-", "catatan-", "rujukan-"];

static SANITIZER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut b = ammonia::Builder::default();
    b.url_schemes(ALLOWED_SCHEMES.into_iter().collect())
        .add_generic_attributes(["id"])
        .add_allowed_classes("div", ["catatan-kaki"])
        .add_allowed_classes("sup", ["catatan"])
        .add_tag_attributes("img", ["srcset", "sizes", "loading", "decoding"])
        .attribute_filter(|element, attribute, value| match (element, attribute) {
            (_, "id") if !ID_PREFIXES.iter().any(|p| value.starts_with(p)) => None,
            // Images come from the site itself: no trackers, no data spent on other servers.
            ("img", "src" | "srcset") if leaves_the_site(value) => None,
            _ => Some(value.into()),
        });
    b
});

/// Whether a browser would fetch an image address (or any of a `srcset`'s) from elsewhere
/// than the site: anything with a scheme (`https:`, which from a page opened from disk also
/// means `https:/host`) or starting with `//`, read as a browser reads it: backslashes as
/// slashes (`\\host\p.png`, `https:\\host`, `/\host`), tabs and line breaks removed.
fn leaves_the_site(value: &str) -> bool {
    let read: String = value
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .map(|c| if c == '\\' { '/' } else { c })
        .collect();
    read.split(',').any(|candidate| {
        let url = candidate.trim_start_matches(|c: char| c <= ' ');
        let scheme = url
            .split_once(':')
            .is_some_and(|(s, _)| !s.is_empty() && !s.contains(['/', '?', '#']));
        scheme || url.starts_with("//")
    })
}

/// Cleans HTML written by contributors (also used for raw HTML outside Markdown).
pub fn sanitize(html: &str) -> String {
    if crate::nesting::too_deep(html) {
        // Never handed to the parser, whose time grows with the square of the depth. The
        // loaders report such text as an error (see
        // [`crate::nesting::markdown_too_deep`]); this is the safety net.
        return format!("<p>{}</p>", crate::html::escape(html));
    }
    SANITIZER.clean(html).to_string()
}

/// The Markdown extensions Papan reads, everywhere (defined beside the depth check, which
/// must parse exactly as rendering does).
pub use crate::nesting::MARKDOWN_OPTIONS as OPTIONS;

/// How an image of a Markdown body appears in the page: the photo pipeline's JPEG copies,
/// with the size of `src` so the page does not jump while it loads.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Image {
    pub src: String,
    /// `a-480.jpg 480w, a-960.jpg 960w`, or empty.
    pub srcset: String,
    pub sizes: String,
    /// 0 when unknown.
    pub width: u32,
    pub height: u32,
    pub lazy: bool,
}

impl Image {
    /// The `<img>` element, with `alt` (the text written between `![` and `]`).
    fn html(&self, alt: &str) -> String {
        let mut out = format!("<img src=\"{}\"", crate::html::escape(&self.src));
        if !self.srcset.is_empty() {
            out += &format!(
                " srcset=\"{}\" sizes=\"{}\"",
                crate::html::escape(&self.srcset),
                crate::html::escape(&self.sizes)
            );
        }
        if self.width > 0 && self.height > 0 {
            out += &format!(" width=\"{}\" height=\"{}\"", self.width, self.height);
        }
        out += &format!(" alt=\"{}\"", crate::html::escape(alt));
        if self.lazy {
            out += " loading=\"lazy\"";
        }
        out + " decoding=\"async\">"
    }
}

/// Renders Markdown to safe HTML. `image` maps each image address as written to the image
/// shown in the output (or None to drop the image and keep its text).
pub fn to_html(markdown: &str, image: &mut dyn FnMut(&str) -> Option<Image>) -> String {
    let events: Vec<Event> = Parser::new_ext(markdown, OPTIONS).collect();
    let notes = footnote_numbers(&events);
    let top = top_level(&events);
    let mut out: Vec<Event> = Vec::with_capacity(events.len());
    let mut used_ids = Ids::default();
    let mut i = 0;
    while i < events.len() {
        match &events[i] {
            Event::Start(Tag::Heading { level, .. }) => {
                i = heading(&events, i, *level, top, &mut used_ids, &mut out);
                continue;
            }
            Event::FootnoteReference(label) => {
                let (id, n) = note_id(&notes, label);
                out.push(Event::InlineHtml(CowStr::from(format!(
                    "<sup class=\"catatan\"><a href=\"#catatan-{id}\" id=\"rujukan-{id}\">{n}</a></sup>"
                ))));
            }
            Event::Start(Tag::FootnoteDefinition(label)) => {
                let (id, n) = note_id(&notes, label);
                out.push(Event::Html(CowStr::from(format!(
                    "<div class=\"catatan-kaki\" id=\"catatan-{id}\"><sup>{n}</sup>"
                ))));
            }
            Event::End(TagEnd::FootnoteDefinition) => {
                out.push(Event::Html(CowStr::from("</div>\n")))
            }
            // A task list item shows its state as text; no form controls reach the page.
            Event::TaskListMarker(done) => out.push(Event::Text(CowStr::from(if *done {
                "☑ "
            } else {
                "☐ "
            }))),
            Event::Start(Tag::Image { dest_url, .. }) => {
                let end = end_of(&events, i, |e| matches!(e, Event::End(TagEnd::Image)));
                let inner = &events[i + 1..end];
                match image(dest_url) {
                    Some(img) => out.push(Event::InlineHtml(CowStr::from(
                        img.html(&plain_text(inner)),
                    ))),
                    // Keep the alt text as plain text in place of the dropped image.
                    None => out.extend(inner.iter().cloned()),
                }
                i = end + 1;
                continue;
            }
            other => out.push(other.clone()),
        }
        i += 1;
    }
    let mut html = String::with_capacity(markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, out.into_iter());
    sanitize(&html)
}

/// Where the element opened at `start` ends (the first event after it that `is_end`).
fn end_of(events: &[Event], start: usize, is_end: impl Fn(&Event) -> bool) -> usize {
    events[start..]
        .iter()
        .position(is_end)
        .map_or(events.len(), |p| start + p)
}

/// The text of some events, without markup.
fn plain_text(events: &[Event]) -> String {
    events
        .iter()
        .filter_map(|e| match e {
            Event::Text(t) | Event::Code(t) => Some(t.as_ref()),
            _ => None,
        })
        .collect()
}

/// A heading shifted to its level on the page, with a unique id made from its text;
/// returns the index after its end.
fn heading<'a>(
    events: &[Event<'a>],
    i: usize,
    level: HeadingLevel,
    top: usize,
    used_ids: &mut Ids,
    out: &mut Vec<Event<'a>>,
) -> usize {
    let end = end_of(events, i, |e| matches!(e, Event::End(TagEnd::Heading(_))));
    let inner = &events[i + 1..end];
    let level = shift(level, top);
    let id = unique(
        used_ids,
        &format!("bagian-{}", slug::slugify(plain_text(inner))),
    );
    out.push(Event::Start(Tag::Heading {
        level,
        id: Some(CowStr::from(id)),
        classes: vec![],
        attrs: vec![],
    }));
    out.extend(inner.iter().cloned());
    out.push(Event::End(TagEnd::Heading(level)));
    end + 1
}

/// The page title is the `h1`; the body's top heading level becomes `h2`, whether the
/// author started with `#` or `##`, so headings never skip a level.
fn shift(level: HeadingLevel, top: usize) -> HeadingLevel {
    let n = (level as usize).saturating_sub(top) + 2;
    HeadingLevel::try_from(n.min(6)).unwrap_or(HeadingLevel::H6)
}

/// The smallest heading level used (1 for `#`), or 1 when there is none.
fn top_level(events: &[Event]) -> usize {
    events
        .iter()
        .filter_map(|e| match e {
            Event::Start(Tag::Heading { level, .. }) => Some(*level as usize),
            _ => None,
        })
        .min()
        .unwrap_or(1)
}

/// A heading id not used yet: `base`, else `base-2`, `base-3`, …; the next number to try
/// is kept per base, so a thousand headings with one title cost no more than a thousand.
fn unique(used: &mut Ids, base: &str) -> String {
    let base = if base == "bagian-" {
        "bagian".to_owned() + "-judul"
    } else {
        base.to_owned()
    };
    if used.taken.insert(base.clone()) {
        return base;
    }
    let n = used.next.entry(base.clone()).or_insert(2);
    loop {
        let id = format!("{base}-{n}");
        *n += 1;
        if used.taken.insert(id.clone()) {
            return id;
        }
    }
}

/// Heading ids given so far, and the next number to try for each base.
#[derive(Default)]
struct Ids {
    taken: HashSet<String>,
    next: HashMap<String, usize>,
}

/// Footnotes are numbered in the order they are first referred to.
fn footnote_numbers<'a>(events: &'a [Event<'a>]) -> HashMap<&'a str, usize> {
    let mut numbers = HashMap::new();
    for e in events {
        if let Event::FootnoteReference(label) = e {
            let next = numbers.len() + 1;
            numbers.entry(label.as_ref()).or_insert(next);
        }
    }
    numbers
}

fn note_id(numbers: &HashMap<&str, usize>, label: &str) -> (String, usize) {
    let n = numbers.get(label).copied().unwrap_or(0);
    let slug = slug::slugify(label);
    (if slug.is_empty() { n.to_string() } else { slug }, n)
}

/// Plain text of the Markdown, shortened at a word boundary: for descriptions and previews.
pub fn excerpt(markdown: &str, max_chars: usize) -> String {
    let mut text = String::new();
    // Text between inline <script>/<style> tags is code, not prose.
    let mut hidden = false;
    for event in Parser::new_ext(
        markdown,
        Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH,
    ) {
        match event {
            Event::InlineHtml(tag) | Event::Html(tag) => {
                let tag = tag.to_ascii_lowercase();
                if tag.starts_with("<script") || tag.starts_with("<style") {
                    hidden = !tag.contains("</script") && !tag.contains("</style");
                } else if tag.starts_with("</script") || tag.starts_with("</style") {
                    hidden = false;
                }
            }
            Event::Text(_) | Event::Code(_) if hidden => {}
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::SoftBreak
            | Event::HardBreak
            | Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item) => text.push(' '),
            _ => {}
        }
    }
    shorten(
        &text.split_whitespace().collect::<Vec<_>>().join(" "),
        max_chars,
    )
}

/// Plain text cut to at most `max_chars` at a word boundary, with `…` when cut. Shortening
/// an excerpt gives the same text as a shorter excerpt of the same Markdown.
pub fn shorten(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        return text.to_owned();
    }
    // An excerpt that was cut already: cut the text before its `…`.
    let text = text.strip_suffix('…').unwrap_or(text);
    let cut: String = text.chars().take(max_chars).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(a, _)| a);
    format!("{}…", cut.trim_end_matches([',', '.', ';', ':']))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn html(md: &str) -> String {
        to_html(md, &mut |src| {
            Some(Image {
                src: src.to_owned(),
                ..Image::default()
            })
        })
    }

    #[test]
    fn keeps_formatting() {
        let out = html(
            "# Judul\n\n~~lama~~ **tebal**\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x] selesai\n- [ ] belum\n",
        );
        assert!(out.contains("<h2 id=\"bagian-judul\">Judul</h2>"), "{out}");
        assert!(out.contains("<del>lama</del>"));
        assert!(out.contains("<strong>tebal</strong>"));
        assert!(out.contains("<table>") && out.contains("<td>2</td>"));
        assert!(
            out.contains("<li>☑ selesai</li>") && out.contains("<li>☐ belum</li>"),
            "{out}"
        );
        assert!(!out.contains("<input"), "{out}");
    }

    #[test]
    fn footnotes_link_both_ways() {
        let out = html("Dana desa[^dd].\n\n[^dd]: Dari APBN.\n");
        assert!(
            out.contains("<sup class=\"catatan\"><a href=\"#catatan-dd\" id=\"rujukan-dd\""),
            "{out}"
        );
        assert!(
            out.contains("<div class=\"catatan-kaki\" id=\"catatan-dd\">"),
            "{out}"
        );
    }

    #[test]
    fn the_top_heading_becomes_h2_whatever_the_author_started_with() {
        let hash = html("# A\n\n## B\n");
        let double = html("## A\n\n### B\n\n#### C\n");
        assert!(
            hash.contains("<h2 id=\"bagian-a\">A</h2>")
                && hash.contains("<h3 id=\"bagian-b\">B</h3>"),
            "{hash}"
        );
        assert!(
            double.contains("<h2 id=\"bagian-a\">A</h2>")
                && double.contains("<h4 id=\"bagian-c\">C</h4>"),
            "{double}"
        );
    }

    #[test]
    fn external_images_are_dropped() {
        let out = html(
            "<img src=\"https://pelacak.example/p.gif\" alt=\"x\"> <img src=\"//cdn.example/a.jpg\">",
        );
        assert!(
            !out.contains("pelacak") && !out.contains("cdn.example"),
            "{out}"
        );
        // Browsers read a backslash as a slash: each of these goes to another server.
        for src in [
            "\\\\host\\p.png",
            "https:\\\\host\\p.png",
            "/\\host/p.png",
            "\\/host/p.png",
            " //host/p.png",
            "/\t/host/p.png",
            "https:/host/p.png",
        ] {
            let out = html(&format!("<img src=\"{src}\" alt=\"x\">"));
            assert!(!out.contains("host"), "{src}: {out}");
        }
        let out = html("<img srcset=\"a-480.jpg 480w, \\\\host\\b.jpg 960w\" alt=\"x\">");
        assert!(!out.contains("srcset"), "{out}");
        // The site's own images stay.
        let out = html(
            "<img src=\"../foto/a-480.jpg\" srcset=\"a-480.jpg 480w, a-960.jpg 960w\" alt=\"x\">",
        );
        assert!(
            out.contains("src=\"../foto/a-480.jpg\"") && out.contains("a-960.jpg 960w"),
            "{out}"
        );
    }

    #[test]
    fn duplicate_headings_get_distinct_ids() {
        let out = html("## Hasil\n\n## Hasil\n\n## Hasil 2\n\n## Hasil\n");
        assert!(
            out.contains("id=\"bagian-hasil\"") && out.contains("id=\"bagian-hasil-2\""),
            "{out}"
        );
        // `Hasil 2` finds its id taken by the second `Hasil` and gets `-2` of its own; the
        // fourth `Hasil` gets the next number.
        assert!(
            out.contains("id=\"bagian-hasil-2-2\"") && out.contains("id=\"bagian-hasil-3\""),
            "{out}"
        );
        let many = html(&"# a\n".repeat(1000));
        assert!(many.contains("id=\"bagian-a-1000\""));
    }

    #[test]
    fn each_repeated_heading_is_numbered_in_one_try() {
        // The number to try next is kept per title: 50 000 headings `a` take 49 999 tries
        // after the first (2, 3, …, 50 000), so the counter ends at 50 001. Trying from 2
        // each time would take 1 + 2 + … tries, quadratic in the count.
        let mut ids = Ids::default();
        for _ in 0..50_000 {
            unique(&mut ids, "bagian-a");
        }
        assert_eq!(ids.next["bagian-a"], 50_001);
        assert_eq!(unique(&mut ids, "bagian-a"), "bagian-a-50001");
    }

    #[test]
    fn drops_scripts_handlers_javascript_iframes_and_styles() {
        let hostile = "<script>alert(1)</script>\n\n<img src=x onerror=alert(2)>\n\n[klik](javascript:alert(3))\n\n<a href=\"JaVaScRiPt:alert(4)\">x</a>\n\n<iframe src=\"https://evil.example\"></iframe>\n\n<p style=\"position:fixed\" onclick=\"alert(5)\">teks</p>\n\n<div id=\"isi\">menimpa</div>\n\n<svg><script>alert(6)</script></svg>\n\n[data](data:text/html;base64,PHNjcmlwdD4=)\n\n<object data=x></object><embed src=x><form action=x><input type=text></form>\n";
        let out = html(hostile);
        for bad in [
            "<script",
            "onerror",
            "onclick",
            "javascript:",
            "JaVaScRiPt",
            "<iframe",
            "style=",
            "id=\"isi\"",
            "data:text",
            "<object",
            "<embed",
            "<form",
            "type=\"text\"",
            "alert(",
        ] {
            assert!(
                !out.to_lowercase().contains(&bad.to_lowercase()),
                "{bad} survived in {out}"
            );
        }
        assert!(out.contains("teks"));
        assert!(out.contains("menimpa"));
    }

    #[test]
    fn allowed_links_survive_with_noopener() {
        let out = html(
            "[web](https://desa.id) [surel](mailto:a@b.id) [telp](tel:+628123) [wa](https://wa.me/628123)\n",
        );
        for ok in [
            "https://desa.id",
            "mailto:a@b.id",
            "tel:+628123",
            "https://wa.me/628123",
            "rel=\"noopener noreferrer\"",
        ] {
            assert!(out.contains(ok), "{ok} missing in {out}");
        }
    }

    #[test]
    fn images_are_mapped_or_replaced_by_their_alt_text() {
        let out = to_html(
            "![Jalan \"baru\" `2025`](foto/jalan.jpg) ![hilang](foto/x.jpg)",
            &mut |src| {
                (src == "foto/jalan.jpg").then(|| Image {
                    src: "../../foto/jalan-960.jpg".into(),
                    srcset: "../../foto/jalan-480.jpg 480w, ../../foto/jalan-960.jpg 960w".into(),
                    sizes: "100vw".into(),
                    width: 960,
                    height: 720,
                    lazy: true,
                })
            },
        );
        assert!(
            out.contains("<img src=\"../../foto/jalan-960.jpg\" srcset=\"../../foto/jalan-480.jpg 480w, ../../foto/jalan-960.jpg 960w\" sizes=\"100vw\" width=\"960\" height=\"720\" alt=\"Jalan &quot;baru&quot; 2025\" loading=\"lazy\" decoding=\"async\">"),
            "{out}"
        );
        assert!(
            out.contains("hilang") && !out.contains("foto/x.jpg"),
            "{out}"
        );
    }

    #[test]
    fn no_form_controls_survive() {
        let out = html(
            "<input type=\"text\" placeholder=\"PIN ATM\"> <input type=\"checkbox\"> <button>OK</button> <textarea></textarea>",
        );
        assert!(
            !out.contains("<input") && !out.contains("<button") && !out.contains("<textarea"),
            "{out}"
        );
    }

    #[test]
    fn excerpts_leave_out_script_text() {
        assert_eq!(
            excerpt("Halo <script>alert('xss')</script> warga", 100),
            "Halo warga"
        );
        assert_eq!(excerpt("<style>p{color:red}</style>\n\nIsi.", 100), "Isi.");
    }

    #[test]
    fn shortening_an_excerpt_equals_a_shorter_excerpt() {
        let md = "Pengerasan jalan **sepanjang** 800 meter di Dusun Karet, dikerjakan warga selama dua minggu.";
        for n in [10, 25, 40, 60, 300] {
            assert_eq!(
                shorten(&excerpt(md, 60), n.min(60)),
                excerpt(md, n.min(60)),
                "{n}"
            );
        }
    }

    #[test]
    fn deeply_nested_html_is_never_parsed() {
        // Escaped as text: the sanitizer's parser never saw the 200 000 open elements.
        let out = html(&"<div>".repeat(200_000));
        assert!(out.starts_with("<p>&lt;div&gt;"), "{}", &out[..40]);
    }

    #[test]
    fn excerpts_cut_at_words() {
        assert_eq!(
            excerpt("# Judul\n\nPengerasan jalan **sepanjang** 800 meter.", 200),
            "Judul Pengerasan jalan sepanjang 800 meter."
        );
        assert_eq!(excerpt("satu dua tiga empat", 12), "satu dua…");
    }
}
