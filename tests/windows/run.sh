#!/usr/bin/env bash
# The Windows smoke test: papan.exe, cross-built here with mingw-w64, run under Wine.
#
#   tests/windows/run.sh             # build papan.exe (profile `wine`), then test it
#   PAPAN_EXE=path/papan.exe tests/windows/run.sh   # test a given exe (e.g. a release)
#   PAPAN_LINUX=path/papan: the Linux binary to compare with (default: cargo build's)
#
# Checks, each against the Linux debug binary `cargo test` built (target/debug/papan):
#   - `papan.exe --version` names the commit;
#   - `papan.exe new` into a folder whose path has a drive letter, backslashes, a space and
#     a non-ASCII letter; that site builds;
#   - `build` of the sample village: output byte-identical to the Linux build (photos too);
#     a second build over it (the output swap by renames) and a build after one killed
#     between its two renames (the old output comes back, even when the build then fails);
#   - `check` of a site with an error: exit 1, and the same report as on Linux;
#   - a usage error: exit 2;
#   - no arguments (a double-click) outside a site: the explanation, exit 2, and it waits
#     for Enter; inside a site: the preview answers over HTTP (no browser is opened);
#   - with PAPAN_UJI_UNIT_WINE=1, also the unit tests of the Windows-specific code (the
#     output swap waiting out a folder held open, the build lock, case clashes) under Wine.
# Needs wine (Debian's wine 8), gcc-mingw-w64-x86-64, python3, curl; .ci/run installs them.
# Wine 8 lacks bcryptprimitives.dll, which Rust's std calls: a stand-in built from
# tests/windows/bcryptprimitives.c goes into the test's own Wine prefix.
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$(pwd)
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$repo/target}
target=x86_64-pc-windows-gnu
linux="$CARGO_TARGET_DIR/debug/papan"
step() { echo "== windows: $*" >&2; }
fail() { echo "GAGAL (windows): $*" >&2; exit 1; }

if ! rustup target list --installed | grep -qx "$target"; then rustup target add "$target"; fi
started=$SECONDS
built=""
if [ -z "${PAPAN_EXE:-}" ]; then
  built=yes
  step "cargo build --profile wine --target $target"
  cargo build --quiet --locked --profile wine --target "$target"
  PAPAN_EXE="$CARGO_TARGET_DIR/$target/wine/papan.exe"
fi
if [ -z "${PAPAN_LINUX:-}" ]; then cargo build --quiet --locked; else linux=$PAPAN_LINUX; fi
echo "windows: build $((SECONDS - started)) s" >&2

work=$(mktemp -d)
server=""
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null
  WINEPREFIX="$work/prefix" wineserver -k 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
export WINEPREFIX="$work/prefix" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
# Reports dated after "today" read differently: both systems build on the same day.
export SOURCE_DATE_EPOCH=1767225600 NO_COLOR=1 PAPAN_TANPA_PERAMBAN=1

step "Wine prefix with the stand-in bcryptprimitives.dll"
wineboot --init >/dev/null 2>&1 || true
x86_64-w64-mingw32-gcc -O2 -shared -o "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll" \
  tests/windows/bcryptprimitives.c -ladvapi32
cp "$PAPAN_EXE" "$work/papan.exe"
exe="$work/papan.exe"
# A Windows path for a Linux path: Wine maps the whole Linux file system to drive Z:.
win() { echo "Z:${1//\//\\}"; }
# papan.exe, its output with Windows line ends and paths made comparable to Linux's.
wpapan() { wine "$exe" "$@"; }
normal() { sed -e 's/\r$//' -e 's/\\/\//g'; }

step "--version"
version=$(wpapan --version | normal)
# The commit of HEAD when this script built the exe; a given exe names its own.
commit=$(git rev-parse --short=12 HEAD 2>/dev/null || true)
[ -z "$built" ] && commit=""
echo "$version"
[[ "$version" =~ ^papan\ $(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n1)\ \(commit\ $commit[0-9a-f]*,\ [0-9-]{10}\)$ ]] ||
  fail "--version: $version"

step "new, into a path with a drive letter, backslashes, a space and an accent"
site="$work/Situs Désa"
wpapan new "$(win "$site")" --tahun 2025 >"$work/new.log" || fail "new: $(cat "$work/new.log")"
[ -f "$site/content/desa.yaml" ] && [ -f "$site/.github/workflows/papan.yml" ] || fail "new wrote no site"
# A photo whose name has a space and an accent, shown in the example report.
mkdir -p "$site/content/foto"
cp content/foto/balai-desa.jpg "$site/content/foto/Balai Désa 1.jpg"
sed -i 's|^lokasi: Dusun Satu$|&\nfoto: [{ berkas: "foto/Balai Désa 1.jpg", keterangan: Balai desa }]|' \
  "$site/content/laporan/contoh-kegiatan.md"
grep -q "Balai Désa 1.jpg" "$site/content/laporan/contoh-kegiatan.md" || fail "the example report changed"
cp -r "$site" "$work/baru-linux"
wpapan build "$(win "$site")" >"$work/new-build.log" 2>&1 || fail "build of the new site: $(cat "$work/new-build.log")"
"$linux" build "$work/baru-linux" >/dev/null
diff -r "$work/baru-linux/output" "$site/output" >"$work/diff.log" || fail "new site differs: $(head -n 20 "$work/diff.log")"
ls "$site/output/foto" | grep -q '^balai-desa-1-' || fail "the photo is missing from the new site"

