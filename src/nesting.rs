//! How deeply HTML nests, measured before the sanitizer sees it.
//!
//! In: HTML text, in one piece or in chunks, or Markdown ([`markdown_too_deep`], which
//! also says where). Out: whether it may nest deeper than [`MAX_DEPTH`] elements. html5ever (under ammonia) scans its stack of open elements for
//! most tags, so deeply nested input costs time in the square of its depth: 20 000 nested
//! `<div>` or `>` quote markers took 12 s, and a 1 MB file would take half an hour
//! (servo/html5ever#788; browsers cap the depth at 512). Checking the depth first keeps
//! rendering linear. No village text nests more than a few levels.
//!
//! The count must never be lower than html5ever's stack, so every doubt counts upwards: a
//! start tag is counted wherever it appears (inside comments and CDATA too); an end tag
//! closes an element only when it names the innermost one, or when every element above
//! the one it names is of a kind html5ever also closes there and cannot bring back in
//! numbers (formatting elements without attributes, of which it keeps at most three
//! alike; `a`; elements with optional end tags such as `p` and `li`).

use pulldown_cmark::{Event, Options, Parser};

/// The Markdown extensions Papan reads, everywhere: the depth is measured on the events
/// that rendering ([`crate::markdown`]) will see.
pub const MARKDOWN_OPTIONS: Options = Options::ENABLE_TABLES
    .union(Options::ENABLE_FOOTNOTES)
    .union(Options::ENABLE_STRIKETHROUGH)
    .union(Options::ENABLE_TASKLISTS);

/// Deeper than this is refused.
pub const MAX_DEPTH: usize = 100;

const CDATA: &[u8] = b"[CDATA[";
const VOID: [&str; 17] = [
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "image", "img",
    "input", "keygen", "link", "meta", "source", "track",
];
const VOID_MORE: [&str; 2] = ["wbr", "param"];
const FORMATTING: [&str; 13] = [
    "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u",
];
const OPTIONAL_END: [&str; 10] = [
    "p", "li", "dd", "dt", "option", "optgroup", "rb", "rp", "rt", "rtc",
];

struct Open {
    name: String,
    attributes: bool,
}

impl Open {
    /// Closed by html5ever along with an element below it, and not brought back in numbers.
    fn closes_along(&self) -> bool {
        let n = self.name.as_str();
        n == "a" || OPTIONAL_END.contains(&n) || (FORMATTING.contains(&n) && !self.attributes)
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    Text,
    /// After `<`.
    Open,
    /// After `</`.
    EndOpen,
    /// In a tag name.
    Name,
    /// Between attributes.
    Attributes,
    /// After `=`, before the value.
    BeforeValue,
    Quoted(u8),
    Unquoted,
    /// After `<!`, with the characters of `[CDATA[` matched so far.
    Bang(usize),
    /// After `<!-`.
    BangDash,
    /// `<!…>`, `<?…>`, `</ …>`: up to the next `>`.
    Bogus,
    /// In `<!-- … -->`, with the dashes just seen.
    Comment(usize),
    /// In `<![CDATA[ … ]]>`, with the `]` just seen.
    Cdata(usize),
}

/// An upper bound of the depth html5ever reaches, fed chunk by chunk.
pub struct Depth {
    stack: Vec<Open>,
    state: State,
    end_tag: bool,
    name: String,
    attributes: bool,
    /// Where text goes on after a tag: plain text, or back into the comment or CDATA
    /// section the tag appeared in (there, start tags count and end tags do not).
    resume: State,
    exceeded: bool,
}

impl Default for Depth {
    fn default() -> Self {
        Depth {
            stack: Vec::new(),
            state: State::Text,
            end_tag: false,
            name: String::new(),
            attributes: false,
            resume: State::Text,
            exceeded: false,
        }
    }
}

/// True when `html` may nest deeper than [`MAX_DEPTH`].
pub fn too_deep(html: &str) -> bool {
    let mut d = Depth::default();
    !d.feed(html)
}

impl Depth {
    /// Reads the next piece of HTML; false once the depth went over the limit.
    pub fn feed(&mut self, html: &str) -> bool {
        let bytes = html.as_bytes();
        let mut i = 0;
        while i < bytes.len() && !self.exceeded {
            // Plain text stays plain text up to the next `<`: skip it in one search.
            if self.state == State::Text {
                match memchr::memchr(b'<', &bytes[i..]) {
                    Some(skip) => i += skip,
                    None => break,
                }
            }
            self.step(bytes[i]);
            i += 1;
        }
        !self.exceeded
    }

