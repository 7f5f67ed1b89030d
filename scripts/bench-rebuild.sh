#!/usr/bin/env bash
# Mengukur waktu bangun ulang `papan serve` setelah satu berkas isi desa contoh disunting.
#
#   scripts/bench-rebuild.sh            # 30 kali
#   RUNS=100 scripts/bench-rebuild.sh
#
# Menyalin desa contoh ke folder sementara, menjalankan `papan serve` (build release),
# lalu menyunting satu laporan (atau, jika belum ada laporan, berkas anggaran terbaru)
# berulang kali. Mencetak median dua angka:
#   - bangun ulang: waktu yang dicetak serve sendiri ("dibangun ulang dalam N ms");
#   - sunting→siap: dari berkas disimpan sampai serve selesai membangun ulang, termasuk
#     jeda pemantau berkas (debounce) yang menggabungkan beberapa peristiwa satu simpan.
# Bukan pengujian: angkanya tergantung mesin. Target: bangun ulang < 100 ms.
set -euo pipefail

runs=${RUNS:-30}
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
cargo build --release --quiet
bin="$repo/target/release/papan"

work=$(mktemp -d)
pid=
cleanup() {
    if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

cp -R "$repo/content" "$work/content"
file=
if [ -d "$work/content/laporan" ]; then
    file=$(find "$work/content/laporan" -name '*.md' | sort | head -n 1)
fi
if [ -z "$file" ]; then
    file=$(find "$work/content/anggaran" -name '*.yaml' | sort | tail -n 1)
fi
log="$work/serve.log"
"$bin" serve "$work" --port 14111 >"$log" 2>&1 &
pid=$!

wait_for() { # wait_for PATTERN COUNT: until the log has COUNT lines matching PATTERN
    local i
    for i in $(seq 1 600); do
        if [ "$(grep -c -- "$1" "$log" || true)" -ge "$2" ]; then return 0; fi
        sleep 0.01
    done
    echo "serve tidak menjawab; log:" >&2
    cat "$log" >&2
    exit 1
}

wait_for "tekan Ctrl+C" 1
echo "Berkas yang disunting: ${file#"$work"/}"
ends=()
for i in $(seq 1 "$runs"); do
    start=$(date +%s%N)
    case "$file" in
        *.md) printf '\nSuntingan uji ke-%s.\n' "$i" >>"$file" ;;
        *) printf '# suntingan uji ke-%s\n' "$i" >>"$file" ;;
    esac
    wait_for "dibangun ulang dalam" "$i"
    ends+=($(( ($(date +%s%N) - start) / 1000000 )))
    # Let the watcher go quiet, so the next edit is a rebuild of its own.
    sleep 0.2
done

if grep -q "belum bisa dibangun" "$log"; then
    echo "Ada kesalahan saat membangun ulang; log:" >&2
    cat "$log" >&2
    exit 1
fi

median() { sort -n | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
rebuild=$(grep -o 'dibangun ulang dalam [0-9]*' "$log" | awk '{ print $4 }' | median)
edit=$(printf '%s\n' "${ends[@]}" | median)
echo "Median bangun ulang ($runs kali): $rebuild ms"
echo "Median sunting→siap ($runs kali): $edit ms"
