"""The quality score: planted defects found in quarantine or repaired in silver."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import pyarrow as pa
import pytest

from c360.cli import main
from c360.pipeline import lake
from c360.pipeline.runner import run
from c360.quality.score import Score, TableScore, _repair, replaced_values, score


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


def test_a_replaced_value_is_text_in_bronze_and_none_in_silver() -> None:
    """Records 1–3 lose a value each (NULL, deliverable e-mail flagged off, unknown gender);
    record 5 wrote an address silver could not deliver to; the others wrote nothing, a word for
    missing, or a value silver read. C7 has no bronze record to compare with."""
    bronze = pa.table(
        {
            "id": [" C1 ", "C2", "C3", "C4", "C5", "C6"],
            "country": ["FR", "FR", "fr", "", "NULL", "Frankreich"],
            "email": ["a@b.fr", "c@d.fr", "e@f.fr", None, "bo@", "g@h.fr"],
            "gender": ["f", "m", "x", "u", None, "F"],
            "_row_number": [1, 2, 3, 4, 5, 6],
        }
    )
    silver = pa.table(
        {
            "id": ["C1", "C2", "C3", "C4", "C5", "C6", "C7"],
            "country": [None, "FR", "FR", None, None, "DE", None],
            "has_valid_email": [True, False, True, False, False, True, True],
            "gender": ["F", "M", "U", "U", "U", "F", "U"],
        }
    )
    assert sorted(replaced_values(bronze, silver, ("id",))) == [
        (1, "country"), (2, "email"), (3, "gender"), (5, "email")
    ]  # fmt: skip


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
    assert {t.table: t.false_repairs for t in staged if t.false_repairs} == {}


def test_a_clean_value_silver_blanked_is_a_false_repair(
    scored: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two countries blanked in silver: one the generator spelled otherwise (now missed, no
    false repair), one it did not spoil (a false repair); no other figure moves."""
    (tmp_path / "truth").symlink_to(scored / "truth")
    (tmp_path / "lake").mkdir()
    for layer in ("bronze", "quarantine"):
        (tmp_path / "lake" / layer).symlink_to(scored / "lake" / layer)
    (tmp_path / "lake" / "silver").mkdir()
    for model in (scored / "lake" / "silver").iterdir():
        (tmp_path / "lake" / "silver" / model.name).symlink_to(model)
    before = {t.table: without_false_repairs(t) for t in score(tmp_path).tables}
    silver = lake.read_table(scored, "silver", "stg_ecommerce_customers")
    ids = silver.column("customer_id").to_pylist()
    spoiled = next(i for i in ids if i in planted(scored, "country"))
    clean = next(i for i in ids if i not in planted(scored))
    blanked = [None if i in (spoiled, clean) else c
               for i, c in zip(ids, silver.column("country").to_pylist(), strict=True)]  # fmt: skip
    silver = silver.set_column(
        silver.column_names.index("country"), "country", pa.array(blanked, pa.string())
    )
    (tmp_path / "lake" / "silver" / "stg_ecommerce_customers").unlink()
    lake.publish_table(tmp_path, "silver", "stg_ecommerce_customers", silver)
    result = score(tmp_path)
    customers = next(t for t in result.tables if t.table == "ecommerce_customers")
    assert customers.false_repairs == {"country": 1}
    assert result.as_dict()["false_repairs"] == 1
    before["ecommerce_customers"]["repaired"] -= 1  # type: ignore[operator]
    before["ecommerce_customers"]["missed"] = {"country_spelling:country": 1}
    assert {t.table: without_false_repairs(t) for t in result.tables} == before
    assert main(["quality", "score", "--workspace", str(tmp_path)]) == 0
    assert "1 clean value" in capsys.readouterr().out


def without_false_repairs(t: TableScore) -> dict[str, object]:
    return {k: v for k, v in vars(t).items() if k != "false_repairs"}


def planted(workspace: Path, column: str = "") -> set[str]:
    """The e-commerce customers the generator spoiled (in ``column``, when given)."""
    rows = csv.DictReader((workspace / "truth" / "defects.csv").read_text().splitlines())
    return {r["row_key"] for r in rows if r["table"] == "ecommerce_customers"
            and column in ("", r["column"])}  # fmt: skip


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


@pytest.mark.parametrize(
    ("content", "says"),
    [
        ("kind,key\nnull,P1\n", "it lacks column, defect_type, row_key, row_number, table"),
        ("", "it lacks column, defect_type, row_key, row_number, table"),
        ('table,row_key\n"crm,C1\n', "cannot read it"),
    ],
)
def test_a_manifest_of_another_shape_gets_one_line(
    scored: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, says: str
) -> None:
    (tmp_path / "truth").mkdir()
    (tmp_path / "lake").symlink_to(scored / "lake")
    (tmp_path / "truth" / "defects.csv").write_text(content)
    assert main(["quality", "score", "--workspace", str(tmp_path)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and says in err, err
    assert err.startswith(f"error: {tmp_path / 'truth' / 'defects.csv'} is not a defect manifest")


def test_the_text_sources_are_scored_against_the_text_layer_s_silver_tables(
    scored: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``stg_notes`` is the silver model of the notes: its quarantine catches their defects."""
    tables = score(scored).tables
    text = {t.table: t.staged for t in tables if t.table.startswith("text_")}
    assert text == {"text_customer_notes": True, "text_email_bodies": True}
    unstaged = {t.table for t in tables if not t.staged}
    assert unstaged and all(t.startswith("identity_") for t in unstaged)
    assert main(["quality", "score", "--workspace", str(scored)]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert (
        "* an identity source, read by identity resolution rather than a silver model: only "
        "its bronze quarantine is scored"
    ) in out


def test_a_quarantined_note_counts_as_caught(tmp_path: Path) -> None:
    """A note silver's text layer set aside is caught, as a silver model's quarantine is."""
    bronze = pa.table({"name": ["n1.txt", "n2.txt"], "text": ["a", "b"],
                       "_row_number": pa.array([1, 2], pa.int64())})  # fmt: skip
    lake.publish_table(tmp_path, "bronze", "text_customer_notes", bronze)
    quarantine = pa.table({"name": ["n2.txt"], "_row_number": pa.array([2], pa.int64())})
    lake.publish_table(tmp_path, "quarantine", "silver_stg_notes", quarantine)
    (tmp_path / "truth").mkdir()
    (tmp_path / "truth" / "defects.csv").write_text(
        "table,row_key,row_number,column,defect_type\n"
        "text_customer_notes,n2.txt,2,*,malformed_record\n"
    )
    notes = next(t for t in score(tmp_path).tables if t.table == "text_customer_notes")
    assert (notes.staged, notes.quarantined, notes.false_rejects) == (True, 1, 0)
