//! Arranging budget rows into one tree per section, by code.
//!
//! In: a [`BudgetInput`]. Out: a [`Budget`] whose trees hold every row, the official groups
//! the file left out (so the table has the official layout: bidang, sub-bidang, kegiatan),
//! and the amounts of every group computed from the rows below it. Code problems, rows
//! that repeat, and kegiatan a village added go to the diagnostics.

use super::codes::{self, Known};
use super::{Amounts, Budget, BudgetInput, Line, Node, NodeKind, Printed, Section, Tree};
use crate::code::Code;
use crate::diagnostic::Diagnostics;
use crate::reference::Kodefikasi;
use std::collections::{BTreeMap, HashMap};

pub fn build(input: &BudgetInput, diags: &mut Diagnostics) -> Budget {
    let mut tree = |section| build_section(input, section, diags);
    let (pendapatan, belanja, penerimaan, pengeluaran) = (
        tree(Section::Pendapatan),
        tree(Section::Belanja),
        tree(Section::Penerimaan),
        tree(Section::Pengeluaran),
    );
    Budget {
        tahun: input.tahun,
        kodefikasi: input.kodefikasi,
        tahap: input.tahap,
        per_tanggal: input.per_tanggal,
        dasar_hukum: input.dasar_hukum.clone(),
        keterangan: input.keterangan.clone(),
        source: input.source.path.clone(),
        pendapatan,
        belanja,
        penerimaan,
        pengeluaran,
    }
}

/// A row that passed the code checks, with the names it will be shown with.
struct Checked<'a> {
    index: usize,
    line: &'a Line,
    uraian: String,
    jenis_uraian: Option<&'static str>,
}

fn build_section(input: &BudgetInput, section: Section, diags: &mut Diagnostics) -> Tree {
    let rows = check_rows(input, section, diags);
    let mut by_code: BTreeMap<Code, Vec<&Checked>> = BTreeMap::new();
    for row in &rows {
        by_code.entry(row.line.kode.clone()).or_default().push(row);
    }
    let synthesized = missing_groups(input.kodefikasi, section, &by_code);
    let mut codes: Vec<&Code> = by_code.keys().chain(synthesized.keys()).collect();
    codes.sort();

    let with_realisasi = input.tahap.has_realisasi();
    let mut nodes: Vec<Node> = Vec::new();
    // The node that rows further down the code hierarchy attach to.
    let mut anchor: HashMap<Code, usize> = HashMap::new();
    let mut attached: Vec<bool> = Vec::new();
    for (pos, code) in codes.iter().enumerate() {
        let has_children = codes
            .get(pos + 1)
            .is_some_and(|next| code.is_ancestor_of(next));
        if let Some(name) = synthesized.get(*code) {
            anchor.insert((*code).clone(), nodes.len());
            nodes.push(group_node(
                (*code).clone(),
                (*name).to_owned(),
                with_realisasi,
            ));
            attached.push(false);
            continue;
        }
        let rows = &by_code[*code];
        report_duplicates(input, rows, diags);
        let shared_kegiatan =
            section == Section::Belanja && input.kodefikasi.kegiatan_depth() == Some(code.depth());
        if rows.len() == 1 || has_children {
            if rows.len() > 1 {
                let r = rows[1].line;
                diags.push(
                    input
                        .source
                        .error(r.location, format!("kode {code} ditulis di {} baris padahal ada baris lain di bawahnya", rows.len()))
                        .note(lines_note(rows))
                        .hint("sebuah kelompok hanya boleh ditulis sekali; gabungkan barisnya atau perbaiki kodenya"),
                );
            }
            anchor.insert((*code).clone(), nodes.len());
            nodes.push(row_node(rows[0], NodeKind::Leaf, with_realisasi));
            attached.push(false);
        } else if shared_kegiatan {
            // Rincian of one kegiatan: a group for the kegiatan with a row per rincian. When
            // every row carries the same uraian, it names the kegiatan and the rincian are
            // named by their jenis belanja.
            let common = rows
                .iter()
                .all(|r| r.uraian == rows[0].uraian)
                .then(|| rows[0].uraian.clone());
            let name = match (&common, codes::check(input.kodefikasi, section, code)) {
                (Some(u), _) => u.clone(),
                (None, Ok(Known::Official(name))) => name.to_owned(),
                (None, _) => rows[0].uraian.clone(),
            };
            let group = nodes.len();
            anchor.insert((*code).clone(), group);
            nodes.push(group_node((*code).clone(), name, with_realisasi));
            attached.push(false);
            for row in rows {
                let mut node = row_node(row, NodeKind::Rincian, with_realisasi);
                if common.is_some() {
                    node.uraian = rincian_name(row);
                }
                let index = nodes.len();
                nodes[group].children.push(index);
                nodes.push(node);
                attached.push(true);
            }
        } else {
            diags.push(
                input
                    .source
                    .warning(
                        rows[1].line.location,
                        format!("kode {code} dipakai di {} baris", rows.len()),
                    )
                    .note(lines_note(rows))
                    .hint("semua baris tetap dihitung; periksa penomoran di dokumen asli"),
            );
            anchor.insert((*code).clone(), nodes.len());
            for row in rows {
                nodes.push(row_node(row, NodeKind::Leaf, with_realisasi));
                attached.push(false);
            }
        }
    }
    let roots = link_parents(&mut nodes, &attached, &anchor);
    let mut tree = Tree {
        nodes,
        roots,
        ..Tree::default()
    };
    let roots = tree.roots.clone();
    for root in roots {
        compute(&mut tree.nodes, root);
    }
    warn_missing_realisasi(input, &tree, diags);
    tree
}

