"""Seed 004's business questions (``sql/questions/*.sql``) answered over marts of literal rows.

The marts come from the literal silver rows of the gold tests, built on DuckDB and registered
under their bare names; the answers below are worked out by hand from those rows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pyarrow as pa
import pytest
import sqlglot
from sqlglot import exp

from c360.engines import Engine, connect
from tests.pipeline.gold.test_marketing import approx, marts

QUESTIONS = Path(__file__).parents[2] / "src" / "c360" / "sql" / "questions"


@pytest.fixture(scope="module")
def ask() -> Callable[[str], tuple[list[str], list[tuple[Any, ...]]]]:
    """Run one question file as written (no Ibis rewriting): its column names and rows."""
    engine: Engine = connect("duckdb")
    for name, data in marts(engine).items():
        engine.register(name, data)

    def run(question: str) -> tuple[list[str], list[tuple[Any, ...]]]:
        cursor = engine.con.raw_sql((QUESTIONS / f"{question}.sql").read_text())
        return [d[0] for d in cursor.description], cursor.fetchall()

    return run


def test_one_file_per_seed_question_stating_it_in_standard_sql() -> None:
    files = sorted(p.stem for p in QUESTIONS.glob("*.sql"))
    assert files == [
        "best_campaign_by_roi", "monthly_sales_trend", "top_country_by_revenue",
        "top_customers_by_revenue", "top_product_by_revenue",
    ]  # fmt: skip
    for name in files:
        text = (QUESTIONS / f"{name}.sql").read_text()
        assert text.startswith("-- Seed 004, question "), name
        assert "::" not in text and "QUALIFY" not in text.upper(), name
        tree = sqlglot.parse_one(text, read="postgres")
        assert all(not t.db for t in tree.find_all(exp.Table)), f"{name}: schema prefix"
        assert tree.args.get("order"), f"{name}: no ORDER BY"


def test_top_customers_ties_go_to_the_lower_id(ask: Callable[..., Any]) -> None:
    columns, rows = ask("top_customers_by_revenue")
    assert columns == ["customer_id", "full_name", "country", "total_transactions", "total_spent"]
    assert rows == approx([
        ("CUST001", "Ann Lee", "FR", 3, 2005.0),
        ("CUST002", "Bob Roy", "FR", 1, 900.0),
        ("CUST003", "Cy Dee", "DE", 1, 50.0),  # ties with CUST005
        ("CUST005", "Eve Fox", "Unknown", 1, 50.0),
    ])  # fmt: skip


def test_top_product_by_revenue(ask: Callable[..., Any]) -> None:
    columns, rows = ask("top_product_by_revenue")
    assert columns == ["product", "total_revenue", "total_sales", "unique_customers"]
    assert rows == approx([("Laptop", 2860.0, 3, 2)])


def test_best_roi_among_completed_campaigns(ask: Callable[..., Any]) -> None:
    # CAMP003 (scheduled, ROI 100) and CAMP004 (no budget, ROI NULL) do not compete;
    # CAMP002 and CAMP006 tie at 50.
    columns, rows = ask("best_campaign_by_roi")
    assert columns == ["campaign_id", "campaign_name", "campaign_type", "roi"]
    assert rows == approx([("CAMP002", "Launch", "Display", 50.0)])


def test_monthly_trend_compares_each_month_with_the_one_before(ask: Callable[..., Any]) -> None:
    columns, rows = ask("monthly_sales_trend")
    assert columns == [
        "month", "total_revenue", "total_transactions", "unique_customers", "revenue_change",
        "revenue_change_pct",
    ]  # fmt: skip
    assert rows == approx([
        (dt.date(2024, 1, 1), 1005.0, 2, 1, None, None),
        (dt.date(2024, 2, 1), 900.0, 1, 1, -105.0, -10500 / 1005),
        (dt.date(2024, 3, 1), 1100.0, 3, 3, 200.0, 20000 / 900),
    ])  # fmt: skip


def test_top_country_by_revenue(ask: Callable[..., Any]) -> None:
    columns, rows = ask("top_country_by_revenue")
    assert columns == ["country", "total_revenue", "total_customers", "avg_customer_value"]
    assert rows == approx([("FR", 2905.0, 2, 1452.5)])


def test_top_country_is_never_the_customers_without_one() -> None:
    """The row 'Unknown' (customers without a country) is no country: it does not win."""
    engine: Engine = connect("duckdb")
    engine.register(
        "country_statistics",
        pa.table({
            "country": ["Unknown", "DE", "FR"],
            "total_customers": [9, 2, 3],
            "total_revenue": [9000.0, 800.0, 700.0],
            "marketing_consent_rate": [50.0, 50.0, 50.0],
            "avg_customer_value": [1000.0, 400.0, 233.33],
        }),
    )  # fmt: skip
    text = (QUESTIONS / "top_country_by_revenue.sql").read_text()
    assert engine.con.raw_sql(text).fetchall() == [("DE", 800.0, 2, 400.0)]
