"""The quality score of a source keyed by several columns: an order line of the shop."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa

from c360.pipeline import lake
from c360.quality.score import score


def test_a_line_of_an_order_of_two_products_is_scored_against_its_own_silver_row(
    tmp_path: Path,
) -> None:
    """Order EC-1 holds two products. Its second line's address is missing and silver keeps
    it NULL; its first line's address is mis-encoded and silver repairs it; its third line
    repeats the first (quarantined). The manifest names an order line by its order alone: the
    silver row is the one of the record's order and product."""
    columns = ("order_id", "customer_id", "product_id", "quantity", "order_date",
               "shipping_address")  # fmt: skip
    records = [
        ("EC-1", "C1", "P1", "2", "2024-01-01 10:00:00", "Ã‰cole 1"),
        (" EC-1", "C1", "P2 ", "1", "2024-01-01 10:00:00", None),
        ("EC-1", "C1", "P1", "3", "2024-01-01 10:00:00", "Ã‰cole 1"),
    ]
    bronze = {c: [r[i] for r in records] for i, c in enumerate(columns)}
    bronze["_row_number"] = [1, 2, 3]
    lake.publish_table(tmp_path, "bronze", "ecommerce_orders",
                       pa.table(bronze, schema=_text(columns).append(_ROW)))  # fmt: skip
    silver = pa.table(
        {"order_id": ["EC-1", "EC-1"], "product_id": ["P1", "P2"],
         "shipping_address": ["École 1", None]}
    )  # fmt: skip
    lake.publish_table(tmp_path, "silver", "stg_ecommerce_orders", silver)
    rejects = pa.table({"order_id": ["EC-1"], "product_id": ["P1"], "_row_number": [3]},
                       schema=_text(("order_id", "product_id")).append(_ROW))  # fmt: skip
    lake.publish_table(tmp_path, "quarantine", "silver_stg_ecommerce_orders", rejects)
    (tmp_path / "truth").mkdir()
    (tmp_path / "truth" / "defects.csv").write_text(
        "table,row_key,row_number,column,defect_type\n"
        "ecommerce_orders,EC-1,1,shipping_address,wrong_encoding\n"
        "ecommerce_orders,EC-1,2,shipping_address,null\n"
        "ecommerce_orders,EC-1,3,quantity,near_duplicate\n"
    )
    [orders] = [t for t in score(tmp_path).tables if t.table == "ecommerce_orders"]
    assert (orders.defects, orders.quarantined, orders.repaired, orders.kept_null) == (3, 1, 1, 1)
    assert (orders.missed, orders.false_rejects, orders.false_repairs) == ({}, 0, {})


_ROW = pa.field("_row_number", pa.int64())


def _text(names: tuple[str, ...]) -> pa.Schema:
    return pa.schema([(n, pa.string()) for n in names])