/// Checks each row's code and jenis, and finds the name it is shown with.
fn check_rows<'a>(
    input: &'a BudgetInput,
    section: Section,
    diags: &mut Diagnostics,
) -> Vec<Checked<'a>> {
    let src = &input.source;
    let mut rows = Vec::new();
    for (index, line) in input
        .lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.section == section)
    {
        let kode_at = input.field_location(line, "kode");
        let known = match codes::check(input.kodefikasi, section, &line.kode) {
            Ok(known) => known,
            Err(p) => {
                let mut d = src.error(kode_at, p.message);
                if let Some(h) = p.hint {
                    d = d.hint(h);
                }
                diags.push(d);
                continue;
            }
        };
        let official = match known {
            Known::Official(name) => Some(name),
            _ => None,
        };
        if known == Known::VillageKegiatan {
            diags.push(
                src.warning(kode_at, format!("kegiatan {} tidak ada dalam {}; dianggap kegiatan tambahan desa", line.kode, input.kodefikasi.title()))
                    .hint("jika ini salah ketik, perbaiki kodenya; jika memang kegiatan tambahan desa, peringatan ini boleh diabaikan"),
            );
        }
        let uraian = match (&line.uraian, official) {
            (Some(u), _) => u.clone(),
            (None, Some(name)) => name.to_owned(),
            (None, None) => {
                diags.push(
                    src.error(line.location, format!("baris kode {} tidak punya uraian", line.kode))
                        .hint("kode ini tidak ada di daftar kode resmi, jadi namanya harus ditulis: tambahkan `uraian: …`"),
                );
                format!("Kode {}", line.kode)
            }
        };
        let jenis_uraian = match &line.jenis {
            None => None,
            Some(_) if section != Section::Belanja => {
                diags.push(
                    src.error(
                        input.field_location(line, "jenis"),
                        "`jenis` hanya dipakai di baris belanja",
                    )
                    .hint("hapus `jenis` dari baris ini"),
                );
                None
            }
            Some(jenis) => match codes::check_jenis(input.kodefikasi, jenis) {
                Ok(name) => name,
                Err(p) => {
                    let mut d = src.error(input.field_location(line, "jenis"), p.message);
                    if let Some(h) = p.hint {
                        d = d.hint(h);
                    }
                    diags.push(d);
                    None
                }
            },
        };
        rows.push(Checked {
            index,
            line,
            uraian,
            jenis_uraian,
        });
    }
    rows
}

/// Official groups above the written rows that the file does not list itself: the bidang
/// and sub-bidang of every kegiatan, the kelompok of every pendapatan. Not the one-digit
/// heads (`4 PENDAPATAN`): the section total plays that part.
fn missing_groups(
    k: Kodefikasi,
    section: Section,
    by_code: &BTreeMap<Code, Vec<&Checked>>,
) -> BTreeMap<Code, &'static str> {
    let table = match section {
        Section::Belanja => k.kegiatan(),
        _ => k.rekening(),
    };
    let Some(table) = table else {
        return BTreeMap::new();
    };
    let min_depth = if section == Section::Belanja { 1 } else { 2 };
    let mut out = BTreeMap::new();
    for code in by_code.keys() {
        let mut parent = code.parent();
        while let Some(p) = parent {
            if p.depth() < min_depth || by_code.contains_key(&p) {
                break;
            }
            if let Some(name) = table.name(p.as_str()) {
                out.insert(p.clone(), name);
            }
            parent = p.parent();
        }
    }
    out
}

fn group_node(kode: Code, uraian: String, with_realisasi: bool) -> Node {
    Node {
        kode,
        uraian,
        kind: NodeKind::Group,
        jenis: None,
        jenis_uraian: None,
        sumber_dana: None,
        lokasi: None,
        keterangan: None,
        printed: Printed::default(),
        amounts: Amounts::zero(with_realisasi),
        children: Vec::new(),
        line: None,
        unreadable: false,
    }
}

