"""A required date left blank is quarantined as missing, one that does not read as
``invalid_date``, in the hand-built models as in those read by their contract."""

from __future__ import annotations

import datetime as dt

import pyarrow as pa

from c360.engines import Engine
from c360.pipeline.silver.ecommerce import stg_ecommerce_inventory, stg_ecommerce_orders
from c360.pipeline.silver.marketing import stg_mongo_transactions

AS_OF = dt.datetime(2025, 12, 31, tzinfo=dt.UTC)
# Blank, white space only, a word exports write for a missing value, absent; then unreadable.
DATES = ["", "  ", "NULL", None, "2024-02-30"]


def _bronze(engine: Engine, name: str, columns: dict[str, list[str | None]]) -> object:
    n = len(next(iter(columns.values())))
    table = {k: pa.array(v, pa.string()) for k, v in columns.items()}
    table["_source_file"] = pa.array([f"sources/{name}"] * n)
    table["_row_number"] = pa.array(range(1, n + 1), pa.int64())
    return engine.register(name, pa.table(table))


def _reasons(engine: Engine, staged: object) -> list[tuple[str, str | None]]:
    rejects = staged.collect(engine)[1].sort_by("_row_number")  # type: ignore[attr-defined]
    return list(zip(rejects["reason"].to_pylist(), rejects["column"].to_pylist(), strict=True))


def test_an_ecommerce_order_without_a_date_is_missing_its_date(engine: Engine) -> None:
    n = len(DATES)
    products = _bronze(engine, "blank_products", {"product_id": ["P1"], "price": ["2.0"]})
    customers = _bronze(engine, "blank_customers", {"customer_id": ["C1"]})
    orders = _bronze(engine, "blank_orders", {
        "order_id": [f"O{i}" for i in range(n)], "customer_id": ["C1"] * n,
        "product_id": ["P1"] * n, "quantity": ["1"] * n, "order_date": DATES,
        "shipping_address": ["x"] * n,
    })  # fmt: skip
    staged = stg_ecommerce_orders(orders, customers, products, AS_OF)
    assert _reasons(engine, staged) == [("missing_order_date", "order_date")] * 4 + [
        ("invalid_date", "order_date")
    ]


def test_a_stock_snapshot_without_a_date_is_missing_its_key(engine: Engine) -> None:
    """The date is part of the snapshot's key, as its product and warehouse are."""
    n = len(DATES)
    products = _bronze(engine, "blank_stock_products", {"product_id": ["P1"]})
    inventory = _bronze(engine, "blank_inventory", {
        "product_id": ["P1"] * n, "warehouse_id": ["WH-PAR"] * n, "stock_quantity": ["3"] * n,
        "last_updated": DATES,
    })  # fmt: skip
    staged = stg_ecommerce_inventory(inventory, products, AS_OF)
    assert _reasons(engine, staged) == [("missing_key", None)] * 4 + [
        ("invalid_date", "last_updated")
    ]


def test_a_transaction_without_a_timestamp_is_missing_its_timestamp(engine: Engine) -> None:
    n = len(DATES)
    customers = _bronze(engine, "blank_tx_customers", {"customer_id": ["C1"]})
    tx = _bronze(engine, "blank_tx", {
        "transaction_id": [f"T{i}" for i in range(n)], "customer_id": ["C1"] * n,
        "product": ["Mug"] * n, "amount": ["5"] * n, "quantity": ["1"] * n,
        "payment_method": ["Card"] * n, "discount_applied": ["0"] * n,
        "shipping_cost": ["0"] * n, "timestamp": DATES,
    })  # fmt: skip
    staged = stg_mongo_transactions(tx, customers, AS_OF)
    assert _reasons(engine, staged) == [("missing_timestamp", "timestamp")] * 4 + [
        ("invalid_date", "timestamp")
    ]
