"""What the last run built, as its report tells, and what a command missing its output says."""

from __future__ import annotations

import json
import re
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
        (GOLD, "resolved no customers: the workspace has no c360.yaml naming identity sources"),
        (CUSTOMERS, "did not finish building customers"),
    ],
)
def test_why_no_customers_follows_the_last_run(
    tmp_path: Path, seconds: dict[str, float] | None, said: str
) -> None:
    assert said in why_no_customers(_ran(tmp_path, seconds))


def test_why_no_customers_names_the_project_file_when_there_is_one(tmp_path: Path) -> None:
    workspace = _ran(tmp_path, GOLD)
    (workspace / "c360.yaml").write_text("schema_drift: fail\n")
    assert "c360.yaml names no identity sources" in why_no_customers(workspace)


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


# A run that started and did not finish: an exception or Ctrl-C in a layer, or a killed process.
TIME = r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC"


def _unfinished(workspace: Path, *layers: str, until: str = "gold") -> Path:
    """A workspace whose earlier full run built gold at 06:00 UTC, and whose last run went
    through ``layers`` and stopped in the last of them."""
    from c360.pipeline.last_run import run_at, run_started

    _stopped(workspace, GOLD)
    run_started(workspace, until)
    for layer in layers:
        run_at(workspace, layer)
    return workspace


def test_a_run_stopped_in_silver_says_gold_is_the_earlier_runs(tmp_path: Path) -> None:
    from c360.pipeline.last_run import stale_gold

    said = stale_gold(_unfinished(tmp_path, "bronze", "silver"))
    assert said is not None
    assert re.fullmatch(
        rf"the last `c360 run` \(started {TIME}\) stopped at silver before it finished \(silver "
        r"is partly its\); gold, "
        r"the warehouse, exports/ and the reports \(report\.html\) are from the run of "
        r"2026-12-07 06:00:00 UTC: run `c360 run` again",
        said,
    ), said


def test_a_run_stopped_in_bronze_names_silver_too(tmp_path: Path) -> None:
    from c360.pipeline.last_run import stale_gold

    (tmp_path / "lake" / "silver").mkdir(parents=True)
    said = stale_gold(_unfinished(tmp_path, "bronze", until="silver"))
    assert said is not None
    assert "stopped at bronze before it finished; silver, gold, the warehouse" in said
    assert said.endswith(": run `c360 run` again without --until")


@pytest.mark.parametrize("layer", ["identity", "gold", "customers", "serve"])
def test_a_run_stopped_in_or_after_gold_says_gold_is_partly_its(tmp_path: Path, layer: str) -> None:
    from c360.pipeline.last_run import stale_gold

    said = stale_gold(_unfinished(tmp_path, "bronze", "silver", "text", layer))
    assert said is not None
    assert f"stopped at {layer} before it finished; gold, the warehouse, exports/ and the " in said
    assert said.endswith(
        "are partly its, partly from the run of 2026-12-07 06:00:00 UTC: run `c360 run` again"
    )


def test_a_finished_run_or_one_that_changed_nothing_is_not_warned_of(tmp_path: Path) -> None:
    from c360.pipeline.last_run import RUN_FILE, run_finished, stale_gold

    _unfinished(tmp_path)  # stopped before bronze: a project or a condition it could not use
    assert (tmp_path / RUN_FILE).exists()
    assert stale_gold(tmp_path) is None
    _unfinished(tmp_path / "b", "bronze", "silver", "text", "gold", "serve")
    run_finished(tmp_path / "b")
    assert not (tmp_path / "b" / RUN_FILE).exists()
    assert stale_gold(tmp_path / "b") is None
    run_finished(tmp_path / "b")  # twice: nothing to clear


def test_a_run_stopped_with_no_earlier_gold_says_its_own_is_incomplete(tmp_path: Path) -> None:
    from c360.pipeline.last_run import run_at, run_started, stale_gold

    run_started(tmp_path, "gold")
    run_at(tmp_path, "bronze")
    assert stale_gold(tmp_path) is None  # no gold at all: nothing to mistake for this run's
    run_at(tmp_path, "gold")
    (tmp_path / "lake" / "gold" / "fct_orders").mkdir(parents=True)
    said = stale_gold(tmp_path)
    assert said is not None
    assert said.endswith("stopped at gold before it finished; gold is incomplete: run `c360 run` "
                         "again")  # fmt: skip


