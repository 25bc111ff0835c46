"""Time the pipeline (bronze landing, then silver) on a generated workspace; prints Markdown.

The workspace is generated once (not timed); each run lands and builds again in a fresh
subprocess, so peak RSS is the run's own.
Usage: python benchmarks/bench_pipeline.py [--scale 1] [--runs 3] [--engine duckdb]
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

CHILD = """
import resource, sys, time
from c360 import engines
from c360.config import load
from c360.pipeline.bronze.land import land_all
from c360.pipeline.silver.run import build_silver
workspace, engine = sys.argv[1], sys.argv[2]
start = time.perf_counter()
landed = land_all(workspace)
bronze = time.perf_counter() - start
built = build_silver(workspace, engines.connect(engine), load(workspace))
total = time.perf_counter() - start
print(bronze, total, sum(r.landed for r in landed), len(built),
      resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--engine", default="duckdb")
    args = parser.parse_args()
    from c360.generate import Plan, generate

    workspace = Path(tempfile.mkdtemp(prefix="c360-pipe-")) / "ws"
    generate(workspace, Plan(scale=args.scale, seed=42))
    runs = []
    for _ in range(args.runs):
        os.sync()
        out = subprocess.run(
            [sys.executable, "-c", CHILD, str(workspace), args.engine],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.split()
        runs.append((float(out[0]), float(out[1]), int(out[2]), int(out[3]), int(out[4]) / 1024))
    print(
        f"machine: {platform.machine()}, {len(os.sched_getaffinity(0))} cores, "
        f"Python {platform.python_version()}, engine {args.engine}"
    )
    print(
        "| scale | runs | bronze median s | bronze + silver median s | records | silver tables "
        "| peak RSS MiB |"
    )
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    print(
        f"| {args.scale:g} | {len(runs)} | {statistics.median(r[0] for r in runs):.2f} "
        f"| {statistics.median(r[1] for r in runs):.2f} | {runs[0][2]:,} | {runs[0][3]} "
        f"| {max(r[4] for r in runs):,.0f} |"
    )


if __name__ == "__main__":
    main()
