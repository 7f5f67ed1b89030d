//! Inputs that once crashed a fuzz target (fuzz/): each must now load without panicking.

#![allow(clippy::unwrap_used)]

mod common;
use papan::diagnostic::Diagnostics;
use papan::source::SourceFile;

fn load_budget(name: &str) -> Diagnostics {
    let bytes = std::fs::read(common::fixture("fuzz").join(name)).unwrap();
    let src = SourceFile::from_bytes("content/anggaran/2016.yaml".into(), bytes).unwrap();
    let mut diags = Diagnostics::new();
    if let Some(budget) = papan::budget::load(src, papan::clock::today(&mut diags), &mut diags) {
        papan::budget::summary::summarize(&budget, Some(1000));
    }
    diags
}

#[test]
fn codes_whose_order_was_not_transitive() {
    // The budget fuzzer mutated a code into one mixing digits and letters; the code order
    // was not transitive, a BTreeMap lost a key and tree building panicked.
    let diags = load_budget("budget-crash-code-order.yaml");
    assert!(
        diags.has_errors(),
        "the mutated file has real problems to report"
    );
}