    fn step(&mut self, b: u8) {
        use State::*;
        self.state = match (self.state, b) {
            (Text, b'<') => Open,
            (Text, _) => Text,
            (Open, b'/') => EndOpen,
            (Open, b'!') => Bang(0),
            (Open, b'?') => Bogus,
            (Open | EndOpen, c) if c.is_ascii_alphabetic() => {
                self.end_tag = self.state == EndOpen;
                self.name.clear();
                self.name.push(char::from(c.to_ascii_lowercase()));
                self.attributes = false;
                Name
            }
            (Open, b'<') => Open,
            (Open, _) => self.resume,
            (EndOpen, _) => Bogus,
            (Name, b'>') => self.finish_tag(),
            (Name, c) if c.is_ascii_whitespace() || c == b'/' => Attributes,
            (Name, c) => {
                if self.name.len() < 16 {
                    self.name.push(char::from(c.to_ascii_lowercase()));
                }
                Name
            }
            (Attributes | BeforeValue | Unquoted, b'>') => self.finish_tag(),
            (Attributes, b'=') => BeforeValue,
            (Attributes, c) => {
                self.attributes |= !c.is_ascii_whitespace() && c != b'/';
                Attributes
            }
            (BeforeValue, b'"' | b'\'') => Quoted(b),
            (BeforeValue, c) if c.is_ascii_whitespace() => BeforeValue,
            (BeforeValue, _) => Unquoted,
            (Unquoted, c) if c.is_ascii_whitespace() => Attributes,
            (Unquoted, _) => Unquoted,
            (Quoted(q), c) if c == q => Attributes,
            (Quoted(q), _) => Quoted(q),
            (Bang(0), b'-') => BangDash,
            (BangDash, b'-') => self.enter(Comment(0)),
            (Bang(n), c) if CDATA.get(n) == Some(&c) => {
                if n + 1 == CDATA.len() {
                    self.enter(Cdata(0))
                } else {
                    Bang(n + 1)
                }
            }
            (Bang(_) | BangDash, b'>') => self.resume,
            (Bang(_) | BangDash, _) => Bogus,
            (Bogus, b'>') => self.resume,
            (Bogus, _) => Bogus,
            (Comment(n), b'>') if n >= 2 => self.enter(Text),
            (Comment(n), b'-') => Comment(n + 1),
            (Comment(_), b'<') => Open,
            (Comment(_), _) => Comment(0),
            (Cdata(n), b'>') if n >= 2 => self.enter(Text),
            (Cdata(n), b']') => Cdata(n + 1),
            (Cdata(_), b'<') => Open,
            (Cdata(_), _) => Cdata(0),
        };
    }

    /// Enters plain text, a comment or a CDATA section.
    fn enter(&mut self, state: State) -> State {
        self.resume = state;
        state
    }

    fn finish_tag(&mut self) -> State {
        let name = std::mem::take(&mut self.name);
        if self.end_tag {
            if self.resume == State::Text {
                self.close(&name);
            }
        } else if !VOID.contains(&name.as_str()) && !VOID_MORE.contains(&name.as_str()) {
            self.stack.push(Open {
                name,
                attributes: self.attributes,
            });
            self.exceeded |= self.stack.len() > MAX_DEPTH;
        }
        self.resume
    }

