//! The budget template of a new site: `content/anggaran/TAHUN.yaml`.
//!
//! In: the year. Out: the text of a budget file at `tahap: anggaran` that lists every
//! Permendagri 20/2018 pendapatan and pembiayaan code and the five bidang of belanja, each
//! with an empty `anggaran:` and its official name in a comment, so a volunteer fills in
//! figures instead of looking codes up. Empty amounts count as zero, so the file builds as is.

use crate::reference::{CodeTable, Kodefikasi};
use std::fmt::Write as _;

/// The five bidang of belanja in Permendagri 20/2018.
const BIDANG: [&str; 5] = ["01", "02", "03", "04", "05"];

/// The whole budget file for `tahun`.
pub fn text(tahun: i32) -> String {
    let kodefikasi = Kodefikasi::Permendagri20;
    let (Some(rekening), Some(kegiatan)) = (kodefikasi.rekening(), kodefikasi.kegiatan()) else {
        unreachable!("Permendagri 20/2018 has code tables");
    };
    let mut out = header(tahun);
    out.push_str(PENDAPATAN_INTRO);
    out.push_str("pendapatan:\n");
    rows(&mut out, rekening, "4", "  ");
    out.push_str(BELANJA_INTRO);
    out.push_str("belanja:\n");
    for kode in BIDANG {
        row(&mut out, kode, kegiatan.name(kode).unwrap_or(""), "  ");
    }
    out.push_str(BELANJA_EXAMPLE);
    out.push_str(PEMBIAYAAN_INTRO);
    out.push_str("pembiayaan:\n  penerimaan:\n");
    rows(&mut out, rekening, "6.1", "    ");
    out.push_str("  pengeluaran:\n");
    rows(&mut out, rekening, "6.2", "    ");
    out
}

/// Every code strictly under `parent`, in the table's order.
fn rows(out: &mut String, table: &CodeTable, parent: &str, indent: &str) {
    let prefix = format!("{parent}.");
    for entry in table
        .entries()
        .iter()
        .filter(|e| e.kode.starts_with(&prefix))
    {
        row(out, entry.kode, entry.uraian, indent);
    }
}

fn row(out: &mut String, kode: &str, uraian: &str, indent: &str) {
    let code = format!("\"{kode}\"");
    let _ = writeln!(out, "{indent}- kode: {code:<9} # {uraian}");
    let _ = writeln!(out, "{indent}  anggaran:");
}

fn header(tahun: i32) -> String {
    format!(
        "\
# APBDes Tahun Anggaran {tahun}.
# Salin angka dari dokumen APBDes (Perdes APBDes) baris demi baris. Setiap baris memuat
# `kode` (kode rekening atau kode kegiatan, diapit tanda kutip) dan `anggaran` (jumlah
# dalam Rupiah, misalnya 850000000 atau 850.000.000). Baris dengan `anggaran:` kosong
# dihitung Rp 0; baris yang tidak ada di dokumen desa Anda boleh dihapus.
# Panduan dan arti setiap istilah: docs/panduan.md di repositori Papan.

tahun: {tahun}
# Daftar kode yang dipakai: permendagri-20-2018 (berlaku sekarang),
# permendagri-113-2014 (APBDes sampai 2019), atau bebas (kode desa sendiri).
kodefikasi: permendagri-20-2018
# Tahap dokumen: anggaran (APBDes yang ditetapkan), perubahan (APBDes Perubahan),
# realisasi-semester-1, atau realisasi (laporan realisasi akhir tahun).
# Untuk tahap realisasi, tambahkan `realisasi:` di setiap baris dan isi per_tanggal.
tahap: anggaran
# per_tanggal: {tahun}-12-31
# Dasar hukum APBDes, misalnya nomor Perdes.
# dasar_hukum: Perdes No. … Tahun {prev} tentang APBDes Tahun Anggaran {tahun}
",
        prev = tahun - 1
    )
}

const PENDAPATAN_INTRO: &str = "
# PENDAPATAN: semua kode pendapatan Permendagri 20/2018. Baris 4.1, 4.2 dan 4.3 adalah
# kelompok: biarkan kosong (dijumlahkan otomatis dari rinciannya) atau isi dengan jumlah
# yang tercetak di dokumen (Papan memeriksa apakah jumlahnya cocok).
";

const BELANJA_INTRO: &str = "
# BELANJA: satu baris per bidang. Tambahkan kegiatan di bawah bidangnya dengan kode
# bidang.sub-bidang.kegiatan seperti di dokumen APBDes; jumlah bidang yang diisi
# diperiksa terhadap jumlah kegiatan di bawahnya.
";

const BELANJA_EXAMPLE: &str = "  # Contoh baris kegiatan (hapus tanda # di awal baris untuk memakainya):
  # - kode: \"02.03.10\"       # bidang 02 . sub-bidang 03 . kegiatan 10
  #   uraian: Pengerasan Jalan Dusun Satu
  #   jenis: \"5.3.5\"         # jenis belanja: 5.1 pegawai, 5.2 barang/jasa, 5.3 modal, 5.4 tak terduga
  #   sumber_dana: DDS       # DDS (Dana Desa), ADD, PBH, PAD, PBK, PBP, SWD, DLL, SILPA
  #   lokasi: Dusun Satu
  #   anggaran: 150.000.000
  # - kode: \"01.01.01\"       # Penyediaan Penghasilan Tetap dan Tunjangan Kepala Desa
  #   jenis: \"5.1.1\"
  #   sumber_dana: ADD
  #   anggaran: 36.000.000
";

const PEMBIAYAAN_INTRO: &str = "
# PEMBIAYAAN: penerimaan (misalnya SiLPA tahun lalu) dan pengeluaran (misalnya
# penyertaan modal BUMDes).
";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Diagnostics;
    use crate::source::SourceFile;

    #[test]
    fn lists_every_pendapatan_and_pembiayaan_code_once_in_its_section() {
        let text = text(2026);
        // 20/2018 has 3 groups and 16 rincian under 4, 4 codes under 6.1 and 3 under 6.2
        // (counted in src/reference/rekening-permendagri-20-2018.tsv).
        assert_eq!(text.matches("  - kode: \"4.").count(), 19);
        assert_eq!(text.matches("    - kode: \"6.1.").count(), 4);
        assert_eq!(text.matches("    - kode: \"6.2.").count(), 3);
        assert!(text.contains("  - kode: \"4.2.1\"   # Dana Desa\n    anggaran:\n"));
        assert!(text.contains("  - kode: \"03\"      # Bidang Pembinaan Kemasyarakatan"));
        let penerimaan = text.find("  penerimaan:").unwrap();
        let pengeluaran = text.find("  pengeluaran:").unwrap();
        let silpa = text.find("\"6.1.1\"").unwrap();
        let modal = text.find("\"6.2.2\"").unwrap();
        assert!(penerimaan < silpa && silpa < pengeluaran && pengeluaran < modal);
    }

    #[test]
    fn loads_without_any_problem() {
        let src = SourceFile::new("content/anggaran/2026.yaml", text(2026));
        let mut diags = Diagnostics::new();
        let budget = crate::budget::load(src, crate::budget::TEST_TODAY, &mut diags).unwrap();
        // Only the reminder that no figure is filled in yet.
        let said: Vec<&str> = diags.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            said,
            ["APBDes 2026 belum diisi: semua jumlahnya kosong atau nol"],
            "{}",
            diags.report()
        );
        assert_eq!(budget.tahun, 2026);
        assert_eq!(budget.belanja.roots.len(), 5);
    }
}
