"""A file that does not hold the records its manifest entry counts stops the run; without a count,
a file of no bytes at all is reported."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pyarrow as pa
import pytest

from c360 import contracts
from c360.contracts.model import Table
from c360.generate import Plan, generate
from c360.pipeline import lake
from c360.pipeline.bronze import land as landing
from c360.pipeline.bronze.blocks import ROW_NUMBER, Block, SourceError
from c360.pipeline.bronze.find import sources
from c360.pipeline.bronze.land import ReconciliationError, land, land_all
from c360.pipeline.runner import RunResult
from c360.serve import run_report

WHEN = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
ORDERS = contracts.get("ecommerce_orders")
INVENTORY = contracts.get("ecommerce_inventory")


def write(workspace: Path, table: Table, rows: int, bad: int = 0) -> Path:
    """A CSV of ``table``'s columns: ``rows`` records and ``bad`` ones of a single field."""
    file = workspace / table.path
    file.parent.mkdir(parents=True, exist_ok=True)
    lines = [",".join(table.column_names)]
    lines += [",".join(f"{c}{i}" for c in table.column_names) for i in range(rows)]
    lines += ["broken"] * bad
    file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return file


def manifest(workspace: Path, **rows: int | None) -> Path:
    """A manifest naming each table's contract path, with its rows unless ``None``."""
    entries = [
        {"kind": "source", "table": name, "path": contracts.get(name).path}
        | ({} if count is None else {"rows": count})
        for name, count in rows.items()
    ]
    path = workspace / "sources" / "manifest.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"files": entries}))
    return path


def test_records_landed_plus_quarantined_as_the_manifest_counts_them_land(tmp_path: Path) -> None:
    write(tmp_path, ORDERS, 3, bad=1)
    manifest(tmp_path, ecommerce_orders=4)
    [result] = land_all(tmp_path)
    assert (result.records, result.landed, result.quarantined, result.warnings) == (4, 3, 1, [])


@pytest.mark.parametrize(("rows", "said"), [(0, 5), (3, 5), (7, 5)])
def test_a_file_holding_other_records_than_its_manifest_says_stops_the_run(
    tmp_path: Path, rows: int, said: int
) -> None:
    write(tmp_path, ORDERS, 5)
    manifest(tmp_path, ecommerce_orders=said)
    land_all(tmp_path)
    file = write(tmp_path, ORDERS, rows)
    if rows == 0:
        file.write_bytes(b"")  # emptied: not even a header
    with pytest.raises(ReconciliationError) as stopped:
        land_all(tmp_path)
    assert str(stopped.value) == (
        f"{file}: {rows} records but {tmp_path / 'sources' / 'manifest.json'} says {said}: the "
        f"file is cut short or was replaced (restore it, or set its rows to {rows} in the "
        "manifest if the change is meant); bronze ecommerce_orders is left as it was"
    )
    kept = lake.read_table(tmp_path, "bronze", "ecommerce_orders")
    assert kept.num_rows == 5


def test_a_manifest_entry_without_rows_checks_nothing(tmp_path: Path) -> None:
    write(tmp_path, ORDERS, 3)
    manifest(tmp_path, ecommerce_orders=None)
    assert [r.landed for r in land_all(tmp_path)] == [3]


def test_a_generated_file_emptied_names_both_counts(tmp_path: Path) -> None:
    generate(tmp_path, Plan(seed=4, scale=0.01))
    said = {f["table"]: f["rows"] for f in json.loads(
        (tmp_path / "sources" / "manifest.json").read_text())["files"]}  # fmt: skip
    orders = tmp_path / "sources" / "ecommerce" / "orders.csv"
    orders.write_bytes(b"")
    with pytest.raises(ReconciliationError, match=rf"orders\.csv: 0 records but .* says "
                       rf"{said['ecommerce_orders']}: the file is cut short"):  # fmt: skip
        land_all(tmp_path)


class Collection:
    """A database collection of two documents, standing in for a file the manifest names."""

    label = "mongodb:bronze_db.orders"

    def count(self) -> int:
        return 2

    def read(self, contract: Table, columns: dict[str, str] | None = None) -> Iterator[Block]:
        data = {c: [f"{c}{i}" for i in range(2)] for c in contract.column_names}
        yield Block(pa.table(data | {ROW_NUMBER: pa.array([1, 2], pa.int64())}), self.label)


def test_a_database_in_place_of_a_manifest_file_is_not_held_to_its_rows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    manifest(tmp_path, ecommerce_orders=30772)
    monkeypatch.setattr(landing, "sources", lambda workspace: [(ORDERS, Collection())])
    assert [r.landed for r in land_all(tmp_path)] == [2]


def test_a_file_of_no_bytes_without_a_count_lands_empty_with_a_warning(tmp_path: Path) -> None:
    """Some tools write an extract of a day without data as an empty file: on a first run it
    lands, said; where the last run landed records, it stops the run."""
    file = write(tmp_path, INVENTORY, 0)
    file.write_bytes(b"")
    [result] = land_all(tmp_path)
    assert (result.records, result.landed) == (0, 0)
    assert result.warnings == [f"{file} is empty (0 bytes): no records landed"]
    report = run_report.report(RunResult(tmp_path, "duckdb", [result]))
    assert report["bronze"][0]["warnings"] == result.warnings
    write(tmp_path, INVENTORY, 4)
    assert land_all(tmp_path)[0].warnings == []
    file.write_bytes(b"")
    with pytest.raises(SourceError, match=r"is empty \(0 bytes\), where the last run landed 4 "):
        land_all(tmp_path)


def test_a_file_of_no_bytes_the_manifest_counts_as_empty_is_no_warning(tmp_path: Path) -> None:
    write(tmp_path, INVENTORY, 0).write_bytes(b"")
    manifest(tmp_path, ecommerce_inventory=0)
    assert land_all(tmp_path)[0].warnings == []


def test_a_header_alone_is_no_warning(tmp_path: Path) -> None:
    """A header says the file was written whole, with no record that day."""
    path = write(tmp_path, INVENTORY, 0)
    assert land(tmp_path, INVENTORY, path, "b1", WHEN).warnings == []
    folder = replace(INVENTORY, path="sources/inventory")
    (tmp_path / folder.path).mkdir(parents=True)
    (tmp_path / folder.path / "day-1.csv").write_bytes(b"")  # one empty extract of a folder
    (tmp_path / folder.path / "day-2.csv").write_text(path.read_text())
    assert land(tmp_path, folder, tmp_path / folder.path, "b1", WHEN).warnings == []


@pytest.mark.parametrize(
    ("rows", "wrong"),
    [("12", "a string, not a whole number"), (True, "a boolean, not a whole number"),
     (1.5, "a number, not a whole number"), (-1, "negative")],
)  # fmt: skip
def test_a_manifest_count_that_is_not_a_whole_number_says_so(
    tmp_path: Path, rows: object, wrong: str
) -> None:
    path = tmp_path / "sources" / "manifest.json"
    path.parent.mkdir()
    entry = {"kind": "source", "table": "orders", "path": "sources/orders.csv", "rows": rows}
    path.write_text(json.dumps({"files": [entry]}))
    with pytest.raises(SourceError) as error:
        sources(tmp_path)
    assert str(error.value) == f"{path}: entry 1's 'rows' is {wrong}"
