"""The gold runner's contract check: exact columns, declared types, NULLs only where allowed."""

from __future__ import annotations

import datetime as dt

import pyarrow as pa
import pytest

from c360.contracts.model import Column, Table
from c360.pipeline.gold.run import ContractError, conform

CONTRACT = Table(
    name="t",
    seed="000",
    description="",
    layer="gold",
    primary_key=("k",),
    columns=(Column("k", "string"), Column("n", "float"), Column("at", "timestamp", nullable=True)),
)


def test_conform_orders_columns_casts_types_and_sorts_by_key() -> None:
    data = pa.table(
        {
            "at": pa.array([None, dt.datetime(2024, 1, 1)], pa.timestamp("us", tz="UTC")),
            "n": pa.array([2, 1], pa.int32()),
            "k": ["b", "a"],
        }
    )
    out = conform(data, CONTRACT)
    assert out.schema == CONTRACT.arrow_schema()
    assert out.to_pylist() == [
        {"k": "a", "n": 1.0, "at": dt.datetime(2024, 1, 1)},
        {"k": "b", "n": 2.0, "at": None},
    ]


def test_conform_names_the_table_and_the_problem() -> None:
    with pytest.raises(ContractError, match=r"t: extra columns \['x'\], missing \['at'\]"):
        conform(pa.table({"k": ["a"], "n": [1.0], "x": [1]}), CONTRACT)
    with pytest.raises(ContractError, match=r"t: .*null"):
        conform(pa.table({"k": [None], "n": [1.0], "at": [None]}), CONTRACT)


def test_conform_rejects_null_entries_inside_lists_but_not_a_null_list() -> None:
    tags = Table("tags", "000", "", (Column("k", "string"), Column("tags", "list<string>",
                 nullable=True)), layer="gold", primary_key=("k",))  # fmt: skip
    ok = conform(pa.table({"k": ["a", "b", "c"], "tags": [["x"], None, []]}), tags)
    assert ok.column("tags").to_pylist() == [["x"], None, []]
    with pytest.raises(ContractError, match=r"tags: 2 NULL entries inside lists of tags"):
        conform(pa.table({"k": ["a", "b"], "tags": [["x", None], [None]]}), tags)
