"""Silver built from a generated workspace: every model reconciled, the same on every engine."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

import pyarrow as pa
import pytest
import yaml

from c360 import config, contracts
from c360.config import Project
from c360.engines import Engine, connect
from c360.generate import Plan, generate
from c360.pipeline import lake
from c360.pipeline.bronze.drift import SchemaDriftError
from c360.pipeline.bronze.land import land_all
from c360.pipeline.silver import run
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


def test_values_silver_replaced_are_counted_per_model(landed: Path) -> None:
    """Seed 003 always plants impossible and future registration dates: those customers stay,
    their dates become NULL (as missing ones are), and the run counts them; a model without
    repairs counts none."""
    built = {b.model: b for b in build_silver(landed, connect("duckdb"), Project())}
    silver = lake.read_table(landed, "silver", "stg_ecommerce_customers")
    counted = built["stg_ecommerce_customers"].repaired
    dates = [counted.get(f"registration_date: {r}", 0) for r in ("invalid_date", "future_date")]
    assert all(dates)
    assert silver.column("registration_date").null_count >= sum(dates)  # and the missing ones
    assert built["stg_orders"].repaired == {}


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
        return publish(workspace, layer, table, schema)

    monkeypatch.setattr(lake, "publish", failing)
    with pytest.raises(OSError, match="disk full"):
        build_silver(landed, engine, Project())
    assert lake.read_table(landed, "silver", "stg_orders").equals(before)


def test_a_spreadsheet_export_with_its_own_header_and_day_first_dates_is_read_as_configured(
    tmp_path: Path, engine: Engine
) -> None:
    """A French spreadsheet's export of the accounts: ``;``, Windows-1252, its own header
    names, dates day first. Mapped and ordered in c360.yaml, every row reads; 13/12 is not a
    month, and an ISO date is still read."""
    path = tmp_path / "sources" / "c360" / "crm_accounts.csv"
    path.parent.mkdir(parents=True)
    rows = [
        "N° compte;Raison sociale;Secteur;Région;Taille;Effectif;Créé le;Statut;CA (EUR)",
        "A1;Société Générale;Finance;EMEA;enterprise;1200;03/12/2024 09:05;active;5000000",
        "A2;Café du Nord;Retail;EMEA;smb;12;4/1/2023;active;800000",
        "A3;Brûlerie;Retail;EMEA;smb;3;2023-06-30;inactive;90000",
        "A4;Erreur;Retail;EMEA;smb;3;12/13/2023;active;90000",
    ]
    path.write_bytes("\n".join([*rows, ""]).encode("cp1252"))
    header = dict(zip(rows[0].split(";"), contracts.get("crm_accounts").column_names, strict=True))
    project: dict[str, dict[str, dict[str, object]]] = {
        "csv": {"crm_accounts": {"delimiter": ";", "encoding": "cp1252", "dates": "day_first"}}
    }
    (tmp_path / "c360.yaml").write_text(yaml.safe_dump(project, allow_unicode=True))
    with pytest.raises(SchemaDriftError, match="map header names to contract columns under csv"):
        land_all(tmp_path)
    project["csv"]["crm_accounts"]["columns"] = header
    (tmp_path / "c360.yaml").write_text(yaml.safe_dump(project, allow_unicode=True))
    [landed] = land_all(tmp_path)
    assert (landed.landed, landed.quarantined, landed.added_columns) == (4, 0, [])
    [built] = build_silver(tmp_path, engine, config.load(tmp_path))
    assert (built.clean, built.rejected) == (3, 1)
    accounts = lake.read_table(tmp_path, "silver", "stg_crm_accounts").to_pylist()
    assert [(a["account_name"], a["created_at"]) for a in accounts] == [
        ("Société Générale", datetime(2024, 12, 3, 9, 5)),
        ("Café du Nord", datetime(2023, 1, 4)),
        ("Brûlerie", datetime(2023, 6, 30)),
    ]
    [bad] = lake.read_table(tmp_path, "quarantine", "silver_stg_crm_accounts").to_pylist()
    assert (bad["account_id"], bad["reason"]) == ("A4", "invalid_date")


def test_a_model_names_the_sources_it_checks_against_that_the_workspace_lacks(
    tmp_path: Path, engine: Engine
) -> None:
    """Orders without the CRM's customers or the campaigns: every customer is an orphan and
    every attributed campaign is dropped; the run says which sources are missing for it."""
    workspace = tmp_path / "ws"
    generate(workspace, Plan(seed=8, scale=0.01))
    keep = {"orders", "products", "order_lines"}
    manifest = workspace / "sources" / "manifest.json"
    files = json.loads(manifest.read_text())["files"]
    files = [f for f in files if f["kind"] == "source" and f["table"] in keep]
    manifest.write_text(json.dumps({"files": files}))
    land_all(workspace)
    built = {b.model: b for b in build_silver(workspace, engine, Project())}
    assert set(built) == {"stg_products", "stg_orders", "stg_order_lines"}
    assert built["stg_orders"].lacking == ("crm_customers", "marketing_campaigns")
    assert built["stg_orders"].clean == 0  # every customer is unknown
    assert built["stg_order_lines"].lacking == ()  # its orders and products are there
    assert built["stg_products"].lacking == ()


def _orders_in_key_order(rows: int) -> pa.Table:
    """Clean rows of a model in key order, with NULLs, repeated text and dates to write."""
    start = datetime(2024, 1, 1)
    return pa.table(
        {
            "order_id": [f"O{i:08d}" for i in range(rows)],
            "order_at": pa.array(
                [None if i % 7 == 0 else start + timedelta(minutes=i) for i in range(rows)],
                pa.timestamp("us"),
            ),
            "note": [None if i % 5 == 0 else f"note {i % 977}" for i in range(rows)],
            "qty": list(range(rows)),
        }
    )


def test_rows_that_arrive_sorted_in_blocks_are_written_as_they_arrive(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Rows the engine hands over in key order, in blocks of ``lake.BLOCK_ROWS`` as DuckDB
    does, are the very rows written (no copy); however they arrive (in one block, in other
    blocks, out of order) the file holds the same bytes."""
    whole = _orders_in_key_order(2 * lake.BLOCK_ROWS + 1000)
    rejects = pa.table(
        {"order_id": pa.array([], pa.string()), "_source_file": pa.array([], pa.string()),
         "_row_number": pa.array([], pa.int64()), "reason": pa.array([], pa.string())}
    )  # fmt: skip
    arrivals = {
        "engine blocks": pa.Table.from_batches(whole.to_batches(max_chunksize=lake.BLOCK_ROWS)),
        "one block": whole,
        "other blocks": pa.Table.from_batches(whole.to_batches(max_chunksize=1000)),
        "out of order": whole.take(pa.array(range(whole.num_rows - 1, -1, -1))),
    }
    written: dict[str, pa.Table] = {}
    write = lake.TableWriter.write

    def kept(writer: lake.TableWriter, block: pa.Table) -> None:
        if writer.target.name == "stg_orders":
            written[writer.target.parent.parent.parent.name] = block
        write(writer, block)

    monkeypatch.setattr(lake.TableWriter, "write", kept)
    files = {}
    for arrival, clean in arrivals.items():
        workspace = tmp_path / arrival
        run._publish(workspace, "stg_orders", ("order_id",), clean, rejects)
        files[arrival] = lake.table_dir(workspace, "silver", "stg_orders") / "part-00000.parquet"
    assert lake.read_table(tmp_path / "out of order", "silver", "stg_orders").equals(whole)
    first = files["engine blocks"].read_bytes()
    assert all(file.read_bytes() == first for file in files.values())
    arrived, wrote = arrivals["engine blocks"], written["engine blocks"]
    for name in whole.column_names:
        assert [c.buffers()[-1].address for c in wrote.column(name).chunks] == [
            c.buffers()[-1].address for c in arrived.column(name).chunks
        ]
