"""The gold runner's contract check (exact columns, declared types, NULLs only where allowed)
and its shared inputs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import ibis
import pyarrow as pa
import pytest

from c360.contracts.model import Column, Table
from c360.engines import Engine
from c360.pipeline.gold import run
from c360.pipeline.gold.model import Shared
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


def test_a_shared_input_is_built_once_and_held_for_its_readers(
    engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    builds: list[str] = []

    def doubled(t: ibis.Table) -> ibis.Table:
        builds.append("doubled")
        return t.mutate(n2=t.n * 2)

    monkeypatch.setattr(run, "SHARED", {"doubled": Shared("doubled", ("numbers",), doubled)})
    numbers = engine.register("numbers", pa.table({"n": [1, 2]}))
    tables = {"numbers": numbers}
    first = run._input(tmp_path, engine, tables, "doubled")
    again = run._input(tmp_path, engine, tables, "doubled")
    assert first is not None and again is first
    assert builds == ["doubled"]
    assert sorted(engine.to_arrow(first).column("n2").to_pylist()) == [2, 4]
    engine.forget("shared_doubled")
    engine.forget("numbers")


def test_a_shared_input_of_a_missing_source_is_missing(
    engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(run, "SHARED", {"doubled": Shared("doubled", ("absent",), lambda t: t)})
    assert run._input(tmp_path, engine, {}, "doubled") is None
