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
