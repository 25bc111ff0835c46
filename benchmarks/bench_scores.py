"""Time the per-customer layer of ``c360 run`` (recommendations, customer_scores, the profile
with its segments, segment_membership, CLV) on a workspace already run to gold; prints Markdown.

Each run is a fresh subprocess calling the runner's customers layer on DuckDB, as ``c360 run``
does after gold. Usage:
python benchmarks/bench_scores.py --workspace WS [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path


def child(workspace: Path) -> None:
    """Run the customers layer once; print each table's seconds, the total and the peak RSS."""
    from c360 import config, engines
    from c360.pipeline.runner import Quiet, _customers

    engine = engines.connect("duckdb")
    started = time.perf_counter()
    built = _customers(workspace, config.load(workspace), engine, Quiet())
    total = time.perf_counter() - started
    print(json.dumps({
        "tables": {b.model: [b.rows, b.seconds] for b in built}, "seconds": total,
        "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }))  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--workspace", type=Path, required=True)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.workspace)
        return
    runs = []
    for _ in range(args.runs):
        out = subprocess.run(
            [sys.executable, __file__, "--child", "--workspace", str(args.workspace)],
            check=True, capture_output=True, text=True,
        )  # fmt: skip
        runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
    print("| table | rows | median s | min s | max s |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for name, (rows, _) in runs[0]["tables"].items():
        times = [r["tables"][name][1] for r in runs]
        print(f"| {name} | {rows:,} | {statistics.median(times):.2f} | {min(times):.2f} | "
              f"{max(times):.2f} |")  # fmt: skip
    totals = [r["seconds"] for r in runs]
    print(
        f"| **customers layer** ({len(runs)} runs) | | **{statistics.median(totals):.2f}** | "
        f"{min(totals):.2f} | {max(totals):.2f} |\n\npeak RSS "
        f"{max(r['peak_mib'] for r in runs):,.0f} MiB"
    )


if __name__ == "__main__":
    main()
