#!/usr/bin/env python3
"""Menulis LISENSI-PIHAK-KETIGA.txt untuk satu arsip rilis.

   scripts/lisensi.py TARGET BERKAS-TUJUAN

Biner Papan memuat kode banyak crate (dan libwebp, kode C dari libwebp-sys) serta fon Noto
Sans. Lisensi mereka (MIT, BSD, OFL, ...) meminta teks lisensinya ikut disebarkan bersama
biner. Skrip ini mengambil daftar crate yang masuk ke biner untuk TARGET dari
`cargo metadata` (dependensi biasa saja: dev- dan build-dependency tidak ikut tertaut),
lalu menyalin berkas LICENSE*/COPYING*/NOTICE*/PATENTS setiap crate (juga di folder
vendor/, tempat crate -sys menyimpan kode C yang ia bangun), urut menurut nama.
Keluarannya sama persis untuk masukan yang sama.
"""

import json
import pathlib
import subprocess
import sys

LICENSE_PREFIXES = ("license", "licence", "copying", "notice", "unlicense", "patents")


def packages_in_binary(target):
    meta = json.loads(
        subprocess.run(
            [
                "cargo", "metadata", "--format-version", "1", "--locked",
                "--filter-platform", target,
            ],
            check=True, capture_output=True, text=True,
        ).stdout
    )
    by_id = {p["id"]: p for p in meta["packages"]}
    nodes = {n["id"]: n for n in meta["resolve"]["nodes"]}
    root = meta["resolve"]["root"]
    seen, todo = set(), [root]
    while todo:
        pid = todo.pop()
        if pid in seen:
            continue
        seen.add(pid)
        for dep in nodes[pid]["deps"]:
            # Only what is linked into the program: normal dependencies.
            if any(k["kind"] is None for k in dep["dep_kinds"]):
                todo.append(dep["pkg"])
    seen.discard(root)
    return sorted((by_id[p] for p in seen), key=lambda p: (p["name"], p["version"]))


def license_files(package):
    folder = pathlib.Path(package["manifest_path"]).parent
    files = []
    for where in (folder, folder / "vendor"):
        if where.is_dir():
            files += sorted(
                (f for f in where.iterdir()
                 if f.is_file() and f.name.lower().startswith(LICENSE_PREFIXES)),
                key=lambda f: f.name,
            )
    return files


def main():
    target, out = sys.argv[1], pathlib.Path(sys.argv[2])
    repo = pathlib.Path(__file__).resolve().parent.parent
    parts = [
        "Lisensi pihak ketiga dalam Papan\n"
        "================================\n\n"
        "Papan sendiri berlisensi MIT atau Apache-2.0 (LICENSE-MIT, LICENSE-APACHE).\n"
        "Biner ini juga memuat karya berikut, masing-masing dengan lisensinya.\n",
        "\n\n== Noto Sans (fon bawaan untuk gambar pratinjau dan baliho) ==\n\n"
        + (repo / "assets/fonts/OFL.txt").read_text(encoding="utf-8"),
    ]
    # A text many crates share word for word (the Apache licence) is printed once; later
    # crates point back to the first one that carried it.
    first_with = {}
    for p in packages_in_binary(target):
        name = f"{p['name']} {p['version']}"
        head = f"\n\n== {name} ({p.get('license') or 'lihat teks'}) ==\n"
        texts = []
        for f in license_files(p):
            text = f.read_text(encoding="utf-8", errors="replace")
            key = " ".join(text.split())
            if key in first_with:
                texts.append(f"[{f.name}: teks yang sama dengan {first_with[key]}]\n")
            else:
                first_with[key] = f"{f.name} dari {name}"
                texts.append(f"--- {f.name} ---\n{text}")
        if not texts:
            texts = [f"(crate ini tidak menyertakan berkas lisensi; lisensinya: {p.get('license')})\n"]
        parts.append(head + "\n" + "\n".join(texts))
    out.write_text("".join(parts), encoding="utf-8")


if __name__ == "__main__":
    main()
