"""Rounding in gold gives the same digits on every engine, ties included."""

from __future__ import annotations

import pyarrow as pa

from c360.engines import Engine
from c360.pipeline.gold.rounding import cents, fixed


def test_ties_round_up_and_nulls_stay_null(engine: Engine) -> None:
    # round(1.005, 2) is 1.0 on DuckDB, 1.01 on Spark; 1.005 is a hair below it as a double.
    t = engine.register(
        "t_rounding", pa.table({"x": pa.array([1.005, 744.985, -2.5, 2.0 / 3, None], pa.float64())})
    )
    out = engine.to_arrow(t.select(c=cents(t.x), f=fixed(t.x, 3)))
    assert out.column("c").to_pylist() == [1.0, 744.99, -2.5, 0.67, None]
    assert out.column("f").to_pylist() == [1.005, 744.985, -2.5, 0.667, None]
