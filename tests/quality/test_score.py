"""The quality score: planted defects found in quarantine or repaired in silver."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from c360.cli import main
from c360.pipeline.runner import run
from c360.quality.score import Score, TableScore, _repair, score


def defect(kind: str, column: str = "x") -> dict[str, object]:
    return {"defect_type": kind, "column": column}


@pytest.mark.parametrize(
    ("kind", "column", "raw", "silver", "verdict"),
    [
        ("country_spelling", "country", "france ", {"country": "FR"}, "repaired"),
        ("country_spelling", "country", "Frankreich", {"country": None}, ""),
        ("wrong_encoding", "city", "MÃ¼nchen", {"city": "München"}, "repaired"),
        ("wrong_encoding", "city", "MÃ¼nchen", {"city": "MÃ¼nchen"}, ""),
        ("malformed_record", "amount", "12,50", {"amount": 12.5}, "repaired"),
        ("out_of_range", "age", "212", {"age": 212}, ""),
        ("out_of_range", "age", "212", {"age": None}, "repaired"),
        ("future_date", "order_date", "2099-01-01", {"order_at": dt.datetime(2099, 1, 1)}, ""),
        ("invalid_date", "order_date", "2024-02-30", {"order_at": None}, "repaired"),
        ("malformed_email", "email", "bo@", {"email_hash": None, "has_valid_email": False},
         "repaired"),
        ("malformed_email", "email", "bo@", {"email_hash": "ab12", "has_valid_email": True}, ""),
        ("null", "tier", None, {"tier": "bronze"}, "repaired"),
        ("null", "city", None, {"city": None}, "kept_null"),
        ("negative_amount", "price", "-3.5", {"price": -3.5}, ""),
    ],
)  # fmt: skip
def test_a_repair_counts_only_when_silver_dealt_with_the_value(
    kind: str, column: str, raw: str | None, silver: dict[str, object], verdict: str
) -> None:
    assert _repair(defect(kind, column), {column: raw}, silver) == verdict


def test_a_row_missing_from_silver_is_not_a_repair() -> None:
    assert _repair(defect("null", "city"), {"city": None}, None) == ""


def test_clean_rows_are_the_rows_without_any_defect() -> None:
    """Ten rows, four defects on two of them: one false reject among eight clean rows."""
    table = TableScore("t", rows=10, defects=4, spoiled=2, false_rejects=1)
    assert Score([table]).false_reject_rate == 1 / 8


@pytest.fixture(scope="module")
def scored(dirty_workspace: Path) -> Path:
    run(dirty_workspace, until="silver")
    return dirty_workspace


def test_every_defect_of_a_staged_table_is_caught_and_no_clean_row_rejected(
    scored: Path,
) -> None:
    result = score(scored)
    staged = [t for t in result.tables if t.staged]
    assert staged and sum(t.defects for t in staged) > 500
    assert {t.table: t.missed for t in staged if t.missed} == {}
    assert sum(t.false_rejects for t in staged) == 0


def test_cli_prints_json(scored: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["quality", "score", "--workspace", str(scored), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["targets"] == {"caught_rate": 0.99, "false_reject_rate": 0.001}
    assert {t["table"] for t in report["tables"]} >= {"ecommerce_orders", "mongo_customers"}


def test_a_workspace_never_run_gets_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "truth").mkdir()
    (tmp_path / "truth" / "defects.csv").write_text("table,row_key,row_number,column,defect_type\n")
    assert main(["quality", "score", "--workspace", str(tmp_path)]) == 2
    assert "run `c360 run` first" in capsys.readouterr().err


def test_a_lake_run_on_other_sources_gets_one_line(
    scored: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Sources generated again, larger, and not run: the lake does not hold them."""
    (tmp_path / "truth").mkdir()
    (tmp_path / "lake").symlink_to(scored / "lake")
    (tmp_path / "truth" / "defects.csv").write_text(
        "table,row_key,row_number,column,defect_type\n"
        "crm_customers,C9,99999999,email,malformed_email\n"
    )
    assert main(["quality", "score", "--workspace", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "record 99,999,999 of crm_customers" in err and "run `c360 run` again" in err
