//! The front-matter splitter never panics and its parts are slices of the input.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(parts) = papan::frontmatter::split(text) {
        assert!(text.contains(parts.yaml));
        assert!(text.ends_with(parts.body));
        assert!(parts.body_line >= 2);
    }
});
