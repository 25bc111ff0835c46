"""Seed 003's warehouse in gold: literal silver rows in, exact rows out, on every engine.

The shop sells six products; P4 has no cost and P9 was rejected in silver (no price). Tables
are built as the runner builds them: each model in ``MODELS`` order, checked by its contract.
"""

from __future__ import annotations

import datetime as dt
from itertools import count
from pathlib import Path
from typing import Any

import pyarrow as pa
import pytest

from c360.contracts import gold_ecommerce as contracts
from c360.contracts.check import orphans, violations
from c360.engines import Engine
from c360.pipeline.gold import ecommerce, run
from c360.pipeline.gold.run import conform, with_people

Rows = dict[str, list[dict[str, Any]]]

SILVER = {
    "stg_ecommerce_products": pa.schema(
        [("product_id", pa.string()), ("name", pa.string()), ("category", pa.string()),
         ("brand", pa.string()), ("price", pa.float64()), ("cost", pa.float64()),
         ("margin", pa.float64())]
    ),
    "stg_ecommerce_customers": pa.schema(
        [("customer_id", pa.string()), ("name", pa.string()), ("email_hash", pa.string()),
         ("has_valid_email", pa.bool_()), ("city", pa.string()), ("country", pa.string()),
         ("registration_date", pa.date32()), ("loyalty_tier", pa.string())]
    ),
    "stg_ecommerce_orders": pa.schema(
        [("order_id", pa.string()), ("customer_id", pa.string()), ("product_id", pa.string()),
         ("quantity", pa.int64()), ("order_at", pa.timestamp("us")),
         ("shipping_address", pa.string())]
    ),
    "stg_ecommerce_inventory": pa.schema(
        [("product_id", pa.string()), ("warehouse_id", pa.string()),
         ("stock_quantity", pa.int64()), ("last_updated_at", pa.timestamp("us"))]
    ),
}  # fmt: skip
_RUNS = count()


def build(engine: Engine, rows: dict[str, list[tuple[Any, ...]]]) -> Rows:
    """Every seed-003 gold table built from literal silver rows, checked against its contract
    and sorted by its key as the runner publishes it."""
    run = next(_RUNS)
    tables = {}
    for name, schema in SILVER.items():
        records = [dict(zip(schema.names, r, strict=True)) for r in rows.get(name, [])]
        tables[name] = engine.register(f"t{run}_{name}", pa.Table.from_pylist(records, schema))
    out = {}
    for model in ecommerce.MODELS:
        expr = with_people(model.build(*(tables[name] for name in model.inputs)), model.contract,
                           None)  # fmt: skip
        data = conform(engine.to_arrow(expr), model.contract)
        assert violations(model.contract, data).num_rows == 0, model.name
        tables[model.name] = engine.register(f"t{run}_{model.name}", data)
        out[model.name] = [  # customer360_id is the runner's join, tested in test_star
            {k: v for k, v in row.items() if k != "customer360_id"} for row in data.to_pylist()
        ]
    return out


def at(day: str, time: str = "12:00") -> dt.datetime:
    return dt.datetime.fromisoformat(f"{day} {time}")


def pick(rows: list[dict[str, Any]], *columns: str) -> list[tuple[Any, ...]]:
    return [tuple(r[c] for c in columns) for r in rows]


