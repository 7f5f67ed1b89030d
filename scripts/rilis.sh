#!/usr/bin/env bash
# Membuat arsip rilis Papan yang bisa dibangun di mesin ini (Debian x86_64) ke dist/:
#
#   scripts/rilis.sh                                   # Linux x86_64 (statis, musl) dan Windows x86_64
#   PAPAN_TARGET="x86_64-pc-windows-gnu" scripts/rilis.sh   # satu target saja
#
# Setiap arsip (papan-VERSI-TARGET.tar.gz, atau .zip untuk Windows) berisi satu folder
# papan-VERSI-TARGET/ dengan papan (papan.exe), README.md, LICENSE-MIT, LICENSE-APACHE dan
# LISENSI-PIHAK-KETIGA.txt; dist/SHA256SUMS memuat sidik SHA-256 semua arsip. Arsipnya sama
# persis setiap kali dibuat dari commit yang sama (waktu berkas = waktu commit).
#
# Perlu: rustup dengan target x86_64-unknown-linux-musl dan x86_64-pc-windows-gnu (skrip
# menambahkannya), paket Debian musl-tools dan gcc-mingw-w64-x86-64 (libwebp, kode C,
# dibangun dengan kompilator C target itu), python3. macOS dan Linux aarch64 dibangun oleh
# .github/workflows/rilis.yml dengan skrip yang sama (PAPAN_TARGET=...).
# Profil `rilis` di Cargo.toml: LTO penuh, satu codegen unit, tanpa simbol.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
targets=${PAPAN_TARGET:-"x86_64-unknown-linux-musl x86_64-pc-windows-gnu"}
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$repo/target}
# Fixed times make the archives byte-identical; build.rs records the commit.
SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || echo 0)}
export SOURCE_DATE_EPOCH

mkdir -p dist
for target in $targets; do
  if command -v rustup >/dev/null && ! rustup target list --installed | grep -qx "$target"; then
    rustup target add "$target"
  fi
  echo "== $target: cargo build --profile rilis" >&2
  cargo build --locked --profile rilis --target "$target"
  exe=papan
  case "$target" in *windows*) exe=papan.exe ;; esac
  name="papan-$version-$target"
  stage="$CARGO_TARGET_DIR/rilis-arsip/$name"
  rm -rf "$stage"
  mkdir -p "$stage"
  cp "$CARGO_TARGET_DIR/$target/rilis/$exe" "$stage/$exe"
  cp README.md LICENSE-MIT LICENSE-APACHE "$stage/"
  python3 scripts/lisensi.py "$target" "$stage/LISENSI-PIHAK-KETIGA.txt"
  case "$target" in
    *windows*) archive="dist/$name.zip" ;;
    *) archive="dist/$name.tar.gz" ;;
  esac
  python3 - "$stage" "$archive" "$exe" <<'EOF'
# A deterministic archive: sorted names, the commit's time, no owner, the program executable.
import gzip, io, os, pathlib, sys, tarfile, time, zipfile
stage, archive, exe = pathlib.Path(sys.argv[1]), sys.argv[2], sys.argv[3]
mtime = int(os.environ["SOURCE_DATE_EPOCH"])
files = sorted(p for p in stage.iterdir() if p.is_file())
top = stage.name
if archive.endswith(".zip"):
    stamp = time.gmtime(max(mtime, 315532800))[:6]  # zip cannot store times before 1980
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for p in files:
            info = zipfile.ZipInfo(f"{top}/{p.name}", stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = (0o755 if p.name == exe else 0o644) << 16
            z.writestr(info, p.read_bytes())
else:
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.PAX_FORMAT) as t:
        for p in files:
            info = tarfile.TarInfo(f"{top}/{p.name}")
            data = p.read_bytes()
            info.size, info.mtime = len(data), mtime
            info.mode = 0o755 if p.name == exe else 0o644
            info.uname = info.gname = ""
            t.addfile(info, io.BytesIO(data))
    with open(archive, "wb") as f, gzip.GzipFile(fileobj=f, mode="wb", mtime=mtime, filename="") as g:
        g.write(raw.getvalue())
EOF
  size=$(wc -c <"$stage/$exe" | tr -d ' ')
  echo "$archive: $exe $((size / 1024)) KiB ($size byte), arsip $(($(wc -c <"$archive") / 1024)) KiB" >&2
done

# The sums of every archive of this version in dist/, also those built earlier for other
# targets. (The release workflow builds on several machines and sums in a last step.)
if command -v sha256sum >/dev/null; then
  shopt -s nullglob
  cd dist
  archives=("papan-$version-"*.tar.gz "papan-$version-"*.zip)
  sha256sum -- "${archives[@]}" | LC_ALL=C sort -k 2 >SHA256SUMS
  cat SHA256SUMS
fi
