"""Seed 003's stock-outs and stock rotation: literal snapshots in, exact rows out, on every engine.

Snapshots run from 2025-01-06 to 2025-01-20; P3 has none, P9 is not in the catalogue.
"""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from c360.engines import Engine
from tests.pipeline.gold.test_ecommerce import Rows, at, build, pick

STOCK = {
    "stg_ecommerce_products": [
        (p, name, "Unknown" if p == "P4" else "Home & Garden", "Lumo", 10.0, 4.0, 6.0)
        for p, name in (("P1", "Lamp"), ("P2", "Mug"), ("P3", "Vase"), ("P4", "Rug"))
    ],
    "stg_ecommerce_customers": [("C1", "Ann", None, False, None, None, None, "gold")],
    "stg_ecommerce_orders": [
        ("O1", "C1", "P1", 2, at("2025-01-05", "23:59"), None),  # the day before the period
        ("O2", "C1", "P1", 3, at("2025-01-06", "00:00"), None),
        ("O3", "C1", "P1", 1, at("2025-01-20", "23:00"), None),
        ("O4", "C1", "P2", 4, at("2025-01-21", "00:00"), None),  # the day after
        ("O5", "C1", "P2", 1, at("2025-01-10"), None),
        ("O6", "C1", "P3", 5, at("2025-01-10"), None),
    ],
    "stg_ecommerce_inventory": [
        ("P1", "WH-A", 4, at("2025-01-06", "08:00")),
        ("P1", "WH-A", 0, at("2025-01-13", "08:00")),
        ("P1", "WH-B", 5, at("2025-01-06", "08:00")),
        ("P1", "WH-B", 3, at("2025-01-20", "09:30")),
        ("P2", "WH-B", 0, at("2025-01-06", "08:00")),
        ("P2", "WH-B", 6, at("2025-01-20", "08:00")),  # back in stock
        ("P4", "WH-A", 0, at("2025-01-13", "08:00")),
        ("P4", "WH-A", 0, at("2025-01-20", "08:00")),
        ("P9", "WH-C", 0, at("2025-01-20", "08:00")),
    ],
}


@pytest.fixture(scope="module")
def stock(engine: Engine) -> Rows:
    return build(engine, STOCK)


def test_stockouts_are_pairs_whose_latest_snapshot_is_zero(stock: Rows) -> None:
    columns = ("product_id", "warehouse_id", "product_name", "category", "last_updated_at",
               "last_in_stock_at")  # fmt: skip
    assert pick(stock["mart_ecommerce_stockouts"], *columns) == [
        ("P1", "WH-A", "Lamp", "Home & Garden", at("2025-01-13", "08:00"),
         at("2025-01-06", "08:00")),
        ("P4", "WH-A", "Rug", "Unknown", at("2025-01-20", "08:00"), None),  # silver's default
        ("P9", "WH-C", None, None, at("2025-01-20", "08:00"), None),
    ]  # fmt: skip


def test_stock_rotation_is_units_sold_in_the_period_over_average_stock(stock: Rows) -> None:
    # P1: 3 + 1 units over (4 + 0) / 2 + (5 + 3) / 2 = 6 on average. P2: 1 unit over 3.
    # P3 has no snapshot and P4 an average of 0: no rotation.
    start, end = dt.date(2025, 1, 6), dt.date(2025, 1, 20)
    columns = ("product_id", "product_name", "period_start_date", "period_end_date",
               "units_sold", "average_stock_units", "stock_rotation")  # fmt: skip
    assert pick(stock["mart_ecommerce_stock_rotation"], *columns) == [
        ("P1", "Lamp", start, end, 4, 6.0, 0.667),
        ("P2", "Mug", start, end, 1, 3.0, 0.333),
        ("P3", "Vase", start, end, 5, None, None),
        ("P4", "Rug", start, end, 0, 0.0, None),
    ]


def test_average_stock_is_the_same_whatever_order_warehouses_are_added_in(engine: Engine) -> None:
    # Warehouse means of 1/3, 2/3 and 7/16 add up to 1.4375, a tie: added as doubles they land
    # below it in two of the six orders. Each product reports its warehouses in another order.
    snapshots = {"1/3": (1, 0, 0), "2/3": (1, 1, 0), "7/16": (1,) * 7 + (0,) * 9}
    orders = list(itertools.permutations(snapshots))
    rows = {
        "stg_ecommerce_products": [
            (f"P{n}", "Lamp", "Home & Garden", "Lumo", 10.0, 4.0, 6.0) for n in range(len(orders))
        ],
        "stg_ecommerce_inventory": [
            (f"P{n}", f"WH-{mean}", quantity, at(f"2025-01-{day + 1:02d}"))
            for n, means in enumerate(orders)
            for mean in means
            for day, quantity in enumerate(snapshots[mean])
        ],
    }
    products = build(engine, rows)["dim_ecommerce_product"]
    assert pick(products, "average_stock_units") == [(1.438,)] * len(orders)
