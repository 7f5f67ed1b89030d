//! Checking printed totals: every group amount the document printed must equal the sum of
//! the rows printed directly under it.
//!
//! In: the rows as read and the arranged budget. Out: one error per mismatch naming the file,
//! line, code, printed amount, computed amount and the difference, in Rupiah; or, when the
//! file says `selisih: dokumen`, one note per mismatch and the mismatch returned, to be
//! published beside the figure. Each group is
//! compared with what its children printed, as an accountant checks a document line by
//! line, so one wrong subtotal is reported once, not again at every level above it.

use super::{Budget, BudgetInput, Node, NodeKind, Section, Selisih};
use crate::diagnostic::{Diagnostics, Severity};
use crate::money::rupiah;
use rust_decimal::Decimal;

pub fn check(
    input: &BudgetInput,
    budget: &Budget,
    diags: &mut Diagnostics,
) -> Vec<(Section, Selisih)> {
    let mut found = Vec::new();
    for section in Section::ALL {
        let tree = budget.tree(section);
        for (index, node) in tree.nodes.iter().enumerate() {
            let (Some(line), NodeKind::Group, false) = (node.line, node.kind, node.unreadable)
            else {
                continue;
            };
            let children: Vec<&Node> = node.children.iter().map(|&c| &tree.nodes[c]).collect();
            let line = &input.lines[line];
            let printed_anggaran = node.printed.anggaran;
            let stated_anggaran: Decimal = children
                .iter()
                .map(|c| c.printed.anggaran.unwrap_or(c.amounts.anggaran))
                .sum();
            if let Some(printed) = printed_anggaran {
                let mismatch = compare(
                    input,
                    line,
                    node,
                    &children,
                    "anggaran",
                    printed,
                    stated_anggaran,
                    diags,
                );
                found.extend(mismatch.map(|mut s| {
                    s.node = index;
                    (section, s)
                }));
            }
            if let (Some(printed), Some(_)) = (node.printed.realisasi, node.amounts.realisasi) {
                let stated: Decimal = children
                    .iter()
                    .map(|c| {
                        c.printed
                            .realisasi
                            .or(c.amounts.realisasi)
                            .unwrap_or_default()
                    })
                    .sum();
                let mismatch = compare(
                    input,
                    line,
                    node,
                    &children,
                    "realisasi",
                    printed,
                    stated,
                    diags,
                );
                found.extend(mismatch.map(|mut s| {
                    s.node = index;
                    (section, s)
                }));
            }
        }
    }
    found
}

/// Reports a mismatch; returns it (its node to be filled in) when the file says
/// `selisih: dokumen`.
#[allow(clippy::too_many_arguments)]
fn compare(
    input: &BudgetInput,
    line: &super::Line,
    node: &Node,
    children: &[&Node],
    field: &'static str,
    printed: Decimal,
    computed: Decimal,
    diags: &mut Diagnostics,
) -> Option<Selisih> {
    if printed == computed {
        return None;
    }
    let difference = printed - computed;
    let direction = if difference > Decimal::ZERO {
        "lebih besar"
    } else {
        "lebih kecil"
    };
    let severity = if input.selisih_dokumen {
        Severity::Info
    } else {
        Severity::Error
    };
    let mut d = input
        .source
        .diagnostic(
            severity,
            input.field_location(line, field),
            format!(
                "{field} kode {} tercetak {}, tetapi jumlah rinciannya {} (selisih {}, angka tercetak {direction})",
                node.kode,
                rupiah(printed),
                rupiah(computed),
                rupiah(difference.abs()),
            ),
        )
        .note(format!("{} {}", node.kode, node.uraian));
    for child in children.iter().take(8) {
        let amount = match field {
            "anggaran" => child.printed.anggaran.unwrap_or(child.amounts.anggaran),
            _ => child
                .printed
                .realisasi
                .or(child.amounts.realisasi)
                .unwrap_or_default(),
        };
        d = d.note(format!(
            "  rincian {} {}: {}",
            child.kode,
            child.uraian,
            rupiah(amount)
        ));
    }
    if children.len() > 8 {
        d = d.note(format!("  … dan {} rincian lain", children.len() - 8));
    }
    if input.selisih_dokumen {
        diags.push(
            d.note("`selisih: dokumen`: diterbitkan dengan catatan selisih di samping angkanya"),
        );
        return Some(Selisih {
            node: 0,
            field,
            printed,
            computed,
        });
    }
    diags.push(d.hint(
        "bandingkan dengan dokumen asli: jika rinciannya benar, perbaiki jumlah di baris ini; jika jumlahnya benar, ada rincian yang terlewat atau salah ketik",
    ));
    None
}

#[cfg(test)]
mod tests {
    fn problems(text: &str) -> Vec<String> {
        let (_, diags) = crate::budget::from_text(text);
        diags.iter().map(|d| d.message.clone()).collect()
    }

    #[test]
    fn a_printed_total_that_differs_from_its_rows_is_reported_once() {
        // Bidang 02 printed 175 000 000; its rows 150 000 000 + 20 000 000 = 170 000 000:
        // 5 000 000 too much. Sub-bidang 02.03 printed correctly as 170 000 000.
        let got = problems(
            "tahun: 2025\nbelanja:\n  - { kode: \"02\", anggaran: 175000000 }\n  - { kode: \"02.03\", anggaran: 170000000 }\n  - { kode: \"02.03.10\", uraian: Jalan, anggaran: 150000000 }\n  - { kode: \"02.03.01\", uraian: Talud, anggaran: 20000000 }\n",
        );
        assert_eq!(
            got,
            [
                "anggaran kode 02 tercetak Rp 175.000.000, tetapi jumlah rinciannya Rp 170.000.000 (selisih Rp 5.000.000, angka tercetak lebih besar)"
            ]
        );
    }

    #[test]
    fn realisasi_totals_are_checked_too_and_matching_ones_pass() {
        // 02.03 printed realisasi 100; its rows 60 + 45 = 105: 5 too little.
        let got = problems(
            "tahun: 2025\ntahap: realisasi\nper_tanggal: 2025-12-31\nbelanja:\n  - { kode: \"02.03\", anggaran: 110, realisasi: 100 }\n  - { kode: \"02.03.10\", uraian: Jalan, anggaran: 60, realisasi: 60 }\n  - { kode: \"02.03.01\", uraian: Talud, anggaran: 50, realisasi: 45 }\n",
        );
        assert_eq!(
            got,
            [
                "realisasi kode 02.03 tercetak Rp 100, tetapi jumlah rinciannya Rp 105 (selisih Rp 5, angka tercetak lebih kecil)"
            ]
        );
        let none = problems(
            "tahun: 2025\nbelanja:\n  - { kode: \"02.03\", anggaran: 110 }\n  - { kode: \"02.03.10\", uraian: Jalan, anggaran: 60 }\n  - { kode: \"02.03.01\", uraian: Talud, anggaran: 50 }\n",
        );
        assert!(none.is_empty(), "{none:?}");
    }
}
