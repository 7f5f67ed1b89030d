#!/usr/bin/env python3
"""Expected figures for `papan impor`, worked out from the source files themselves.

Reads every village in ../shared/realdata/siskeudes-2017/ (the Siskeudes CSV zip, or the
APBDes .xlsx) and the Sideka TSV with the standard library only (no Papan code, no
spreadsheet library), and prints one line per figure:

    village <TAB> figure <TAB> amount

figure: tahap, pendapatan, belanja, penerimaan, pengeluaran, bidang:KODE.
The result is kept in tests/fixtures/impor/expected.tsv; tests/impor_real.rs checks that
the imported and built budgets show the same figures.

    python3 scripts/cek-impor.py ../shared/realdata > tests/fixtures/impor/expected.tsv
"""
import csv
import io
import re
import sys
import zipfile
import xml.etree.ElementTree as ET
from decimal import Decimal, ROUND_HALF_EVEN
from pathlib import Path

SEN = Decimal("0.01")


def money(text):
    return Decimal(text or "0").quantize(SEN, rounding=ROUND_HALF_EVEN)


def section(rekening):
    if rekening.startswith("4"):
        return "pendapatan"
    if rekening.startswith("5"):
        return "belanja"
    if rekening.startswith("6.1"):
        return "penerimaan"
    if rekening.startswith("6.2"):
        return "pengeluaran"
    return None


def from_zip(path):
    """Σ Ta_RABRinci per section; AnggaranStlhPAK when any line changed in the perubahan."""
    zf = zipfile.ZipFile(path)
    rows = list(csv.DictReader(io.StringIO(zf.read("Ta_RABRinci.csv").decode("utf-8-sig"))))
    desa = list(csv.DictReader(io.StringIO(zf.read("Ta_Desa.csv").decode("utf-8-sig"))))[0]
    perubahan = any(money(r["Anggaran"]) != money(r["AnggaranStlhPAK"]) for r in rows)
    column = "AnggaranStlhPAK" if perubahan else "Anggaran"
    prefix = desa["Kd_Desa"]
    out = {"tahap": "perubahan" if perubahan else "anggaran"}
    for name in ("pendapatan", "belanja", "penerimaan", "pengeluaran"):
        out[name] = Decimal(0)
    for r in rows:
        s = section(r["Kd_Rincian"])
        amount = money(r[column])
        out[s] += amount
        if s == "belanja":
            bidang = r["Kd_Keg"][len(prefix):].split(".")[0]
            key = "bidang:" + bidang
            out[key] = out.get(key, Decimal(0)) + amount
    return out


NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


def sheet_rows(path):
    zf = zipfile.ZipFile(path)
    shared = []
    if "xl/sharedStrings.xml" in zf.namelist():
        for si in ET.fromstring(zf.read("xl/sharedStrings.xml")).iter(NS + "si"):
            shared.append("".join(t.text or "" for t in si.iter(NS + "t")))
    root = ET.fromstring(zf.read("xl/worksheets/sheet1.xml"))
    for row in root.iter(NS + "row"):
        cells = {}
        for c in row.iter(NS + "c"):
            col = re.match(r"[A-Z]+", c.get("r")).group(0)
            v = c.find(NS + "v")
            if c.get("t") == "inlineStr":
                cells[col] = "".join(t.text or "" for t in c.iter(NS + "t"))
            elif c.get("t") == "s":
                cells[col] = shared[int(v.text)]
            elif v is not None:
                cells[col] = v.text
        yield cells


def from_xlsx(path):
    """Σ of the deepest rows (obyek): a row counts when the next coded row is not below it."""
    coded = []
    for cells in sheet_rows(path):
        code = (cells.get("A") or "").strip()
        if re.fullmatch(r"\d+(\.\d+)*", code) and cells.get("C") not in (None, ""):
            coded.append((code, money(cells["C"])))
    out = {"tahap": "anggaran"}
    for name in ("pendapatan", "belanja", "penerimaan", "pengeluaran"):
        out[name] = Decimal(0)
    current = None  # the section the rows are in; belanja rows carry kegiatan codes
    bidang = None
    for i, (code, amount) in enumerate(coded):
        nxt = coded[i + 1][0] if i + 1 < len(coded) else ""
        if code in ("4", "5", "6"):
            current = {"4": "pendapatan", "5": "belanja", "6": None}[code]
            continue
        if code in ("6.1", "6.2"):
            current = section(code)
        if current == "belanja" and not code.startswith("5"):
            if len(code.split(".")) == 1:
                bidang = code
            continue
        if nxt.startswith(code + "."):
            continue  # a subtotal
        if current is None:
            continue
        out[current] += amount
        if current == "belanja":
            key = "bidang:" + bidang
            out[key] = out.get(key, Decimal(0)) + amount
    return out


def from_sideka(path):
    """Sideka: 1 pendapatan, 2 belanja (2.N bidang), 3.1 / 3.2 pembiayaan; leaves summed."""
    rows = []
    with open(path, encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            rows.append((r["id"], money(r["value"])))
    ids = [i for i, _ in rows]
    out = {"tahap": "anggaran", "pendapatan": Decimal(0), "belanja": Decimal(0),
           "penerimaan": Decimal(0), "pengeluaran": Decimal(0)}
    for n, (code, amount) in enumerate(rows):
        if code == "0":
            continue
        has_child = any(other.startswith(code + ".") for other in ids)
        if has_child:
            continue
        top = code.split(".")
        name = {"1": "pendapatan", "2": "belanja"}.get(top[0])
        if top[0] == "3" and len(top) > 1:
            # 3.1 penerimaan; 3.2 pengeluaran and 3.3 Pembayaran Hutang are paid out.
            name = "penerimaan" if top[1] == "1" else "pengeluaran"
        out[name] += amount
        if name == "belanja":
            key = "bidang:" + ".".join(top[:2])
            out[key] = out.get(key, Decimal(0)) + amount
    return out


def main():
    root = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/realdata")
    results = {}
    for village in sorted((root / "siskeudes-2017").iterdir()):
        if not village.is_dir():
            continue
        zipped = village / "siskeudes-2017.zip"
        results[village.name] = from_zip(zipped) if zipped.exists() else from_xlsx(village / "apbdes-2017.xlsx")
    results["dermaji"] = from_sideka(root / "dermaji-2016-apbdes-sideka.tsv")
    for village, figures in results.items():
        for key in sorted(figures, key=lambda k: (k.startswith("bidang:"), k)):
            value = figures[key]
            if isinstance(value, Decimal):
                value = format(value.normalize() if value == value.to_integral() else value, "f")
            print(f"{village}\t{key}\t{value}")


if __name__ == "__main__":
    main()
