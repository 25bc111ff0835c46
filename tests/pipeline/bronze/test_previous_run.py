"""A source the last run landed and whose file is gone stops the run before anything is written,
when no manifest says which sources the workspace has (sources found by their contract's path)."""

from __future__ import annotations

import json
import re
import shutil
from datetime import datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from c360 import contracts
from c360.pipeline import lake
from c360.pipeline.bronze.blocks import SourceError
from c360.pipeline.bronze.find import sources
from c360.pipeline.bronze.land import land_all
from c360.pipeline.bronze.lineage import bronze_schema

INVENTORY = contracts.get("ecommerce_inventory")
ORDERS = contracts.get("ecommerce_orders")
SEGMENTS = contracts.get("crm_segments")  # a seed-000 table: a file, .csv or .parquet, or a folder
MONGO = contracts.get("mongo_campaigns")


def write(workspace: Path, path: str, table: contracts.Table, rows: int = 2) -> Path:
    """A CSV of ``table``'s columns holding ``rows`` records."""
    file = workspace / path
    file.parent.mkdir(parents=True, exist_ok=True)
    lines = [",".join(table.column_names)]
    lines += [",".join(f"{c}{i}" for c in table.column_names) for i in range(rows)]
    file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return file


def landed(workspace: Path) -> dict[str, int]:
    return {r.table: r.landed for r in land_all(workspace)}


def lake_state(workspace: Path) -> list[tuple[str, float]]:
    return sorted((str(p), p.stat().st_mtime) for p in (workspace / "lake").rglob("*"))


def test_a_first_run_with_some_sources_lands_those(tmp_path: Path) -> None:
    write(tmp_path, INVENTORY.path, INVENTORY)
    assert landed(tmp_path) == {"ecommerce_inventory": 2}


def test_a_file_the_last_run_landed_stops_the_run_naming_it_before_anything_is_written(
    tmp_path: Path,
) -> None:
    inventory = write(tmp_path, INVENTORY.path, INVENTORY)
    write(tmp_path, ORDERS.path, ORDERS)
    assert landed(tmp_path) == {"ecommerce_inventory": 2, "ecommerce_orders": 2}
    inventory.unlink()
    before = lake_state(tmp_path)
    for check in (sources, land_all):
        with pytest.raises(SourceError) as stopped:
            check(tmp_path)
        assert str(stopped.value) == (
            f"{inventory} is missing, but the last run landed ecommerce_inventory from it: "
            f"put it back, or delete {tmp_path / 'lake' / 'bronze' / 'ecommerce_inventory'} "
            "to drop the table and what is built from it"
        )
    assert lake_state(tmp_path) == before


def test_a_file_renamed_in_another_case_says_which_name_is_there(tmp_path: Path) -> None:
    inventory = write(tmp_path, INVENTORY.path, INVENTORY)
    land_all(tmp_path)
    inventory.rename(inventory.with_name("Inventory.csv"))
    with pytest.raises(SourceError) as stopped:
        sources(tmp_path)
    message = str(stopped.value)
    assert message.startswith(f"{inventory} is missing, but the last run landed ")
    assert message.endswith(" (Inventory.csv is there: file names are case-sensitive)")
    assert "\n" not in message


def test_deleting_the_bronze_table_drops_the_source_deliberately(tmp_path: Path) -> None:
    inventory = write(tmp_path, INVENTORY.path, INVENTORY)
    write(tmp_path, ORDERS.path, ORDERS)
    land_all(tmp_path)
    inventory.unlink()
    shutil.rmtree(lake.table_dir(tmp_path, "bronze", "ecommerce_inventory"))
    assert landed(tmp_path) == {"ecommerce_orders": 2}
    assert not lake.table_dir(tmp_path, "quarantine", "bronze_ecommerce_inventory").exists()


def test_several_missing_files_name_the_first_and_count_the_others(tmp_path: Path) -> None:
    files = [write(tmp_path, t.path, t) for t in (INVENTORY, ORDERS)]
    land_all(tmp_path)
    for file in files:
        file.unlink()
    write(tmp_path, "sources/c360/crm_segments.csv", SEGMENTS)  # something left to land
    with pytest.raises(SourceError, match=r"\(1 other source the last run landed is missing too"):
        sources(tmp_path)