    fn close(&mut self, name: &str) {
        for i in (0..self.stack.len()).rev() {
            if self.stack[i].name == name {
                self.stack.truncate(i);
                return;
            }
            if !self.stack[i].closes_along() {
                return;
            }
        }
    }
}

/// Where the Markdown nests deeper than a page may (quotes in quotes, lists in lists,
/// HTML tags left open), as a byte offset; None when it is fine.
pub fn markdown_too_deep(markdown: &str) -> Option<usize> {
    markdown_too_deep_with(markdown, |_, _| {})
}

/// [`markdown_too_deep`], handing every Markdown event (with its byte range) to `each` on
/// the way, so a caller that needs the events too parses the text only once. Events after
/// the point found too deep are not seen.
pub fn markdown_too_deep_with(
    markdown: &str,
    mut each: impl FnMut(&Event, std::ops::Range<usize>),
) -> Option<usize> {
    // First the cheap look at line starts: the Markdown parser builds its whole tree before
    // the first event, and millions of `>` on one line take seconds to build.
    if let Some(offset) = deep_line_start(markdown) {
        return Some(offset);
    }
    let mut depth = Depth::default();
    let mut html = String::new();
    for (event, range) in Parser::new_ext(markdown, MARKDOWN_OPTIONS).into_offset_iter() {
        each(&event, range.clone());
        html.clear();
        pulldown_cmark::html::push_html(&mut html, std::iter::once(event));
        if !depth.feed(&html) {
            return Some(range.start);
        }
    }
    None
}

/// The offset where a line starts with more quote and list markers than a page may nest.
fn deep_line_start(markdown: &str) -> Option<usize> {
    let limit = MAX_DEPTH;
    let mut offset = 0;
    for line in markdown.split_inclusive('\n') {
        let bytes = line.as_bytes();
        let mut markers = 0;
        let mut i = 0;
        while i < bytes.len() {
            let start = i;
            let spaced = |j: usize| bytes.get(j).is_none_or(u8::is_ascii_whitespace);
            match bytes[i] {
                b'>' => markers += 1,
                b'-' | b'*' | b'+' if spaced(i + 1) => markers += 1,
                b' ' | b'\t' => {}
                b'0'..=b'9' => {
                    let end = i + bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();
                    if !matches!(bytes.get(end), Some(b'.' | b')')) || !spaced(end + 1) {
                        break;
                    }
                    markers += 1;
                    i = end;
                }
                _ => break,
            }
            if markers > limit {
                return Some(offset + start);
            }
            i += 1;
        }
        offset += line.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn depth(html: &str) -> usize {
        let mut d = Depth::default();
        d.feed(html);
        d.stack.len()
    }

    #[test]
    fn counts_open_elements() {
        assert_eq!(depth("<div><p>a</p><ul><li>x</li></ul></div>"), 0);
        assert_eq!(depth("<div><section>"), 2);
        assert_eq!(depth("<p>a<br><img src=x><hr/></p>"), 0);
        // An end tag inside an attribute value or a comment closes nothing.
        assert_eq!(depth("<div title=\"</div>\">"), 1);
        assert_eq!(depth("<div><!-- </div> -->"), 1);
        assert_eq!(depth("<div><![CDATA[ </div> ]]>"), 1);
        // Start tags inside a comment are counted: html5ever may have left it already.
        assert_eq!(depth("<!-- <div> -->"), 1);
        assert_eq!(depth("<!-- a --> <div></div>"), 0);
        assert_eq!(depth("<!DOCTYPE html><div></div>"), 0);
    }

    #[test]
    fn end_tags_close_through_what_html5ever_closes_too() {
        // `</p>` closes the `<b>` left open inside it; html5ever does the same.
        assert_eq!(depth("<p><b>tebal</p>"), 0);
        assert_eq!(depth("<ul><li><p>x</ul>"), 0);
        // With attributes, html5ever can bring any number of them back: counted open.
        assert_eq!(depth("<p><b class=x>tebal</p>"), 2);
        // A `<div>` left open is never closed by an end tag for an element below it.
        assert_eq!(depth("<b><div></b>"), 2);
        assert_eq!(depth("</div>"), 0);
    }

    #[test]
    fn refuses_deep_nesting_in_any_chunking() {
        let deep = "<div>".repeat(MAX_DEPTH + 1);
        assert!(too_deep(&deep));
        assert!(!too_deep(&"<div>".repeat(MAX_DEPTH)));
        assert!(!too_deep(&"<p>a</p>".repeat(100_000)));
        let mut d = Depth::default();
        let ok = deep
            .as_bytes()
            .chunks(3)
            .all(|c| d.feed(std::str::from_utf8(c).unwrap()));
        assert!(!ok);
        // Closed by end tags that sit in a comment: not closed at all.
        assert!(too_deep(&"<div><!--</div>-->".repeat(MAX_DEPTH + 1)));
        assert!(too_deep(&"<b><div></b>".repeat(MAX_DEPTH)));
    }

    #[test]
    fn markdown_nesting_is_found_where_it_happens() {
        let quotes = format!("Pembuka.\n\n{} x\n", "> ".repeat(200));
        // Found on the line: "Pembuka.\n\n" is 10 bytes, then 100 markers of 2 bytes each,
        // and the 101st marker is at byte 10 + 200.
        assert_eq!(markdown_too_deep(&quotes), Some(210));
        assert_eq!(markdown_too_deep(&"1. ".repeat(101)), Some(300));
        let started = std::time::Instant::now();
        assert!(markdown_too_deep(&">".repeat(4_000_000)).is_some());
        assert!(
            started.elapsed().as_millis() < 500,
            "{:?}",
            started.elapsed()
        );
        // Deeper through the structure than any one line shows.
        let nested: String = (0..120)
            .map(|i| format!("{}- x\n", "  ".repeat(i)))
            .collect();
        assert!(markdown_too_deep(&nested).is_some());
        let divs = format!("Teks.\n\n{}", "<div>".repeat(1000));
        assert!(markdown_too_deep(&divs).is_some());
        let list = "- a\n  - b\n    - c\n\n> kutipan\n> > dalam\n\n| a |\n|---|\n| 1 |\n";
        assert_eq!(markdown_too_deep(list), None);
        assert_eq!(markdown_too_deep(&"<p>paragraf</p>\n\n".repeat(5000)), None);
    }
}
