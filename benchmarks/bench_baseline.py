"""Time the pandas baseline (``pandas_baseline.py``) on a generated workspace; prints Markdown.

The workspace is generated once (not timed); before each run its sources are read once, untimed
(``page_cache.warm``, as for c360); each run is a fresh subprocess writing its gold to a scratch
folder, so peak RSS is the run's own. Compare with ``bench_pipeline.py`` at the same
scale. Usage:
python benchmarks/bench_baseline.py [--scale 1] [--runs 3] [--keep DIR]
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

import page_cache

BASELINE = Path(__file__).with_name("pandas_baseline.py")
STAGES = ("read", "clean", "seed000", "seed003", "seed004", "write", "total")


def run_once(workspace: Path, out: Path) -> dict[str, float]:
    """The baseline's figures (seconds per stage, tables, rows, peak RSS) for one run."""
    os.sync()
    page_cache.warm(workspace / "sources")
    stdout = subprocess.run(
        [sys.executable, str(BASELINE), "--workspace", str(workspace), "--out", str(out), "--json"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    shutil.rmtree(out, ignore_errors=True)
    return json.loads(stdout.splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="Reuse (or create) this workspace.")
    args = parser.parse_args()
    from c360.generate import Plan, generate

    scratch = Path(tempfile.mkdtemp(prefix="c360-pandas-"))
    workspace = args.keep or scratch / "ws"
    if not (workspace / "sources").exists():
        generate(workspace, Plan(scale=args.scale, seed=42))
    runs = [run_once(workspace, scratch / f"out-{i}") for i in range(args.runs)]
    shutil.rmtree(scratch, ignore_errors=True)

    def median(stage: str) -> str:
        return f"{statistics.median(r[stage] for r in runs):.2f}"

    print(
        f"machine: {platform.machine()}, {len(os.sched_getaffinity(0))} cores, "
        f"Python {platform.python_version()}, pandas baseline"
    )
    print(
        "| scale | runs | read s | clean s | seed000 s | seed003 s | seed004 s | write s "
        "| total s (median) | min s | tables | rows written | peak RSS MiB |"
    )
    print("|" + " ---: |" * 13)
    print(
        f"| {args.scale:g} | {len(runs)} | {' | '.join(median(s) for s in STAGES)} "
        f"| {min(r['total'] for r in runs):.2f} | {int(runs[0]['tables'])} "
        f"| {int(runs[0]['rows']):,} | {max(r['peak_rss_mib'] for r in runs):,.0f} |"
    )


if __name__ == "__main__":
    main()
