//! `papan impor` on the real budgets in ../shared/realdata: every village imports, builds,
//! and shows the figures scripts/cek-impor.py worked out from the source files themselves
//! (kept in tests/fixtures/impor/expected.tsv), never figures taken from Papan's output.

#![allow(clippy::unwrap_used)]

mod common;
use common::*;
use papan::budget::summary::summarize;
use papan::diagnostic::Diagnostics;
use rust_decimal::Decimal;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::str::FromStr;

fn realdata() -> PathBuf {
    repo().join("../shared/realdata")
}

/// village → figure → value, from the script's output.
fn expected() -> BTreeMap<String, BTreeMap<String, String>> {
    let text = std::fs::read_to_string(fixture("impor/expected.tsv")).unwrap();
    let mut out: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    for line in text.lines() {
        let [v, k, x] = line.split('\t').collect::<Vec<_>>()[..] else {
            panic!("{line}")
        };
        out.entry(v.into()).or_default().insert(k.into(), x.into());
    }
    out
}

/// Imports `source` into a new site holding the village's desa.yaml; returns the site.
fn import(source: &Path, desa_yaml: &Path, extra: &[&str]) -> tempfile::TempDir {
    let dir = site(&[(
        "content/desa.yaml",
        &std::fs::read_to_string(desa_yaml).unwrap(),
    )]);
    let mut args = vec![
        "impor",
        source.to_str().unwrap(),
        dir.path().to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    let out = papan(&args);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}\n{}",
        stdout(&out),
        stderr(&out)
    );
    dir
}

fn figures_of(dir: &Path) -> BTreeMap<String, String> {
    let mut diags = Diagnostics::new();
    let site = papan::site::load(dir, &mut diags).unwrap();
    assert!(!diags.has_errors(), "{}", diags.report());
    let b = &site.budgets[0];
    let s = summarize(b, None);
    let t = &s.totals;
    let n = |d: Decimal| d.normalize().to_string();
    let mut out = BTreeMap::from([
        ("tahap".to_owned(), b.tahap.name().to_owned()),
        ("pendapatan".to_owned(), n(t.pendapatan.anggaran)),
        ("belanja".to_owned(), n(t.belanja.anggaran)),
        ("penerimaan".to_owned(), n(t.penerimaan.anggaran)),
        ("pengeluaran".to_owned(), n(t.pengeluaran.anggaran)),
    ]);
    for sl in &s.belanja_bidang {
        out.insert(
            format!("bidang:{}", sl.kode.clone().unwrap()),
            n(sl.amounts.anggaran),
        );
    }
    out
}

