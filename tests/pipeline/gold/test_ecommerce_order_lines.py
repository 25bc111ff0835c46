"""Seed 003's gold on orders of several products: an order counts once, its lines' money adds up.

Buyer C1's order O1 holds two lines (2 lamps at 20, a phone at 300: 340 euros), O2 one
(3 mugs at 5: 15 euros); C2's order O3 a lamp and a product silver rejected (no price). Per
order, January's basket is (340 + 15) / 2; per line it would be 355 / 3.
"""

from __future__ import annotations

import datetime as dt

import pyarrow as pa
import pytest

from c360.contracts import gold_ecommerce as contracts
from c360.contracts.check import violations
from c360.engines import Engine
from c360.pipeline.silver.ecommerce import stg_ecommerce_orders
from tests.pipeline.gold.test_ecommerce import SHOP, Rows, at, build, pick
from tests.pipeline.silver.test_ecommerce import AS_OF, bronze

LINES = {
    "stg_ecommerce_products": SHOP["stg_ecommerce_products"],
    "stg_ecommerce_customers": SHOP["stg_ecommerce_customers"][:2],
    "stg_ecommerce_orders": [
        ("O1", "C1", "P1", 2, at("2024-01-05", "10:00"), "1 Main St"),
        ("O1", "C1", "P3", 1, at("2024-01-05", "10:00"), "1 Main St"),
        ("O2", "C1", "P2", 3, at("2024-01-20"), "1 Main St"),
        ("O3", "C2", "P1", 1, at("2024-02-10"), None),
        ("O3", "C2", "P9", 4, at("2024-02-10"), None),
    ],
}


@pytest.fixture(scope="module")
def lines(engine: Engine) -> Rows:
    return build(engine, LINES)


def test_the_sales_fact_and_enriched_orders_hold_one_row_per_order_line() -> None:
    assert contracts.FCT_ECOMMERCE_SALES.primary_key == ("order_id", "product_id")
    assert contracts.ORDERS_ENRICHED.primary_key == ("order_id", "product_id")
    assert not contracts.FCT_ECOMMERCE_SALES.column("order_id").unique


def test_each_line_of_an_order_is_priced_on_its_own(lines: Rows) -> None:
    assert pick(lines["fct_ecommerce_sales"], "order_id", "product_id", "quantity",
                "revenue_eur", "margin_eur") == [
        ("O1", "P1", 2, 40.0, 16.0), ("O1", "P3", 1, 300.0, 50.0), ("O2", "P2", 3, 15.0, 12.0),
        ("O3", "P1", 1, 20.0, 8.0), ("O3", "P9", 4, None, None),
    ]  # fmt: skip
    assert len(lines["orders_enriched"]) == 5


def test_a_repeated_line_breaks_the_sales_facts_key() -> None:
    line = {"order_id": "O1", "product_id": "P1"}
    data = pa.Table.from_pylist([line, {"order_id": "O1", "product_id": "P3"}, line])
    found = violations(contracts.FCT_ECOMMERCE_SALES, data).to_pylist()
    assert [v for v in found if v["rule"] == "unique"] == [
        {"row_number": 3, "column": "order_id,product_id", "rule": "unique"}
    ]


def test_monthly_sales_count_an_order_once_and_average_the_basket_per_order(
    lines: Rows,
) -> None:
    columns = ("year", "month", "count_orders", "total_units", "total_revenue_eur",
               "total_margin_eur", "count_customers", "average_basket_eur")  # fmt: skip
    assert pick(lines["agg_ecommerce_monthly_sales"], *columns) == [
        (2024, 1, 2, 6, 355.0, 78.0, 1, 177.5),
        (2024, 2, 1, 5, 20.0, 8.0, 1, 20.0),  # O3 has a priced line: one priced order
    ]


def test_daily_sales_count_an_order_in_each_category_it_bought_from(lines: Rows) -> None:
    columns = ("order_date", "category", "count_orders", "total_units", "total_revenue_eur")
    assert pick(lines["agg_ecommerce_daily_sales"], *columns) == [
        (dt.date(2024, 1, 5), "Electronics", 1, 1, 300.0),
        (dt.date(2024, 1, 5), "Home & Garden", 1, 2, 40.0),
        (dt.date(2024, 1, 20), "Home & Garden", 1, 3, 15.0),
        (dt.date(2024, 2, 10), "Home & Garden", 1, 1, 20.0),
        (dt.date(2024, 2, 10), "Unknown", 1, 4, None),
    ]


def test_clv_and_rfm_count_orders_not_lines(lines: Rows) -> None:
    clv = {r["customer_id"]: r for r in lines["mart_ecommerce_customer_lifetime_value"]}
    assert pick([clv["C1"], clv["C2"]], "count_orders", "total_revenue_eur",
                "average_basket_eur") == [(2, 355.0, 177.5), (1, 20.0, 20.0)]  # fmt: skip
    rfm = {r["customer_id"]: r for r in lines["mart_ecommerce_rfm"]}
    assert (rfm["C1"]["frequency"], rfm["C2"]["frequency"]) == (2, 1)


def test_product_rankings_count_the_orders_holding_the_product(lines: Rows) -> None:
    top = pick(lines["mart_ecommerce_top_products"], "product_id", "count_orders", "total_units")
    assert top == [("P9", 1, 4), ("P1", 2, 3), ("P2", 1, 3), ("P3", 1, 1)]


def test_an_exported_order_of_three_lines_is_one_order_of_two_products(engine: Engine) -> None:
    # Bronze to gold: the order's first line is written twice (another quantity), as a
    # shop export repeats a line; silver keeps the first, gold counts one order of both.
    products = bronze(engine, "ec3_products", ("product_id", "name", "category", "brand",
                                               "price", "cost"),
                      [("P1", "Lamp", "Home", "Lumo", "20.0", "12.0"),
                       ("P3", "Phone", "Electronics", "Zen", "300.0", "250.0")])  # fmt: skip
    customers = bronze(engine, "ec3_customers", ("customer_id", "name", "email", "city",
                                                 "country", "registration_date",
                                                 "loyalty_tier"),
                       [("C1", "Ann Lee", None, None, None, None, "gold")])  # fmt: skip
    orders = bronze(
        engine,
        "ec3_orders",
        ("order_id", "customer_id", "product_id", "quantity", "order_date", "shipping_address"),
        [
            ("O1", "C1", "P1", "2", "2024-01-05 10:00:00", "1 Main St"),
            ("O1", "C1", "P3", "1", "2024-01-05 10:00:00", "1 Main St"),
            ("O1", "C1", "P1", "5", "2024-01-05 10:00:00", "1 Main St"),
        ],
    )
    staged = stg_ecommerce_orders(orders, customers, products, AS_OF)
    clean, rejects = staged.collect(engine)
    assert pick(rejects.to_pylist(), "_row_number", "reason") == [(3, "duplicate_key")]
    rows = {
        "stg_ecommerce_products": SHOP["stg_ecommerce_products"],
        "stg_ecommerce_customers": SHOP["stg_ecommerce_customers"][:1],
        "stg_ecommerce_orders": [tuple(r.values()) for r in clean.to_pylist()],
    }
    gold = build(engine, rows)
    assert pick(gold["agg_ecommerce_monthly_sales"], "count_orders", "total_units",
                "total_revenue_eur", "average_basket_eur") == [(1, 3, 340.0, 340.0)]  # fmt: skip
    [c1] = gold["mart_ecommerce_customer_lifetime_value"]
    assert (c1["count_orders"], c1["total_revenue_eur"], c1["average_basket_eur"]) == (
        1,
        340.0,
        340.0,
    )
