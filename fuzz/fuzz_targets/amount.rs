//! The amount parser never panics, and what it accepts formats back to the same value.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(value) = papan::money::parse_amount(text) {
        assert!(!value.is_sign_negative() || value.is_zero(), "negative accepted: {text:?}");
        // Formatting then reading back must give the same amount.
        let shown = papan::money::rupiah(value);
        assert_eq!(papan::money::parse_amount(&shown), Ok(value), "{text:?} -> {shown:?}");
    }
    let _ = papan::money::parse_count(text);
});
