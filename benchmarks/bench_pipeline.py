"""Time the whole pipeline (bronze → silver → text → gold → serve) on a workspace; prints Markdown.

The workspace is generated once (not timed); before each run its sources are read once, untimed
(``page_cache.warm``); each run starts again in a fresh subprocess, so peak RSS is the run's own:
for every layer, and for the layers up to gold (bronze, silver, text, identity, gold: each
layer's high-water mark, reset as it starts). Usage:
python benchmarks/bench_pipeline.py [--scale 1] [--runs 3] [--engine duckdb] [--keep DIR]
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import page_cache

CHILD = """
import resource, sys, time
from pathlib import Path
from c360.pipeline.runner import run


class Peaks:
    # Each layer's peak RSS in MiB: the high-water mark, reset as the layer starts (Linux).
    def __init__(self):
        self.mib, self.current = {}, None

    def layer(self, name, total):
        self.close()
        Path("/proc/self/clear_refs").write_text("5")
        self.current = name

    def done(self, layer, table):
        pass

    def finished(self, layer, result):
        pass

    def close(self):
        status = Path("/proc/self/status").read_text().splitlines()
        hwm = next(int(line.split()[1]) for line in status if line.startswith("VmHWM"))
        if self.current:
            self.mib[self.current] = hwm / 1024


peaks = Peaks()
start = time.perf_counter()
result = run(sys.argv[1], until="gold", engine=sys.argv[2], observer=peaks)
total = time.perf_counter() - start
peaks.close()
s = result.seconds
to_gold = max(peaks.mib.get(k, 0) for k in ("bronze", "silver", "text", "identity", "gold"))
print(s["bronze"], s["silver"], s["gold"], s["text"], total, sum(r.landed for r in result.bronze),
      len(result.silver), len(result.gold), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
      to_gold)
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--engine", default="duckdb")
    parser.add_argument("--keep", type=Path, help="Reuse (or create) this workspace.")
    args = parser.parse_args()
    from c360.generate import Plan, generate

    workspace = args.keep or Path(tempfile.mkdtemp(prefix="c360-pipe-")) / "ws"
    if not (workspace / "sources").exists():
        generate(workspace, Plan(scale=args.scale, seed=42))
    runs = []
    for _ in range(args.runs):
        os.sync()
        page_cache.warm(workspace / "sources")
        out = subprocess.run(
            [sys.executable, "-c", CHILD, str(workspace), args.engine],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.split()
        runs.append([float(x) for x in out])
    if not args.keep:
        shutil.rmtree(workspace.parent, ignore_errors=True)

    def median(i: int) -> str:
        return f"{statistics.median(r[i] for r in runs):.2f}"

    print(
        f"machine: {platform.machine()}, {len(os.sched_getaffinity(0))} cores, "
        f"Python {platform.python_version()}, engine {args.engine}"
    )
    print(
        "| scale | runs | bronze s | silver s | gold s | text s | total s (median) | records "
        "| silver / gold tables | peak RSS MiB, sources → gold | peak RSS MiB, every layer |"
    )
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    print(
        f"| {args.scale:g} | {len(runs)} | {median(0)} | {median(1)} | {median(2)} | {median(3)} "
        f"| {median(4)} | {int(runs[0][5]):,} | {int(runs[0][6])} / {int(runs[0][7])} "
        f"| {max(r[9] for r in runs):,.0f} | {max(r[8] for r in runs) / 1024:,.0f} |"
    )
    each = "; ".join(f"{r[0]:.1f} / {r[1]:.1f} / {r[2]:.1f}" for r in runs)
    print(f"each run, bronze / silver / gold s: {each}")


if __name__ == "__main__":
    main()
