"""A shop that exports customers, orders and products but no stock snapshots: its catalogue has
no stock levels, every table that does not need stock is built as with them, and only the stock
marts are missing, naming the inventory source. Literal rows in, exact rows out, on every engine.
"""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pytest

from c360.contracts import gold_ecommerce as contracts
from c360.engines import Engine
from c360.pipeline.gold import ecommerce, run
from c360.pipeline.gold.run import conform
from tests.pipeline.gold.test_ecommerce import SHOP, SILVER, Rows, build, pick

STOCK_COLUMNS = ("current_stock_units", "average_stock_units", "is_low_stock")
STOCK_MARTS = ("mart_ecommerce_stockouts", "mart_ecommerce_stock_rotation")
INVENTORY = "stg_ecommerce_inventory"


def _silver(name: str) -> pa.Table:
    schema = SILVER[name]
    records = [dict(zip(schema.names, r, strict=True)) for r in SHOP[name]]
    return pa.Table.from_pylist(records, schema)


def _publish_without_inventory(workspace: Path) -> None:
    for name, schema in SILVER.items():
        if name != INVENTORY:
            records = [dict(zip(schema.names, r, strict=True)) for r in SHOP[name]]
            run.lake.publish_table(workspace, "silver", name, pa.Table.from_pylist(records, schema))


@pytest.fixture(scope="module")
def with_stock(engine: Engine) -> Rows:
    return build(engine, SHOP)


def test_dim_product_without_snapshots_has_null_stock_and_the_rest_as_with_them(
    engine: Engine, with_stock: Rows
) -> None:
    products = engine.register("t_nostock_products", _silver("stg_ecommerce_products"))
    expr = ecommerce.dim_ecommerce_product(products, None)
    rows = conform(engine.to_arrow(expr), contracts.DIM_ECOMMERCE_PRODUCT).to_pylist()
    columns = ("product_id", "name", "category", "brand", "unit_price_eur", "unit_cost_eur",
               "unit_margin_eur", *STOCK_COLUMNS, "inferred")  # fmt: skip
    assert pick(rows, *columns) == [
        ("P1", "Lamp", "Home & Garden", "Lumo", 20.0, 12.0, 8.0, None, None, None, False),
        ("P2", "Mug", "Home & Garden", "Unknown", 5.0, 1.0, 4.0, None, None, None, False),
        ("P3", "Phone", "Electronics", "Zen", 300.0, 250.0, 50.0, None, None, None, False),
        ("P4", "Cable", "Electronics", "Zen", 2.5, None, None, None, None, None, False),
        ("P5", "Vase", "Home & Garden", "Lumo", 40.0, 30.0, 10.0, None, None, None, False),
        ("P6", "Plug", "Electronics", "Zen", 4.0, 1.6, 2.4, None, None, None, False),
    ]
    stocked = with_stock["dim_ecommerce_product"]
    assert any(r["is_low_stock"] for r in stocked)  # the snapshots do give stock levels
    assert rows == [{**r, **dict.fromkeys(STOCK_COLUMNS)} for r in stocked]


def test_a_shop_without_stock_gets_every_table_but_the_stock_marts(
    engine: Engine, with_stock: Rows, tmp_path: Path
) -> None:
    """The catalogue, the sales, RFM and CLV are built as with snapshots (no product is low on
    stock: not known); the stock marts are not built and name the inventory as their need."""
    _publish_without_inventory(tmp_path)
    built = {b.model: b for b in run.build_gold(tmp_path, engine)}
    shop = [m.name for m in ecommerce.MODELS]
    assert [name for name in shop if name in built] == [
        name for name in shop if name not in STOCK_MARTS
    ]
    assert "dim_date" in built  # the calendar spans the shop's sales
    assert (built["dim_ecommerce_product"].rows, built["dim_ecommerce_product"].inferred) == (7, 1)
    published = {name: run.lake.read_table(tmp_path, "gold", name).to_pylist() for name in shop
                 if name in built}  # fmt: skip
    products = published["dim_ecommerce_product"]
    assert [(r["product_id"], r["inferred"]) for r in products][-1] == ("P9", True)
    assert products[:-1] == [
        {**r, **dict.fromkeys(STOCK_COLUMNS)} for r in with_stock["dim_ecommerce_product"]
    ]
    enriched = published["orders_enriched"]
    assert {r["is_low_stock"] for r in enriched} == {None}
    assert [{k: v for k, v in r.items() if k not in ("is_low_stock", "customer360_id")}
            for r in enriched] == [
        {k: v for k, v in r.items() if k != "is_low_stock"} for r in with_stock["orders_enriched"]
    ]  # fmt: skip
    for name in ("fct_ecommerce_sales", "agg_ecommerce_daily_sales",
                 "agg_ecommerce_monthly_sales", "mart_ecommerce_top_products",
                 "mart_ecommerce_most_profitable_products", "mart_ecommerce_rfm",
                 "mart_ecommerce_customer_lifetime_value"):  # fmt: skip
        rows = [{k: v for k, v in r.items() if k != "customer360_id"} for r in published[name]]
        assert rows == with_stock[name], name
        assert rows, name
    wanting = run.wanting(tmp_path)
    assert {name: wanting[name] for name in shop if name in wanting} == {
        "mart_ecommerce_stockouts": ["ecommerce_inventory"],
        "mart_ecommerce_stock_rotation": ["ecommerce_inventory"],
    }
    assert run.not_built(tmp_path, "mart_ecommerce_stockouts") == (
        "mart_ecommerce_stockouts needs ecommerce_inventory"
    )
    assert run.not_built(tmp_path, "mart_ecommerce_rfm") == ""


def test_the_catalogue_still_needs_its_products(engine: Engine, tmp_path: Path) -> None:
    """Only the stock is optional: snapshots without a catalogue build no product dimension."""
    records = [dict(zip(SILVER[INVENTORY].names, r, strict=True)) for r in SHOP[INVENTORY]]
    data = pa.Table.from_pylist(records, SILVER[INVENTORY])
    run.lake.publish_table(tmp_path, "silver", INVENTORY, data)
    built = [b.model for b in run.build_gold(tmp_path, engine)]
    assert not set(built) & {m.name for m in ecommerce.MODELS}
    assert run.not_built(tmp_path, "dim_ecommerce_product") == (
        "dim_ecommerce_product needs ecommerce_products"
    )
