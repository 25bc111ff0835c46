"""The run report accounts for every row: landed, clean, quarantined by reason."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from c360.pipeline.runner import run
from c360.serve.run_report import markdown


@pytest.fixture(scope="module")
def written(dirty_workspace: Path) -> Path:
    run(dirty_workspace, until="silver")  # writes the report
    return dirty_workspace / "reports" / "run_report.md"


def test_report_reconciles_and_counts_reasons(written: Path) -> None:
    data = json.loads((written.parent / "run_report.json").read_text())
    assert data["silver"] and all(s["reconciled"] for s in data["silver"])
    for s in data["silver"]:
        assert sum(s["quarantine"].values()) == s["rejected"], s["model"]
    orders = next(s for s in data["silver"] if s["model"] == "stg_ecommerce_orders")
    assert {"duplicate_key", "orphan_customer"} <= set(orders["quarantine"])
    for b in data["bronze"]:
        assert b["landed"] + b["quarantined"] == b["records"], b["table"]


def test_markdown_lists_every_model(written: Path) -> None:
    text = written.read_text()
    assert text.startswith("# Run report")
    assert "| stg_ecommerce_orders |" in text and "**NO**" not in text


def test_identity_rows_repeating_an_id_are_reported() -> None:
    """An id repeated in a source keeps one row; the report says how many it left out."""
    data = {
        "finished_at": "2026-01-02T03:04:05", "engine": "duckdb", "seconds": {"identity": 1.0},
        "bronze": [], "silver": [], "text": {}, "gold": [], "answers": {},
        "identity": {
            "records": 10, "customers": 7, "pairs": 12, "unmatchable": 1,
            "duplicates": {"crm": 0, "shop": 3}, "events": {"created": 7},
            "placeholders": {"email_canonical": 2},
        },
    }  # fmt: skip
    text = markdown(data)
    assert "| 10 | 7 | 12 | 1 | shop 3 | created 7 |" in text
    assert "Warning" not in text
    assert "ignored as placeholders (each shared by over 20 records): 2 email" in text


def test_a_silver_model_that_keeps_no_row_is_called_out() -> None:
    data = {
        "finished_at": "2026-01-02T03:04:05", "engine": "duckdb", "seconds": {"silver": 1.0},
        "bronze": [], "text": {}, "gold": [], "answers": {}, "identity": None,
        "silver": [{"model": "stg_crm_customers", "bronze_rows": 1000, "clean": 0,
                    "rejected": 1000, "reconciled": True,
                    "quarantine": {"missing_preferred_channel": 1000}}],
    }  # fmt: skip
    assert "**Warning:** stg_crm_customers kept none of their rows" in markdown(data)


def test_gold_references_without_their_row_are_listed() -> None:
    data = {
        "finished_at": "2026-01-02T03:04:05", "engine": "duckdb", "seconds": {"serve": 1.0},
        "bronze": [], "silver": [], "text": {}, "gold": [], "answers": {}, "identity": None,
        "references": [{"name": "fct_orders.customer_id → dim_customer.customer_id",
                        "orphans": 1234},
                       {"name": "fct_returns.order_id → fct_orders.order_id", "orphans": 0}],
    }  # fmt: skip
    text = markdown(data)
    assert "**Warning:** 1 of the 2 references" in text
    assert "| fct_orders.customer_id → dim_customer.customer_id | 1,234 |" in text
    assert "fct_returns.order_id" not in text
    data["references"][0]["orphans"] = 0
    assert "All 2 references the gold contracts declare hold." in markdown(data)


def test_values_silver_replaced_are_listed_beside_the_quarantine() -> None:
    data = {
        "finished_at": "2026-01-02T03:04:05", "engine": "duckdb", "seconds": {"silver": 1.0},
        "bronze": [], "text": {}, "gold": [], "answers": {}, "identity": None,
        "silver": [{"model": "stg_ecommerce_customers", "bronze_rows": 10, "clean": 9,
                    "rejected": 1, "reconciled": True, "quarantine": {"duplicate_key": 1},
                    "repaired": {"country: invalid_value": 2}}],
    }  # fmt: skip
    line = "| stg_ecommerce_customers | 10 | 9 | 1 | yes | duplicate_key 1 | "
    assert line + "country: invalid_value 2 |" in markdown(data)
