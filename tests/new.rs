//! `papan new` through the real binary: the new site builds at once with no problem at all,
//! the year follows SOURCE_DATE_EPOCH or --tahun, and a folder with files is refused.

#![allow(clippy::unwrap_used)]

mod common;
use common::*;
use std::process::Command;

fn new_site(args: &[&str], epoch: &str) -> (tempfile::TempDir, std::process::Output) {
    let parent = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_papan"))
        .arg("new")
        .arg(parent.path().join("desa-baru"))
        .args(args)
        .env("SOURCE_DATE_EPOCH", epoch)
        .output()
        .unwrap();
    (parent, out)
}

#[test]
fn a_new_site_builds_with_zero_errors_and_says_its_budget_is_not_filled_in() {
    // 1,767,202,200 s is 2025-12-31 17:30 UTC, already 1 January 2026 in WIB (UTC+7).
    let (parent, out) = new_site(&[], "1767202200");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let site = parent.path().join("desa-baru");
    let said = stdout(&out);
    assert!(said.contains("Langkah berikutnya:"), "{said}");
    assert!(said.contains("papan serve"), "{said}");
    assert!(said.contains("content/anggaran/2026.yaml"), "{said}");
    for file in [
        ".gitignore",
        ".github/workflows/papan.yml",
        "content/desa.yaml",
        "content/anggaran/2026.yaml",
        "content/laporan/contoh-kegiatan.md",
        "content/produk/contoh-produk.yaml",
        "content/umkm/contoh-umkm.yaml",
        "content/halaman/profil.md",
    ] {
        assert!(site.join(file).is_file(), "{file}");
    }
    let report = std::fs::read_to_string(site.join("content/laporan/contoh-kegiatan.md")).unwrap();
    assert!(report.contains("\ntanggal: 2026-01-01\n"), "{report}");

    // Zero errors, and one warning: the budget still has to be filled in. Notes (catatan)
    // are information only: without base_url, for one, order messages cannot carry the
    // product page's address.
    let blank = "peringatan: APBDes 2026 belum diisi: semua jumlahnya kosong atau nol\n  --> content/anggaran/2026.yaml\n   = saran: salin angka `anggaran:` tiap baris dari dokumen APBDes; sampai terisi, tahun ini tidak ditampilkan di beranda\n";
    let check = papan(&["check", site.to_str().unwrap()]);
    assert_eq!(check.status.code(), Some(0));
    let report = stderr(&check);
    assert!(!report.contains("kesalahan:"), "{report}");
    assert_eq!(report.matches("peringatan:").count(), 1, "{report}");
    assert!(report.contains(blank), "{report}");
    let build = papan(&["build", site.to_str().unwrap()]);
    assert_eq!(build.status.code(), Some(0), "{}", stderr(&build));
    assert_eq!(
        stderr(&build).matches("peringatan:").count(),
        1,
        "{}",
        stderr(&build)
    );
    assert!(site.join("output/anggaran/2026/index.html").is_file());
    // Not Rp 0 as the village's headline: the home page waits for the figures.
    let home = std::fs::read_to_string(site.join("output/index.html")).unwrap();
    assert!(
        home.contains("Belum ada data anggaran yang diterbitkan.") && !home.contains("APBDes 2026"),
        "{home}"
    );
}

#[test]
fn the_workflow_downloads_this_version_checks_it_and_caches_it_and_the_photos() {
    let (parent, out) = new_site(&["--tahun", "2024"], "1767202200");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let site = parent.path().join("desa-baru");
    assert!(site.join("content/anggaran/2024.yaml").is_file());
    assert!(!site.join("content/anggaran/2026.yaml").exists());
    let wf = std::fs::read_to_string(site.join(".github/workflows/papan.yml")).unwrap();
    let version = env!("CARGO_PKG_VERSION");
    assert!(wf.contains(&format!("PAPAN_VERSI: \"{version}\"")), "{wf}");
    assert!(wf.contains("PAPAN_REPOSITORI: \"https://github.com/papan-desa/papan\""));
    assert!(wf.contains("branches: [main]"));
    // The release archive of this version, for the runner's processor...
    assert!(wf.contains("path: ~/.papan/bin"));
    assert!(wf.contains("key: papan-${{ runner.os }}-${{ runner.arch }}-${{ env.PAPAN_VERSI }}"));
    assert!(wf.contains("if: steps.cache-papan.outputs.cache-hit != 'true'"));
    assert!(wf.contains("x86_64) target=x86_64-unknown-linux-musl ;;"));
    assert!(wf.contains("nama=\"papan-$PAPAN_VERSI-$target\""));
    assert!(wf.contains("alamat=\"$PAPAN_REPOSITORI/releases/download/v$PAPAN_VERSI\""));
    assert!(wf.contains("--output \"$nama.tar.gz\" \"$alamat/$nama.tar.gz\""));
    // ...checked against the release's sums (or a pinned one) before it runs...
    assert!(wf.contains("--output SHA256SUMS \"$alamat/SHA256SUMS\""));
    assert!(wf.contains("echo \"$PAPAN_SHA256  $nama.tar.gz\" > sidik.txt"));
    assert!(wf.contains("sha256sum --check --strict sidik.txt"));
    // ...compiled only when the version has no archive...
    assert!(wf.contains("if: steps.unduh.outputs.ada == 'tidak'"));
    assert!(
        wf.contains("--root ~/.papan --git \"$PAPAN_REPOSITORI\" --tag \"v$PAPAN_VERSI\" papan")
    );
    // ...and the processed photos are kept between runs.
    assert!(
        wf.contains("path: .papan-cache\n          key: papan-foto-${{ hashFiles('content/**') }}")
    );
    assert!(wf.contains("run: papan build"));
    assert!(wf.contains("uses: actions/upload-pages-artifact@"));
    assert!(wf.contains("uses: actions/deploy-pages@"));
    let ignore = std::fs::read_to_string(site.join(".gitignore")).unwrap();
    assert!(ignore.lines().any(|l| l == "/output/"), "{ignore}");
}

#[test]
fn a_folder_with_files_is_refused_and_left_alone() {
    let dir = site(&[("catatan.txt", "milik pengguna")]);
    let out = papan(&["new", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).starts_with(&format!(
            "kesalahan: folder {} tidak kosong; Papan hanya membuat situs baru di folder kosong\n",
            dir.path().display()
        )),
        "{}",
        stderr(&out)
    );
    assert_eq!(snapshot(dir.path()).len(), 1);
    // An empty folder that already exists is fine.
    let empty = tempfile::tempdir().unwrap();
    let out = papan(&["new", empty.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}
