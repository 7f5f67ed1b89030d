//! Arranging budget rows into one tree per section, by code.
//!
//! In: a [`BudgetInput`]. Out: a [`Budget`] whose trees hold every row, the official groups
//! the file left out (so the table has the official layout: bidang, sub-bidang, kegiatan),
//! and the amounts of every group computed from the rows below it. Code problems, rows
//! that repeat, and kegiatan a village added go to the diagnostics.

use super::codes::{self, Known};
use super::rows::{self, Checked};
use super::{Amounts, Budget, BudgetInput, Node, NodeKind, Printed, Section, Tree};
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
    let kegiatan = super::kegiatan::index(input.kodefikasi, &belanja);
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
        kegiatan,
    }
}

fn build_section(input: &BudgetInput, section: Section, diags: &mut Diagnostics) -> Tree {
    let rows = rows::check(input, section, diags);
    let mut by_code: BTreeMap<Code, Vec<&Checked>> = BTreeMap::new();
    for row in &rows {
        by_code.entry(row.line.kode.clone()).or_default().push(row);
    }
    let synthesized = missing_groups(input.kodefikasi, section, &by_code);
    let mut codes: Vec<&Code> = by_code.keys().chain(synthesized.keys()).collect();
    codes.sort();
    let mut b = Builder {
        input,
        with_realisasi: input.tahap.has_realisasi(),
        nodes: Vec::new(),
        anchor: HashMap::new(),
        attached: Vec::new(),
    };
    for (pos, &code) in codes.iter().enumerate() {
        if let Some(name) = synthesized.get(code) {
            b.added_group(code, name);
            continue;
        }
        let has_children = codes
            .get(pos + 1)
            .is_some_and(|next| code.is_ancestor_of(next));
        let rows = &by_code[code];
        report_duplicates(input, rows, diags);
        let shared_kegiatan =
            section == Section::Belanja && input.kodefikasi.kegiatan_depth() == Some(code.depth());
        if rows.len() == 1 || has_children {
            b.one(code, rows, diags);
        } else if shared_kegiatan {
            b.kegiatan_with_rincian(code, section, rows);
        } else {
            b.repeated(code, rows, diags);
        }
    }
    let roots = link_parents(&mut b.nodes, &b.attached, &b.anchor);
    let mut tree = Tree {
        nodes: b.nodes,
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

/// The nodes of a section as they are placed, in code order.
struct Builder<'a> {
    input: &'a BudgetInput,
    with_realisasi: bool,
    nodes: Vec<Node>,
    /// The node that rows further down the code hierarchy attach to.
    anchor: HashMap<Code, usize>,
    /// Whether each node already hangs under its parent (rincian under their kegiatan).
    attached: Vec<bool>,
}

impl Builder<'_> {
    fn push(&mut self, node: Node, attached: bool) -> usize {
        self.nodes.push(node);
        self.attached.push(attached);
        self.nodes.len() - 1
    }

    /// A group from the official table that the file left out.
    fn added_group(&mut self, code: &Code, name: &str) {
        let i = self.push(
            group_node(code.clone(), name.to_owned(), self.with_realisasi),
            false,
        );
        self.anchor.insert(code.clone(), i);
    }

    /// One row for the code (a group written twice is reported, its first row kept).
    fn one(&mut self, code: &Code, rows: &[&Checked], diags: &mut Diagnostics) {
        if rows.len() > 1 {
            diags.push(
                self.input
                    .source
                    .error(rows[1].line.location, format!("kode {code} ditulis di {} baris padahal ada baris lain di bawahnya", rows.len()))
                    .note(lines_note(rows))
                    .hint("sebuah kelompok hanya boleh ditulis sekali; gabungkan barisnya atau perbaiki kodenya"),
            );
        }
        let i = self.push(
            row_node(rows[0], NodeKind::Leaf, self.with_realisasi),
            false,
        );
        self.anchor.insert(code.clone(), i);
    }

    /// Rincian of one kegiatan: a group for the kegiatan with a row per rincian. When every
    /// row carries the same uraian, it names the kegiatan and the rincian are named by
    /// their jenis belanja.
    fn kegiatan_with_rincian(&mut self, code: &Code, section: Section, rows: &[&Checked]) {
        let common = rows
            .iter()
            .all(|r| r.uraian == rows[0].uraian)
            .then(|| rows[0].uraian.clone());
        let name = match (&common, codes::check(self.input.kodefikasi, section, code)) {
            (Some(u), _) => u.clone(),
            (None, Ok(Known::Official(name))) => name.to_owned(),
            (None, _) => rows[0].uraian.clone(),
        };
        let group = self.push(group_node(code.clone(), name, self.with_realisasi), false);
        self.anchor.insert(code.clone(), group);
        for row in rows {
            let mut node = row_node(row, NodeKind::Rincian, self.with_realisasi);
            if common.is_some() {
                node.uraian = rincian_name(row);
            }
            let index = self.push(node, true);
            self.nodes[group].children.push(index);
        }
    }

    /// Several rows share a code that is neither a group nor a kegiatan: all are counted.
    fn repeated(&mut self, code: &Code, rows: &[&Checked], diags: &mut Diagnostics) {
        diags.push(
            self.input
                .source
                .warning(
                    rows[1].line.location,
                    format!("kode {code} dipakai di {} baris", rows.len()),
                )
                .note(lines_note(rows))
                .hint("semua baris tetap dihitung; periksa penomoran di dokumen asli"),
        );
        self.anchor.insert(code.clone(), self.nodes.len());
        for row in rows {
            self.push(row_node(row, NodeKind::Leaf, self.with_realisasi), false);
        }
    }
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

#[cfg(test)]
mod tests {
    use crate::budget::{Budget, NodeKind};
    use crate::diagnostic::Diagnostics;
    use rust_decimal::Decimal;

    fn load(text: &str) -> (Budget, Diagnostics) {
        crate::budget::from_text(text)
    }

    /// (code, kind, anggaran, depth) of every belanja row, in table order.
    fn rows(b: &Budget) -> Vec<(String, NodeKind, Decimal, usize)> {
        b.belanja
            .walk()
            .into_iter()
            .map(|(i, depth)| {
                let n = &b.belanja.nodes[i];
                (n.kode.to_string(), n.kind, n.amounts.anggaran, depth)
            })
            .collect()
    }

    #[test]
    fn official_groups_are_added_and_summed_from_their_rows() {
        let (b, diags) = load(
            "tahun: 2025\nbelanja:\n  - { kode: \"02.03.10\", uraian: Jalan, anggaran: 150 }\n  - { kode: \"02.03.11\", uraian: Talud, anggaran: 20 }\n  - { kode: \"01.01.01\", anggaran: 300 }\n",
        );
        assert!(!diags.has_errors(), "{}", diags.report());
        let d = Decimal::from;
        assert_eq!(
            rows(&b),
            [
                ("01".into(), NodeKind::Group, d(300), 0),
                ("01.01".into(), NodeKind::Group, d(300), 1),
                ("01.01.01".into(), NodeKind::Leaf, d(300), 2),
                ("02".into(), NodeKind::Group, d(170), 0),
                ("02.03".into(), NodeKind::Group, d(170), 1),
                ("02.03.10".into(), NodeKind::Leaf, d(150), 2),
                ("02.03.11".into(), NodeKind::Leaf, d(20), 2),
            ]
        );
        // 01.01 and 02.03 are named from the official table, not written in the file.
        assert_eq!(b.belanja.nodes[1].line, None);
        assert_eq!(b.belanja.total(false).anggaran, d(470));
    }

    #[test]
    fn rows_sharing_a_kegiatan_code_are_its_rincian() {
        let (b, diags) = load(
            "tahun: 2025\nbelanja:\n  - { kode: \"02.03.10\", uraian: Jalan, jenis: \"5.3.5\", anggaran: 150 }\n  - { kode: \"02.03.10\", uraian: Jalan, jenis: \"5.2.2\", anggaran: 20 }\n",
        );
        assert!(!diags.has_errors(), "{}", diags.report());
        let kegiatan = &b.belanja.nodes[b.kegiatan[&crate::code::Code::parse("02.03.10").unwrap()]];
        assert_eq!(kegiatan.kind, NodeKind::Group);
        // 150 + 20.
        assert_eq!(kegiatan.amounts.anggaran, Decimal::from(170));
        let rincian: Vec<(&str, NodeKind)> = kegiatan
            .children
            .iter()
            .map(|&c| (b.belanja.nodes[c].uraian.as_str(), b.belanja.nodes[c].kind))
            .collect();
        // The uraian only repeats the kegiatan, so each rincian is named by its jenis.
        assert_eq!(rincian.len(), 2);
        assert!(rincian.iter().all(|(_, k)| *k == NodeKind::Rincian));
        assert_ne!(rincian[0].0, "Jalan");
    }

    #[test]
    fn the_same_row_written_twice_is_an_error() {
        let (_, diags) = load(
            "tahun: 2025\nbelanja:\n  - { kode: \"02.03.10\", uraian: Jalan, anggaran: 150 }\n  - { kode: \"02.03.10\", uraian: Jalan, anggaran: 150 }\n",
        );
        let messages: Vec<&str> = diags.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "baris ganda: kode 02.03.10 sudah ditulis dengan uraian, jenis dan sumber dana yang sama di baris ke-3"
            ]
        );
    }
}
