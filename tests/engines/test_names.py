"""A name holds the last table given it, whether read from the lake or registered from Arrow."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from c360.engines import Engine

LAKE = pa.table({"id": ["a", "b", "c"], "n": pa.array([1, 2, 3], pa.int64())})
HELD = pa.table({"id": ["z"], "flag": [True]})  # other columns: a stale view would show
NONE = pa.schema([("id", pa.string()), ("day", pa.date32())]).empty_table()


def _lake_table(folder: Path) -> Path:
    folder.mkdir(parents=True)
    pq.write_table(LAKE.slice(0, 2), folder / "part-0.parquet")
    pq.write_table(LAKE.slice(2), folder / "part-1.parquet")
    return folder


@pytest.mark.parametrize("held", [HELD, NONE], ids=["rows", "no_rows"])
def test_registering_replaces_a_table_read_from_the_lake(
    engine: Engine, tmp_path: Path, held: pa.Table
) -> None:
    """As a second workspace without a fact table reads it as empty where the first read it."""
    name = f"names_lake_then_arrow_{held.num_rows}"
    first = engine.read_lake(name, _lake_table(tmp_path / "t"))
    assert engine.to_arrow(first.order_by("id")).equals(LAKE)
    second = engine.register(name, held)
    assert engine.to_arrow(second).equals(held)
    assert engine.sql(f"SELECT * FROM {name}").equals(held)


@pytest.mark.parametrize("held", [HELD, NONE], ids=["rows", "no_rows"])
def test_reading_the_lake_replaces_a_registered_table(
    engine: Engine, tmp_path: Path, held: pa.Table
) -> None:
    name = f"names_arrow_then_lake_{held.num_rows}"
    first = engine.register(name, held)
    assert engine.to_arrow(first).equals(held)
    second = engine.read_lake(name, _lake_table(tmp_path / "t"))
    assert engine.to_arrow(second.order_by("id")).equals(LAKE)
    assert engine.sql(f"SELECT * FROM {name} ORDER BY id").equals(LAKE)


def test_a_name_read_registered_and_read_again_holds_the_last(
    engine: Engine, tmp_path: Path
) -> None:
    name = "names_back_and_forth"
    folder = _lake_table(tmp_path / "t")
    engine.read_lake(name, folder)
    engine.register(name, HELD)
    engine.read_lake(name, folder)
    again = engine.register(name, NONE)
    assert engine.to_arrow(again).equals(NONE)


def test_a_forgotten_lake_table_is_gone_and_its_name_free(engine: Engine, tmp_path: Path) -> None:
    name = "names_lake_forgotten"
    engine.read_lake(name, _lake_table(tmp_path / "t"))
    engine.forget(name)
    with pytest.raises(Exception, match=name):
        engine.sql(f"SELECT count(*) AS n FROM {name}")
    engine.forget(name)  # twice is fine
    assert engine.to_arrow(engine.register(name, HELD)).equals(HELD)