SHOP: dict[str, list[tuple[Any, ...]]] = {
    "stg_ecommerce_products": [
        ("P1", "Lamp", "Home & Garden", "Lumo", 20.0, 12.0, 8.0),
        ("P2", "Mug", "Home & Garden", "Unknown", 5.0, 1.0, 4.0),
        ("P3", "Phone", "Electronics", "Zen", 300.0, 250.0, 50.0),
        ("P4", "Cable", "Electronics", "Zen", 2.5, None, None),
        ("P5", "Vase", "Home & Garden", "Lumo", 40.0, 30.0, 10.0),
        ("P6", "Plug", "Electronics", "Zen", 4.0, 1.6, 2.4),
    ],
    "stg_ecommerce_customers": [
        ("C1", "Ann Lee", "h1", True, "Leeds", "GB", dt.date(2023, 1, 1), "gold"),
        ("C2", "Bo", None, False, None, "FR", None, "bronze"),
        ("C3", "Cy", "h3", True, "Paris", "FR", dt.date(2023, 5, 1), "platinum"),
        ("C4", "Di", "h4", True, "Berlin", "DE", dt.date(2024, 1, 1), None),
        ("C5", "Ed", "h5", True, "Rome", "IT", dt.date(2024, 2, 1), "silver"),
    ],
    "stg_ecommerce_orders": [
        ("O1", "C1", "P1", 2, at("2024-01-05", "10:00"), "1 Main St"),
        ("O2", "C1", "P3", 1, at("2024-01-05", "18:00"), "1 Main St"),
        ("O3", "C2", "P2", 3, at("2024-01-05", "09:00"), None),
        ("O4", "C2", "P9", 1, at("2024-02-10"), None),
        ("O5", "C3", "P4", 12, at("2024-02-10"), "2 Rue"),
        ("O6", "C4", "P1", 1, at("2024-02-29", "23:59:59"), "3 Weg"),
        ("O7", "C3", "P2", 3, at("2024-02-10"), "2 Rue"),
        ("O8", "C4", "P6", 10, at("2024-02-29"), "3 Weg"),
    ],
    "stg_ecommerce_inventory": [
        ("P1", "WH-A", 10, at("2025-01-06")),
        ("P1", "WH-A", 4, at("2025-01-13")),
        ("P1", "WH-B", 6, at("2025-01-06")),
        ("P2", "WH-A", 6, at("2025-01-06")),
        ("P2", "WH-A", 2, at("2025-01-13")),
        ("P3", "WH-A", 3, at("2025-01-06")),
        ("P3", "WH-A", 0, at("2025-01-13")),
        ("P5", "WH-B", 5, at("2025-01-13")),
        ("P6", "WH-A", 1, at("2025-01-06")),
        ("P6", "WH-A", 2, at("2025-01-13")),
        ("P6", "WH-A", 2, at("2025-01-20")),
        ("P9", "WH-A", 7, at("2025-01-13")),
    ],
}


@pytest.fixture(scope="module")
def shop(engine: Engine) -> Rows:
    return build(engine, SHOP)


def test_dim_customer_flags_gold_and_platinum_as_premium(shop: Rows) -> None:
    assert pick(shop["dim_ecommerce_customer"], "customer_id", "loyalty_tier",
                "is_premium_customer") == [
        ("C1", "gold", True), ("C2", "bronze", False), ("C3", "platinum", True),
        ("C4", None, False), ("C5", "silver", False),
    ]  # fmt: skip
    assert shop["dim_ecommerce_customer"][1] == {
        "customer_id": "C2", "name": "Bo", "email_hash": None, "has_valid_email": False,
        "city": None, "country": "FR", "registration_date": None, "loyalty_tier": "bronze",
        "is_premium_customer": False, "inferred": False,
    }  # fmt: skip


def test_dim_product_stock_is_the_latest_snapshot_per_warehouse(shop: Rows) -> None:
    # Low stock: at most half the average. P2 sits exactly on the line; P4 has no snapshot;
    # P6's average 5/3 is rounded to 0.001; P9 is not in the catalogue.
    columns = ("product_id", "unit_price_eur", "unit_cost_eur", "unit_margin_eur",
               "current_stock_units", "average_stock_units", "is_low_stock")  # fmt: skip
    assert pick(shop["dim_ecommerce_product"], *columns) == [
        ("P1", 20.0, 12.0, 8.0, 10, 13.0, False),
        ("P2", 5.0, 1.0, 4.0, 2, 4.0, True),
        ("P3", 300.0, 250.0, 50.0, 0, 1.5, True),
        ("P4", 2.5, None, None, None, None, None),
        ("P5", 40.0, 30.0, 10.0, 5, 5.0, False),
        ("P6", 4.0, 1.6, 2.4, 2, 1.667, False),
    ]


