"""What the last run built, as its report tells, and what a command missing its output says."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from c360.pipeline.last_run import why_no_customers, why_no_gold, why_no_warehouse


def _ran(workspace: Path, seconds: dict[str, float] | None) -> Path:
    if seconds is not None:
        (workspace / "reports").mkdir()
        (workspace / "reports" / "run_report.json").write_text(json.dumps({"seconds": seconds}))
    return workspace


SILVER = {"bronze": 1.0, "silver": 2.0, "text": 3.0}
GOLD = SILVER | {"gold": 0.1, "serve": 1.0}
CUSTOMERS = SILVER | {"identity": 5.0, "gold": 0.1, "customers": 1.0, "serve": 1.0}


@pytest.mark.parametrize(
    ("seconds", "said"),
    [
        (None, "run `c360 run` first"),
        (SILVER, "stopped before gold (--until): run it without --until"),
        (GOLD, "built none, their sources not being"),
    ],
)
def test_why_no_gold_follows_the_last_run(
    tmp_path: Path, seconds: dict[str, float] | None, said: str
) -> None:
    assert said in why_no_gold(_ran(tmp_path, seconds))


def test_why_no_gold_with_a_garbled_report_says_to_run(tmp_path: Path) -> None:
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "run_report.json").write_text("{not json")
    assert why_no_gold(tmp_path) == "run `c360 run` first"


@pytest.mark.parametrize(
    ("seconds", "said"),
    [
        (None, "run `c360 run` first"),
        (SILVER, "stopped before gold (--until), and the warehouse is built after gold"),
    ],
)
def test_why_no_warehouse_follows_the_last_run(
    tmp_path: Path, seconds: dict[str, float] | None, said: str
) -> None:
    assert said in why_no_warehouse(_ran(tmp_path, seconds))


@pytest.mark.parametrize(
    ("seconds", "said"),
    [
        (None, "run `c360 run` first (with identity sources in c360.yaml)"),
        (SILVER, "stopped before gold (--until): run it without --until"),
        (GOLD, "resolved no customers: c360.yaml names no identity sources"),
        (CUSTOMERS, "did not finish building customers"),
    ],
)
def test_why_no_customers_follows_the_last_run(
    tmp_path: Path, seconds: dict[str, float] | None, said: str
) -> None:
    assert said in why_no_customers(_ran(tmp_path, seconds))


def test_profile_after_a_run_until_silver_says_so(tmp_path: Path) -> None:
    from c360.identity.explain import read_gold
    from c360.identity.records import IdentityConfigError
    from c360.identity.run import linked

    _ran(tmp_path, SILVER)
    with pytest.raises(IdentityConfigError, match=r"stopped before gold \(--until\)"):
        read_gold(tmp_path, "customer_profile")
    with pytest.raises(IdentityConfigError, match=r"stopped before gold \(--until\)"):
        linked(tmp_path)


def _stopped(workspace: Path, seconds: dict[str, float]) -> Path:
    """A workspace whose last run (with ``seconds``) finished at 07:00 UTC, with gold, the
    warehouse, exports and a report an earlier full run built at 06:00 UTC."""
    import os

    (workspace / "lake" / "gold" / "fct_orders").mkdir(parents=True)
    (workspace / "warehouse.duckdb").write_bytes(b"")
    (workspace / "exports").mkdir()
    (workspace / "reports").mkdir()
    (workspace / "reports" / "report.html").write_text("")
    earlier = 1_796_623_200  # 2026-12-07 06:00:00 UTC
    for path in (workspace / "lake" / "gold" / "fct_orders", workspace / "warehouse.duckdb"):
        os.utime(path, (earlier, earlier))
    report = {"finished_at": "2026-12-07T07:00:00+00:00", "seconds": seconds}
    (workspace / "reports" / "run_report.json").write_text(json.dumps(report))
    return workspace


def test_gold_of_an_earlier_run_after_a_run_stopped_at_silver_is_told(tmp_path: Path) -> None:
    from c360.pipeline.last_run import stale_gold

    assert stale_gold(_stopped(tmp_path, SILVER)) == (
        "the last `c360 run` stopped at silver (2026-12-07 07:00:00 UTC); gold, the warehouse, "
        "exports/ and the reports (report.html) are from the run of 2026-12-07 06:00:00 UTC: "
        "run `c360 run` without --until"
    )


@pytest.mark.parametrize("seconds", [GOLD, CUSTOMERS])
def test_gold_of_the_last_run_is_not_warned_of(tmp_path: Path, seconds: dict[str, float]) -> None:
    from c360.pipeline.last_run import stale_gold

    assert stale_gold(_stopped(tmp_path, seconds)) is None


def test_a_run_stopped_at_silver_with_no_earlier_gold_is_not_warned_of(tmp_path: Path) -> None:
    from c360.pipeline.last_run import stale_gold

    assert stale_gold(_ran(tmp_path, SILVER)) is None
    assert stale_gold(tmp_path / "nowhere") is None


def test_a_run_stopped_at_bronze_names_silver_too(tmp_path: Path) -> None:
    from c360.pipeline.last_run import stale_gold

    (tmp_path / "lake" / "silver").mkdir(parents=True)
    said = stale_gold(_stopped(tmp_path, {"bronze": 1.0}))
    assert said is not None
    assert said.startswith("the last `c360 run` stopped at bronze (2026-12-07 07:00:00 UTC); ")
    assert "; silver, gold, the warehouse" in said
