"""Reports written whole, and a report folder that cannot be written told in one line."""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Any

import pyarrow as pa
import pytest

from c360.pipeline.lake import publish_table
from c360.pipeline.runner import RunResult
from c360.serve import GoldTable, run_report
from c360.serve.html_report import write_html_report
from c360.serve.report_kit import (
    Gold,
    Missing,
    ReportWriteError,
    count,
    counted,
    money,
    pct,
    ratio,
    total,
    write_atomically,
)
from c360.serve.reports import write_text_reports


def deny(monkeypatch: pytest.MonkeyPatch, folder: Path, code: int = errno.EACCES) -> None:
    """Make ``folder`` one where no file can be written, as it is for a user when it is
    read-only (chmod does not stop root, who runs the tests in containers)."""
    opened = Path.open

    def no_writing(self: Path, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        if self.parent == folder and mode != "r":
            raise OSError(code, os.strerror(code), str(self))
        return opened(self, mode, *args, **kwargs)

    monkeypatch.setattr(Path, "open", no_writing)


def test_a_read_only_folder_names_the_report_not_its_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "reports" / "sales_report.txt"
    target.parent.mkdir()
    target.write_text("previous report")
    deny(monkeypatch, target.parent)
    with pytest.raises(ReportWriteError) as caught:
        write_atomically(target, "new report")
    assert str(caught.value) == f"cannot write {target}: Permission denied"
    assert isinstance(caught.value, OSError) and caught.value.errno == errno.EACCES
    monkeypatch.undo()
    assert target.read_text() == "previous report"
    assert [p.name for p in target.parent.iterdir()] == ["sales_report.txt"]


def test_a_full_disk_names_the_report_and_why(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(self: Path, *args: Any, **kwargs: Any) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")  # a write names no file

    monkeypatch.setattr(Path, "write_text", full)
    with pytest.raises(ReportWriteError) as caught:
        write_atomically(tmp_path / "report.html", "<html></html>")
    assert str(caught.value) == f"cannot write {tmp_path / 'report.html'}: No space left on device"


def test_a_reports_folder_that_is_a_file_is_named_not_a_temporary_file(tmp_path: Path) -> None:
    (tmp_path / "reports").write_text("not a folder")
    with pytest.raises(ReportWriteError) as caught:
        write_atomically(tmp_path / "reports" / "run_report.json", "{}")
    assert str(caught.value).startswith(
        f"cannot write {tmp_path / 'reports' / 'run_report.json'}: "
    )
    assert ".tmp" not in str(caught.value)


@pytest.mark.parametrize(
    ("write", "name"),
    [
        (write_text_reports, "sales_report.txt"),
        (write_html_report, "report.html"),
        (lambda ws: run_report.write(RunResult(ws, "duckdb")), "run_report.json"),
    ],
)
def test_each_report_in_a_read_only_reports_folder_is_one_line_naming_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, write: Any, name: str
) -> None:
    reports = tmp_path / "reports"
    reports.mkdir()
    deny(monkeypatch, reports, errno.EROFS)
    with pytest.raises(ReportWriteError) as caught:
        write(tmp_path)
    assert str(caught.value) == f"cannot write {reports / name}: Read-only file system"
    monkeypatch.undo()
    assert list(reports.iterdir()) == []


def test_the_run_report_is_written_whole(tmp_path: Path) -> None:
    path = run_report.write(RunResult(tmp_path, "duckdb"))
    assert path == tmp_path / "reports" / "run_report.md"
    assert path.read_text().startswith("# Run report")
    assert sorted(p.name for p in path.parent.iterdir()) == ["run_report.json", "run_report.md"]


def test_a_total_of_only_unknown_values_is_unknown_not_zero() -> None:
    t = pa.table(
        {
            "unknown": pa.array([None, None], pa.float64()),
            "some": pa.array([None, 2.5], pa.float64()),
            "zero": pa.array([0.0, 0.0]),
        }
    )
    assert total(t, "unknown") is None and money(total(t, "unknown")) == "-"
    assert total(t, "some") == 2.5  # the known values: a sum skips the unknown ones
    assert total(t, "zero") == 0.0
    assert total(t.slice(0, 0), "unknown") == 0  # nothing to add up: 0


def test_nan_is_a_missing_value_shown_as_a_dash_and_left_out_of_totals() -> None:
    nan = float("nan")
    assert (money(nan), pct(nan), count(nan)) == ("-", "-", "-")
    t = pa.table({"some": [1.5, nan, None, 2.0], "none": [nan, None, nan, nan]})
    assert total(t, "some") == 3.5
    assert total(t, "none") is None and money(total(t, "none")) == "-"
    assert money(float("inf")) == "inf"  # a value, not a missing one


def test_gold_reads_each_column_once_and_only_those_asked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = {"k": ["a", "b"], "n": [1, 2], "x": [0.5, None]}
    publish_table(tmp_path, "gold", "t", pa.table(data))
    asked: list[list[str] | None] = []
    reader = GoldTable.reader

    def recorded(self: GoldTable, columns: list[str] | None = None) -> pa.RecordBatchReader:
        asked.append(None if columns is None else list(columns))
        return reader(self, columns)

    monkeypatch.setattr(GoldTable, "reader", recorded)
    gold = Gold(tmp_path)
    assert gold("t", "n", "k").sort_by("k").to_pydict() == {"n": [1, 2], "k": ["a", "b"]}
    assert gold("t", "k").column_names == ["k"]
    assert gold("t").sort_by("k").to_pydict() == data
    assert asked == [["n", "k"], ["x"]]
    with pytest.raises(Missing, match="t has no column y, z"):
        gold("t", "k", "y", "z")
    with pytest.raises(Missing, match="u was not built"):
        gold("u")


def test_a_count_of_one_takes_the_singular() -> None:
    assert counted(1, "click") == "1 click"
    assert counted(6, "open event") == "6 open events"
    assert counted(0, "machine open") == "0 machine opens"
    assert counted(40411, "send") == "40,411 sends"
    assert counted(None, "order") == "- orders"


def test_a_ratio_keeps_two_significant_digits_not_cents() -> None:
    """A stock rotation of 0.0333 is not 0.03 (money's two decimals): two significant digits."""
    assert ratio(0.0333) == "0.033"
    assert ratio(0.00456) == "0.0046"
    assert ratio(3.686) == "3.69"
    assert ratio(0.1) == "0.10"
    assert ratio(1234.5) == "1,234.50"
    assert ratio(0.0) == "0.00"
    assert ratio(-0.0333) == "-0.033"
    assert ratio(None) == "-" and ratio(float("nan")) == "-"