@pytest.mark.parametrize("name", ["crm_segments.csv", "crm_segments.parquet", "crm_segments"])
def test_a_seed000_source_is_named_as_the_last_run_found_it(tmp_path: Path, name: str) -> None:
    path = f"sources/c360/{name}"
    if name.endswith(".parquet"):
        (tmp_path / path).parent.mkdir(parents=True)
        columns = {c: pa.array(["x"]) for c in SEGMENTS.column_names}
        columns |= {"created_at": pa.array([datetime(2024, 1, 1)]), "is_active": [True]}
        pq.write_table(pa.table(columns), tmp_path / path)
    else:
        write(tmp_path, f"{path}/part-0.csv" if "." not in name else path, SEGMENTS)
    write(tmp_path, ORDERS.path, ORDERS)
    land_all(tmp_path)
    if "." in name:
        (tmp_path / path).unlink()
    else:
        shutil.rmtree(tmp_path / path)
    with pytest.raises(SourceError, match=f"^{re.escape(str(tmp_path / path))} is missing, but "):
        sources(tmp_path)


def landed_from(workspace: Path, table: contracts.Table, source: str) -> Path:
    """A bronze table of one record that ``source`` gave, as an earlier run left it."""
    schema = bronze_schema(table)
    with lake.publish(workspace, "bronze", table.name, schema) as out:
        out.write(pa.Table.from_pylist([{"_source_file": source, "_row_number": 1}], schema=schema))
    return lake.table_dir(workspace, "bronze", table.name)


def test_a_source_the_last_run_read_from_a_database_names_both(tmp_path: Path) -> None:
    write(tmp_path, ORDERS.path, ORDERS)
    land_all(tmp_path)
    bronze = landed_from(tmp_path, MONGO, "mongodb:bronze_db.campaigns")
    with pytest.raises(SourceError) as stopped:
        sources(tmp_path)
    assert str(stopped.value) == (
        f"no source for mongo_campaigns at {tmp_path / MONGO.path}, but the last run landed it "
        "from mongodb:bronze_db.campaigns: name it again under sources: in c360.yaml, put its "
        f"file there, or delete {bronze} to drop the table and what is built from it"
    )


def test_a_source_the_last_run_read_where_a_manifest_said_names_both(tmp_path: Path) -> None:
    write(tmp_path, ORDERS.path, ORDERS)
    land_all(tmp_path)
    bronze = landed_from(tmp_path, INVENTORY, "exports/stock.csv")
    with pytest.raises(SourceError) as stopped:
        sources(tmp_path)
    assert str(stopped.value) == (
        f"{tmp_path / INVENTORY.path} is missing, but the last run landed ecommerce_inventory "
        f"from {tmp_path / 'exports' / 'stock.csv'} (as sources/manifest.json named it): put "
        f"the file there, or delete {bronze} to drop the table and what is built from it"
    )


def test_an_empty_bronze_table_still_counts_as_landed(tmp_path: Path) -> None:
    inventory = write(tmp_path, INVENTORY.path, INVENTORY, rows=0)
    write(tmp_path, ORDERS.path, ORDERS)
    land_all(tmp_path)
    inventory.unlink()
    with pytest.raises(SourceError, match=f"^{re.escape(str(inventory))} is missing, but the "):
        sources(tmp_path)


def test_with_a_manifest_a_source_left_out_of_it_is_dropped(tmp_path: Path) -> None:
    """The manifest lists the workspace's sources: an entry removed with its file is meant."""
    inventory = write(tmp_path, INVENTORY.path, INVENTORY)
    write(tmp_path, ORDERS.path, ORDERS)
    entries = [{"kind": "source", "table": t.name, "path": t.path} for t in (INVENTORY, ORDERS)]
    manifest = tmp_path / "sources" / "manifest.json"
    manifest.write_text(json.dumps({"files": entries}))
    land_all(tmp_path)
    inventory.unlink()
    manifest.write_text(json.dumps({"files": entries[1:]}))
    assert landed(tmp_path) == {"ecommerce_orders": 2}
    assert not lake.table_dir(tmp_path, "bronze", "ecommerce_inventory").exists()
