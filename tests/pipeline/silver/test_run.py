"""Silver built from a generated workspace: every model reconciled, the same on every engine."""

from __future__ import annotations

from pathlib import Path

import pytest

from c360.config import Project
from c360.engines import Engine, connect
from c360.generate import Plan, generate
from c360.pipeline import lake
from c360.pipeline.bronze.land import land_all
from c360.pipeline.silver.run import build_silver


@pytest.fixture(scope="module")
def landed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    workspace = tmp_path_factory.mktemp("silver") / "ws"
    generate(workspace, Plan(seed=8, scale=0.02))
    land_all(workspace)
    return workspace


def test_silver_reconciles_and_hides_contacts(landed: Path, engine: Engine) -> None:
    built = {b.model: b for b in build_silver(landed, engine, Project())}
    assert set(built) == {
        "stg_mongo_customers", "stg_mongo_transactions", "stg_mongo_campaigns",
        "stg_ecommerce_products", "stg_ecommerce_customers", "stg_ecommerce_orders",
        "stg_ecommerce_inventory", "stg_crm_accounts", "stg_crm_customers", "stg_crm_segments",
        "stg_crm_customer_segments", "stg_crm_interactions", "stg_crm_customer_profile",
        "stg_marketing_campaigns", "stg_marketing_assets", "stg_marketing_audiences",
        "stg_marketing_sends", "stg_marketing_events", "stg_products", "stg_orders",
        "stg_order_lines", "stg_returns",
    }  # fmt: skip
    for b in built.values():
        assert b.clean + b.rejected == b.bronze_rows and b.clean > 0
    customers = lake.read_table(landed, "silver", "stg_mongo_customers")
    assert "email" not in customers.column_names and "phone" not in customers.column_names
    emails = set(lake.read_table(landed, "bronze", "mongo_customers").column("email").to_pylist())
    assert not (emails - {None}) & set(customers.column("email_hash").to_pylist())
    reasons = set(
        lake.read_table(landed, "quarantine", "silver_stg_mongo_transactions")
        .column("reason")
        .to_pylist()
    )
    assert {"duplicate_key", "orphan_customer", "non_positive_quantity"} <= reasons


def test_a_failed_write_fails_the_run_and_keeps_the_table(
    landed: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = connect("duckdb")
    build_silver(landed, engine, Project())
    before = lake.read_table(landed, "silver", "stg_orders")
    publish = lake.publish

    def failing(workspace: Path, layer: str, table: str, schema: object) -> object:
        if table == "stg_orders":
            raise OSError("disk full")
        return publish(workspace, layer, table, schema)  # type: ignore[arg-type]

    monkeypatch.setattr(lake, "publish", failing)
    with pytest.raises(OSError, match="disk full"):
        build_silver(landed, engine, Project())
    assert lake.read_table(landed, "silver", "stg_orders").equals(before)
