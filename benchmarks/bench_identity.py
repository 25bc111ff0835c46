"""Time identity resolution: every identity source's records normalised, scored, clustered, ided.

Generates a workspace once and lands its bronze (not timed), then runs ``resolve_workspace`` in a
fresh subprocess per run, each from scratch (the previous run's identity tables removed), and
scores the result against the truth. CPU seconds (user + system, every thread of the run) are
the figure to compare on a shared machine: wall time there waits on other work. Scale 1 is
~80,000 records (four identity systems and seed 000's customers); scale 12.5 is ~1,000,000.
Prints Markdown. Usage:
python benchmarks/bench_identity.py [--scale 1] [--runs 3] [--keep DIR]
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
from pathlib import Path

CHILD = """
import json, resource, sys, time
from c360 import config, engines
from c360.identity.evaluate import read_truth, score_links
from c360.identity.run import resolve_workspace
from c360.pipeline import lake
workspace = sys.argv[1]
project = config.load(workspace)
start, cpu = time.perf_counter(), time.process_time()
found = resolve_workspace(workspace, project.identity, engines.connect("duckdb").splink_api)
seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
scores = score_links(lake.read_table(workspace, "gold", "identity_links"),
                     read_truth(f"{workspace}/truth/identity.csv"))
rss_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": seconds, "cpu": cpu, "records": found.records,
                  "customers": found.customers, "pairs": found.pairs, "rss_mib": rss_mib,
                  **{k: v for k, v in scores.items() if k.startswith(("pairwise", "bcubed"))}}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="Reuse (or create) this workspace.")
    args = parser.parse_args()
    from c360.generate import Plan, generate
    from c360.pipeline.bronze.land import land_all

    workspace = args.keep or Path(tempfile.mkdtemp(prefix="c360-identity-")) / "ws"
    if not (workspace / "sources").exists():
        generate(workspace, Plan(scale=args.scale, seed=42))
    if not (workspace / "lake" / "bronze" / "identity_crm_contacts").exists():
        land_all(workspace)
    runs = []
    for _ in range(args.runs):
        for table in (workspace / "lake" / "gold").glob("identity_*"):
            shutil.rmtree(table)
        out = subprocess.run(
            [sys.executable, "-c", CHILD, str(workspace)], check=True, capture_output=True,
            text=True,
        ).stdout  # fmt: skip
        runs.append(json.loads(out.strip().splitlines()[-1]))
    if not args.keep:
        shutil.rmtree(workspace.parent, ignore_errors=True)
    seconds = [r["seconds"] for r in runs]
    cpu = [r["cpu"] for r in runs]
    last = runs[-1]
    print(
        f"machine: {platform.machine()}, {len(os.sched_getaffinity(0))} cores, "
        f"Python {platform.python_version()}"
    )
    print("| scale | records | runs | median s | min s | max s | median CPU s | min CPU s "
          "| peak RSS MiB | customers | pairwise P | pairwise R | B-cubed P "
          "| B-cubed R |")  # fmt: skip
    print("| ---: " * 14 + "|")
    print(
        f"| {args.scale:g} | {last['records']:,} | {len(runs)} | {statistics.median(seconds):.1f} "
        f"| {min(seconds):.1f} | {max(seconds):.1f} | {statistics.median(cpu):.1f} "
        f"| {min(cpu):.1f} | {max(r['rss_mib'] for r in runs):,.0f} "
        f"| {last['customers']:,} | {last['pairwise_precision']:.4f} "
        f"| {last['pairwise_recall']:.4f} | {last['bcubed_precision']:.4f} "
        f"| {last['bcubed_recall']:.4f} |"
    )


if __name__ == "__main__":
    main()
