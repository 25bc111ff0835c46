"""``c360 demo`` sent to a log: generation's summary, then the run's line per finished layer."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from c360.cli import main


def test_a_logged_demo_tells_each_finished_layer_and_an_error_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The demo runs the pipeline through ``c360 run``'s code: the same lines, the same error."""
    from c360.pipeline import runner
    from c360.pipeline.bronze.find import sources
    from c360.pipeline.gold.run import ContractError

    def broken(*args: object, **kwargs: object) -> None:
        raise ContractError("stg_orders: order_id is not unique")

    monkeypatch.setattr(runner, "build_silver", broken)
    workspace = tmp_path / "demo"
    assert main(["demo", "--workspace", str(workspace), "--scale", "0.01"]) == 2
    captured = capsys.readouterr()
    assert captured.err == "error: stg_orders: order_id is not unique\n"
    said = captured.out.splitlines()
    assert any(line.startswith("manifest sha256 ") for line in said[:-1])  # generation's summary
    landed = (
        rf"bronze: {len(sources(workspace))} sources, [\d,]+ records landed, [\d,]+ quarantined"
    )
    assert re.fullmatch(landed + r", \d+\.\d s", said[-1]), said[-1]
