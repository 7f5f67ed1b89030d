//! Escaping text for HTML and XML, for the few places that build markup outside templates.

/// Escapes `& < > " '` so the text is inert in element content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A web address written in content, checked and normalised: only `http`/`https` with a
/// host; quotes and `<` `>` come out percent-encoded, so the address is inert in any
/// attribute. None when it is not such an address (`javascript:`, `data:`, `www.x`, or
/// text with a space inside).
pub fn web_url(raw: &str) -> Option<String> {
    let raw = raw.trim();
    // A space inside is a typo (two addresses, a word pasted after one), never an address.
    if raw.contains(char::is_whitespace) {
        return None;
    }
    let parsed = url::Url::parse(raw).ok()?;
    let web = matches!(parsed.scheme(), "http" | "https");
    (web && parsed.host_str().is_some_and(|h| !h.is_empty())).then(|| parsed.as_str().to_owned())
}

#[cfg(test)]
mod tests {
    #[test]
    fn only_web_addresses_survive_normalised() {
        use super::web_url;
        assert_eq!(
            web_url(" https://shopee.co.id/kub-srikandi "),
            Some("https://shopee.co.id/kub-srikandi".into())
        );
        assert_eq!(
            web_url("https://x.id/\"><script>alert(1)</script>"),
            Some("https://x.id/%22%3E%3Cscript%3Ealert(1)%3C/script%3E".into())
        );
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "data:text/html,<script>",
            "vbscript:msgbox(1)",
            "www.desa.id",
            "https://",
            "ftp://x.id/",
            "https://desa.id/ profil",
        ] {
            assert_eq!(web_url(bad), None, "{bad}");
        }
    }

    #[test]
    fn escapes_markup_characters() {
        assert_eq!(
            super::escape("<a href=\"x\">&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;"
        );
    }
}
