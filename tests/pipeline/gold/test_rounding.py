"""Rounding in gold gives the same digits on every engine, ties included."""

from __future__ import annotations

import pyarrow as pa

from c360.engines import Engine
from c360.pipeline.gold.rounding import cents, exact_mean, exact_sum, fixed


def test_ties_round_up_and_nulls_stay_null(engine: Engine) -> None:
    # round(1.005, 2) is 1.0 on DuckDB, 1.01 on Spark; 1.005 is a hair below it as a double,
    # and so is 77.99 / 2. Money rounds them up, as on paper and as exact_sum does.
    values = [1.005, 744.985, 77.99 / 2, -2.5, -0.015, 2.0 / 3, 1.00499, None]
    t = engine.register("t_rounding", pa.table({"x": pa.array(values, pa.float64())}))
    out = engine.to_arrow(t.select(c=cents(t.x), f=fixed(t.x, 3)))
    assert out.column("c").to_pylist() == [1.01, 744.99, 39.0, -2.5, -0.01, 0.67, 1.0, None]
    assert out.column("f").to_pylist() == [1.005, 744.985, 38.995, -2.5, -0.015, 0.667, 1.005, None]
    one = engine.to_arrow(t.filter(t.x == 1.005).aggregate(s=exact_sum(t.x, 2)))
    assert one.column("s").to_pylist() == [1.01]


def test_sums_do_not_depend_on_the_order_rows_are_added_in(engine: Engine) -> None:
    # 0.7 + 0.1 - 0.795 is 0.005, a tie; added as doubles it is 0.00499999..., which rounds
    # down. 0.1 - 0.2 - 0.795 added as doubles rounds to -0.89 in this order, -0.9 in the other.
    rows: list[tuple[str, float | None]] = [("a", 0.7), ("a", 0.1), ("a", -0.795), ("b", 0.1)]
    rows += [("b", -0.2), ("b", -0.795)]
    rows += [("c", -0.795), ("c", -0.2), ("c", 0.1), ("d", None)]
    t = engine.register(
        "t_exact_sum",
        pa.table({"g": [g for g, _ in rows], "x": pa.array([x for _, x in rows], pa.float64())}),
    )
    out = engine.to_arrow(
        t.group_by("g").aggregate(c=exact_sum(t.x, 2), f=exact_sum(t.x / 3, 6)).order_by("g")
    )
    assert out.column("c").to_pylist() == [0.01, -0.89, -0.89, None]
    assert out.column("f").to_pylist() == [0.001667, -0.298333, -0.298333, None]


def test_a_sum_can_skip_rows_as_sum_where_does(engine: Engine) -> None:
    rows = [("a", 0.001, True), ("a", 0.092, True), ("a", 0.932, True), ("a", 5.0, False)]
    rows += [("b", 0.932, True), ("b", 0.092, True), ("b", 0.001, True), ("c", 1.0, False)]
    t = engine.register(
        "t_exact_sum_where",
        pa.table({"g": [r[0] for r in rows], "x": [r[1] for r in rows], "y": [r[2] for r in rows]}),
    )
    out = engine.to_arrow(t.group_by("g").aggregate(c=exact_sum(t.x, 2, where=t.y)).order_by("g"))
    assert out.column("c").to_pylist() == [1.03, 1.03, None]  # 1.025 in either order, ties up


def test_means_do_not_depend_on_the_order_rows_are_added_in(engine: Engine) -> None:
    # 0.1 + 0.2 + 0.3 is 0.6000000000000001 as doubles in this order, 0.6 in the other.
    rows = [("a", 0.1), ("a", 0.2), ("a", 0.3), ("b", 0.3), ("b", 0.2), ("b", 0.1), ("c", None)]
    t = engine.register(
        "t_exact_mean",
        pa.table({"g": [g for g, _ in rows], "x": pa.array([x for _, x in rows], pa.float64())}),
    )
    out = engine.to_arrow(t.group_by("g").aggregate(m=exact_mean(t.x, 6)).order_by("g"))
    assert out.column("m").to_pylist() == [0.2, 0.2, None]


def test_every_amount_silver_accepts_adds_up_on_every_engine(engine: Engine) -> None:
    """Silver rejects an amount from ``TOO_LARGE`` (1e15) on; below it an amount's thousandths
    of a cent pass 2^63 from 9.2e13, and eleven amounts of 9e12 add up past it."""
    rows = [("a", 99999999999999.995), ("b", 999999999999999.9), ("c", 1.005), ("c", 2.675)]
    rows += [("d", 9e12)] * 11 + [("e", -999999999999999.9), ("e", 0.01)]
    t = engine.register(
        "t_large_sums",
        pa.table({"g": [g for g, _ in rows], "x": pa.array([x for _, x in rows], pa.float64())}),
    )
    out = engine.to_arrow(
        t.group_by("g")
        .aggregate(s=exact_sum(t.x, 2), c=cents(t.x.sum()), f=fixed(t.x.max(), 2))
        .order_by("g")
    ).to_pydict()
    assert out["s"] == [1e14, 999999999999999.9, 3.68, 9.9e13, -999999999999999.9]
    assert out["c"] == [1e14, 999999999999999.9, 3.68, 9.9e13, -999999999999999.9]
    assert out["f"] == [1e14, 999999999999999.9, 2.68, 9e12, 0.01]
