"""The contracts are well formed and docs/data-model.md is rendered from them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from c360 import contracts
from c360.config import Identity, IdentitySource
from c360.contracts.identity import IDENTITY_SOURCES
from c360.contracts.render import render_data_model
from c360.identity.profile import FACT_TABLE, PURCHASE_TABLE
from c360.identity.profile_records import check_attributes

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


@pytest.mark.parametrize("name", list(IDENTITY_SOURCES))
def test_generated_identity_sources_map_columns_of_their_tables(name: str) -> None:
    """What `c360 generate` writes under identity.sources names real columns and attributes
    the profile knows (a typo would only fail a run)."""
    source = IdentitySource.model_validate(IDENTITY_SOURCES[name])
    columns = contracts.get(source.table).column_names
    named = [source.id, *source.roles.values(), *source.attributes.values()]
    assert set(named + ([source.updated_at] if source.updated_at else [])) <= set(columns)
    check_attributes(Identity(sources={name: source}))


def test_seed_004_customers_are_an_identity_source() -> None:
    """Their transactions reach the profile through the records of this source."""
    tables = {s["table"]: name for name, s in IDENTITY_SOURCES.items()}
    assert tables["mongo_customers"] == "marketing"
    assert tables[PURCHASE_TABLE] == "marketing" and tables[FACT_TABLE] == "customers"