fn check_village(name: &str, source: &Path, desa: &Path, extra: &[&str]) -> tempfile::TempDir {
    let dir = import(source, desa, extra);
    let got = figures_of(dir.path());
    let want = &expected()[name];
    for (k, v) in want {
        let v = if k == "tahap" {
            v.clone()
        } else {
            Decimal::from_str(v).unwrap().normalize().to_string()
        };
        assert_eq!(got.get(k), Some(&v), "{name} {k}: {got:?}");
    }
    let out = papan(&["build", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{name}: {}", stderr(&out));
    let year = if name == "dermaji" { 2016 } else { 2017 };
    let page = std::fs::read_to_string(
        dir.path()
            .join(format!("output/anggaran/{year}/index.html")),
    )
    .unwrap();
    // The headline total on the year page, in the site's own formatting.
    let pendapatan = Decimal::from_str(&want["pendapatan"]).unwrap();
    assert!(
        page.contains(&papan::money::rupiah(pendapatan)),
        "{name}: pendapatan not on the page"
    );
    dir
}

#[test]
fn every_siskeudes_village_imports_builds_and_shows_the_scripts_figures() {
    let root = realdata().join("siskeudes-2017");
    let mut seen = 0;
    for entry in std::fs::read_dir(&root).unwrap() {
        let dir = entry.unwrap().path();
        if !dir.is_dir() {
            continue;
        }
        let name = dir.file_name().unwrap().to_string_lossy().into_owned();
        let source = ["siskeudes-2017.zip", "apbdes-2017.xlsx"]
            .iter()
            .map(|f| dir.join(f))
            .find(|p| p.exists())
            .unwrap();
        check_village(&name, &source, &dir.join("desa.yaml"), &[]);
        seen += 1;
    }
    assert_eq!(seen, 7);
}

#[test]
fn sideka_dermaji_imports_with_the_documents_own_discrepancies() {
    let source = realdata().join("dermaji-2016-apbdes-sideka.tsv");
    // Imported and built once; the rest reads what that left.
    let dir = check_village(
        "dermaji",
        &source,
        &fixture("dermaji/content/desa.yaml"),
        &[],
    );
    let text = std::fs::read_to_string(dir.path().join("content/anggaran/2016.yaml")).unwrap();
    assert!(text.contains("\nselisih: dokumen\n"), "{text}");
    // The hand transcription in tests/fixtures/dermaji holds the same rows: code, name and
    // amount of every row agree.
    let rows = |t: &str| -> Vec<(String, String)> {
        let doc: serde_yaml::Value = serde_yaml::from_str(t).unwrap();
        let mut out = Vec::new();
        for path in [
            &["pendapatan"][..],
            &["belanja"],
            &["pembiayaan", "penerimaan"],
            &["pembiayaan", "pengeluaran"],
        ] {
            let mut v = &doc;
            for p in path {
                v = &v[*p];
            }
            for r in v.as_sequence().unwrap() {
                let s = |k: &str| match &r[k] {
                    serde_yaml::Value::String(s) => s.clone(),
                    serde_yaml::Value::Number(n) => n.to_string(),
                    _ => String::new(),
                };
                out.push((
                    s("kode"),
                    format!("{}|{}|{}", s("uraian"), s("anggaran"), s("sumber_dana")),
                ));
            }
        }
        out
    };
    let hand = std::fs::read_to_string(fixture("dermaji/content/anggaran/2016.yaml")).unwrap();
    let mut a = rows(&text);
    let mut b = rows(&hand);
    a.sort();
    b.sort();
    assert_eq!(a, b);
    // Published with each discrepancy beside its figure.
    let page = std::fs::read_to_string(dir.path().join("output/anggaran/2016/index.html")).unwrap();
    assert!(page.contains("jumlah tercetak di dokumen resmi berbeda dari jumlah rinciannya: selisih Rp 9.000.000 (tercetak Rp 394.080.000)"), "note missing");
}

#[test]
fn the_same_source_gives_the_same_bytes() {
    for source in [
        realdata().join("siskeudes-2017/pejarakan/siskeudes-2017.zip"),
        realdata().join("siskeudes-2017/punjulharjo/apbdes-2017.xlsx"),
    ] {
        let desa = source.parent().unwrap().join("desa.yaml");
        let a = import(&source, &desa, &[]);
        let b = import(&source, &desa, &[]);
        let read = |d: &Path| std::fs::read(d.join("content/anggaran/2017.yaml")).unwrap();
        assert_eq!(read(a.path()), read(b.path()));
    }
}

#[test]
fn an_existing_budget_is_kept_without_timpa() {
    let source = realdata().join("siskeudes-2017/panggung-mulyo/siskeudes-2017.zip");
    let desa = source.parent().unwrap().join("desa.yaml");
    let dir = import(&source, &desa, &[]);
    let file = dir.path().join("content/anggaran/2017.yaml");
    std::fs::write(&file, "disunting\n").unwrap();
    let out = papan(&[
        "impor",
        source.to_str().unwrap(),
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).starts_with("kesalahan: berkas anggaran ini sudah ada; tidak ditimpa\n  --> content/anggaran/2017.yaml\n"), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "disunting\n");
    let out = papan(&[
        "impor",
        source.to_str().unwrap(),
        dir.path().to_str().unwrap(),
        "--timpa",
    ]);
    assert_eq!(out.status.code(), Some(0));
    assert_ne!(std::fs::read_to_string(&file).unwrap(), "disunting\n");
}
