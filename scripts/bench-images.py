#!/usr/bin/env python3
"""What photos cost a build: N phone-sized photos, processed cold (no cache) and warm.

    cargo build --release
    scripts/bench-images.py [--photos N] [--runs R] [--papan target/release/papan] [--keep DIR]

Writes a site with N reports, each with one 12-megapixel photo (4000x3000, JPEG quality
90 like a phone's; every third one stored sideways with EXIF orientation 6, as phones
do), then times `papan build` alternately cold (the .papan-cache folder removed first)
and warm (the cache of the previous build kept), R times each, and prints the medians
and the cost per photo. The photos have what makes real ones expensive: gradients (sky),
hard-edged shapes (houses, roads), fine texture and sensor noise. Needs Pillow. Not a
test: the figures depend on the machine and on what else it is doing.
"""
import argparse
import os
import random
import resource
import shutil
import statistics
import subprocess
import tempfile
import time

from PIL import Image, ImageDraw, ImageFilter

WIDTH, HEIGHT = 4000, 3000
DESA = """nama: Uji Kinerja
kecamatan: Contoh
kabupaten: Contoh
provinsi: Jawa Tengah
alamat_pengaduan: Kantor Desa Uji Kinerja
"""


def photo(seed):
    rnd = random.Random(seed)
    # Sky to ground: a vertical gradient per channel.
    grad = Image.linear_gradient("L").resize((WIDTH, HEIGHT))
    r = grad.point(lambda v: 80 + v * 120 // 255)
    g = grad.point(lambda v: 140 + v * 40 // 255)
    b = grad.point(lambda v: 230 - v * 150 // 255)
    img = Image.merge("RGB", (r, g, b))
    draw = ImageDraw.Draw(img)
    # Houses, roofs and a road: hard edges in flat colours.
    for _ in range(40):
        x, y = rnd.randrange(WIDTH), rnd.randrange(HEIGHT // 3, HEIGHT)
        w, h = rnd.randrange(150, 700), rnd.randrange(100, 500)
        colour = tuple(rnd.randrange(40, 230) for _ in range(3))
        draw.rectangle((x, y, x + w, y + h), fill=colour)
        draw.polygon([(x - 30, y), (x + w // 2, y - h // 2), (x + w + 30, y)],
                     fill=tuple(c // 2 for c in colour))
    draw.polygon([(1500, HEIGHT), (2500, HEIGHT), (2100, 1300), (1900, 1300)], fill=(110, 110, 105))
    # Leaves and grass: fine texture, a few pixels across.
    texture = Image.effect_noise((WIDTH // 4, HEIGHT // 4), 60).resize((WIDTH, HEIGHT), Image.BICUBIC)
    green = Image.merge("RGB", (texture.point(lambda v: v // 3),
                                texture.point(lambda v: 60 + v // 2),
                                texture.point(lambda v: v // 4)))
    mask = Image.new("L", (WIDTH, HEIGHT), 0)
    ImageDraw.Draw(mask).rectangle((0, HEIGHT * 2 // 3, WIDTH, HEIGHT), fill=255)
    for _ in range(25):
        x, y = rnd.randrange(WIDTH), rnd.randrange(HEIGHT // 4, HEIGHT)
        rad = rnd.randrange(100, 400)
        ImageDraw.Draw(mask).ellipse((x - rad, y - rad, x + rad, y + rad), fill=255)
    img.paste(green, (0, 0), mask.filter(ImageFilter.GaussianBlur(6)))
    # Sensor noise on everything.
    noise = Image.effect_noise((WIDTH, HEIGHT), 12)
    return Image.merge("RGB", [Image.blend(ch, noise, 0.12) for ch in img.split()])


def write_site(root, n):
    os.makedirs(os.path.join(root, "content/laporan"))
    os.makedirs(os.path.join(root, "content/foto"))
    with open(os.path.join(root, "content/desa.yaml"), "w") as f:
        f.write(DESA)
    for i in range(n):
        img = photo(i)
        exif = Image.Exif()
        if i % 3 == 2:
            # Stored sideways; orientation 6 says "turn 90 degrees clockwise to view".
            img = img.transpose(Image.Transpose.ROTATE_90)
            exif[0x0112] = 6
        img.save(os.path.join(root, f"content/foto/foto-{i:03}.jpg"), quality=90, exif=exif)
        with open(os.path.join(root, f"content/laporan/laporan-{i:03}.md"), "w") as f:
            f.write(f"---\njudul: Laporan {i}\ntanggal: 2025-03-01\nstatus: selesai\n"
                    f"foto:\n  - berkas: foto/foto-{i:03}.jpg\n    keterangan: Foto {i}\n---\nIsi.\n")


def timed_build(papan, root, cold):
    if cold:
        shutil.rmtree(os.path.join(root, ".papan-cache"), ignore_errors=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    out = subprocess.run([papan, "build", root], capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if out.returncode != 0:
        raise SystemExit(f"papan build failed:\n{out.stderr}")
    line = next((l for l in out.stdout.splitlines() if l.startswith("Gambar:")), "")
    expected = "0 diproses" if not cold else "0 foto dari cache"
    if expected not in line:
        raise SystemExit(f"unexpected image work for a {'cold' if cold else 'warm'} build: {line}")
    return elapsed, cpu


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--photos", type=int, default=20)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--papan", default="target/release/papan")
    ap.add_argument("--keep", help="write the site here and keep it")
    args = ap.parse_args()
    papan = os.path.abspath(args.papan)
    if not os.path.exists(papan):
        raise SystemExit(f"{papan} not found: run `cargo build --release` first")
    root = args.keep or tempfile.mkdtemp(prefix="papan-bench-images-")
    try:
        t0 = time.perf_counter()
        write_site(root, args.photos)
        size = sum(os.path.getsize(os.path.join(root, "content/foto", f))
                   for f in os.listdir(os.path.join(root, "content/foto")))
        print(f"{args.photos} photos of {WIDTH}x{HEIGHT} ({size / args.photos / 1e6:.1f} MB each on average), "
              f"written in {time.perf_counter() - t0:.1f} s")
        timed_build(papan, root, cold=True)  # warm-up: the binary and the files in memory
        cold, warm = [], []
        for _ in range(args.runs):
            cold.append(timed_build(papan, root, cold=True))
            warm.append(timed_build(papan, root, cold=False))
        med = lambda runs, i: statistics.median(r[i] for r in runs)
        mc, mw = med(cold, 0), med(warm, 0)
        print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")
        for name, runs in (("cold", cold), ("warm", warm)):
            walls = ", ".join(f"{r[0]:.2f}" for r in runs)
            print(f"{name} build: median {med(runs, 0):.2f} s wall, {med(runs, 1):.2f} s CPU "
                  f"over {args.runs} runs (wall: {walls})")
        print(f"per photo, cold: {mc / args.photos * 1000:.0f} ms wall, "
              f"{med(cold, 1) / args.photos * 1000:.0f} ms CPU; "
              f"warm: {mw / args.photos * 1000:.1f} ms wall")
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
