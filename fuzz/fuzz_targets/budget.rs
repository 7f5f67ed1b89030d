//! Reading, arranging and verifying a budget file never panics, whatever its text.
#![no_main]
use libfuzzer_sys::fuzz_target;
use papan::diagnostic::Diagnostics;
use papan::source::SourceFile;

fuzz_target!(|data: &[u8]| {
    let Ok(src) = SourceFile::from_bytes("content/anggaran/2025.yaml".into(), data.to_vec()) else { return };
    let mut diags = Diagnostics::new();
    if let Some(budget) = papan::budget::load(src, papan::clock::today(&mut diags), &mut diags) {
        let _ = papan::budget::summary::summarize(&budget, Some(1000));
    }
    for d in diags.iter() {
        let _ = d.to_string();
    }
});
