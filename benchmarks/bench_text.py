"""Time the text layer: every note and e-mail body parsed, redacted and enriched into silver.

Generates a workspace once and lands its bronze (not timed), then runs ``build_text_silver`` in a
fresh subprocess per run (all cores). Prints Markdown. Usage:
python benchmarks/bench_text.py [--scale 1] [--runs 3] [--keep DIR]
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

CHILD = """
import resource, sys, time
from c360.text.analyze import build_text_silver
if __name__ == "__main__":
    start = time.perf_counter()
    rows = build_text_silver(sys.argv[1])
    print(time.perf_counter() - start, rows.get("stg_notes", 0), rows.get("stg_email_bodies", 0),
          resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="Reuse (or create) this workspace.")
    args = parser.parse_args()
    from c360.generate import Plan, generate
    from c360.pipeline.bronze.land import land_all

    workspace = args.keep or Path(tempfile.mkdtemp(prefix="c360-text-")) / "ws"
    if not (workspace / "sources").exists():
        generate(workspace, Plan(scale=args.scale, seed=42))
    if not (workspace / "lake" / "bronze" / "text_customer_notes").exists():
        land_all(workspace)
    script = Path(tempfile.mkdtemp(prefix="c360-text-child-")) / "child.py"
    script.write_text(CHILD)  # a file, so worker processes can import the main module
    runs = []
    for _ in range(args.runs):
        out = subprocess.run(
            [sys.executable, str(script), str(workspace)], check=True, capture_output=True,
            text=True,
        ).stdout.split()  # fmt: skip
        runs.append([float(x) for x in out])
    if not args.keep:
        shutil.rmtree(workspace.parent, ignore_errors=True)
    seconds = statistics.median(r[0] for r in runs)
    print(
        f"machine: {platform.machine()}, {len(os.sched_getaffinity(0))} cores, "
        f"Python {platform.python_version()}"
    )
    print("| scale | runs | notes | e-mails | median s | notes/s | peak RSS MiB (parent) |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    print(
        f"| {args.scale:g} | {len(runs)} | {int(runs[0][1]):,} | {int(runs[0][2]):,} "
        f"| {seconds:.2f} | {runs[0][1] / seconds:,.0f} | {max(r[3] for r in runs) / 1024:,.0f} |"
    )


if __name__ == "__main__":
    main()
