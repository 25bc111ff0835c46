"""Time the CLV models (BG/NBD + Gamma-Gamma) on simulated customers, and on a workspace's
gold orders when given one; prints Markdown. Usage:
python benchmarks/bench_clv.py [--customers 10000 100000 1000000] [--workspace DIR]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np
import pyarrow as pa

from c360.ml.clv import BgNbdParams, GammaGammaParams, simulate
from c360.ml.clv_fit import ClvFit, fit_clv, orders_clv

TRUE_BGNBD = BgNbdParams(r=0.25, alpha=28.0, a=0.8, b=2.5)
TRUE_SPEND = GammaGammaParams(p=6.0, q=4.0, v=15.0)


def simulated(n: int, seed: int = 0) -> pa.Table:
    """``n`` customers drawn from the benchmark's parameters, observed 180-720 days."""
    rng = np.random.default_rng(seed)
    sample = simulate(TRUE_BGNBD, n, rng.uniform(180, 720, n), rng, spend=TRUE_SPEND)
    return pa.table({"customer": np.arange(n), **sample})


def row(label: str, fit: ClvFit) -> str:
    bg, gg = fit.bgnbd, fit.gamma_gamma
    return (
        f"| {label} | {fit.predictions.num_rows:,} | {fit.seconds:.2f} | "
        f"r={bg.r:.3g} α={bg.alpha:.4g} a={bg.a:.3g} b={bg.b:.4g} | "
        f"p={gg.p:.3g} q={gg.q:.3g} v={gg.v:.4g} | {bg.converged and gg.converged} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--customers", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--workspace", type=Path)
    args = parser.parse_args()
    print("| data | customers | fit + predict (s) | BG/NBD | Gamma-Gamma | converged |")
    print("| --- | ---: | ---: | --- | --- | --- |")
    for n in args.customers:
        print(row("simulated", fit_clv(simulated(n))), flush=True)
    if args.workspace:
        from c360.pipeline.lake import read_table

        started = time.perf_counter()
        orders = read_table(args.workspace, "gold", "fct_orders")
        fit = orders_clv(orders)
        label = f"{args.workspace} fct_orders (read + fit {time.perf_counter() - started:.2f} s)"
        print(row(label, fit))
    print(f"\ntruth: {TRUE_BGNBD} {TRUE_SPEND}")


if __name__ == "__main__":
    main()
