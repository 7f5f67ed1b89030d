//! The guides' examples are real: every YAML block in docs/ and the README is valid YAML,
//! and the blocks marked `<!-- diuji: PATH -->` form a site that checks with no problem.

#![allow(clippy::unwrap_used)]

mod common;
use common::*;

/// (marker path if any, text) of every ```yaml block in `markdown`, and of the front
/// matter of every ```markdown block.
fn yaml_blocks(markdown: &str) -> Vec<(Option<String>, String)> {
    let mut out = Vec::new();
    let mut lines = markdown.lines().peekable();
    let mut marker = None;
    while let Some(line) = lines.next() {
        if let Some(path) = line
            .strip_prefix("<!-- diuji: ")
            .and_then(|r| r.strip_suffix(" -->"))
        {
            marker = Some(path.to_owned());
            continue;
        }
        let fence = line.trim_start();
        if fence == "```yaml" || fence == "```markdown" {
            let mut text = String::new();
            for l in lines.by_ref() {
                if l.trim_start() == "```" {
                    break;
                }
                text.push_str(l);
                text.push('\n');
            }
            if fence == "```markdown" {
                // The YAML between the first two `---` lines.
                text = text.split("---\n").nth(1).unwrap_or_default().to_owned();
            }
            out.push((marker.take(), text));
        } else if !line.trim().is_empty() {
            marker = None;
        }
    }
    out
}

fn read(path: &str) -> String {
    std::fs::read_to_string(repo().join(path)).unwrap()
}

#[test]
fn every_yaml_example_in_the_guides_is_valid_yaml() {
    let mut count = 0;
    for doc in ["README.md", "docs/panduan.md", "docs/publikasi.md"] {
        for (_, text) in yaml_blocks(&read(doc)) {
            let parsed: Result<serde_yaml::Value, _> = serde_yaml::from_str(&text);
            assert!(parsed.is_ok(), "{doc}: {parsed:?}\n{text}");
            count += 1;
        }
    }
    // README 2, panduan 6 (with two front matters), publikasi 2.
    assert!(count >= 10, "only {count} YAML examples found");
}

#[test]
fn the_marked_examples_of_the_guide_build_without_any_problem() {
    let blocks: Vec<(String, String)> = yaml_blocks(&read("docs/panduan.md"))
        .into_iter()
        .filter_map(|(path, text)| Some((path?, text)))
        .collect();
    let paths: Vec<&str> = blocks.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(
        paths,
        [
            "content/desa.yaml",
            "content/anggaran/2025.yaml",
            "content/produk/keripik-balado.yaml",
            "content/umkm/kub-srikandi.yaml",
        ]
    );
    let files: Vec<(&str, &str)> = blocks
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    let dir = site(&files);
    // The photos the examples name: any real JPEG will do.
    let jpeg = walkdir::WalkDir::new(repo().join("content/foto"))
        .into_iter()
        .filter_map(Result::ok)
        .find(|e| e.path().extension().is_some_and(|x| x == "jpg"))
        .unwrap();
    for (_, text) in &blocks {
        for word in text.split(|c: char| c.is_whitespace() || "[],".contains(c)) {
            if word.starts_with("foto/") && word.ends_with(".jpg") {
                let target = dir.path().join("content").join(word);
                std::fs::create_dir_all(target.parent().unwrap()).unwrap();
                std::fs::copy(jpeg.path(), target).unwrap();
            }
        }
    }
    let out = papan(&["check", dir.path().to_str().unwrap()]);
    // The example desa.yaml has no base_url, which earns a note about order messages.
    let report = stderr(&out);
    assert!(
        !report.contains("kesalahan:") && !report.contains("peringatan:"),
        "{report}"
    );
    assert!(
        report.lines().any(|l| l.starts_with("Tidak ada masalah.")),
        "{report}"
    );
    assert_eq!(out.status.code(), Some(0));
}
