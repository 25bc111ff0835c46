"""Train and stream-score churn and propensity for many customers on DuckDB; prints Markdown.

Gold's fact tables are synthesised with numpy (not the generator) for each customer count, then
each run is a fresh subprocess timing ``publish_scores`` (features on the engine, training on a
sample of at most 500k customers per cutoff, scoring streamed into ``customer_scores``) with its
peak RSS. Usage:
python benchmarks/bench_score_stream.py [--customers 500000 2000000] [--runs 1] [--dir DIR]
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import threading
import time
from contextlib import ExitStack
from datetime import datetime
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa

from c360.pipeline import lake

BLOCK = 250_000  # customers synthesised at a time
START = np.datetime64(datetime(2024, 1, 1), "ms")
DAYS = 730
MS_PER_DAY = 86_400_000


def _ids(first: int, n: int) -> pa.Array:
    return pa.array(np.char.add("c360_", np.char.zfill(np.arange(first, first + n).astype(str), 8)))


def _at(rng: np.random.Generator, lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
    """A time between ``lo`` and ``hi`` days after START for each row."""
    days = lo + rng.uniform(size=len(lo)) * (hi - lo)
    return START + (days * MS_PER_DAY).astype("timedelta64[ms]")


def _block(rng: np.random.Generator, first: int, n: int) -> dict[str, pa.Table]:
    """Facts of customers ``first`` .. ``first + n``: each active from a start day to a stop
    day (a third stop within the two years), buying, receiving e-mails, calling support."""
    ids = _ids(first, n)
    start = rng.uniform(0, DAYS * 0.7, n)
    stop = np.where(rng.uniform(size=n) < 1 / 3, rng.uniform(start, DAYS), DAYS)
    tables = {}
    for name, mean in (("orders", 4.0), ("emails", 8.0), ("interactions", 1.0)):
        who = np.repeat(np.arange(n), rng.poisson(mean, n))
        at = _at(rng, start[who], stop[who])
        tables[name] = (ids.take(pa.array(who)), pa.array(at, pa.timestamp("ms")), who)
    who_o, at_o = tables["orders"][0], tables["orders"][1]
    k = len(who_o)
    orders = pa.table({
        "customer360_id": who_o, "order_at": at_o,
        "status": pa.array(np.where(rng.uniform(size=k) < 0.9, "completed", "canceled")),
        "total_amount_eur": rng.gamma(2.0, 40.0, k),
    })  # fmt: skip
    who_e, sent = tables["emails"][0], tables["emails"][1]
    k = len(who_e)
    opened = rng.uniform(size=k) < 0.3
    clicked = opened & (rng.uniform(size=k) < 0.3)
    sent_ms = sent.cast(pa.int64()).to_numpy()
    open_ms = sent_ms + (rng.uniform(size=k) * MS_PER_DAY).astype(np.int64)
    first_open = pa.array(open_ms, pa.int64(), mask=~opened).cast(pa.timestamp("ms"))
    first_click = pa.array(open_ms + 60_000, pa.int64(), mask=~clicked).cast(pa.timestamp("ms"))
    emails = pa.table({  # every open and click a person's (no scanner or proxy)
        "customer360_id": who_e, "send_at": sent, "is_opened": opened, "is_clicked": clicked,
        "first_open_at": first_open, "first_click_at": first_click,
        "first_human_open_at": first_open, "first_human_click_at": first_click,
    })  # fmt: skip
    who_i, at_i = tables["interactions"][0], tables["interactions"][1]
    kinds = np.array(["support_ticket", "sales_call", "onboarding"])
    interactions = pa.table({
        "customer360_id": who_i, "occurred_at": at_i,
        "type": pa.array(kinds[rng.integers(0, 3, len(who_i))]),
    })  # fmt: skip
    people = pa.table({"customer360_id": ids})
    return {"fct_orders": orders, "fct_email_events": emails,
            "fct_interactions": interactions, "identity_links": people}  # fmt: skip


def synthesise(workspace: Path, customers: int, seed: int = 7) -> dict[str, int]:
    """Gold facts and ``identity_links`` of ``customers`` people; rows written per table."""
    rng = np.random.default_rng(seed)
    with ExitStack() as stack:
        outs = {
            name: stack.enter_context(lake.publish(workspace, "gold", name, table.schema))
            for name, table in _block(np.random.default_rng(0), 0, 1).items()  # the schemas
        }
        for begin in range(0, customers, BLOCK):
            for name, table in _block(rng, begin, min(BLOCK, customers - begin)).items():
                outs[name].write(table)
    return {name: out.rows for name, out in outs.items()}


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _rss_mib() -> float:
    return int(Path("/proc/self/statm").read_text().split()[1]) * resource.getpagesize() / 2**20


class _Sampler(threading.Thread):
    """The highest current RSS seen since ``reset``, sampled every 50 ms."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.high = 0.0

    def reset(self) -> None:
        self.high = _rss_mib()

    def run(self) -> None:
        while True:
            self.high = max(self.high, _rss_mib())
            time.sleep(0.05)


