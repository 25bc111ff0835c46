"""Recommendations published from a workspace's gold orders: both tables and the model card."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc

from c360.contracts.check import violations
from c360.contracts.gold_reco import TABLES
from c360.ml.publish_reco import CARD, publish_recommendations
from c360.pipeline import lake
from tests.ml.test_recommend import NOBODY, _gold


def test_tables_and_card_are_published(tmp_path: Path) -> None:
    order_lines, orders = _gold()
    lake.publish_table(tmp_path, "gold", "fct_order_lines", order_lines)
    lake.publish_table(tmp_path, "gold", "fct_orders", orders)
    built = publish_recommendations(tmp_path)
    assert [(name, rows) for name, rows, _ in built] == [
        ("basket_rules", 6),  # support >= 0.001 and confidence >= 0.05: every pair
        ("customer_recommendations", 1 + 2 + 3 + 3),  # each buyer: the products not bought
    ]
    for contract in TABLES:
        table = lake.read_table(tmp_path, "gold", contract.name)
        assert violations(contract, table).num_rows == 0, contract.name
    top = lake.read_table(tmp_path, "gold", "customer_recommendations")
    first = top.filter(pc.equal(top["rank"], 1))
    assert first["product_id"].to_pylist() == ["P4", "P2", "P1", "P1"]
    card = (tmp_path / "reports" / CARD).read_text()
    assert "| co-purchase affinities |" in card and "Customers evaluated: 1." in card


def test_a_workspace_without_completed_orders_gets_empty_tables(tmp_path: Path) -> None:
    order_lines, orders = _gold()
    orders = orders.set_column(
        orders.schema.get_field_index("status"), "status", pa.array(["canceled"] * len(orders))
    )
    lake.publish_table(tmp_path, "gold", "fct_order_lines", order_lines)
    lake.publish_table(tmp_path, "gold", "fct_orders", orders)
    assert [rows for _, rows, _ in publish_recommendations(tmp_path)] == [0, 0]
    assert "Customers evaluated: 0." in (tmp_path / "reports" / CARD).read_text()


def test_people_without_orders_get_the_popular_products(tmp_path: Path) -> None:
    order_lines, orders = _gold()
    links = pa.table({"record_id": ["a", "b", "c"], "customer360_id": [NOBODY, "c360_00000003",
                                                                       None]})  # fmt: skip
    for name, table in [("fct_order_lines", order_lines), ("fct_orders", orders),
                        ("identity_links", links)]:  # fmt: skip
        lake.publish_table(tmp_path, "gold", name, table)
    publish_recommendations(tmp_path)
    top = lake.read_table(tmp_path, "gold", "customer_recommendations")
    assert set(top["customer360_id"].to_pylist()) == {f"c360_0000000{i}" for i in range(1, 6)}
    assert top.filter(pc.equal(top["customer360_id"], NOBODY))["product_id"].to_pylist() == [
        "P1", "P2", "P3", "P4"
    ]  # fmt: skip
