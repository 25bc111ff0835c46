"""The same pipeline on DuckDB and on Spark gives the same silver and gold tables."""

from __future__ import annotations

import csv
import json
import math
import shutil
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pytest

from c360.generate import Plan, generate
from c360.pipeline import lake
from c360.pipeline.runner import run

pytestmark = pytest.mark.spark


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    source = tmp_path_factory.mktemp("parity") / "source"
    generate(source, Plan(seed=5, scale=0.02, dirt=0.02))
    plant_edge_values(source)
    out = {}
    with pytest.MonkeyPatch.context() as env:
        env.setenv("C360_PRIVACY_KEY", "one key for both runs")  # same pseudonyms
        for engine in ("duckdb", "spark"):
            workspace = source.with_name(engine)
            shutil.copytree(source, workspace)
            run(workspace, until="gold", engine=engine)
            out[engine] = workspace
    return out


# Values a real export holds that engines read differently unless the parsers see to it: times
# with offsets and at the edges of what engines hold (9999-12-31 is beyond pandas'
# nanoseconds), leap days, rounding ties, no-break spaces, unicode case. (column: values)
EDGES = {
    "order_at": ["1970-01-01 00:00:00", "9999-12-31 23:59:59", "2262-04-12 00:00:00",
                 "2024-02-29T23:30:00-02:00", "2024-03-31T01:30:00+14:00", "2023-02-29 12:00:00",
                 "2024-07-28T12:00:00.999999Z", "2024-02-29 12:00"],
    "total_amount_eur": ["0.125", "2.675", "1.005", "-0.005", "1.234,56", "1e-400", "-0", ""],
    "channel": ["web\u00a0", "WEB", " Web ", "mobile_app", "wEb", "web", "Web\u2003", "store"],
    "status": ["COMPLETED", " completed\u00a0", "Completed", "cancelled", "completed", "ß", "",
               "x"],
}  # fmt: skip


def plant_edge_values(workspace: Path) -> None:
    """Orders of the first customer holding ``EDGES``, appended to the seed-000 orders."""
    path = workspace / "sources" / "c360" / "orders.csv"
    with path.open(newline="", encoding="utf-8") as f:
        first = next(csv.DictReader(f))
    with path.open("a", newline="", encoding="utf-8") as f:
        out = csv.DictWriter(f, list(first), lineterminator="\n")
        for i in range(len(EDGES["order_at"])):
            values = {column: EDGES[column][i] for column in EDGES}
            out.writerow(first | values | {"order_id": f"ORD_EDGE_{i}", "promo_code": ""})
    manifest = workspace / "sources" / "manifest.json"  # the file holds more records now
    data = json.loads(manifest.read_text())
    for entry in data["files"]:
        if entry["table"] == "orders":
            entry["rows"] += len(EDGES["order_at"])
    manifest.write_text(json.dumps(data))


def tables(workspace: Path, layer: str) -> list[str]:
    return sorted(p.name for p in (workspace / "lake" / layer).iterdir() if p.is_dir())


# Columns that say when a run happened: two runs, two times.
RUN_TIMES = {
    "identity_ledger": {"run_id"},
    "customer_profile": {"created_at", "updated_at"},
    "segment_membership": {"valid_from", "valid_to"},
}


def rows(workspace: Path, layer: str, name: str) -> list[tuple[Any, ...]]:
    """The table's rows in a canonical order (floats summed in another order may differ in
    their last bits, so the order ignores their digits beyond the sixth)."""
    data: pa.Table = lake.read_table(workspace, layer, name)
    skip = RUN_TIMES.get(name, set())
    data = data.select(
        sorted(c for c in data.column_names if not c.startswith("_") and c not in skip)
    )
    return sorted((tuple(r.values()) for r in data.to_pylist()), key=_order)


def _order(row: tuple[Any, ...]) -> str:
    return repr(tuple(f"{v:.6g}" if isinstance(v, float) else v for v in row))


def same(a: tuple[Any, ...], b: tuple[Any, ...]) -> bool:
    return len(a) == len(b) and all(
        math.isclose(x, y, rel_tol=1e-9, abs_tol=1e-9)
        if isinstance(x, float) and isinstance(y, float)
        else x == y
        for x, y in zip(a, b, strict=True)
    )


def decisions(workspace: Path) -> dict[tuple[str, str], str]:
    """Each pair's decision, for the pairs scored at or above the threshold or ruled."""
    data = lake.read_table(workspace, "gold", "identity_pairs")
    data = data.filter(pc.invert(pc.equal(data["decision"], "below_threshold")))
    keys = zip(data["record_key_l"].to_pylist(), data["record_key_r"].to_pylist(), strict=True)
    return dict(zip(keys, data["decision"].to_pylist(), strict=True))


def test_identity_decides_every_pair_alike_on_both_engines(runs: dict[str, Path]) -> None:
    # The u sample is drawn outside the engine and Spark's Jaro-Winkler is DuckDB's: the same
    # model scores the same pairs alike.
    duck, spark = decisions(runs["duckdb"]), decisions(runs["spark"])
    differ = {p: (duck.get(p), spark.get(p)) for p in duck.keys() | spark.keys()
              if duck.get(p) != spark.get(p)}  # fmt: skip
    assert len(duck) > 100 and not differ, differ


@pytest.mark.parametrize("layer", ["silver", "gold", "quarantine"])
def test_every_table_is_identical_on_both_engines(runs: dict[str, Path], layer: str) -> None:
    assert_identical(runs, layer)


def assert_identical(runs: dict[str, Path], layer: str) -> None:
    """Both engines wrote the same tables of ``layer``, row for row (floats to 6 digits)."""
    names = tables(runs["duckdb"], layer)
    assert names and names == tables(runs["spark"], layer)
    for name in names:
        duck, spark = rows(runs["duckdb"], layer, name), rows(runs["spark"], layer, name)
        assert len(duck) == len(spark), name
        differ = [(d, s) for d, s in zip(duck, spark, strict=True) if not same(d, s)]
        assert not differ, (name, differ[:3])
