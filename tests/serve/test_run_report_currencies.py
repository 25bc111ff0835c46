"""The run report on amounts converted at the project file's rates and those left without one."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from c360 import contracts
from c360.pipeline import lake
from c360.pipeline.runner import run
from c360.serve.run_report import markdown


def _report(silver: list[dict[str, Any]]) -> list[str]:
    data = {
        "finished_at": "2026-01-02T03:04:05", "engine": "duckdb", "seconds": {"silver": 1.0},
        "bronze": [], "text": {}, "gold": [], "answers": {}, "identity": None, "silver": silver,
    }  # fmt: skip
    return [line for line in markdown(data).splitlines() if line.startswith("**Note:**")]


def test_the_rates_applied_and_the_amounts_each_converted_are_listed_per_table() -> None:
    silver = [
        {"model": "stg_products", "source": "products", "bronze_rows": 9, "clean": 9,
         "rejected": 0, "reconciled": True, "quarantine": {},
         "converted": {"USD": 1200, "GBP": 3}, "rates": {"USD": 0.92, "GBP": 1.17}},
        {"model": "stg_orders", "source": "orders", "bronze_rows": 3, "clean": 3,
         "rejected": 0, "reconciled": True, "quarantine": {},
         "converted": {"USD": 1}, "rates": {"USD": 0.92}},
        {"model": "stg_returns", "source": "returns", "bronze_rows": 3, "clean": 3,
         "rejected": 0, "reconciled": True, "quarantine": {}, "converted": {}, "rates": {}},
    ]  # fmt: skip
    assert _report(silver) == [
        "**Note:** amounts in another currency were converted to euros at the rates of "
        "c360.yaml (`exchange_rates`): stg_products 1,200 in USD at 0.92 and 3 in GBP at 1.17; "
        "stg_orders 1 in USD at 0.92."
    ]


def test_amounts_in_a_currency_without_a_rate_are_said_to_need_one() -> None:
    """The note on ``other_currency`` tells how to give a rate, not that c360 converts none."""
    silver = [
        {"model": "stg_products", "source": "products", "bronze_rows": 9, "clean": 7,
         "rejected": 2, "reconciled": True, "quarantine": {"other_currency": 2}},
    ]  # fmt: skip
    assert _report(silver) == [
        "**Note:** products holds amounts in a currency without a rate (`other_currency`, such "
        "as $1,200 or 1200 CHF): give its rate in c360.yaml, `exchange_rates: {CHF: 1.05}` "
        "(the euros one unit is worth; docs/own-data.md), or convert them to euros in the "
        "source before it lands."
    ]


def test_a_run_converts_what_has_a_rate_and_reports_it(tmp_path: Path) -> None:
    """From a products CSV in dollars to silver and the run report: a bare price and "$" are
    dollars there, "£" has a rate, "¥" has none."""
    workspace = tmp_path / "ws"
    path = workspace / "sources" / "c360" / "products.csv"
    path.parent.mkdir(parents=True)
    header = ",".join(contracts.get("products").column_names)
    prices = ["10.00", "$10.00", "£10", "¥1000", "€10", "1.234"]
    rows = [f'P{i},Lamp,home & garden,Sonivo,"{price}",0.2,SKU-{i},true'
            for i, price in enumerate(prices, 1)]  # fmt: skip
    path.write_text("\n".join([header, *rows, ""]))
    (workspace / "c360.yaml").write_text(
        "exchange_rates: {USD: 0.92, GBP: 1.17}\n"
        "csv:\n  products: {currency: USD, decimal: comma}\n"
    )

    run(workspace, until="silver")
    silver = lake.read_table(workspace, "silver", "stg_products").to_pylist()
    assert {r["product_id"]: r["price_eur"] for r in silver} == {
        "P1": 9.2, "P2": 9.2, "P3": 11.7, "P5": 10.0, "P6": 1135.28
    }  # fmt: skip
    quarantine = lake.read_table(workspace, "quarantine", "silver_stg_products").to_pylist()
    assert [(r["product_id"], r["reason"]) for r in quarantine] == [("P4", "other_currency")]
    data = json.loads((workspace / "reports" / "run_report.json").read_text())
    products = next(s for s in data["silver"] if s["model"] == "stg_products")
    assert (products["converted"], products["rates"]) == (
        {"USD": 3, "GBP": 1},
        {"USD": 0.92, "GBP": 1.17},
    )
    report = (workspace / "reports" / "run_report.md").read_text()
    assert "stg_products 3 in USD at 0.92 and 1 in GBP at 1.17." in report
    assert "products holds amounts in a currency without a rate" in report