def test_fct_sales_prices_each_line_and_leaves_unknown_money_null(shop: Rows) -> None:
    columns = ("order_id", "customer_id", "product_id", "order_date", "quantity",
               "unit_price_eur", "revenue_eur", "cost_eur", "margin_eur")  # fmt: skip
    assert pick(shop["fct_ecommerce_sales"], *columns) == [
        ("O1", "C1", "P1", dt.date(2024, 1, 5), 2, 20.0, 40.0, 24.0, 16.0),
        ("O2", "C1", "P3", dt.date(2024, 1, 5), 1, 300.0, 300.0, 250.0, 50.0),
        ("O3", "C2", "P2", dt.date(2024, 1, 5), 3, 5.0, 15.0, 3.0, 12.0),
        ("O4", "C2", "P9", dt.date(2024, 2, 10), 1, None, None, None, None),
        ("O5", "C3", "P4", dt.date(2024, 2, 10), 12, 2.5, 30.0, None, None),
        ("O6", "C4", "P1", dt.date(2024, 2, 29), 1, 20.0, 20.0, 12.0, 8.0),
        ("O7", "C3", "P2", dt.date(2024, 2, 10), 3, 5.0, 15.0, 3.0, 12.0),
        ("O8", "C4", "P6", dt.date(2024, 2, 29), 10, 4.0, 40.0, 16.0, 24.0),
    ]
    assert shop["fct_ecommerce_sales"][5]["order_at"] == at("2024-02-29", "23:59:59")


def test_orders_enriched_joins_product_and_customer_with_year_and_month(shop: Rows) -> None:
    enriched = shop["orders_enriched"]
    fact = shop["fct_ecommerce_sales"]
    assert [{k: r[k] for k in fact[0]} for r in enriched] == fact
    columns = ("order_id", "year", "month", "product_name", "category", "brand", "is_low_stock",
               "customer_name", "country", "loyalty_tier", "is_premium_customer",
               "shipping_address")  # fmt: skip
    assert pick(enriched, *columns) == [
        ("O1", 2024, 1, "Lamp", "Home & Garden", "Lumo", False, "Ann Lee", "GB", "gold", True,
         "1 Main St"),
        ("O2", 2024, 1, "Phone", "Electronics", "Zen", True, "Ann Lee", "GB", "gold", True,
         "1 Main St"),
        ("O3", 2024, 1, "Mug", "Home & Garden", "Unknown", True, "Bo", "FR", "bronze", False, None),
        ("O4", 2024, 2, None, None, None, None, "Bo", "FR", "bronze", False, None),
        ("O5", 2024, 2, "Cable", "Electronics", "Zen", None, "Cy", "FR", "platinum", True,
         "2 Rue"),
        ("O6", 2024, 2, "Lamp", "Home & Garden", "Lumo", False, "Di", "DE", None, False, "3 Weg"),
        ("O7", 2024, 2, "Mug", "Home & Garden", "Unknown", True, "Cy", "FR", "platinum", True,
         "2 Rue"),
        ("O8", 2024, 2, "Plug", "Electronics", "Zen", False, "Di", "DE", None, False, "3 Weg"),
    ]  # fmt: skip
    assert contracts.ORDERS_ENRICHED.partition_by == ("year", "month")


def test_daily_sales_per_day_and_category(shop: Rows) -> None:
    # O4's product is not in the catalogue: its category is "Unknown" and its money is
    # unknown, not 0; O5's cost is unknown: it adds revenue, and its day's Electronics have no
    # margin to sum. A group with some known money sums what is known.
    columns = ("order_date", "category", "count_orders", "total_units", "total_revenue_eur",
               "total_margin_eur")  # fmt: skip
    assert pick(shop["agg_ecommerce_daily_sales"], *columns) == [
        (dt.date(2024, 1, 5), "Electronics", 1, 1, 300.0, 50.0),
        (dt.date(2024, 1, 5), "Home & Garden", 2, 5, 55.0, 28.0),
        (dt.date(2024, 2, 10), "Electronics", 1, 12, 30.0, None),
        (dt.date(2024, 2, 10), "Home & Garden", 1, 3, 15.0, 12.0),
        (dt.date(2024, 2, 10), "Unknown", 1, 1, None, None),
        (dt.date(2024, 2, 29), "Electronics", 1, 10, 40.0, 24.0),
        (dt.date(2024, 2, 29), "Home & Garden", 1, 1, 20.0, 8.0),
    ]


