"""Sources found without a manifest, at their contract's path: a file compressed with gzip
there lands as the file would."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from c360 import contracts
from c360.pipeline import lake
from c360.pipeline.bronze.blocks import SourceError
from c360.pipeline.bronze.land import land_all, sources

INVENTORY = contracts.get("ecommerce_inventory")  # a CSV
SEGMENTS = contracts.get("crm_segments")  # a seed-000 table: .csv or .parquet
WEB = contracts.get("identity_web_accounts")  # JSON lines


def text(table: contracts.Table, rows: int = 2) -> bytes:
    """A CSV of ``table``'s columns holding ``rows`` records."""
    lines = [",".join(table.column_names)]
    lines += [",".join(f"{c}{i}" for c in table.column_names) for i in range(rows)]
    return ("\n".join(lines) + "\n").encode()


def packed(workspace: Path, path: str, data: bytes) -> Path:
    file = workspace / path
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_bytes(gzip.compress(data))
    return file


@pytest.mark.parametrize(
    ("table", "path"),
    [(INVENTORY, f"{INVENTORY.path}.gz"), (SEGMENTS, f"{SEGMENTS.path}.csv.gz")],
)
def test_a_gzip_csv_where_its_csv_is_looked_for_lands_as_the_csv(
    tmp_path: Path, table: contracts.Table, path: str
) -> None:
    file = packed(tmp_path, path, text(table, 3))
    assert [(t.name, p) for t, p in sources(tmp_path)] == [(table.name, file)]
    [result] = land_all(tmp_path)
    assert (result.table, result.source, result.records, result.landed) == (
        table.name, path, 3, 3
    )  # fmt: skip
    rows = lake.read_table(tmp_path, "bronze", table.name).to_pylist()
    assert {r["_source_file"] for r in rows} == {path}


def test_gzip_json_lines_where_they_are_looked_for_land(tmp_path: Path) -> None:
    lines = [json.dumps({c: f"{c}{i}" for c in WEB.column_names}) for i in range(2)]
    packed(tmp_path, f"{WEB.path}.gz", "\n".join(lines).encode())
    [result] = land_all(tmp_path)
    assert (result.table, result.records, result.landed) == (WEB.name, 2, 2)


def test_the_plain_file_lands_when_both_are_there(tmp_path: Path) -> None:
    plain = tmp_path / INVENTORY.path
    packed(tmp_path, f"{INVENTORY.path}.gz", text(INVENTORY, 3))
    plain.write_bytes(text(INVENTORY, 1))
    assert [p for _, p in sources(tmp_path)] == [plain]


def test_a_gzip_csv_the_last_run_landed_is_named_when_it_is_gone(tmp_path: Path) -> None:
    file = packed(tmp_path, f"{INVENTORY.path}.gz", text(INVENTORY))
    packed(tmp_path, f"{SEGMENTS.path}.csv.gz", text(SEGMENTS))
    land_all(tmp_path)
    file.unlink()
    with pytest.raises(SourceError, match=f"^{file} is missing, but the last run landed "):
        sources(tmp_path)


@pytest.mark.parametrize(
    ("table", "name"),
    [(INVENTORY, "Inventory.CSV"), (INVENTORY, "inventory.csv.GZ"), (SEGMENTS, "CRM_Segments.csv")],
)
def test_a_file_named_in_another_case_stops_the_run_naming_both(
    tmp_path: Path, table: contracts.Table, name: str
) -> None:
    """Looked for by its exact name, it would not land, without a word, beside the others."""
    packed(tmp_path, WEB.path, b"")  # another source, which would land alone
    file = tmp_path / table.path
    file = file.parent / name if table is INVENTORY else file.with_name(name)
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_bytes(text(table))
    place = tmp_path / table.path
    place = place.with_name(place.name + ".csv") if table is SEGMENTS else place
    wanted = place.with_name(place.name + ".gz") if name.endswith(".GZ") else place
    with pytest.raises(SourceError) as caught:
        sources(tmp_path)
    assert str(caught.value) == (
        f"{file} is not read: {table.name} is read from {wanted} (file names are "
        "case-sensitive): rename it"
    )
