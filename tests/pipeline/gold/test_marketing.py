"""Seed 004's marts from literal silver rows, exact on every engine, zero divisions included.

``marts`` (every mart built from the literal rows) is shared with the SQL question tests.
"""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

import ibis
import pyarrow as pa
import pytest

from c360.contracts import gold_marketing as c
from c360.engines import Engine
from c360.pipeline.gold import marketing
from c360.pipeline.gold.run import conform

SCHEMAS = {
    "stg_mongo_customers": pa.schema(
        [("customer_id", pa.string()), ("full_name", pa.string()), ("country", pa.string()),
         ("city", pa.string()), ("marketing_consent", pa.bool_())]
    ),
    "stg_mongo_transactions": pa.schema(
        [("transaction_id", pa.string()), ("customer_id", pa.string()), ("product", pa.string()),
         ("amount", pa.float64()), ("quantity", pa.int64()), ("discount_applied", pa.float64()),
         ("shipping_cost", pa.float64()), ("total_amount", pa.float64()),
         ("transaction_at", pa.timestamp("us"))]
    ),
    "stg_mongo_campaigns": pa.schema(
        [("campaign_id", pa.string()), ("campaign_name", pa.string()),
         ("campaign_type", pa.string()), ("budget", pa.float64()), ("spend", pa.float64()),
         ("impressions", pa.int64()), ("clicks", pa.int64()), ("conversions", pa.int64()),
         ("status", pa.string())]
    ),
}  # fmt: skip
CUSTOMERS = [  # (id, name, country, city, consent)
    ("CUST001", "Ann Lee", "FR", "Paris", True),
    ("CUST002", "Bob Roy", "FR", "Lyon", True),
    ("CUST003", "Cy Dee", "DE", "Berlin", True),
    ("CUST004", "Dan Eck", "DE", None, False),  # no transaction
    ("CUST005", "Eve Fox", None, None, True),  # unknown country
    ("CUST006", "Flo Gil", "GB", "Bath", False),  # no transaction
    ("CUST007", "Gus Hay", None, None, False),  # unknown country, no transaction
]


def txn(id_: str, customer: str, product: str, amount: float, qty: int, discount: float,
        shipping: float, at: dt.datetime) -> tuple[Any, ...]:  # fmt: skip
    return (id_, customer, product, amount, qty, discount, shipping,
            amount - discount + shipping, at)  # fmt: skip


TRANSACTIONS = [
    txn("TXN001", "CUST001", "Laptop", 1000.0, 1, 50.0, 10.0, dt.datetime(2024, 1, 15, 10)),
    txn("TXN002", "CUST001", "Mouse", 40.0, 2, 0.0, 5.0, dt.datetime(2024, 1, 31, 23, 30)),
    txn("TXN003", "CUST002", "Laptop", 900.0, 1, 0.0, 0.0, dt.datetime(2024, 2, 1)),
    txn("TXN004", "CUST003", "Mouse", 60.0, 3, 10.0, 0.0, dt.datetime(2024, 3, 10, 8)),
    txn("TXN005", "CUST005", "Mouse", 45.0, 1, 0.0, 5.0, dt.datetime(2024, 3, 20, 12)),
    txn("TXN006", "CUST001", "Laptop", 1100.0, 1, 100.0, 0.0, dt.datetime(2024, 3, 5, 9)),
]
CAMPAIGNS = [  # id, name, type, budget, spend, impressions, clicks, conversions, status
    ("CAMP001", "Spring", "Email", 1000.0, 800.0, 10000, 500, 25, "completed"),
    ("CAMP002", "Launch", "Display", 2000.0, 1000.0, 20000, 0, 0, "completed"),  # no clicks
    ("CAMP003", "Teaser", "Social Media", 500.0, 0.0, 0, 0, 0, "scheduled"),  # nothing yet
    ("CAMP004", "Organic", "Social Media", 0.0, 12.5, 200, 10, 0, "completed"),  # no budget
    ("CAMP005", "Legacy", "Email", None, 100.0, 1000, 100, 10, None),  # budget, status missing
    ("CAMP006", "Retarget", "Display", 400.0, 200.0, 5000, 50, 5, "completed"),  # ROI ties 002
]
_views = itertools.count()


def silver(engine: Engine, name: str, rows: list[tuple[Any, ...]]) -> ibis.Table:
    schema = SCHEMAS[name]
    data = pa.Table.from_pylist([dict(zip(schema.names, r, strict=True)) for r in rows], schema)
    return engine.register(f"{name}_{next(_views)}", data)


