"""Time the generator and its peak memory at several scales; prints a Markdown table.

Each run is a fresh subprocess (so peak RSS is that run's own), writing to a scratch workspace.
Usage: python benchmarks/bench_generate.py [--scales 1 10] [--runs 3] [--keep]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CHILD = """
import resource, sys, time
from c360.generate import Plan, generate
start = time.perf_counter()
result = generate(sys.argv[1], Plan(scale=float(sys.argv[2]), seed=42), force=True)
print(time.perf_counter() - start, sum(result.rows.values()),
      resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def run_once(scale: float, workspace: Path) -> tuple[float, int, float]:
    """(seconds, rows and files written, peak RSS in MiB) of one generation in a subprocess.

    Dirty pages of earlier runs are flushed first, so their write-back does not slow this one.
    """
    os.sync()
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(workspace), str(scale)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    return float(out[0]), int(out[1]), int(out[2]) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scales", type=float, nargs="+", default=[1.0, 10.0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--dir", type=Path, default=None, help="scratch directory")
    args = parser.parse_args()
    scratch = args.dir or Path(tempfile.mkdtemp(prefix="c360-bench-"))
    print(
        f"machine: {platform.processor() or platform.machine()}, "
        f"{len(os.sched_getaffinity(0))} cores, Python {platform.python_version()}"
    )
    print("| scale | runs | median s | min s | rows + files | peak RSS MiB |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: |")
    results = {}
    for scale in args.scales:
        # Workspaces are deleted only after all runs of a scale: on a disk mounted with `discard`,
        # deleting a run's 20,000+ files slows down whatever writes next.
        runs = [run_once(scale, scratch / f"s{scale}-{i}") for i in range(args.runs)]
        for i in range(args.runs):
            shutil.rmtree(scratch / f"s{scale}-{i}", ignore_errors=True)
        seconds = [r[0] for r in runs]
        results[scale] = runs
        print(
            f"| {scale:g} | {len(runs)} | {statistics.median(seconds):.2f} | {min(seconds):.2f} "
            f"| {runs[0][1]:,} | {max(r[2] for r in runs):,.0f} |",
            flush=True,
        )
    print(
        json.dumps(
            {"when": time.strftime("%Y-%m-%d"), "results": {str(k): v for k, v in results.items()}}
        )
    )


if __name__ == "__main__":
    main()
