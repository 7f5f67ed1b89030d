#!/usr/bin/env python3
"""Writes a synthetic village site for benchmarks, and the same reports for Zola and Hugo.

    scripts/gen-synthetic.py OUT --reports N [--products M] [--years Y] [--seed S]

Creates OUT/papan (a Papan site: desa.yaml, Y budget years, N reports, M products),
OUT/zola and OUT/hugo (the same N reports as plain Markdown pages, same text, with a
minimal theme each). The text is deterministic for a given seed. Not a test: used by
scripts/bench-peers.py.
"""
import argparse
import os
import random
import shutil

WORDS = ("warga desa jalan dusun posyandu kader pelatihan ibu pkk tepung mocaf singkong "
         "gotong royong pembangunan drainase saluran air bersih balai pertemuan musyawarah "
         "anggaran realisasi kegiatan pelaksanaan tahap pertama kedua material semen pasir "
         "batu tukang swadaya masyarakat manfaat penerima bantuan langsung tunai keluarga "
         "sasaran pendataan verifikasi pengawasan dokumentasi laporan kepala desa perangkat").split()

KEGIATAN = [  # (kode, uraian, jenis) from Permendagri 20/2018
    ("01.01.04", "Penyediaan Operasional Pemerintah Desa", "5.2.5"),
    ("02.02.02", "Penyelenggaraan Posyandu", "5.2.7"),
    ("02.03.10", "Pengerasan Jalan Desa", "5.3.5"),
    ("02.03.15", "Pembangunan Drainase", "5.3.7"),
    ("03.04.03", "Pembinaan PKK", "5.2.2"),
    ("04.04.01", "Pelatihan Pengolahan Tepung Mocaf", "5.2.2"),
    ("05.03.01", "Penanganan Keadaan Mendesak (BLT)", "5.4.1"),
]
STATUSES = ["selesai", "berjalan", "tertunda", "selesai", "selesai"]


def sentence(rng, n):
    words = [rng.choice(WORDS) for _ in range(n)]
    return " ".join(words).capitalize() + "."


