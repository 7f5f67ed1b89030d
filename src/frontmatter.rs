//! Splitting a Markdown file into its YAML front matter and its body.
//!
//! In: the whole text of a `.md` file. Out: the YAML between the opening and closing `---`
//! lines, the body after it, and the line numbers where each starts, so problems in either
//! part are reported at the right line of the file.

/// The two parts of a Markdown file with front matter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parts<'a> {
    pub yaml: &'a str,
    /// Lines before the YAML (the opening `---`), to offset YAML line numbers.
    pub yaml_offset: usize,
    pub body: &'a str,
    /// 1-based line where the body starts.
    pub body_line: usize,
}

/// Why a file's front matter could not be found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The file does not start with a `---` line.
    NotOpened,
    /// No closing `---` line; the number is the line of the opening one.
    NotClosed,
}

fn is_fence(line: &str) -> bool {
    line.trim_end_matches(['\r', ' ', '\t']) == "---"
}

pub fn split(text: &str) -> Result<Parts<'_>, Problem> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first_end = text.find('\n').unwrap_or(text.len());
    if !is_fence(&text[..first_end]) {
        return Err(Problem::NotOpened);
    }
    let yaml_start = (first_end + 1).min(text.len());
    let mut pos = yaml_start;
    let mut line = 2;
    while pos < text.len() {
        let end = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
        if is_fence(&text[pos..end]) {
            let body_start = (end + 1).min(text.len());
            return Ok(Parts {
                yaml: &text[yaml_start..pos],
                yaml_offset: 1,
                body: &text[body_start..],
                body_line: line + 1,
            });
        }
        pos = end + 1;
        line += 1;
    }
    Err(Problem::NotClosed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_yaml_and_body_with_line_numbers() {
        let p = split("---\njudul: Jalan\ntanggal: 2025-01-02\n---\nIsi laporan.\n").unwrap();
        assert_eq!(p.yaml, "judul: Jalan\ntanggal: 2025-01-02\n");
        assert_eq!(p.yaml_offset, 1);
        assert_eq!(p.body, "Isi laporan.\n");
        assert_eq!(p.body_line, 5);
    }

    #[test]
    fn accepts_crlf_bom_and_an_empty_body() {
        let p = split("\u{feff}---\r\njudul: A\r\n---\r\n").unwrap();
        assert_eq!(p.yaml, "judul: A\r\n");
        assert_eq!(p.body, "");
        let p = split("---\n---").unwrap();
        assert_eq!((p.yaml, p.body), ("", ""));
    }

    #[test]
    fn reports_missing_fences() {
        assert_eq!(split("judul: A\n"), Err(Problem::NotOpened));
        assert_eq!(split(""), Err(Problem::NotOpened));
        assert_eq!(
            split("---\njudul: A\nIsi tanpa penutup\n"),
            Err(Problem::NotClosed)
        );
        assert_eq!(split("--- \njudul: A\n----\n"), Err(Problem::NotClosed));
    }
}