step "build of the sample village, compared with Linux byte for byte"
mkdir -p "$work/linux" "$work/windows"
cp -r content "$work/linux/content"
cp -r content "$work/windows/content"
"$linux" build "$work/linux" --output "$work/linux-hasil" >/dev/null
wpapan build "$(win "$work/windows")" --output "$(win "$work/hasil windows")" >"$work/build.log" 2>&1 ||
  fail "build: $(cat "$work/build.log")"
diff -r "$work/linux-hasil" "$work/hasil windows" >"$work/diff.log" || fail "output differs: $(head -n 20 "$work/diff.log")"
echo "windows: $(find "$work/hasil windows" -type f | wc -l) files identical" >&2

step "a second build over the output, then one after a build killed between its renames"
wpapan build "$(win "$work/windows")" --output "$(win "$work/hasil windows")" >/dev/null 2>&1 || fail "second build"
diff -r "$work/linux-hasil" "$work/hasil windows" >/dev/null || fail "second build differs"
mv "$work/hasil windows" "$work/.hasil windows.papan-lama-4194000"
echo "nama: [" >"$work/windows/content/desa.yaml"
set +e
wpapan build "$(win "$work/windows")" --output "$(win "$work/hasil windows")" >/dev/null 2>&1
code=$?
set -e
[ "$code" -eq 1 ] || fail "a build with an error exited $code"
diff -r "$work/linux-hasil" "$work/hasil windows" >/dev/null || fail "the old output did not come back"
[ ! -e "$work/.hasil windows.papan-lama-4194000" ] || fail "the old output was left aside"

step "check with an error: exit 1 and Linux's report"
cp -r "$site" "$work/salah"
sed -i 's/^nama: .*/nama:/' "$work/salah/content/desa.yaml"
set +e
(cd "$work/salah" && "$linux" check) 2>"$work/check-linux.txt"
linux_code=$?
(cd "$work/salah" && wpapan check) 2>"$work/check-windows.raw"
code=$?
set -e
normal <"$work/check-windows.raw" >"$work/check-windows.txt"
[ "$linux_code" -eq 1 ] && [ "$code" -eq 1 ] || fail "check exited $code (Linux: $linux_code)"
diff "$work/check-linux.txt" "$work/check-windows.txt" || fail "check reports differ"
grep -q '^  --> content/desa.yaml' "$work/check-windows.txt" || fail "check: $(cat "$work/check-windows.txt")"

step "a usage error: exit 2"
set +e
wpapan build --tidak-ada >/dev/null 2>&1
code=$?
set -e
[ "$code" -eq 2 ] || fail "a usage error exited $code"

step "a double-click outside a site: the explanation, exit 2, waiting for Enter"
mkdir -p "$work/Unduhan"
ms() { echo $(($(date +%s%N) / 1000000)); }
before=$(ms)
(sleep 3; echo) | (
  cd "$work/Unduhan"
  set +e
  wine "$exe" >"$work/klik.raw" 2>&1
  echo $? >"$work/klik.code"
  ms >"$work/klik.end"
)
waited=$(($(cat "$work/klik.end") - before))
normal <"$work/klik.raw" >"$work/klik.txt"
[ "$(cat "$work/klik.code")" -eq 2 ] || fail "a double-click outside a site exited $(cat "$work/klik.code")"
grep -q "Folder ini bukan folder situs desa" "$work/klik.txt" || fail "no explanation: $(cat "$work/klik.txt")"
grep -q "^Tekan Enter untuk menutup jendela ini.$" "$work/klik.txt" || fail "no wait for Enter"
[ "$waited" -ge 2900 ] || fail "it closed after $waited ms, before Enter was pressed"
# With no keyboard at all (end of input), it closes at once instead of hanging.
(cd "$work/Unduhan" && timeout 60 wine "$exe" </dev/null >/dev/null 2>&1) || [ $? -eq 2 ] || fail "with no input it did not end"

step "a double-click in a site folder: the preview answers"
(cd "$site" && exec wine "$exe" </dev/null >"$work/serve.raw" 2>&1) &
server=$!
url=""
for _ in $(seq 1 120); do
  url=$(sed -n 's/\r$//; s/^Pratinjau situs: //p' "$work/serve.raw")
  [ -n "$url" ] && break
  sleep 0.5
done
[ -n "$url" ] || fail "no preview: $(cat "$work/serve.raw")"
curl --silent --fail --max-time 20 "$url" | grep -q "<html" || fail "the preview at $url did not answer"
if grep -q "Membuka pratinjau di peramban" "$work/serve.raw"; then fail "a browser was opened"; fi
kill "$server" 2>/dev/null || true
server=""

echo "windows: smoke test $((SECONDS - started)) s in all, papan.exe $(($(wc -c <"$PAPAN_EXE") / 1024)) KiB" >&2

# Off in CI for its time budget (another compile of the crate for Windows, ~3-4 min).
if [ -n "${PAPAN_UJI_UNIT_WINE:-}" ]; then
  step "unit tests of the output swap and the case checks, under Wine"
  CARGO_TARGET_X86_64_PC_WINDOWS_GNU_RUNNER=wine cargo test --quiet --locked --profile wine \
    --target "$target" --lib -- write:: case_clash:: double_click:: browser::
fi
echo "windows: all passed in $((SECONDS - started)) s" >&2
