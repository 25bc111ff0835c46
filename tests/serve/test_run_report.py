"""The run report accounts for every row: landed, clean, quarantined by reason."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from c360.pipeline.runner import run


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
