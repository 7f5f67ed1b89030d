//! "Did you mean …?": the closest known word to a mistyped one, and the hint that offers it.

/// The candidate closest to `word` by edit distance, if it is close enough to be a likely
/// typo (at most a third of the word's length, and at least one edit allowed).
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let word_lower = word.to_lowercase();
    let limit = (word.chars().count() / 3).max(1);
    candidates
        .into_iter()
        .map(|c| (strsim::levenshtein(&word_lower, &c.to_lowercase()), c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, c)| (*d, *c))
        .map(|(_, c)| c)
}

/// The hint for a likely typo of `word`: "maksud Anda `anggaran`?", when a candidate is
/// close enough.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<String> {
    closest(word, candidates).map(|best| maksud(best, None))
}

/// "maksud Anda `best`?", or with what it names: "maksud Anda `4.2.1` (Dana Desa)?".
pub fn maksud(best: &str, name: Option<&str>) -> String {
    match name {
        Some(name) => format!("maksud Anda `{best}` ({name})?"),
        None => format!("maksud Anda `{best}`?"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_likely_typos_only() {
        let keys = ["kode", "uraian", "anggaran", "realisasi"];
        assert_eq!(closest("anggran", keys), Some("anggaran"));
        assert_eq!(closest("realisai", keys), Some("realisasi"));
        assert_eq!(closest("URAIAN", keys), Some("uraian"));
        assert_eq!(closest("foto", keys), None);
    }

    #[test]
    fn offers_the_closest_word_in_one_phrase() {
        let keys = ["kode", "anggaran"];
        assert_eq!(
            did_you_mean("anggran", keys).as_deref(),
            Some("maksud Anda `anggaran`?")
        );
        assert_eq!(did_you_mean("foto", keys), None);
        assert_eq!(
            maksud("4.2.1", Some("Dana Desa")),
            "maksud Anda `4.2.1` (Dana Desa)?"
        );
    }
}
