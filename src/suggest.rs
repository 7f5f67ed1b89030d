//! "Did you mean …?": the closest known word to a mistyped one.

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

#[cfg(test)]
mod tests {
    use super::closest;

    #[test]
    fn finds_likely_typos_only() {
        let keys = ["kode", "uraian", "anggaran", "realisasi"];
        assert_eq!(closest("anggran", keys), Some("anggaran"));
        assert_eq!(closest("realisai", keys), Some("realisasi"));
        assert_eq!(closest("URAIAN", keys), Some("uraian"));
        assert_eq!(closest("foto", keys), None);
    }
}
