"""The contracts are well formed and docs/data-model.md is rendered from them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from c360 import contracts
from c360.contracts.render import render_data_model

ROOT = Path(__file__).resolve().parents[2]


def test_data_model_doc_is_current() -> None:
    doc = (ROOT / "docs" / "data-model.md").read_text(encoding="utf-8")
    assert doc == render_data_model(contracts.ALL_TABLES), "run `make docs`"


@pytest.mark.parametrize("table", contracts.ALL_TABLES, ids=lambda t: t.name)
def test_contract_is_consistent(table: contracts.Table) -> None:
    names = table.column_names
    assert len(names) == len(set(names))
    assert set(table.primary_key) <= set(names)
    for column, parent, parent_column in table.foreign_keys():
        assert parent in contracts.CONTRACTS, (column, parent)
        assert parent_column in contracts.get(parent).column_names
    for col in table.columns:
        if col.pattern:
            re.compile(col.pattern)
    assert table.path.startswith(("sources/", "truth/", "lake/gold/"))


def test_seed_000_has_its_fifteen_tables() -> None:
    names = {
        t.name for t in contracts.SOURCE_TABLES if t.seed == "000" and t.file_format == "table"
    }
    assert names == {
        "crm_accounts",
        "crm_customers",
        "crm_segments",
        "crm_customer_segments",
        "crm_interactions",
        "crm_customer_profile",
        "marketing_campaigns",
        "marketing_assets",
        "marketing_audiences",
        "marketing_sends",
        "marketing_events",
        "products",
        "orders",
        "order_lines",
        "returns",
    }


def test_unknown_table_gets_a_clear_error() -> None:
    with pytest.raises(KeyError, match="no contract for table 'nope'"):
        contracts.get("nope")