def test_monthly_sales_with_buyers_and_average_basket(shop: Rows) -> None:
    columns = ("year", "month", "count_orders", "total_units", "total_revenue_eur",
               "total_margin_eur", "count_customers", "average_basket_eur")  # fmt: skip
    assert pick(shop["agg_ecommerce_monthly_sales"], *columns) == [
        (2024, 1, 3, 6, 355.0, 78.0, 2, 118.33),  # 355 / 3 to the cent
        (2024, 2, 5, 27, 105.0, 44.0, 3, 26.25),  # O4 has no price: 105 / 4 priced orders
    ]


def test_a_month_whose_every_sale_has_no_price_has_no_average_basket(engine: Engine) -> None:
    # March's one order is of P9, rejected in silver: its revenue and margin are unknown, not
    # 0, and there is no revenue to average.
    march = ("O9", "C5", "P9", 2, at("2024-03-03"), None)
    rows = {**SHOP, "stg_ecommerce_orders": [*SHOP["stg_ecommerce_orders"], march]}
    monthly = build(engine, rows)["agg_ecommerce_monthly_sales"]
    assert pick(monthly, "month", "count_orders", "total_revenue_eur", "total_margin_eur",
                "average_basket_eur")[-1] == (3, 1, None, None, None)  # fmt: skip


def test_clv_basket_averages_only_the_orders_with_a_price(shop: Rows) -> None:
    # C2 ordered twice, but O4's product has no price: one order of 15 euros, not 7.50 a time.
    [c2] = [r for r in shop["mart_ecommerce_customer_lifetime_value"] if r["customer_id"] == "C2"]
    assert (c2["count_orders"], c2["total_revenue_eur"], c2["average_basket_eur"]) == (
        2,
        15.0,
        15.0,
    )


def test_top_products_are_the_best_sellers_by_units(shop: Rows) -> None:
    # Seed 003's best-sellers sell the most units: P3 made the most money on a single unit.
    # P5 never sold; P9 sold but silver rejected it from the catalogue: it ranks all the same,
    # its revenue unknown (not 0: it was not given away).
    columns = ("units_rank", "product_id", "product_name", "category", "count_orders",
               "total_units", "total_revenue_eur", "total_margin_eur")  # fmt: skip
    assert pick(shop["mart_ecommerce_top_products"], *columns) == [
        (1, "P4", "Cable", "Electronics", 1, 12, 30.0, None),
        (2, "P6", "Plug", "Electronics", 1, 10, 40.0, 24.0),
        (3, "P2", "Mug", "Home & Garden", 2, 6, 30.0, 24.0),
        (4, "P1", "Lamp", "Home & Garden", 2, 3, 60.0, 24.0),
        (5, "P3", "Phone", "Electronics", 1, 1, 300.0, 50.0),
        (6, "P9", None, None, 1, 1, None, None),
    ]