def aggregate_only(workspace: Path) -> None:
    """Compute every customer's features as of "now" on DuckDB and drop them (nothing kept):
    the memory the engine needs for the fact-table aggregation alone (JSON)."""
    import ibis

    from c360.engines import connect
    from c360.ml import churn_features, publish_churn

    engine = connect("duckdb")
    customers = engine.register("churn_customers", publish_churn._customers(workspace))
    facts = churn_features.events(
        *(publish_churn._fact(workspace, engine, n) for n in publish_churn._FACTS)
    )
    span = engine.to_arrow(churn_features.span(facts, customers)).to_pylist()[0]
    now = publish_churn._epoch_to_datetime(span["last_at"])
    expr: ibis.Table = churn_features.features(facts, customers, now).order_by("customer360_id")
    schema = expr.schema().to_pyarrow()
    rows = sum(b.num_rows for b in engine.map_batches(expr, lambda b: b, schema))
    print(json.dumps({"rows": rows, "peak_mib": _peak_mib()}))


def child(workspace: Path) -> None:
    """Score ``workspace`` on DuckDB; print seconds, rows and this process's peak RSS (JSON),
    also as it stood after collecting the training features and after fitting the models."""
    from c360.engines import connect
    from c360.ml import publish_churn

    marks: dict[str, float] = {}
    collect, assess = publish_churn._collect, publish_churn.assess

    def collected(*args: Any) -> Any:
        rows = collect(*args)
        marks["collected_s"] = time.perf_counter() - started
        marks["collected_mib"] = _peak_mib()
        return rows

    def assessed(*args: Any, **kwargs: Any) -> Any:
        outcome = assess(*args, **kwargs)
        marks["fitted_s"] = time.perf_counter() - started
        marks["fitted_mib"] = _peak_mib()
        sampler.reset()  # from here on: scoring
        return outcome

    sampler = _Sampler()
    sampler.start()
    publish_churn._collect, publish_churn.assess = collected, assessed  # checkpoints only
    started = time.perf_counter()
    [(_, rows, seconds)] = publish_churn.publish_scores(workspace, connect("duckdb"))
    marks["scoring_high_mib"] = sampler.high
    print(json.dumps({"rows": rows, "seconds": seconds, "peak_mib": _peak_mib(), **marks}))


def _median(results: list[dict[str, float]], key: str) -> float:
    return statistics.median(r[key] for r in results)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--customers", type=int, nargs="+", default=[500_000, 2_000_000])
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--dir", type=Path, default=Path("/tmp/c360-bench-stream"))
    parser.add_argument("--keep", action="store_true", help="reuse workspaces already made")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--aggregate-only", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return
    if args.aggregate_only:
        aggregate_only(args.aggregate_only)
        return
    print(
        "| customers | fact rows | runs | median s | min s | max s | training features "
        "collected s | models fitted s | peak RSS MiB: after training features / after "
        "fitting / at the end | highest RSS while scoring MiB | peak RSS of the feature "
        "aggregation alone MiB |"
    )
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for n in args.customers:
        workspace = args.dir / f"n{n}"
        if not (args.keep and (workspace / "lake").exists()):
            synthesise(workspace, n)
        facts = sum(lake.count_rows(lake.table_dir(workspace, "gold", t))
                    for t in ("fct_orders", "fct_email_events", "fct_interactions"))  # fmt: skip
        results = []
        for _ in range(args.runs):
            out = subprocess.run(
                [sys.executable, __file__, "--child", str(workspace)],
                check=True, capture_output=True, text=True,
            )  # fmt: skip
            results.append(json.loads(out.stdout.strip().splitlines()[-1]))
        assert all(r["rows"] == n for r in results), results
        out = subprocess.run(
            [sys.executable, __file__, "--aggregate-only", str(workspace)],
            check=True, capture_output=True, text=True,
        )  # fmt: skip
        alone = json.loads(out.stdout.strip().splitlines()[-1])
        times = [r["seconds"] for r in results]
        print(
            f"| {n:,} | {facts:,} | {len(times)} | {statistics.median(times):.1f} | "
            f"{min(times):.1f} | {max(times):.1f} | {_median(results, 'collected_s'):.1f} | "
            f"{_median(results, 'fitted_s'):.1f} | {_median(results, 'collected_mib'):,.0f} / "
            f"{_median(results, 'fitted_mib'):,.0f} / {_median(results, 'peak_mib'):,.0f} | "
            f"{_median(results, 'scoring_high_mib'):,.0f} | {alone['peak_mib']:,.0f} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
