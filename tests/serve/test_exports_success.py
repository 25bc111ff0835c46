"""``exports/_SUCCESS``: written after the last export of a run, so that a reader of exports/
knows the files it holds are one complete set, and which batch they are of."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pyarrow as pa
import pytest

from c360.pipeline.lake import publish_table
from c360.serve import exports
from c360.serve.exports import SUCCESS, export_all

FINISHED = dt.datetime(2026, 12, 7, 22, 10, 3, tzinfo=dt.UTC)


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Two gold tables; bronze tables landed in one batch, and one of an earlier batch (the
    newest batch is the run's)."""
    publish_table(tmp_path, "gold", "fct_orders", pa.table({"order_id": ["o1", "o2"]}))
    publish_table(tmp_path, "gold", "kpi", pa.table({"name": ["orders"], "value": [2]}))
    batch = "batch-20261207T220012Z"
    publish_table(tmp_path, "bronze", "orders", pa.table({"_batch_id": [batch, batch]}))
    publish_table(tmp_path, "bronze", "crm", pa.table({"_batch_id": [batch]}))
    publish_table(tmp_path, "bronze", "web", pa.table({"_batch_id": ["batch-20261206T220007Z"]}))
    monkeypatch.setattr(exports, "_now", lambda: FINISHED)
    return tmp_path


def marker(workspace: Path) -> dict:
    return json.loads((workspace / "exports" / SUCCESS).read_text("utf-8"))


def test_a_full_export_ends_with_the_marker_naming_its_time_and_batch(workspace: Path) -> None:
    export_all(workspace)
    assert marker(workspace) == {
        "finished_at": "2026-12-07T22:10:03+00:00",
        "batch_id": "batch-20261207T220012Z",
    }
    assert not list((workspace / "exports").glob(".*.tmp"))  # written whole, then renamed


def test_an_export_failing_midway_leaves_no_marker(
    workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The earlier run's marker goes before any file is replaced: half new, half old files
    are never marked complete."""
    export_all(workspace)
    exported = exports._export

    def full_disk_at_kpi(reader: pa.RecordBatchReader, csv_path: Path, json_path: Path) -> int:
        assert not (workspace / "exports" / SUCCESS).exists()  # gone before any export
        if csv_path.stem == "kpi":
            raise OSError(28, "No space left on device")
        return exported(reader, csv_path, json_path)

    monkeypatch.setattr(exports, "_export", full_disk_at_kpi)
    with pytest.raises(OSError, match="No space left on device"):
        export_all(workspace)
    assert not (workspace / "exports" / SUCCESS).exists()
    assert (workspace / "exports" / "csv" / "fct_orders.csv").exists()


def test_a_rerun_writes_the_marker_anew(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    export_all(workspace)
    later = FINISHED + dt.timedelta(days=1)
    batch = "batch-20261208T220001Z"
    publish_table(workspace, "bronze", "orders", pa.table({"_batch_id": [batch]}))
    publish_table(workspace, "bronze", "crm", pa.table({"_batch_id": [batch]}))
    monkeypatch.setattr(exports, "_now", lambda: later)
    export_all(workspace)
    assert marker(workspace) == {"finished_at": "2026-12-08T22:10:03+00:00", "batch_id": batch}


def test_without_bronze_the_marker_names_no_batch(tmp_path: Path) -> None:
    """Gold published by hand (or by a version that kept no batch id): the time alone."""
    publish_table(tmp_path, "gold", "kpi", pa.table({"name": ["orders"], "value": [2]}))
    export_all(tmp_path)
    written = marker(tmp_path)
    assert written["batch_id"] is None
    assert dt.datetime.fromisoformat(written["finished_at"]).tzinfo is not None


def test_the_marker_a_killed_export_was_writing_goes_with_the_next(workspace: Path) -> None:
    (workspace / "exports").mkdir()
    (workspace / "exports" / f".{SUCCESS}.41.tmp").write_text("{")
    export_all(workspace)
    assert sorted(p.name for p in (workspace / "exports").iterdir()) == [
        ".c360-exports.json",
        SUCCESS,
        "csv",
        "json",
    ]


def test_the_marker_is_no_table_and_a_users_file_so_named_is_not_kept(workspace: Path) -> None:
    """The tables exported are the lake's, whatever exports/ holds beside them."""
    (workspace / "exports").mkdir()
    (workspace / "exports" / SUCCESS).write_text("by hand")
    assert export_all(workspace) == {"fct_orders": 2, "kpi": 1}
    assert json.loads((workspace / "exports" / exports.MANIFEST).read_text()) == [
        "fct_orders",
        "kpi",
    ]
    assert marker(workspace)["batch_id"] == "batch-20261207T220012Z"


def test_no_gold_makes_no_exports_folder_for_a_marker(tmp_path: Path) -> None:
    assert export_all(tmp_path) == {}
    assert not (tmp_path / "exports").exists()
