#!/usr/bin/env bash
# How long the notice board (baliho.svg, .png, .pdf) of each budget year takes to make,
# without the cache: median of 15 rounds per year, release build. The target is under
# 300 ms per year for the three files. Usage: scripts/bench-baliho.sh [SITE] [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
site="${1:-.}"
rounds="${2:-15}"
echo "Mesin: $(nproc) inti, $(uname -m); $(rustc --version)"
cargo run --quiet --release --example bench_baliho -- "$site" "$rounds"
