"""``c360 load-postgres`` before it reaches PostgreSQL: what it says of the gold it would load."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from c360.cli import main


def test_gold_of_an_earlier_run_than_the_last_is_warned_of(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "lake" / "gold" / "fct_orders").mkdir(parents=True)
    (tmp_path / "reports").mkdir()
    seconds = {"bronze": 1.0, "silver": 1.0, "text": 1.0}
    (tmp_path / "reports" / "run_report.json").write_text(json.dumps({"seconds": seconds}))
    main(["load-postgres", "--url", "postgresql://nobody@127.0.0.1:1/none", "-w", str(tmp_path)])
    err = capsys.readouterr().err
    assert err.startswith("warning: the last `c360 run` stopped at silver (")
    assert ": run `c360 run` without --until\n" in err
