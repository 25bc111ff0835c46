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
from c360.pipeline.bronze.find import sources
from c360.pipeline.bronze.land import land_all

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


@pytest.mark.parametrize(
    ("table", "first", "second", "why"),
    [
        (INVENTORY, "inventory.csv", "inventory.csv.gz", "the plain file wins"),
        (SEGMENTS, "crm_segments.csv", "crm_segments.csv.gz", "the plain file wins"),
        (SEGMENTS, "crm_segments.csv", "crm_segments.parquet", "a .csv file wins over a .parquet"),
        (SEGMENTS, "crm_segments", "crm_segments.csv", "the folder wins"),
    ],
)
def test_a_file_passed_over_for_another_at_the_usual_place_is_a_warning(
    tmp_path: Path, table: contracts.Table, first: str, second: str, why: str
) -> None:
    folder = (tmp_path / table.path).parent
    folder.mkdir(parents=True)
    landing = folder / first
    if "." in first:
        landing.write_bytes(text(table, 1))
    else:
        landing.mkdir()
        (landing / "day1.csv").write_bytes(text(table, 1))
    (folder / second).write_bytes(gzip.compress(text(table, 3)))
    [result] = land_all(tmp_path)
    assert result.records == 1
    assert result.warnings == [
        f"{folder / second} is not landed: {table.name} is read from {landing}, there too "
        f"({why}): delete or move the one not meant"
    ]


def test_a_manifest_names_the_file_meant_without_a_warning(tmp_path: Path) -> None:
    plain = tmp_path / INVENTORY.path
    packed(tmp_path, f"{INVENTORY.path}.gz", text(INVENTORY, 3))
    plain.write_bytes(text(INVENTORY, 1))
    manifest = {"files": [{"kind": "source", "table": INVENTORY.name, "path": INVENTORY.path}]}
    (tmp_path / "sources" / "manifest.json").write_text(json.dumps(manifest))
    [result] = land_all(tmp_path)
    assert (result.records, result.warnings) == (1, [])


UNREAD = [
    (SEGMENTS, "crm_segments.xlsx", "crm_segments.csv (or crm_segments.csv.gz, "
     "crm_segments.parquet, a folder crm_segments)", "export it as CSV"),
    (SEGMENTS, "crm_segments.tsv", "crm_segments.csv (or crm_segments.csv.gz, "
     "crm_segments.parquet, a folder crm_segments)",
     'name it .csv and set delimiter: "\\t" under csv: crm_segments: in c360.yaml'),
    (INVENTORY, "inventory.csv.bz2", "inventory.csv (or inventory.csv.gz)",
     "decompress it (bunzip2)"),
    (WEB, "web_accounts.json.zip", "web_accounts.jsonl (or web_accounts.jsonl.gz)", "extract it"),
]  # fmt: skip


def unread(workspace: Path, table: contracts.Table, name: str) -> Path:
    """A file of another format at ``table``'s usual place, and another table's file."""
    packed(workspace, f"{INVENTORY.path}.gz" if table is not INVENTORY else WEB.path, b"")
    file = (workspace / table.path).parent / name
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_bytes(b"whatever")
    return file


@pytest.mark.parametrize(("table", "name", "read", "fix"), UNREAD)
def test_a_file_c360_does_not_read_where_a_table_is_looked_for_stops_the_run(
    tmp_path: Path, table: contracts.Table, name: str, read: str, fix: str
) -> None:
    file = unread(tmp_path, table, name)
    with pytest.raises(SourceError) as caught:
        sources(tmp_path)
    assert str(caught.value) == (
        f"{file} is not read: {table.name} is read from {file.parent}/{read}: {fix} "
        "(or move it away, if it is not meant to land)"
    )


def test_a_file_of_another_format_instead_of_the_one_landed_last_is_named(
    tmp_path: Path,
) -> None:
    plain = tmp_path / INVENTORY.path
    plain.parent.mkdir(parents=True)
    plain.write_bytes(text(INVENTORY))
    land_all(tmp_path)
    plain.unlink()
    (plain.parent / "inventory.xlsx").write_bytes(b"whatever")
    with pytest.raises(SourceError) as caught:
        sources(tmp_path)
    assert str(caught.value).startswith(f"{plain} is missing, but the last run landed ")
    assert str(caught.value).endswith(
        f" ({plain.parent / 'inventory.xlsx'} is there, which is not read: export it as CSV)"
    )


def test_a_table_without_any_file_is_fine(tmp_path: Path) -> None:
    packed(tmp_path, WEB.path, b"")
    (tmp_path / "sources" / "c360").mkdir(parents=True)
    (tmp_path / "sources" / "c360" / "notes.xlsx").write_bytes(b"not a table's name")
    assert [t.name for t, _ in sources(tmp_path)] == [WEB.name]
