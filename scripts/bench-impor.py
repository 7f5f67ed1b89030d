#!/usr/bin/env python3
"""Benchmark for `papan impor`: a 2,000-row Siskeudes zip and a 2,000-row spreadsheet.

Makes the two sources (a zip of Siskeudes CSV tables with 2,000 Ta_RABRinci lines in 2,000
distinct rows, and a CSV sheet of 2,000 rows), imports each five times with the release
binary, and prints the best wall time and the peak memory (max RSS) of each.

    cargo build --release
    python3 scripts/bench-impor.py [target/release/papan]

Goal (issue 14): under a second and under 100 MB.
"""
import os
import subprocess
import sys
import tempfile
import time
import zipfile


def siskeudes_zip(path, rows=2000):
    desa = "20.07."
    rinci = ['"Tahun","Kd_Desa","Kd_Keg","Kd_Rincian","Kd_SubRinci","No_Urut","SumberDana","Uraian","Anggaran","AnggaranStlhPAK"']
    kegiatan = ['"Tahun","Kd_Desa","Kd_Bid","Kd_Keg","Nama_Kegiatan"']
    obyek = ["5.1.2.%02d." % n for n in range(1, 21)]  # 20 obyek of Belanja Barang dan Jasa
    sumber = ["DDS", "ADD", "PAD", "PBH", "PBK"]
    n = 0
    for keg in range(1, 100):
        bid = 1 + keg % 4
        code = "%s%02d.%02d." % (desa, bid, keg)
        kegiatan.append('"2017","%s","%s%02d.","%s","Kegiatan %d"' % (desa, desa, bid, code, keg))
        for o in obyek:
            s = sumber[n % len(sumber)]
            rinci.append('"2017","%s","%s","%s","1","01","%s","Rincian %d","%d","%d"' % (desa, code, o, s, n, 1000 * (n + 1), 1000 * (n + 1)))
            n += 1
            if n >= rows:
                break
        if n >= rows:
            break
    bidang = ['"Tahun","Kd_Desa","Kd_Bid","Nama_Bidang"'] + ['"2017","%s","%s%02d.","Bidang %d"' % (desa, desa, b, b) for b in range(1, 5)]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, lines in [("Ta_RABRinci", rinci), ("Ta_Kegiatan", kegiatan), ("Ta_Bidang", bidang)]:
            z.writestr(name + ".csv", "\r\n".join(lines) + "\r\n")
    return n


def sheet_csv(path, rows=2000):
    lines = ["APBDES TAHUN ANGGARAN 2017;;", "Kode Rekening;Uraian;Anggaran"]
    n = 0
    for keg in range(1, 200):
        bid = 1 + keg % 4
        lines.append("%02d.%02d;Kegiatan %d;" % (bid, keg, keg))
        n += 1
        for o in range(1, 10):
            lines.append("5.1.2.%02d;Belanja %d;%d" % (o, n, 1000 * n))
            n += 1
        if n >= rows:
            break
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")
    return n


def measure(binary, source, site):
    best = None
    peak = 0
    for _ in range(5):
        start = time.perf_counter()
        pid = os.fork()
        if pid == 0:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, 1)
            os.dup2(devnull, 2)
            os.execv(binary, [binary, "impor", source, site, "--timpa"])
        _, status, usage = os.wait4(pid, 0)
        elapsed = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status) != 0:
            subprocess.run([binary, "impor", source, site, "--timpa"])
            sys.exit("impor gagal")
        best = elapsed if best is None else min(best, elapsed)
        peak = max(peak, usage.ru_maxrss)  # KiB on Linux
    return best, peak / 1024


def main():
    binary = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "target/release/papan")
    with tempfile.TemporaryDirectory() as tmp:
        zpath = os.path.join(tmp, "siskeudes.zip")
        cpath = os.path.join(tmp, "apbdes.csv")
        zrows = siskeudes_zip(zpath)
        crows = sheet_csv(cpath)
        for label, source, rows in [("Siskeudes zip", zpath, zrows), ("lembar kerja CSV", cpath, crows)]:
            site = os.path.join(tmp, "situs-" + str(rows) + label[0])
            os.makedirs(site, exist_ok=True)
            t, mb = measure(binary, source, site)
            print("%-18s %5d baris  %6.3f s  %6.1f MB" % (label, rows, t, mb))


if __name__ == "__main__":
    main()