fn row_node(row: &Checked, kind: NodeKind, with_realisasi: bool) -> Node {
    let line = row.line;
    Node {
        kode: line.kode.clone(),
        uraian: row.uraian.clone(),
        kind,
        jenis: line.jenis.clone(),
        jenis_uraian: row.jenis_uraian,
        sumber_dana: line.sumber_dana,
        lokasi: line.lokasi.clone(),
        keterangan: line.keterangan.clone(),
        printed: Printed {
            anggaran: line.anggaran,
            realisasi: line.realisasi,
        },
        amounts: Amounts::new(
            line.anggaran.unwrap_or_default(),
            with_realisasi.then(|| line.realisasi.unwrap_or_default()),
        ),
        children: Vec::new(),
        line: Some(row.index),
        unreadable: line.unreadable,
    }
}

/// A rincian row whose uraian only repeats the kegiatan is named by its jenis belanja.
fn rincian_name(row: &Checked) -> String {
    match (row.jenis_uraian, row.line.sumber_dana) {
        (Some(jenis), _) => jenis.to_owned(),
        (None, Some(sd)) => format!("Rincian {}", sd.kode),
        (None, None) => row.uraian.clone(),
    }
}

fn lines_note(rows: &[&Checked]) -> String {
    let lines: Vec<String> = rows
        .iter()
        .filter_map(|r| r.line.location.map(|l| l.line.to_string()))
        .collect();
    format!("baris ke-{}", lines.join(", "))
}

/// What makes two rows sharing a code the same row: jenis, sumber dana, uraian, lokasi.
type RowKey<'a> = (Option<&'a Code>, Option<&'a str>, &'a str, Option<&'a str>);

/// Two rows with the same code, jenis, sumber dana, uraian and lokasi are the same row
/// written twice.
fn report_duplicates(input: &BudgetInput, rows: &[&Checked], diags: &mut Diagnostics) {
    // A hash look-up per row, however many rows share a code.
    let mut first: HashMap<RowKey, &Checked> = HashMap::new();
    for later in rows {
        let l = later.line;
        let key = (
            l.jenis.as_ref(),
            l.sumber_dana.map(|s| s.kode),
            later.uraian.as_str(),
            l.lokasi.as_deref(),
        );
        let Some(first) = first.get(&key) else {
            first.insert(key, later);
            continue;
        };
        let first_line = first
            .line
            .location
            .map_or("?".to_owned(), |l| l.line.to_string());
        diags.push(
            input
                .source
                .error(later.line.location, format!("baris ganda: kode {} sudah ditulis dengan uraian, jenis dan sumber dana yang sama di baris ke-{first_line}", later.line.kode))
                .hint("hapus salah satunya; baris yang berbagi kode kegiatan harus berbeda jenis belanja, sumber dana atau uraiannya"),
        );
    }
}

/// Attaches each node to the nearest written or added ancestor code; returns the roots.
fn link_parents(
    nodes: &mut [Node],
    attached: &[bool],
    anchor: &HashMap<Code, usize>,
) -> Vec<usize> {
    let mut roots = Vec::new();
    for i in 0..nodes.len() {
        if attached[i] {
            continue;
        }
        let mut parent = nodes[i].kode.parent();
        let mut found = None;
        while let Some(p) = parent {
            if let Some(&a) = anchor.get(&p) {
                found = Some(a);
                break;
            }
            parent = p.parent();
        }
        match found {
            Some(a) => nodes[a].children.push(i),
            None => roots.push(i),
        }
    }
    roots
}

/// Sums children into groups, bottom-up; a written group keeps what it printed in `printed`.
fn compute(nodes: &mut Vec<Node>, i: usize) {
    let children = nodes[i].children.clone();
    if children.is_empty() {
        return;
    }
    for &c in &children {
        compute(nodes, c);
    }
    let with_realisasi = nodes[i].amounts.realisasi.is_some();
    let sum = children
        .iter()
        .map(|&c| nodes[c].amounts)
        .fold(Amounts::zero(with_realisasi), |a, b| a + b);
    let unreadable = children.iter().any(|&c| nodes[c].unreadable);
    let node = &mut nodes[i];
    node.kind = NodeKind::Group;
    node.amounts = sum;
    node.unreadable |= unreadable;
}

/// In a realisasi document, a row without realisasi is shown as 0: say so.
fn warn_missing_realisasi(input: &BudgetInput, tree: &Tree, diags: &mut Diagnostics) {
    if !input.tahap.has_realisasi() {
        return;
    }
    for node in tree.leaves() {
        let Some(line) = node.line.map(|i| &input.lines[i]) else {
            continue;
        };
        if line.realisasi.is_none() && !line.unreadable {
            diags.push(
                input
                    .source
                    .warning(
                        line.location,
                        format!(
                            "baris kode {} tidak punya realisasi; dianggap Rp 0",
                            line.kode
                        ),
                    )
                    .hint("tulis `realisasi: 0` jika memang belum ada realisasi"),
            );
        }
    }
}
