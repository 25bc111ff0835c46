"""benchmarks/pandas_baseline.py cleans seed 003's orders as c360 does: one row per order line."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pandas as pd

SCRIPT = Path(__file__).parents[2] / "benchmarks" / "pandas_baseline.py"


def load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("pandas_baseline", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_an_order_of_two_products_keeps_both_lines_and_drops_the_repeated_one() -> None:
    raw = {
        "ec_products": pd.DataFrame(
            {"product_id": ["P1", "P2"], "name": ["Lamp", "Mug"], "category": ["Home", "Home"],
             "brand": ["Lumo", "Lumo"], "price": [20.0, 5.0], "cost": [12.0, 1.0]}
        ),
        "ec_customers": pd.DataFrame(
            {"customer_id": ["C1"], "name": ["Ann Lee"], "email": ["ann@mail.com"],
             "city": ["Leeds"], "country": ["uk"], "registration_date": ["2023-01-01"],
             "loyalty_tier": ["gold"]}
        ),
        "ec_orders": pd.DataFrame(
            {"order_id": ["EC-1", "EC-1", "EC-1"], "customer_id": ["C1", "C1", "C1"],
             "product_id": ["P1", "P2", "P1"], "quantity": ["2", "1", "3"],
             "order_date": ["2024-01-01 10:00:00"] * 3, "shipping_address": ["1 Main St"] * 3}
        ),
        "ec_inventory": pd.DataFrame(
            {"product_id": ["P1"], "warehouse_id": ["WH-PAR"], "stock_quantity": ["3"],
             "last_updated": ["2024-01-01 00:00:00"]}
        ),
    }  # fmt: skip
    orders = load().clean_ecommerce(raw)["orders"]
    assert list(zip(orders.order_id, orders.product_id, orders.quantity, strict=True)) == [
        ("EC-1", "P1", 2),
        ("EC-1", "P2", 1),
    ]
