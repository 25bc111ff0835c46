"""Type drift: a typed source column holding another kind of value than its contract says."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from c360.cli._console import console
from c360.cli.run import print_bronze
from c360.contracts.model import Column, Table
from c360.generate import Plan, generate
from c360.pipeline import lake
from c360.pipeline.bronze.land import Landed, SchemaDriftError, land, land_all
from c360.pipeline.runner import RunResult
from c360.serve import run_report

WHEN = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
ITEMS = Table("items", "x", "", (Column("id", "string"), Column("quantity", "int"),
              Column("price", "float"), Column("sold_at", "timestamp"), Column("is_new", "bool")),
              path="sources/items", file_format="parquet_dir")  # fmt: skip


def write_parquet(workspace: Path, name: str, columns: dict[str, pa.Array]) -> Path:
    folder = workspace / ITEMS.path
    folder.mkdir(parents=True, exist_ok=True)
    pq.write_table(pa.table(columns), folder / name)
    return folder


def good_columns(n: int = 2) -> dict[str, pa.Array]:
    return {
        "id": pa.array([f"I{i}" for i in range(n)]),
        "quantity": pa.array(range(n), pa.int64()),
        "price": pa.array([1.5] * n),
        "sold_at": pa.array([datetime(2024, 1, 1)] * n, pa.timestamp("s")),
        "is_new": pa.array([True] * n),
    }


def test_a_retyped_column_fails_naming_table_column_and_types(tmp_path: Path) -> None:
    folder = write_parquet(tmp_path, "a.parquet", good_columns() | {"quantity": [2.5, 3.0]})
    with pytest.raises(SchemaDriftError) as caught:
        land(tmp_path, ITEMS, folder, "b1", WHEN)
    message = str(caught.value)
    assert "column quantity of items is double in the source but int in the contract" in message
    assert "\n" not in message
    assert not lake.table_dir(tmp_path, "bronze", "items").exists()  # nothing published


def test_evolve_lands_a_retyped_column_as_text_and_reports_it(tmp_path: Path) -> None:
    retyped = good_columns() | {"quantity": [2.5, 3.0], "id": pa.array([7, 8], pa.int32())}
    folder = write_parquet(tmp_path, "a.parquet", retyped)
    result = land(tmp_path, ITEMS, folder, "b1", WHEN, drift="evolve")
    assert result.retyped_columns == ["id: string→int32", "quantity: int→double"]
    assert (result.added_columns, result.missing_columns) == ([], [])
    rows = lake.read_table(tmp_path, "bronze", "items").to_pylist()
    assert [(r["id"], r["quantity"]) for r in rows] == [("7", "2.5"), ("8", "3")]


def test_a_retype_in_a_later_file_of_a_folder_is_caught(tmp_path: Path) -> None:
    write_parquet(tmp_path, "part-0.parquet", good_columns())
    folder = write_parquet(tmp_path, "part-1.parquet", good_columns() | {"is_new": ["y", "n"]})
    assert land(tmp_path, ITEMS, folder, "b1", WHEN).retyped_columns == []  # text fits any type
    write_parquet(tmp_path, "part-2.parquet", good_columns() | {"is_new": [1, 0]})
    with pytest.raises(SchemaDriftError, match=r"is_new of items is int64 .* but bool"):
        land(tmp_path, ITEMS, folder, "b1", WHEN)


@pytest.mark.parametrize(
    ("column", "values"),
    [
        ("quantity", pa.array([1, 2], pa.int16())),
        ("quantity", pa.array(["1", "two"])),  # raw text is compatible with every type
        ("price", pa.array([Decimal("1.50"), None], pa.decimal128(10, 2))),
        ("price", pa.array([1.5, 2.5], pa.float32())),
        ("price", pa.array([2, 3], pa.int64())),  # round prices, typed by the writer as whole
        ("price", pa.array([2, None], pa.uint8())),
        ("sold_at", pa.array([datetime(2024, 1, 1)] * 2, pa.timestamp("ms", "UTC"))),
        ("sold_at", pa.array([datetime(2024, 1, 1).date()] * 2, pa.date32())),
        ("id", pa.array(["a", "b"]).dictionary_encode()),
        ("id", pa.array(["a", "b"], pa.large_string())),
        ("is_new", pa.nulls(2)),
    ],
)
def test_same_kind_of_type_is_not_drift(tmp_path: Path, column: str, values: pa.Array) -> None:
    folder = write_parquet(tmp_path, "a.parquet", good_columns() | {column: values})
    assert land(tmp_path, ITEMS, folder, "b1", WHEN).retyped_columns == []


def test_generated_parquet_sources_are_not_retyped(tmp_path: Path) -> None:
    generate(tmp_path, Plan(seed=5, scale=0.01, file_format="parquet", dirt=0.05))
    assert all(r.retyped_columns == [] for r in land_all(tmp_path))


def test_retyped_columns_show_in_the_cli_and_the_run_report(tmp_path: Path) -> None:
    landed = Landed("items", "sources/items", 2, 2, retyped_columns=["quantity: int→double"])
    markdown = run_report.markdown(run_report.report(RunResult(tmp_path, "duckdb", [landed])))
    assert "| items | 2 | 2 | 0 |  | ~quantity: int→double |" in markdown
    with console.capture() as shown:
        print_bronze([landed], 0.1)
    assert "~quantity" in shown.get()


def test_a_parquet_file_without_rows_still_shows_its_drift(tmp_path: Path) -> None:
    """An extract of a day without data has no row group, but its schema names its columns."""
    empty = {name: column.slice(0, 0) for name, column in good_columns().items()}
    folder = write_parquet(tmp_path, "a.parquet", empty | {"is_new": pa.array([], pa.string())})
    result = land(tmp_path, ITEMS, folder, "b1", WHEN)
    assert (result.records, result.landed, result.missing_columns) == (0, 0, [])
    write_parquet(tmp_path, "a.parquet", empty | {"price": pa.array([], pa.bool_())})
    with pytest.raises(SchemaDriftError, match="column price of items is bool in the source"):
        land(tmp_path, ITEMS, folder, "b1", WHEN)
    renamed = {("item_id" if name == "id" else name): c for name, c in empty.items()}
    write_parquet(tmp_path, "a.parquet", renamed)
    result = land(tmp_path, ITEMS, folder, "b1", WHEN, drift="evolve")
    assert (result.added_columns, result.missing_columns) == (["item_id"], ["id"])


def test_whole_numbers_where_the_contract_says_float_land_as_written(tmp_path: Path) -> None:
    """A widening loses nothing: no drift, and the values land as the source wrote them."""
    prices = good_columns() | {"price": pa.array([2, 30], pa.int64())}
    folder = write_parquet(tmp_path, "a.parquet", prices)
    assert land(tmp_path, ITEMS, folder, "b1", WHEN).retyped_columns == []
    rows = lake.read_table(tmp_path, "bronze", "items").to_pylist()
    assert [r["price"] for r in rows] == ["2", "30"]
    write_parquet(tmp_path, "a.parquet", good_columns() | {"quantity": pa.array([2.0, 3.0])})
    with pytest.raises(SchemaDriftError, match=r"quantity of items is double .* but int"):
        land(tmp_path, ITEMS, folder, "b1", WHEN)  # the other way round may lose the fraction