def body(rng, i):
    parts = [f"## Ringkasan kegiatan {i}", ""]
    for _ in range(3):
        parts += [" ".join(sentence(rng, rng.randint(8, 16)) for _ in range(4)), ""]
    if i % 3 == 0:
        parts += ["| Uraian | Volume | Biaya |", "|---|---:|---:|"]
        for k in range(5):
            parts.append(f"| {sentence(rng, 3)[:-1]} | {rng.randint(1, 90)} m | Rp {rng.randint(1, 900)}.000 |")
        parts.append("")
    parts += ["## Hasil", "", "- " + sentence(rng, 8), "- " + sentence(rng, 6), "- " + sentence(rng, 7), ""]
    parts += [" ".join(sentence(rng, rng.randint(8, 14)) for _ in range(3)), ""]
    return "\n".join(parts)


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def budget(year, rng):
    lines = [f"tahun: {year}", "tahap: realisasi", f"per_tanggal: {year}-12-31", "pendapatan:"]
    dd, add = rng.randint(900, 1100) * 1_000_000, rng.randint(600, 700) * 1_000_000
    lines += [f'  - {{ kode: "4.2.1", anggaran: {dd}, realisasi: {dd} }}',
              f'  - {{ kode: "4.2.3", anggaran: {add}, realisasi: {add} }}', "belanja:"]
    for kode, uraian, jenis in KEGIATAN:
        a = rng.randint(50, 250) * 1_000_000
        lines.append(f'  - {{ kode: "{kode}", uraian: "{uraian}", jenis: "{jenis}", sumber_dana: DDS, '
                     f'anggaran: {a}, realisasi: {a * rng.randint(80, 100) // 100} }}')
    return "\n".join(lines) + "\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--reports", type=int, required=True)
    ap.add_argument("--products", type=int, default=24)
    ap.add_argument("--years", type=int, default=3)
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    if os.path.exists(a.out):
        shutil.rmtree(a.out)
    papan, zola, hugo = (os.path.join(a.out, x) for x in ("papan", "zola", "hugo"))
    years = [2026 - a.years + k for k in range(a.years)]
    write(f"{papan}/content/desa.yaml", "nama: Sintetis\nkecamatan: Uji\nkabupaten: Uji\n"
          "provinsi: Jawa Tengah\nalamat_pengaduan: Kantor Desa Sintetis\njumlah_penduduk: 4000\n")
    for y in years:
        write(f"{papan}/content/anggaran/{y}.yaml", budget(y, rng))
    write(f"{papan}/content/umkm/kub-uji.yaml", "nama: KUB Uji\njenis: kub\ndusun: Krajan\nwhatsapp: \"0812-0000-0001\"\n")
    for m in range(a.products):
        write(f"{papan}/content/produk/produk-{m:04}.yaml",
              f"nama: Produk Uji {m}\numkm: kub-uji\nkategori: makanan-olahan\nharga: {rng.randint(5, 90) * 1000}\n"
              f"satuan: bungkus\ndeskripsi: |\n  {sentence(rng, 20)}\n")
    # Zola: config, section, templates.
    write(f"{zola}/config.toml", 'base_url = "https://contoh.desa.id"\ntitle = "Sintetis"\n'
          'compile_sass = false\nbuild_search_index = false\n\n[markdown]\n')
    write(f"{zola}/content/_index.md", "+++\ntitle = \"Beranda\"\n+++\n")
    write(f"{zola}/content/laporan/_index.md", "+++\ntitle = \"Laporan\"\nsort_by = \"date\"\npaginate_by = 10\n+++\n")
    write(f"{zola}/templates/index.html", "<!doctype html><html lang=\"id\"><title>{{ section.title }}</title><body>"
          "<a href=\"{{ get_url(path='@/laporan/_index.md') }}\">Laporan</a></body></html>\n")
    write(f"{zola}/templates/section.html", "<!doctype html><html lang=\"id\"><title>{{ section.title }}</title><body><ul>"
          "{% for p in paginator.pages %}<li><a href=\"{{ p.permalink }}\">{{ p.title }}</a> {{ p.date }}</li>{% endfor %}"
          "</ul></body></html>\n")
    write(f"{zola}/templates/page.html", "<!doctype html><html lang=\"id\"><title>{{ page.title }}</title><body>"
          "<h1>{{ page.title }}</h1><p>{{ page.date }}</p>{{ page.content | safe }}</body></html>\n")
    # Hugo: config and layouts.
    write(f"{hugo}/hugo.toml", 'baseURL = "https://contoh.desa.id/"\ntitle = "Sintetis"\n'
          'disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]\n'
          '[pagination]\n  pagerSize = 10\n')
    write(f"{hugo}/layouts/index.html", "<!doctype html><html lang=\"id\"><title>{{ .Title }}</title><body>"
          "<a href=\"{{ \"laporan/\" | relURL }}\">Laporan</a></body></html>\n")
    write(f"{hugo}/layouts/_default/list.html", "<!doctype html><html lang=\"id\"><title>{{ .Title }}</title><body><ul>"
          "{{ range .Paginator.Pages }}<li><a href=\"{{ .Permalink }}\">{{ .Title }}</a> {{ .Date }}</li>{{ end }}"
          "</ul></body></html>\n")
    write(f"{hugo}/layouts/_default/single.html", "<!doctype html><html lang=\"id\"><title>{{ .Title }}</title><body>"
          "<h1>{{ .Title }}</h1><p>{{ .Date }}</p>{{ .Content }}</body></html>\n")
    write(f"{hugo}/content/laporan/_index.md", "---\ntitle: Laporan\n---\n")
    for i in range(a.reports):
        year = years[i % len(years)]
        kode, uraian, _ = KEGIATAN[i % len(KEGIATAN)]
        date = f"{year}-{(i % 12) + 1:02}-{(i % 28) + 1:02}"
        title = f"{uraian} {i}"
        text = body(rng, i)
        status = STATUSES[i % len(STATUSES)]
        write(f"{papan}/content/laporan/laporan-{i:05}.md",
              f"---\njudul: {title}\ntanggal: {date}\nkegiatan: \"{kode}\"\ntahun_anggaran: {year}\n"
              f"status: {status}\nprogres: {100 if status == 'selesai' else 50}\nlokasi: Dusun Krajan\n"
              f"penerima_manfaat: {rng.randint(10, 400)}\n---\n{text}")
        front = f"---\ntitle: \"{title}\"\ndate: {date}\n---\n"
        write(f"{zola}/content/laporan/laporan-{i:05}.md", front + text)
        write(f"{hugo}/content/laporan/laporan-{i:05}.md", front + text)


if __name__ == "__main__":
    main()
