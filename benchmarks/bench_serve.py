"""Time each part of the serve step on a built workspace: wall, CPU (user+sys) and peak RSS.

Usage: ``python benchmarks/bench_serve.py <workspace> [part ...]`` with parts among
``warehouse exports answers reports`` (default: all, in the runner's order), or ``both``: the
warehouse and the exports side by side, as the runner builds them. Each part runs in a child
process so that its peak RSS is its own.
"""

from __future__ import annotations

import multiprocessing as mp
import resource
import sys
import time
from pathlib import Path

PARTS = ("warehouse", "exports", "answers", "reports")


def _part(workspace: Path, part: str, peak: mp.Value) -> None:  # type: ignore[valid-type]
    _run(workspace, part)
    peak.value = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # type: ignore[attr-defined]


def _run(workspace: Path, part: str) -> None:
    if part == "both":
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(1) as pool:
            exporting = pool.submit(_run, workspace, "exports")
            _run(workspace, "warehouse")
            exporting.result()
    elif part == "warehouse":
        from c360.engines.duckdb.warehouse import build_warehouse

        build_warehouse(workspace)
    elif part == "exports":
        from c360.serve.exports import export_all

        export_all(workspace)
    elif part == "answers":
        from c360.engines.duckdb.warehouse import query_warehouse
        from c360.serve.sql_files import answer_all

        answer_all(lambda sql: query_warehouse(workspace, sql))
    else:
        from c360.serve.html_report import write_html_report
        from c360.serve.reports import write_text_reports

        write_text_reports(workspace)
        write_html_report(workspace)


def main() -> None:
    workspace = Path(sys.argv[1])
    parts = sys.argv[2:] or PARTS
    ctx = mp.get_context("spawn")
    for part in parts:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        peak = ctx.Value("q", 0)
        child = ctx.Process(target=_part, args=(workspace, part, peak))
        child.start()
        child.join()
        wall = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        print(
            f"{part:10s} wall {wall:7.1f} s  cpu {cpu:7.1f} s  "
            f"peak RSS {peak.value / 1024:7.0f} MB  exit {child.exitcode}",
            flush=True,
        )


if __name__ == "__main__":
    main()
