"""A source that lands no records where the last run landed some, whatever is left of it (no
bytes, a header alone, a byte order mark alone, blank lines), stops the run when it is a single
file, keeping the last run's table; a folder of empty parts is reported."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from c360 import contracts
from c360.contracts.model import Table
from c360.pipeline import lake
from c360.pipeline.bronze.blocks import SourceError
from c360.pipeline.bronze.land import land_all
from c360.pipeline.runner import RunResult
from c360.serve import run_report

INVENTORY = contracts.get("ecommerce_inventory")
WEB = contracts.get("identity_web_accounts")
PRODUCTS = contracts.get("ecommerce_products")


def csv(workspace: Path, rows: int) -> Path:
    file = workspace / INVENTORY.path
    file.parent.mkdir(parents=True, exist_ok=True)
    lines = [",".join(INVENTORY.column_names)]
    lines += [",".join(f"{c}{i}" for c in INVENTORY.column_names) for i in range(rows)]
    file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return file


def header_only(workspace: Path) -> Path:
    return csv(workspace, 0)


def bom_only(workspace: Path) -> Path:
    file = csv(workspace, 0)
    file.write_bytes(b"\xef\xbb\xbf")
    return file


def jsonl(workspace: Path, rows: int) -> Path:
    file = workspace / WEB.path
    file.parent.mkdir(parents=True, exist_ok=True)
    records = [f'{{"user_id": "U{i}", "email": "u{i}@mail.fr"}}' for i in range(rows)]
    file.write_text("\n".join(records) + "\n" if records else "\n\n", encoding="utf-8")
    return file


def parquet(workspace: Path, rows: int) -> Path:
    folder = workspace / PRODUCTS.path
    folder.mkdir(parents=True, exist_ok=True)
    data = {c: [f"{c}{i}" for i in range(rows)] for c in PRODUCTS.column_names}
    pq.write_table(
        pa.table(data, pa.schema([(c, pa.string()) for c in data])), folder / "a.parquet"
    )
    return folder


FILES: list[tuple[Table, Callable[[Path, int], Path], Callable[[Path], Path]]] = [
    (INVENTORY, csv, header_only),
    (INVENTORY, csv, bom_only),
    (WEB, jsonl, lambda ws: jsonl(ws, 0)),
]


def landed_then_emptied(
    workspace: Path,
    table: Table,
    write: Callable[[Path, int], Path],
    emptied: Callable[[Path], Path],
) -> Path:
    """A first run of the source without records (no warning: a day without data), a run of 3
    records, then the source emptied again: its file or folder."""
    emptied(workspace)
    [result] = land_all(workspace, drift="evolve")
    assert (result.table, result.records, result.landed) == (table.name, 0, 0)
    assert result.warnings == []
    write(workspace, 3)
    assert land_all(workspace, drift="evolve")[0].warnings == []
    return emptied(workspace)


@pytest.mark.parametrize(("table", "write", "emptied"), FILES, ids=["header", "bom", "blank"])
def test_a_file_left_without_records_stops_the_run_where_the_last_run_landed_some(
    tmp_path: Path,
    table: Table,
    write: Callable[[Path, int], Path],
    emptied: Callable[[Path], Path],
) -> None:
    file = landed_then_emptied(tmp_path, table, write, emptied)
    with pytest.raises(SourceError) as caught:
        land_all(tmp_path, drift="evolve")
    bronze = lake.table_dir(tmp_path, "bronze", table.name)
    assert str(caught.value) == (
        f"{file} holds no records, where the last run landed 3 records: put its records back, "
        f"or delete {bronze} to accept it as it is and start {table.name} over; bronze "
        f"{table.name} is kept as it was"
    )
    assert lake.count_rows(bronze) == 3


@pytest.mark.parametrize(
    ("table", "write", "emptied"), [(PRODUCTS, parquet, lambda ws: parquet(ws, 0))], ids=["folder"]
)
def test_a_folder_left_without_records_is_said_where_the_last_run_landed_some(
    tmp_path: Path,
    table: Table,
    write: Callable[[Path, int], Path],
    emptied: Callable[[Path], Path],
) -> None:
    file = landed_then_emptied(tmp_path, table, write, emptied)
    [result] = land_all(tmp_path, drift="evolve")
    assert result.landed == 0
    assert result.warnings == [
        f"{file} holds no records: no records landed, where the last run landed 3"
    ]
    report = run_report.report(RunResult(tmp_path, "duckdb", [result]))
    assert report["bronze"][0]["warnings"] == result.warnings
    assert land_all(tmp_path, drift="evolve")[0].warnings == []  # the last run landed none


def test_a_file_of_no_bytes_is_said_so(tmp_path: Path) -> None:
    file = csv(tmp_path, 2)
    land_all(tmp_path)
    file.write_bytes(b"")
    with pytest.raises(SourceError, match=r"inventory\.csv is empty \(0 bytes\), where the last "
                       "run landed 2 records: put its records back, or delete "):  # fmt: skip
        land_all(tmp_path)
