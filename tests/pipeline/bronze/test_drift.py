"""Type drift: a typed source column holding another kind of value than its contract says."""

from __future__ import annotations

import json
from collections.abc import Iterator
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
from c360.pipeline.bronze.blocks import ROW_NUMBER, Block
from c360.pipeline.bronze.drift import SchemaDriftError
from c360.pipeline.bronze.land import Landed, land, land_all
from c360.pipeline.runner import RunResult
from c360.serve import run_report

WHEN = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
ITEMS = Table("items", "x", "", (Column("id", "string"), Column("quantity", "int"),
              Column("price", "float"), Column("sold_at", "timestamp"),
              Column("is_new", "bool", nullable=True)),
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
    folder = write_parquet(
        tmp_path, "part-1.parquet", good_columns() | {"sold_at": ["2024-01-01"] * 2}
    )
    assert land(tmp_path, ITEMS, folder, "b1", WHEN).retyped_columns == []  # dates as text fit
    write_parquet(tmp_path, "part-2.parquet", good_columns() | {"is_new": [1, 0]})
    with pytest.raises(SchemaDriftError, match=r"is_new of items is int64 .* but bool"):
        land(tmp_path, ITEMS, folder, "b1", WHEN)


@pytest.mark.parametrize(
    ("column", "values"),
    [
        ("quantity", pa.array([1, 2], pa.int16())),
        ("quantity", pa.nulls(2)),  # a column of nulls declares no type
        ("sold_at", pa.array(["2024-01-01", "2024-02-30"])),  # dates travel as text
        ("sold_at", pa.array(["2024-01-01", None]).dictionary_encode()),
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


@pytest.mark.parametrize(
    ("column", "values", "found"),
    [
        ("price", pa.array(["1.5", "2.5"]), "string"),
        ("price", pa.array(["1.5", "2.5"], pa.large_string()), "large_string"),
        ("quantity", pa.array(["1", "two"]), "string"),
        ("quantity", pa.array([b"1", b"2"]), "binary"),
        ("is_new", pa.array(["y", "n"]), "string"),
        ("is_new", pa.array(["true", "false"]).dictionary_encode(),
         "dictionary<values=string, indices=int32, ordered=0>"),
    ],
)  # fmt: skip
def test_text_where_the_contract_says_a_number_or_a_boolean_is_a_type_change(
    tmp_path: Path, column: str, values: pa.Array, found: str
) -> None:
    """A writer that now declares the column as text changed its type: the values may still
    read, but nothing says so any more (a price written "12,50 €" from now on, say)."""
    folder = write_parquet(tmp_path, "a.parquet", good_columns() | {column: values})
    expected = ITEMS.column(column).dtype
    with pytest.raises(SchemaDriftError) as caught:
        land(tmp_path, ITEMS, folder, "b1", WHEN)
    assert str(caught.value) == (
        f"{folder}: column {column} of items is {found} in the source but {expected} in the "
        "contract (set schema_drift: evolve in c360.yaml to land it as text)"
    )
    assert not lake.table_dir(tmp_path, "bronze", "items").exists()
    result = land(tmp_path, ITEMS, folder, "b1", WHEN, drift="evolve")
    assert result.retyped_columns == [f"{column}: {expected}→{found}"]
    rows = lake.read_table(tmp_path, "bronze", "items").to_pylist()
    assert [r[column] for r in rows] == [
        v.decode() if isinstance(v, bytes) else v for v in values.to_pylist()
    ]


def test_json_values_written_as_text_are_no_type_change(tmp_path: Path) -> None:
    """JSON declares no column types: a number written as a string ("12.50", as shop APIs
    write prices, or the generator's "thirty-five") is a value for silver to read or reject."""
    docs = Table("docs", "x", "", ITEMS.columns, path="sources/docs.jsonl", file_format="jsonl")
    path = tmp_path / docs.path
    path.parent.mkdir(parents=True)
    lines = [
        {"id": "A", "quantity": "2", "price": "12.50", "sold_at": "2024-01-01", "is_new": "yes"},
        {"id": "B", "quantity": "two", "price": 3, "is_new": True},
    ]
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n")
    result = land(tmp_path, docs, path, "b1", WHEN)
    assert (result.landed, result.retyped_columns) == (2, [])


class StagingTable:
    """A database table keeping every column as text, as staging tables often do."""

    label = "postgres:staging.items"

    def count(self) -> int:
        return 1

    def read(self, contract: Table, columns: dict[str, str] | None = None) -> Iterator[Block]:
        data = pa.table({c: ["1"] for c in contract.column_names})
        types = data.schema
        yield Block(data.append_column(ROW_NUMBER, pa.array([1], pa.int64())), self.label,
                    types=types)  # fmt: skip


def test_a_database_column_of_text_is_no_type_change(tmp_path: Path) -> None:
    """A table or query may keep raw text in any column, for silver to type."""
    assert land(tmp_path, ITEMS, StagingTable(), "b1", WHEN).retyped_columns == []


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
    folder = write_parquet(tmp_path, "a.parquet", empty | {"sold_at": pa.array([], pa.string())})
    result = land(tmp_path, ITEMS, folder, "b1", WHEN)
    assert (result.records, result.landed, result.missing_columns) == (0, 0, [])
    write_parquet(tmp_path, "a.parquet", empty | {"price": pa.array([], pa.bool_())})
    with pytest.raises(SchemaDriftError, match="column price of items is bool in the source"):
        land(tmp_path, ITEMS, folder, "b1", WHEN)
    renamed = {("new" if name == "is_new" else name): c for name, c in empty.items()}
    write_parquet(tmp_path, "a.parquet", renamed)
    result = land(tmp_path, ITEMS, folder, "b1", WHEN, drift="evolve")
    assert (result.added_columns, result.missing_columns) == (["new"], ["is_new"])
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


def test_extra_fields_of_a_json_file_point_to_the_json_mapping(tmp_path: Path) -> None:
    """A JSON source's fields named otherwise than its columns are mapped under ``json:``."""
    docs = Table("docs", "x", "", (Column("id", "string"), Column("email", "string")),
                 path="sources/docs.jsonl", file_format="jsonl")  # fmt: skip
    path = tmp_path / docs.path
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({"id": "A", "Mail": "a@x.de"}) + "\n")
    with pytest.raises(SchemaDriftError) as caught:
        land(tmp_path, docs, path, "b1", WHEN)
    assert str(caught.value) == (
        f"{path}: columns not in the contract of docs: Mail; missing: email (map field names to "
        "contract columns under json: docs: columns: in c360.yaml, or set schema_drift: evolve "
        "to keep them in _extra)"
    )
