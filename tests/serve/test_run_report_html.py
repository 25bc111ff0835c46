"""The HTML report's data-quality chart, from the run report: quarantine by reason, with the
columns at fault a silver reason names shown on its bar."""

from __future__ import annotations

import json
from pathlib import Path

import plotly.graph_objects as go
import pytest

from c360.serve import html_report
from c360.serve.report_kit import Gold


def test_each_reasons_bar_names_the_columns_at_fault(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run = {
        "bronze": [{"table": "orders", "records": 3, "landed": 2, "quarantined": 1,
                    "quarantine": {"unreadable_record": 1}}],
        "silver": [
            {"model": "stg_orders", "bronze_rows": 12, "clean": 5, "rejected": 7,
             "quarantine": {"duplicate_key": 1, "invalid_number": 6},
             "quarantine_columns": {"invalid_number": {"qty": 2, "total_amount_eur": 4}}},
            {"model": "stg_returns", "bronze_rows": 2, "clean": 1, "rejected": 1,
             "quarantine": {"invalid_number": 1}},  # a report of an earlier version
        ],
    }  # fmt: skip
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "run_report.json").write_text(json.dumps(run))
    drawn: list[go.Figure] = []

    def draw(figure: go.Figure) -> str:
        drawn.append(figure)
        return ""

    monkeypatch.setattr(html_report, "_figure", draw)
    html_report._data_quality(Gold(tmp_path))
    [figure] = drawn
    bars = {trace.name: (list(trace.y), list(trace.x), trace.hovertext) for trace in figure.data}
    assert bars == {
        "duplicate_key": (["silver stg_orders"], [1], None),
        "invalid_number": (
            ["silver stg_orders", "silver stg_returns"],
            [6, 1],
            ("qty 2, total_amount_eur 4", ""),
        ),
        "unreadable_record": (["bronze orders"], [1], None),
    }