def test_a_second_unfinished_run_keeps_what_the_first_left(tmp_path: Path) -> None:
    """The first stopped in gold, the second in silver: gold is still partly the first's, and
    the time is still that of the run before both."""
    import os

    from c360.pipeline.last_run import run_at, run_started, stale_gold

    _unfinished(tmp_path, "bronze", "silver", "text", "gold")
    os.utime(tmp_path / "lake" / "gold" / "fct_orders")  # rebuilt by the first
    run_started(tmp_path, "gold")
    run_at(tmp_path, "bronze")
    run_at(tmp_path, "silver")
    said = stale_gold(tmp_path)
    assert said is not None
    assert "stopped at silver before it finished; gold" in said
    assert said.endswith("are partly its, partly from the run of 2026-12-07 06:00:00 UTC: run "
                         "`c360 run` again")  # fmt: skip


def test_a_run_under_way_is_told_as_such(tmp_path: Path) -> None:
    """While the run holds the workspace's lock, it has not stopped: it is running."""
    import os

    from c360.pipeline.last_run import stale_gold
    from c360.workspace import LOCK_FILE, exclusive

    _unfinished(tmp_path, "bronze", "silver")
    with exclusive(tmp_path, "c360 run"):
        said = stale_gold(tmp_path)
    assert said is not None
    assert re.fullmatch(
        rf"a `c360 run` \(started {TIME}\) is at silver; gold, the warehouse, exports/ and the "
        r"reports \(report\.html\) are from the run of 2026-12-07 06:00:00 UTC until it finishes",
        said,
    ), said
    said = stale_gold(tmp_path)  # released: the run ended without finishing
    assert said is not None and "stopped at silver before it finished" in said
    # A killed run's lock file still names it, and its process id may be another's now.
    (tmp_path / LOCK_FILE).write_text(f"c360 run (pid {os.getpid()}, since now)\n")
    said = stale_gold(tmp_path)
    assert said is not None and "stopped at silver before it finished" in said
    with exclusive(tmp_path, "c360 generate"):  # another command's lock is no run under way
        said = stale_gold(tmp_path)
    assert said is not None and "stopped at silver before it finished" in said


def test_an_unreadable_record_of_a_run_is_a_run_that_stopped(tmp_path: Path) -> None:
    from c360.pipeline.last_run import RUN_FILE, stale_gold

    _unfinished(tmp_path, "bronze", "silver")
    (tmp_path / RUN_FILE).write_text("{not json")
    said = stale_gold(tmp_path)
    assert said == (
        "a `c360 run` did not finish: gold, the warehouse, exports/ and the reports (report.html)"
        " may be partly its: run `c360 run` again"
    )


def test_a_finished_run_stopped_early_keeps_what_an_unfinished_one_left_past_it(
    tmp_path: Path,
) -> None:
    from c360.pipeline.last_run import run_at, run_finished, run_started, stale_gold

    _unfinished(tmp_path, "bronze", "silver", "text", "identity", "gold")
    run_started(tmp_path, "silver")
    run_at(tmp_path, "bronze")
    run_at(tmp_path, "silver")
    run_finished(tmp_path, "silver")
    said = stale_gold(tmp_path)
    assert said == (
        "an earlier `c360 run` reached gold and stopped before it finished, and the last one "
        "stopped at silver (--until): gold, the warehouse, exports/ and the reports "
        "(report.html) are partly that earlier run's: run `c360 run` without --until"
    )
    run_started(tmp_path, "gold")
    run_finished(tmp_path, "gold")
    assert stale_gold(tmp_path) is None


@pytest.mark.parametrize(
    ("path", "workspace"),
    [
        ("ws/lake/gold/fct_orders", "ws"),
        ("ws/lake/gold/fct_orders/part-0.parquet", "ws"),
        ("ws/exports/csv/fct_orders.csv", "ws"),
        ("ws/exports/json/fct_orders.jsonl.gz", "ws"),
        ("ws/lake/silver/stg_orders", None),
        ("orders.csv", None),
    ],
)
def test_a_file_of_a_workspaces_gold_names_the_workspace(
    tmp_path: Path, path: str, workspace: str | None
) -> None:
    from c360.pipeline.last_run import gold_workspace

    found = gold_workspace(tmp_path / path)
    assert found == (None if workspace is None else tmp_path / workspace)