def test_a_product_silver_rejected_is_an_inferred_member_every_reference_finds(
    engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """P9 sold (O4) and P8 ran out in a warehouse, but silver rejected both catalogue rows: the
    published dim_ecommerce_product holds each as an inferred member, so every reference the
    facts and marts declare finds its product. The marts are computed on silver's catalogue,
    before the members are added: they rank, count and rotate exactly as without them."""
    rows = {**SHOP, "stg_ecommerce_inventory": [*SHOP["stg_ecommerce_inventory"],
                                                ("P8", "WH-B", 0, at("2025-01-13"))]}  # fmt: skip
    for name, schema in SILVER.items():
        records = [dict(zip(schema.names, r, strict=True)) for r in rows[name]]
        run.lake.publish_table(tmp_path, "silver", name, pa.Table.from_pylist(records, schema))
    monkeypatch.setattr(run, "MODELS", ecommerce.MODELS)
    built = {b.model: b for b in run.build_gold(tmp_path, engine)}
    assert (built["dim_ecommerce_product"].rows, built["dim_ecommerce_product"].inferred) == (8, 2)
    assert built["dim_ecommerce_customer"].inferred == 0  # every buyer is a customer silver kept
    published = {name: run.lake.read_table(tmp_path, "gold", name) for name in built}
    products = published["dim_ecommerce_product"].to_pylist()
    assert [(r["product_id"], r["inferred"]) for r in products] == [
        ("P1", False), ("P2", False), ("P3", False), ("P4", False), ("P5", False),
        ("P6", False), ("P8", True), ("P9", True),
    ]  # fmt: skip
    assert {k for k, v in products[-1].items() if v is not None} == {"product_id", "inferred"}
    checked = set()
    for model in ecommerce.MODELS:
        for column, parent, parent_column in model.contract.foreign_keys():
            child = published[model.name][column].combine_chunks()
            keys = published[parent][parent_column].combine_chunks()
            assert len(orphans(child, keys)) == 0, (model.name, column)
            checked.add((model.name, column, parent))
    product = "dim_ecommerce_product"
    assert {("fct_ecommerce_sales", "product_id", product), ("orders_enriched", "product_id",
            product), ("mart_ecommerce_top_products", "product_id", product),
            ("mart_ecommerce_stockouts", "product_id", product)} <= checked  # fmt: skip
    expected = build(engine, rows)
    assert [{**r, "inferred": False} for r in expected[product]] == products[:-2]
    for name in ("mart_ecommerce_top_products", "mart_ecommerce_most_profitable_products",
                 "mart_ecommerce_stock_rotation", "mart_ecommerce_stockouts",
                 "agg_ecommerce_daily_sales", "agg_ecommerce_monthly_sales"):  # fmt: skip
        assert published[name].to_pylist() == expected[name], name
    assert ("P8", None, None) in pick(
        expected["mart_ecommerce_stockouts"], "product_id", "product_name", "category"
    )
    rotated = {r["product_id"] for r in expected["mart_ecommerce_stock_rotation"]}
    assert rotated == {"P1", "P2", "P3", "P4", "P5", "P6"}  # an inferred product has no stock
    daily = pick(expected["agg_ecommerce_daily_sales"], "order_date", "category", "total_units")
    assert (dt.date(2024, 2, 10), "Unknown", 1) in daily  # P9's unit, as before


def test_top_products_break_ties_in_units_by_revenue_then_id(engine: Engine) -> None:
    # A, B and C each sold 5 units: B and C made 100.00 (B in two orders), A 50.00. D sold
    # the most units for the least money.
    rows = {
        "stg_ecommerce_products": [
            ("C", "Cat", "Electronics", "Zoo", 20.0, 5.0, 15.0),
            ("A", "Ant", "Electronics", "Zoo", 10.0, 5.0, 5.0),
            ("D", "Dog", "Electronics", "Zoo", 1.0, 0.5, 0.5),
            ("B", "Bee", "Electronics", "Zoo", 20.0, 5.0, 15.0),
        ],
        "stg_ecommerce_customers": SHOP["stg_ecommerce_customers"][:1],
        "stg_ecommerce_orders": [
            ("O1", "C1", "C", 5, at("2024-01-05"), None),
            ("O2", "C1", "A", 5, at("2024-01-05"), None),
            ("O3", "C1", "B", 2, at("2024-01-06"), None),
            ("O4", "C1", "B", 3, at("2024-01-07"), None),
            ("O5", "C1", "D", 7, at("2024-01-07"), None),
        ],
    }
    top = build(engine, rows)["mart_ecommerce_top_products"]
    assert pick(top, "units_rank", "product_id", "total_units", "total_revenue_eur") == [
        (1, "D", 7, 7.0),
        (2, "B", 5, 100.0),
        (3, "C", 5, 100.0),
        (4, "A", 5, 50.0),
    ]


def test_a_product_of_unknown_revenue_ranks_after_one_of_known_revenue_on_equal_units(
    engine: Engine,
) -> None:
    # X sold as many units as A and B, but silver rejected it from the catalogue: its revenue
    # is unknown and it does not break the tie ahead of a product that made money.
    rows = {
        "stg_ecommerce_products": [
            ("A", "Ant", "Electronics", "Zoo", 10.0, 5.0, 5.0),
            ("B", "Bee", "Electronics", "Zoo", 0.01, 0.0, 0.01),
        ],
        "stg_ecommerce_customers": SHOP["stg_ecommerce_customers"][:1],
        "stg_ecommerce_orders": [
            ("O1", "C1", "X", 5, at("2024-01-05"), None),
            ("O2", "C1", "A", 5, at("2024-01-05"), None),
            ("O3", "C1", "B", 5, at("2024-01-05"), None),
        ],
    }
    top = build(engine, rows)["mart_ecommerce_top_products"]
    assert pick(top, "units_rank", "product_id", "total_revenue_eur", "total_margin_eur") == [
        (1, "A", 50.0, 25.0),
        (2, "B", 0.05, 0.05),
        (3, "X", None, None),
    ]


def test_most_profitable_products_rank_by_margin_then_revenue(shop: Rows) -> None:
    # P1, P6 and P2 all made 24.00 of margin, on 60, 40 and 30 of revenue. P4's cost is unknown.
    assert pick(shop["mart_ecommerce_most_profitable_products"], "margin_rank", "product_id",
                "total_margin_eur") == [
        (1, "P3", 50.0), (2, "P1", 24.0), (3, "P6", 24.0), (4, "P2", 24.0)
    ]  # fmt: skip


def test_rankings_keep_only_the_first_n(engine: Engine, shop: Rows) -> None:
    sales, products = (
        engine.register(
            f"t_limit_{name}", pa.Table.from_pylist(shop[name], contract.arrow_schema())
        )
        for name, contract in (
            ("fct_ecommerce_sales", contracts.FCT_ECOMMERCE_SALES),
            ("dim_ecommerce_product", contracts.DIM_ECOMMERCE_PRODUCT),
        )
    )
    top = ecommerce.mart_ecommerce_top_products(sales, products, limit=4)
    assert sorted(engine.to_arrow(top).column("product_id").to_pylist()) == ["P1", "P2", "P4", "P6"]
    best = ecommerce.mart_ecommerce_most_profitable_products(sales, products, limit=1)
    assert engine.to_arrow(best).column("product_id").to_pylist() == ["P3"]


# 0.001 + 0.092 + 0.932 is 1.025, a tie: added as doubles it lands above it in C1's order of
# 2024-01-05 and below it in C2's of 2024-01-06. Money sums round the tie up either way.
TIES: dict[str, list[tuple[Any, ...]]] = {
    "stg_ecommerce_products": [
        (p, p, "Home & Garden", "Lumo", price, 0.0, price)
        for p, price in (("A", 0.001), ("B", 0.092), ("C", 0.932))
    ],
    "stg_ecommerce_customers": [],
    "stg_ecommerce_orders": [
        (f"O{c}{i}", c, p, 1, at(day), None)
        for c, day, products in (("C1", "2024-01-05", "ABC"), ("C2", "2024-01-06", "CBA"))
        for i, p in enumerate(products)
    ],
}


def test_money_sums_are_the_same_whatever_order_the_lines_are_added_in(engine: Engine) -> None:
    daily = build(engine, TIES)["agg_ecommerce_daily_sales"]
    assert pick(daily, "total_revenue_eur", "total_margin_eur") == [(1.03, 1.03), (1.03, 1.03)]
