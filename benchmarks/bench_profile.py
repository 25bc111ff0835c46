"""Time ``customer_profile`` on a built workspace (identity and gold tables already published).

Runs what ``runner._profile`` runs before publishing: ``build_profile`` then the rule segments,
and prints wall and CPU seconds and peak RSS. ``--out`` writes the table to Parquet, to compare
two versions of the code; ``--cprofile`` prints the functions that take the most time. Usage:
python benchmarks/bench_profile.py WORKSPACE [--out profile.parquet] [--cprofile]
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import resource
import time
from pathlib import Path

import pyarrow.parquet as pq

from c360 import config, engines
from c360.identity.profile import build_profile
from c360.ml import segments


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("workspace", type=Path)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--cprofile", action="store_true")
    args = parser.parse_args()
    project = config.load(args.workspace)
    engine = engines.connect(project.engine)
    profiler = cProfile.Profile() if args.cprofile else None
    wall, cpu = time.perf_counter(), time.process_time()
    if profiler:
        profiler.enable()
    built = build_profile(args.workspace, project.identity)
    table = segments.apply(built, project.segments, engine)
    if profiler:
        profiler.disable()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(40)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    if args.out:
        pq.write_table(table, args.out)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"customer_profile: {table.num_rows} rows, {wall:.1f} s wall, {cpu:.1f} s CPU, "
          f"peak RSS {peak:.0f} MiB")  # fmt: skip


if __name__ == "__main__":
    main()