def marts(
    engine: Engine,
    customers: list[tuple[Any, ...]] = CUSTOMERS,
    transactions: list[tuple[Any, ...]] = TRANSACTIONS,
) -> dict[str, pa.Table]:
    """Every seed-004 mart of the literal rows, as the gold runner publishes it."""
    inputs = {
        "stg_mongo_customers": silver(engine, "stg_mongo_customers", customers),
        "stg_mongo_transactions": silver(engine, "stg_mongo_transactions", transactions),
        "stg_mongo_campaigns": silver(engine, "stg_mongo_campaigns", CAMPAIGNS),
    }
    return {
        m.name: conform(engine.to_arrow(m.build(*(inputs[i] for i in m.inputs))), m.contract)
        for m in marketing.MODELS
    }


@pytest.fixture(scope="module")
def built(engine: Engine) -> dict[str, list[dict[str, Any]]]:
    return {name: data.to_pylist() for name, data in marts(engine).items()}


def rows(table: list[dict[str, Any]], *columns: str) -> list[tuple[Any, ...]]:
    """The ``columns`` of every row, in the published order (the primary key's)."""
    return [tuple(r[col] for col in columns) for r in table]


def approx(expected: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """``expected`` with every float compared up to rounding (sums differ in the last bit)."""
    return [tuple(pytest.approx(v) if isinstance(v, float) else v for v in r) for r in expected]


def test_models_publish_the_five_contracts_of_seed_004() -> None:
    assert [m.name for m in marketing.MODELS] == [t.name for t in c.TABLES] == [
        "customer_metrics", "product_performance", "campaign_performance", "monthly_revenue",
        "country_statistics",
    ]  # fmt: skip


def test_customer_metrics_has_one_row_per_buyer(built: dict[str, list[dict[str, Any]]]) -> None:
    out = built["customer_metrics"]
    assert rows(out, "customer_id", "full_name", "country", "city") == [
        ("CUST001", "Ann Lee", "FR", "Paris"),
        ("CUST002", "Bob Roy", "FR", "Lyon"),
        ("CUST003", "Cy Dee", "DE", "Berlin"),
        ("CUST005", "Eve Fox", "Unknown", None),  # no country: as country_statistics says
    ]
    d = dt.date
    assert rows(out, "total_transactions", "total_spent", "first_purchase_date",
                "last_purchase_date") == [
        (3, 2005.0, d(2024, 1, 15), d(2024, 3, 5)),  # 960 + 45 + 1000
        (1, 900.0, d(2024, 2, 1), d(2024, 2, 1)),
        (1, 50.0, d(2024, 3, 10), d(2024, 3, 10)),
        (1, 50.0, d(2024, 3, 20), d(2024, 3, 20)),
    ]  # fmt: skip
    assert rows(out, "avg_transaction_amount") == approx([(2005 / 3,), (900.0,), (50.0,), (50.0,)])


def test_product_performance_counts_units_and_unit_prices(
    built: dict[str, list[dict[str, Any]]],
) -> None:
    columns = ("product", "total_sales", "total_revenue", "avg_price", "unique_customers")
    assert rows(built["product_performance"], *columns) == approx([
        ("Laptop", 3, 2860.0, 1000.0, 2),  # 3000 EUR of amount over 3 units
        ("Mouse", 6, 145.0, 145 / 6, 3),  # 145 EUR of amount over 2 + 3 + 1 units
    ])  # fmt: skip


def test_campaign_performance_divisions_by_zero_are_null(
    built: dict[str, list[dict[str, Any]]],
) -> None:
    out = built["campaign_performance"]
    assert rows(out, "campaign_id", "campaign_name", "campaign_type", "status") == [
        ("CAMP001", "Spring", "Email", "completed"),
        ("CAMP002", "Launch", "Display", "completed"),
        ("CAMP003", "Teaser", "Social Media", "scheduled"),
        ("CAMP004", "Organic", "Social Media", "completed"),
        ("CAMP005", "Legacy", "Email", None),
        ("CAMP006", "Retarget", "Display", "completed"),
    ]
    kpis = ("total_impressions", "total_clicks", "total_conversions", "avg_ctr",
            "avg_conversion_rate", "avg_cpc", "avg_cpa", "roi")  # fmt: skip
    assert rows(out, *kpis) == approx(
        [
            (10000, 500, 25, 5.0, 5.0, 1.6, 32.0, 20.0),
            (20000, 0, 0, 0.0, None, None, None, 50.0),
            (0, 0, 0, None, None, None, None, 100.0),
            (200, 10, 0, 5.0, 0.0, 1.25, None, None),
            (1000, 100, 10, 10.0, 10.0, 1.0, 10.0, None),
            (5000, 50, 5, 1.0, 10.0, 4.0, 40.0, 50.0),
        ]
    )


def test_monthly_revenue_groups_by_utc_calendar_month(
    built: dict[str, list[dict[str, Any]]],
) -> None:
    assert rows(built["monthly_revenue"], "month", "total_revenue", "total_transactions",
                "unique_customers") == [
        (dt.date(2024, 1, 1), 1005.0, 2, 1),  # 23:30 on 31 January stays in January
        (dt.date(2024, 2, 1), 900.0, 1, 1),
        (dt.date(2024, 3, 1), 1100.0, 3, 3),
    ]  # fmt: skip
    assert rows(built["monthly_revenue"], "avg_transaction_value") == approx(
        [(502.5,), (900.0,), (1100 / 3,)]
    )


def test_a_customer_rejected_in_silver_keeps_their_transactions(engine: Engine) -> None:
    # Silver rejected CUST005's own row but kept its transaction (its id is in the source).
    known = [r for r in CUSTOMERS if r[0] != "CUST005"]
    customers = silver(engine, "stg_mongo_customers", known)
    transactions = silver(engine, "stg_mongo_transactions", TRANSACTIONS)
    out = conform(
        engine.to_arrow(marketing.customer_metrics(customers, transactions)), c.CUSTOMER_METRICS
    ).to_pylist()
    assert rows(out, "customer_id", "full_name", "country", "city", "total_spent")[-1] == (
        "CUST005", "Unknown", "Unknown", None, 50.0,
    )  # fmt: skip
    assert sum(r["total_spent"] for r in out) == pytest.approx(3005.0)  # every transaction


def test_country_statistics_count_every_customer_under_a_country_or_unknown(
    built: dict[str, list[dict[str, Any]]],
) -> None:
    columns = ("country", "total_customers", "total_revenue", "avg_customer_value",
               "marketing_consent_rate")  # fmt: skip
    assert rows(built["country_statistics"], *columns) == approx([
        ("DE", 2, 50.0, 25.0, 50.0),  # CUST004 bought nothing and did not consent
        ("FR", 2, 2905.0, 1452.5, 100.0),
        ("GB", 1, 0.0, 0.0, 0.0),  # customers without transactions: revenue 0, not NULL
        ("Unknown", 2, 50.0, 25.0, 50.0),  # CUST005 and CUST007, without a country
    ])  # fmt: skip


def test_country_statistics_have_no_unknown_row_when_every_country_is_known(
    engine: Engine,
) -> None:
    known = [r for r in CUSTOMERS if r[2] is not None]
    bought = [t for t in TRANSACTIONS if t[1] != "CUST005"]  # by known customers alone
    customers = silver(engine, "stg_mongo_customers", known)
    transactions = silver(engine, "stg_mongo_transactions", bought)
    out = conform(
        engine.to_arrow(marketing.country_statistics(customers, transactions)),
        c.COUNTRY_STATISTICS,
    ).to_pylist()
    assert rows(out, "country", "total_customers") == [("DE", 2), ("FR", 2), ("GB", 1)]


def test_customer_metrics_name_the_countries_country_statistics_count_them_under(
    built: dict[str, list[dict[str, Any]]],
) -> None:
    # Each buyer's country is a row of country_statistics, "Unknown" included, so the two marts
    # group a customer without a country alike.
    countries = {r["country"] for r in built["country_statistics"]}
    assert {r["country"] for r in built["customer_metrics"]} == {"DE", "FR", "Unknown"}
    assert {r["country"] for r in built["customer_metrics"]} <= countries
    assert not c.CUSTOMER_METRICS.column("country").nullable


def test_revenue_reconciles_across_marts(built: dict[str, list[dict[str, Any]]]) -> None:
    total = sum(t[7] for t in TRANSACTIONS)
    for mart, column in (("customer_metrics", "total_spent"),
                         ("product_performance", "total_revenue"),
                         ("monthly_revenue", "total_revenue")):  # fmt: skip
        assert sum(r[column] for r in built[mart]) == pytest.approx(total), mart
    # Every customer has a row, "Unknown" when without a country, so every transaction counts.
    countries = sum(r["total_revenue"] for r in built["country_statistics"])
    assert countries == pytest.approx(total)


# Silver rejected CUST005's own row but kept its transaction (its id is in the source); CUST007,
# kept without a country, buys too; a transaction without a product is silver's
# "Unknown product".
REJECTED_CUSTOMERS = [r for r in CUSTOMERS if r[0] != "CUST005"]
REJECTED_TRANSACTIONS = [
    *TRANSACTIONS,
    txn("TXN007", "CUST007", "Unknown product", 20.0, 2, 0.0, 0.0, dt.datetime(2024, 3, 21)),
]


@pytest.fixture(scope="module")
def rejected(engine: Engine) -> dict[str, list[dict[str, Any]]]:
    built = marts(engine, REJECTED_CUSTOMERS, REJECTED_TRANSACTIONS)
    return {name: data.to_pylist() for name, data in built.items()}


def test_a_customer_rejected_in_silver_counts_under_unknown_in_country_statistics(
    rejected: dict[str, list[dict[str, Any]]],
) -> None:
    """Listed in customer_metrics in country "Unknown", the rejected buyer is a customer of
    the row "Unknown" of country_statistics, without consent (as silver reads a missing one)."""
    assert rows(rejected["customer_metrics"], "customer_id", "full_name", "country",
                "total_spent")[-2:] == [
        ("CUST005", "Unknown", "Unknown", 50.0),
        ("CUST007", "Gus Hay", "Unknown", 20.0),
    ]  # fmt: skip
    columns = ("country", "total_customers", "total_revenue", "avg_customer_value",
               "marketing_consent_rate")  # fmt: skip
    assert rows(rejected["country_statistics"], *columns) == approx([
        ("DE", 2, 50.0, 25.0, 50.0),
        ("FR", 2, 2905.0, 1452.5, 100.0),
        ("GB", 1, 0.0, 0.0, 0.0),
        ("Unknown", 2, 70.0, 35.0, 0.0),  # CUST007 and the rejected CUST005
    ])  # fmt: skip


def test_a_rejected_buyer_alone_makes_the_row_unknown(engine: Engine) -> None:
    # Every customer silver kept has a country; it rejected CUST005, who bought for 50 EUR.
    known = [r for r in CUSTOMERS if r[2] is not None]
    customers = silver(engine, "stg_mongo_customers", known)
    transactions = silver(engine, "stg_mongo_transactions", TRANSACTIONS)
    out = conform(
        engine.to_arrow(marketing.country_statistics(customers, transactions)),
        c.COUNTRY_STATISTICS,
    ).to_pylist()
    columns = ("country", "total_customers", "total_revenue", "avg_customer_value",
               "marketing_consent_rate")  # fmt: skip
    assert rows(out, *columns) == [
        ("DE", 2, 50.0, 25.0, 50.0), ("FR", 2, 2905.0, 1452.5, 100.0), ("GB", 1, 0.0, 0.0, 0.0),
        ("Unknown", 1, 50.0, 50.0, 0.0),
    ]  # fmt: skip


def test_revenue_reconciles_across_marts_when_silver_rejected_a_buyer(
    rejected: dict[str, list[dict[str, Any]]],
) -> None:
    total = sum(t[7] for t in REJECTED_TRANSACTIONS)  # 3025 EUR
    for mart, column in (("customer_metrics", "total_spent"),
                         ("product_performance", "total_revenue"),
                         ("monthly_revenue", "total_revenue"),
                         ("country_statistics", "total_revenue")):  # fmt: skip
        assert sum(r[column] for r in rejected[mart]) == pytest.approx(total), mart
    # Every buyer of customer_metrics is a customer of the country it is listed in.
    buyers: dict[str, int] = {}
    for r in rejected["customer_metrics"]:
        buyers[r["country"]] = buyers.get(r["country"], 0) + 1
    counted = {r["country"]: r["total_customers"] for r in rejected["country_statistics"]}
    assert all(counted[country] >= n for country, n in buyers.items()), (buyers, counted)
    assert sum(counted.values()) == len(REJECTED_CUSTOMERS) + 1  # kept, and the rejected buyer


def test_a_transaction_without_a_product_counts_under_unknown_product(
    rejected: dict[str, list[dict[str, Any]]],
) -> None:
    """Named by silver as a missing customer is named by gold: never a product without a name."""
    columns = ("product", "total_sales", "total_revenue", "avg_price", "unique_customers")
    assert rows(rejected["product_performance"], *columns) == approx([
        ("Laptop", 3, 2860.0, 1000.0, 2),
        ("Mouse", 6, 145.0, 145 / 6, 3),
        ("Unknown product", 2, 20.0, 10.0, 1),
    ])  # fmt: skip
